"""What the 台账 workbook holds, without openpyxl: its columns, and one row per task and per
target of the plan (grouped by 牵头单位 for ``--by-unit``)."""
from __future__ import annotations

from typing import NamedTuple

from generator.core.dates import format_date
from generator.document.build import number_plan
from generator.plan.model import Plan
from generator.progress.keys import target_key, task_key
from generator.progress.units import lead_unit


class Column(NamedTuple):
    """A ledger column: its header, width in characters, and whether units fill it in."""

    header: str
    width: float
    fill: bool = False


NUMBER, SECTION, TASK, TARGET, VALUE, UNIT = "序号", "部分", "任务", "指标", "目标值", "计量单位"
OWNER, DEADLINE = "牵头单位", "完成时限"
PROGRESS, STATUS, ACTUAL, NOTE, KEY = "进展情况", "状态", "实际完成值", "备注", "键"

COLUMNS = (
    Column(NUMBER, 7), Column(SECTION, 14), Column(TASK, 30), Column(TARGET, 14),
    Column(VALUE, 9), Column(UNIT, 8), Column(OWNER, 12), Column(DEADLINE, 12),
    Column(PROGRESS, 40, True), Column(STATUS, 9, True), Column(ACTUAL, 11, True),
    Column(NOTE, 16, True), Column(KEY, 24),
)
HEADERS = tuple(c.header for c in COLUMNS)
FILL_IN = tuple(c.header for c in COLUMNS if c.fill)


class LedgerRow(NamedTuple):
    """One row: the unit whose sheet it goes to, whether it is a target row, and the
    identity cells by header (fill-in cells start empty)."""

    unit: str
    is_target: bool
    cells: dict


def ledger_rows(plan: Plan) -> list[LedgerRow]:
    """Return the ledger's rows in plan order: each task, then each of its targets."""
    rows = []
    for si, section in enumerate(number_plan(plan)):
        for ti, numbered in enumerate(section.tasks):
            task = numbered.task
            label = numbered.label
            deadline = format_date(task.deadline) if task.deadline else ""
            rows.append(LedgerRow(lead_unit(task), False, {
                NUMBER: label, SECTION: section.label + section.title, TASK: task.title,
                OWNER: "、".join(task.owners), DEADLINE: deadline, KEY: task_key(si, ti, task.title)}))
            for gi, target in enumerate(task.targets):
                due = target.deadline or task.deadline
                rows.append(LedgerRow(lead_unit(task, target), True, {
                    NUMBER: f"{label.rstrip('.')}-{gi + 1}", SECTION: section.label + section.title,
                    TASK: task.title, TARGET: target.name, VALUE: target.value, UNIT: target.unit,
                    OWNER: "、".join(target.owners or task.owners),
                    DEADLINE: format_date(due) if due else "",
                    KEY: target_key(si, ti, gi, task.title, target.name)}))
    return rows


_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


def sheet_names(units: list[str]) -> dict[str, str]:
    """Return a worksheet name for each unit: at most 31 characters, without []:*?/\\,
    unique (a clash gets a number)."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for unit in units:
        base = unit.translate(_BAD_SHEET_CHARS).strip("'")[:31] or "台账"
        name, n = base, 2
        while name.lower() in used:
            suffix = f"({n})"
            name, n = base[:31 - len(suffix)] + suffix, n + 1
        used.add(name.lower())
        names[unit] = name
    return names
