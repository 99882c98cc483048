"""The 工作总结 written as DOCX and text, imported back: its structure is the plan's
(一、完成情况 with a （一） per section and 一是… per task, 二、存在的问题, 三、下半年工作打算),
its figures are the progress file's; a user's template changes the wording."""
from __future__ import annotations

import pytest
import yaml
from ledger_helpers import invoke, plan_copy
from test_status_figures import PROGRESS


@pytest.fixture
def plan(tmp_path):
    path = plan_copy(tmp_path)
    (tmp_path / "2021.progress-2021-H1.yaml").write_text(PROGRESS, encoding="utf-8")
    return path


def _summary_back(plan, tmp_path, suffix: str, *options) -> dict:
    out = tmp_path / f"总结.{suffix}"
    result = invoke("summary", plan, "--period", "2021-H1", "-o", out, *options)
    assert result.exit_code == 0, result.output
    back = tmp_path / f"back-{suffix}.yaml"
    imported = invoke("import", out, "-o", back)
    assert imported.exit_code == 0, imported.output
    return yaml.safe_load(back.read_text(encoding="utf-8"))


@pytest.mark.parametrize("suffix", ["docx", "txt"])
def test_summary_structure_round_trips(plan, tmp_path, suffix):
    data = _summary_back(plan, tmp_path, suffix)
    assert data["title"] == "示例区2021年上半年民政工作总结"
    assert data["numbering"] == {"scope": "continuous", "label": "（一）", "items": "一是"}
    assert [s["title"] for s in data["sections"]] == ["上半年工作完成情况", "存在的问题", "下半年工作打算"]
    done = data["sections"][0]["tasks"]
    assert [t["title"] for t in done] == ["兜牢民生底线。", "发展养老服务。"]
    assert [len(t["items"]) for t in done] == [3, 3]
    assert done[0]["items"][0].replace(" ", "") == (
        "提高城乡低保标准。进展情况待补充（推进中）。城乡低保标准实际完成800元/月，"
        "完成年度目标的97.6%，低于序时进度。")
    assert done[0]["items"][1].replace(" ", "") == (
        "缩短临时救助办结时间。进展情况待补充（已完成）。临时救助办结时限为2个工作日，控制在3个工作日以内。")
    assert done[0]["items"][2] == "开展困难群众走访。进展情况未填报。"
    assert done[1]["items"][1] == "开展养老机构安全检查。进展情况待补充（未启动）。"
    problems = [p.replace(" ", "") for p in data["sections"][1]["intro"]]
    assert problems == [
        "对照年度工作要点和序时进度，以下工作进展滞后或尚未启动，原因有待逐项说明：",
        "一是提高城乡低保标准已过完成时限（2021年6月30日），目前仍在推进（牵头单位：社会救助科）。原因：（请补充）",
        "二是开展困难群众走访已过完成时限（2021年3月31日），目前进展未填报（牵头单位：社会救助科）。原因：（请补充）",
        "三是开展养老机构安全检查，目前尚未启动（牵头单位：养老服务科）。原因：（请补充）",
        "四是推进殡葬改革，目前进展滞后（牵头单位：社会事务科）。原因：（请补充）",
        "五是城乡低保标准完成97.6%，低于序时进度100.0%（牵头单位：社会救助科）。原因：（请补充）",
        "六是新建社区养老服务站完成41.7%，低于序时进度54.5%（牵头单位：养老服务科）。原因：（请补充）",
    ]
    plans = [p.replace(" ", "") for p in data["sections"][2]["intro"]]
    assert plans[0] == "下半年，将对照年度工作要点，重点抓好以下尚未完成的工作："
    assert plans[1] == "一是继续推进提高城乡低保标准，确保2021年6月30日前完成（牵头单位：社会救助科）。"
    assert len(plans) == 6
    kept = "".join(data["unplaced"]).replace(" ", "")      # the table: kept, not printed as a plan
    assert "序号｜指标｜目标值｜实际完成值｜完成率｜序时进度｜牵头单位" in kept
    assert "1｜城乡低保标准｜820元/月｜800元/月｜97.6%｜100.0%｜社会救助科" in kept


def test_summary_docx_holds_the_targets_table(plan, tmp_path):
    import docx
    out = tmp_path / "总结.docx"
    assert invoke("summary", plan, "--period", "2021-H1", "-o", out).exit_code == 0
    table = docx.Document(out).tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [["序号", "指标", "目标值", "实际完成值", "完成率", "序时进度", "牵头单位"],
                    ["1", "城乡低保标准", "820元/月", "800元/月", "97.6%", "100.0%", "社会救助科"],
                    ["2", "临时救助办结时限", "3个工作日", "2个工作日", "150.0%", "50.0%", "社会救助科"],
                    ["3", "新建社区养老服务站", "12处", "5处", "41.7%", "54.5%", "养老服务科"]]


def test_users_templates_change_the_wording(plan, tmp_path):
    own = tmp_path / "own" / "summary"
    own.mkdir(parents=True)
    bundled = (plan_copy.__globals__["PLAN"].parents[2] / "templates" / "summary" / "phrases.j2")
    text = bundled.read_text(encoding="utf-8").replace("现将{{ when }}工作情况总结如下。", "特此总结。")
    (own / "phrases.j2").write_text(text, encoding="utf-8")
    out = tmp_path / "总结.txt"
    result = invoke("summary", plan, "--period", "2021-H1", "-o", out, "--templates", tmp_path / "own")
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines()[2] == (
        "　　上半年，对照《示例区2021年民政工作要点》确定的6项重点任务，各单位认真抓好落实，已完成1项，"
        "正在推进2项，进度滞后1项，尚未启动1项，1项未填报进展。特此总结。")


def test_a_template_cannot_reach_outside_the_sandbox(plan, tmp_path):
    own = tmp_path / "own" / "summary"
    own.mkdir(parents=True)
    (own / "summary.j2").write_text("{{ plan.__class__.__mro__ }}\n", encoding="utf-8")
    result = invoke("summary", plan, "--period", "2021-H1", "-o", tmp_path / "x.txt",
                    "--templates", tmp_path / "own")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"错误：{own / 'summary.j2'}:1: 模板渲染失败：SecurityError：access to attribute '__class__' of "
        "'Plan' object is unsafe."]


def test_an_unreported_task_is_named_under_the_problems(tmp_path):
    """A task nobody reported on is not silently counted as on schedule: it is listed
    under 二、存在的问题 with 进展未填报, even before its deadline."""
    path = plan_copy(tmp_path)
    (tmp_path / "2021.progress-2021-H1.yaml").write_text(
        PROGRESS.replace("  - {key: S2T3-00000000, task: 推进殡葬改革。, status: 滞后}\n", ""), encoding="utf-8")
    data = _summary_back(path, tmp_path, "txt")
    problems = [p.replace(" ", "") for p in data["sections"][1]["intro"]]
    assert "四是推进殡葬改革，目前进展未填报（牵头单位：社会事务科）。原因：（请补充）" in problems
