"""The page model: paragraph metrics from the style sheet and a pager that adds lines, spaces
and table rows page by page (the type area from the sheet). No XML here: the DOCX writer
walks what it wrote (generator.writers.docx.pagination) and feeds the pager.

On a full body page of the default sheet this is exactly 22 lines of 28 characters; the
layout tests check the model against LibreOffice.
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.layout.lines import latin_widths
from generator.layout.metrics import AUTOSPACE_EM, char_twips, effective, line_twips
from generator.style.names import CONTEXTUAL, CONTINUED
from generator.style.sheet import StyleSheet

@dataclass
class Metrics:
    """Vertical and horizontal metrics of a paragraph, in twips."""

    line: int
    unit: int
    first: int = 0
    left: int = 0
    right: int = 0
    before: int = 0
    after: int = 0
    keep: bool = False        # keep with next: the last line goes with the next's first
    gap: float = 0.0          # characters added at each CJK/Latin boundary (autospacing)
    role: str = ""
    contextual: bool = False  # no space between two paragraphs of this role
    latin: dict | None = None  # widths of ASCII characters in characters (docx_lines)

    def space_before(self, previous: Metrics | None) -> int:
        """Return the space before, none after a paragraph of the same contextual role."""
        same = self.contextual and previous is not None and previous.role == self.role
        return 0 if same else self.before


def role_metrics(sheet: StyleSheet, role: str) -> Metrics:
    """Return the metrics a role's style gives its paragraphs."""
    if role == CONTINUED:                   # 公文正文 without the first-line indent
        m = role_metrics(sheet, "body")
        m.first, m.role = 0, role
        return m
    r = effective(sheet, role)
    unit = char_twips(sheet, role)
    return Metrics(line_twips(sheet, role), unit, round((r.indent or 0) * unit),
                   round((r.left or 0) * unit), round((r.right or 0) * unit),
                   r.before or 0, r.after or 0, bool(r.keep_next),
                   AUTOSPACE_EM * r.size * 20 / unit, role, role in CONTEXTUAL,
                   latin_widths(r.latin, r.size, unit / 20))


# A table's top rule starts 15–17 twips below where the table does (LibreOffice 7.4), its
# bottom rule takes 10 more; rounded up, as a row that fits by a twip or two goes down.
TABLE_TOP, TABLE_BOTTOM = 20, 10


class Pager:
    """Accumulates heights page by page; ``page`` is 1-based, ``used`` twips on it."""

    def __init__(self, height: int):
        self.height, self.page, self.used = height, 1, 0
        self.natural = False          # the page began by overflow: space before is dropped

    def new_page(self, natural: bool = False) -> None:
        self.page, self.used, self.natural = self.page + 1, 0, natural

    def add_lines(self, count: int, line: int) -> None:
        for _ in range(count):
            if self.used + line > self.height:
                self.new_page(natural=True)
            self.used += line

    def add_rows(self, heights: list[int]) -> None:
        """Add a table's rows; a row that does not fit moves to the next page whole, below
        the first row, which repeats at the top of every page the table continues on. On
        each page the table's top rule sits TABLE_TOP below where it starts and its bottom
        rule takes TABLE_BOTTOM below the last row (measured in LibreOffice 7.4)."""
        self.used += TABLE_TOP
        for index, height in enumerate(heights):
            if self.used + height + TABLE_BOTTOM > self.height:
                self.new_page(natural=True)
                self.used = TABLE_TOP + (heights[0] if index else 0)
            self.used += height
        self.used += TABLE_BOTTOM

    def add_space(self, space: int) -> None:
        if self.used or not self.natural:
            self.used = min(self.used + space, self.height)
