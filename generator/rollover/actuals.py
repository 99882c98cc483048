"""Last year's actual figures for a rollover: the year-end progress file beside the plan
(``plans/2021.progress-2021.yaml``, or of 2021-H2, 2021-Q4, 2021-12), its reports found in
the plan by key or similarity."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.core.location import Finding, ToolError
from generator.plan.load import plan_from_data
from generator.progress.attach import attach
from generator.progress.model import Progress, load_progress, progress_path
from generator.progress.periods import parse_period

YEAR_END = ("", "-H2", "-Q4", "-12")      # period codes after the year, in order of preference


@dataclass
class Actuals:
    """Reports by field path: targets (``sections, si, tasks, ti, targets, gi``) and tasks
    (``sections, si, tasks, ti``); the progress file's name; findings of the matching."""

    source: str = ""
    targets: dict[tuple, object] = field(default_factory=dict)
    tasks: dict[tuple, object] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def find_year_end(plan_path: Path, year: int) -> Path | None:
    """Return the plan's year-end progress file, None when there is none."""
    for suffix in YEAR_END:
        path = progress_path(plan_path, parse_period(f"{year}{suffix}"))
        if path.exists():
            return path
    return None


def load_actuals(path: Path | str, year: int) -> Progress:
    """Return the year-end progress read from ``path``.

    Raises InputError for errors in it, ToolError when it does not reach the year's end."""
    progress = load_progress(path)[0]
    if progress.period.year != year or not progress.period.is_year_end:
        raise ToolError(f"{path}: 期间 {progress.period.code} 不是 {year} 年末的进展，"
                        "基数只能取全年的实际完成值")
    return progress


def actuals_for(data: dict, progress: Progress | None) -> Actuals | None:
    """Return the reports of the plan data's tasks and targets, None without progress."""
    if progress is None:
        return None
    attached = attach(plan_from_data(data), progress)
    out = Actuals(Path(progress.path).name, findings=attached.findings)
    for (si, ti), report in attached.tasks.items():
        out.tasks[("sections", si, "tasks", ti)] = report
    for (si, ti, gi), report in attached.targets.items():
        out.targets[("sections", si, "tasks", ti, "targets", gi)] = report
    return out


def actual_figure(actuals: Actuals | None, parts: tuple):
    """Return the reported actual figure of the target at ``parts`` (None if unknown)."""
    report = actuals.targets.get(parts) if actuals else None
    actual = getattr(report, "actual", None)
    return actual if isinstance(actual, (int, float)) and not isinstance(actual, bool) else None


def unfinished_flags(data: dict, actuals: Actuals | None, old: int, new: int) -> list[tuple[tuple, str]]:
    """Return (field path, reason) for each task the year-end progress does not show
    已完成: carried over only if the user decides so ([] without progress)."""
    if actuals is None:
        return []
    flags = []
    for si, section in enumerate(data["sections"]):
        for ti, _ in enumerate(section.get("tasks") or []):
            status = getattr(actuals.tasks.get(("sections", si, "tasks", ti)), "status", "")
            where = ("sections", si, "tasks", ti, "title")
            if not status:
                flags.append((where, f"{old}年进展未填报，请核实是否完成、是否延续到{new}年"))
            elif status != "已完成":
                flags.append((where, f"{old}年未完成（{status}），请决定是否延续到{new}年"))
    return flags
