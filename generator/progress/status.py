"""Status at a glance: counts by status per section and per 牵头单位, each target's 完成率
against 序时进度, and tasks overdue at the period's end."""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from pathlib import Path

from generator.core.dates import parse_date
from generator.core.location import Finding, ToolError
from generator.document.build import number_plan
from generator.plan.load import load_plan
from generator.plan.model import Plan, Target, Task
from generator.progress.attach import Attached, attach
from generator.progress.direction import completion_rate, is_met, target_direction
from generator.progress.model import SUFFIX, Progress, load_progress, progress_path
from generator.progress.periods import Period, parse_period
from generator.progress.statuses import DONE, STATUSES, UNREPORTED
from generator.progress.units import lead_unit


@dataclass
class TaskStatus:
    """One task as reported: number, lead, section, 牵头单位, status (UNREPORTED when
    none), progress text, remark, deadline (ISO, "" if none) and whether it is overdue."""

    section: int
    label: str
    lead: str
    unit: str
    status: str
    progress: str = ""
    note: str = ""
    deadline: str = ""
    overdue: bool = False
    task: Task | None = field(default=None, repr=False)


@dataclass
class TargetStatus:
    """One target: its task, figures, direction (and how it is known), 完成率, 序时进度 and
    whether it is behind (None when there is no actual figure)."""

    section: int
    task_label: str
    task: str
    target: Target
    unit: str
    actual: float | int | None
    status: str
    direction: str
    direction_from: str
    rate: float | None
    schedule: float
    behind: bool | None
    met: bool | None
    progress: str = ""
    note: str = ""


@dataclass
class StatusResult:
    """The plan, the period, the progress file read, and every task and target's status."""

    plan: Plan
    period: Period
    progress_file: str
    sections: list[tuple[str, str]]
    tasks: list[TaskStatus]
    targets: list[TargetStatus]

    def counts(self, by: str) -> list[tuple[str, dict[str, int]]]:
        """Return (name, {status: count}) per section (``by="section"``) or per 牵头单位."""
        groups: dict[str, dict[str, int]] = {}
        names = [label + title for label, title in self.sections] if by == "section" else []
        for name in names:
            groups[name] = dict.fromkeys((*STATUSES, UNREPORTED), 0)
        for task in self.tasks:
            name = names[task.section] if by == "section" else task.unit
            groups.setdefault(name, dict.fromkeys((*STATUSES, UNREPORTED), 0))[task.status] += 1
        return list(groups.items())

    @property
    def overdue(self) -> list[TaskStatus]:
        return [t for t in self.tasks if t.overdue]

    def to_json(self) -> dict:
        """Return the status as JSON-ready data (the shape docs/progress.md describes)."""
        from generator.progress.report import status_json
        return status_json(self)


def schedule_share(period: Period, deadline: str, year: int) -> float:
    """Return 序时进度 for a target at the period's end: months elapsed ÷ months to its
    deadline (the year's end when it has none or it lies beyond), at most 1."""
    span = 12.0
    if deadline:
        day = parse_date(deadline)
        if day.year == year:
            span = day.month - 1 + day.day / calendar.monthrange(day.year, day.month)[1]
        elif day.year < year:
            span = 0.0
    return 1.0 if span <= period.last_month else period.last_month / span


def _is_overdue(deadline: str, period: Period, status: str) -> bool:
    return bool(deadline) and parse_date(deadline) <= period.end and status != DONE


def compute_status(plan: Plan, period: Period, attached: Attached, progress_file: str = "") -> StatusResult:
    """Return every task and target's status from the attached reports."""
    sections = number_plan(plan)
    tasks, targets = [], []
    for si, section in enumerate(sections):
        for ti, numbered in enumerate(section.tasks):
            task = numbered.task
            report = attached.tasks.get((si, ti))
            status = (report.status if report else "") or UNREPORTED
            tasks.append(TaskStatus(si, numbered.label, task.title, lead_unit(task), status,
                                    report.progress if report else "", report.note if report else "",
                                    task.deadline, _is_overdue(task.deadline, period, status), task))
            for gi, target in enumerate(task.targets):
                targets.append(_target_status(plan, period, si, numbered.label, task, target,
                                              attached.targets.get((si, ti, gi))))
    return StatusResult(plan, period, progress_file, [(s.label, s.title) for s in sections], tasks, targets)


def _target_status(plan, period, si, label, task, target, report) -> TargetStatus:
    direction, known = target_direction(target)
    actual = report.actual if report else None
    rate = completion_rate(target.value, actual, direction)
    schedule = schedule_share(period, target.deadline or task.deadline, plan.year)
    met = is_met(target.value, actual, direction)
    if met is None:
        behind = None
    elif direction == "down" or rate is None:
        behind = not met
    else:
        behind = rate < schedule
    status = (report.status if report else "") or UNREPORTED
    return TargetStatus(si, label, task.title, target, lead_unit(task, target), actual, status,
                        direction, known, rate, schedule, behind, met,
                        report.progress if report else "", report.note if report else "")


def find_progress(plan_path: Path, period: Period | None) -> Path:
    """Return the progress file of the period, or the latest beside the plan.

    Raises ToolError when there is none."""
    if period:
        path = progress_path(plan_path, period)
        if not path.exists():
            raise ToolError(f"{path}: 找不到 {period.code} 的进展文件；请先用 workplan ledger import 导入台账")
        return path
    found = []
    for path in plan_path.parent.glob(f"{plan_path.stem}{SUFFIX}*.yaml"):
        try:
            found.append((parse_period(path.stem.rsplit(SUFFIX, 1)[1]).end, path))
        except ToolError:
            continue
    if not found:
        raise ToolError(f"{plan_path}: 计划旁没有进展文件；请先用 workplan ledger import 导入台账，或用 --progress 指定")
    return max(found)[1]


def load_status(plan_path: Path, period: Period | None = None,
                progress_file: Path | None = None) -> tuple[StatusResult, list[Finding]]:
    """Return (the status of the plan for the period, warnings of both files).

    Raises InputError for errors in the plan or the progress file, ToolError when no
    progress file is found or it is for another year."""
    plan, warnings = load_plan(plan_path)
    path = progress_file or find_progress(Path(plan_path), period)
    progress, more = load_progress(path)
    if period and period != progress.period:
        raise ToolError(f"{path}: 进展文件的期间是 {progress.period.code}，不是 {period.code}")
    if progress.period.year != plan.year:
        raise ToolError(f"{path}: 进展文件的期间 {progress.period.code} 不在计划年度 {plan.year} 内")
    attached = attach(plan, progress)
    result = compute_status(plan, progress.period, attached, str(path))
    return result, warnings + more + attached.findings


def status_of(plan: Plan, progress: Progress) -> tuple[StatusResult, list[Finding]]:
    """Return the status of a loaded plan and progress (for rollover and tests)."""
    attached = attach(plan, progress)
    return compute_status(plan, progress.period, attached, progress.path), attached.findings
