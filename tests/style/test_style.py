"""Style sheets: the bundled sheets' numbers, `extends`, and exact error lines."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.core.location import ToolError
from generator.style.sheet import load_style, size_points
from helpers import style_errors

ROOT = Path(__file__).resolve().parents[2]


def test_default_sheet_is_gbt9704_in_twips():
    sheet = load_style(None)
    assert sheet.name == "gbt9704"
    assert (sheet.page_width, sheet.page_height) == (11906, 16838)
    assert (sheet.margin_top, sheet.margin_bottom, sheet.margin_left, sheet.margin_right) == (
        2098, 1984, 1587, 1474)
    assert (sheet.lines, sheet.chars, sheet.pitch) == (22, 28, 579)
    assert sheet.lines * sheet.pitch <= sheet.text_height
    roles = sheet.roles
    assert (roles["body"].font, roles["body"].size, roles["body"].char_spacing) == (
        "仿宋_GB2312", 16, -0.25)
    assert (roles["title"].font, roles["title"].size) == ("方正小标宋简体", 22)
    assert (roles["heading1"].font, roles["heading2"].font) == ("黑体", "楷体_GB2312")
    assert (roles["page_number"].font, roles["page_number"].size) == ("宋体", 14)
    assert roles["issuer_mark"].color == "FF0000"


def test_28_characters_of_body_text_fit_the_type_area():
    sheet = load_style(None)
    body = sheet.roles["body"]
    assert sheet.chars * (body.size + body.char_spacing) * 20 <= sheet.text_width


def test_house_sheet_extends_the_default():
    house, base = load_style("house-28pt"), load_style(None)
    assert house.pitch == 560
    assert house.roles["lead"].bold is True and base.roles["lead"].bold is False
    assert house.roles["heading2"] == type(base.roles["heading2"])(font="楷体_GB2312", bold=True)
    assert house.roles["title"] == base.roles["title"]
    assert house.margin_top == base.margin_top


def test_sheet_by_path_extends_by_relative_path(tmp_path):
    (tmp_path / "base.yaml").write_text(
        (ROOT / "styles" / "gbt9704.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "mine.yaml").write_text(
        "extends: base.yaml\npage: {left: 27}\nroles:\n  title: {size: 小一}\n", encoding="utf-8")
    sheet = load_style(str(tmp_path / "mine.yaml"))
    assert sheet.margin_left == 1531
    assert sheet.roles["title"].size == 24
    assert sheet.roles["title"].font == "方正小标宋简体"      # merged, not replaced


def test_bad_size_and_unknown_keys_are_reported_with_their_place(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("extends: gbt9704\nroles:\n  body:\n    size: 三好\n"
                    "  titel: {bold: true}\n  title: {colour: FF0000}\n", encoding="utf-8")
    assert style_errors(path) == [
        f"{path}:4:11: E106 roles.body.size: 取值“三好”无效：应为字号名（如 三号、小二）或磅值（如 16、15.5pt）",
        f"{path}:5:3: E107 roles.titel: 未知字段“titel”，是否想写“title”？",
        f"{path}:6:11: E107 roles.title.colour: 未知字段“colour”，是否想写“color”？",
    ]


def test_wrong_types_and_values(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("extends: gbt9704\ngrid: {lines: 二十二}\nroles:\n"
                    "  body: {align: middle, color: red}\n", encoding="utf-8")
    assert style_errors(path) == [
        f"{path}:2:15: E102 grid.lines: 类型错误：应为整数",
        f"{path}:4:17: E103 roles.body.align: 取值“middle”无效：应为 “left”、“center”、“right”、“justify” 之一",
        f"{path}:4:32: E106 roles.body.color: 取值“red”无效：应为六位十六进制颜色（如 FF0000）",
    ]


def test_incomplete_sheet_without_extends(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("description: 只有描述\n", encoding="utf-8")
    assert style_errors(path) == [f"{path}:1:1: E101 {field}: 必填项缺失"
                             for field in ("breakdown", "grid", "header", "imprint", "page", "roles",
                                           "signature")]


def test_sheet_without_extends_gets_every_finding_at_once(tmp_path):
    """A sheet that extends none is checked whole, once: wrong values and missing sections
    are reported together."""
    path = tmp_path / "x.yaml"
    path.write_text("page: 3\n", encoding="utf-8")
    assert style_errors(path) == [f"{path}:1:1: E101 {field}: 必填项缺失"
                             for field in ("breakdown", "grid", "header", "imprint", "roles", "signature")
                             ] + [f"{path}:1:7: E102 page: 类型错误：应为映射（键: 值）"]


def test_sheet_that_is_a_list_is_reported(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("- a\n- b\n", encoding="utf-8")
    assert style_errors(path) == [f"{path}:1:1: E005 文件顶层应为映射（键: 值），而不是列表或文本"]


def test_extends_cycle(tmp_path):
    (tmp_path / "a.yaml").write_text("extends: b.yaml\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("extends: a.yaml\n", encoding="utf-8")
    assert style_errors(tmp_path / "a.yaml") == [
        f"{tmp_path / 'b.yaml'}:1:10: E108 extends: 样式表循环继承：“a.yaml”"]


def test_missing_sheet_is_a_tool_error():
    with pytest.raises(ToolError, match="找不到样式表“nosuch”（内置样式表：.*gbt9704.*house-28pt"):
        load_style("nosuch")


@pytest.mark.parametrize("value, points", [
    ("初号", 42), ("小初", 36), ("二号", 22), ("三号", 16), ("四号", 14), ("小四", 12),
    ("五号", 10.5), (16, 16), (15.5, 15.5), ("15.5pt", 15.5), ("28 pt", 28)])
def test_size_names(value, points):
    assert size_points(value) == points


def test_render_with_a_bad_style_exits_1_with_the_lines(tmp_path):
    style = tmp_path / "bad.yaml"
    style.write_text("extends: gbt9704\nroles:\n  body: {size: 大号}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(ROOT / "examples" / "jiaoyu-2022.yaml"),
                                       "-o", str(tmp_path / "x.docx"), "--style", str(style)])
    assert result.exit_code == 1
    assert (f"{style}:3:16: E106 roles.body.size: 取值“大号”无效：应为字号名（如 三号、小二）"
            "或磅值（如 16、15.5pt）") in result.output
    assert not (tmp_path / "x.docx").exists()


def test_render_with_house_style(tmp_path):
    out = tmp_path / "x.docx"
    result = CliRunner().invoke(main, ["render", str(ROOT / "examples" / "minzheng-2021.yaml"),
                                       "-o", str(out), "--style", "house-28pt"])
    assert result.exit_code == 0, result.output
    assert b"PK" == out.read_bytes()[:2]


@pytest.mark.parametrize("text, line", [
    ("page:\n  left: 200\n  right: 100\n",
     "3:9: E109 page.left: 版心宽度为 -90 毫米（纸张宽度减去左右页边距）：应大于 0"),
    ("page: {width: 1}\n",
     "2:15: E109 page.width: 版心宽度为 -53 毫米（纸张宽度减去左右页边距）：应大于 0"),
    ("page: {top: 200, bottom: 100}\n",
     "2:13: E109 page.top: 版心高度为 -3 毫米（纸张高度减去上下页边距）：应大于 0"),
    ("grid: {chars: 40}\n",
     "2:15: E110 grid.chars: 每行 40 字需 222.2 毫米，超出版心宽度 156 毫米"),
    ("roles:\n  body: {size: 二号}\n",
     "3:16: E110 roles.body.size: 每行 28 字需 214.8 毫米，超出版心宽度 156 毫米"),
    ("grid: {lines: 40}\n",
     "2:15: E111 grid.lines: 每面 40 行需 408.5 毫米，超出版心高度 225 毫米"),
    ("grid: {pitch: 1}\n",
     "2:15: E112 grid.pitch: 行距 0.05 磅不合理：应在正文字号 16 磅至 72 磅之间"),
    ("grid: {pitch: 99999999}\n",
     "2:15: E112 grid.pitch: 行距 4999999.95 磅不合理：应在正文字号 16 磅至 72 磅之间"),
    ("roles:\n  title: {size: 1, char_spacing: -5}\n",
     "3:34: E113 roles.title.char_spacing: 字号 1 磅加字距 -5 磅后字宽不为正：应大于 0"),
    ("header: {mark_top: 215}\n",
     "2:20: E114 header.mark_top: 发文机关标志距版心上边缘 215 毫米，加一行标志后超出版心高度 225 毫米"),
    ("page: {footer: 31}\n",
     "2:16: E115 page.footer: 页脚距页面下边缘 31 毫米，加页码行高后为 35.9 毫米，超出下页边距 35 毫米："
     "版心会被压缩"),
    ("roles:\n  table: {line: 11pt}\n",
     "3:17: E116 roles.table.line: 行距 11 磅小于字号 12 磅：文字会被截去"),
    ("header: {rule_width: 20}\n", "2:22: E105 header.rule_width: 值 20 过大：不应大于 12"),
    ("imprint: {inner_rule: 0}\n", "2:23: E105 imprint.inner_rule: 值 0 过小：不应小于 0.1"),
])
def test_geometry_that_cannot_be_laid_out_is_reported(tmp_path, text, line):
    path = tmp_path / "x.yaml"
    path.write_text("extends: gbt9704\n" + text, encoding="utf-8")
    assert style_errors(path) == [f"{path}:{line}"]


def test_geometry_inherited_from_the_parent_is_located_at_the_section(tmp_path):
    (tmp_path / "base.yaml").write_text(
        (ROOT / "styles" / "gbt9704.yaml").read_text(encoding="utf-8").replace(
            "  chars: 28 ", "  chars: 30 "), encoding="utf-8")
    path = tmp_path / "mine.yaml"
    path.write_text("extends: base.yaml\ngrid: {lines: 20}\n", encoding="utf-8")
    assert style_errors(path) == [
        f"{path}:2:7: E110 grid.chars: 每行 30 字需 166.7 毫米，超出版心宽度 156 毫米"]


def test_render_with_an_impossible_page_exits_1_without_traceback(tmp_path):
    style = tmp_path / "s9.yaml"
    style.write_text("extends: gbt9704\npage:\n  left: 200\n  right: 100\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(ROOT / "examples" / "minzheng-2021.yaml"),
                                       "-o", str(tmp_path / "x.docx"), "--style", str(style)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"{style}:3:9: E109 page.left: 版心宽度为 -90 毫米（纸张宽度减去左右页边距）：应大于 0"]
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize("text, line", [
    ("extends: gbt9704\npage: {width: .nan}\n", "2:15: E105 page.width: 值 .nan 不是有限的数"),
    ("extends: gbt9704\nheader: {title_gap: .inf}\n", "2:21: E105 header.title_gap: 值 .inf 不是有限的数"),
    ("extends: gbt9704\nroles: {title: {size: '0.01pt'}}\n",
     "2:23: E105 roles.title.size: 值“0.01pt”超出范围：应在 1–200 磅之间"),
    ("extends: gbt9704\nroles: {title: {size: '99999pt'}}\n",
     "2:23: E105 roles.title.size: 值“99999pt”超出范围：应在 1–200 磅之间"),
    ("extends: gbt9704\nroles: {body: {before: 9999mm}}\n",
     "2:24: E105 roles.body.before: 值“9999mm”超出范围：应在 0–1584 磅之间"),
    ("extends: gbt9704\ngrid: {pitch: 0.001pt}\n",
     "2:15: E105 grid.pitch: 值“0.001pt”超出范围：应在 0.05–1584 磅之间"),
])
def test_numbers_the_schema_ranges_let_through(tmp_path, text, line):
    path = tmp_path / "own.yaml"
    path.write_text(text, encoding="utf-8")
    assert style_errors(path) == [f"{path}:{line}"]


def test_extends_naming_a_file_that_is_not_a_sheet(tmp_path):
    (tmp_path / "words.txt").write_text("just some words\n", encoding="utf-8")
    path = tmp_path / "own.yaml"
    path.write_text("extends: words.txt\n", encoding="utf-8")
    assert style_errors(path) == [f"{path}:1:10: E108 extends: “words.txt”不是样式表（文件顶层不是映射）"]
