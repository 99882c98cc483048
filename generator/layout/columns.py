"""Table column widths that follow the content: the width a table has goes where it saves
the most lines, so no column wraps a short value while another stays half empty.

Widths are in characters of the table's font. A cell of text width ``t`` in a column ``w``
characters wide is taken to need ceil(t / w) lines; the table's height is the sum over
rows of each row's tallest cell. Starting from each column's least width (its heading and
its unbreakable values: numbers with units, a date's year and day, the names in a
column of short names such as units), the room left is handed out step by
step to the column whose next narrowing of a cell (one line less) saves the most height
per character; once no cell wraps, what is left goes to the columns in proportion to their
longest cell.
"""
from __future__ import annotations

import math
import re

from generator.layout.metrics import text_width

_AUTOSPACE = 0.2                    # space between CJK and digits/Latin, characters (LibreOffice)
# A value kept on one line: a number with a short unit (820元/月, 98.7%, 3个工作日); a date
# may break after its year (2021年 / 11月30日), not inside a number.
VALUE = re.compile(r"[<>≤≥约]?\d+(?:[.,]\d+)*\s*[%％‰]?[^\d\s.]{0,4}")
DATE = re.compile(r"(\d{4}年)(\d{1,2}月(?:\d{1,2}日)?)?")
# A column whose cells are lists of short names (units, leaders) keeps each name whole.
_NAME_BREAK = re.compile(r"[、，；,;\s]+")
NAME_CHARS = 8
_NAMES_SHARE = 0.7                  # ... as long as the least widths leave 30% of the room
_SAMPLE = 200                       # rows looked at to decide widths in a longer table
_TIE = 0.01                         # weight of every cell's lines beside each row's tallest


def value_width(text: str) -> float:
    """Return the width of ``text`` in characters with the space a word processor puts
    between CJK characters and digits or Latin letters (autospacing, 0.2 character at each
    change, as measured in LibreOffice 7.4)."""
    half = [c.isascii() for c in text]
    return text_width(text) + _AUTOSPACE * sum(a != b for a, b in zip(half, half[1:]))


def least_width(column: list[str], names: bool = True) -> float:
    """Return the narrowest width a column may have: its heading (``column[0]``) and each
    of its values that must stay whole (``VALUE``, a date's parts) on one line, and with
    ``names`` each name of a column of short names."""
    values = []
    for text in set(column[1:]):
        text = text.strip()
        if VALUE.fullmatch(text):
            values.append(value_width(text))
        elif date := DATE.fullmatch(text):
            values += [value_width(part) for part in date.groups() if part]
    pieces = [piece for text in set(column[1:]) for piece in _NAME_BREAK.split(text)
              if piece and not VALUE.fullmatch(piece) and not DATE.fullmatch(piece)]
    if names and pieces and max(map(text_width, pieces)) <= NAME_CHARS:   # a column of names
        values += [value_width(piece) for piece in pieces]
    return max([text_width(column[0]), 1, *values])


def _lines(width: float, size: float) -> int:
    return max(1, math.ceil(size / width - 1e-9)) if size else 1


class _Table:
    """Cell widths by column and the line counts at the current column widths."""

    def __init__(self, sizes: list[list[float]], widths: list[float]):
        self.sizes, self.widths = sizes, list(widths)
        self.lines = [[_lines(w, s) for s in col] for w, col in zip(widths, sizes)]
        self._rows()

    def _rows(self) -> None:
        """Keep per row its tallest cell, the column holding it, the next tallest and the
        sum of its cells' lines, so that one column's change is weighed in one pass."""
        rows = list(zip(*self.lines))
        self.top = [max(row) for row in rows]
        self.where = [row.index(most) for row, most in zip(rows, self.top)]
        self.second = [max(row[:i] + row[i + 1:], default=0) for row, i in zip(rows, self.where)]
        self.total = [sum(row) for row in rows]

    def height(self, column: int, width: float) -> float:
        """Return the table's height (rows' tallest cells, plus a little for every cell)
        were ``column`` ``width`` wide."""
        out = 0.0
        for r, (size, old) in enumerate(zip(self.sizes[column], self.lines[column])):
            new = _lines(width, size)
            others = self.second[r] if self.where[r] == column else self.top[r]
            out += max(others, new) + _TIE * (self.total[r] - old + new)
        return out

    def next_step(self, column: int) -> float | None:
        """Return the least width above the current one at which some cell of ``column``
        takes a line less (None when none wraps)."""
        w = self.widths[column]
        steps = [s / (n - 1) for s, n in zip(self.sizes[column], self.lines[column]) if n > 1]
        steps = [x for x in steps if x > w + 1e-9]
        return min(steps) if steps else None

    def set(self, column: int, width: float) -> None:
        self.widths[column] = width
        self.lines[column] = [_lines(width, s) for s in self.sizes[column]]
        self._rows()


def fit_columns(rows: list[tuple[str, ...]], room: float) -> list[float]:
    """Return column widths in characters summing to ``room`` for a table of text ``rows``
    (the heading row first); see the module docstring."""
    columns = [[row[i] for row in rows] for i in range(len(rows[0]))]
    least = [least_width(c) for c in columns]
    if sum(least) > _NAMES_SHARE * room:        # names kept whole would starve the text
        least = [least_width(c, names=False) for c in columns]
    if sum(least) >= room:
        return [room * m / sum(least) for m in least]
    body = rows[1:]
    if len(body) > _SAMPLE:                     # evenly spread rows decide for all
        body = [body[i * len(body) // _SAMPLE] for i in range(_SAMPLE)]
    sizes = [[value_width(row[i]) for row in body] for i in range(len(columns))]
    table = _Table(sizes, least)
    left = room - sum(least)
    while left > 1e-6:
        best = _best_step(table, left)
        if best is None:
            break
        column, width = best
        left -= width - table.widths[column]
        table.set(column, width)
    want = [max(w, max(map(value_width, c))) for w, c in zip(table.widths, columns)]
    extra = [max(0.0, x - w) for x, w in zip(want, table.widths)]
    share = [e / sum(extra) if sum(extra) > 1e-9 else x / sum(want) for e, x in zip(extra, want)]
    return [w + left * s for w, s in zip(table.widths, share)]


def _best_step(table: _Table, left: float) -> tuple[int, float] | None:
    """Return (column, new width) of the step that saves the most height per character
    within ``left`` characters, or None when no step saves any."""
    now = table.height(0, table.widths[0])
    best, best_rate = None, 0.0
    for column in range(len(table.widths)):
        step = table.next_step(column)
        if step is None:
            continue
        step = min(step, table.widths[column] + left)
        rate = (now - table.height(column, step)) / (step - table.widths[column])
        if rate > best_rate + 1e-12:
            best, best_rate = (column, step), rate
    return best
