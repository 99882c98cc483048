"""The shortcut that validates one task per shape never hides a finding the full cerberus
validation reports, and the batched paragraph writer makes the same XML as the slow path."""
import copy
import random
from pathlib import Path

from lxml import etree

from generator.plan import shapes as task_shapes, validate
from generator.plan.validate import validate_data
from generator.source.schema_check import make_validator
from generator.writers.docx.wordml import W, ParagraphBatch, paragraph
from generator.source.sourcemap import parse_yaml

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

PLAN = """\
title: 示例区2024年工作要点
year: 2024
sections:
  - title: 健全服务网络
    tasks:
      - title: 完善社区服务。
        body: 每季度检查一次。
        owners: [办公室]
      - title: 推进信息共享。
        body: 按月通报进展。
        owners: [财务科]
      - title: 落实回访制度。
        body: ""
        owners: [办公室]
"""


def _full(data, smap, monkeypatch):
    """Return the findings of the full validation, the shortcut switched off."""
    with monkeypatch.context() as patch:
        patch.setattr(validate, "plan_conforms", lambda data, make: False)
        return [f.format() for f in validate_data(data, smap)]


def test_shape_tells_apart_what_the_rules_test():
    shape = task_shapes.shape
    assert shape({"title": "甲", "owners": ["乙", "丙"]}) == shape({"title": "丁", "owners": ["戊"]})
    assert shape({"title": ""}) != shape({"title": "甲"})
    assert shape({"title": "甲", "year": 1}) != shape({"title": "甲", "year": 1.0})
    assert shape({"title": "甲", "body": "乙"}) != shape({"body": "乙", "title": "甲"})
    assert shape({"title": "甲", "items": ["乙", ""]}) != shape({"title": "甲", "items": ["乙"]})


def test_a_clean_plan_is_proved_by_shape_and_a_faulty_task_is_reported():
    data, smap = parse_yaml(PLAN, "p.yaml")
    assert task_shapes.plan_conforms(data, make_validator)
    data["sections"][0]["tasks"][1]["owners"] = [""]       # same keys, one empty name
    assert not task_shapes.plan_conforms(data, make_validator)
    assert [f.format() for f in validate_data(data, smap)] == [
        "p.yaml:11:18: E104 sections[0].tasks[1].owners[0]: 不能为空"]


def test_the_shortcut_agrees_with_the_full_validation(monkeypatch):
    values = [None, "", "甲", 0, 1.5, True, [], ["乙"], [""], [1], {}, {"a": 1}, [None],
              [{"name": "指标"}], [{"name": ""}], [{"bogus": 1}], [{"name": "指标", "value": []}]]
    keys = ["title", "body", "items", "owners", "deadline", "targets", "bogus"]
    rng = random.Random(2024)
    sources = [parse_yaml(PLAN, "p.yaml")] + [
        parse_yaml(path.read_text(encoding="utf-8"), str(path)) for path in EXAMPLES.glob("*.yaml")]
    for _ in range(300):
        data, smap = rng.choice(sources)
        data = copy.deepcopy(data)
        for _ in range(rng.randint(0, 2)):
            tasks = rng.choice(data["sections"]).get("tasks") or []
            if tasks:
                i = rng.randrange(len(tasks))
                if rng.random() < 0.1 or not isinstance(tasks[i], dict):
                    tasks[i] = copy.deepcopy(rng.choice(values))
                else:
                    tasks[i][rng.choice(keys)] = copy.deepcopy(rng.choice(values))
        assert [f.format() for f in validate_data(data, smap)] == _full(data, smap, monkeypatch)


def test_batched_paragraphs_are_the_paragraphs_written_one_by_one():
    runs_list = [
        [("1.", "WpLead3"), ("完善<社区>服务&网络。", "WpLead3"), (" 正文 ", None)],
        [("", "WpLead3"), ("\x01", "WpLead"), ("a]]>b", None)],
        [("一、示例", None)],
        [],
    ]
    slow = etree.Element(f"{{{W}}}body", nsmap={"w": W})
    fast = etree.Element(f"{{{W}}}body", nsmap={"w": W})
    batch = ParagraphBatch(fast)
    for runs in runs_list:
        paragraph(slow, "WpHeading3", runs)
        assert batch.add("WpHeading3", runs)
    for breaks in ("甲\t乙", "甲\n乙", "甲\r乙"):     # refused: written as w:tab / w:br instead
        assert not batch.add("WpHeading3", [("1.", None), (breaks, None)])
    batch.flush()
    assert etree.tostring(fast) == etree.tostring(slow)
