"""Line breaks a user marks in a title: ``|`` (or the full-width ``｜`` a Chinese input
method types) where the printed title must go on to a new line, for a break the automatic
one gets wrong (a place name split: 《青岛西 / 海岸新区…》).

The marker is layout only: wherever a title is used as text (the notice's wording, the
附件说明, comparisons, outline, checks) it reads without it.
"""
from __future__ import annotations

import re

BREAK_MARKS = "|｜"
_MARKS = re.compile(f"[{BREAK_MARKS}]")


def split_title(text: str) -> tuple[str, tuple[str, ...]]:
    """Return (the title without markers, its lines as marked): the lines are () when no
    break is marked; empty lines (a marker at either end, two in a row) are left out and
    the space around a marker is dropped."""
    if not _MARKS.search(text):
        return text, ()
    lines = tuple(line.strip() for line in _MARKS.split(text) if line.strip())
    return "".join(lines), lines if len(lines) > 1 else ()
