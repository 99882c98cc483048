"""Who does what: a task's 牵头单位 and 责任单位, with unit names resolved to full names.

A plan may declare its units (``units:``: full name, short names, 分管领导). Owners are
written by name; the first owner of a task is its 牵头单位 and the rest its 责任单位 (列第一
位的为牵头单位), unless the task names ``lead:`` and ``support:`` explicitly. A target's own
``owners`` follow the same convention, else the target shares its task's.

    units = Units(plan)
    duty = units.task_duty(task)        # Duty(lead=("社会救助科",), support=("财务科",))
    units.leaders(duty)                 # ("王副局长",) when units declare leaders

``task_duty(plan, task)`` is the same for a single task. Names not declared (or a plan
without ``units:``) pass through as written; ``validate`` reports them (unit_checks).
"""
from __future__ import annotations

from typing import NamedTuple

from generator.plan.model import Plan, Target, Task, Unit


class Duty(NamedTuple):
    """A task's or target's units: who leads (牵头单位) and who supports (责任/配合单位)."""

    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Return every unit, leads first."""
        return self.lead + self.support


def split_owners(owners: list[str]) -> tuple[list[str], list[str]]:
    """Return (lead, support) by the convention: the first owner leads, the others support."""
    return owners[:1], owners[1:]


class Units:
    """The declared units of a plan, looked up by full or short name."""

    def __init__(self, plan: Plan):
        self.declared: list[Unit] = list(plan.units)
        self.by_name: dict[str, Unit] = {}
        for unit in self.declared:
            for name in (unit.name, *unit.short):
                self.by_name.setdefault(name, unit)

    def full_name(self, name: str) -> str:
        """Return the declared full name for a full or short name; others as written."""
        unit = self.by_name.get(name)
        return unit.name if unit else name

    def _names(self, names) -> tuple[str, ...]:
        out: list[str] = []
        for name in names:
            full = self.full_name(name)
            if full not in out:
                out.append(full)
        return tuple(out)

    def task_duty(self, task: Task) -> Duty:
        """Return the task's lead and supporting units (full names, each once)."""
        if task.lead or task.support:
            lead, support = task.lead, task.support
        else:
            lead, support = split_owners(task.owners)
        lead_names = self._names(lead)
        return Duty(lead_names, tuple(n for n in self._names(support) if n not in lead_names))

    def target_duty(self, task: Task, target: Target) -> Duty:
        """Return a target's units: its own owners (first leads), else its task's."""
        if not target.owners:
            return self.task_duty(task)
        lead, support = split_owners(target.owners)
        lead_names = self._names(lead)
        return Duty(lead_names, tuple(n for n in self._names(support) if n not in lead_names))

    def leaders(self, duty: Duty) -> tuple[str, ...]:
        """Return the 分管领导 of the lead units (each once; none for undeclared units)."""
        out: list[str] = []
        for name in duty.lead:
            unit = self.by_name.get(name)
            if unit and unit.leader and unit.leader not in out:
                out.append(unit.leader)
        return tuple(out)

    @property
    def has_leaders(self) -> bool:
        """Return whether any declared unit names its 分管领导."""
        return any(unit.leader for unit in self.declared)


def task_duty(plan: Plan, task: Task) -> Duty:
    """Return the lead and supporting units of one task of ``plan`` (see Units)."""
    return Units(plan).task_duty(task)
