"""Tables: the targets table (重点指标, header row repeated) and the 版记 (imprint), a
borderless-sided table between rules anchored at the bottom of the type area."""
from __future__ import annotations

import math

from ..document import Block
from ..style import StyleSheet, mm
from .docx_layout import char_twips, text_width
from .docx_pages import role_metrics
from .docx_names import style_id
from lxml import etree

from .docx_xml import W, border, el, escape, indent, paragraph, xml_text

_EIGHTHS_PER_MM = 72 / 25.4 * 8


def _grid(tbl, widths: list[int]) -> None:
    grid = el("tblGrid", tbl)
    for width in widths:
        el("gridCol", grid, w=width)


def _cell(tr, width: int, text: str, style: str, props: dict | None = None):
    tc = el("tc", tr)
    tcpr = el("tcPr", tc)
    el("tcW", tcpr, w=width, type="dxa")
    el("vAlign", tcpr, val="center")
    paragraph(tc, style, [(text, None)], props)
    return tc


def column_widths(rows: tuple[tuple[str, ...], ...], total: int) -> list[int]:
    """Return column widths in twips proportional to each column's longest text (capped),
    summing to ``total``."""
    wants = [max(text_width(rows[0][i]), min(max(text_width(row[i]) for row in rows), 10)) + 1
             for i in range(len(rows[0]))]
    widths = [int(total * want / sum(wants)) for want in wants]
    widths[-1] += total - sum(widths)
    return widths


def write_targets(body, sheet: StyleSheet, block: Block, splices: dict[bytes, bytes]) -> None:
    """Append the caption and the targets table; the first row repeats on every page.

    The table is written as XML text, not as elements: the body gets a placeholder (a
    processing instruction carrying the rows' estimated heights for the page estimate), and
    ``splices`` maps the placeholder's bytes to the table's XML, put in when the body is
    serialized. A 10,000-row table costs little more than its text.
    """
    paragraph(body, style_id("table_caption"), [(block.text, None)])
    widths = column_widths(block.rows, sheet.text_width)
    sides = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                    for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    head = (f'<w:tbl><w:tblPr><w:tblW w:w="{sheet.text_width}" w:type="dxa"/>'
            f'<w:jc w:val="center"/><w:tblBorders>{sides}</w:tblBorders>'
            '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/>'
            '<w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>'
            + "".join(f'<w:gridCol w:w="{width}"/>' for width in widths) + "</w:tblGrid>")
    rows = [_row_xml(row, widths, style_id("table_header" if i == 0 else "table"), i == 0)
            for i, row in enumerate(block.rows)]
    heights = row_heights(sheet, block.rows, widths)
    marker = etree.PI("wp-table", f"{len(splices)} " + " ".join(map(str, heights)))
    body.append(marker)
    splices[etree.tostring(marker)] = (head + "".join(rows) + "</w:tbl>").encode("utf-8")


def row_heights(sheet: StyleSheet, rows, widths: list[int]) -> list[int]:
    """Return each row's estimated height in twips: its tallest cell's wrapped lines."""
    m = role_metrics(sheet, "table")
    out = []
    for row in rows:
        lines = max(max(1, math.ceil(text_width(text) * m.unit / max(width - 114, m.unit)))
                    for width, text in zip(widths, row))
        out.append(lines * m.line + m.before + m.after + 20)
    return out


def _row_xml(row: tuple[str, ...], widths: list[int], style: str, header: bool) -> str:
    cells = []
    for width, text in zip(widths, row):
        content = f'<w:r><w:t xml:space="preserve">{escape(xml_text(text))}</w:t></w:r>' if text else ""
        cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/>'
                     f'</w:tcPr><w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{content}</w:p></w:tc>')
    flags = "<w:cantSplit/>" + ("<w:tblHeader/>" if header else "")
    return f"<w:tr><w:trPr>{flags}</w:trPr>{''.join(cells)}</w:tr>"


def imprint_rows(block: Block) -> list[str]:
    """Return the 版记 rows as text: "抄送：…。" (when given), then "印发机关\\t日期印发"."""
    cc, printer, date = (list(block.parts) + ["", "", ""])[:3]
    rows = []
    if cc:
        rows.append(f"抄送：{cc.rstrip('。')}。")
    rows.append(f"{printer}\t{date}印发" if date else printer)
    return rows


def write_imprint(body, sheet: StyleSheet, block: Block) -> None:
    """Append the 版记 as a table floating at the bottom of the type area (w:tblpPr), then
    the empty paragraph it is anchored to. Rules: first and last ``outer_rule`` mm, the
    ones between ``inner_rule`` mm."""
    width = sheet.text_width
    outer = round(sheet.imprint["outer_rule"] * _EIGHTHS_PER_MM)
    inner = round(sheet.imprint["inner_rule"] * _EIGHTHS_PER_MM)
    tbl = el("tbl", body)
    pr = el("tblPr", tbl)
    # Anchored to the page horizontally: LibreOffice 7.4 keeps a table as wide as the type
    # area inline when it is anchored to the margin, but floats it when page-anchored.
    el("tblpPr", pr, leftFromText=0, rightFromText=0, topFromText=0, bottomFromText=0,
       vertAnchor="margin", horzAnchor="page", tblpX=sheet.margin_left, tblpYSpec="bottom")
    el("tblOverlap", pr, val="never")
    el("tblW", pr, w=width, type="dxa")
    borders = el("tblBorders", pr)
    borders.append(border("top", outer))
    borders.append(border("bottom", outer))
    borders.append(border("insideH", inner))
    el("tblLayout", pr, type="fixed")
    margins = el("tblCellMar", pr)
    for side in ("left", "right"):
        el(side, margins, w=0, type="dxa")
    _grid(tbl, [width])
    unit = char_twips(sheet, "imprint")
    right = el("tabs")
    el("tab", right, val="right", pos=width - unit)
    for text in imprint_rows(block):
        tr = el("tr", tbl)
        el("cantSplit", el("trPr", tr))
        if text.startswith("抄送："):
            props = {"ind": indent(-3 * unit, 4 * unit, unit)}
        else:
            props = {"tabs": _copy(right)}
        _cell(tr, width, text, style_id("imprint"), props)
    paragraph(body, style_id("imprint"))


def imprint_height(sheet: StyleSheet, block: Block) -> int:
    """Return the 版记's height in twips (rows at the imprint line height plus rules)."""
    from .docx_layout import line_twips
    rows = imprint_rows(block)
    return len(rows) * line_twips(sheet, "imprint") + mm(1)


def _copy(element):
    from copy import deepcopy
    return deepcopy(element)


def write_star_rule(body, sheet: StyleSheet, gap: int) -> None:
    """Append the red rule with a red ★ in its middle (Party organs): a borderless table of
    two rows whose outer cells carry the rule as the first row's bottom border, ``gap``
    twips below the 文号 line; the middle cell spans both rows and centres the star on it."""
    header, width = sheet.header, sheet.text_width
    star = round(gap * 2 / 20 * 0.9 * 2) / 2                      # points, half-point steps
    side, middle = (width - 2 * gap) // 2, width - 2 * ((width - 2 * gap) // 2)
    rule = (f'<w:tcBorders><w:bottom w:val="single" w:sz="{round(header["rule_width"] * 8)}" '
            f'w:space="0" w:color="{header["rule_color"]}"/></w:tcBorders>')
    empty = (f'<w:p><w:pPr><w:pStyle w:val="{style_id("doc_number")}"/>'
             '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>')
    star_p = (f'<w:p><w:pPr><w:pStyle w:val="{style_id("doc_number")}"/><w:spacing w:before="0" '
              f'w:after="0" w:line="{gap * 2}" w:lineRule="exact"/><w:ind w:firstLine="0"/>'
              f'<w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:color w:val="{header["rule_color"]}"/>'
              f'<w:spacing w:val="0"/><w:sz w:val="{round(star * 2)}"/></w:rPr><w:t>★</w:t></w:r></w:p>')

    def cell(w_: int, props: str, content: str) -> str:
        return f'<w:tc><w:tcPr><w:tcW w:w="{w_}" w:type="dxa"/>{props}</w:tcPr>{content}</w:tc>'

    rows = [
        cell(side, rule, empty) + cell(middle, '<w:vMerge w:val="restart"/><w:vAlign w:val="center"/>',
                                       star_p) + cell(side, rule, empty),
        cell(side, "", empty) + cell(middle, "<w:vMerge/>", empty) + cell(side, "", empty),
    ]
    xml = (f'<w:tbl xmlns:w="{W}"><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/>'
           '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblCellMar>'
           '<w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>'
           f'<w:tblGrid><w:gridCol w:w="{side}"/><w:gridCol w:w="{middle}"/>'
           f'<w:gridCol w:w="{side}"/></w:tblGrid>'
           + "".join(f'<w:tr><w:trPr><w:trHeight w:val="{gap}" w:hRule="exact"/></w:trPr>{r}</w:tr>'
                     for r in rows) + "</w:tbl>")
    body.append(etree.fromstring(xml))
