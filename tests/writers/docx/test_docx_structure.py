"""The DOCX reopened with python-docx: outline of (style, text), page setup, footers, the
red 版头, the plan's page break and the 版记 placement (style fonts: test_docx_fonts)."""
import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from generator.document.model import Block, Document, Kind
from generator.style.sheet import load_style
from generator.writers.docx.writer import write_docx
from generator.writers.render import render_plan
from generator.layout.metrics import set_width, signature_indents, text_width
from generator.layout.titles import title_lines
from generator.writers.docx.pagination import estimate_end
from generator.writers.docx.wordml import W, paragraph
from helpers import reopen_example

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def minzheng():
    return reopen_example("minzheng-2021")


@pytest.fixture(scope="module")
def jiaoyu():
    return reopen_example("jiaoyu-2022")


@pytest.fixture(scope="module")
def weijian():
    return reopen_example("weijian-2023")


def _outline(document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs if p.text]


def test_outline_of_the_notice(minzheng):
    assert _outline(minzheng)[:15] == [
        ("份号", "000128"),
        ("密级和保密期限", "秘密★1年"),
        ("紧急程度", "加急"),
        ("发文机关标志", "示例区民政局文件"),
        ("发文字号", "\t示民发〔2021〕12号\t签发人：林晓明"),
        ("公文标题", "关于印发《示例区2021年\n民政工作要点》的通知"),
        ("主送机关", "各街道办事处、镇人民政府，局机关各科室、局属各单位："),
        ("公文正文", "现将《示例区2021年民政工作要点》印发给你们，请结合实际认真抓好贯彻落实。"),
        ("附件说明", "附件：1.示例区2021年民政工作要点"),
        ("附件说明", "2.示例区2021年民政工作要点重点任务分解表"),
        ("发文机关署名", "示例区民政局"),
        ("成文日期", "2021年3月23日"),
        ("附注", "（此件发至街道、镇）"),
        ("附件标识", "附件1"),
        ("要点标题", "示例区2021年民政工作要点"),
    ]


def test_a_listed_plan_carries_its_attachment_label_on_line_1_and_its_title_on_line_3(minzheng):
    """GB/T 9704 7.3.7: the notice lists the plan under 附件说明 (first of two, the 分解表
    second), so the plan's first page begins with 附件1 in 3号黑体 flush left, then a blank
    line, then the title."""
    index = next(i for i, p in enumerate(minzheng.paragraphs) if p.style.name == "附件标识")
    label, title = minzheng.paragraphs[index], minzheng.paragraphs[index + 1]
    assert (label.text, title.style.name) == ("附件1", "要点标题")
    assert [p.text for p in minzheng.paragraphs if p.style.name == "附件标识"] == ["附件1", "附件2"]
    assert label.paragraph_format.page_break_before and not title.paragraph_format.page_break_before
    style = minzheng.styles["附件标识"]
    assert style.font.size is None                   # 3号 like the body (the layout test measures it)
    assert style.paragraph_format.first_line_indent == 0
    assert style.element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    assert style.paragraph_format.alignment == 0                         # left
    assert title.paragraph_format.space_before.twips == 579              # one line: line 3


def test_outline_of_the_plan_uses_heading_styles(minzheng, jiaoyu):
    outline = _outline(minzheng)
    assert ("一级标题", "一、加强机关党的建设") in outline
    assert ("四级标题", "（1）街道办事处设立备用金，额度不低于上年实际支出的一半。") in outline
    task = next(p for p in minzheng.paragraphs if p.text.startswith("1.抓好理论学习。"))
    assert task.style.name == "三级标题"
    assert [(r.style.name, r.text) for r in task.runs][:2] == [
        ("三级标题句", "1."), ("三级标题句", "抓好理论学习。")]
    assert task.runs[2].style.name == "Default Paragraph Font"
    second = next(p for p in jiaoyu.paragraphs if p.text.startswith("（一）扩大学前教育"))
    assert (second.style.name, second.runs[1].style.name) == ("二级标题", "二级标题句")


def test_page_setup_in_twips(minzheng):
    section = minzheng.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert (section.top_margin.twips, section.bottom_margin.twips) == (2098, 1984)
    assert (section.left_margin.twips, section.right_margin.twips) == (1587, 1474)
    grid = section._sectPr.find(qn("w:docGrid"))
    assert (grid.get(qn("w:type")), grid.get(qn("w:linePitch"))) == ("lines", "579")


def test_doc_defaults_and_normal_set_the_grid_line_and_latin_digits(minzheng):
    defaults = minzheng.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert (fonts.get(qn("w:eastAsia")), fonts.get(qn("w:ascii"))) == (
        "仿宋_GB2312", "Times New Roman")
    spacing = minzheng.styles["Normal"].element.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    assert (spacing.get(qn("w:line")), spacing.get(qn("w:lineRule"))) == ("579", "exact")
    body = minzheng.styles["公文正文"]
    assert body.paragraph_format.first_line_indent.twips == 630      # 2 × 15.75 pt
    assert minzheng.styles["Normal"].font.size.pt == 16


def test_every_paragraph_style_derives_from_the_body(minzheng):
    styles = [s for s in minzheng.styles if s.type == 1 and s.name.startswith(("公文", "一级"))]
    assert {s.name: s.base_style.name for s in styles} == {
        "公文正文": "Normal", "公文标题": "公文正文", "一级标题": "公文正文"}


def test_footers_hold_page_fields_odd_right_even_left(minzheng):
    assert minzheng.settings.odd_and_even_pages_header_footer
    section = minzheng.sections[0]
    for footer, align, style in ((section.footer, "right", "奇数页页码"),
                                 (section.even_page_footer, "left", "偶数页页码")):
        para = footer.paragraphs[0]
        assert para.style.name == style
        assert para.text == "— 1 —"
        assert para.style.paragraph_format.alignment.name.lower() == align
        assert " PAGE " in [i.text for i in para._p.iter(qn("w:instrText"))]
    odd = minzheng.styles["奇数页页码"].paragraph_format
    even = minzheng.styles["偶数页页码"].paragraph_format
    assert (odd.right_indent.twips, even.left_indent.twips) == (280, 280)   # one 四号 character
    assert minzheng.styles["页码"].font.size.pt == 14


def test_issuer_mark_is_red_and_the_rule_is_a_red_border(minzheng):
    assert str(minzheng.styles["发文机关标志"].font.color.rgb) == "FF0000"
    number = next(p for p in minzheng.paragraphs if p.style.name == "发文字号")
    rule = number._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
    assert (rule.get(qn("w:color")), rule.get(qn("w:val"))) == ("FF0000", "single")
    tabs = [t.get(qn("w:pos")) for t in number._p.iter(qn("w:tab")) if t.get(qn("w:pos"))]
    # the 文号 one character in; "签发人：林晓明" (7 characters) ends one character in
    assert tabs == ["315", str(11906 - 1587 - 1474 - 315 - 7 * 315)]


def test_plan_title_starts_a_new_page_only_after_a_notice(minzheng, jiaoyu, weijian):
    # weijian's notice does not list the plan under 附件说明: the title opens the new page
    title = next(p for p in weijian.paragraphs if p.style.name == "要点标题")
    assert title.paragraph_format.page_break_before
    assert not any(p.style.name == "附件标识" for p in weijian.paragraphs)
    assert "附件标识" not in [s.name for s in weijian.styles]
    first = jiaoyu.paragraphs[0]
    assert (first.style.name, first.text) == ("要点标题", "示例区教育局2022年工作要点")
    assert not first.paragraph_format.page_break_before
    assert not any(p.style.name in ("发文机关标志", "发文机关署名") for p in jiaoyu.paragraphs)
    assert len(jiaoyu.tables) == 1                         # the targets, no 版记


def test_targets_table_repeats_its_header_row(minzheng):
    table = minzheng.tables[0]
    assert [c.text for c in table.rows[0].cells][:3] == ["序号", "任务", "指标"]
    assert table.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert table.rows[1].cells[3].text == "820元/月"


def test_imprint_floats_at_the_bottom_between_rules(minzheng):
    imprint = minzheng.tables[-1]
    pos = imprint._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblpPr')}")
    assert (pos.get(qn("w:tblpYSpec")), pos.get(qn("w:vertAnchor"))) == ("bottom", "margin")
    assert [c.text for c in imprint.column_cells(0)] == [
        "抄送：区委办公室，区政府办公室。", "示例区民政局办公室\t2021年3月24日印发"]
    borders = imprint._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    assert [(b.tag.split("}")[1], b.get(qn("w:sz"))) for b in borders] == [
        ("top", "8"), ("bottom", "8"), ("insideH", "6")]


def test_core_properties_without_timestamps(minzheng):
    core = minzheng.core_properties
    assert (core.title, core.author) == ("示例区2021年民政工作要点", "示例区民政局")
    assert core.created is None and core.modified is None


def test_timestamp_only_when_asked(tmp_path):
    from click.testing import CliRunner

    from generator.cli import main
    plain, stamped = tmp_path / "a.docx", tmp_path / "b.docx"
    example = str(ROOT / "examples" / "minzheng-2021.yaml")
    assert CliRunner().invoke(main, ["render", example, "-o", str(plain)]).exit_code == 0
    assert CliRunner().invoke(main, ["render", example, "-o", str(stamped), "--timestamp"]).exit_code == 0
    assert docx.Document(str(plain)).core_properties.created is None
    created = docx.Document(str(stamped)).core_properties.created
    assert created is not None and created.year >= 2026
    assert docx.Document(str(stamped)).core_properties.modified == created


def test_house_style_sets_28_pt_lines_and_bold_leads():
    house = reopen_example("minzheng-2021", "house-28pt")
    grid = house.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"            # still 22 lines a page
    spacing = house.styles["Normal"].element.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    assert spacing.get(qn("w:line")) == "560"
    assert house.styles["标题句"].font.bold is True
    assert house.styles["二级标题句"].base_style.name == "标题句"


def test_long_issuer_mark_is_shrunk_to_one_line():
    sheet = load_style(None)
    document = Document([Block(Kind.ISSUER_MARK, "示例自治区示例市示例区人民政府办公室文件")])
    styles = docx.Document(io.BytesIO(write_docx(document, sheet))).styles
    size = styles["发文机关标志"].font.size.pt
    assert size * text_width("示例自治区示例市示例区人民政府办公室文件") * 20 <= sheet.text_width
    assert size < 36


@pytest.mark.parametrize("title, lines", [
    ("关于印发《示例区2021年民政工作要点》的通知", ["关于印发《示例区2021年", "民政工作要点》的通知"]),
    ("关于印发《示例市卫生健康委员会2023年工作要点》的通知",
     ["关于印发《示例市卫生健康委员会", "2023年工作要点》的通知"]),
    ("示例区教育局2022年工作要点", ["示例区教育局2022年工作要点"]),
])
def test_titles_break_into_balanced_lines_between_words(title, lines):
    assert title_lines(title, 20.1) == lines


def test_long_titles_fit_and_keep_numbers_whole():
    title = "关于印发《示例自治区人民政府办公厅2023年全区民政系统社会救助和养老服务体系建设专项工作要点》的通知"
    lines = title_lines(title, 20.1)
    assert "".join(lines) == title
    assert all(text_width(line) <= 20.1 for line in lines)
    assert not any(a[-1:].isdigit() and b[:1].isdigit() for a, b in zip(lines, lines[1:]))


@pytest.mark.parametrize("organ, date, seal, indents", [
    ("示例区民政局", "2021年3月23日", True, (4.25, 4.0)),           # 6 and 6.5 characters
    ("示例市卫生健康委员会", "2023年2月16日", True, (2.25, 4.0)),    # 署名 centred on the date
    ("示例市卫生健康委员会", "2023年2月16日", False, (2.0, 3.5)),    # date starts 2 chars right
    ("示例局", "2023年12月16日", False, (8.0, 2.0)),                 # a longer date (7)
])
def test_signature_and_date_indents(organ, date, seal, indents):
    assert signature_indents(organ, date, seal) == indents


def test_signature_indents_allow_for_cjk_digit_spacing():
    # "2021年3月23日": 6.5 characters and 5 CJK/digit boundaries, each 0.2 wide here
    assert set_width("2021年3月23日", 0.2) == pytest.approx(7.5)
    assert set_width("示例区民政局", 0.2) == 6
    assert signature_indents("示例区民政局", "2021年3月23日", True, 0.2) == pytest.approx((4.75, 4))
    assert signature_indents("示例市卫生健康委员会", "2023年2月16日", False, 0.2) == \
        pytest.approx((2, 2.5))


def test_a_date_stays_on_one_line_below_a_signature_that_wraps():
    organ = "示例市示例区民政局示例区社会救助事务中心示例区养老服务指导中心"   # 31 characters
    date = "2023年1月7日"                                                    # 6 characters
    # without a line width the date would start 2 characters right of a 31-character
    # 署名: 25 characters in from the right, leaving 3 on a 28-character line
    assert signature_indents(organ, date, False) == (2.0, 25.0)
    # the 署名 wraps and starts at the left edge, so the date starts 2 characters in
    assert signature_indents(organ, date, False, 0.0, 28) == (2.0, 20.0)
    assert signature_indents(organ, date, True, 0.0, 28) == (0.0, 4.0)
    # a 署名 that fits keeps the rule
    assert signature_indents("示例市卫生健康委员会", "2023年2月16日", False, 0.0, 28) == (2.0, 3.5)


def _body_of(texts: list[str]):
    from lxml import etree
    body = etree.Element(f"{{{W}}}body")
    for text in texts:
        paragraph(body, "WpBody", [(text, None)])
    return body


def test_page_estimate_uses_the_22_by_28_grid():
    sheet = load_style(None)
    line = "字" * 26                  # with the 2-character indent: one full line of 28
    assert estimate_end(_body_of([line] * 22), sheet) == (1, 22 * 579)
    assert estimate_end(_body_of([line] * 23), sheet) == (2, 579)
    assert estimate_end(_body_of(["字" * 27]), sheet) == (1, 2 * 579)
    assert estimate_end(_body_of(["字" * 26 + "。"]), sheet) == (1, 2 * 579)  # 。 does not hang


def test_party_sheet_puts_a_red_star_in_the_middle_of_the_rule():
    party = reopen_example("minzheng-2021", "party")
    number = next(p for p in party.paragraphs if p.style.name == "发文字号")
    assert number._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}") is None
    rule = party.tables[0]
    assert len(rule.columns) == 3 and rule.rows[0].cells[1].text == "★"
    borders = [tc.find(f"{qn('w:tcPr')}/{qn('w:tcBorders')}/{qn('w:bottom')}")
               for tc in rule.rows[0]._tr.iterfind(qn("w:tc"))]
    assert [b is not None and b.get(qn("w:color")) for b in borders] == ["FF0000", False, "FF0000"]
    widths = [c.width.twips for c in rule.columns]
    assert sum(widths) == 11906 - 1587 - 1474 and widths[0] == widths[2]


def _placed(place: str):
    from generator.document.build import build_document
    from generator.plan.load import load_plan
    plan, _ = load_plan(Path(__file__).resolve().parents[3] / "examples" / "minzheng-2021.yaml")
    plan.notice.breakdown = False        # the 版记 right after the plan (no 分解表 between)
    return docx.Document(io.BytesIO(write_docx(build_document(plan), load_style(None), place)))


def test_blank_page_before_the_imprint_page_and_both_unnumbered():
    # The 版记 after a blank page: neither page carries a page number (GB/T 9704 7.5).
    first, last = _placed("blank").sections
    assert last.start_type.name == "NEW_PAGE"
    assert first.footer.paragraphs[0].text == "— 1 —"
    assert [p.text for p in last.footer.paragraphs] == [""]
    assert [p.text for p in last.even_page_footer.paragraphs] == [""]
    breaks = [p for p in _placed("blank").paragraphs if p.paragraph_format.page_break_before]
    assert [p.style.name for p in breaks] == ["附件标识", "版记"]


def test_a_page_holding_only_the_imprint_is_unnumbered():
    first, last = _placed("next").sections
    assert first.footer.paragraphs[0].text == "— 1 —"
    assert [p.text for p in last.footer.paragraphs] == [""]
    assert [p.style.name for p in _placed("next").paragraphs
            if p.paragraph_format.page_break_before] == ["附件标识"]


def test_an_imprint_sharing_the_last_page_keeps_one_section_with_numbers():
    placed = _placed("same")
    assert len(placed.sections) == 1 and placed.sections[0].footer.paragraphs[0].text == "— 1 —"


def test_the_body_end_and_the_imprint_anchor_are_bookmarked():
    xml = _placed("same").element.xml
    assert xml.count('w:name="_WpBodyEnd"') == 1 and xml.count('w:name="_WpImprint"') == 1


def test_rule_is_drawn_even_without_a_document_number():
    blocks = [Block(Kind.ISSUER_MARK, "示例区某某局文件"), Block(Kind.TITLE, "关于某事的通知"),
              Block(Kind.SIGNATURE, "示例区某某局"), Block(Kind.DATE, "2024年1月5日")]
    out = docx.Document(io.BytesIO(write_docx(Document(blocks, "某事", "示例区某某局", False),
                                              load_style(None))))
    assert [(p.style.name, p.text) for p in out.paragraphs][:3] == [
        ("发文机关标志", "示例区某某局文件"), ("发文字号", ""), ("公文标题", "关于某事的通知")]
    rule = out.paragraphs[1]._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
    assert rule.get(qn("w:color")) == "FF0000"


def test_several_signers_two_a_line_with_the_number_on_the_last():
    blocks = [Block(Kind.ISSUER_MARK, "示例区某某局文件"),
              Block(Kind.DOC_NUMBER, "示某〔2024〕3号", parts=("张三", "李四", "王五"))]
    out = docx.Document(io.BytesIO(write_docx(Document(blocks), load_style(None))))
    number = out.paragraphs[1]
    assert number.text == "\t\t签发人：张三　李四\n\t示某〔2024〕3号\t　　　　王五"
    assert [r.style.name for r in number.runs if r.text in ("张三　李四", "王五")] == [
        "签发人姓名", "签发人姓名"]


def test_a_title_is_printed_in_the_lines_its_user_marked(tmp_path):
    source = tmp_path / "plan.yaml"
    source.write_text(MARKED_TITLES, encoding="utf-8")
    document = docx.Document(io.BytesIO(render_plan(source, "docx")[0]))
    titles = {p.style.name: p.text for p in document.paragraphs if p.style.name in ("公文标题", "要点标题")}
    assert titles == {"公文标题": "关于印发《青岛西海岸新区\n2023年民政工作要点》的通知",
                      "要点标题": "青岛西海岸新区\n2023年民政工作要点"}
    notice = next(p.text for p in document.paragraphs if p.style.name == "公文正文")
    assert notice.startswith("现将《青岛西海岸新区2023年民政工作要点》印发给你们")   # no marker


MARKED_TITLES = """\
title: 青岛西海岸新区|2023年民政工作要点
year: 2023
notice:
  issuer_mark: 示例区民政局文件
  title: 关于印发《青岛西海岸新区｜2023年民政工作要点》的通知
  signature: 示例区民政局
  date: 2023-01-07
sections:
  - title: 兜牢民生底线
    tasks:
      - title: 提高低保标准。
"""
