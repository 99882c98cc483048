"""署名 and 成文日期 as printed (GB/T 9704 7.3.5, gbt9704.md §4.3), measured on the glyphs of
the PDF: the rendered date is wider than its characters counted as 1 and 0.5, because the
layout engine adds space between CJK characters and digits; the indents must allow for it.
"""
from __future__ import annotations

import pymupdf
import pytest
from audit import broken_dates
from measure import RIGHT, TYPE_W, mm

from generator.document.model import Kind
from generator.writers.docx.writer import compose_docx
from generator.writers.office import convert_batch
from generator.writers.render import RenderOptions, built_document

pytestmark = pytest.mark.layout

PITCH = TYPE_W / 28            # one 字 on a 28-character line
TOLERANCE = 0.5                # mm


def _signature_lines(rendered):
    """Return the printed (署名, 日期) lines of the example, or skip when it has none."""
    organ, date = rendered.document.of_kind(Kind.SIGNATURE), rendered.document.of_kind(Kind.DATE)
    if not organ or not date:
        pytest.skip("this example has no 署名 and 成文日期")
    for lines in rendered.pages:
        texts = [line.text for line in lines]
        if organ[0].text in texts and date[0].text in texts:
            return lines[texts.index(organ[0].text)], lines[texts.index(date[0].text)]
    pytest.fail(f"署名 {organ[0].text!r} and date {date[0].text!r} not found on one page")


def test_sealed_date_is_four_characters_in_and_the_signature_centred_on_it(rendered):
    if not rendered.document.seal:
        pytest.skip("not sealed")
    organ, date = _signature_lines(rendered)
    right = mm(RIGHT - date.x1) / mm(PITCH)
    off_centre = mm((organ.x0 + organ.x1) / 2 - (date.x0 + date.x1) / 2)
    assert abs(mm(RIGHT - date.x1) - 4 * mm(PITCH)) <= TOLERANCE, (
        f"date ends {mm(RIGHT - date.x1):.2f} mm ({right:.2f} 字) from the right edge, want 4 字")
    assert abs(off_centre) <= TOLERANCE, (
        f"署名 centre {mm((organ.x0 + organ.x1) / 2):.2f} mm is {off_centre:+.2f} mm off the "
        f"date's centre {mm((date.x0 + date.x1) / 2):.2f} mm (date {mm(date.x1 - date.x0):.2f} mm "
        f"wide, 署名 {mm(organ.x1 - organ.x0):.2f} mm)")


def test_unsealed_date_starts_two_characters_right_of_the_signature(rendered):
    if rendered.document.seal:
        pytest.skip("sealed")
    organ, date = _signature_lines(rendered)
    offset, want = mm(date.x0 - organ.x0), 2 * mm(PITCH)
    inner = mm(RIGHT - max(organ.x1, date.x1))      # the 署名, or a longer date, is 2 字 in
    assert abs(inner - want) <= TOLERANCE, (
        f"the longer line ends {inner:.2f} mm from the right edge, want {want:.2f} mm (2 字)")
    assert abs(offset - want) <= TOLERANCE, (
        f"date's first character is {offset:.2f} mm right of the 署名's, want {want:.2f} mm "
        f"(2 字); date {mm(date.x1 - date.x0):.2f} mm wide, 署名 {mm(organ.x1 - organ.x0):.2f} mm")


def test_examples_cover_sealed_and_unsealed_signatures(render_example):
    seals = {render_example(name).document.seal for name in ("minzheng-2021", "weijian-2023")}
    assert seals == {True, False}


def test_the_date_is_printed_on_one_line(rendered):
    date = rendered.document.of_kind(Kind.DATE)
    if not date:
        pytest.skip("this example has no 成文日期")
    assert not broken_dates(rendered.pdf, date[0].text), date[0].text


LONG_SIGNATURE = """\
title: 示例区2023年民政工作要点
year: 2023
notice:
  issuer_mark: 示例区民政局文件
  recipients: 各街道办事处：
  signature: {organ}
  date: {date}
  seal: {seal}
sections:
  - title: 兜牢民生底线
    tasks:
      - title: 提高低保标准。
"""


def test_a_signature_that_wraps_leaves_the_date_whole(tmp_path, soffice):
    """A 署名 longer than its line wraps; the date below it never breaks ("2023年1月7 /
    日" before), in every style sheet, with and without a seal."""
    organs = ["示例市示例区民政局示例区社会救助事务中心示例区养老服务指导中心",
              "示例市示例区民政局示例区社会救助事务中心示例区养老服务指导中心示例区殡葬管理所"]
    cases = [(organ, date, seal, style) for organ in organs
             for date in ("2023-01-07", "2023-12-31") for seal in ("true", "false")
             for style in ("gbt9704", "house-28pt", "party")][::2]
    built = []
    for n, (organ, date, seal, style) in enumerate(cases):
        source = tmp_path / f"plan{n}.yaml"
        source.write_text(LONG_SIGNATURE.format(organ=organ, date=date, seal=seal), encoding="utf-8")
        built.append(built_document(source, RenderOptions(style=style), "pdf")[:2])
    converted = convert_batch([compose_docx(document, sheet)[0] for document, sheet in built],
                              measure=False)
    for case, (document, _), result in zip(cases, built, converted):
        pdf = pymupdf.open(stream=result.pdf, filetype="pdf")
        assert not broken_dates(pdf, document.of_kind(Kind.DATE)[0].text), case
