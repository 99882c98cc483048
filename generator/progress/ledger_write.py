"""Write the 台账 workbook (openpyxl, imported only here and in ledger_read).

Each sheet is protected: only the fill-in cells (进展情况, 状态, 备注, and 实际完成值 on
target rows) are unlocked. 状态 offers a drop-down of the four statuses, 实际完成值 takes
only a number. The hidden last column holds each row's key (see keys.py).
"""
from __future__ import annotations

import io
from copy import copy

from generator.plan.model import Plan
from generator.progress.ledger_layout import (ACTUAL, COLUMNS, FILL_IN, HEADERS, KEY, STATUS,
                                              LedgerRow, ledger_rows, sheet_names)
from generator.progress.periods import Period
from generator.progress.statuses import STATUSES

MARK = "workplan 台账"        # the workbook's keywords: how ledger import knows its own
HEADER_ROW = 2                 # row 1 holds the sheet's title
FONT = "宋体"


class _Styles:
    """The few cell styles, made once (openpyxl shares equal styles anyway, but building
    a style object per cell costs time on large plans)."""

    def __init__(self):
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
        thin = Side(style="thin", color="808080")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.font = Font(name=FONT, size=11)
        self.bold = Font(name=FONT, size=11, bold=True)
        self.title = Font(name=FONT, size=14, bold=True)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.open = Protection(locked=False)
        self.locked_fill = PatternFill("solid", fgColor="F2F2F2")
        self.header_fill = PatternFill("solid", fgColor="D9D9D9")
        self._made: dict[str, object] = {}

    def apply(self, sheet, cell, kind: str) -> None:
        """Give a data cell the style of ``kind`` (open: a fill-in cell, unlocked; locked:
        grey; key: the hidden key). The first cell of a kind gets it through openpyxl's
        style attributes; later cells copy that cell's style record, which saves openpyxl
        hashing five style objects per cell (most of the time of a large ledger)."""
        made = self._made.get(kind)
        if made is not None:
            cell._style = copy(made)           # openpyxl's per-cell style record (StyleArray)
            return
        cell.font, cell.alignment, cell.border = self.font, self.wrap, self.border
        if kind == "open":
            cell.protection = self.open
        elif kind == "locked":
            cell.fill = self.locked_fill
        self._made[kind] = copy(cell._style)


def write_ledger(plan: Plan, period: Period, *, by_unit: bool = False) -> bytes:
    """Return the .xlsx bytes of the plan's ledger for ``period``: one sheet, or one per
    牵头单位 when ``by_unit``."""
    from openpyxl import Workbook
    rows = ledger_rows(plan)
    book = Workbook()
    book.remove(book.active)
    book.properties.title = plan.title
    book.properties.subject = period.code
    book.properties.keywords = MARK
    book.properties.creator = "workplan"
    styles = _Styles()
    if by_unit:
        groups: dict[str, list[LedgerRow]] = {}
        for row in rows:
            groups.setdefault(row.unit, []).append(row)
        for unit, name in sheet_names(list(groups)).items():
            _sheet(book, name, f"{plan.title}台账（{unit}）", groups[unit], period, styles)
    else:
        _sheet(book, "台账", f"{plan.title}台账", rows, period, styles)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet(book, name: str, title: str, rows: list[LedgerRow], period: Period, styles: _Styles) -> None:
    from openpyxl.utils import get_column_letter
    sheet = book.create_sheet(name)
    end = f"{period.end.year}年{period.end.month}月{period.end.day}日"
    sheet.cell(1, 1, f"{title}（{period.year}年{period.name}，截至{end}）").font = styles.title
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS) - 1)
    for col, column in enumerate(COLUMNS, 1):
        cell = sheet.cell(HEADER_ROW, col, column.header)
        cell.font, cell.alignment, cell.border, cell.fill = styles.bold, styles.center, styles.border, styles.header_fill
        sheet.column_dimensions[get_column_letter(col)].width = column.width
    sheet.column_dimensions[get_column_letter(len(COLUMNS))].hidden = True
    for r, row in enumerate(rows, HEADER_ROW + 1):
        _row(sheet, r, row, styles)
    last = HEADER_ROW + max(len(rows), 1)
    _validations(sheet, rows, last)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, HEADERS.index("任务") + 2)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    protection = sheet.protection
    protection.sheet = True
    protection.formatColumns = protection.formatRows = protection.autoFilter = False


def _row(sheet, r: int, row: LedgerRow, styles: _Styles) -> None:
    """Write one row, each cell taking the style of its kind (see _Styles.kind)."""
    for col, header in enumerate(HEADERS, 1):
        cell = sheet.cell(r, col, row.cells.get(header))
        if header in FILL_IN and (header != ACTUAL or row.is_target):
            kind = "open"
        else:
            kind = "key" if header == KEY else "locked"
        styles.apply(sheet, cell, kind)


def _validations(sheet, rows: list[LedgerRow], last: int) -> None:
    """Add the 状态 drop-down to every data row and the number rule to 实际完成值 of target
    rows (a range per run of consecutive target rows)."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    first = HEADER_ROW + 1
    status = get_column_letter(HEADERS.index(STATUS) + 1)
    listed = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True,
                            showErrorMessage=True, errorTitle="状态",
                            error="请从下拉列表中选择：" + "、".join(STATUSES))
    listed.add(f"{status}{first}:{status}{last}")
    actual = get_column_letter(HEADERS.index(ACTUAL) + 1)
    number = DataValidation(type="decimal", operator="between", formula1="-1E+15", formula2="1E+15",
                            allow_blank=True, showErrorMessage=True, errorTitle="实际完成值",
                            error="请填写数字（不带单位）")
    for start, end in _runs([r for r, row in enumerate(rows, first) if row.is_target]):
        number.add(f"{actual}{start}:{actual}{end}")
    sheet.add_data_validation(listed)
    if number.sqref.ranges:
        sheet.add_data_validation(number)


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Return the runs of consecutive numbers as (first, last) pairs."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs
