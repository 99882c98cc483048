"""`workplan status` on a hand-made progress file, every figure worked out by hand:
counts, 完成率 in both directions, 序时进度 to a target's deadline, overdue tasks."""
from __future__ import annotations

import json

import pytest
from ledger_helpers import invoke, plan_copy

from generator.plan.model import Target
from generator.progress.direction import completion_rate, target_direction
from generator.progress.periods import parse_period

PROGRESS = """\
plan: 2021.yaml
period: 2021-H1
tasks:
  - key: S1T1-00000000
    task: 提高城乡低保标准。
    status: 推进中
    targets:
      - {key: S1T1G1-00000000-00000000, name: 城乡低保标准, actual: 800}
  - key: S1T2-00000000
    task: 缩短临时救助办结时间。
    status: 已完成
    targets:
      - {key: S1T2G1-00000000-00000000, name: 临时救助办结时限, actual: 2}
  - {key: S2T1-00000000, task: 新建社区养老服务站。, status: 推进中,
     targets: [{key: S2T1G1-00000000-00000000, name: 新建社区养老服务站, actual: 5}]}
  - {key: S2T2-00000000, task: 开展养老机构安全检查。, status: 未启动}
  - {key: S2T3-00000000, task: 推进殡葬改革。, status: 滞后}
"""


@pytest.fixture
def plan(tmp_path):
    path = plan_copy(tmp_path)
    (tmp_path / "2021.progress-2021-H1.yaml").write_text(PROGRESS, encoding="utf-8")
    return path


def test_status_text(plan, tmp_path):
    """820 target, 800 actual: 800/820 = 97.6%, due 30 June so 序时进度 6/6 = 100%: behind.
    A 3-day limit met in 2: 3/2 = 150.0%. 5 of 12 stations: 41.7%, due 30 November so
    序时进度 6/11 = 54.5%: behind. The hashes in the keys are made up (00000000): every
    entry is found by its lead sentence, unchanged, so nothing is reported."""
    result = invoke("status", plan)
    assert result.exit_code == 0, result.output
    assert result.stdout == """\
示例区2021年民政工作要点：2021年上半年进展（截至2021年6月30日，序时进度 50.0%）
进展文件：{progress}

任务状态（按部分）
部分              已完成  推进中  未启动  滞后  未填报  合计
一、兜牢民生底线       1       1       0     0       1     3
二、发展养老服务       0       1       1     1       0     3

任务状态（按牵头单位）
牵头单位    已完成  推进中  未启动  滞后  未填报  合计
社会救助科       1       1       0     0       1     3
养老服务科       0       1       1     0       0     2
社会事务科       0       0       0     1       0     1

指标完成情况
指标                   目标值  实际完成值  完成率  序时进度      方向            判断
城乡低保标准         820元/月    800元/月   97.6%    100.0%  越高越好  落后于序时进度
临时救助办结时限    3个工作日   2个工作日  150.0%     50.0%  越低越好          已达到
新建社区养老服务站       12处         5处   41.7%     54.5%  越高越好  落后于序时进度

逾期未完成的任务（完成时限已过）：2 项
  1.提高城乡低保标准。（社会救助科；完成时限 2021年6月30日；推进中）
  3.开展困难群众走访。（社会救助科；完成时限 2021年3月31日；未填报）
""".format(progress=tmp_path / "2021.progress-2021-H1.yaml")
    assert result.stderr == ""


def test_status_json(plan):
    result = invoke("status", plan, "--period", "2021-H1", "--json")
    data = json.loads(result.stdout)
    assert (data["period"], data["end"], data["elapsed"]) == ("2021-H1", "2021-06-30", 0.5)
    assert data["sections"][1] == {"section": "二、发展养老服务", "counts": {
        "已完成": 0, "推进中": 1, "未启动": 1, "滞后": 1, "未填报": 0}}
    rates = [(t["name"], t["rate"], t["schedule"], t["behind"], t["direction"], t["direction_from"])
             for t in data["targets"]]
    assert rates == [("城乡低保标准", 0.9756, 1.0, True, "up", None),
                     ("临时救助办结时限", 1.5, 0.5, False, "down", "时限"),
                     ("新建社区养老服务站", 0.4167, 0.5455, True, "up", None)]
    assert [t["number"] for t in data["overdue"]] == ["1.", "3."]


def test_no_progress_file_is_a_clear_message(tmp_path):
    plan = plan_copy(tmp_path)
    result = invoke("status", plan)
    assert (result.exit_code, result.stderr) == (2, (
        f"错误：{plan}: 计划旁没有进展文件；请先用 workplan ledger import 导入台账，或用 --progress 指定\n"))


@pytest.mark.parametrize("name, unit, note, direction, known", [
    ("城乡低保标准", "元/月", "", "up", ""),
    ("临时救助办结时限", "个工作日", "", "down", "时限"),
    ("信访事项", "件", "控制在10件以内", "down", "以内"),
    ("养老床位", "张", "", "up", ""),
])
def test_direction_is_inferred_from_words(name, unit, note, direction, known):
    assert target_direction(Target(name, 1, unit, note=note)) == (direction, known)


def test_written_direction_wins():
    assert target_direction(Target("办结时限", 3, "天", direction="up")) == ("up", "plan")
    assert completion_rate(3, 2, "down") == 1.5
    assert completion_rate(3, 0, "down") is None
    assert completion_rate("三天", 2, "up") is None


@pytest.mark.parametrize("code, end, elapsed, name", [
    ("2021-Q1", "2021-03-31", 0.25, "第一季度"), ("2021-H1", "2021-06-30", 0.5, "上半年"),
    ("2021", "2021-12-31", 1.0, "年度"), ("2021-03", "2021-03-31", 0.25, "1—3月"),
    ("2021-11", "2021-11-30", 11 / 12, "1—11月"), ("2021-q4", "2021-12-31", 1.0, "第四季度"),
])
def test_periods(code, end, elapsed, name):
    period = parse_period(code)
    assert (period.end.isoformat(), period.elapsed, period.name) == (end, elapsed, name)
