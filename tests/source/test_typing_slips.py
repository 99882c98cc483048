"""YAML typed with a Chinese input method: each slip named, located on its own line and
column, with what to type instead (E010–E012), whether or not PyYAML reads the line."""
import pytest

from helpers import invoke

PLAN = """\
title: 示例区2022年工作要点
year: 2022
notice:
  issuer_mark: 示例区民政局文件
  signature: 示例区民政局
  date: 2022-03-01
preamble: 总体要求。
sections:
  - title: 甲部分
    tasks:
      - title: 做好第一件事。
      - title: 做好第二件事。
"""

COLON = "把全角冒号“：”改为半角“:”，其后留一个半角空格"
SPACE = "行首用了全角空格“　”缩进：缩进只能用半角空格，请删去全角空格，改用半角空格对齐到所属层级"


def _validate(tmp_path, old: str, new: str):
    path = tmp_path / "2022.yaml"
    assert old in PLAN
    path.write_text(PLAN.replace(old, new, 1), encoding="utf-8")
    result = invoke("validate", str(path))
    return path, result.exit_code, result.stdout.splitlines()


@pytest.mark.parametrize("old, new, where, message", [
    ("year: 2022", "year：2022", "2:5", f"E010 “year”后是全角冒号“：”：{COLON}（year: ……）"),
    ("  date: 2022", "  date：2022", "6:7", f"E010 “date”后是全角冒号“：”：{COLON}（date: ……）"),
    ("  - title: 甲部分", "  - title：甲部分", "9:10", f"E010 “title”后是全角冒号“：”：{COLON}（title: ……）"),
    ("  signature:", "　　signature:", "5:1", f"E010 {SPACE}"),
    ("      - title: 做好第二件事。", "     　- title: 做好第二件事。", "12:6", f"E010 {SPACE}"),
    ("  - title: 甲部分", "  － title: 甲部分", "9:3",
     "E010 列表符号是全角“－”：把全角“－”改为半角“-”，其后留一个半角空格"),
    ("year: 2022", "year:2022", "2:6",
     "E011 “year:”后缺少空格，YAML 会把整行当作文字：在半角冒号后加一个空格，写成“year: 2022”"),
    ("      - title: 做好第二件事。", "      - title:做好第二件事。", "12:15",
     "E011 “title:”后缺少空格，YAML 会把整行当作文字：在半角冒号后加一个空格，写成“title: 做好第二件事。”"),
    ("preamble: 总体要求。", "preamble: {{ year }}年是关键之年。", "7:11",
     "E012 以“{{”开头的值须整体加引号，否则 YAML 把它当作映射：写成 preamble: \"{{ year }}年是关键之年。\""),
    ("preamble: 总体要求。", "preamble: {{ year }}", "7:11",
     "E012 以“{{”开头的值须整体加引号，否则 YAML 把它当作映射：写成 preamble: \"{{ year }}\""),
])
def test_each_slip_is_named_on_its_own_line(tmp_path, old, new, where, message):
    path, code, lines = _validate(tmp_path, old, new)
    assert (code, lines) == (1, [f"{path}:{where}: {message}"])


def test_several_slips_each_reported_in_line_order(tmp_path):
    path = tmp_path / "2022.yaml"
    path.write_text(PLAN.replace("year: 2022", "year：2022").replace("  date: 2022", "  date:2022")
                    .replace("  - title: 甲部分", "  － title: 甲部分"), encoding="utf-8")
    assert invoke("validate", str(path)).stdout.splitlines() == [
        f"{path}:2:5: E010 “year”后是全角冒号“：”：{COLON}（year: ……）",
        f"{path}:6:8: E011 “date:”后缺少空格，YAML 会把整行当作文字：在半角冒号后加一个空格，写成“date: 2022-03-01”",
        f"{path}:9:3: E010 列表符号是全角“－”：把全角“－”改为半角“-”，其后留一个半角空格",
    ]


def test_a_syntax_error_before_the_slip_is_still_reported(tmp_path):
    path, code, lines = _validate(tmp_path, "title: 示例区2022年工作要点", "title: [示例区2022年工作要点")
    assert code == 1 and lines[0].startswith(f"{path}:2:5: E001 ")


@pytest.mark.parametrize("text", [
    "preamble: |\n  {{ year }}年是关键之年。\n  　　title: 不是键\n  year：1\nsections: []\n",
    "recipients: 各街道办事处：\nbody: '{{ year }}年'\nurl: http://example.org\ntime: 12:30\n",
    "body: >-\n  　　- 段落\n  notice：文字\n",
])
def test_text_that_only_looks_like_a_slip_is_left_alone(text):
    from generator.source.sourcemap import parse_yaml
    parse_yaml(text, "p.yaml")      # no InputError


def test_prose_continuing_on_a_line_of_its_own_is_not_a_key():
    from generator.source.sourcemap import parse_yaml
    data, _ = parse_yaml("body: 全区推进数字政务，\n  GDP：增长百分之六。\n", "p.yaml")
    assert data == {"body": "全区推进数字政务， GDP：增长百分之六。"}


def test_a_word_that_is_no_key_of_the_formats_is_text():
    """Only the formats' own keys are taken for mistyped keys: a list item "a：b" or
    "ab:c" is text (found by the dump round trip's property test), "title：" is a slip."""
    from generator.core.location import InputError
    from generator.plan import schema  # noqa: F401  (registers the plan's keys)
    from generator.source.sourcemap import parse_yaml
    data, _ = parse_yaml("items:\n  - a：b\n  - ab:c\n", "p.yaml")
    assert data == {"items": ["a：b", "ab:c"]}
    with pytest.raises(InputError) as caught:
        parse_yaml("items:\n  - title：b\n", "p.yaml")
    assert [f.code for f in caught.value.findings] == ["E010"]
