"""The source map gives each key's and value's line and column; loading is safe."""
import pytest

from generator.core.location import InputError
from generator.source.sourcemap import MAX_NODES, parse_yaml

TEXT = """\
title: 计划
year: 2021
sections:
  - title: 甲
    tasks:
      - title: 乙。
        body: 丙
  -   title: 丁
"""


def test_source_map_positions():
    data, smap = parse_yaml(TEXT, "p.yaml")
    assert data["sections"][1]["title"] == "丁"
    assert smap.keys[("year",)] == (2, 1)
    assert smap.values[("year",)] == (2, 7)
    assert smap.values[("sections", 0)] == (4, 5)
    assert smap.keys[("sections", 0, "tasks", 0, "body")] == (7, 9)
    assert smap.values[("sections", 0, "tasks", 0, "body")] == (7, 15)
    assert smap.values[("sections", 1, "title")] == (8, 14)


def test_locate_falls_back_to_nearest_ancestor():
    _, smap = parse_yaml(TEXT, "p.yaml")
    where = smap.locate(("sections", 1, "tasks", 0, "title"))
    assert (where.line, where.col) == (8, 7)
    assert str(where) == "p.yaml:8:7"


def test_timestamps_stay_text_and_numbers_are_numbers():
    data, _ = parse_yaml("a: 2021-02-30\nb: 12\nc: 1.5\nd: true\ne: null\n", "p.yaml")
    assert data == {"a": "2021-02-30", "b": 12, "c": 1.5, "d": True, "e": None}


@pytest.mark.parametrize("text, value", [
    ("a: !!int\n", ""), ("a: !!int +\n", "+"), ("a: !!float +\n", "+"), ("a: !!int 0x\n", "0x")])
def test_explicit_number_tag_without_digits_stays_text(text, value):
    """PyYAML's own constructor fails on these (IndexError); they stay text for the schema
    to report as the wrong type."""
    data, _ = parse_yaml(text, "p.yaml")
    assert data == {"a": value}


def test_positions_of_keys_values_and_ends_in_file_order():
    _, smap = parse_yaml("b: 1\na:\n  - x\n  - {c: 2}\n", "p.yaml")
    assert list(smap.keys.items()) == [(("b",), (1, 1)), (("a",), (2, 1)),
                                       (("a", 1, "c"), (4, 6))]
    assert list(smap.values) == [(), ("b",), ("a",), ("a", 0), ("a", 1), ("a", 1, "c")]
    assert smap.ends[("a", 1)] == (4, 11)


def _codes(text):
    with pytest.raises(InputError) as info:
        parse_yaml(text, "p.yaml")
    return [f.format() for f in info.value.findings]


def test_python_tags_are_refused():
    assert _codes("a: !!python/object/apply:os.system [ls]\n") == [
        "p.yaml:1:4: E003 不支持的 YAML 标签 tag:yaml.org,2002:python/object/apply:os.system（只允许普通数据）"]


def test_duplicate_keys_are_refused():
    assert _codes("a: 1\na: 2\n") == ["p.yaml:2:1: E004 重复的键 “a”"]


def test_alias_bomb_is_refused():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [{', '.join(['*' + chr(96 + i)] * 10)}]")
    messages = _codes("\n".join(lines) + "\n")
    assert len(messages) == 1
    assert messages[0].endswith(f"E002 文件展开后节点过多（上限 {MAX_NODES}），可能是别名炸弹")


def test_syntax_error_is_located():
    assert _codes("a: [1, 2\nb: 3\n") == [
        "p.yaml:2:2: E001 YAML 语法错误：缺少“,”或“]”（did not find expected ',' or ']'）"]


@pytest.mark.parametrize("text, value", [
    ("seal: !!bool maybe\n", "maybe"),       # PyYAML's bool table has no "maybe": KeyError
    ("seal: !!bool yes\n", True),
])
def test_explicit_bool_tag_with_another_word_stays_text(text, value):
    data, _ = parse_yaml(text, "p.yaml")
    assert data == {"seal": value}


@pytest.mark.parametrize("text, where, code_point", [
    ("title: a\x01b\nyear: 2023\n", "p.yaml:1:9", "0001"),
    ("title: 计划\nyear: 2023\nnote: \"甲\x7f\"\n", "p.yaml:3:9", "007F"),
])
def test_control_character_is_one_located_line(text, where, code_point):
    with pytest.raises(InputError) as error:
        parse_yaml(text, "p.yaml")
    assert str(error.value).splitlines() == [
        f"{where}: E001 YAML 语法错误：有 YAML 不允许的控制字符 U+{code_point}（编辑器里可能看不见），请删去"]
