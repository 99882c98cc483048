"""Splices into YAML text at source-map positions: the values a user leaves empty or writes
as block scalars are replaced without touching the lines around them."""
from generator.plan.load import parse_plan
from generator.rollover.roll import roll_over
from generator.source.text_edit import TextEditor
from generator.source.sourcemap import parse_yaml

TEXT = """\
a:
b:\t
c:   # 待定
d: >-
e: |
  两行
  文本

f: 1
"""


def replaced(parts: tuple, raw: str) -> str:
    data, smap = parse_yaml(TEXT, "t.yaml")
    editor = TextEditor(TEXT, smap)
    editor.replace(parts, raw)
    return editor.result()


def test_an_empty_value_gets_the_space_yaml_needs():
    assert replaced(("a",), "1").splitlines()[0] == "a: 1"
    assert replaced(("b",), "2").splitlines()[1] == "b: 2\t"
    assert replaced(("c",), "3").splitlines()[2] == "c: 3   # 待定"


def test_a_block_scalar_is_replaced_without_the_line_breaks_after_it():
    lines = replaced(("d",), "4").splitlines()
    assert lines[3:5] == ["d: 4", "e: |"]
    lines = replaced(("e",), "5").splitlines()
    assert lines[4:] == ["e: 5", "", "f: 1"]


def test_the_raw_text_of_a_block_scalar_ends_with_its_content():
    data, smap = parse_yaml(TEXT, "t.yaml")
    assert TextEditor(TEXT, smap).raw(("e",)) == "|\n  两行\n  文本"


PLAN = """\
title: 示例区2025年工作要点
year: 2025
sections:
  - title: 甲
    tasks:
      - title: 做好一件事。
        targets:
          - name: 覆盖率
            value: 90
            unit: "%"
            baseline:\t
          - name: 场次
            value: 12
            unit: 场
            baseline: >-
          - name: 人次
            value: 300
            unit: 人次
"""


def test_rollover_fills_a_baseline_left_empty():
    """A baseline written empty (``baseline:`` with a tab, or an empty folded scalar) takes
    last year's value; the plan reads back with every other line as it was."""
    result = roll_over(PLAN, "p.yaml", 2026)
    lines = result.text.splitlines()
    assert lines[10] == "            baseline: 90\t"
    assert lines[14:16] == ["            baseline: 12", "          - name: 人次"]
    plan, _ = parse_plan(result.text)
    targets = plan.sections[0].tasks[0].targets
    assert [(t.value, t.baseline) for t in targets] == [(None, 90), (None, 12), (None, 300)]
    assert result.moved[2:4] == ["sections[0].tasks[0].targets[0].baseline：（无） → 90",
                                 "sections[0].tasks[0].targets[1].baseline：（无） → 12"]
