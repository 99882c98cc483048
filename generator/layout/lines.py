"""How many lines a paragraph's text takes, broken as LibreOffice 7.4 breaks justified
Chinese text (measured; Word and WPS follow the same rules, 中文版式 defaults):

- a full-width character is one character wide; an ASCII one (Latin, digits, punctuation)
  as wide as the Latin font makes it, where its metrics are known (Times New Roman: a digit
  0.49, W 0.94), else half; ``gap`` characters are set between a CJK character and a Latin
  letter or digit (autospacing, see docx_layout.autospaces);
- a run of half-width characters without a space (2024, 12.5%, a web address) is not
  broken; longer than a line, it fills whole lines;
- 、。，．；：！？ and ）》”’」』 may not start a line: the character before goes down with
  it (no hanging punctuation: the DOCX turns LibreOffice's off, see
  writers.docx.styles.overflow_punct; Word and WPS hang the mark, so their lines can
  hold one character more);
- （《“‘「『 may not end a line: it goes down to the next.

The page estimate (docx_pages) counts lines with this; an error of one line can move the
版记 to the wrong page, so the rules are the word processor's, not an average.
"""
from __future__ import annotations

import re

from generator.layout.metrics import HALF_WIDTH, char_class

HANG = frozenset("、。，．；：！？")
NO_START = frozenset("）》”’」』")
NO_END = frozenset("（《“‘「『")
NO_LINE_START = HANG | NO_START
CLOSE_QUOTES = frozenset("”’")
_LETTER = re.compile("[A-Za-z]")
# Advance widths of ASCII 32–126 in Times New Roman (and Liberation Serif, which LibreOffice
# sets in its place), in thousandths of an em: the font's published metrics.
_TIMES = (250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
          *[500] * 10, 278, 278, 564, 564, 564, 444, 921,
          722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556,
          722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333,
          444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500,
          500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541)
LATIN_METRICS = {"Times New Roman": _TIMES}


def latin_widths(font: str | None, size: float, advance: float) -> dict[str, float] | None:
    """Return the width in characters of each ASCII character in a Latin ``font`` at
    ``size`` points, where a Chinese character advances ``advance`` points (size plus the
    character spacing every character gets); None for a font whose metrics are not known
    (then each counts half a character)."""
    metrics = LATIN_METRICS.get(font or "")
    if metrics is None:
        return None
    spacing = advance - size
    return {chr(32 + i): (em / 1000 * size + spacing) / advance for i, em in enumerate(metrics)}
_RUNS = re.compile(f"([{HALF_WIDTH}]+)|[^{HALF_WIDTH}]+")   # group 1: a half-width run
_EPS = 1e-6


def count_lines(text: str, first: float, rest: float, gap: float = 0.0,
                latin: dict[str, float] | None = None) -> int:
    """Return the number of lines ``text`` takes when its first line holds ``first``
    characters and every other line ``rest`` (both > 0), by the rules above; ``latin``
    gives ASCII characters their own widths (see latin_widths), else each is half."""
    if len(text) <= first and (latin is None or not _LETTER.search(text)):
        return 1            # fits on its first line: no character but a letter is wider
    return _fill(text, first, rest, gap, latin).lines   # than one, even with autospacing


def break_lines(text: str, first: float, rest: float, gap: float = 0.0,
                latin: dict[str, float] | None = None) -> list[str]:
    """Return ``text`` cut into the lines count_lines counts (for tests and diagnostics)."""
    starts = [0, *_fill(text, first, rest, gap, latin).starts, len(text)]
    return [text[a:b] for a, b in zip(starts, starts[1:])]


def _fill(text: str, first: float, rest: float, gap: float, latin) -> _Lines:
    """Return the state after setting ``text`` run by run."""
    state = _Lines(first, rest, gap, latin)
    for run in _RUNS.finditer(text):
        piece, state.at = run.group(), run.start()
        if run.group(1) is None:
            state.full(piece)
        elif " " not in piece:
            state.half(piece)
        else:
            for word in re.split("(?<= )", piece):   # breakable only after a space
                if word:
                    state.half(word)
                    state.at += len(word)
    return state


class _Lines:
    """The line being filled: how many lines so far, the width used on the current one."""

    def __init__(self, first: float, rest: float, gap: float, latin: dict | None = None):
        self.lines, self.used, self.cap = 1, 0.0, first
        self.rest, self.gap, self.last, self.latin = rest, gap, "", latin
        self.at, self.starts = 0, []        # where the current run starts; where lines do
        self.word = None                    # (start, width) of a half-width word just set

    def _next_line(self, carried: float = 0.0, start: int = 0) -> None:
        self.lines, self.used, self.cap = self.lines + 1, carried, self.rest
        self.starts.append(self.at + start)

    def half(self, word: str) -> None:
        """Place an unbreakable half-width word (with its autospace before it)."""
        latin = self.latin
        width = sum(latin.get(ch, 0.5) for ch in word) if latin else len(word) * 0.5
        lead = self.gap if char_class(word[0]) == "latin" and char_class(self.last[-1:] or " ") \
            == "cjk" else 0.0
        if self.used and self.used + lead + width > self.cap + _EPS:
            # an opening mark goes down with the word; a closing quote stays with it and
            # takes the character before it along (LibreOffice does not break after ”)
            carried = 1.0 if self.last in NO_END else 2.0 if self.last in CLOSE_QUOTES \
                else 0.0
            self._next_line(carried, -int(carried))
            lead = 0.0
        while self.used + lead + width > self.cap + _EPS and width > self.cap:
            width -= self.cap - self.used           # longer than a line: fills lines
            self._next_line(0.0, len(word) - round(width * 2))
        self.used += lead + width
        self.last, self.word = word[-1], (self.at, lead + width)

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
            while end > i and text[end] in NO_LINE_START:
                end -= 1                            # the character before goes down too
            if i < end < n and text[end - 1] in NO_END:
                end -= 1
            if end == i and self.word and text[i] in NO_LINE_START:
                start, width = self.word            # the word before goes down with it
                self._next_line(width)
                self.starts[-1] = start
                self.word = None
                continue
            if end == i and not self.used:          # nothing fits even alone: force one
                end = i + 1
            self._next_line(0.0, end)
            lead, i = 0.0, end
        self.last, self.word = text[-1], None
