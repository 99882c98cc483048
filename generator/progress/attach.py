"""A progress file set beside the plan it reports on: each entry found again by key, else
by similarity (the plan was edited since), with findings located in the progress file."""
from __future__ import annotations

from dataclasses import dataclass, field

from generator.core import codes
from generator.core.location import Finding, Location, format_path
from generator.plan.model import Plan
from generator.progress.keys import PlanIndex, Ref, match_refs
from generator.progress.model import Progress, TargetProgress, TaskProgress


@dataclass
class Attached:
    """The reports by plan position: tasks by (si, ti), targets by (si, ti, gi)."""

    tasks: dict[tuple, TaskProgress] = field(default_factory=dict)
    targets: dict[tuple, TargetProgress] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def attach(plan: Plan, progress: Progress) -> Attached:
    """Return the progress entries found in the plan; an entry found only by similarity is
    reported (W502), one found nowhere or twice is left out and reported (W503, W504)."""
    entries: list[tuple[Ref, object]] = []
    for task in progress.tasks:
        entries.append((Ref(task.key, task.task), task))
        entries += [(Ref(t.key, task.task, t.name), t) for t in task.targets]
    found = match_refs(PlanIndex(plan), [ref for ref, _ in entries])
    out = Attached()
    for (ref, entry), hit in zip(entries, found):
        where = entry.where or Location(progress.path)
        what = f"指标“{ref.name}”" if ref.name else f"任务“{ref.lead}”"
        table = out.targets if ref.name else out.tasks
        if hit.pos is None:
            out.findings.append(codes.finding("W503", where, f"{what}在计划中找不到，不计入状态和总结"))
        elif hit.pos in table:
            out.findings.append(codes.finding("W504", where, f"{what}重复，不计入状态和总结"))
        else:
            table[hit.pos] = entry
            if hit.ratio < 1:
                parts = ("sections", hit.pos[0], "tasks", hit.pos[1])
                parts += ("targets", hit.pos[2]) if ref.name else ()
                out.findings.append(codes.finding(
                    "W502", where, f"{what}在计划中已修改，按相似度 {hit.ratio:.0%} 对应到 {format_path(parts)}"))
    return out
