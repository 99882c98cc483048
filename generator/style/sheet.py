"""Style sheets: YAML data (``styles/*.yaml``) loaded, merged and validated into a StyleSheet.

All lengths are converted here to twips (1/20 pt), the unit OOXML uses, so writers do no
unit arithmetic of their own. A sheet may ``extends:`` another (by name or path); the
child's mappings are merged into the parent's, key by key.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from generator.core.location import Finding, InputError, Severity, ToolError
from generator.core.codes import finding
from generator.core.resources import data_dir
from generator.style.schema import ROLES, SIZE_NAMES, STYLE
from generator.source.schema_check import check_schema
from generator.source.sourcemap import SourceMap, load_yaml

DEFAULT = "gbt9704"
TWIPS_PER_MM = 1440 / 25.4
_EIGHTHS_PER_MM = 72 / 25.4 * 8          # border widths (w:sz) are in eighths of a point
_LENGTH = re.compile(r"^(\d+(?:\.\d+)?)\s*(pt|mm|tw)$")
_MAX_DEPTH = 8


class Role(NamedTuple):
    """How one role (body, title, heading1 …) is set; None means "inherit from Normal"."""

    font: str | None = None
    latin: str | None = None
    size: float | None = None          # points
    bold: bool | None = None
    color: str | None = None
    align: str | None = None
    indent: float | None = None        # first-line indent, characters
    left: float | None = None          # characters
    right: float | None = None         # characters
    before: int | None = None          # twips
    after: int | None = None           # twips
    line: int | None = None            # exact line height, twips
    char_spacing: float | None = None  # points
    keep_next: bool | None = None


class Header(NamedTuple):
    """The red header's geometry, resolved when the sheet loads (writers do no unit arithmetic)."""

    mark_top: int            # twips from the type area's top to the 标志's top
    doc_number_gap: int      # twips above the 文号 (blank lines × pitch)
    rule_gap: float          # points from the 文号 line down to the red rule
    rule_width: int          # eighths of a point (w:sz)
    rule_color: str          # RRGGBB
    star: bool               # a ★ in the middle of the rule (Party organs)
    title_gap: int           # twips above the title (blank lines × pitch)


class Signature(NamedTuple):
    """The space above the 署名, with and without a seal, in twips."""

    gap_seal: int
    gap_plain: int


class Imprint(NamedTuple):
    """The 版记's rules in eighths of a point (w:sz), and whether it goes on an even page."""

    outer_rule: int
    inner_rule: int
    even_page: bool
    rules_height: int        # twips the rules add to the 版记's rows (1 mm, measured)


class StyleSheet(NamedTuple):
    """A validated style sheet; lengths in twips unless the name says otherwise."""

    name: str
    page_width: int
    page_height: int
    margin_top: int
    margin_bottom: int
    margin_left: int
    margin_right: int
    footer: int
    lines: int
    chars: int
    pitch: int
    header: Header
    signature: Signature
    imprint: Imprint
    roles: dict[str, Role]
    fonts: dict[str, str]        # font name -> substitute (DOCX font table, w:altName)
    breakdown: dict = {}         # the 重点任务分解表: orientation, margins (twips), columns

    @property
    def landscape(self) -> bool:
        """Return whether the 分解表 is printed on landscape pages."""
        return self.breakdown.get("orientation") == "landscape"

    @property
    def text_width(self) -> int:
        """Return the type area width in twips."""
        return self.page_width - self.margin_left - self.margin_right

    @property
    def text_height(self) -> int:
        """Return the type area height in twips."""
        return self.page_height - self.margin_top - self.margin_bottom


def mm(value: float) -> int:
    """Return a length in mm as whole twips."""
    return round(value * TWIPS_PER_MM)


def _header(data: dict, pitch: int) -> Header:
    return Header(mm(data["mark_top"]), round(data["doc_number_gap"] * pitch),
                  data["rule_gap"] * 72 / 25.4, round(data["rule_width"] * 8), data["rule_color"],
                  bool(data.get("star")), round(data["title_gap"] * pitch))


def _imprint(data: dict) -> Imprint:
    return Imprint(round(data["outer_rule"] * _EIGHTHS_PER_MM), round(data["inner_rule"] * _EIGHTHS_PER_MM),
                   data.get("even_page", True), mm(1))


def length(value, default_unit: str, pitch: int = 0) -> int:
    """Return a length as twips: a number in ``default_unit`` ("line", "tw", "pt"), or a
    string with unit pt/mm/tw. Lines are multiples of ``pitch``."""
    if isinstance(value, str):
        number, unit = _LENGTH.match(value.strip()).groups()
        value, default_unit = float(number), unit
    factor = {"line": pitch, "tw": 1, "pt": 20, "mm": TWIPS_PER_MM}[default_unit]
    return round(value * factor)


def size_points(value) -> float:
    """Return a font size in points from a 号 name, a number or "15.5pt"."""
    if isinstance(value, str):
        if value in SIZE_NAMES:
            return float(SIZE_NAMES[value])
        return float(value.strip().removesuffix("pt").strip())
    return float(value)


def _role(data: dict, pitch: int) -> Role:
    spaces = {k: length(data[k], "line", pitch) for k in ("before", "after") if k in data}
    if "line" in data:
        spaces["line"] = length(data["line"], "tw")
    if "size" in data:
        spaces["size"] = size_points(data["size"])
    plain = {k: v for k, v in data.items() if k not in spaces and k not in ("size",)}
    return Role(**plain, **spaces)


def sheet_from_data(name: str, data: dict) -> StyleSheet:
    """Return the StyleSheet for merged, valid sheet data."""
    page, grid = data["page"], data["grid"]
    pitch = length(grid["pitch"], "tw")
    return StyleSheet(
        name=name, page_width=mm(page["width"]), page_height=mm(page["height"]),
        margin_top=mm(page["top"]), margin_bottom=mm(page["bottom"]),
        margin_left=mm(page["left"]), margin_right=mm(page["right"]), footer=mm(page["footer"]),
        lines=grid["lines"], chars=grid["chars"], pitch=pitch,
        header=_header(data["header"], pitch),
        signature=Signature(*(round(data["signature"][k] * pitch) for k in ("gap_seal", "gap_plain"))),
        imprint=_imprint(data["imprint"]),
        roles={r: _role(data["roles"][r], pitch) for r in ROLES},
        fonts=dict(data.get("fonts") or {}),
        breakdown=_breakdown(data["breakdown"], page),
    )


def _breakdown(data: dict, page: dict) -> dict:
    """Return the 分解表 settings with margins in twips (a landscape page's own, else the
    page's) and columns as (key, heading) pairs."""
    margins = data.get("margins") or page
    return {"orientation": data["orientation"],
            "margins": {side: mm(margins[side]) for side in ("top", "bottom", "left", "right")},
            "columns": [(c["key"], c["heading"]) for c in data["columns"]]}


def merge(base: dict, child: dict) -> dict:
    """Return ``base`` with ``child`` merged in: mappings key by key, other values replaced."""
    out = dict(base)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def find_sheet(name_or_path: str, relative_to: Path | None = None) -> Path:
    """Return the file of a style sheet: a bare name is looked up in ``styles/``, anything
    else is a path (relative to ``relative_to`` when given). Raises ToolError if missing."""
    if re.fullmatch(r"[\w\-]+", name_or_path):
        candidate = data_dir("styles") / f"{name_or_path}.yaml"
        if candidate.is_file():
            return candidate
    path = Path(name_or_path)
    if relative_to is not None and not path.is_absolute():
        path = relative_to / path
    if path.is_file():
        return path
    known = "、".join(sorted(p.stem for p in data_dir("styles").glob("*.yaml")))
    raise ToolError(f"找不到样式表“{name_or_path}”（内置样式表：{known}）")


def _as_errors(findings: list[Finding]) -> list[Finding]:
    """Unknown keys in a style sheet are errors: the formatting meant would silently not apply."""
    return [f._replace(severity=Severity.ERROR, code="E107") if f.code == "W101" else f
            for f in findings]


def _load_chain(path: Path, seen: tuple[Path, ...]) -> tuple[dict, SourceMap]:
    """Return (merged data, source map of ``path``) for a sheet and the sheets it extends.

    Raises InputError for invalid sheets and cycles, ToolError for missing files.
    """
    data, smap = load_yaml(path)
    parent = data.get("extends") if isinstance(data, dict) else None
    if parent is None:
        return data, smap               # checked whole by load_style, once
    findings = _as_errors(check_schema(data, smap, STYLE, update=True))
    if findings:
        raise InputError(findings)
    parent_path = find_sheet(parent, path.parent)
    if parent_path.resolve() in seen or len(seen) > _MAX_DEPTH:
        raise InputError([finding("E108", smap.locate(("extends",)),
                                  f"样式表循环继承：“{parent}”", "extends")])
    base, _ = _load_chain(parent_path, seen + (parent_path.resolve(),))
    if not isinstance(base, dict):
        raise InputError([finding("E108", smap.locate(("extends",)),
                                  f"“{parent}”不是样式表（文件顶层不是映射）", "extends")])
    return merge(base, data), smap


def load_style(name_or_path: str | None = None) -> StyleSheet:
    """Return the style sheet named (``styles/NAME.yaml``) or at a path; None = gbt9704.

    Raises ToolError when the sheet cannot be found or read, InputError (located findings)
    when it or a sheet it extends is invalid or the merged sheet is incomplete.
    """
    path = find_sheet(name_or_path or DEFAULT)
    data, smap = _load_chain(path, (path.resolve(),))
    if isinstance(data, dict):
        data.pop("extends", None)
    findings = _as_errors(check_schema(data, smap, STYLE))
    from generator.style.checks import check_geometry, check_numbers  # import StyleSheet from here
    if findings or (findings := check_numbers(data, smap)):
        raise InputError(findings)
    sheet = sheet_from_data(path.stem, data)
    findings = check_geometry(sheet, smap)
    if findings:
        raise InputError(findings)
    return sheet
