"""Layout arithmetic for the DOCX writer, free of python-docx: text widths in characters,
role metrics, the fitted issuer-mark size, balanced title lines and the 署名/日期 indents.

Widths count a CJK (full-width) character as 1 and a half-width one (digits, Latin,
ASCII punctuation) as 0.5, as GB/T 9704 measures them.
"""
from __future__ import annotations

import math
from functools import partial
import re
import unicodedata

from generator.style.sheet import Role, StyleSheet

# Break opportunities in a title, with a cost (lower is better); any other place between two
# characters costs _INSIDE. "Before" means a line may end just before the string, "after"
# just after it. Words that often end a phrase in a title are good places to end a line.
_BREAK_BEFORE = {"《": 0, "关于": 1, "（": 2, "和": 4, "与": 4, "及": 4}
_BREAK_AFTER = {"》": 0, "关于": 1, "的": 2, "和": 2, "与": 2, "及": 2, "、": 1, "印发": 2,
                "转发": 2, "局": 3, "委员会": 2, "办公室": 2, "厅": 3}
_WORD_ENDS = ("推进", "加强", "做好", "深化", "实施", "开展", "建设", "发展", "改革", "工作",
              "教育", "管理", "服务", "体系", "机制", "制度", "一体化", "均衡", "优质", "全面")
_ENDS_AFTER = (*_BREAK_AFTER.items(), *((w, 3) for w in _WORD_ENDS))
_INSIDE = 8
_AFTER_YEAR = re.compile(r"(?<=\d)年")
_NO_START = set("，。、；：！？》）”’")
_NO_END = set("《（“‘")
_SEARCH_LINES = 4          # longer titles are wrapped greedily (the search grows as n^lines)
_MIN_LINE = 4              # no line narrower than this (no "通知" or "的通知" left alone)

# Characters set half a Chinese character wide: Latin, digits, ASCII and half-width forms.
HALF_WIDTH = "\x00-\u10ff\uff61-\uffdc"
_HALF = re.compile(f"[{HALF_WIDTH}]")

# Space added between CJK and Latin/digits when autospacing is on, in ems of the font size:
# LibreOffice 7.4 adds 1/5 em (measured 3.2 pt at 16 pt) and ignores w:autoSpaceDE/DN, so
# autospacing is left on (as in Word and WPS by default) and allowed for in the 署名 indents.
AUTOSPACE_EM = 0.2


def text_width(text: str) -> float:
    """Return the width of ``text`` in characters: CJK characters and CJK punctuation
    (including “ ” — …) count 1, Latin letters, digits and ASCII punctuation 0.5."""
    return len(text) - 0.5 * len(_HALF.findall(text))


def effective(sheet: StyleSheet, role: str) -> Role:
    """Return a role with unset fields taken from ``body`` (what Word inherits from Normal)."""
    body, own = sheet.roles["body"], sheet.roles.get(role, Role())
    return body._replace(**{name: value for name, value in zip(Role._fields, own)
                            if value is not None})


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
    """Return every allowed break position (index of the first character of the next line)
    -> cost: numbers (with a following 年/月/日) are never split, no line starts with closing
    or ends with opening punctuation."""
    costs = {i: _INSIDE for i in range(1, len(text))}
    places = [(i, cost) for word, cost in _BREAK_BEFORE.items() for i in _starts(text, word)]
    places += [(i + len(word), cost) for word, cost in _ENDS_AFTER for i in _starts(text, word)]
    places += [(m.end(), 2) for m in _AFTER_YEAR.finditer(text)]          # after "2024年"
    for i, cost in places:
        if i in costs and cost < costs[i]:
            costs[i] = cost
    for i in range(1, len(text)):
        pair = text[i - 1] + text[i]
        if (pair.isascii() and pair.isalnum() or text[i] in _NO_START or text[i - 1] in _NO_END
                or text[i - 1].isdigit() and text[i] in "年月日号.%％"):
            costs.pop(i, None)
    return costs


def _starts(text: str, word: str):
    """Yield every index where ``word`` occurs in ``text`` (overlapping ones too)."""
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def title_lines(text: str, max_chars: float, gap: float = 0.0) -> list[str]:
    """Return the title broken into balanced lines of at most ``max_chars`` (GB/T 9704
    7.3.1: 梯形或菱形, a longer top line preferred), breaking between words (before 《, after
    关于 / 的 / 和 / 》 …), never inside a number, no line narrower than 4 characters; the
    fewest lines that allow this. A title that fits stays one line; one of more than four
    lines is filled line by line, ending each at its cheapest break. Widths are measured
    with ``gap`` characters at each of the text's ``autospaces``."""
    measure = partial(set_width, gap=gap)
    if measure(text) <= max_chars or len(text) < 2:
        return [text]
    costs = _costs(text)
    count = math.ceil(measure(text) / max_chars)
    for lines in range(count, min(count + 2, _SEARCH_LINES) + 1):
        best = _best_split(text, max_chars, lines, costs, measure)
        if best:
            return best
    return _greedy(text, max_chars, costs, measure)


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
    """Return the best split into ``count`` lines, or None when none fits. The score adds
    each line's distance from the mean width, the break costs, and a penalty for a line
    longer than the one above (上长下短); lines far from the mean are not considered."""
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
    return best


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


def char_class(ch: str) -> str | None:
    """Return "latin" for an ASCII letter or digit, "cjk" for a full-width character that
    is not punctuation, None for anything else (space, punctuation of either width, other
    half-width characters): autospacing goes between a latin and a cjk character, and
    LibreOffice adds none at ）3, （3 or ：2 (measured)."""
    if ch < "\x80":
        return "latin" if ch.isalnum() else None
    if ch <= "\u10ff" or "\uff61" <= ch <= "\uffdc" or ch.isspace():
        return None
    return None if unicodedata.category(ch)[0] == "P" else "cjk"


def autospaces(text: str) -> int:
    """Return the number of boundaries between a CJK character and a Latin letter or digit
    (``char_class``), where Word, WPS and LibreOffice add space by default
    (自动调整中文与西文/数字的间距; "2021年3月23日" has 5)."""
    if text.isascii():
        return 0
    kinds = [char_class(ch) for ch in text]
    return sum(1 for a, b in zip(kinds, kinds[1:]) if a and b and a != b)


def set_width(text: str, gap: float) -> float:
    """Return the width of ``text`` in characters as set: ``text_width`` plus ``gap``
    characters at each of its ``autospaces``."""
    return text_width(text) + gap * autospaces(text) if gap else text_width(text)


def signature_indents(organ: str, date: str, seal: bool, gap: float = 0.0,
                      width: float | None = None) -> tuple[float, float]:
    """Return the right indents (署名, 日期) in characters by GB/T 9704 7.3.5, measuring
    both with ``gap`` characters of CJK/Latin spacing (see ``set_width``).

    With a seal: the date 4 characters in from the right, the 署名 centred above it.
    Without: the 署名 2 characters in, the date starting 2 characters right of the 署名's
    start; a date longer than that goes 2 characters in and pushes the 署名 left.
    ``width``: the characters a line holds (None: unbounded). A 署名 longer than its line
    wraps and starts at the left edge, so the date starts 2 characters in from there and
    stays on one line: a date never breaks.
    """
    o, d = set_width(organ, gap), set_width(date, gap)
    if seal:
        return max(0.0, 4 + (d - o) / 2), 4.0
    if o - d >= 2:
        if width is not None:
            o = min(o, width - 2)          # a wrapped 署名's first line starts at the edge
        return 2.0, max(o - d, 2.0)
    return d - o + 4, 2.0
