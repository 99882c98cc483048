"""A filled ledger with every kind of mistake a unit makes, read back: each bad cell named by
file, sheet and cell; variants understood; edited, deleted and doubled rows reported and
never dropped."""
from __future__ import annotations

import yaml
from ledger_helpers import cell_of, export, fill, invoke, plan_copy

from generator.progress.model import load_progress


def test_bad_cells_are_named_by_sheet_and_cell(tmp_path):
    plan = plan_copy(tmp_path)
    book = export(plan, tmp_path / "台账.xlsx", "--by-unit")
    fill(book, {
        "提高城乡低保标准。": {"状态": "完成", "进展情况": "已按新标准发放。"},
        "提高城乡低保标准。/城乡低保标准": {"实际完成值": "约八百"},
        "缩短临时救助办结时间。": {"状态": "差不多了"},
        "缩短临时救助办结时间。/临时救助办结时限": {"实际完成值": "=1+1"},
        "开展困难群众走访。": {"状态": "进行中"},
        "新建社区养老服务站。/新建社区养老服务站": {"实际完成值": "１２"},
    })
    result = invoke("ledger", "import", book, plan)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{book}:社会救助科!J3: W501 状态: “完成”按“已完成”读入",
        f"{book}:社会救助科!K4: E506 实际完成值: 不是数字（“约八百”），请只填数字，不带单位",
        f"{book}:社会救助科!J5: E507 状态: 无法识别“差不多了”，应为 已完成、推进中、未启动、滞后 之一",
        f"{book}:社会救助科!K6: E505 实际完成值: 单元格含公式（=1+1），请改为数值或文字",
        f"{book}:社会救助科!J7: W501 状态: “进行中”按“推进中”读入",
    ]
    assert not (tmp_path / "2021.progress-2021-H1.yaml").exists()
    assert cell_of(book, "社会救助科", "提高城乡低保标准。/城乡低保标准", "实际完成值") == "K4"


def test_edited_deleted_and_doubled_rows_are_reported_and_kept(tmp_path):
    plan = plan_copy(tmp_path)
    first = fill(export(plan, tmp_path / "台账.xlsx"), {
        "提高城乡低保标准。": {"状态": "已完成", "进展情况": "已按新标准发放。"},
        "提高城乡低保标准。/城乡低保标准": {"实际完成值": 820, "状态": "已完成"},
        "开展养老机构安全检查。": {"状态": "推进中", "进展情况": "已检查十家。"},
        "推进殡葬改革。": {"状态": "滞后", "备注": "方案待审定"},
    })
    second = fill(export(plan, tmp_path / "补报.xlsx"), {
        "提高城乡低保标准。": {"状态": "推进中"},
    })
    text = plan.read_text(encoding="utf-8").replace("开展养老机构安全检查。", "开展养老机构消防安全检查。")
    text = text.replace("      - title: 推进殡葬改革。\n        owners: [社会事务科]\n", "")
    plan.write_text(text, encoding="utf-8")
    result = invoke("ledger", "import", first, second, plan)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[:-1] == [
        f"{first}:台账!M10: W502 任务“开展养老机构安全检查。”已改为“开展养老机构消防安全检查。”，"
        "按相似度 92% 对应到 sections[1].tasks[1]",
        f"{first}:台账!M11: W503 任务“推进殡葬改革。”在计划中找不到，本行放入 unmatched",
        f"{second}:台账!M3: W504 任务“提高城乡低保标准。”与 {first}:台账!M3 重复填报，本行放入 unmatched",
    ]
    target = tmp_path / "2021.progress-2021-H1.yaml"
    assert result.stderr.splitlines()[-1] == f"已写出 {target}：读入 5 行填报，2 行放入 unmatched"
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["period"] == "2021-H1" and data["plan"] == "2021.yaml"
    assert [(t["task"], t.get("status")) for t in data["tasks"]] == [
        ("提高城乡低保标准。", "已完成"), ("开展养老机构消防安全检查。", "推进中")]
    assert data["tasks"][0]["targets"] == [
        {"key": data["tasks"][0]["targets"][0]["key"], "name": "城乡低保标准", "status": "已完成", "actual": 820}]
    assert data["unmatched"] == [
        {"key": data["unmatched"][0]["key"], "task": "推进殡葬改革。", "source": f"{first}:台账!M11",
         "reason": "找不到对应的任务或指标", "unit": "社会事务科", "status": "滞后", "note": "方案待审定"},
        {"key": data["unmatched"][1]["key"], "task": "提高城乡低保标准。", "source": f"{second}:台账!M3",
         "reason": f"与 {first}:台账!M3 重复填报", "unit": "社会救助科、财务科", "status": "推进中"},
    ]
    progress, warnings = load_progress(target)
    line = target.read_text(encoding="utf-8").splitlines().index("unmatched:") + 1
    assert [w.format() for w in warnings] == [
        f"{target}:{line}:1: W506 unmatched: unmatched 中有 2 条进展未对应到任务，不计入状态和总结；"
        "请核对后移到 tasks 中或删去"]
    assert progress.tasks[1].progress == "已检查十家。"


def test_empty_rows_are_not_progress_and_period_comes_from_the_workbook(tmp_path):
    plan = plan_copy(tmp_path)
    book = export(plan, tmp_path / "台账.xlsx")
    result = invoke("ledger", "import", book, plan)
    assert result.exit_code == 0, result.output
    target = tmp_path / "2021.progress-2021-H1.yaml"
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["tasks"] == []
    again = invoke("ledger", "import", book, plan, "--period", "2021-Q3", "--force")
    assert again.exit_code == 0
    assert again.stderr.splitlines()[0] == f"{book}: W505 台账是按期间 2021-H1 生成的，现按 2021-Q3 导入"
    assert (tmp_path / "2021.progress-2021-Q3.yaml").exists()


def test_import_needs_a_plan_and_a_workbook(tmp_path):
    result = invoke("ledger", "import", plan_copy(tmp_path))
    assert (result.exit_code, result.stderr) == (
        2, "错误：用法：workplan ledger import 台账.xlsx [更多.xlsx …] PLAN.yaml\n")
