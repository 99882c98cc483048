"""Exact validator messages for broken plans: file:line:col: CODE field: message."""
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main

BROKEN = Path(__file__).resolve().parents[1] / "data" / "broken"


def validate(*args):
    result = CliRunner().invoke(main, ["validate", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout.splitlines()


def test_missing_fields():
    code, lines = validate(str(BROKEN / "missing.yaml"))
    p = str(BROKEN / "missing.yaml")
    assert code == 1
    assert lines == [
        f"{p}:1:1: E101 year: 必填项缺失",
        f"{p}:5:9: E101 sections[0].tasks[0].title: 必填项缺失",
        f"{p}:7:5: E101 sections[1].title: 必填项缺失",
    ]


def test_wrong_types_and_values():
    code, lines = validate(str(BROKEN / "types.yaml"))
    p = str(BROKEN / "types.yaml")
    assert code == 1
    assert lines == [
        f"{p}:2:7: E102 year: 类型错误：应为整数",
        f"{p}:4:10: E103 numbering.scope: 取值“global”无效：应为 “continuous”、“section” 之一",
        f"{p}:5:10: E103 numbering.label: 取值“1、”无效：应为 “1.”、“（一）” 之一",
        f"{p}:7:12: E102 sections[0].title: 类型错误：应为文本",
        f"{p}:8:12: E102 sections[0].tasks: 类型错误：应为列表",
        f"{p}:10:12: E102 sections[1].intro: 类型错误：应为文本或列表",
        f"{p}:15:9: E102 notice.seal: 类型错误：应为是/否（true/false）",
    ]


def test_checks_beyond_types():
    code, lines = validate(str(BROKEN / "semantic.yaml"))
    p = str(BROKEN / "semantic.yaml")
    assert code == 1
    assert lines == [
        f"{p}:1:8: W201 title: 标题中的年份 2020 与 year: 2021 不一致",
        f"{p}:5:15: E202 notice.doc_number: 发文字号“示民发(2021)第012号”的年份应为四位数字并用六角括号〔〕括入",
        f"{p}:5:15: E203 notice.doc_number: 发文字号“示民发(2021)第012号”的序号不加“第”、不编虚位（不加前导 0）",
        f"{p}:7:9: E201 notice.date: “2021-02-29”不是有效日期（应写作 2021-03-23 或 2021年3月23日）",
        f"{p}:10:11: W203 notice.imprint.date: 日期 2022-01-05 不在 2021 年",
        f"{p}:15:19: E201 sections[0].tasks[0].deadline: “2021-13-01”不是有效日期（应写作 2021-03-23 或 2021年3月23日）",
        f"{p}:18:20: E204 sections[0].tasks[0].targets[0].unit: 指标有数值但缺少单位（unit）",
    ]


def test_unknown_keys_near_a_known_one_are_errors_others_warn():
    p = str(BROKEN / "unknown.yaml")
    fix = "否则其内容不会输出"
    assert validate(p) == (1, [
        f"{p}:3:1: E120 preambel: 未知字段“preambel”，疑为“preamble”的笔误：请改为“preamble”，{fix}",
        f"{p}:6:5: E120 sections[0].taskz: 未知字段“taskz”，疑为“tasks”的笔误：请改为“tasks”，{fix}",
        f"{p}:9:9: E120 sections[0].tasks[0].titel: 未知字段“titel”，疑为“title”的笔误：请改为“title”，{fix}",
        f"{p}:11:9: E120 sections[0].tasks[0].ownres: 未知字段“ownres”，疑为“owners”的笔误：请改为“owners”，{fix}",
        f"{p}:12:9: W101 sections[0].tasks[0].colour: 未知字段“colour”",
    ])


def test_a_truly_unknown_key_warns_with_a_distant_hint(tmp_path):
    p = tmp_path / "plan.yaml"
    p.write_text("title: 示例区2021年工作要点\nyear: 2021\nsections:\n  - title: 甲\n"
                 "    tasks:\n      - title: 乙。\n        tags: [x]\n        remark: 备忘\n",
                 encoding="utf-8")
    expected = [f"{p}:7:9: W101 sections[0].tasks[0].tags: 未知字段“tags”，是否想写“targets”？",
                f"{p}:8:9: W101 sections[0].tasks[0].remark: 未知字段“remark”"]
    assert validate(str(p)) == (0, expected)
    assert validate("--strict", str(p)) == (1, expected)


def test_top_level_must_be_a_mapping():
    p = str(BROKEN / "notalist.yaml")
    assert validate(p) == (1, [f"{p}:1:1: E005 文件顶层应为映射（键: 值），而不是列表或文本"])


def test_several_files_all_reported_sorted(tmp_path):
    a, b = str(BROKEN / "notalist.yaml"), str(BROKEN / "missing.yaml")
    code, lines = validate(a, b)
    assert code == 1
    assert [line.split(":")[0] for line in lines] == [b, b, b, a]


def test_yaml_syntax_error_same_format(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("title: 甲\nsections:\n  - title: 乙\n   tasks: []\n", encoding="utf-8")
    code, lines = validate(str(path))
    assert code == 1
    assert lines == [f"{path}:4:4: E001 YAML 语法错误：缺少列表符号“-”（检查缩进）"
                     "（did not find expected '-' indicator）"]


def test_placeholders_checked(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text('title: 计划{{ yr }}\nyear: 2021\npreamble: "{{ year "\nsections: [{title: 甲}]\n',
                    encoding="utf-8")
    assert validate(str(path)) == (1, [
        f"{path}:1:8: E206 title: 未知的占位符变量“yr”（可用：year、last_year、next_year、period、phase、targets）",
        f"{path}:3:11: E205 preamble: 占位符语法错误：unexpected end of template, expected 'end of print statement'.",
    ])


def test_size_limit_and_empty_file(tmp_path, monkeypatch):
    import generator.source.sourcemap as ys
    empty = tmp_path / "empty.yaml"
    empty.write_text("\n  \n", encoding="utf-8")
    assert validate(str(empty)) == (1, [f"{empty}:1:1: E006 文件为空"])
    big = tmp_path / "big.yaml"
    big.write_text("title: " + "长" * 100 + "\n", encoding="utf-8")
    monkeypatch.setattr(ys, "MAX_BYTES", 64)
    assert validate(str(big)) == (1, [f"{big}: E002 文件过大（308 字节，上限 64 字节）"])


def test_not_utf8(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes("title: 计划\n".encode("gbk"))
    assert validate(str(path)) == (1, [f"{path}:1:8: E007 文件不是 UTF-8 文本（第 8 字节）"])


def test_lone_surrogate_in_a_placeholder_prints_as_its_escape(tmp_path):
    # The YAML text holds \ud800 as Jinja's escape: the target name is a lone surrogate,
    # which cannot be written as UTF-8 and crashed printing the message (r4).
    plan = tmp_path / "p.yaml"
    plan.write_text("title: \"{{ targets['\\\\ud800'] }}\"\nyear: 2023\nsections: [{title: 甲}]\n",
                    encoding="utf-8")
    assert validate(str(plan)) == (1, [f"{plan}:1:8: E208 title: 占位符引用的指标“\\ud800”不存在"])
