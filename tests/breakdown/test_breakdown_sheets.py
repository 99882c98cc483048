"""The 分解表 as a workbook reopened with openpyxl (values, dates, widths, print setup,
frozen header) and as CSV in UTF-8 with a byte-order mark."""
import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from helpers import invoke

ROOT = Path(__file__).resolve().parents[2]
MINZHENG = ROOT / "examples" / "minzheng-2021.yaml"


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    target = tmp_path_factory.mktemp("xlsx") / "分解表.xlsx"
    result = invoke("breakdown", MINZHENG, "-o", target)
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(target)


def test_values_numbers_and_real_dates(workbook):
    ws = workbook.active
    assert ws.title == "分解表"
    assert [c.value for c in ws[1]] == ["序号", "重点任务", "具体措施或目标", "牵头单位", "责任单位",
                                       "完成时限", "责任领导"]
    assert [c.value for c in ws[4]] == [3, "3.提高城乡低保标准", "城乡低保标准：820元/月", "社会救助科",
                                       None, dt.datetime(2021, 7, 1), "陈立新"]
    assert ws["F4"].number_format == 'yyyy"年"m"月"d"日"' and ws["F4"].is_date
    assert ws["F2"].value is None and ws.max_row == 11


def test_frozen_header_print_titles_landscape_a4(workbook):
    ws = workbook.active
    assert ws.freeze_panes == "A2"
    assert ws.print_title_rows == "$1:$1"
    setup = ws.page_setup
    assert (setup.orientation, int(setup.paperSize), setup.fitToWidth, setup.fitToHeight) == (
        "landscape", 9, 1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.oddHeader.center.text == "示例区2021年民政工作要点重点任务分解表"


def test_fonts_wrapping_and_widths_follow_the_content(workbook):
    ws = workbook.active
    assert ws["B2"].font.name == "仿宋" and ws["A1"].font.name == "黑体"   # the sheet's fonts
    assert ws["C2"].alignment.wrap_text and ws["C2"].alignment.horizontal == "left"
    assert ws["A2"].alignment.horizontal == "center"
    widths = {col: ws.column_dimensions[col].width for col in "ABCDEFG"}
    assert widths["C"] == max(widths.values()) and widths["A"] == min(widths.values())
    assert widths["D"] >= 7 * 2.1                    # 基层政权建设科 whole
    assert ws.row_dimensions[2].height > ws.row_dimensions[4].height   # long text: taller row


def test_csv_is_utf8_with_bom_and_iso_dates(tmp_path):
    target = tmp_path / "分解表.csv"
    assert invoke("breakdown", MINZHENG, "-o", target).exit_code == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "序号,重点任务,具体措施或目标,牵头单位,责任单位,完成时限,责任领导"
    assert lines[3] == "3,3.提高城乡低保标准,城乡低保标准：820元/月,社会救助科,,2021-07-01,陈立新"
    assert len(lines) == 11


def test_per_unit_workbooks_list_leads_then_supports_by_deadline(tmp_path):
    result = invoke("breakdown", MINZHENG, "--by-unit", "-f", "xlsx", "-o", tmp_path / "units")
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "units").iterdir()) == sorted(
        f"{u}.xlsx" for u in ("机关党委", "办公室", "社会救助科", "财务科", "社会事务科", "基层政权建设科",
                              "养老服务科"))
    ws = openpyxl.load_workbook(tmp_path / "units" / "社会事务科.xlsx").active
    assert ws.title == "社会事务科"
    assert [(r[0].value, r[1].value, r[2].value) for r in ws.iter_rows(min_row=2)] == [
        ("牵头", 5, "5.做好残疾人两项补贴工作"), ("牵头", 9, "9.深化殡葬改革"),
        ("牵头", 10, "10.优化婚姻登记服务")]
    ws = openpyxl.load_workbook(tmp_path / "units" / "办公室.xlsx").active
    assert [(r[0].value, r[1].value) for r in ws.iter_rows(min_row=2)] == [("配合", 2), ("配合", 10)]
