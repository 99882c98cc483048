"""Stable row keys, and finding a key's task or target again in a plan that changed.

A key names the position at export and hashes of the text: ``S2T1-1a2b3c4d`` is section
2, task 1 whose lead sentence hashes to 1a2b3c4d; a target adds its own position and the
hash of its name: ``S2T1G1-1a2b3c4d-5e6f7a8b``. Renumbering (a task inserted before) does
not break a key: it is found by its hash wherever the task now stands. A task whose lead
was edited since is found by similarity of the lead text (difflib), and reported.
"""
from __future__ import annotations

import difflib
import hashlib
import re
from typing import NamedTuple

from generator.plan.model import Plan

CUTOFF = 0.6          # least similarity (difflib ratio) for an edited task or target
_KEY = re.compile(r"^S(\d+)T(\d+)(?:G(\d+))?-([0-9a-f]{8})(?:-([0-9a-f]{8}))?$")


def text_hash(text: str) -> str:
    """Return 8 hex digits hashing a text, white space ignored."""
    return hashlib.blake2s("".join(str(text).split()).encode("utf-8"), digest_size=4).hexdigest()


def task_key(si: int, ti: int, lead: str) -> str:
    """Return the key of task ``ti`` of section ``si`` (both 0-based)."""
    return f"S{si + 1}T{ti + 1}-{text_hash(lead)}"


def target_key(si: int, ti: int, gi: int, lead: str, name: str) -> str:
    """Return the key of target ``gi`` of that task (all 0-based)."""
    return f"S{si + 1}T{ti + 1}G{gi + 1}-{text_hash(lead)}-{text_hash(name)}"


class Key(NamedTuple):
    """A parsed key: 0-based positions at export (``gi`` None for a task) and the hashes."""

    si: int
    ti: int
    gi: int | None
    lead: str
    name: str | None


def parse_key(text) -> Key | None:
    """Return the parsed key, or None when ``text`` is not one (damaged or empty)."""
    match = _KEY.match(str(text or "").strip())
    if not match or bool(match[3]) != bool(match[5]):
        return None
    gi = int(match[3]) - 1 if match[3] else None
    return Key(int(match[1]) - 1, int(match[2]) - 1, gi, match[4], match[5])


class Ref(NamedTuple):
    """What a ledger row or progress entry says of its place: key, lead sentence, and for a
    target its name (None for a task)."""

    key: str
    lead: str
    name: str | None = None


class Found(NamedTuple):
    """Where a reference is in the plan: (si, ti) or (si, ti, gi), None when nowhere; the
    similarity (1.0 when found by key)."""

    pos: tuple | None
    ratio: float = 0.0


def similarity(a: str, b: str) -> float:
    """Return difflib's ratio of two texts, character by character."""
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


class PlanIndex:
    """The plan's tasks and targets by the hashes of their texts."""

    def __init__(self, plan: Plan):
        self.tasks: dict[tuple, str] = {}
        self.targets: dict[tuple, str] = {}
        self._task_hash: dict[str, list[tuple]] = {}
        self._target_hash: dict[str, list[tuple]] = {}
        for si, section in enumerate(plan.sections):
            for ti, task in enumerate(section.tasks):
                self.tasks[(si, ti)] = task.title
                self._task_hash.setdefault(text_hash(task.title), []).append((si, ti))
                for gi, target in enumerate(task.targets):
                    self.targets[(si, ti, gi)] = target.name
                    self._target_hash.setdefault(text_hash(target.name), []).append((si, ti, gi))

    def by_key(self, ref: Ref) -> tuple | None:
        """Return the position a key names by its hashes (the exported position first when
        the text hashes to several), None when no text hashes alike."""
        key = parse_key(ref.key)
        if key is None:
            return None
        if ref.name is None:
            return _nearest(self._task_hash.get(key.lead, []), (key.si, key.ti))
        found = self._target_hash.get(key.name or "", [])
        same_task = [p for p in found if text_hash(self.tasks[p[:2]]) == key.lead]
        return _nearest(same_task or found, (key.si, key.ti, key.gi))

    def by_text(self, ref: Ref, taken: set) -> Found:
        """Return the most similar position not in ``taken`` (a target's name among the
        targets of the task its lead resembles most), or Found(None) below CUTOFF."""
        if ref.name is None:
            return _best(ref.lead, {p: t for p, t in self.tasks.items() if p not in taken})
        task = self.by_key(Ref(ref.key, ref.lead)) or _best(ref.lead, self.tasks).pos
        pool = {p: n for p, n in self.targets.items() if p not in taken}
        near = {p: n for p, n in pool.items() if task and p[:2] == task}
        best = _best(ref.name, near)
        return best if best.pos else _best(ref.name, pool)


def _nearest(found: list[tuple], hint: tuple) -> tuple | None:
    if not found:
        return None
    return hint if hint in found else found[0]


def _best(text: str, pool: dict[tuple, str]) -> Found:
    """Return the position in ``pool`` whose text is most like ``text`` (ties: first)."""
    best, ratio = None, CUTOFF
    for pos, other in pool.items():
        matcher = difflib.SequenceMatcher(None, text, other, autojunk=False)
        if matcher.real_quick_ratio() < ratio or matcher.quick_ratio() < ratio:
            continue
        score = matcher.ratio()
        if score > ratio or (best is None and score >= ratio):
            best, ratio = pos, score
    return Found(best, ratio if best else 0.0)


def match_refs(index: PlanIndex, refs: list[Ref]) -> list[Found]:
    """Return where each reference is: by key first (all of them), then by similarity among
    the places no key claimed. Two references may name one place (the caller reports the
    second as a duplicate)."""
    found: list[Found | None] = []
    taken: set = set()
    for ref in refs:
        pos = index.by_key(ref)
        found.append(Found(pos, 1.0) if pos else None)
        if pos:
            taken.add(pos)
    for i, ref in enumerate(refs):
        if found[i] is None:
            found[i] = index.by_text(ref, taken)
            if found[i].pos:
                taken.add(found[i].pos)
    return found
