"""Title lines (GB/T 9704 7.3.1: 梯形或菱形, 回行时要做到词意完整): where a title breaks.

A user may fix the breaks: the title is then printed in the lines written (each still
broken further where it is too long for a line; the plan format's ``|`` marker, see
generator.plan.titles). Otherwise the break is chosen here, by rules rather than a word
segmenter (README: 标题回行): a line ends at a boundary a title's grammar gives (before 《
and 关于, after 》, 的, 关于, 印发, an organ's or a place's name, a year), never inside a
number, never before closing or after opening punctuation, and inside a word only where
no split at boundaries fits; among the splits left the lines are balanced, the top one
preferably the longer. One more line than the fewest is taken when it keeps words whole.
"""
from __future__ import annotations

import math
import re
from functools import partial

from generator.layout import metrics

# Break opportunities with a cost (lower is better); any other place between two characters
# costs _INSIDE. "Before": a line may end just before the string; "after": just after it.
_BREAK_BEFORE = {"《": 0, "关于": 1, "（": 2, "和": 4, "与": 4, "及": 4}
_BREAK_AFTER = {"》": 0, "关于": 1, "的": 2, "和": 2, "与": 2, "及": 2, "、": 1, "印发": 2,
                "转发": 2, "局": 3, "委员会": 2, "办公室": 2, "厅": 3,
                "新区": 2, "自治区": 2, "自治州": 2, "自治县": 2, "地区": 2, "开发区": 2,
                "街道": 3, "社区": 3}
_WORD_ENDS = ("推进", "加强", "做好", "深化", "实施", "开展", "建设", "发展", "改革", "工作",
              "教育", "管理", "服务", "体系", "机制", "制度", "一体化", "均衡", "优质", "全面",
              "乡村振兴", "高质量", "专项", "行动")
# Never broken inside (a word end above may occur in them: 人民政府 holds 民政).
_WHOLE = ("人民政府", "人民代表大会", "委员会", "办公室", "办公厅", "管理局", "自治区", "自治州",
          "自治县", "开发区", "工作要点")
_ENDS_AFTER = (*_BREAK_AFTER.items(), *((w, 3) for w in _WORD_ENDS))
# An administrative unit's one-character suffix ends a place name (示例县 / 教育局), unless
# the next character makes a word with it (市场, 区域, 县委, 市级 …).
_UNIT_SUFFIX = re.compile(r"(?<=[\u4e00-\u9fff])[省市县区州旗镇乡](?![委域场级属直长民容内外情])")
_ORGAN_SUFFIX = set("局厅")   # ends an organ's name: 教育 / 局 never
_AFTER_YEAR = re.compile(r"(?<=\d)年度?")
_INSIDE = 12
_EXTRA_LINE = 6            # score of one line more than the fewest that can hold the title
_NO_START = set("，。、；：！？》）”’")
_NO_END = set("《（“‘")
_SEARCH_LINES = 4          # longer titles are wrapped greedily (the search grows as n^lines)
_MIN_LINE = 4              # no line narrower than this (no "通知" or "的通知" left alone)


def _costs(text: str) -> dict[int, int]:
    """Return every allowed break position (index of the first character of the next line)
    -> cost: numbers (with a following 年/月/日, and 年度) and _WHOLE words are never split,
    no line starts with 局 or 厅, with closing or ends with opening punctuation."""
    costs = {i: _INSIDE for i in range(1, len(text))}
    places = [(i, cost) for word, cost in _BREAK_BEFORE.items() for i in _starts(text, word)]
    places += [(i + len(word), cost) for word, cost in _ENDS_AFTER for i in _starts(text, word)]
    places += [(m.end(), 2) for m in _AFTER_YEAR.finditer(text)]          # after "2024年(度)"
    places += [(m.end(), 4) for m in _UNIT_SUFFIX.finditer(text)]
    for i, cost in places:
        if i in costs and cost < costs[i]:
            costs[i] = cost
    for word in _WHOLE:
        for start in _starts(text, word):
            for i in range(start + 1, start + len(word)):
                costs.pop(i, None)
    for i in range(1, len(text)):
        pair = text[i - 1] + text[i]
        if (pair.isascii() and pair.isalnum() or text[i] in _NO_START or text[i - 1] in _NO_END
                or text[i - 1].isdigit() and text[i] in "年月日号.%％"
                or pair == "年度" and i > 1 and text[i - 2].isdigit()
                or text[i] in _ORGAN_SUFFIX):
            costs.pop(i, None)
    return costs


def _starts(text: str, word: str):
    """Yield every index where ``word`` occurs in ``text`` (overlapping ones too)."""
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def title_lines(text: str, max_chars: float, gap: float = 0.0) -> list[str]:
    """Return the title broken into balanced lines of at most ``max_chars`` by the rules in
    the module docstring, no line narrower than 4 characters. A title that fits stays one
    line; one of more than four lines is filled line by line, ending each at its cheapest
    break. Widths are measured with ``gap`` characters at each CJK/Latin boundary."""
    measure = partial(metrics.set_width, gap=gap)
    if measure(text) <= max_chars or len(text) < 2:
        return [text]
    costs = _costs(text)
    count = math.ceil(measure(text) / max_chars)
    found = []                     # (score, lines) of the fewest lines that fit, and one more
    for lines in range(count, min(count + 2, _SEARCH_LINES) + 1):
        split, score = _best_split(text, max_chars, lines, costs, measure)
        if split:
            found.append((score + _EXTRA_LINE * len(found), split))
            if len(found) == 2:
                break
    return min(found)[1] if found else _greedy(text, max_chars, costs, measure)


def fixed_lines(parts: tuple[str, ...], max_chars: float, gap: float = 0.0) -> list[str]:
    """Return the lines of a title whose breaks the user marked: each part on lines of its
    own, broken by ``title_lines`` where it is too long for one."""
    return [line for part in parts for line in title_lines(part, max_chars, gap)]


def _greedy(text: str, max_chars: float, costs: dict[int, int], measure) -> list[str]:
    """Return lines filled as far as they go, ending at the cheapest allowed break in the
    second half of the line (or anywhere, when none is allowed). Each step looks only at
    the next line's worth of text (a character is at least half wide), so the time grows
    linearly with the length of the text."""
    lines, start = [], 0
    window = int(2 * max_chars) + 2              # more characters than a line can hold
    while measure(text[start:start + window]) > max_chars:
        end = start + 1
        while end < len(text) and measure(text[start:end + 1]) <= max_chars:
            end += 1
        fits = [c for c in range(start + (end - start) // 2 + 1, end + 1) if c in costs]
        cut = min(fits, key=lambda c: (costs[c], -c)) if fits else end
        lines.append(text[start:cut])
        start = cut
    return lines + [text[start:]]


def _best_split(text: str, max_chars: float, count: int, costs: dict[int, int], measure):
    """Return (the best split into ``count`` lines, its score), or (None, inf) when none
    fits. The score adds each line's distance from the mean width, the break costs, and a
    penalty for a line longer than the one above (上长下短); lines far from the mean are
    not considered."""
    target = measure(text) / count
    low = max(_MIN_LINE, target - 6)
    best, best_score = None, math.inf
    for cuts in _cut_sets(text, 0, count - 1, costs, (low, max_chars), measure):
        bounds = (0, *cuts, len(text))
        widths = [measure(text[a:b]) for a, b in zip(bounds, bounds[1:])]
        score = sum(abs(wd - target) for wd in widths) + 2 * sum(costs[c] for c in cuts)
        score += sum(1 + (b - a) / 2 for a, b in zip(widths, widths[1:]) if b > a + 0.5)
        if score < best_score:
            best, best_score = [text[a:b] for a, b in zip(bounds, bounds[1:])], score
    return best, best_score


def _cut_sets(text: str, start: int, n: int, costs: dict[int, int], span: tuple, measure):
    """Yield increasing tuples of ``n`` break positions from ``costs`` after ``start`` such
    that every line's width lies within ``span`` (low, high)."""
    low, high = span
    if n == 0:
        if low <= measure(text[start:]) <= high:
            yield ()
        return
    for pos in range(start + 1, len(text)):
        width = measure(text[start:pos])
        if width > high:
            break
        if pos in costs and width >= low:
            for rest in _cut_sets(text, pos, n - 1, costs, span, measure):
                yield (pos, *rest)
