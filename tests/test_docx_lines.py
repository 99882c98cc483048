"""Line breaking of Chinese body text as the page estimate counts it (docx_lines): each case
is a paragraph whose lines LibreOffice 7.4 sets differently from "total width ÷ line
width" (tests/layout/test_line_breaks.py checks the model against LibreOffice itself)."""
import pytest

from generator.writers.docx_lines import count_lines

TEN = "一二三四五六七八九十"
FIRST = (TEN * 3)[:26]          # a body paragraph's first line: 28 characters less 2 indent


@pytest.mark.parametrize("text, lines", [
    (FIRST + "）" + (TEN * 3)[:27], 3),          # ） cannot start a line: 六 goes down with it
    (FIRST[:25] + "“" + (TEN * 3)[:28], 3),      # “ cannot end a line: it goes down
    (FIRST + "，" + (TEN * 3)[:28] + "。", 2),    # ， and 。 hang past the margin
    (FIRST[:24] + "2024年" + (TEN * 3)[:25] + "。", 3),   # 2024 is not broken
    (FIRST + (TEN * 3)[:28] + "。", 2),          # the final 。 hangs
    (FIRST, 1),
    ("", 1),
])
def test_lines_as_libreoffice_sets_them(text, lines):
    assert count_lines(text, 26, 28, gap=0.2) == lines


def test_a_number_longer_than_a_line_fills_whole_lines():
    assert count_lines("1" * 100, 26, 28) == 2          # 50 characters wide: 26 + 24
    assert count_lines("1" * 120, 26, 28) == 3          # 60: 26 + 28 + 6
