"""The 重点任务分解表: one entry per task (number, lead sentence, measures or targets,
牵头单位, 责任单位, deadline, 责任领导), its table rows for the columns a style sheet names,
and per-unit lists.

Writers take what they need: the DOCX attachment and text take the rows as text, the
spreadsheet takes ``cell_value`` (a number for 序号, a real date for 完成时限).
"""
from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from generator.core.dates import format_date, parse_date
from generator.core.location import InputError, Location
from generator.plan.model import Plan, Task
from generator.plan.units import Duty, Units

# Column keys a style sheet may name (breakdown.columns[].key), with what each holds.
COLUMN_KEYS = ("index", "section", "task", "measures", "targets", "lead", "support",
               "deadline", "leader")
# The columns of styles/gbt9704.yaml (breakdown.columns), for a caller that builds a Document
# without a style sheet (the document layer does not read style sheets); the renderer passes
# the sheet's own. tests/breakdown/test_breakdown_docx.py keeps the two the same.
DEFAULT_COLUMNS = (("index", "序号"), ("task", "重点任务"), ("measures", "具体措施或目标"),
                   ("lead", "牵头单位"), ("support", "责任单位"), ("deadline", "完成时限"),
                   ("leader", "责任领导"))
# Columns kept on one line where they can (a number, a date, a list of unit names).
SHORT_KEYS = frozenset({"index", "lead", "support", "deadline", "leader"})


class Column(NamedTuple):
    """One column of the table: its key (COLUMN_KEYS) and its printed heading."""

    key: str
    heading: str


class Entry(NamedTuple):
    """One task as the table shows it."""

    index: int                     # 序号, 1..N over the whole plan
    number: str                    # the task's number as printed (3. or （二）), with its
                                   # section's label where tasks restart per section (一（二）)
    lead_sentence: str             # 标题句 without its final 。
    section: str                   # the section's title
    measures: str                  # targets if any, else the task's body and items
    targets: tuple[str, ...]       # each "名称：目标值单位"
    duty: Duty
    deadline: dt.date | None
    leaders: tuple[str, ...]


def _figure(value, unit: str) -> str:
    return "" if value in (None, "") else f"{value}{unit}"


def _deadline(task: Task) -> dt.date | None:
    """Return the task's deadline, else the latest of its targets' (None without any)."""
    if task.deadline:
        return parse_date(task.deadline)
    days = [parse_date(t.deadline) for t in task.targets if t.deadline]
    return max(days) if days else None


def _measures(task: Task, targets: tuple[str, ...]) -> str:
    if targets:
        return "；".join(targets)
    return task.body + "".join(task.items)


def breakdown_entries(plan: Plan, sections) -> list[Entry]:
    """Return an entry for every task of ``plan`` in order; ``sections`` are the plan's
    numbered sections (generator.document.build.number_plan)."""
    units = Units(plan)
    per_section = plan.numbering.scope == "section"
    entries: list[Entry] = []
    for section in sections:
        prefix = section.label.rstrip("、") if per_section else ""
        for numbered in section.tasks:
            task = numbered.task
            targets = tuple(f"{t.name}：{_figure(t.value, t.unit)}" if _figure(t.value, t.unit)
                            else t.name for t in task.targets)
            duty = units.task_duty(task)
            entries.append(Entry(len(entries) + 1, prefix + numbered.label, task.title.rstrip("。"),
                                 section.title, _measures(task, targets), targets, duty,
                                 _deadline(task), units.leaders(duty)))
    return entries


def require_tasks(plan: Plan, path: str) -> None:
    """Raise InputError (E254, located at the file) when the plan has no task."""
    if not any(section.tasks for section in plan.sections):
        from generator.core.codes import finding
        raise InputError([finding("E254", Location(path),
                                  "计划中没有任务（sections 下没有 tasks），无法生成重点任务分解表")])


def cell_text(entry: Entry, key: str) -> str:
    """Return the text of one cell of ``entry`` in column ``key``."""
    if key == "index":
        return str(entry.index)
    if key == "task":
        return entry.number + entry.lead_sentence
    if key == "deadline":
        return format_date(entry.deadline) if entry.deadline else ""
    if key in ("lead", "support"):
        return "、".join(getattr(entry.duty, key))
    if key == "leader":
        return "、".join(entry.leaders)
    if key == "targets":
        return "；".join(entry.targets)
    return getattr(entry, key)


def cell_value(entry: Entry, key: str):
    """Return the value of a cell for a spreadsheet: 序号 as a number, 完成时限 as a date
    (None when empty), text otherwise."""
    if key == "index":
        return entry.index
    if key == "deadline":
        return entry.deadline
    return cell_text(entry, key)


def table_columns(columns: list[Column], entries: list[Entry], has_leaders: bool) -> list[Column]:
    """Return the columns to print: the 责任领导 column only when units declare leaders."""
    return [c for c in columns if c.key != "leader" or has_leaders]


def table_rows(columns: list[Column], entries: list[Entry]) -> tuple[tuple[str, ...], ...]:
    """Return the table as text rows, the header first."""
    keys = [c.key for c in columns]
    return (tuple(c.heading for c in columns),
            *(tuple(cell_text(e, k) for k in keys) for e in entries))


class UnitList(NamedTuple):
    """One unit's tasks: those it leads, then those it supports, each sorted by deadline."""

    unit: str
    leads: tuple[Entry, ...]
    supports: tuple[Entry, ...]

    @property
    def nearest(self) -> dt.date | None:
        """Return the earliest deadline of its tasks (None when none has one)."""
        days = [e.deadline for e in self.leads + self.supports if e.deadline]
        return min(days) if days else None


def _by_deadline(entry: Entry) -> tuple:
    return (entry.deadline is None, entry.deadline or dt.date.max, entry.index)


def unit_lists(plan: Plan, entries: list[Entry]) -> list[UnitList]:
    """Return the list of every unit named by a task: declared units first in their order
    (those with tasks), then the others in order of first mention."""
    leads: dict[str, list[Entry]] = {}
    supports: dict[str, list[Entry]] = {}
    order = [u.name for u in plan.units]
    for entry in entries:
        for name in entry.duty.lead:
            leads.setdefault(name, []).append(entry)
        for name in entry.duty.support:
            supports.setdefault(name, []).append(entry)
        order += [n for n in entry.duty.names if n not in order]
    return [UnitList(name, tuple(sorted(leads.get(name, []), key=_by_deadline)),
                     tuple(sorted(supports.get(name, []), key=_by_deadline)))
            for name in order if name in leads or name in supports]
