"""Layout arithmetic for the DOCX writer, free of python-docx: text widths in characters,
role metrics, the fitted issuer-mark size and the 署名/日期 indents (title lines:
layout.titles).

Widths count a CJK (full-width) character as 1 and a half-width one (digits, Latin,
ASCII punctuation) as 0.5, as GB/T 9704 measures them.
"""
from __future__ import annotations

import math
import re
import unicodedata

from generator.style.sheet import Role, StyleSheet

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
