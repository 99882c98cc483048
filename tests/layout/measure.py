"""Measurements on a rendered PDF page (PyMuPDF), in points unless a name says mm.

A page is read into ``Line`` objects: characters grouped by baseline, so that runs split
by LibreOffice (page-number fields, tab-separated 版记 text) come back as one visual line.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pymupdf

MM = 72 / 25.4                 # points per millimetre
A4 = (210 * MM, 297 * MM)      # 595.28 × 841.89 pt
TOP, LEFT = 37 * MM, 28 * MM   # 版心 top and left edges
TYPE_W, TYPE_H = 156 * MM, 225 * MM
BOTTOM = TOP + TYPE_H          # 262 mm from the top
RIGHT = LEFT + TYPE_W          # 184 mm from the left
BODY_SIZE = 16.0               # 三号
PAGE_NUMBER = re.compile(r"^—\s*(\d+)\s*—$")


@dataclass
class Line:
    """One visual line: its text, left/right ends, baseline, font size and colour."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    color: int
    widths: tuple[float, ...]  # advance of each character, in ems

    @property
    def top(self) -> float:
        """Return the top of the line's em box (baseline minus 0.88 em, CJK ascent)."""
        return self.baseline - 0.88 * self.size


def mm(points: float) -> float:
    """Return ``points`` in millimetres."""
    return points / MM


def _chars(page: pymupdf.Page):
    """Yield (char, x0, x1, baseline, size, colour) for every non-blank character."""
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            if line["dir"] != (1.0, 0.0):
                continue
            for span in line["spans"]:
                for ch in span["chars"]:
                    if ch["c"].strip():
                        yield (ch["c"], ch["bbox"][0], ch["bbox"][2], ch["origin"][1],
                               span["size"], span["color"])


def read_lines(page: pymupdf.Page, tolerance: float = 1.0) -> list[Line]:
    """Return the page's visual lines, top to bottom; characters within ``tolerance``
    points of a baseline belong to it. Size and colour are those of most characters."""
    rows: list[list[tuple]] = []
    for ch in sorted(_chars(page), key=lambda c: c[3]):
        if rows and abs(rows[-1][0][3] - ch[3]) <= tolerance:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    return [_make_line(sorted(row, key=lambda c: c[1])) for row in rows]


def _make_line(chars: list[tuple]) -> Line:
    """Return a Line from characters sorted left to right."""
    size = _most_common([round(c[4], 1) for c in chars])
    color = _most_common([c[5] for c in chars])
    widths = tuple((c[2] - c[1]) / c[4] for c in chars)
    return Line("".join(c[0] for c in chars), chars[0][1], max(c[2] for c in chars),
                chars[0][3], size, color, widths)


def _most_common(values: list):
    return max(set(values), key=values.count)


def is_red(color: int | tuple | None) -> bool:
    """Return whether an sRGB colour (0xRRGGBB int or 0–1 float triple) is red."""
    if color is None:
        return False
    if isinstance(color, int):
        color = ((color >> 16) / 255, (color >> 8 & 255) / 255, (color & 255) / 255)
    r, g, b = color[:3]
    return r >= 0.75 and g <= 0.3 and b <= 0.3


def horizontal_rules(page: pymupdf.Page, max_height: float = 2.5) -> list[tuple[pymupdf.Rect, bool]]:
    """Return (rectangle, is_red) for each horizontal rule drawn on the page: a stroked
    horizontal line (its rectangle grown by the stroke width) or a filled thin rectangle."""
    rules = []
    for path in page.get_drawings():
        for item in path["items"]:
            if item[0] == "l" and abs(item[1].y - item[2].y) < 0.5:
                half = (path.get("width") or 0) / 2
                x0, x1 = sorted((item[1].x, item[2].x))
                rect = pymupdf.Rect(x0, item[1].y - half, x1, item[1].y + half)
                rules.append((rect, is_red(path.get("color"))))
            elif item[0] == "re" and item[1].height <= max_height and item[1].width > 20:
                colour = path.get("fill") if path.get("fill") is not None else path.get("color")
                rules.append((pymupdf.Rect(item[1]), is_red(colour)))
    return rules


def char_units(widths: tuple[float, ...]) -> float:
    """Return a line's length in 字: full-width characters count 1, half-width 0.5."""
    return sum(1.0 if w > 0.75 else 0.5 for w in widths)


def is_full_width(text: str) -> bool:
    """Return whether every character of ``text`` is full width in Chinese text: CJK
    characters and marks, including the ambiguous “ ” — … that a CJK font sets 1 em wide."""
    return all(unicodedata.east_asian_width(c) in "WFA" for c in text)


HANGING = "，。、；：？！”’）》"


def hangs(line: Line, pitch: float) -> bool:
    """Return whether the line ends with a mark hanging past the 版心 right edge (Word and
    LibreOffice both let a closing mark overflow the line rather than break before it)."""
    return line.text[-1:] in HANGING and 0.5 * pitch < line.x1 - RIGHT <= 1.1 * pitch


def cells(line: Line, pitch: float) -> float:
    """Return the 字 a line occupies from the 版心 left edge: its indent plus its text."""
    return round((line.x0 - LEFT) / pitch) + char_units(line.widths)


def starts_at_left(line: Line, tolerance: float = 1.5) -> bool:
    """Return whether a line starts flush with the 版心 left edge (a wrapped line)."""
    return abs(line.x0 - LEFT) <= tolerance


def type_area_lines(lines: list[Line]) -> list[Line]:
    """Return the lines inside the 版心 (the page number and anything else below it excluded)."""
    return [ln for ln in lines if ln.baseline <= BOTTOM + 1]


def is_body(line: Line) -> bool:
    """Return whether a line is set in the body size, 三号 (16 pt)."""
    return abs(line.size - BODY_SIZE) <= 0.6


def body_lines(lines: list[Line]) -> list[Line]:
    """Return the lines of 三号 text inside the 版心."""
    return [ln for ln in type_area_lines(lines) if is_body(ln)]


def full_lines(pages: list[list[Line]]) -> list[Line]:
    """Return the body lines directly followed (possibly at the top of the next page) by a
    wrapped body line of the same paragraph, one starting flush left: lines that are full
    (not those whose last character went down with a mark that may not start a line)."""
    flat = [ln for page in pages for ln in type_area_lines(page)]
    return [ln for ln, nxt in zip(flat, flat[1:])
            if is_body(ln) and is_body(nxt) and starts_at_left(nxt)
            and ln.x1 > LEFT + TYPE_W / 2 and not _pulled_down(nxt)]


def _pulled_down(line: Line) -> bool:
    """Return whether a line starts with a character that a mark which may not start a
    line (：，、。 …, 禁则) took down with it: the line before ended one character short."""
    return line.text[1:2] != "" and line.text[1] in "：，、；。！？）》”’"


def full_pages(pages: list[list[Line]]) -> list[int]:
    """Return the indexes of pages whose last body line continues on the next page
    (the next page's first body line is a wrapped line), so the page must be full."""
    found = []
    for index, (page, nxt) in enumerate(zip(pages, pages[1:])):
        here, there = body_lines(page), body_lines(nxt)
        if here and there and starts_at_left(there[0]) and here[-1].x1 > LEFT + TYPE_W / 2:
            found.append(index)
    return found


def baselines(lines: list[Line], tolerance: float = 1.0) -> list[float]:
    """Return the distinct baselines of ``lines``, top to bottom."""
    out: list[float] = []
    for y in sorted(ln.baseline for ln in lines):
        if not out or y - out[-1] > tolerance:
            out.append(y)
    return out


def line_slots(ys: list[float], tolerance: float = 0.3) -> tuple[int, float]:
    """Return (slots, pitch) for baselines ``ys`` on a regular grid: the pitch is the
    smallest step, and a blank line between two baselines counts as a slot. Steps that
    are not whole multiples of the pitch (within ``tolerance`` points) count as one slot."""
    steps = [b - a for a, b in zip(ys, ys[1:])]
    if not steps:
        return len(ys), 0.0
    pitch = min(steps)
    slots = 1
    for step in steps:
        multiple = round(step / pitch)
        slots += multiple if abs(step - multiple * pitch) <= tolerance * multiple else 1
    return slots, pitch


def page_number(lines: list[Line]) -> tuple[int, Line] | None:
    """Return (number, line) of the page number "— N —" below the 版心, or None."""
    for ln in lines:
        match = PAGE_NUMBER.match(ln.text)
        if match and ln.top >= BOTTOM - 1:
            return int(match.group(1)), ln
    return None
