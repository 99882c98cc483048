"""Where the 版记 goes, from where the body ends (layout.imprint), without LibreOffice."""
import pytest

from generator.layout.imprint import Known, Placed, choose_place, corrected_place
from generator.style.sheet import load_style

SHEET = load_style(None)
FULL = SHEET.text_height
IMPRINT = 3 * 550                      # three rows of the 版记


@pytest.mark.parametrize("page, used, place", [
    (4, FULL - IMPRINT, "same"),      # fits on an even page
    (4, FULL - IMPRINT + 1, "blank"),  # a twip too much: after a blank page
    (3, 100, "next"),                  # an odd last page: the 版记 alone on the next
])
def test_the_imprint_goes_on_the_first_even_page_it_fits(page, used, place):
    assert choose_place(page, used, FULL, IMPRINT, even=True) == place


def test_without_evenness_the_imprint_goes_on_the_next_page_when_it_does_not_fit():
    assert choose_place(3, FULL, FULL, IMPRINT, even=False) == "next"


def test_libreoffice_keeping_the_imprint_on_an_even_last_page_confirms_it():
    assert corrected_place(Placed("same", 4, 0), 4, 4, 4, SHEET, IMPRINT) == (None, Known())


def test_an_imprint_pushed_off_an_even_page_goes_after_a_blank_page():
    """Tried at the bottom of page 4 (the body's end, measured with the 版记 apart), it was
    pushed to page 5: it goes after a blank page."""
    assert corrected_place(Placed("same", 4, 0), 4, 5, 5, SHEET, IMPRINT, Known(free=4)) == \
        ("blank", Known(free=4, same_failed=True))


def test_an_imprint_that_pushed_the_body_is_measured_apart_first():
    """The 版记 at the bottom of page 6 pushed the body's last lines to page 7 with it (seed
    1062): page 7 is not where the body ends without it, so the body is measured with the
    版记 on a page of its own; it ends on page 6, which cannot take the 版记: blank page."""
    place, known = corrected_place(Placed("same", 6, 0), 7, 7, 7, SHEET, IMPRINT)
    assert (place, known) == ("next", Known(same_failed=True))
    assert corrected_place(Placed("next", 6, 0), 6, 7, 7, SHEET, IMPRINT, known) == \
        ("blank", Known(free=6, same_failed=True))


def test_a_body_ending_on_an_odd_page_puts_the_imprint_on_the_next():
    assert corrected_place(Placed("blank", 4, 0), 5, 7, 7, SHEET, IMPRINT)[0] == "next"
    assert corrected_place(Placed("next", 4, 0), 5, 6, 6, SHEET, IMPRINT)[0] is None


def test_an_even_end_is_tried_at_the_bottom_of_the_page_unless_the_estimate_is_sure():
    assert corrected_place(Placed("next", 3, 0), 4, 5, 5, SHEET, IMPRINT)[0] == "same"
    sure = Placed("blank", 4, FULL)         # the estimate's page, full: it cannot fit
    assert corrected_place(sure, 4, 6, 6, SHEET, IMPRINT)[0] is None


def test_after_a_landscape_breakdown_the_imprint_never_shares_the_last_page():
    """The 分解表's last (landscape) page cannot take the 版记: an even one is followed by a
    blank page, an odd one by the 版记's page; a right placement stays."""
    assert corrected_place(Placed("blank", 4, 0), 4, 6, 6, SHEET, IMPRINT, shared=False)[0] is None
    assert corrected_place(Placed("next", 3, 0), 4, 5, 5, SHEET, IMPRINT, shared=False)[0] == "blank"
    assert corrected_place(Placed("blank", 4, 0), 5, 7, 7, SHEET, IMPRINT, shared=False)[0] == "next"
