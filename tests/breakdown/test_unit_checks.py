"""Units as data: validate's findings on units and owners, and the who-does-what API."""
from pathlib import Path

from generator.plan.load import load_plan, parse_plan
from generator.plan.units import Duty, Units, task_duty
from helpers import invoke

UNITS = """\
title: 示例区2021年民政工作要点
year: 2021
units:
  - {name: 社会救助科, short: 救助科, leader: 周副局长}
  - 办公室
  - {name: 财务科, short: [财务]}
sections:
  - title: 兜底保障
    tasks:
"""


def _lines(tmp_path: Path, tasks: str, head: str = UNITS) -> list[str]:
    path = tmp_path / "plan.yaml"
    path.write_text(head + tasks, encoding="utf-8")
    result = invoke("validate", path)
    return [line.replace(str(path), "plan.yaml") for line in result.output.splitlines()]


def test_an_unknown_owner_is_an_error_with_a_did_you_mean(tmp_path):
    lines = _lines(tmp_path, """\
      - title: 提高低保标准。
        owners: [社会救助科, 财物科]
      - title: 加强临时救助。
        lead: 办公室
        support: [人事科]
""")
    assert lines[:2] == [
        "plan.yaml:11:25: E251 sections[0].tasks[0].owners[1]: “财物科”不是 units 中声明的单位，是否想写“财务科”？",
        "plan.yaml:14:19: E251 sections[0].tasks[1].support[0]: “人事科”不是 units 中声明的单位"
        "（请在 units 中声明，或改用已声明的名称）",
    ]
    assert lines[2] == "检查了 1 个文件：2 个错误，0 个警告"


def test_a_target_owner_is_checked_too(tmp_path):
    lines = _lines(tmp_path, """\
      - title: 提高低保标准。
        owners: 社会救助科
        targets:
          - {name: 低保标准, value: 820, unit: 元/月, owners: [社会求助科]}
""")
    assert lines[0] == ("plan.yaml:13:58: E251 sections[0].tasks[0].targets[0].owners[0]: "
                        "“社会求助科”不是 units 中声明的单位，是否想写“社会救助科”？")


def test_the_same_unit_written_two_ways_is_a_warning(tmp_path):
    lines = _lines(tmp_path, """\
      - title: 提高低保标准。
        owners: [社会救助科]
      - title: 加强临时救助。
        owners: 救助科
""")
    assert lines[0] == ("plan.yaml:13:17: W251 sections[0].tasks[1].owners: “救助科”与 sections[0].tasks[0]"
                        ".owners[0] 的“社会救助科”是同一单位，请统一写法")
    # lint's WRD05 (a name that ends another) leaves a plan with units to W251: said once
    assert [line.split(": ")[1].split()[0] for line in lines[1:-1]] == []


def test_two_spellings_without_units_differ_only_in_width_or_spaces(tmp_path):
    head = "title: 示例区2021年工作要点\nyear: 2021\nsections:\n  - title: 甲\n    tasks:\n"
    lines = _lines(tmp_path, """\
      - title: 甲事。
        owners: [区（县）办公室]
      - title: 乙事。
        owners: [区(县) 办公室, 财务科]
""", head)
    assert lines[0] == ("plan.yaml:9:18: W251 sections[0].tasks[1].owners[0]: “区(县) 办公室”与 "
                        "sections[0].tasks[0].owners[0] 的“区（县）办公室”是同一单位，请统一写法")
    assert [line.split(": ")[1].split()[0] for line in lines[1:-1]] == ["PUN01"]     # lint: half-width brackets


def test_owners_and_lead_together_deadline_out_of_year_and_task_without_owners(tmp_path):
    lines = _lines(tmp_path, """\
      - title: 提高低保标准。
        owners: [办公室]
        lead: 办公室
      - title: 加强临时救助。
        lead: 办公室
        deadline: 2022-03-01
      - title: 做好残疾人补贴。
""")
    assert lines == [
        "plan.yaml:12:9: E253 sections[0].tasks[0].lead: owners 与 lead/support 只能用一种：owners 的第一个为"
        "牵头单位，或用 lead 写牵头单位、support 写责任单位",
        "plan.yaml:15:19: W252 sections[0].tasks[1].deadline: 完成时限 2022-03-01 不在计划年度 2021 年内",
        "plan.yaml:16:16: W253 sections[0].tasks[2]: 任务没有写责任单位（owners，或 lead/support）",
        "检查了 1 个文件：1 个错误，2 个警告",
    ]


def test_a_name_declared_for_two_units_is_an_error(tmp_path):
    head = UNITS.replace("  - 办公室\n", "  - {name: 办公室, short: 财务}\n")
    lines = _lines(tmp_path, "      - {title: 甲事。, owners: 办公室}\n", head)
    assert lines[0] == ("plan.yaml:6:25: E252 units[2].short[0]: 单位名称“财务”已在 units[1].short 声明，"
                        "同一名称不能指两个单位")


def test_a_misspelt_unit_key_gets_a_did_you_mean(tmp_path):
    head = UNITS.replace("leader: 周副局长", "leder: 周副局长")
    lines = _lines(tmp_path, "      - {title: 甲事。, owners: 办公室}\n", head)
    assert lines[0] == ("plan.yaml:4:31: E120 units[0].leder: 未知字段“leder”，疑为“leader”的笔误：请改为“leader”，"
                        "否则其内容不会输出")


def test_plans_without_units_keep_printing_all_owners_as_lead():
    plan, findings = load_plan(Path(__file__).resolve().parents[2] / "tests/data/layout-stress.yaml")
    task = next(t for s in plan.sections for t in s.tasks if len(t.owners) > 1)
    assert task_duty(plan, task) == Duty(tuple(task.owners[:1]), tuple(task.owners[1:]))


def test_duty_resolves_short_names_and_explicit_lead_and_support():
    plan, _ = parse_plan(UNITS + """\
      - title: 甲事。
        owners: [救助科, 财务, 社会救助科]
      - title: 乙事。
        lead: [办公室, 财务]
        support: 救助科
        targets:
          - {name: 甲, value: 1, unit: 个, owners: [财务科, 办公室]}
          - {name: 乙, value: 2, unit: 个}
""")
    first, second = plan.sections[0].tasks
    units = Units(plan)
    assert units.task_duty(first) == Duty(("社会救助科",), ("财务科",))
    assert units.task_duty(second) == Duty(("办公室", "财务科"), ("社会救助科",))
    assert second.owners == ["办公室", "财务", "救助科"]
    assert units.target_duty(second, second.targets[0]) == Duty(("财务科",), ("办公室",))
    assert units.target_duty(second, second.targets[1]) == units.task_duty(second)
    assert units.leaders(units.task_duty(first)) == ("周副局长",)
    assert units.leaders(units.task_duty(second)) == () and units.has_leaders
