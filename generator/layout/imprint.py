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


def corrected_place(placed: Placed, body_page: int, imprint_at: int, sheet: StyleSheet,
                    imprint: int, pages: int = 0, shared: bool = True) -> str | None:
    """Return where the 版记 must go instead of ``placed.place``, or None when it stands
    right, given the pages LibreOffice put the end of the body and the 版记 on.

    Rendered at the bottom of the body's last page ("same"), LibreOffice says whether it
    fits: the 版记 stays on that page or moves to the next. Rendered on a
    page of its own after an even last page, whether it would have fitted is not known:
    unless the estimate, on the same page, leaves no doubt (two lines beyond the type
    area), it is tried at the bottom of that page first. ``pages``: the page count (0 if
    not known); a 版记 that fits ends the document on the body's last page. ``shared``
    False: the body's last page cannot take the 版记 at all (a landscape 分解表 ends it).
    """
    even = sheet.imprint.even_page
    if not shared:
        fits = False
    elif placed.place == "same":
        fits = imprint_at == body_page and pages in (0, body_page)
    elif placed.page == body_page and placed.used + imprint > sheet.text_height + 2 * sheet.pitch:
        fits = False
    else:
        fits = None                     # not known: try it at the bottom of the page
    if even and body_page % 2:
        right = "next"
    elif fits is None or fits:
        right = "same"
    else:
        right = "blank" if even else "next"
    return None if right == placed.place else right
