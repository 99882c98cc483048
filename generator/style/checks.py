"""Checks of a merged style sheet whose numbers are valid one by one (the schema, see
style_schema.py) but not together: each returns located findings with stable codes."""
from __future__ import annotations

import math

from generator.core.location import Finding, format_path
from generator.core.codes import finding
from generator.style.sheet import TWIPS_PER_MM, StyleSheet, length, size_points
from generator.source.sourcemap import SourceMap

MAX_TWIPS = 31680                 # 1584 pt: the most spacing or line height Word accepts
_KINDS = {"size": ("pt", 1, 200), "before": ("tw", 0, MAX_TWIPS), "after": ("tw", 0, MAX_TWIPS),
          "line": ("tw", 1, MAX_TWIPS), "pitch": ("tw", 1, MAX_TWIPS)}


def check_numbers(data: dict, smap: SourceMap) -> list[Finding]:
    """Return E105 findings for what the schema's ranges let through: a number that is not
    finite (``.nan``, ``.inf``), and a length or size written with a unit (``0.01pt``,
    ``99999pt``, ``9999mm``) outside the range the same quantity has as a plain number.
    ``data`` is a merged sheet that passed the schema."""
    findings = []
    for parts, value in _leaves(data, ()):
        if isinstance(value, float) and not math.isfinite(value):
            written = ".nan" if math.isnan(value) else ("-.inf" if value < 0 else ".inf")
            findings.append(finding("E105", smap.locate(parts), f"值 {written} 不是有限的数",
                                    format_path(parts)))
        elif isinstance(value, str) and parts[-1] in _KINDS and parts[0] in ("roles", "grid"):
            unit, low, high = _KINDS[parts[-1]]
            amount = size_points(value) if unit == "pt" else length(value, "tw")
            if not low <= amount <= high:
                shown = f"{low}–{high} 磅" if unit == "pt" else f"{low / 20:g}–{high / 20:g} 磅"
                findings.append(finding("E105", smap.locate(parts),
                                        f"值“{value}”超出范围：应在 {shown}之间", format_path(parts)))
    return findings


def _leaves(value, parts: tuple):
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _leaves(child, parts + (key,))
    else:
        yield parts, value


def _at(smap: SourceMap, *candidates: tuple) -> tuple:
    """Return (location, field) of the first candidate written in this sheet, else of the
    first candidate's nearest written ancestor (the value came from an extended sheet)."""
    chosen = next((c for c in candidates if c in smap.values), candidates[0])
    return smap.locate(chosen), ".".join(chosen)


def _mm_text(twips: float) -> str:
    return f"{twips / TWIPS_PER_MM:.1f}".removesuffix(".0")


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def check_geometry(sheet: StyleSheet, smap: SourceMap) -> list[Finding]:
    """Return findings for a merged sheet whose numbers are valid one by one but not
    together: a type area that is not positive (E109), a grid the type area cannot hold
    (E110 characters, E111 lines), a line pitch outside the sane range (E112), a role whose
    characters have no positive width (E113), a 标志 below the type area (E114), a footer
    reaching into it (E115), a role's line lower than its characters (E116); the last three
    only for a sane grid, which they are measured against."""
    return _check_area(sheet, smap) or (
        _check_roles(sheet, smap) + _check_grid(sheet, smap)
        or _check_places(sheet, smap) + _check_lines(sheet, smap))


def _check_places(sheet: StyleSheet, smap: SourceMap) -> list[Finding]:
    """Return E114 when the 标志's line starts below the type area can hold it, E115 when the
    page-number line reaches above the bottom margin (Word then shrinks the type area)."""
    findings = []
    mark = sheet.roles["issuer_mark"]
    mark_line = max(mark.line or sheet.pitch, round(_size(sheet, "issuer_mark") * 20))
    top = sheet.header.mark_top
    if top + mark_line > sheet.text_height:
        where, name = _at(smap, ("header", "mark_top"))
        findings.append(finding("E114", where, f"发文机关标志距版心上边缘 {_mm_text(top)} 毫米，加一行标志后超出版心高度 "
            f"{_mm_text(sheet.text_height)} 毫米", name))
    number_line = sheet.roles["page_number"].line or sheet.pitch
    if sheet.footer + number_line > sheet.margin_bottom:
        where, name = _at(smap, ("page", "footer"), ("page", "bottom"))
        findings.append(finding("E115", where, f"页脚距页面下边缘 {_mm_text(sheet.footer)} 毫米，加页码行高后为 "
            f"{_mm_text(sheet.footer + number_line)} 毫米，超出下页边距 "
            f"{_mm_text(sheet.margin_bottom)} 毫米：版心会被压缩", name))
    return findings


def _check_lines(sheet: StyleSheet, smap: SourceMap) -> list[Finding]:
    """Return E116 for each role whose own exact line height is below its font size (the
    tops of its characters would be cut off)."""
    findings = []
    for name, role in sheet.roles.items():
        size = _size(sheet, name)
        if role.line is not None and role.line < round(size * 20):
            where, field_name = _at(smap, ("roles", name, "line"))
            findings.append(finding("E116", where, f"行距 {_number(role.line / 20)} 磅小于字号 {_number(size)} 磅：文字会被截去", field_name))
    return findings


def _size(sheet: StyleSheet, role: str) -> float:
    """Return a role's font size in points, the body's when it sets none."""
    size = sheet.roles[role].size
    return size if size is not None else sheet.roles["body"].size


def _check_area(sheet: StyleSheet, smap: SourceMap) -> list[Finding]:
    """Return E109 findings for a type area of zero or negative width or height."""
    findings = []
    for size, what, parts in ((sheet.text_width, "宽度", ("left", "right", "width", "左右")),
                              (sheet.text_height, "高度", ("top", "bottom", "height", "上下"))):
        if size <= 0:
            where, name = _at(smap, *[("page", p) for p in parts[:3]])
            findings.append(finding("E109", where, f"版心{what}为 {_mm_text(size)} 毫米（纸张{what}减去{parts[3]}页边距）：应大于 0", name))
    return findings


def _check_roles(sheet: StyleSheet, smap: SourceMap) -> list[Finding]:
    """Return E113 findings for roles whose size plus character spacing is not positive."""
    body, findings = sheet.roles["body"], []
    for name, role in sheet.roles.items():
        if name != "body" and role.size is None and role.char_spacing is None:
            continue                      # inherits both: reported once, for body
        size = role.size if role.size is not None else body.size
        spacing = role.char_spacing if role.char_spacing is not None else body.char_spacing
        if size + (spacing or 0) <= 0:
            where, field_name = _at(smap, ("roles", name, "char_spacing"), ("roles", name, "size"))
            findings.append(finding("E113", where, f"字号 {_number(size)} 磅加字距 {_number(spacing or 0)} 磅后字宽不为正：应大于 0", field_name))
    return findings


def _check_grid(sheet: StyleSheet, smap: SourceMap) -> list[Finding]:
    """Return E110–E112 findings for a grid (characters per line, lines per page, pitch)
    that the type area cannot hold or that makes no sense for the body size."""
    body, findings = sheet.roles["body"], []
    if not round(body.size * 20) <= sheet.pitch <= 1440:
        where, name = _at(smap, ("grid", "pitch"))
        findings.append(finding("E112", where, f"行距 {_number(sheet.pitch / 20)} 磅不合理：应在正文字号 {_number(body.size)} 磅"
            "至 72 磅之间", name))
    advance = round((body.size + (body.char_spacing or 0)) * 20)
    if sheet.chars * advance > sheet.text_width:
        where, name = _at(smap, ("grid", "chars"), ("roles", "body", "size"))
        findings.append(finding("E110", where, f"每行 {sheet.chars} 字需 {_mm_text(sheet.chars * advance)} 毫米，"
            f"超出版心宽度 {_mm_text(sheet.text_width)} 毫米", name))
    if not findings and sheet.lines * sheet.pitch > sheet.text_height:
        where, name = _at(smap, ("grid", "lines"), ("grid", "pitch"))
        findings.append(finding("E111", where, f"每面 {sheet.lines} 行需 {_mm_text(sheet.lines * sheet.pitch)} 毫米，"
            f"超出版心高度 {_mm_text(sheet.text_height)} 毫米", name))
    return findings
