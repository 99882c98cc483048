"""The 重点任务分解表 on its own and per unit: DOCX, XLSX, CSV and text, and the terminal
summary of who leads and supports how many tasks.

    table = make_table(plan, sheet)                 # the whole plan
    data = table_bytes(table, "xlsx", sheet)        # or docx, csv, txt
    for unit, part in unit_tables(table, plan):     # one per unit: leads, then supports
        ...
"""
from __future__ import annotations

import csv
import io
from typing import NamedTuple

from generator.core.location import ToolError
from generator.document.breakdown import (Column, Entry, UnitList, breakdown_entries, cell_text,
                                          table_columns, table_rows, unit_lists)
from generator.document.build import breakdown_title, expand_text, number_plan
from generator.document.model import Block, Document, Kind
from generator.layout.metrics import text_width
from generator.plan.model import Plan
from generator.plan.units import Units
from generator.style.sheet import StyleSheet

FORMATS = ("docx", "xlsx", "csv", "txt")
ROLE = Column("role", "分工")              # per-unit lists: 牵头 or 配合


class Table(NamedTuple):
    """A 分解表 ready to write: its title, columns and entries (and, for one unit's list,
    the unit, whose 分工 column says 牵头 or 配合)."""

    title: str
    columns: list[Column]
    entries: list[Entry]
    unit: str = ""

    def rows(self) -> tuple[tuple[str, ...], ...]:
        """Return the rows as text, the header first."""
        if not self.unit:
            return table_rows(self.columns, self.entries)
        keys = [c.key for c in self.columns]
        return ((ROLE.heading, *(c.heading for c in self.columns)),
                *((role_text(e, self.unit), *(cell_text(e, k) for k in keys)) for e in self.entries))


def role_text(entry: Entry, unit: str) -> str:
    """Return 牵头 when ``unit`` leads the task, else 配合."""
    return "牵头" if unit in entry.duty.lead else "配合"


def make_table(plan: Plan, sheet: StyleSheet, env=None) -> Table:
    """Return the plan's whole 分解表 in the sheet's columns."""
    plan = expand_text(plan, env) if env is not None else plan
    entries = breakdown_entries(plan, number_plan(plan))
    columns = table_columns([Column(*c) for c in sheet.breakdown["columns"]], entries,
                            Units(plan).has_leaders)
    return Table(breakdown_title(plan, env), columns, entries)


def unit_tables(table: Table, plan: Plan) -> list[tuple[UnitList, Table]]:
    """Return each unit's list: its tasks it leads, then those it supports, each sorted by
    deadline, as a Table titled with the unit's name."""
    out = []
    for lists in unit_lists(plan, table.entries):
        entries = list(lists.leads + lists.supports)
        out.append((lists, Table(f"{table.title}（{lists.unit}）", table.columns, entries, lists.unit)))
    return out


def find_unit(name: str, lists: list[UnitList], plan: Plan) -> UnitList:
    """Return the list of the unit called ``name`` (full or short name).

    Raises ToolError naming the units there are (and the closest) when none is called so."""
    full = Units(plan).full_name(name)
    for unit in lists:
        if unit.unit == full:
            return unit
    import difflib
    names = [u.unit for u in lists]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
    hint = f"，是否想写“{close[0]}”？" if close else ""
    raise ToolError(f"--unit：计划中没有单位“{name}”{hint}（有：{'、'.join(names)}）")


def table_bytes(table: Table, fmt: str, sheet: StyleSheet) -> bytes:
    """Return the table written as docx, xlsx, csv (UTF-8 with BOM) or txt."""
    if fmt == "xlsx":
        from generator.writers.xlsx import write_xlsx       # openpyxl only for a workbook
        return write_xlsx(table, sheet)
    if fmt == "csv":
        return csv_bytes(table)
    if fmt == "txt":
        return table_text(table).encode("utf-8")
    from generator.writers.docx.writer import write_docx
    blocks = [Block(Kind.ATTACHMENT_TITLE, table.title),
              Block(Kind.BREAKDOWN, rows=table.rows(),
                    parts=(("role",) if table.unit else ()) + tuple(c.key for c in table.columns))]
    return write_docx(Document(blocks, title=table.title, seal=False), sheet)


def csv_bytes(table: Table) -> bytes:
    """Return the table as CSV in UTF-8 with a byte-order mark (Excel and WPS then read the
    Chinese right), dates written 2021-07-01 so that spreadsheets take them as dates."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    rows = table.rows()
    keys = [c.key for c in table.columns]
    writer.writerow(rows[0])
    for entry, row in zip(table.entries, rows[1:]):
        cells = list(row)
        at = keys.index("deadline") + (1 if table.unit else 0) if "deadline" in keys else None
        if at is not None and entry.deadline:
            cells[at] = entry.deadline.isoformat()
        writer.writerow(cells)
    return "\ufeff".encode("utf-8") + out.getvalue().encode("utf-8")


def table_text(table: Table) -> str:
    """Return the table as text: the title, then one line per row, cells between ｜."""
    return "\n".join([table.title, "", *("｜".join(row) for row in table.rows())]) + "\n"


def _cells(text: str) -> float:
    """Return the terminal width of ``text`` in cells (a CJK character takes two)."""
    return 2 * text_width(text)


def _pad(text: str, cells: float) -> str:
    return text + " " * max(0, round(cells - _cells(text)))


def summary_lines(title: str, lists: list[UnitList], entries: list[Entry]) -> list[str]:
    """Return the terminal summary: per unit the tasks it leads and supports and its
    nearest deadline, then the tasks no unit is named for."""
    from generator.core.dates import format_date
    head = f"{title}：重点任务 {len(entries)} 项，责任单位 {len(lists)} 个"
    width = max([_cells("单位"), *(_cells(u.unit) for u in lists)]) + 2
    lines = [head, "", _pad("单位", width) + "牵头  配合  最近完成时限"]
    for unit in lists:
        nearest = format_date(unit.nearest) if unit.nearest else "—"
        lines.append(_pad(unit.unit, width) + f"{len(unit.leads):>4}  {len(unit.supports):>4}  {nearest}")
    orphans = sum(not e.duty.names for e in entries)
    if orphans:
        lines += ["", f"未写责任单位的任务：{orphans} 项"]
    return lines
