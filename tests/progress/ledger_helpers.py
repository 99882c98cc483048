"""Shared by the progress tests: the fictional plan, running the CLI, filling a ledger as
a unit would (openpyxl, cell by cell under the headers)."""
from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from generator.cli import main

PLAN = Path(__file__).resolve().parents[1] / "data" / "ledger-2021.yaml"


def invoke(*args):
    """Run workplan with ``args``; return click's result (stdout and stderr apart)."""
    return CliRunner().invoke(main, [str(a) for a in args])


def plan_copy(folder: Path, text: str | None = None) -> Path:
    """Return the fictional plan copied (or ``text`` written) as folder/2021.yaml."""
    target = folder / "2021.yaml"
    if text is None:
        shutil.copy(PLAN, target)
    else:
        target.write_text(text, encoding="utf-8")
    return target


def export(plan: Path, target: Path, *options) -> Path:
    """Write the plan's ledger to ``target``; return it."""
    result = invoke("ledger", plan, "--period", "2021-H1", "-o", target, *options)
    assert result.exit_code == 0, result.output
    return target


def fill(path: Path, rows: dict, target: Path | None = None) -> Path:
    """Fill cells of a ledger: ``rows`` maps a row's 任务 text (its lead; 'lead/指标' for a
    target row) to {header: value}. Saves to ``target`` (default: over ``path``)."""
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        heads = {cell.value: cell.column for cell in sheet[2]}
        for r in range(3, sheet.max_row + 1):
            task = sheet.cell(r, heads["任务"]).value
            target_name = sheet.cell(r, heads["指标"]).value
            name = f"{task}/{target_name}" if target_name else task
            for header, value in rows.get(name, {}).items():
                sheet.cell(r, heads[header]).value = value
    book.save(target or path)
    return target or path


def cell_of(path: Path, sheet: str, name: str, header: str) -> str:
    """Return the coordinate (E12) of a row's cell, the row found as in ``fill``."""
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    heads = {cell.value: cell.column for cell in ws[2]}
    for r in range(3, ws.max_row + 1):
        task, target = ws.cell(r, heads["任务"]).value, ws.cell(r, heads["指标"]).value
        if (f"{task}/{target}" if target else task) == name:
            return ws.cell(r, heads[header]).coordinate
    raise KeyError(name)
