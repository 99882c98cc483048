"""The targets table: 小四 text, columns sized from their content with values and headers
on one line, row heights as LibreOffice wraps them, and the page estimate that places the
版记 on an even page (checked in LibreOffice)."""
import copy
import io
from pathlib import Path

import docx
import pymupdf
import pytest
import yaml
from lxml import etree

from generator.document.build import build_document
from generator.core.location import ToolError
from generator.writers.pdf import convert_to_pdf, find_soffice
from generator.plan.load import parse_plan
from generator.style.sheet import load_style
from generator.writers.docx.writer import write_docx
from generator.layout.metrics import char_twips
from generator.writers.docx.pagination import estimate_end
from generator.writers.docx.tables import cell_lines, column_widths, imprint_row_lines, row_heights
from generator.writers.docx.wordml import W, paragraph
from helpers import tool_missing

ROOT = Path(__file__).resolve().parents[3]
HEADER = ("序号", "任务", "指标", "目标值", "基数", "完成时限", "责任单位")
ROWS = (
    HEADER,
    ("1", "3.提高城乡低保标准", "城乡低保标准", "820元/月", "780元/月", "2021年7月1日",
     "社会救助科、财务科"),
    ("2", "12.推进示例街道养老服务综合体建设",
     "示例社区居家养老服务综合体覆盖率和助餐点服务覆盖率", "98.7%", "3个工作日",
     "2021年11月30日", "养老服务科、社会事务科、财务科"),
    ("10", "4.加强临时救助", "临时救助办结时限", "七十二学时", "92%", "", ""),
)
VALUES = {"820元/月", "780元/月", "98.7%", "3个工作日", "92%"}
DATES = {"2021年7月1日", "2021年11月30日"}


def test_table_text_is_small_four_and_the_header_inherits_it():
    sheet = load_style(None)
    assert sheet.roles["table"].size == 12
    styles = docx.Document(io.BytesIO(write_docx(build_document(_plan()), sheet))).styles
    assert styles["表格文字"].font.size.pt == 12
    assert styles["表格表头"].font.size is None and styles["表格表头"].base_style.name == "表格文字"


def test_columns_keep_headers_and_values_on_one_line_within_the_type_area():
    sheet = load_style(None)
    unit = char_twips(sheet, "table")
    widths = column_widths(ROWS, sheet.text_width, unit)
    assert sum(widths) == sheet.text_width
    whole = [(text, width) for row in ROWS for text, width in zip(row, widths)
             if row is HEADER or text in VALUES]
    assert len(whole) == len(HEADER) + len(VALUES)
    assert [text for text, width in whole if cell_lines(text, width - 114, unit) != 1] == []
    # a date may break after its year only: 2021年 / 11月30日
    assert [cell_lines(date, widths[5] - 114, unit) for date in sorted(DATES)] == [2, 2]
    assert widths[5] - 114 >= unit * 4.2
    text_columns = [widths[i] for i in (1, 2, 6)]                 # all want more than they get:
    assert min(text_columns) > widths[5] > widths[0]


@pytest.mark.parametrize("text, chars, lines", [
    ("示例社区居家养老服务综合体覆盖率和助餐点服务覆盖率", 4, 7),   # 25 characters, 4 a line
    ("养老服务科、社会事务科、财务科", 4, 4),     # 养老服务|科、社会|事务科、|财务科
    ("养老服务、社会事务", 4, 3),                # 、 cannot start a line: 养老服|务、社会|事务
    ("2021年11月30日", 8, 1),                  # 7 characters and 5 × 0.2 around the digits
    ("2021年11月30日", 7.9, 2),
    ("12.推进示例工作", 3, 3),                  # "12." stays whole: 12.推|进示例|工作
])
def test_cell_lines_wrap_whole_characters(text, chars, lines):
    unit = 240
    assert cell_lines(text, round(chars * unit) + 10, unit) == lines


def test_row_heights_are_lines_at_the_table_line_height_plus_the_rule():
    sheet = load_style(None)
    widths = [642, 1152, 1152, 1302, 1302, 2141, 1154]
    rows = [HEADER, ROWS[2]]
    assert row_heights(sheet, rows, widths) == [360 + 10, 7 * 360 + 10]


def test_estimate_moves_a_heading_kept_with_the_next_paragraph():
    sheet = load_style(None)
    body = etree.Element(f"{{{W}}}body")
    for _ in range(21):
        paragraph(body, "WpBody", [("字" * 26, None)])
    paragraph(body, "WpHeading1", [("四、示例标题", None)])
    paragraph(body, "WpBody", [("字" * 26, None)])
    assert estimate_end(body, sheet) == (2, 2 * 579)   # heading and text on page 2


def _plan(extra_tasks: int = 0, extra_targets: int = 0, repeat: int = 6):
    data = yaml.safe_load((ROOT / "examples" / "minzheng-2021.yaml").read_text(encoding="utf-8"))
    tasks = data["sections"][-1]["tasks"]
    target = {"name": "示例社区居家养老服务综合体覆盖率和助餐点服务覆盖率", "value": 87.5,
              "unit": "%", "baseline": 80.25, "deadline": "2021-12-31",
              "owners": ["养老服务科", "社会事务科", "财务科"]}
    first = copy.deepcopy(tasks[0])
    first["targets"] = list(first.get("targets", [])) + [target] * extra_targets
    work = {"title": "推进第20项示例工作。",
            "body": "示例区民政局围绕中心工作，统筹推进各项民政业务，" * repeat + "确保完成。"}
    data["sections"][-1]["tasks"] = [first, *tasks[1:], *[work] * extra_tasks]
    return parse_plan(yaml.safe_dump(data, allow_unicode=True), "plan.yaml")[0]


@pytest.mark.parametrize("extra_tasks, extra_targets, repeat", [
    (6, 0, 3),      # a heading kept with its text moves to the next page: the 版记 followed
    (3, 2, 5), (3, 3, 2), (3, 2, 6), (1, 3, 6), (0, 8, 6)])
@pytest.mark.layout
def test_imprint_lands_on_an_even_last_page_in_libreoffice(extra_tasks, extra_targets, repeat):
    try:
        find_soffice()
    except ToolError:
        tool_missing("LibreOffice (soffice) is not installed")
    plan = _plan(extra_tasks, extra_targets, repeat)
    data = write_docx(build_document(plan), load_style(None))
    pdf = pymupdf.open(stream=convert_to_pdf(data, "targets"), filetype="pdf")
    with_imprint = [i + 1 for i, page in enumerate(pdf) if "印发" in page.get_text()[-40:]]
    assert with_imprint == [len(pdf)] and len(pdf) % 2 == 0


@pytest.mark.parametrize("row, written, lines", [
    ("示例区民政局办公室\t2021年3月24日印发", "示例区民政局办公室\t2021年3月24日印发", 1),
    ("示例市人力资源和社会保障局示例市财政局联合办公室\t2024年2月1日印发",
     "示例市人力资源和社会保障局示例市财政局联合办公室\n\t2024年2月1日印发", 2),
    ("抄送：区委办公室，区政府办公室。", "抄送：区委办公室，区政府办公室。", 1),
    ("抄送：" + "示例市委办公室，" * 6 + "示例市政府办公室。", None, 3),
])
def test_imprint_rows_keep_the_date_whole_and_count_their_lines(row, written, lines):
    """四号 in the 156 mm type area, one character in on each side: 29.6 characters a line;
    a date that does not fit after the 印发机关 goes right-aligned on a line of its own."""
    text, count = imprint_row_lines(load_style(None), row)
    assert (text, count) == (written or row, lines)
