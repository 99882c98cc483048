"""Character classes and the stretches of text that punctuation rules leave alone: web
addresses, e-mail addresses, file names, times (9:30), decimals, standard numbers
(ISO 9001:2015, GB/T 9704-2012), ISO dates, telephone numbers and runs of English."""
from __future__ import annotations

import bisect
import re


class lazy:  # noqa: N801  (stands in for re.compile)
    """A regular expression compiled when first used: most rules never run on a clean plan
    (their trigger is not found), and compiling all their patterns costs more than a small
    plan's whole lint."""

    def __init__(self, pattern: str, flags: int = 0):
        self._args = (pattern, flags)

    def __getattr__(self, name: str):
        compiled = re.compile(*self._args)
        for method in ("search", "match", "finditer", "sub", "findall", "fullmatch"):
            setattr(self, method, getattr(compiled, method))    # no __getattr__ from now on
        return getattr(compiled, name)


HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Chinese text: ideographs and full-width punctuation, quotes, brackets, dashes, ellipsis.
CJK = HAN + r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201d\u2026\u2014"
CJK_PUNCT = "，。、；：？！…—（）《》〈〉“”‘’〔〕【】～·"
IS_HAN = lazy(f"[{HAN}]")
IS_CJK = lazy(f"[{CJK}]")
CN_DIGITS = "〇零一二三四五六七八九十百千两"

_PROTECTED = lazy(
    r"(?:https?|ftp)://[^\s\u3000-\u303f\uff01-\uff5e“”‘’（）《》]+"     # web address
    r"|www\.[A-Za-z0-9.\-/_%?=&#]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"                                      # e-mail
    r"|[A-Za-z0-9_\-]+\.(?:docx?|xlsx?|pdf|txt|wps|et|zip|html?|jpg|png)\b"  # file name
    r"|(?<![\d.])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])"                        # time 9:30
    r"|\b(?:GB|GB/T|GB/Z|DB\d*(?:/T)?|ISO(?:/IEC)?|IEC|JGJ|YY|WS|MZ|HJ|T/[A-Z]+)\s?[\d.]+(?:[-:—][\d]+)*"
    r"|\d+(?:\.\d+)+"                                                    # decimals, 1.2.3
    r"|\b\d{4}-\d{1,2}-\d{1,2}\b"                                         # ISO date
    r"|(?<!\d)0\d{2,3}-\d{7,8}(?!\d)|(?<!\d)\d{3,4}-\d{7,8}(?!\d)"       # telephone
    r"|[A-Za-z][A-Za-z'’\-]*(?:[ ,.;:!?()\-]+[A-Za-z][A-Za-z'’\-]*)+"     # English words
)


class Guard:
    """The protected stretches of one text, asked about by offset."""

    def __init__(self, text: str):
        self.starts: list[int] = []
        self.ends: list[int] = []
        if not _CHEAP.search(text):
            return
        for match in _PROTECTED.finditer(text):
            self.starts.append(match.start())
            self.ends.append(match.end())

    def covers(self, start: int, end: int | None = None) -> bool:
        """Return whether the characters ``start``–``end`` lie in a protected stretch."""
        end = start + 1 if end is None else end
        index = bisect.bisect_right(self.starts, start) - 1
        return index >= 0 and self.ends[index] >= end


_CHEAP = re.compile(r"[:/@.\-A-Za-z]")


def guard(text: str) -> Guard:
    """Return the Guard of ``text``."""
    return Guard(text)


def excerpt(text: str, start: int, end: int, width: int = 4) -> str:
    """Return the offending text with up to ``width`` characters each side, on one line."""
    if end - start > 24:
        return _oneline(text[start:start + 24]) + "…"
    lo, hi = max(0, start - width), min(len(text), end + width)
    return _oneline(text[lo:hi])


def _oneline(text: str) -> str:
    """Return text with line breaks, tabs and U+FFFC (a tab or break in a Word run) as spaces."""
    return text.replace("\n", " ").replace("\t", " ").replace("\ufffc", " ")


def guard_of(span) -> Guard:
    """Return the Guard of a span's text, made once per span."""
    found = span._guard
    if found is None:
        found = span._guard = Guard(span.text)
    return found


def neighbour(text: str, index: int, step: int) -> str:
    """Return the first character from ``index`` in direction ``step`` (±1) that is not a
    space, '' at the text's end."""
    while 0 <= index < len(text):
        if text[index] not in " \t\n\u00a0":
            return text[index]
        index += step
    return ""


def pairs(text: str, opening: str, closing: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Return (matched (open, close) offsets, offsets of unmatched marks) for brackets whose
    opening characters are ``opening`` and closing ones ``closing`` (any may close any)."""
    stack, matched, lone = [], [], []
    for index, ch in enumerate(text):
        if ch in opening:
            stack.append(index)
        elif ch in closing:
            if stack:
                matched.append((stack.pop(), index))
            else:
                lone.append(index)
    return matched, sorted(lone + stack)

