"""Layout arithmetic for the DOCX writer, free of python-docx: text widths in characters,
role metrics, the fitted issuer-mark size, balanced title lines and the 署名/日期 indents.

Widths count a CJK (full-width) character as 1 and a half-width one (digits, Latin,
ASCII punctuation) as 0.5, as GB/T 9704 measures them.
"""
from __future__ import annotations

import math
import re
from dataclasses import fields, replace

from ..style import Role, StyleSheet

# Break opportunities in a title, with a cost: lower is better. Position "before" means the
# line may end just before the character, "after" just after it.
_BREAK_BEFORE = {"《": 0, "关": 1, "（": 2, "印": 3}
_BREAK_AFTER = {"》": 0, "于": 1, "的": 2, "、": 1, "年": 2, "区": 3, "市": 3, "县": 3,
                "局": 2, "会": 2, "发": 3, "和": 3, "与": 3, "及": 3}
_GREEDY_ABOVE = 3          # titles of more lines are wrapped greedily (the search is costly)


_HALF = re.compile("[\x00-\u10ff\uff61-\uffdc]")


def text_width(text: str) -> float:
    """Return the width of ``text`` in characters: CJK characters and CJK punctuation
    (including “ ” — …) count 1, Latin letters, digits and ASCII punctuation 0.5."""
    return len(text) - 0.5 * len(_HALF.findall(text))


def effective(sheet: StyleSheet, role: str) -> Role:
    """Return a role with unset fields taken from ``body`` (what Word inherits from Normal)."""
    body, own = sheet.roles["body"], sheet.roles.get(role, Role())
    return replace(body, **{f.name: getattr(own, f.name) for f in fields(Role)
                            if getattr(own, f.name) is not None})


def char_twips(sheet: StyleSheet, role: str, size: float | None = None) -> int:
    """Return one character's advance in twips for a role: size plus character spacing."""
    r = effective(sheet, role)
    return round(((size or r.size) + (r.char_spacing or 0)) * 20)


def line_twips(sheet: StyleSheet, role: str, size: float | None = None) -> int:
    """Return a role's exact line height: its own, else the grid pitch, raised so that a
    large font (标志, a big title) is not clipped."""
    r = effective(sheet, role)
    line = r.line or sheet.pitch
    return max(line, math.ceil((size or r.size) * 20 * 1.15))


def mark_size(sheet: StyleSheet, text: str) -> float:
    """Return the issuer mark's size in points: the sheet's size, reduced (in half points)
    so the mark fits on one line of the type area."""
    largest = effective(sheet, "issuer_mark").size
    width = max(text_width(text), 1)
    fitted = math.floor(sheet.text_width / 20 * 0.96 / width * 2) / 2
    return min(largest, fitted)


def _costs(text: str) -> dict[int, int]:
    """Return break positions (index of the first character of the next line) -> cost."""
    costs: dict[int, int] = {}
    for i, c in enumerate(text):
        if i and c in _BREAK_BEFORE:
            costs[i] = min(costs.get(i, 9), _BREAK_BEFORE[c])
        if i + 1 < len(text) and c in _BREAK_AFTER:
            costs[i + 1] = min(costs.get(i + 1, 9), _BREAK_AFTER[c])
    for i in range(1, len(text)):
        pair = text[i - 1] + text[i]
        if pair.isascii() and pair.isalnum() or text[i] in "，。、；：！？》）”’":
            costs.pop(i, None)            # never split a number, never start with punctuation
    return costs


def title_lines(text: str, max_chars: float) -> list[str]:
    """Return the title broken into the fewest lines of at most ``max_chars``, balanced and
    preferring a longer top line (梯形), breaking at word-like boundaries (before 《, after
    关于 / 的 / 》 …); a title that fits stays one line."""
    if text_width(text) <= max_chars or len(text) < 2:
        return [text]
    costs = _costs(text)
    count = math.ceil(text_width(text) / max_chars)
    if count > _GREEDY_ABOVE:
        return _greedy(text, max_chars, costs)
    while count <= _GREEDY_ABOVE:
        best = _best_split(text, max_chars, count, costs)
        if best:
            return best
        count += 1
    return _greedy(text, max_chars, costs)


def _greedy(text: str, max_chars: float, costs: dict[int, int]) -> list[str]:
    """Return lines filled as far as they go, ending at the last break opportunity that
    fits (or anywhere, when none does)."""
    lines, start = [], 0
    while text_width(text[start:]) > max_chars:
        end = start + 1
        while end < len(text) and text_width(text[start:end + 1]) <= max_chars:
            end += 1
        fits = [c for c in costs if start < c <= end and c > start + (end - start) // 2]
        cut = max(fits) if fits else end
        lines.append(text[start:cut])
        start = cut
    return lines + [text[start:]]


def _best_split(text: str, max_chars: float, count: int, costs: dict[int, int]):
    """Return the best split into ``count`` lines, or None when none fits."""
    target = text_width(text) / count
    best, best_score = None, math.inf
    for cuts in _cut_sets(len(text), count - 1, costs or {i: 9 for i in range(1, len(text))}):
        bounds = (0, *cuts, len(text))
        lines = [text[a:b] for a, b in zip(bounds, bounds[1:])]
        widths = [text_width(s) for s in lines]
        if max(widths) > max_chars:
            continue
        score = sum(abs(wd - target) for wd in widths) + 3 * sum(costs.get(c, 9) for c in cuts)
        score += sum(1 for a, b in zip(widths, widths[1:]) if b > a + 0.5)  # 上长下短
        if score < best_score:
            best, best_score = lines, score
    return best


def _cut_sets(length: int, n: int, costs: dict[int, int], start: int = 1):
    """Yield increasing tuples of ``n`` break positions chosen from ``costs``."""
    if n == 0:
        yield ()
        return
    for pos in sorted(p for p in costs if p >= start and p < length):
        for rest in _cut_sets(length, n - 1, costs, pos + 1):
            yield (pos, *rest)


def signature_indents(organ: str, date: str, seal: bool) -> tuple[float, float]:
    """Return the right indents (署名, 日期) in characters by GB/T 9704 7.3.5.

    With a seal: the date 4 characters in from the right, the 署名 centred above it.
    Without: the 署名 2 characters in, the date starting 2 characters right of the 署名's
    start; a date longer than that goes 2 characters in and pushes the 署名 left.
    """
    o, d = text_width(organ), text_width(date)
    if seal:
        return max(0.0, 4 + (d - o) / 2), 4.0
    if o - d >= 2:
        return 2.0, o - d
    return d - o + 4, 2.0
