"""Line breaking of Chinese body text as the page estimate counts it (docx_lines): each case
is a paragraph whose lines LibreOffice 7.4 sets differently from "total width ÷ line
width" (tests/layout/test_line_breaks.py checks the model against LibreOffice itself)."""
import pytest

from generator.layout.lines import count_lines, latin_widths

TEN = "一二三四五六七八九十"
FIRST = (TEN * 3)[:26]          # a body paragraph's first line: 28 characters less 2 indent


@pytest.mark.parametrize("text, lines", [
    (FIRST + "）" + (TEN * 3)[:27], 3),          # ） cannot start a line: 六 goes down with it
    (FIRST[:25] + "“" + (TEN * 3)[:28], 3),      # “ cannot end a line: it goes down
    (FIRST + "，" + (TEN * 3)[:28] + "。", 3),    # ， and 。 do not hang: 六 goes down with ，
    (FIRST[:24] + "2024年" + (TEN * 3)[:25] + "。", 3),   # 2024 is not broken
    (FIRST + (TEN * 3)[:28] + "。", 3),          # the final 。 takes 八 to a third line
    (FIRST[:25] + "。”" + TEN, 2),               # 。” together: 六 goes down with both
    (FIRST, 1),
    ("", 1),
])
def test_lines_as_libreoffice_sets_them(text, lines):
    assert count_lines(text, 26, 28, gap=0.2) == lines


def test_a_number_longer_than_a_line_fills_whole_lines():
    assert count_lines("1" * 100, 26, 28) == 2          # 50 characters wide: 26 + 24
    assert count_lines("1" * 120, 26, 28) == 3          # 60: 26 + 28 + 6


def test_latin_letters_take_their_own_width():
    """Five W are 4.7 characters in Times New Roman, not 2.5: with the 22 characters before
    them they do not fit the first line (LibreOffice: 22 | WWWWW and 23 | 二。)."""
    text = "一" * 22 + "WWWWW" + "二" * 24 + "。"
    times = latin_widths("Times New Roman", 16, 15.75)       # 三号 with -0.25 pt spacing
    assert count_lines(text, 26, 28, gap=0.2, latin=times) == 3
    assert round(times["1"], 3) == 0.492 and round(times["W"], 3) == 0.943
    assert latin_widths("Some Other Font", 16, 15.75) is None   # unknown: half each
