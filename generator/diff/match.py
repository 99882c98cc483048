"""Compare two plans (usually two years'): tasks added, dropped, moved between sections,
reworded, and targets changed; every other part (title, year, notice fields, preamble,
section titles and intros) field by field (generator.diff.fields). Tasks are matched by the
similarity of their text, not by position, so inserting a task does not make every later
one look changed. Text is compared as printed: placeholders are expanded first, so
{{ targets['…'] }} compares as 700元 → 760元.

Matching: the score of two tasks is difflib's ratio of lead sentence + body (1.0 when equal);
equal lead sentences count as at least the threshold. Pairs scoring at least TASK_THRESHOLD are
taken greedily, best first (ties: nearer position first). Sections correspond by title the
same way; a matched task whose section does not correspond to its old one has moved. Targets
match across the whole plan by name (equal names first, then similar ones).

JSON shape of ``PlanDiff.to_json()`` (stable; lists in the order of the new plan, dropped
things in the order of the old one; ``path`` is the YAML field path, 0-based)::

    {"old": {"title": str, "year": int}, "new": {"title": str, "year": int},
     "summary": {"added": int, "dropped": int, "moved": int, "reworded": int, "changed": int,
                 "targets": int, "fields": int},
     "fields": [{"path": "notice.doc_number", "label": "发文字号", "old": VALUE, "new": VALUE}],
     "added": [TASK], "dropped": [TASK],
     "moved": [{"old": TASK, "new": TASK}],
     "reworded": [{"old": TASK, "new": TASK, "similarity": float (3 decimals),
                   "changes": {FIELD: {"old": value, "new": value}}}],
     "changed": [{"old": TASK, "new": TASK, "changes": {FIELD: {"old": …, "new": …}}}],
     "targets": [{"change": "changed" | "added" | "dropped", "name": str, "path": str,
                  "task": TASK, "changes": {FIELD: {"old": value, "new": value}}}]}
    TASK = {"path": "sections[1].tasks[0]", "section": "二、…", "label": "3.", "title": str}

Task FIELDs: title, body, items, owners, deadline. "reworded" holds the matched tasks whose
text (title, body or items) changed; "changed" those whose text is equal but owners or
deadline changed. A task may be both moved and reworded (or changed).
Target FIELDs: name, value, unit, baseline, deadline, owners, note (for added and dropped
targets, each field that has a value, with null on the missing side).
"fields" lists the other parts that differ, in printed order: title, year, numbering.*,
notice.* (each field of the notice, as printed), preamble, sections[i].title / .intro; a
VALUE is text, a list of texts, a number, true/false, or null where a plan lacks it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from generator.diff.fields import FieldChange, diff_fields
from generator.diff.text import similarity
from generator.document.build import expand_text, number_plan
from generator.plan.model import Plan, Target, Task

TASK_THRESHOLD = 0.5
SECTION_THRESHOLD = 0.5
TARGET_THRESHOLD = 0.6
TEXT_FIELDS = ("title", "body", "items")
TASK_FIELDS = TEXT_FIELDS + ("owners", "deadline")
TARGET_FIELDS = ("name", "value", "unit", "baseline", "deadline", "owners", "note")


@dataclass(frozen=True)
class TaskRef:
    """Where a task is: YAML path, section heading (一、…), computed label, lead sentence."""

    path: str
    section: str
    label: str
    title: str
    position: tuple[int, int] = (0, 0)

    def to_json(self) -> dict:
        return {"path": self.path, "section": self.section, "label": self.label,
                "title": self.title}


@dataclass
class TaskMatch:
    """An old task and the new task it became, their score and the fields that changed."""

    old: TaskRef
    new: TaskRef
    similarity: float
    changes: dict[str, tuple] = field(default_factory=dict)
    moved: bool = False


@dataclass
class TargetChange:
    """A target changed, added or dropped; ``changes`` maps field to (old, new)."""

    change: str
    name: str
    path: str
    task: TaskRef
    changes: dict[str, tuple] = field(default_factory=dict)
    unit: tuple[str, str] = ("", "")


@dataclass
class PlanDiff:
    """What changed from one plan to another (see the module docstring)."""

    old: tuple[str, int]
    new: tuple[str, int]
    added: list[TaskRef] = field(default_factory=list)
    dropped: list[TaskRef] = field(default_factory=list)
    matches: list[TaskMatch] = field(default_factory=list)
    targets: list[TargetChange] = field(default_factory=list)
    sections: dict[int, int] = field(default_factory=dict)
    fields: list[FieldChange] = field(default_factory=list)

    @property
    def moved(self) -> list[TaskMatch]:
        return [m for m in self.matches if m.moved]

    @property
    def reworded(self) -> list[TaskMatch]:
        """Matched tasks whose text (title, body, items) changed."""
        return [m for m in self.matches if set(m.changes) & set(TEXT_FIELDS)]

    @property
    def changed(self) -> list[TaskMatch]:
        """Matched tasks whose text is the same but whose owners or deadline changed."""
        return [m for m in self.matches if m.changes and not set(m.changes) & set(TEXT_FIELDS)]

    def to_json(self) -> dict:
        """Return the diff as plain data in the documented stable shape."""
        changes = lambda c: {k: {"old": o, "new": n} for k, (o, n) in c.items()}  # noqa: E731
        return {
            "old": {"title": self.old[0], "year": self.old[1]},
            "new": {"title": self.new[0], "year": self.new[1]},
            "summary": {"added": len(self.added), "dropped": len(self.dropped),
                        "moved": len(self.moved), "reworded": len(self.reworded),
                        "changed": len(self.changed), "targets": len(self.targets),
                        "fields": len(self.fields)},
            "fields": [f.to_json() for f in self.fields],
            "added": [t.to_json() for t in self.added],
            "dropped": [t.to_json() for t in self.dropped],
            "moved": [{"old": m.old.to_json(), "new": m.new.to_json()} for m in self.moved],
            "reworded": [{"old": m.old.to_json(), "new": m.new.to_json(),
                          "similarity": round(m.similarity, 3), "changes": changes(m.changes)}
                         for m in self.reworded],
            "changed": [{"old": m.old.to_json(), "new": m.new.to_json(),
                         "changes": changes(m.changes)} for m in self.changed],
            "targets": [{"change": t.change, "name": t.name, "path": t.path,
                         "task": t.task.to_json(), "changes": changes(t.changes)}
                        for t in self.targets],
        }


def plan_tasks(plan: Plan) -> list[tuple[TaskRef, Task]]:
    """Return every task of a plan with its reference, in order."""
    out = []
    for si, section in enumerate(number_plan(plan)):
        for ti, numbered in enumerate(section.tasks):
            ref = TaskRef(f"sections[{si}].tasks[{ti}]", section.label + section.title,
                          numbered.label, numbered.task.title, (si, ti))
            out.append((ref, numbered.task))
    return out


def greedy_match(scores: list[tuple[float, int, int]]) -> dict[int, tuple[int, float]]:
    """Return {old index: (new index, score)} taking (score, old, new) pairs best first, each
    index once; ties go to the pair nearer in position."""
    taken_new: set[int] = set()
    out: dict[int, tuple[int, float]] = {}
    for score, i, j in sorted(scores, key=lambda s: (-s[0], abs(s[1] - s[2]), s[1], s[2])):
        if i not in out and j not in taken_new:
            out[i] = (j, score)
            taken_new.add(j)
    return out


def _equal_pairs(before: list[str], after: list[str]) -> dict[int, tuple[int, float]]:
    """Return {old index: (new index, 1.0)} pairing equal texts in order: most tasks do not
    change from one year to the next, and this keeps the pairwise scoring small."""
    waiting: dict[str, list[int]] = {}
    for i, text in enumerate(before):
        waiting.setdefault(text, []).append(i)
    out = {}
    for j, text in enumerate(after):
        if waiting.get(text):
            out[waiting[text].pop(0)] = (j, 1.0)
    return out


def _task_text(task: Task) -> str:
    return task.title + task.body


def _task_score(a: Task, b: Task) -> float:
    score = similarity(_task_text(a), _task_text(b), TASK_THRESHOLD)
    return max(score, TASK_THRESHOLD) if a.title == b.title else score


def match_sections(old: Plan, new: Plan) -> dict[int, int]:
    """Return {old section index: new section index} for sections whose titles correspond."""
    scores = [(similarity(a.title, b.title, SECTION_THRESHOLD), i, j)
              for i, a in enumerate(old.sections) for j, b in enumerate(new.sections)]
    matched = greedy_match([s for s in scores if s[0] >= SECTION_THRESHOLD])
    return {i: j for i, (j, _) in matched.items()}


def _field_changes(a, b, names: tuple[str, ...]) -> dict[str, tuple]:
    return {name: (getattr(a, name), getattr(b, name)) for name in names
            if getattr(a, name) != getattr(b, name)}


def match_tasks(old: Plan, new: Plan) -> tuple[list[TaskMatch], list[TaskRef], list[TaskRef]]:
    """Return (matches in new order, added tasks, dropped tasks) between two plans."""
    before, after = plan_tasks(old), plan_tasks(new)
    matched = _equal_pairs([_task_text(t) for _, t in before], [_task_text(t) for _, t in after])
    taken = {j for j, _ in matched.values()}
    scores = [(score, i, j) for i, (_, a) in enumerate(before) if i not in matched
              for j, (_, b) in enumerate(after) if j not in taken
              if (score := _task_score(a, b)) >= TASK_THRESHOLD]
    matched.update(greedy_match(scores))
    sections = match_sections(old, new)
    matches = []
    for i, (j, score) in matched.items():
        (old_ref, a), (new_ref, b) = before[i], after[j]
        moved = sections.get(old_ref.position[0]) != new_ref.position[0]
        matches.append(TaskMatch(old_ref, new_ref, score, _field_changes(a, b, TASK_FIELDS), moved))
    matches.sort(key=lambda m: m.new.position)
    new_taken = {m.new.position for m in matches}
    added = [ref for ref, _ in after if ref.position not in new_taken]
    dropped = [ref for i, (ref, _) in enumerate(before) if i not in matched]
    return matches, added, dropped


def _plan_targets(plan: Plan) -> list[tuple[str, TaskRef, Target]]:
    return [(f"{ref.path}.targets[{k}]", ref, target)
            for ref, task in plan_tasks(plan) for k, target in enumerate(task.targets)]


def _present(target: Target) -> dict[str, tuple]:
    return {name: getattr(target, name) for name in TARGET_FIELDS
            if getattr(target, name) not in (None, "", [])}


def diff_targets(old: Plan, new: Plan) -> list[TargetChange]:
    """Return the targets changed or added (in new order), then those dropped (in old order)."""
    before, after = _plan_targets(old), _plan_targets(new)
    matched = _equal_pairs([t.name for _, _, t in before], [t.name for _, _, t in after])
    taken = {j for j, _ in matched.values()}
    scores = [(score, i, j) for i, (_, _, a) in enumerate(before) if i not in matched
              for j, (_, _, b) in enumerate(after) if j not in taken
              if (score := similarity(a.name, b.name, TARGET_THRESHOLD)) >= TARGET_THRESHOLD]
    matched.update(greedy_match(scores))
    by_new = {j: i for i, (j, _) in matched.items()}
    out = []
    for j, (path, ref, b) in enumerate(after):
        if j not in by_new:
            out.append(TargetChange("added", b.name, path, ref,
                                    {k: (None, v) for k, v in _present(b).items()}, ("", b.unit)))
            continue
        a = before[by_new[j]][2]
        changes = _field_changes(a, b, TARGET_FIELDS)
        if changes:
            out.append(TargetChange("changed", b.name, path, ref, changes, (a.unit, b.unit)))
    for i, (path, ref, a) in enumerate(before):
        if i not in matched:
            out.append(TargetChange("dropped", a.name, path, ref,
                                    {k: (v, None) for k, v in _present(a).items()}, (a.unit, "")))
    return out


def diff_plans(old: Plan, new: Plan, env=None) -> PlanDiff:
    """Return what changed from ``old`` to ``new`` (see the module docstring); ``env`` is
    the Jinja environment for placeholders and the notice's wording (default: the bundled
    templates). Raises ToolError when a placeholder or template fails."""
    from generator.document.templating import make_environment
    env = env or make_environment()
    old, new = expand_text(old, env), expand_text(new, env)
    matches, added, dropped = match_tasks(old, new)
    sections = match_sections(old, new)
    return PlanDiff((old.title, old.year), (new.title, new.year), added, dropped, matches,
                    diff_targets(old, new), sections, diff_fields(old, new, sections, env))
