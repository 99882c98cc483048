"""The 重点任务分解表 as an Excel workbook (openpyxl): the workbook an office sends round.

Header row frozen and repeated on every printed page, A4 landscape fitted to the page
width, column widths from the content, wrapped text, the style sheet's fonts (their
substitutes, which every Chinese Windows has: a workbook has no font fallback table),
序号 as numbers and 完成时限 as real dates. openpyxl is imported only here.
"""
from __future__ import annotations

import io
import math

from generator.layout.columns import fit_columns, value_width
from generator.layout.metrics import effective
from generator.style.sheet import StyleSheet

_PRINT_CHARS = 60           # characters of the body font across an A4 landscape page
_CJK_WIDTH = 2.1            # Excel width units of one CJK character at 11 pt
_SIZE = 11                  # points
_LINE = 15                  # points per line of wrapped text
_CENTRED = frozenset({"index", "role", "lead", "support", "deadline", "leader"})
_DATE_FORMAT = 'yyyy"年"m"月"d"日"'


def _font_name(sheet: StyleSheet, role: str) -> str:
    font = effective(sheet, role).font
    return sheet.fonts.get(font, font)


def write_xlsx(table, sheet: StyleSheet) -> bytes:
    """Return the workbook bytes of a writers.breakdown.Table."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    ws = book.active
    ws.title = _sheet_title(table.unit or "分解表")
    styles = _named_styles(book, sheet)
    rows = table.rows()
    keys = (["role"] if table.unit else []) + [c.key for c in table.columns]
    ws.append(list(rows[0]))
    for entry, row in zip(table.entries, rows[1:]):
        ws.append([_value(entry, key, text) for key, text in zip(keys, row)])
    chars = fit_columns(list(rows), _PRINT_CHARS)
    for i, width in enumerate(chars, 1):
        ws.column_dimensions[get_column_letter(i)].width = round(width * _CJK_WIDTH + 1.5, 1)
    body = [styles["date" if k == "deadline" else "centred" if k in _CENTRED else "text"]
            for k in keys]
    for r, row in enumerate(ws.iter_rows(), 1):
        for style, cell in zip(body if r > 1 else [styles["head"]] * len(keys), row):
            cell.style = style
        lines = max(math.ceil(value_width(text) / max(w, 1)) or 1
                    for text, w in zip(rows[r - 1], chars))
        ws.row_dimensions[r].height = _LINE * lines + 4
    _print_setup(ws, table.title)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _named_styles(book, sheet: StyleSheet) -> dict[str, str]:
    """Add the cell styles (header, text, centred, date) to the workbook as named styles
    (分解表表头 …: one style each, assigned by name, which a user can also change in Excel);
    return key -> style name."""
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body = Font(name=_font_name(sheet, "table"), size=_SIZE)
    specs = {"head": ("分解表表头", Font(name=_font_name(sheet, "table_header"), size=_SIZE), "center", None),
             "text": ("分解表正文", body, "left", None),
             "centred": ("分解表正文居中", body, "center", None),
             "date": ("分解表日期", body, "center", _DATE_FORMAT)}
    names = {}
    for key, (name, font, horizontal, number_format) in specs.items():
        style = NamedStyle(name=name, font=font, border=border, alignment=Alignment(
            wrap_text=True, vertical="center", horizontal=horizontal))
        if number_format:
            style.number_format = number_format
        book.add_named_style(style)
        names[key] = name
    return names


def _value(entry, key: str, text: str):
    """Return a cell's value: 序号 a number, 完成时限 a date (None when empty), else text."""
    if key == "index":
        return entry.index
    if key == "deadline":
        return entry.deadline
    return text or None


def _print_setup(ws, title: str) -> None:
    """Frozen header row, repeated on each printed page; A4 landscape, one page wide."""
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.oddHeader.center.text = title
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def _sheet_title(name: str) -> str:
    """Return a worksheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    for bad in "[]:*?/\\":
        name = name.replace(bad, "_")
    return name[:31] or "分解表"
