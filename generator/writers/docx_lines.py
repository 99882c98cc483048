"""How many lines a paragraph's text takes, broken as LibreOffice 7.4 breaks justified
Chinese text (measured; Word and WPS follow the same rules, 中文版式 defaults):

- a full-width character is one character wide, a half-width one (Latin, digits, ASCII
  punctuation) half; ``gap`` characters are set between a CJK character and a Latin letter
  or digit (autospacing, see docx_layout.autospaces);
- a run of half-width characters without a space (2024, 12.5%, a web address) is not
  broken; longer than a line, it fills whole lines;
- 、。，．；：！？ may hang past the right margin rather than start a line;
- ）》”’」』 may not start a line: the character before goes down with it;
- （《“‘「『 may not end a line: it goes down to the next.

The page estimate (docx_pages) counts lines with this; an error of one line can move the
版记 to the wrong page, so the rules are the word processor's, not an average.
"""
from __future__ import annotations

import re

from .docx_layout import char_class

HANG = frozenset("、。，．；：！？")
NO_START = frozenset("）》”’」』")
NO_END = frozenset("（《“‘「『")
_HALF = "\x00-\u10ff\uff61-\uffdc"
_RUNS = re.compile(f"[{_HALF}]+|[^{_HALF}]+")
_EPS = 1e-6


def count_lines(text: str, first: float, rest: float, gap: float = 0.0) -> int:
    """Return the number of lines ``text`` takes when its first line holds ``first``
    characters and every other line ``rest`` (both > 0), by the rules above."""
    if len(text) <= first:          # fits on its first line: no character is wider than
        return 1                    # one, nor is a half-width one with its autospacing
    state = _Lines(first, rest, gap)
    for run in _RUNS.finditer(text):
        piece = run.group()
        if piece[0] > "\u10ff" and not "\uff61" <= piece[0] <= "\uffdc":
            state.full(piece)
        elif " " not in piece:
            state.half(piece)
        else:
            for word in re.split("(?<= )", piece):   # breakable only after a space
                if word:
                    state.half(word)
    return state.lines


class _Lines:
    """The line being filled: how many lines so far, the width used on the current one."""

    def __init__(self, first: float, rest: float, gap: float):
        self.lines, self.used, self.cap = 1, 0.0, first
        self.rest, self.gap, self.last = rest, gap, ""

    def _next_line(self, carried: float = 0.0) -> None:
        self.lines, self.used, self.cap = self.lines + 1, carried, self.rest

    def half(self, word: str) -> None:
        """Place an unbreakable half-width word (with its autospace before it)."""
        width = len(word) * 0.5
        lead = self.gap if char_class(word[0]) == "latin" and char_class(self.last[-1:] or " ") \
            == "cjk" else 0.0
        if self.used and self.used + lead + width > self.cap + _EPS:
            carried = 1.0 if self.last in NO_END else 0.0
            self._next_line(carried)
            lead = 0.0
        while self.used + lead + width > self.cap + _EPS and width > self.cap:
            width -= self.cap - self.used           # longer than a line: fills lines
            self._next_line()
        self.used += lead + width
        self.last = word[-1]

    def full(self, text: str) -> None:
        """Place a run of full-width characters, breaking lines inside it as needed."""
        lead = self.gap if self.last and char_class(self.last) == "latin" \
            and char_class(text[0]) == "cjk" else 0.0
        i, n = 0, len(text)
        while i < n:
            fits = int(self.cap - self.used - lead + _EPS)
            if n - i <= fits:
                self.used += lead + (n - i)
                break
            end = i + max(fits, 0)
            if text[end] in HANG:
                end += 1                            # hangs at the line end
            elif text[end] in NO_START and end > i:
                end -= 1                            # the character before goes down too
            if i < end < n and text[end - 1] in NO_END:
                end -= 1
            if end >= n:                            # the last character hung: done
                self.used = self.cap
                break
            if end == i and not self.used:          # nothing fits even alone: force one
                end = i + 1
            self._next_line()
            lead, i = 0.0, end
        self.last = text[-1]
