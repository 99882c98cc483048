"""Read filled 台账 workbooks: untrusted input, checked as a zip package first (see
readers/zip_safety), then opened with openpyxl read-only. Formulas are refused cell by cell
(not computed: data_only would give a cached value that may be stale or absent).

Returns rows with the location of every cell, and findings for what cannot be read.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.core import codes
from generator.core.location import Finding, InputError, Location
from generator.progress.ledger_layout import FILL_IN, HEADERS, KEY
from generator.progress.ledger_write import MARK
from generator.readers.zip_safety import PackageKind, checked_package

XLSX = PackageKind("E501", "Excel 工作簿", ".xlsx", "xl/workbook.xml")
XLSX_CAP = 30 * 1024 * 1024    # bytes of the file, and of its unpacked parts together
MAX_ROWS = 50_000              # rows per sheet
MAX_COLS = 64                  # columns read per row
HEAD_ROWS = 10                 # rows searched for the header


@dataclass
class Row:
    """One data row: its sheet and row number, the cell values by header, and where each
    cell is (for messages)."""

    path: str
    sheet: str
    number: int
    values: dict
    cells: dict = field(default_factory=dict)

    def at(self, header: str) -> Location:
        """Return the location of this row's cell under ``header`` (the row when unknown)."""
        return self.cells.get(header, Location(self.path, self.number, 1, self.sheet))


@dataclass
class Workbook:
    """A read workbook: its rows, the period and plan title it was made for (from its
    properties; empty when not one of ours), and findings."""

    path: str
    rows: list[Row] = field(default_factory=list)
    period: str = ""
    title: str = ""
    findings: list[Finding] = field(default_factory=list)


def read_ledger(path: Path | str) -> Workbook:
    """Return the rows of a filled ledger with their findings (E505 formulas).

    Raises ToolError when the file cannot be read; InputError for a file that is not a
    workbook (E401, E403, E405, E406, E501), holds external links (E502), a sheet too large
    (E503) or no sheet with the ledger's header (E504)."""
    from openpyxl import load_workbook
    path = Path(path)
    name = str(path)
    data = checked_package(path, XLSX, XLSX_CAP)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    if any(n.startswith("xl/externalLinks/") for n in names):
        raise InputError([codes.finding("E502", Location(name), "工作簿含外部链接（引用其他文件的数据），已拒绝；"
                                        "请将其中的值粘贴为数值后另存")])
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception as exc:    # openpyxl raises many kinds for a damaged file
        raise InputError([codes.finding("E501", Location(name), f"不是有效的 Excel 工作簿（{exc}）")]) from None
    result = Workbook(name)
    if (book.properties.keywords or "") == MARK:
        result.period, result.title = book.properties.subject or "", book.properties.title or ""
    try:
        found = [_read_sheet(sheet, name, result) for sheet in book.worksheets]
    finally:
        book.close()
    if not any(found):
        raise InputError([codes.finding("E504", Location(name), "找不到台账表头（含“键”列的表头行）：这不是由 "
                                        "workplan ledger 生成的台账，或表头被改动")])
    return result


def _read_sheet(sheet, path: str, result: Workbook) -> bool:
    """Append the sheet's data rows to ``result``; return False when it has no ledger header."""
    columns: dict[int, str] = {}
    for number, cells in enumerate(sheet.iter_rows(max_col=MAX_COLS), 1):
        if number > MAX_ROWS:
            raise InputError([codes.finding("E503", Location(path, number, 1, sheet.title),
                                            f"工作表“{sheet.title}”超过 {MAX_ROWS} 行，已拒绝")])
        if not columns:
            if number > HEAD_ROWS:
                return False
            columns = _header(cells)
            continue
        row = _row(cells, columns, path, sheet.title, number, result.findings)
        if row is not None:
            result.rows.append(row)
    return bool(columns)


def _header(cells) -> dict[int, str]:
    """Return {column index: header} when this row is the ledger's header, else {}."""
    found = {i: str(c.value).strip() for i, c in enumerate(cells)
             if isinstance(c.value, str) and str(c.value).strip() in HEADERS}
    return found if KEY in found.values() and len(found) >= len(FILL_IN) + 1 else {}


def _row(cells, columns: dict[int, str], path: str, sheet: str, number: int,
         findings: list[Finding]) -> Row | None:
    """Return one data row (None when every cell is empty); formulas become E505 findings
    and empty values."""
    row = Row(path, sheet, number, {})
    for i, header in columns.items():
        if i >= len(cells):
            continue
        cell = cells[i]
        where = Location(path, number, i + 1, sheet)
        row.cells[header] = where
        value = cell.value
        if getattr(cell, "data_type", "") == "f":
            findings.append(codes.finding("E505", where, f"单元格含公式（{str(value)[:40]}），请改为数值或文字",
                                          header))
            value = None
        if isinstance(value, str):
            value = value.strip()
        if value not in (None, ""):
            row.values[header] = value
    return row if row.values else None
