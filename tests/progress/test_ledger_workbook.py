"""The 台账 workbook as written: reopened with openpyxl, its protection, drop-down and
number rules, hidden keys, one sheet per unit, period and plan in its properties."""
from __future__ import annotations

import openpyxl
from ledger_helpers import export, invoke, plan_copy

from generator.plan.load import load_plan
from generator.progress.keys import parse_key, target_key, task_key

HEADERS = ["序号", "部分", "任务", "指标", "目标值", "计量单位", "牵头单位", "完成时限",
           "进展情况", "状态", "实际完成值", "备注", "键"]


def _rows(sheet):
    return [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]


def test_one_row_per_task_and_per_target_with_its_key(tmp_path):
    plan_path = plan_copy(tmp_path)
    book = openpyxl.load_workbook(export(plan_path, tmp_path / "台账.xlsx"))
    assert book.sheetnames == ["台账"]
    sheet = book["台账"]
    assert [c.value for c in sheet[2]] == HEADERS
    assert sheet["A1"].value == "示例区2021年民政工作要点台账（2021年上半年，截至2021年6月30日）"
    rows = _rows(sheet)
    plan = load_plan(plan_path)[0]
    expected = []
    for si, section in enumerate(plan.sections):
        for ti, task in enumerate(section.tasks):
            expected.append(task_key(si, ti, task.title))
            expected += [target_key(si, ti, gi, task.title, t.name) for gi, t in enumerate(task.targets)]
    assert [r[12] for r in rows] == expected
    assert rows[0][:8] == ["1.", "一、兜牢民生底线", "提高城乡低保标准。", None, None, None,
                           "社会救助科、财务科", "2021年6月30日"]
    assert rows[1][:8] == ["1-1", "一、兜牢民生底线", "提高城乡低保标准。", "城乡低保标准", 820, "元/月",
                           "社会救助科、财务科", "2021年6月30日"]
    assert all(r[8:12] == [None] * 4 for r in rows)
    assert sheet.column_dimensions["M"].hidden
    assert (book.properties.subject, book.properties.title, book.properties.keywords) == (
        "2021-H1", "示例区2021年民政工作要点", "workplan 台账")


def test_only_fill_in_cells_are_unlocked_on_a_protected_sheet(tmp_path):
    sheet = openpyxl.load_workbook(export(plan_copy(tmp_path), tmp_path / "台账.xlsx"))["台账"]
    assert sheet.protection.sheet
    unlocked = {(cell.row, HEADERS[cell.column - 1]) for row in sheet.iter_rows(min_row=1)
                for cell in row if not cell.protection.locked}
    target_rows = {r for r in range(3, sheet.max_row + 1) if sheet.cell(r, 4).value}
    expected = {(r, h) for r in range(3, sheet.max_row + 1) for h in ("进展情况", "状态", "备注")}
    expected |= {(r, "实际完成值") for r in target_rows}
    assert unlocked == expected
    assert target_rows == {4, 6, 9}


def test_status_is_a_drop_down_and_actual_a_number(tmp_path):
    sheet = openpyxl.load_workbook(export(plan_copy(tmp_path), tmp_path / "台账.xlsx"))["台账"]
    rules = {dv.type: dv for dv in sheet.data_validations.dataValidation}
    assert set(rules) == {"list", "decimal"}
    assert rules["list"].formula1 == '"已完成,推进中,未启动,滞后"'
    assert str(rules["list"].sqref) == "J3:J11"
    assert rules["list"].showErrorMessage
    assert str(rules["decimal"].sqref) == "K4 K6 K9"
    assert (rules["decimal"].operator, rules["decimal"].showErrorMessage) == ("between", True)


def test_by_unit_gives_each_lead_unit_its_sheet(tmp_path):
    book = openpyxl.load_workbook(export(plan_copy(tmp_path), tmp_path / "台账.xlsx", "--by-unit"))
    assert book.sheetnames == ["社会救助科", "养老服务科", "社会事务科"]
    leads = {name: [r[2] for r in _rows(book[name])] for name in book.sheetnames}
    assert leads["社会事务科"] == ["推进殡葬改革。"]
    assert leads["养老服务科"] == ["新建社区养老服务站。", "新建社区养老服务站。", "开展养老机构安全检查。"]
    assert all(book[name].protection.sheet for name in book.sheetnames)


def test_keys_survive_renumbering(tmp_path):
    """A task inserted before the others shifts every number; each old key still finds its
    task by the hash of the lead."""
    plan_path = plan_copy(tmp_path)
    old = openpyxl.load_workbook(export(plan_path, tmp_path / "old.xlsx"))["台账"]
    keys = {r[2] + (r[3] or ""): r[12] for r in _rows(old)}
    text = plan_path.read_text(encoding="utf-8").replace(
        "    tasks:\n      - title: 提高城乡低保标准。",
        "    tasks:\n      - title: 新增的一项任务。\n      - title: 提高城乡低保标准。", 1)
    plan_path.write_text(text, encoding="utf-8")
    new = openpyxl.load_workbook(export(plan_path, tmp_path / "new.xlsx"))["台账"]
    renumbered = {r[2] + (r[3] or ""): r[12] for r in _rows(new)}
    moved = parse_key(renumbered["提高城乡低保标准。"])
    assert (moved.ti, moved.lead) == (1, parse_key(keys["提高城乡低保标准。"]).lead)


def test_period_outside_the_plan_year_and_bad_period_are_refused(tmp_path):
    plan_path = plan_copy(tmp_path)
    result = invoke("ledger", plan_path, "--period", "2022-H1", "-o", tmp_path / "x.xlsx")
    assert (result.exit_code, result.stderr) == (2, "错误：期间 2022-H1 不在计划年度 2021 内\n")
    result = invoke("ledger", plan_path, "--period", "2021-H3", "-o", tmp_path / "x.xlsx")
    assert result.exit_code == 2
    assert result.stderr == ("错误：期间“2021-H3”无效：应写作 2021（全年）、2021-H1（半年）、"
                             "2021-Q1（季度）或 2021-03（月份）\n")


def test_default_output_beside_the_plan_and_no_overwrite(tmp_path):
    plan_path = plan_copy(tmp_path)
    assert invoke("ledger", plan_path, "--period", "2021-Q1").exit_code == 0
    target = tmp_path / "2021.台账-2021-Q1.xlsx"
    assert openpyxl.load_workbook(target).properties.subject == "2021-Q1"
    again = invoke("ledger", plan_path, "--period", "2021-Q1")
    assert (again.exit_code, again.stderr) == (2, f"错误：{target}: 文件已存在；如要覆盖，请加 --force\n")
