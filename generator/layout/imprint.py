"""Where the 版记 goes (GB/T 9704 7.4.1, 7.5): on the last page, at its bottom, the last page
even when the style sheet asks for it, and no page wasted.

Given where the body ends (page and twips used on it), the 版记 goes
- "same": at the bottom of that page, when it fits below the text and the page is even
  (or evenness is not asked for);
- "next": alone on the next page, when that page is even (or evenness is not asked for);
- "blank": after a blank page, when the body ends on an even page without room for it.
The measurement comes from LibreOffice where it is at hand (writers.office), else from
the page estimate, which keeps a margin for its own error.
"""
from __future__ import annotations

from typing import NamedTuple

from generator.style.sheet import StyleSheet

BODY_END = "_WpBodyEnd"        # DOCX bookmarks: the end of the body, and the paragraph
IMPRINT_ANCHOR = "_WpImprint"  # the 版记's last row (their pages: writers.office)
PLACES = ("same", "next", "blank")
ESTIMATE_MARGIN = 0.5          # lines kept free when the page end is only estimated


class Placed(NamedTuple):
    """Where the writer put the 版记, and where the page estimate ends the body: its last
    page and the twips used on it."""

    place: str
    page: int
    used: int


def choose_place(page: int, used: int, room: int, imprint: int, even: bool) -> str:
    """Return where the 版记 goes when the body ends ``used`` twips down page ``page`` of a
    type area ``room`` twips tall and the 版记 is ``imprint`` twips tall."""
    if used + imprint <= room and (not even or page % 2 == 0):
        return "same"
    if not even or page % 2:
        return "next"
    return "blank"


def imprint_page(page: int, place: str) -> int:
    """Return the page the 版记 is on when the body ends on ``page``."""
    return page + PLACES.index(place)


def estimated_place(page: int, used: int, sheet: StyleSheet, imprint: int) -> str:
    """Return the place for a body end that is only estimated: the 版记 shares the page
    only with ESTIMATE_MARGIN lines to spare."""
    room = sheet.text_height - round(ESTIMATE_MARGIN * sheet.pitch)
    return choose_place(page, used, room, imprint, sheet.imprint.even_page)


class Known(NamedTuple):
    """What the measurements of one document have shown so far: ``free``, the body's last
    page measured with the 版记 after a page break (where it cannot move the body), and
    whether the 版记 was tried at the bottom of a page and did not stay there."""

    free: int | None = None
    same_failed: bool = False


def corrected_place(placed: Placed, end_page: int, imprint_at: int, pages: int, sheet: StyleSheet,
                    imprint: int, known: Known = Known(), shared: bool = True
                    ) -> tuple[str | None, Known]:
    """Return (where the 版记 must go instead of ``placed.place``, or None when it stands
    right; what is known now), given the pages LibreOffice put the end of the body and the
    版记 on, and its page count.

    At the bottom of the body's last page ("same") the 版记 stays only if LibreOffice keeps
    it on that page, the last, and an even one; otherwise it may have pushed the body's
    end down, so the body is measured once with the 版记 on a page of its own. With the
    body's end known, an odd end takes the 版记 on the next page; an even end takes it at
    the bottom of the page unless that was tried and failed, or the estimate is sure it
    cannot fit (two lines beyond the type area), or ``shared`` is False (a landscape
    分解表 ends the body): then after a blank page.
    """
    even = sheet.imprint.even_page
    if placed.place == "same":
        if imprint_at == end_page and pages in (0, end_page) and (not even or end_page % 2 == 0):
            return None, known
        known = known._replace(same_failed=True)
        if known.free is None:
            return "next", known
    else:
        known = known._replace(free=end_page)
    free, apart = known.free, "blank" if even else "next"
    sure = placed.page == free and placed.used + imprint > sheet.text_height + 2 * sheet.pitch
    if even and free % 2:
        right = "next"
    elif not shared or known.same_failed or sure:
        right = apart
    else:
        right = "same"
    return (None if right == placed.place else right), known
