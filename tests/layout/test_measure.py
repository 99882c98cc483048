"""The measurement helpers on small PDFs drawn with PyMuPDF (no LibreOffice needed)."""
from __future__ import annotations

import pymupdf
from measure import (A4, BOTTOM, LEFT, MM, RIGHT, TOP, TYPE_W, baselines, body_lines, cells,
                     char_units, full_lines, full_pages, hangs, horizontal_rules, is_full_width, is_red,
                     line_slots, mm, page_number, read_lines)

PITCH = TYPE_W / 28
ROW = 28.95
TEXT = "示例区民政系统坚持以人民为中心的发展思想围绕基本民生保障基层社会治理和服务职责"


def _page(doc: pymupdf.Document, rows: list[tuple[float, str, float]]) -> pymupdf.Page:
    """Add an A4 page with 16 pt CJK text: rows of (x, text, baseline) in points."""
    page = doc.new_page(width=A4[0], height=A4[1])
    for x, text, y in rows:
        page.insert_text((x, y), text, fontname="china-s", fontsize=16)
    return page


def _paragraph(first: float, count: int, last_full: bool) -> list[tuple[float, str, float]]:
    """Return ``count`` rows of one paragraph from baseline ``first``: an indented first
    line, full wrapped lines, and a short last line unless ``last_full``."""
    rows = [(LEFT + 2 * PITCH, TEXT[:26], first)]
    for i in range(1, count):
        text = TEXT[:28] if last_full or i < count - 1 else TEXT[:9]
        rows.append((LEFT, text, first + i * ROW))
    return rows


def test_read_lines_joins_pieces_on_one_baseline_left_to_right():
    doc = pymupdf.open()
    page = _page(doc, [(300, "—", 760), (280, "7", 760), (260, "—", 760), (LEFT, "示例", 200)])
    lines = read_lines(page)
    assert [line.text for line in lines] == ["示例", "—7—"]
    assert round(lines[1].x0) == 260 and lines[1].size == 16


def test_page_number_is_found_only_below_the_type_area():
    doc = pymupdf.open()
    inside = read_lines(_page(doc, [(LEFT, "— 3 —", BOTTOM - 20)]))
    below = read_lines(_page(doc, [(400, "— 4 —", BOTTOM + 8 * MM)]))
    assert page_number(inside) is None
    assert page_number(below)[0] == 4


def test_is_red_accepts_red_in_both_colour_forms():
    assert is_red(0xFF0000) and is_red((1.0, 0.0, 0.0)) and is_red((0.9, 0.1, 0.1))
    assert not is_red(0x000000) and not is_red((0.5, 0.0, 0.0)) and not is_red(None)


def test_horizontal_rules_finds_lines_and_thin_rectangles_with_their_colour():
    doc = pymupdf.open()
    page = doc.new_page(width=A4[0], height=A4[1])
    page.draw_line((LEFT, 300), (LEFT + TYPE_W, 300), color=(1, 0, 0), width=1)
    page.draw_rect(pymupdf.Rect(LEFT, 700, LEFT + TYPE_W, 701), color=None, fill=(0, 0, 0))
    page.draw_line((100, 100), (100, 200), color=(0, 0, 0), width=1)  # vertical: not a rule
    rules = sorted(horizontal_rules(page), key=lambda r: r[0].y0)
    assert [(round(mm(r.width), 1), round(r.y0, 1), red) for r, red in rules] == [
        (156.0, 299.5, True), (156.0, 700.0, False)]


def test_char_units_counts_half_width_as_half():
    assert char_units((1.0, 1.0, 0.5, 0.5, 0.984)) == 4.0
    assert is_full_width("示例，“要点”") and not is_full_width("示例2021")


def test_cells_adds_the_indent_to_the_text():
    doc = pymupdf.open()
    lines = read_lines(_page(doc, _paragraph(TOP + 20, 2, last_full=True)))
    assert [cells(line, PITCH) for line in lines] == [28, 28]


def test_full_lines_are_those_followed_by_a_wrapped_line_even_across_pages():
    doc = pymupdf.open()
    pages = [read_lines(_page(doc, _paragraph(TOP + 20, 3, last_full=True))),
             read_lines(_page(doc, [(LEFT, TEXT[:5], TOP + 20)]
                              + _paragraph(TOP + 20 + ROW, 2, False)))]
    full = full_lines(pages)
    assert [round(line.baseline, 2) for line in full] == [
        round(TOP + 20 + i * ROW, 2) for i in range(3)] + [round(TOP + 20 + ROW, 2)]
    assert full_pages(pages) == [0]


def test_full_pages_ignores_a_page_ending_with_its_paragraph():
    doc = pymupdf.open()
    pages = [read_lines(_page(doc, _paragraph(TOP + 20, 3, last_full=False))),
             read_lines(_page(doc, _paragraph(TOP + 20, 3, last_full=False)))]
    assert full_pages(pages) == []


def test_body_lines_and_baselines_leave_out_the_footer_and_other_sizes():
    doc = pymupdf.open()
    page = _page(doc, _paragraph(TOP + 20, 3, last_full=False) + [(400, "— 1 —", BOTTOM + 20)])
    page.insert_text((LEFT, TOP + 200), "标题", fontname="china-s", fontsize=22)
    lines = read_lines(page)
    assert len(body_lines(lines)) == 3
    assert [round(b, 2) for b in baselines(body_lines(lines))] == [
        round(TOP + 20 + i * ROW, 2) for i in range(3)]


def test_line_slots_counts_blank_lines_between_text_lines():
    slots, pitch = line_slots([100.0, 128.95, 186.85, 215.8])
    assert slots == 5 and abs(pitch - 28.95) < 1e-6
    assert line_slots([100.0, 128.95, 140.0])[0] == 3  # off-grid step: one slot
    assert line_slots([100.0]) == (1, 0.0)


def test_hangs_only_for_a_closing_mark_past_the_right_edge():
    doc = pymupdf.open()
    start = RIGHT - 27 * 16  # 27 characters end on the right edge, the 28th hangs past it
    lines = read_lines(_page(doc, [(start, TEXT[:27] + "。", TOP + 20), (LEFT, TEXT[:29], TOP + 60)]))
    assert hangs(lines[0], PITCH)
    assert not hangs(lines[1], PITCH)
