"""The 重点任务分解表 as an attachment of the notice: a new page (a landscape section when
the style sheet says so), 附件N in 3号黑体 top left, the title centred, then the table with
its header row repeated on every page and rows that never split.

The table is built with the wordml helpers and, like the targets table, put into the body
as a ``<?wp-table?>`` marker carrying its rows' estimated heights (for the page estimate)
whose XML is spliced into document.xml.
"""
from __future__ import annotations

from copy import deepcopy

from lxml import etree

from generator.document.model import Block, Kind
from generator.layout.columns import fit_columns
from generator.layout.metrics import char_twips
from generator.style.names import style_id
from generator.style.sheet import StyleSheet
from generator.writers.docx.tables import row_heights
from generator.writers.docx.wordml import el, fragment, jc, paragraph, root, spacing, w

_CELL_MARGIN = 57                   # left and right cell margin, twips
_LEFT_ALIGNED = frozenset({"task", "measures", "targets", "section"})  # running text
_SECTION_LINE = 20                  # the paragraph that ends a section: 1 pt high


def landscape_sect_pr(sect_pr, sheet: StyleSheet):
    """Return a copy of the body's section properties turned landscape: page width and
    height swapped, the sheet's landscape margins; footers (page numbers) shared."""
    landscape = deepcopy(sect_pr)
    size = landscape.find(w("pgSz"))
    size.set(w("w"), str(sheet.page_height))
    size.set(w("h"), str(sheet.page_width))
    size.set(w("orient"), "landscape")
    margins = landscape.find(w("pgMar"))
    for side, value in sheet.breakdown["margins"].items():
        margins.set(w(side), str(value))
    return landscape


def type_area(sheet: StyleSheet) -> tuple[int, int]:
    """Return (width, height) in twips of the 分解表's type area."""
    if not sheet.landscape:
        return sheet.text_width, sheet.text_height
    m = sheet.breakdown["margins"]
    return (sheet.page_height - m["left"] - m["right"],
            sheet.page_width - m["top"] - m["bottom"])


def end_section(body, sect_pr) -> None:
    """Append a paragraph 1 pt high that ends the section described by ``sect_pr``."""
    paragraph(body, style_id("body"), (), {"spacing": spacing(0, 0, _SECTION_LINE),
                                           "sectPr": deepcopy(sect_pr)})


def write_label(body, block: Block, page_break: bool) -> None:
    """Append 附件N on the first line (a new page unless a section break made one)."""
    props = {"pageBreakBefore": el("pageBreakBefore")} if page_break else None
    paragraph(body, style_id("attachment_label"), [(block.text, None)], props)


def write_title(body, block: Block, page_break: bool) -> None:
    """Append the attachment's title, centred (a new page when it has no label before)."""
    props = {"pageBreakBefore": el("pageBreakBefore")} if page_break else None
    paragraph(body, style_id("attachment_title"), [(block.text, None)], props)


def breakdown_widths(sheet: StyleSheet, rows, width: int) -> list[int]:
    """Return the column widths in twips, summing to ``width``, fitted to the content."""
    unit = char_twips(sheet, "table")
    count = len(rows[0])
    room = (width - count * 2 * _CELL_MARGIN) / unit - 0.2 * count
    widths = [int((c + 0.2) * unit) + 2 * _CELL_MARGIN for c in fit_columns(list(rows), room)]
    widths[-1] += width - sum(widths)
    return widths


def write_breakdown(body, sheet: StyleSheet, block: Block, splices: dict[bytes, bytes]) -> None:
    """Append the table as a marker (see the module docstring)."""
    width = type_area(sheet)[0]
    widths = breakdown_widths(sheet, block.rows, width)
    table = _table(sheet, block, widths, width)
    heights = row_heights(sheet, block.rows, widths)
    marker = etree.PI("wp-table", f"{len(splices)} " + " ".join(map(str, heights)))
    body.append(marker)
    splices[etree.tostring(marker)] = fragment(table)


def _table(sheet: StyleSheet, block: Block, widths: list[int], width: int):
    """Return the w:tbl: single rules, fixed layout, header row repeated, rows unsplit."""
    tbl = root("tbl")
    pr = el("tblPr", tbl)
    el("tblW", pr, w=width, type="dxa")
    el("jc", pr, val="center")
    borders = el("tblBorders", pr)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el(side, borders, val="single", sz=4, space=0, color="000000")
    el("tblLayout", pr, type="fixed")
    margins = el("tblCellMar", pr)
    for side in ("left", "right"):
        el(side, margins, w=_CELL_MARGIN, type="dxa")
    grid = el("tblGrid", tbl)
    for column in widths:
        el("gridCol", grid, w=column)
    header, table_style = style_id("table_header"), style_id("table")
    for index, row in enumerate(block.rows):
        tr = el("tr", tbl)
        flags = el("trPr", tr)
        el("cantSplit", flags)
        if index == 0:
            el("tblHeader", flags)
        for key, column, text in zip(block.parts, widths, row):
            tc = el("tc", tr)
            tc_pr = el("tcPr", tc)
            el("tcW", tc_pr, w=column, type="dxa")
            el("vAlign", tc_pr, val="center")
            props = {"jc": jc("justify")} if index and key in _LEFT_ALIGNED else None
            paragraph(tc, header if index == 0 else table_style, [(text, None)], props)
    return tbl


ATTACHMENT_KINDS = frozenset((Kind.ATTACHMENT_LABEL, Kind.ATTACHMENT_TITLE, Kind.BREAKDOWN))


def write_attachment(body, sheet: StyleSheet, block: Block, sect_pr, splices,
                     state: str | None) -> str:
    """Append one block of the 分解表 attachment; return the state after it: "landscape"
    or "portrait" once the attachment has begun (on a new page, or a new landscape section
    when the sheet says so: ``sect_pr`` ends the portrait one), "" while the first block
    still has to begin the page; ``state`` None before the attachment."""
    if state is None:                           # the attachment begins
        if len(body) == 0:                      # a document of the table alone
            state = "landscape" if sheet.landscape else "portrait"
        elif sheet.landscape:
            end_section(body, sect_pr)          # the portrait section ends here
            state = "landscape"
        else:
            state = ""
    new_page = state == ""
    if block.kind is Kind.ATTACHMENT_LABEL:
        write_label(body, block, new_page)
    elif block.kind is Kind.ATTACHMENT_TITLE:
        write_title(body, block, new_page)
    else:
        write_breakdown(body, sheet, block, splices)
    return state or "portrait"
