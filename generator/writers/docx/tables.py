"""Tables: the targets table (重点指标, header row repeated) and the 版记 (imprint), a
borderless-sided table between rules anchored at the bottom of the type area."""
from __future__ import annotations

import re
from functools import partial

from generator.document.model import Block
from generator.style.sheet import StyleSheet
from generator.layout.metrics import AUTOSPACE_EM, char_class, char_twips, effective, set_width, text_width
from generator.layout.columns import fit_columns
from generator.layout.lines import HANG, NO_START, count_lines
from generator.layout.pages import role_metrics
from generator.style.names import style_id
from lxml import etree

from generator.writers.docx.wordml import W, border, char_data, el, indent, jc, paragraph


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


_CELL_MARGINS = 114                 # left + right cell margin, twips
_ROW_RULE = 10                      # the 1/2-point rule between rows, twips
_AUTOSPACE = 0.2                    # space between CJK and digits/Latin, characters (LibreOffice)


def column_widths(rows: tuple[tuple[str, ...], ...], total: int, unit: int) -> list[int]:
    """Return column widths in twips summing to ``total``, from the content in characters
    of ``unit`` twips (generator.layout.columns.fit_columns: the width goes where it saves
    the most lines)."""
    room = (total - len(rows[0]) * _CELL_MARGINS) / unit - 0.2 * len(rows[0])
    widths = [int((c + 0.2) * unit) + _CELL_MARGINS for c in fit_columns(list(rows), room)]
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
    widths = column_widths(block.rows, sheet.text_width, char_twips(sheet, "table"))
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


def _each_once(texts: list[str], make) -> list:
    """Return ``[make(text) for text in texts]``, calling ``make`` once per distinct text:
    a column's owners, values, units and dates repeat from row to row."""
    made = {}
    for text in texts:
        if text not in made:
            made[text] = make(text)
    return [made[text] for text in texts]


def row_heights(sheet: StyleSheet, rows, widths: list[int]) -> list[int]:
    """Return each row's estimated height in twips: its tallest cell's lines (``cell_lines``)
    at the table line height, plus the row's border. Rows have a cell for each width."""
    m = role_metrics(sheet, "table")
    lines = [_each_once([row[i] for row in rows],
                        partial(cell_lines, avail=width - _CELL_MARGINS, unit=m.unit, latin=m.latin))
             for i, width in enumerate(widths)]
    return [most * m.line + m.before + m.after + _ROW_RULE for most in map(max, zip(*lines))]


_TOKEN = re.compile(r"[A-Za-z0-9.,%/]+|.", re.S)
_NO_LINE_START = HANG | NO_START     # in a cell nothing hangs: these take the word before down


def _width(token: str, latin: dict | None) -> float:
    """Return a token's width in characters: ASCII at its Latin font's width when known."""
    if latin is None or not token.isascii():
        return text_width(token)
    return sum(latin.get(c, 0.5) for c in token)


def cell_lines(text: str, avail: int, unit: int, latin: dict | None = None) -> int:
    """Return the number of lines ``text`` takes in a cell ``avail`` twips wide, wrapped as
    LibreOffice does: whole characters, a run of digits or Latin letters kept together,
    closing punctuation that would start a line taking the character before it along (no
    hanging punctuation in cells), autospacing between CJK and Latin letters or digits.
    ``latin`` gives ASCII characters their Latin font's widths (layout.lines.latin_widths),
    else each is half a character."""
    if (text_width(text) + _AUTOSPACE * (len(text) - 1)) * unit <= avail:
        return 1                        # fits even with autospacing between every character
    lines, used, last, last_kind = 1, 0.0, "", None
    for token in _TOKEN.findall(text):
        width = _width(token, latin) * unit
        kind = char_class(token[0])
        if used and kind and last_kind and kind != last_kind:   # a letter or digit beside CJK
            width += _AUTOSPACE * unit
        if used and used + width > avail:
            # 、。，… may not start a line: the word before goes down with it
            down = last + token if token in _NO_LINE_START else token
            lines, used = lines + 1, (_width(last, latin) + _width(token, latin)
                                      if down != token else _width(token, latin)) * unit
        else:
            used += width
        last, last_kind = token, char_class(token[-1])
    return lines


def _row_xml(row: tuple[str, ...], widths: list[int], style: str, header: bool) -> str:
    cells = []
    for width, text in zip(widths, row):
        content = f'<w:r><w:t xml:space="preserve">{char_data(text)}</w:t></w:r>' if text else ""
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
    outer, inner = sheet.imprint.outer_rule, sheet.imprint.inner_rule
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
        else:       # left-aligned: a justified line ending in a break would be stretched
            props = {"tabs": _copy(right), "jc": jc("left")}
        _cell(tr, width, imprint_row_lines(sheet, text)[0], style_id("imprint"), props)
    # The paragraph the 版记 is anchored to takes a line of the text flow: one twip high,
    # so that the 版记 fits under text that ends right above it.
    paragraph(body, style_id("imprint"), (), {"spacing": el("spacing", line=ANCHOR_LINE,
                                                             lineRule="exact")})


ANCHOR_LINE = 20               # twips: the line of the paragraph the 版记 is anchored to


def imprint_row_lines(sheet: StyleSheet, text: str) -> tuple[str, int]:
    """Return (the row's text as written, its number of lines) for a 版记 row: 抄送 wraps
    under its names (first line one character in, the rest four, one character from the
    right); 印发机关 and 日期 share a line when both fit with a character between them, else
    the date goes right-aligned on a line of its own, never split."""
    unit = char_twips(sheet, "imprint")
    r = effective(sheet, "imprint")
    gap = AUTOSPACE_EM * r.size * 20 / unit
    chars = sheet.text_width / unit - (r.left or 0) - (r.right or 0)
    if text.startswith("抄送："):               # hanging indent: the names line up under
        return text, count_lines(text, chars, chars - 3, gap)   # the first, 3 characters in
    printer, tab, dated = text.partition("\t")
    lines = count_lines(printer, chars, chars, gap)
    left_over = set_width(printer, gap) - (lines - 1) * chars
    if tab and left_over + 1 + set_width(dated, gap) > chars:
        return f"{printer}\n\t{dated}", lines + 1
    return text, lines


def imprint_height(sheet: StyleSheet, block: Block) -> int:
    """Return the 版记's height in twips (rows at the imprint line height plus rules)."""
    from generator.layout.metrics import line_twips
    lines = sum(imprint_row_lines(sheet, row)[1] for row in imprint_rows(block))
    return lines * line_twips(sheet, "imprint") + sheet.imprint.rules_height


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
    rule = (f'<w:tcBorders><w:bottom w:val="single" w:sz="{header.rule_width}" '
            f'w:space="0" w:color="{header.rule_color}"/></w:tcBorders>')
    empty = (f'<w:p><w:pPr><w:pStyle w:val="{style_id("doc_number")}"/>'
             '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>')
    star_p = (f'<w:p><w:pPr><w:pStyle w:val="{style_id("doc_number")}"/><w:spacing w:before="0" '
              f'w:after="0" w:line="{gap * 2}" w:lineRule="exact"/><w:ind w:firstLine="0"/>'
              f'<w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:color w:val="{header.rule_color}"/>'
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
