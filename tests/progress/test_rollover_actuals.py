"""Rollover from actual figures: with year-end progress a target's baseline is what was
achieved and last year's target is kept as prior_target; without it, the target value with
a flag; unfinished tasks flagged for a decision, not silently carried."""
from __future__ import annotations

import yaml
from ledger_helpers import invoke, plan_copy

YEAR_END = """\
plan: 2021.yaml
period: "2021"
tasks:
  - key: S1T1-00000000
    task: 提高城乡低保标准。
    status: 已完成
    targets:
      - {key: S1T1G1-00000000-00000000, name: 城乡低保标准, actual: 830}
  - {key: S1T2-00000000, task: 缩短临时救助办结时间。, status: 已完成}
  - {key: S1T3-00000000, task: 开展困难群众走访。, status: 已完成}
  - key: S2T1-00000000
    task: 新建社区养老服务站。
    status: 滞后
    targets:
      - {key: S2T1G1-00000000-00000000, name: 新建社区养老服务站, actual: 9}
  - {key: S2T2-00000000, task: 开展养老机构安全检查。, status: 已完成}
"""


def _targets(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [t for s in data["sections"] for task in s["tasks"] for t in task.get("targets", [])], data


def test_baselines_are_the_actual_figures(tmp_path):
    plan = plan_copy(tmp_path)
    (tmp_path / "2021.progress-2021.yaml").write_text(YEAR_END, encoding="utf-8")
    result = invoke("rollover", plan)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == f"基数取自 {tmp_path / '2021.progress-2021.yaml'} 中的实际完成值"
    targets, data = _targets(tmp_path / "2022.yaml")
    assert [(t["name"], t["value"], t.get("baseline"), t.get("prior_target")) for t in targets] == [
        ("城乡低保标准", None, 830, 820), ("临时救助办结时限", None, 3, None), ("新建社区养老服务站", None, 9, 12)]
    review = data["review"]
    assert "sections[0].tasks[0].targets[0].value: 请填写2022年目标值（2021年实际完成 830元/月 已记为基数，" \
           "目标值 820元/月 记为 prior_target）" in review
    assert "sections[0].tasks[1].targets[0].baseline: 基数取上年目标值，请核实实际完成值" in review
    assert [e for e in review if e.endswith("是否延续到2022年")] == [
        "sections[1].tasks[0].title: 2021年未完成（滞后），请决定是否延续到2022年",
        "sections[1].tasks[2].title: 2021年进展未填报，请核实是否完成、是否延续到2022年"]
    assert invoke("validate", tmp_path / "2022.yaml").exit_code == 0


def test_without_progress_the_target_is_the_baseline_and_flagged(tmp_path):
    plan = plan_copy(tmp_path)
    result = invoke("rollover", plan)
    assert result.exit_code == 0, result.output
    targets, data = _targets(tmp_path / "2022.yaml")
    assert [(t.get("baseline"), t.get("prior_target")) for t in targets] == [(820, None), (3, None), (12, None)]
    assert [e for e in data["review"] if "基数" in e and "baseline" in e] == [
        f"sections[{s}].tasks[{t}].targets[0].baseline: 基数取上年目标值，请核实实际完成值"
        for s, t in ((0, 0), (0, 1), (1, 0))]
    assert not any("延续" in e for e in data["review"])


def test_half_year_progress_is_no_year_end(tmp_path):
    plan = plan_copy(tmp_path)
    half = tmp_path / "2021.progress-2021-H1.yaml"
    half.write_text(YEAR_END.replace('period: "2021"', "period: 2021-H1"), encoding="utf-8")
    result = invoke("rollover", plan, "--progress", half)
    assert (result.exit_code, result.stderr) == (2, (
        f"错误：{half}: 期间 2021-H1 不是 2021 年末的进展，基数只能取全年的实际完成值\n"))
