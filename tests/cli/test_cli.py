"""The workplan CLI through click's CliRunner: outputs, exit codes, no tracebacks."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from helpers import SMALL, invoke

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "2021.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_render_text_reads_like_the_document(small, tmp_path):
    out = tmp_path / "out.txt"
    result = invoke("render", str(small), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines() == [
        "示例区民政局文件", "", "示民发〔2021〕3号", "",
        "关于印发《示例区2021年工作要点》的通知", "", "各街道办事处：", "",
        "　　现将《示例区2021年工作要点》印发给你们，请结合实际认真抓好贯彻落实。", "",
        "示例区民政局", "2021年3月5日", "",
        "示例区2021年工作要点", "", "　　总体要求。", "",
        "一、甲部分", "", "　　1.做好第一件事。具体内容。", "", "　　（1）条目一。", "",
        "　　（2）条目二。", "", "二、乙部分", "", "　　2.做好第二件事。", "",
        "抄送：区委办公室。", "示例区民政局办公室　　2021年3月6日印发",
    ]


def test_user_template_changes_the_notice_wording(small, tmp_path):
    custom = tmp_path / "tpl" / "notice"
    custom.mkdir(parents=True)
    (custom / "body.j2").write_text("现将《{{ plan.title }}》印发给你们，请认真遵照执行。\n", encoding="utf-8")
    result = invoke("render", str(small), "--templates", str(tmp_path / "tpl"))
    assert "　　现将《示例区2021年工作要点》印发给你们，请认真遵照执行。" in result.stdout.splitlines()


def test_user_template_is_sandboxed(small, tmp_path):
    custom = tmp_path / "tpl" / "notice"
    custom.mkdir(parents=True)
    (custom / "body.j2").write_text("{{ plan.__class__.__init__.__globals__ }}\n", encoding="utf-8")
    result = invoke("render", str(small), "--templates", str(tmp_path / "tpl"))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"错误：{custom / 'body.j2'}:1: 模板渲染失败：SecurityError：access to attribute '__init__' of "
        "'StrictUndefined' object is unsafe."]


def test_render_many_to_a_folder(tmp_path):
    out = tmp_path / "out"
    result = invoke("render", *map(str, EXAMPLES), "-o", f"{out}/")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{p.stem}.txt" for p in EXAMPLES)


def test_render_batch_shows_progress_for_long_batches(small, tmp_path):
    plans = []
    for i in range(25):
        path = tmp_path / f"p{i}.yaml"
        path.write_text(SMALL, encoding="utf-8")
        plans.append(str(path))
    out = tmp_path / "out"
    result = invoke("render", *plans, "-o", str(out))
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines[0] == f"未指定 -f：按默认格式 txt 输出到 {out}（可用 -f docx 或 -f pdf）"
    assert lines[-2:] == ["渲染 25/25（100%）", f"渲染完成：25 个计划，写出 25 个文件到 {out}"]
    assert len(lines) == 15             # the format, 13 progress lines, the summary
    assert len(list(out.iterdir())) == 25


def test_render_never_writes_over_its_input(small):
    copy = small.with_suffix(".txt")
    copy.write_text("原文件", encoding="utf-8")
    result = invoke("render", str(copy), "-o", str(copy))
    assert result.exit_code == 2
    assert result.stderr == f"错误：{copy}: 输出文件不能与输入文件相同\n"
    assert copy.read_text(encoding="utf-8") == "原文件"


def test_failed_render_leaves_previous_output(small, tmp_path):
    out = tmp_path / "out.txt"
    out.write_text("上次的结果", encoding="utf-8")
    small.write_text(SMALL.replace("year: 2021\n", ""), encoding="utf-8")
    result = invoke("render", str(small), "-o", str(out))
    assert result.exit_code == 1
    assert (result.stdout, result.stderr) == ("", f"{small}:1:1: E101 year: 必填项缺失\n")
    assert out.read_text(encoding="utf-8") == "上次的结果"
    assert list(tmp_path.glob(".out.txt.*")) == []


@pytest.mark.parametrize("args, message", [
    (["validate", "nope.yaml"], "错误：nope.yaml: 无法读取文件：文件或文件夹不存在（No such file or directory）\n"),
    (["render", "nope.yaml", "-o", "x.txt"], "错误：nope.yaml: 无法读取文件：文件或文件夹不存在（No such file or directory）\n"),
    (["outline", "nope.yaml"], "错误：nope.yaml: 无法读取文件：文件或文件夹不存在（No such file or directory）\n"),
])
def test_missing_file_exits_2(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke(*args)
    assert (result.exit_code, result.stderr) == (2, message)


def test_bad_option_and_format_exit_2(small):
    assert invoke("render", str(small), "--no-such-option").exit_code == 2
    result = invoke("render", str(small), "-o", "x.odt")
    assert (result.exit_code, result.stderr) == (
        2, "错误：x.odt: 不支持的输出格式“.odt”（可用：.txt、.docx、.pdf）\n")


def test_outline_json_shape(small):
    result = invoke("outline", str(small), "--json")
    data = json.loads(result.stdout)
    assert list(data) == ["title", "year", "numbering", "notice", "sections"]
    assert data["year"] == 2021
    assert data["notice"]["doc_number"] == "示民发〔2021〕3号"
    assert data["notice"]["title"] == "关于印发《示例区2021年工作要点》的通知"
    assert data["notice"]["date"] == "2021年3月5日"
    assert data["notice"]["imprint"] == {"cc": ["区委办公室"], "printer": "示例区民政局办公室",
                                         "date": "2021年3月6日"}
    assert data["sections"] == [
        {"number": "一、", "title": "甲部分", "intro": [],
         "tasks": [{"number": "1.", "lead": "做好第一件事。"}]},
        {"number": "二、", "title": "乙部分", "intro": [],
         "tasks": [{"number": "2.", "lead": "做好第二件事。"}]},
    ]


def test_outline_for_people(small):
    assert invoke("outline", str(small)).stdout.splitlines() == [
        "示例区2021年工作要点（2021年）",
        "通知：示民发〔2021〕3号 关于印发《示例区2021年工作要点》的通知（示例区民政局，2021年3月5日）",
        "一、甲部分", "    1.做好第一件事。", "二、乙部分", "    2.做好第二件事。",
    ]


def test_outline_without_notice_is_null():
    data = json.loads(invoke("outline", str(ROOT / "examples" / "jiaoyu-2022.yaml"), "--json").stdout)
    assert data["notice"] is None
    assert [t["number"] for t in data["sections"][2]["tasks"]] == ["（一）", "（二）"]


def test_new_writes_a_valid_commented_plan(tmp_path):
    path = tmp_path / "plans" / "2022.yaml"
    assert invoke("new", str(path)).exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 2022 年工作要点")
    assert "year: 2022" in text
    assert invoke("validate", str(path)).exit_code == 0
    result = invoke("new", str(path))
    assert (result.exit_code, result.stderr) == (2, f"错误：{path}: 文件已存在（用 --force 覆盖）\n")
    assert invoke("new", str(path), "--force", "--year", "2030").exit_code == 0
    assert "year: 2030" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_validate_clean(example):
    result = invoke("validate", "--strict", str(example))
    assert (result.exit_code, result.stdout) == (0, "")


def test_text_to_stdout_keeps_warnings_on_stderr(small):
    small.write_text(SMALL.replace("preamble:", "memo: 备忘\npreamble:"), encoding="utf-8")
    result = invoke("render", str(small))
    assert result.exit_code == 0
    assert result.stderr == f"{small}:10:1: W101 memo: 未知字段“memo”\n"
    assert result.stdout.startswith("示例区民政局文件\n")


def test_unknown_numbering_key_is_only_a_warning(small):
    small.write_text(SMALL.replace("preamble:", "numbering: {scope: section, style: x}\npreamble:"),
                     encoding="utf-8")
    result = invoke("render", str(small))
    assert result.exit_code == 0
    assert result.stderr == f"{small}:10:29: W101 numbering.style: 未知字段“style”\n"


@pytest.mark.parametrize("wrong, right, line", [("notcie", "notice", 3), ("recipents", "recipients", 6)])
def test_a_misspelt_key_stops_the_render_instead_of_dropping_its_content(small, tmp_path, wrong,
                                                                          right, line):
    small.write_text(SMALL.replace(f"{right}:", f"{wrong}:"), encoding="utf-8")
    out = tmp_path / "out.docx"
    result = invoke("render", str(small), "-o", str(out))
    assert result.exit_code == 1
    col = 1 if wrong == "notcie" else 3
    path = wrong if wrong == "notcie" else f"notice.{wrong}"
    assert result.stderr == (f"{small}:{line}:{col}: E120 {path}: 未知字段“{wrong}”，疑为“{right}”的笔误："
                             f"请改为“{right}”，否则其内容不会输出\n")
    assert not out.exists()


@pytest.mark.parametrize("year, sentence", [
    (2021, "　　2021年是“十四五”规划开局之年，上年为2020年。低保标准提高到820元/月。"),
    (2025, "　　2025年是“十四五”规划收官之年，上年为2024年。低保标准提高到820元/月。"),
    (2026, "　　2026年是“十五五”规划开局之年，上年为2025年。低保标准提高到820元/月。"),
])
def test_placeholders_follow_the_year(tmp_path, year, sentence):
    path = tmp_path / "p.yaml"
    path.write_text(
        f"title: 示例区{year}年工作要点\nyear: {year}\n"
        "preamble: \"{{ year }}年是“{{ period }}”规划{{ phase }}，上年为{{ last_year }}年。"
        "低保标准提高到{{ targets['低保标准'] }}。\"\n"
        "sections:\n  - title: 甲\n    tasks:\n      - title: 乙。\n"
        "        targets: [{name: 低保标准, value: 820, unit: 元/月}]\n", encoding="utf-8")
    assert invoke("render", str(path)).stdout.splitlines()[2] == sentence


def test_batch_mistakes_are_refused_before_anything_is_written(small, tmp_path):
    twin = tmp_path / "b" / small.name
    twin.parent.mkdir()
    twin.write_text(SMALL, encoding="utf-8")
    cases = [
        (["render", str(small), str(twin), "-o", str(tmp_path / "out")],
         "错误：多个计划同名（2021），输出到同一文件夹会互相覆盖\n"),
        (["render", str(small), str(EXAMPLES[0]), "-o", str(tmp_path / "one.txt")],
         f"错误：{tmp_path / 'one.txt'}: 渲染多个计划时 -o 应为文件夹（如 -o out/）\n"),
        (["render", str(small), str(EXAMPLES[0])], "错误：渲染多个计划时请用 -o 指定输出文件夹（如 -o out/）\n"),
        (["render", str(small), "-f", "docx", "-o", str(tmp_path / "x.txt")],
         f"错误：{tmp_path / 'x.txt'}: 输出文件的后缀与 -f docx 不一致\n"),
        (["render", str(small), "--templates", str(tmp_path / "nodir")],
         f"错误：{tmp_path / 'nodir'}: 模板文件夹不存在\n"),
    ]
    for args, message in cases:
        result = invoke(*args)
        assert (result.exit_code, result.stderr) == (2, message)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2021.yaml", "b"]


def test_style_is_checked_for_text_output_too(small):
    result = invoke("render", str(small), "--style", "nosuch")
    assert (result.exit_code, result.stderr) == (
        2, "错误：找不到样式表“nosuch”（内置样式表：gbt9704、house-28pt、party）\n")


def test_outline_shows_text_as_printed(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("title: 示例区{{ year }}年工作要点\nyear: 2026\nsections:\n"
                    "  - title: “{{ period }}”开局\n    tasks:\n      - title: 抓好{{ year }}年学习。\n",
                    encoding="utf-8")
    data = json.loads(invoke("outline", "--json", str(path)).stdout)
    assert data["title"] == "示例区2026年工作要点"
    assert data["sections"] == [{"number": "一、", "title": "“十五五”开局", "intro": [],
                                 "tasks": [{"number": "1.", "lead": "抓好2026年学习。"}]}]


def test_new_refuses_an_impossible_year(tmp_path):
    result = invoke("new", str(tmp_path / "x.yaml"), "--year", "1800")
    assert result.exit_code == 2
    assert not (tmp_path / "x.yaml").exists()


def test_usage_errors_are_introduced_in_chinese():
    result = CliRunner().invoke(main, ["render"], prog_name="workplan")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Usage: workplan render [OPTIONS] PLANS...", "错误：用法不对：Missing argument 'PLANS...'.",
        "（运行 workplan render --help 查看用法）"]


def test_book_marks_inside_the_plan_title_nest(small):
    small.write_text(SMALL.replace("title: 示例区2021年工作要点", "title: 示例区贯彻《教育法》2021年工作要点"),
                     encoding="utf-8")
    lines = invoke("render", str(small)).stdout.splitlines()
    assert "关于印发《示例区贯彻〈教育法〉2021年工作要点》的通知" in lines
    assert "　　现将《示例区贯彻〈教育法〉2021年工作要点》印发给你们，请结合实际认真抓好贯彻落实。" in lines


def test_help_is_chinese_for_every_command():
    for args in ([], ["render"], ["validate"], ["import"], ["rollover"], ["diff"], ["outline"], ["new"]):
        out = CliRunner().invoke(main, [*args, "--help"], prog_name="workplan").stdout
        help_lines = [line.split() for line in out.splitlines() if line.startswith("  -h, --help")]
        assert help_lines == [["-h,", "--help", "显示本帮助并退出。"]], args
