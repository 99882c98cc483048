"""Who leads a task: the one place the progress code asks (issue 12 brings a unit API;
until it is merged, the task's ``owners`` list is read directly: the first owner is the
牵头单位, the others 责任单位, the convention notices state)."""
from __future__ import annotations

from generator.plan.model import Target, Task

NO_UNIT = "未明确牵头单位"


def lead_unit(task: Task, target: Target | None = None) -> str:
    """Return the 牵头单位 of a task, or of one of its targets (the target's own owners
    first, else the task's); NO_UNIT when none is named."""
    owners = (target.owners if target is not None else []) or task.owners
    return owners[0] if owners else NO_UNIT
