"""Placeholders are plain variables; every problem is found by validate, at its place."""
from pathlib import Path

import pytest

from generator.core.location import InputError
from generator.document.build import expand_text
from generator.plan.model import map_text, prose_texts
from generator.plan.load import load_plan, parse_plan
from generator.document.templating import LazyEnvironment

PLAN = """\
title: 示例区2024年工作要点
year: 2024
sections:
  - title: 甲
    tasks:
      - title: 乙。
        body: "{body}"
        targets: [{{name: 学位, value: 1200, unit: 个}}, {{name: 覆盖率, unit: "%"}}]
"""
FORM = "占位符只能是变量，如 {{ year }}、{{ period }}、{{ targets['名称'] }}"


def findings(body: str) -> list[str]:
    try:
        return [f.format() for f in parse_plan(PLAN.format(body=body), "p.yaml")[1]]
    except InputError as exc:
        return [f.format() for f in exc.findings]


@pytest.mark.parametrize("body, expected", [
    ("年底前达到{{ targets['学位'] }}。", []),
    ("{% raw %}写法为{{ year }}{% endraw %}。", []),
    ("{{ targets['不存在'] }}", ["p.yaml:7:15: E208 sections[0].tasks[0].body: 占位符引用的指标“不存在”不存在"]),
    ("{{ targets['覆盖率'] }}", ["p.yaml:7:15: W204 sections[0].tasks[0].body: 占位符引用的指标“覆盖率”尚无目标值，将印为空"]),
    ("{{ 1/0 }}", [f"p.yaml:7:15: E205 sections[0].tasks[0].body: {FORM}"]),
    ("{{ year.__class__ }}", [f"p.yaml:7:15: E205 sections[0].tasks[0].body: {FORM}"]),
    ("{{ 'a' * 100000000 }}", [f"p.yaml:7:15: E205 sections[0].tasks[0].body: {FORM}"]),
    ("{{ lipsum() }}", [f"p.yaml:7:15: E205 sections[0].tasks[0].body: {FORM}"]),
    ('{% include \\"x\\" %}', ["p.yaml:7:15: E205 sections[0].tasks[0].body: 文本中只能用 {% raw %}…{% endraw %} "
                               f"原样保留花括号，不能用其他语句；{FORM}"]),
    ("{% raw %}没有结束", ["p.yaml:7:15: E205 sections[0].tasks[0].body: 占位符语法错误：Missing end of raw directive"]),
])
def test_placeholder_findings(body, expected):
    assert findings(body) == expected


def test_duplicate_target_names_warn():
    text = PLAN.format(body="x").replace("name: 覆盖率", "name: 学位")
    assert [f.format() for f in parse_plan(text, "p.yaml")[1]] == [
        "p.yaml:8:60: W205 sections[0].tasks[0].targets[1].name: 指标名称“学位”与 sections[0].tasks[0].targets[0] 重复"]


EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_prose_texts_are_the_fields_placeholders_expand_in(example):
    """expand_text skips the copy when no prose text has a placeholder: the texts it checks
    must be exactly those map_text rewrites."""
    plan, _ = load_plan(example)
    seen: list[str] = []
    map_text(plan, lambda text: seen.append(text) or text)
    assert sorted(prose_texts(plan)) == sorted(seen)


def test_plan_without_placeholders_is_not_copied_but_one_with_them_is():
    plain, _ = parse_plan(PLAN.format(body="正文。"))
    marked, _ = parse_plan(PLAN.format(body="{{ year }}年正文。"))
    assert expand_text(plain, LazyEnvironment()) is plain
    expanded = expand_text(marked, LazyEnvironment())
    assert expanded.sections[0].tasks[0].body == "2024年正文。"
    assert marked.sections[0].tasks[0].body == "{{ year }}年正文。"
