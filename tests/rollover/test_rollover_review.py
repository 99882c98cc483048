"""Rollover and the review list: a plan rolled over twice keeps no stale flags from the
first rollover, and dates written inside text are flagged when they move."""
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.rollover.roll import roll_over
from generator.source.sourcemap import parse_yaml

ROOT = Path(__file__).resolve().parents[2]
MINZHENG = ROOT / "examples" / "minzheng-2021.yaml"
W301 = "待复核：{}（复核后从 review 中删去此项）"

PLAN = """\
title: 示例区2025年工作要点
year: 2025
sections:
  - title: 甲部分
    tasks:
      - title: 建成社区食堂。
        body: 2025年6月底前建成两处，二〇二五年十月前再建一处。
        targets:
          - {name: 社区食堂, value: 3, unit: 处}
review:
  - "sections[0].title: 请核对部分标题"
"""


def test_second_rollover_replaces_the_flags_of_the_first():
    once = roll_over(MINZHENG.read_text(encoding="utf-8"), "m-2021.yaml").text
    twice = roll_over(once, "m-2022.yaml")
    review = parse_yaml(twice.text, "m-2023.yaml")[0]["review"]
    assert review == twice.flags
    assert not any("2022年目标值" in entry or "2021-" in entry for entry in review)
    assert "sections[1].tasks[0].targets[0].value: 请填写2023年目标值" in review
    lines = twice.text.splitlines()
    assert lines.count("review:") == 1
    assert lines[lines.index("review:") + 1:] == [f'  - "{e}"' for e in review]


def test_entries_not_flagged_again_are_kept():
    once = roll_over(PLAN, "p-2025.yaml").text
    twice = roll_over(once, "p-2026.yaml")
    assert parse_yaml(twice.text, "p.yaml")[0]["review"] == [
        "sections[0].title: 请核对部分标题",
        "sections[0].tasks[0].body: 文中年份已顺延（“2026年6月”→“2027年6月”、“二〇二六年十月”→“二〇二七年十月”），请核对",
        "sections[0].tasks[0].targets[0].value: 请填写2027年目标值",
        "sections[0].tasks[0].targets[0].baseline: 2026年未填目标值，基数仍为 3处，请核实实际完成值",
    ]


def test_flow_review_list_drops_superseded_entries():
    flow = PLAN.replace('review:\n  - "sections[0].title: 请核对部分标题"\n',
                        'review: ["sections[0].tasks[0].targets[0].value: 请填写2025年目标值"]\n')
    lines = roll_over(flow, "p.yaml").text.splitlines()
    assert lines[-1] == (
        'review: ["sections[0].tasks[0].body: 文中年份已顺延（“2025年6月”→“2026年6月”、'
        '“二〇二五年十月”→“二〇二六年十月”），请核对", '
        '"sections[0].tasks[0].targets[0].baseline: 基数取上年目标值，请核实实际完成值", '
        '"sections[0].tasks[0].targets[0].value: 请填写2026年目标值（2025年目标值 3处 已记为基数）"]')


def test_dates_in_text_are_flagged_and_validate_reports_them(tmp_path):
    source, target = tmp_path / "p-2025.yaml", tmp_path / "p-2026.yaml"
    source.write_text(PLAN, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["rollover", str(source)]).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "        body: 2026年6月底前建成两处，二〇二六年十月前再建一处。\n" in text
    result = runner.invoke(main, ["validate", str(target)])
    reason = "文中年份已顺延（“2025年6月”→“2026年6月”、“二〇二五年十月”→“二〇二六年十月”），请核对"
    assert f"{target}:7:15: W301 sections[0].tasks[0].body: {W301.format(reason)}" in result.output


YEARS = """\
title: 示例区2020年工作要点
year: 2020
notice:
  issuer_mark: 示例区民政局文件
  body:
    - 现将《示例区2020年工作要点》印发给你们，2020年第一季度前报送落实情况。
  signature: 示例区民政局
  date: 2020-03-01
sections:
  - title: 巩固2020年脱贫成果
    tasks:
      - title: 做好过渡期衔接。
        body: 渐退期延至2020年底，2020年上半年完成排查。
        targets:
          - {name: 排查户数, value: 300, unit: 户, note: 2020年内完成}
"""


def test_every_year_moved_in_running_text_is_flagged_not_only_fields():
    result = roll_over(YEARS, "p-2020.yaml")
    flags = [entry for entry in result.flags if "文中年份" in entry]
    assert flags == [
        "notice.body[0]: 文中年份已顺延（“2020年第一季度”→“2021年第一季度”），请核对",
        "sections[0].title: 文中年份已顺延（“2020年”→“2021年”），请核对",
        "sections[0].tasks[0].body: 文中年份已顺延（“2020年底”→“2021年底”、“2020年上半年”→“2021年上半年”），请核对",
        "sections[0].tasks[0].targets[0].note: 文中年份已顺延（“2020年内”→“2021年内”），请核对",
    ]
    data = parse_yaml(result.text, "p-2021.yaml")[0]
    assert data["sections"][0]["tasks"][0]["body"] == "渐退期延至2021年底，2021年上半年完成排查。"
    assert set(flags) <= set(data["review"])
