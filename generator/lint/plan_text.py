"""A plan's printed text, field by field, with the way back from each printed character to
its place in the YAML file.

A field's printed text is its value with YAML's folded line breaks between Chinese removed
and the ends stripped (plan.load.join_cjk), then its {{ … }} placeholders filled. Each
printed character keeps the index of the value character it came from (a filled-in
placeholder: the index of its start, and it is not editable); ``align`` finds each value
character in the file's source of the scalar (plain, quoted or block style).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from generator.plan.load import join_cjk

_FOLDED_SPACE = re.compile(r"(?<=[^\x00-\x7f])[ \t\n]+(?=[^\x00-\x7f])")
_PIECE = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}|\{\{.*?\}\}", re.S)


class Printed(NamedTuple):
    """A field's printed text; ``source[i]`` the value index of printed character i;
    ``literal[i]`` whether it was written in the file (not filled in)."""

    text: str
    source: list[int]
    literal: list[bool]


def joined(value: str) -> Printed:
    """Return the text join_cjk makes of ``value``, with the index of each kept character."""
    keep = list(range(len(value)))
    if " " in value or "\n" in value or "\t" in value:
        gone = set()
        for match in _FOLDED_SPACE.finditer(value):
            gone.update(range(match.start(), match.end()))
        keep = [i for i in keep if i not in gone]
    lo, hi = 0, len(keep)
    while lo < hi and value[keep[lo]].isspace():
        lo += 1
    while hi > lo and value[keep[hi - 1]].isspace():
        hi -= 1
    keep = keep[lo:hi]
    text = "".join(value[i] for i in keep)
    if text != join_cjk(value):                     # not expected; then no way back
        text = join_cjk(value)
        return Printed(text, [0] * len(text), [False] * len(text))
    return Printed(text, keep, [True] * len(text))


def filled(printed: Printed, render) -> Printed:
    """Return the printed text with its placeholders filled by ``render`` (text -> text);
    when filling piece by piece does not give what filling the whole text gives, the
    whole is used and nothing is editable."""
    text = printed.text
    if "{{" not in text and "{%" not in text:
        return printed
    out, source, literal, at = [], [], [], 0
    for match in _PIECE.finditer(text):
        for start, end in ((at, match.start()), match.span(1) if match.group(1) is not None else (0, 0)):
            out.append(text[start:end])
            source += printed.source[start:end]
            literal += printed.literal[start:end]
        if match.group(1) is None:
            piece = render(match.group())
            out.append(piece)
            source += [printed.source[match.start()]] * len(piece)
            literal += [False] * len(piece)
        at = match.end()
    out.append(text[at:])
    source += printed.source[at:]
    literal += printed.literal[at:]
    whole = render(text)
    if "".join(out) != whole:
        return Printed(whole, [printed.source[0] if printed.source else 0] * len(whole), [False] * len(whole))
    return Printed(whole, source, literal)


def editable(printed: Printed):
    """Return the span's ``editable(start, end)``: only characters written in the file."""
    literal = printed.literal

    def check(start: int, end: int) -> bool:
        if start == end:
            return (start < len(literal) and literal[start]) or (start > 0 and literal[start - 1])
        return all(literal[start:end])
    return check


def align(raw: str, value: str) -> list[int] | None:
    """Return the offset in ``raw`` (a scalar's source, quotes or block header included) of
    each character of its parsed ``value``, or None when they cannot be matched up simply
    (escapes in double quotes, and the like)."""
    style = raw[:1]
    at = 0
    if style in "|>":
        at = raw.find("\n") + 1
        if not at:
            return None
    elif style in "'\"":
        at = 1
    out = []
    for ch in value:
        while True:
            if at >= len(raw):
                if ch == "\n" and style in "|>":       # a block's last line break
                    out.append(len(raw))
                    break
                return None
            here = raw[at]
            if style == '"' and here == "\\":
                return None
            if here == ch:
                if style == "'" and ch == "'":
                    if raw[at + 1:at + 2] != "'":
                        return None
                    out.append(at)
                    at += 2
                    break
                out.append(at)
                at += 1
                break
            if ch in " \n" and here == "\n":          # a folded or kept line break
                out.append(at)
                at += 1
                break
            if here in " \t\r\n":
                at += 1
                continue
            return None
    return out
