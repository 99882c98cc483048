"""The printed page, measured: every example is rendered to DOCX, converted to PDF by
LibreOffice and measured against GB/T 9704-2012 (numbers in ../shared/reference/gbt9704.md).

Expected texts (issuer mark, titles, 版记) come from the Document model of the same plan.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from audit import first_page_gap, notice_fill_faults
from measure import (A4, BOTTOM, LEFT, MM, RIGHT, TYPE_W, baselines, body_lines, cells,
                     full_lines, full_pages, hangs, horizontal_rules, is_full_width, line_slots,
                     mm, page_number, type_area_lines)

from generator.document.model import Kind
from generator.layout.lines import NO_LINE_START

pytestmark = pytest.mark.layout

PITCH = TYPE_W / 28            # one 字 on a 28-character line
NAMES = [p.stem for p in sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))]


def _block(rendered, kind: Kind):
    """Return the first block of ``kind`` in the example's Document, or None."""
    blocks = rendered.document.of_kind(kind)
    return blocks[0] if blocks else None


def _has_rules(rendered, index: int) -> bool:
    """Return whether a page has black rules inside the 版心 (a table or the 版记)."""
    return any(not red and rect.y0 < BOTTOM + 2 for rect, red in
               horizontal_rules(rendered.pdf[index]))


def test_pages_are_a4(rendered):
    sizes = {(round(p.rect.width, 1), round(p.rect.height, 1)) for p in rendered.pdf}
    for width, height in sizes:          # portrait, or landscape for the 分解表 (GB/T 9704 §8)
        short, long = sorted((width, height))
        assert abs(short - A4[0]) <= 1 and abs(long - A4[1]) <= 1, sizes


def test_body_text_starts_28_mm_from_the_left_edge(rendered):
    body = [(index, line) for index, lines in enumerate(rendered.pages)
            for line in body_lines(lines)]
    left = mm(min(line.x0 for _, line in body))
    assert abs(left - 28) <= 1, f"body text starts at {left:.2f} mm"
    outside = [(index + 1, round(mm(line.x0), 1)) for index, line in body if line.x0 < LEFT - MM]
    assert not outside, f"(page, mm) of lines left of the 版心: {outside}"


def test_signature_is_not_alone_on_a_page(rendered):
    signature, date = _block(rendered, Kind.SIGNATURE), _block(rendered, Kind.DATE)
    if signature is None:
        pytest.skip("this example has no notice")
    own = {signature.text, date.text if date else ""} | {
        f"（{b.text}）" for b in rendered.document.of_kind(Kind.NOTE)}
    for index, lines in enumerate(rendered.pages):
        texts = [line.text for line in body_lines(lines)]
        if signature.text in texts:
            others = [text for text in texts if text not in own]
            assert others, f"page {index + 1} holds only the 署名 block {texts} (GB/T 9704 7.3.5.5)"
            return
    pytest.fail(f"署名 {signature.text!r} not found")


def test_full_pages_hold_22_lines(rendered):
    notice = _block(rendered, Kind.ISSUER_MARK) is not None
    for index in full_pages(rendered.pages):
        if _has_rules(rendered, index):
            continue  # a table's rows are not on the line grid
        if index == 0 and notice:
            continue  # the 版头 (标志 35 mm down, the rule 4 mm below the 文号) is off the grid
        lines = baselines(type_area_lines(rendered.pages[index]))
        slots, pitch = line_slots(lines)
        steps = sorted({round(b - a, 1) for a, b in zip(lines, lines[1:])})
        assert slots == 22, f"page {index + 1}: {slots} lines ({len(lines)} with text), steps {steps} pt"
        assert 22 * pitch <= 225 * MM + 0.5, f"page {index + 1}: 22 × {pitch:.2f} pt overflows 225 mm"


def test_no_page_holds_more_than_22_lines(rendered):
    for index, lines in enumerate(rendered.pages):
        if not _has_rules(rendered, index):
            slots, _ = line_slots(baselines(type_area_lines(lines)))
            assert slots <= 22, f"page {index + 1}: {slots} lines"


def test_some_example_has_a_full_page(render_example):
    counted = [i for name in NAMES
               for i in full_pages(render_example(name).pages)
               if not _has_rules(render_example(name), i)]
    assert counted, "no example fills a page with body text: the 22-line test measured nothing"


def test_full_lines_hold_28_characters(rendered):
    """28 字 on every full line, except where the 28th character went to the next line with
    the mark after it (no hanging punctuation, README): then 27, spread to the margin."""
    lines = [line for page in rendered.pages for line in page]
    following = {id(a): b for a, b in zip(lines, lines[1:])}
    plain = [line for line in full_lines(rendered.pages) if is_full_width(line.text)]
    assert len(plain) >= 5, f"only {len(plain)} full lines of plain CJK text to measure"
    wrong = [(cells(line, PITCH), line.text) for line in plain
             if cells(line, PITCH) != 28 and not _pushed(line, following.get(id(line)))]
    assert not wrong, f"{len(wrong)} of {len(plain)} full lines are not 28 字: {wrong[:3]}"


def _pushed(line, after) -> bool:
    """Return whether ``line`` holds 27 characters because the next one starts with a
    character and a mark that may not start a line, or with a number kept whole."""
    return (cells(line, PITCH) == 27 and after is not None and len(after.text) > 1
            and (after.text[1] in NO_LINE_START or after.text[0].isascii()))


def test_full_lines_reach_the_right_edge(rendered):
    short = [(round(mm(RIGHT - line.x1), 1), line.text) for line in full_lines(rendered.pages)
             if not (abs(RIGHT - line.x1) <= 0.5 * PITCH or hangs(line, PITCH))]
    assert not short, f"full lines ending away from the 版心 right edge (mm short): {short[:3]}"


def test_issuer_mark_is_red(rendered):
    mark = _block(rendered, Kind.ISSUER_MARK)
    if mark is None:
        pytest.skip("this example has no notice")
    found = [line for line in rendered.pages[0] if line.text == mark.text]
    assert found, f"issuer mark {mark.text!r} not found on page 1"
    assert found[0].color == 0xFF0000, f"issuer mark colour #{found[0].color:06X}"


def test_red_rule_under_the_document_number(rendered):
    number = _block(rendered, Kind.DOC_NUMBER)
    if number is None:
        pytest.skip("this example has no notice")
    line = next((ln for ln in rendered.pages[0] if ln.text.startswith(number.text)), None)
    assert line is not None, f"document number {number.text!r} not found on page 1"
    rules = [rect for rect, red in horizontal_rules(rendered.pdf[0]) if red]
    below = [rect for rect in rules if rect.y0 > line.baseline]
    assert below, f"no red rule below the document number (red rules: {rules})"
    rule = min(below, key=lambda rect: rect.y0)
    assert abs(mm(rule.width) - 156) <= 1, f"red rule is {mm(rule.width):.1f} mm wide"
    assert abs(rule.x0 - LEFT) <= MM, f"red rule starts at {mm(rule.x0):.1f} mm"
    gap = mm((rule.y0 + rule.y1) / 2 - line.baseline)
    assert 2 <= gap <= 7, f"red rule {gap:.1f} mm below the document number's baseline"


def _title_lines(rendered, text: str):
    """Return the consecutive lines of 20 pt or more that spell ``text`` (a title)."""
    for lines in rendered.pages:
        big = [line for line in lines if line.size >= 20]
        for start in range(len(big)):
            joined, used = "", []
            for line in big[start:]:
                if not text.startswith(joined + line.text):
                    break
                joined, used = joined + line.text, used + [line]
                if joined == text:
                    return used
    return []


@pytest.mark.parametrize("kind", [Kind.TITLE, Kind.PLAN_TITLE])
def test_titles_are_set_in_22_pt(rendered, kind):
    if _block(rendered, kind) is None:
        pytest.skip(f"this example has no {kind.value}")
    text = _block(rendered, kind).text
    lines = _title_lines(rendered, text)
    assert lines, f"title {text!r} not found in lines of 20 pt or more"
    assert all(abs(line.size - 22) <= 0.5 for line in lines), [line.size for line in lines]


def _check_page_number(index: int, found) -> str | None:
    """Return what is wrong with the page number found on page ``index`` (0-based)."""
    number, line = found
    if number != index + 1:
        return f"page {index + 1} is numbered {number}"
    if not 266 <= mm(line.baseline - 0.35 * line.size) <= 273:
        return f"page {index + 1}: number at {mm(line.baseline):.1f} mm (baseline) from the top"
    if index % 2 == 0 and not 3.5 <= mm(RIGHT - line.x1) <= 6.5:
        return f"page {index + 1} (odd): number ends {mm(RIGHT - line.x1):.1f} mm from the right"
    if index % 2 == 1 and not 3.5 <= mm(line.x0 - LEFT) <= 6.5:
        return f"page {index + 1} (even): number starts {mm(line.x0 - LEFT):.1f} mm from the left"
    return None


def test_page_numbers_odd_right_even_left(rendered):
    problems = []
    for index, lines in enumerate(rendered.pages):
        found = page_number(lines)
        if found is None:
            if body_lines(lines) and not _imprint_only(rendered, index):
                problems.append(f"page {index + 1} has text but no page number")
            continue  # STD 7.5: a blank page and the 版记 page may go unnumbered
        problems.append(_check_page_number(index, found))
    assert not [p for p in problems if p], problems


def _imprint_only(rendered, index: int) -> bool:
    """Return whether page ``index`` holds nothing but the 版记."""
    imprint = _block(rendered, Kind.IMPRINT)
    if imprint is None or index != len(rendered.pages) - 1:
        return False
    words = [part for part in imprint.parts if part] + ["抄送", "印发"]
    return all(any(w in line.text for w in words) for line in type_area_lines(rendered.pages[index]))


def test_imprint_sits_at_the_bottom_of_the_last_page(rendered):
    imprint = _block(rendered, Kind.IMPRINT)
    if imprint is None:
        pytest.skip("this example has no 版记")
    cc, printer, date = imprint.parts
    last = rendered.pages[-1]
    issued = [line for line in last if line.text.endswith(date + "印发")]
    assert issued, f"{date}印发 not on the last page"
    named = [line for line in last if line.text.startswith(printer)]   # same line or above
    assert named and named[0].baseline <= issued[0].baseline, f"{printer} not above {date}印发"
    assert 0 <= mm(BOTTOM - issued[0].baseline) <= 10, \
        f"印发 line baseline {mm(issued[0].baseline):.1f} mm from the top (版心 bottom 262)"
    if cc:
        copied = [line for line in last if line.text.startswith("抄送")]
        assert copied and copied[0].baseline < issued[0].baseline, "抄送 missing or below 印发"
    rules = [rect for rect, red in horizontal_rules(rendered.pdf[-1]) if not red]
    assert len(rules) >= 2, f"版记 needs separator rules; found {len(rules)}"
    lowest = max(rules, key=lambda rect: rect.y1)
    assert abs(mm(lowest.y1) - 262) <= 1.5, f"last 版记 rule at {mm(lowest.y1):.1f} mm (262 wanted)"
    assert abs(mm(lowest.width) - 156) <= 1, f"版记 rule is {mm(lowest.width):.1f} mm wide"


def test_document_with_imprint_ends_on_an_even_page(rendered):
    if _block(rendered, Kind.IMPRINT) is None:
        pytest.skip("no 版记: the even-page rule places the 版记 on the back")
    assert rendered.pdf.page_count % 2 == 0, f"{rendered.pdf.page_count} pages"


def _font_of(page, text: str) -> str:
    """Return the font of the first span on ``page`` that begins ``text`` (its Chinese
    characters: the digits of 附件1 are a span of their own)."""
    spans = [span for block in page.get_text("dict")["blocks"] for line in block.get("lines", [])
             for span in line["spans"] if span["text"].strip() and text.startswith(span["text"].strip())]
    return spans[0]["font"] if spans else ""


def test_a_listed_plan_begins_with_its_attachment_label(rendered):
    """GB/T 9704 7.3.7: 附件 (附件1 …) in 3号黑体 flush left on line 1 of the plan's first
    page, the plan's title centred on line 3."""
    label = _block(rendered, Kind.ATTACHMENT_LABEL)
    if label is None:
        pytest.skip("this notice does not list the plan under 附件说明")
    index = next((i for i, lines in enumerate(rendered.pages)
                  if type_area_lines(lines) and type_area_lines(lines)[0].text == label.text), None)
    assert index is not None, f"no page begins with {label.text!r}"
    first, title = type_area_lines(rendered.pages[index])[:2]
    assert abs(mm(first.x0 - LEFT)) <= 0.5 and first.size == 16, (mm(first.x0 - LEFT), first.size)
    assert "Sans" in _font_of(rendered.pdf[index], label.text), "附件 is not set in 黑体"
    line_1 = type_area_lines(rendered.pages[index + 1])[0].baseline   # a body page's line 1
    pitch = 579 / 20
    assert abs(first.baseline - line_1) <= 0.5, f"label {first.baseline - line_1:+.1f} pt off line 1"
    assert abs(title.baseline - line_1 - 2 * pitch) <= 0.5, \
        f"title baseline {title.baseline - line_1:.1f} pt below line 1 (line 3: {2 * pitch:.1f})"
    assert rendered.document.of_kind(Kind.PLAN_TITLE)[0].text.startswith(title.text)


def test_the_signature_page_carries_text_and_page_1_is_filled(rendered):
    """A notice over its first page: the 署名 page carries 正文, and only what the 署名
    needs went down with it; the stress plan's notice, whose last paragraph once went down
    whole, now fills its first page to within 2 lines."""
    if _block(rendered, Kind.SIGNATURE) is None:
        pytest.skip("this example has no notice")
    assert notice_fill_faults(rendered.pdf, rendered.document, 579 / 20) == []
    if rendered.name == "layout-stress":
        assert first_page_gap(rendered.pdf, 579 / 20) <= 2
