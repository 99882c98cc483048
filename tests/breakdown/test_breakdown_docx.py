"""The 重点任务分解表 as an attachment of the notice, reopened with python-docx: a landscape
section, 附件2 and the title, the 附件说明 numbered, the table's columns from the style
sheet, its header row repeated and no row split."""
import io
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT

from generator.document.build import build_document
from generator.document.model import Kind
from generator.plan.load import load_plan, parse_plan
from generator.style.sheet import load_style
from generator.writers.docx.writer import write_docx
from helpers import SMALL, invoke

ROOT = Path(__file__).resolve().parents[2]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx(plan, style=None, **options):
    sheet = load_style(style)
    document = build_document(plan, columns=sheet.breakdown["columns"], **options)
    return docx.Document(io.BytesIO(write_docx(document, sheet)))


@pytest.fixture(scope="module")
def minzheng():
    return _docx(load_plan(ROOT / "examples" / "minzheng-2021.yaml")[0])


def test_the_attachment_is_a_landscape_section_between_two_portrait_ones(minzheng):
    sections = minzheng.sections
    assert [s.orientation for s in sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE,
                                                 WD_ORIENT.PORTRAIT]
    landscape = sections[1]
    assert (round(landscape.page_width.mm), round(landscape.page_height.mm)) == (297, 210)
    assert [round(m.mm) for m in (landscape.top_margin, landscape.bottom_margin,
                                  landscape.left_margin, landscape.right_margin)] == [28, 35, 37, 35]
    # page numbers: the same footers as the pages before (numbering continues)
    first, middle = (s._sectPr.findall(f"{W}footerReference") for s in sections[:2])
    assert [r.attrib for r in first] == [r.attrib for r in middle]
    assert middle[0].getparent().find(f"{W}pgNumType") is None


def test_label_title_and_the_notice_lists_both_attachments(minzheng):
    texts = [(p.style.name, p.text) for p in minzheng.paragraphs if p.text]
    assert ("附件说明", "附件：1.示例区2021年民政工作要点") in texts
    assert ("附件说明", "2.示例区2021年民政工作要点重点任务分解表") in texts
    label = texts.index(("附件标识", "附件2"))
    assert texts[label + 1] == ("附件标题", "示例区2021年民政工作要点重点任务分解表")
    style = minzheng.styles["附件标识"]
    assert style.element.rPr.rFonts.get(f"{W}eastAsia") == "黑体"
    assert style.font.size is None and minzheng.styles["Normal"].font.size.pt == 16   # 3号
    assert style.paragraph_format.first_line_indent == 0


def test_table_columns_rows_header_repeat_and_no_split(minzheng):
    table = minzheng.tables[-2]                       # the 版记 is the last table
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["序号", "重点任务", "具体措施或目标", "牵头单位", "责任单位", "完成时限", "责任领导"]
    assert rows[4] == ["4", "4.加强临时救助", "临时救助办结时限：3个工作日", "社会救助科", "财务科",
                       "", "陈立新"]                  # lead: and support: in the plan
    assert rows[3][4:6] == ["", "2021年7月1日"]
    assert rows[2][3:5] == ["机关党委", "办公室"]       # first owner leads, the others support
    assert [r[0] for r in rows[1:]] == [str(i) for i in range(1, 11)]
    tr_props = [row._tr.trPr for row in table.rows]
    assert all(p.find(f"{W}cantSplit") is not None for p in tr_props)
    assert [p.find(f"{W}tblHeader") is not None for p in tr_props] == [True] + [False] * 10


def test_column_widths_fill_the_landscape_type_area_and_follow_the_content(minzheng):
    table = minzheng.tables[-2]
    widths = [int(c.get(f"{W}w")) for c in table._tbl.tblGrid.findall(f"{W}gridCol")]
    assert sum(widths) == 12756                       # 297 − 37 − 35 = 225 mm
    index, task, measures, lead, support, deadline, leader = widths
    assert measures == max(widths) and index == min(widths)
    assert lead >= 7 * 240 + 114                       # 基层政权建设科 on one line
    assert deadline >= 4.6 * 240 + 114                 # a date breaks after its year only


def test_columns_and_headings_come_from_the_style_sheet(tmp_path):
    sheet = tmp_path / "own.yaml"
    sheet.write_text("extends: gbt9704\nbreakdown:\n  orientation: portrait\n  columns:\n"
                     "    - {key: task, heading: 任务}\n    - {key: deadline, heading: 时限}\n"
                     "    - {key: lead, heading: 主责科室}\n", encoding="utf-8")
    document = _docx(load_plan(ROOT / "examples" / "minzheng-2021.yaml")[0], str(sheet))
    assert {s.orientation for s in document.sections} == {WD_ORIENT.PORTRAIT}   # no landscape section
    rows = [[c.text for c in row.cells] for row in document.tables[-2].rows]
    assert rows[0] == ["任务", "时限", "主责科室"] and rows[1] == ["1.抓好理论学习", "", "机关党委"]
    label = next(p for p in document.paragraphs if p.text == "附件2")
    assert label._p.pPr.find(f"{W}pageBreakBefore") is not None


def test_no_leader_column_when_units_declare_no_leaders_and_section_numbers():
    plan, _ = load_plan(ROOT / "examples" / "jiaoyu-2022.yaml")
    block = build_document(plan, breakdown=True).of_kind(Kind.BREAKDOWN)[0]
    assert block.rows[0] == ("序号", "重点任务", "具体措施或目标", "牵头单位", "责任单位", "完成时限")
    assert block.rows[1][:2] == ("1", "二（一）扩大学前教育普惠资源")
    assert block.rows[1][2] == "普惠性幼儿园覆盖率：90%" and block.rows[1][5] == "2022年12月31日"
    # a plan without a notice: no 附件 label, the title starts the attachment
    kinds = [b.kind for b in build_document(plan, breakdown=True).blocks[-2:]]
    assert kinds == [Kind.ATTACHMENT_TITLE, Kind.BREAKDOWN]


def test_render_option_adds_the_attachment_to_a_notice_without_attachments(tmp_path):
    plan, _ = parse_plan(SMALL)
    blocks = build_document(plan, breakdown=True).blocks
    attachments = [b for b in blocks if b.kind is Kind.ATTACHMENTS]
    assert attachments[0].parts == ("示例区2021年工作要点重点任务分解表",)
    assert [b.text for b in blocks if b.kind is Kind.ATTACHMENT_LABEL] == ["附件"]
    source = tmp_path / "small.yaml"
    source.write_text(SMALL, encoding="utf-8")
    result = invoke("render", source, "--breakdown")
    assert "附件：示例区2021年工作要点重点任务分解表\n" in result.output
    assert "序号｜重点任务｜具体措施或目标｜牵头单位｜责任单位｜完成时限\n1｜1.做好第一件事｜具体内容。条目一。条目二。｜｜｜\n" \
        in result.output


def test_a_title_given_in_the_plan_names_the_attachment():
    plan, _ = parse_plan(SMALL.replace("  imprint:", "  breakdown: 2021年重点工作责任分工表\n  imprint:"))
    blocks = build_document(plan).blocks
    assert [b.text for b in blocks if b.kind is Kind.ATTACHMENT_TITLE] == ["2021年重点工作责任分工表"]


def test_the_document_layers_default_columns_are_the_default_sheets():
    from generator.document.breakdown import DEFAULT_COLUMNS
    assert list(DEFAULT_COLUMNS) == load_style(None).breakdown["columns"]
