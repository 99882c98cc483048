"""Years that rollover moved inside running text, shown for review with the time they are
part of (“2020年底”→“2021年底”, “2025年6月”→“2026年6月”): a year in prose may be a fixed
deadline of a policy rather than the plan's own year, so every one is flagged."""
from __future__ import annotations

import re

_MONTH = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}日|[一二三四五六七八九十]{1,3}日)?"
# what may follow a year's 年 as part of a time: 2020年底, 2021年上半年, 2022年第一季度
_AFTER = r"(?:底前|底|初|末|中|前|内|起|以前|以后|以来|上半年|下半年|第[一二三四]季度)?"


def moved_years(value: str, years: re.Pattern, substitute, keep: str = "") -> list[str]:
    """Return “old”→“new” for each distinct year expression of ``value`` that ``years``
    matches and ``substitute`` (a re.sub replacement) moves, in order; occurrences inside a
    copy of ``keep`` (the plan title, quoted in the notice body) are left out."""
    shielded = _spans(value, keep)
    expression = re.compile(rf"(?:{years.pattern})(?:年(?:{_MONTH}|{_AFTER}))?")
    out: list[str] = []
    for match in expression.finditer(value):
        if any(start <= match.start() < end for start, end in shielded):
            continue
        old = match[0]
        pair = f"“{old}”→“{years.sub(substitute, old, count=1)}”"
        if pair not in out:
            out.append(pair)
    return out


def _spans(text: str, part: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each occurrence of ``part`` in ``text`` (none if empty)."""
    spans, at = [], text.find(part) if part else -1
    while at != -1:
        spans.append((at, at + len(part)))
        at = text.find(part, at + len(part))
    return spans
