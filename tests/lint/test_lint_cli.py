"""The lint command: inputs, output formats, exit codes, rule selection, configuration,
suppression comments, the rules page, and lint's findings in validate and render."""
import json
from pathlib import Path

import pytest
from helpers import EXAMPLES_DIR, SMALL, invoke

from generator.core.codes import CATALOGUE
from generator.lint.registry import all_rules

ROOT = Path(__file__).resolve().parents[2]
LINE = "加强管理,提高效率。高度重视养老服务。\n"


@pytest.fixture
def text(tmp_path):
    path = tmp_path / "稿.txt"
    path.write_text(LINE, encoding="utf-8")
    return path


def test_text_finding_line_and_exit_code(text):
    result = invoke("lint", text)
    assert result.exit_code == 1
    assert result.stdout == f"{text}:1:5: PUN01 半角“,”应为全角“，”：“加强管理,提高效率”\n"
    assert result.stderr == "检查了 1 个文件：1 处问题（1 处可用 --fix 自动修复）\n"


def test_json_output(text):
    result = invoke("lint", text, "--format", "json")
    assert json.loads(result.stdout) == [{
        "path": str(text), "line": 1, "col": 5, "code": "PUN01",
        "message": "半角“,”应为全角“，”：“加强管理,提高效率”", "field": "",
        "fixable": True, "unsafe_fixable": False}]


def test_text_fixed_in_place(text):
    result = invoke("lint", text, "--fix")
    assert result.exit_code == 0
    assert text.read_text(encoding="utf-8") == "加强管理，提高效率。高度重视养老服务。\n"
    assert result.stderr == "检查了 1 个文件：0 处问题，已修复 1 处\n"


def test_uncertain_rules_run_only_when_selected_by_code(text):
    assert "WRD06" not in invoke("lint", text, "--select", "WRD").stdout
    assert "WRD06" not in invoke("lint", text, "--select", "ALL").stdout
    result = invoke("lint", text, "--select", "WRD06")
    assert result.stdout == f"{text}:1:11: WRD06 “高度重视”是套话，宜写具体措施和目标：“高效率。高度重视养老服务”\n"


@pytest.mark.parametrize("args, codes", [
    ((), ["PUN01"]), (("--ignore", "PUN"), []), (("--select", "NUM,WRD"), []),
    (("--extend-select", "WRD06"), ["PUN01", "WRD06"]), (("--select", "PUN01", "--ignore", "PUN0"), ["PUN01"]), (("--select", "PUN0", "--ignore", "PUN01"), []),
])
def test_select_and_ignore_by_code_or_prefix(text, args, codes):
    rows = json.loads(invoke("lint", text, "--format", "json", *args).stdout)
    assert [row["code"] for row in rows] == codes


def test_unknown_rule_code_is_a_usage_error(text):
    result = invoke("lint", text, "--select", "XYZ")
    assert result.exit_code == 2
    assert result.stderr == "错误：命令行：没有以“XYZ”开头的规则代码（workplan lint --rules 列出全部规则）\n"


@pytest.mark.parametrize("args, message", [
    (("{missing}",), "错误：{missing}: 文件或文件夹不存在\n"),
    (("{odd}",), "错误：{odd}: 不支持的输入格式“.pdf”（可用：.yaml、.txt、.docx 或文件夹）\n"),
    ((), "错误：请给出要检查的文件或文件夹（或用 --rules 列出规则）\n"),
])
def test_tool_errors_exit_2(tmp_path, args, message):
    paths = {"missing": tmp_path / "无.txt", "odd": tmp_path / "稿.pdf"}
    paths["odd"].write_bytes(b"%PDF")
    result = invoke("lint", *[a.format(**paths) for a in args])
    assert result.exit_code == 2
    assert result.stderr == message.format(**paths)


def test_clean_input_exits_0_and_folders_are_searched(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "plan.yaml").write_text(SMALL, encoding="utf-8")
    (tmp_path / "a" / "稿.txt").write_text("加强管理，提高效率。\n", encoding="utf-8")
    (tmp_path / "a" / ".hidden").mkdir()
    (tmp_path / "a" / ".hidden" / "x.txt").write_text("a,中\n", encoding="utf-8")
    result = invoke("lint", tmp_path / "a")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "检查了 2 个文件：0 处问题\n")


def test_configuration_found_upward(tmp_path, text):
    (tmp_path / "pyproject.toml").write_text('[tool.workplan.lint]\nignore = ["PUN01"]\n', encoding="utf-8")
    assert invoke("lint", text).exit_code == 0
    (tmp_path / "workplan.toml").write_text('[lint]\nselect = ["WRD06"]\n', encoding="utf-8")
    result = invoke("lint", text)
    assert [line.split(": ")[1].split()[0] for line in result.stdout.splitlines()] == ["WRD06"]
    assert ": PUN01 " in invoke("lint", text, "--select", "PUN01").stdout


def test_bad_configuration_exits_2(tmp_path, text):
    config = tmp_path / "workplan.toml"
    config.write_text('[lint]\nselectt = ["PUN"]\n', encoding="utf-8")
    result = invoke("lint", text)
    assert result.exit_code == 2
    assert result.stderr == (f"错误：{config}: [tool.workplan.lint] 中有未知的键“selectt”"
                             "（可用：select、ignore、extend-select、confusables）\n")


def test_users_extend_the_confusable_word_list(tmp_path):
    (tmp_path / "词表.yaml").write_text("words:\n  - {wrong: 养老服务站, right: 养老服务驿站, why: 本县统一叫法}\n",
                                      encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.workplan.lint]\nconfusables = ["词表.yaml"]\n', encoding="utf-8")
    path = tmp_path / "稿.txt"
    path.write_text("新建养老服务站，整治其它问题。\n", encoding="utf-8")
    assert invoke("lint", path).stdout.splitlines() == [
        f"{path}:1:3: WRD01 “养老服务站”应为“养老服务驿站”（本县统一叫法）：“新建养老服务站，整治其”",
        f"{path}:1:11: WRD01 “其它”应为“其他”（《现代汉语规范词典》以“其他”为规范词形）：“站，整治其它问题。”"]
    (tmp_path / "词表.yaml").write_text("words:\n  - {wrong: 养老服务站}\n", encoding="utf-8")
    result = invoke("lint", path)
    assert (result.exit_code, result.stderr) == (1, f"{tmp_path / '词表.yaml'}:2:5: E101 words[0].right: 必填项缺失\n")


def test_rules_listing_text_and_json():
    lines = invoke("lint", "--rules").stdout.splitlines()
    assert len(lines) == len(all_rules()) >= 40
    assert lines[0] == "PUN01  [安全修复]  汉字旁的半角逗号、分号、冒号、问号、叹号或圆括号"
    rows = json.loads(invoke("lint", "--rules", "--format", "json").stdout)
    assert rows[0]["code"] == "PUN01" and rows[0]["fix"] == "safe" and rows[0]["default"] is True
    assert rows[0]["example"] == "加强管理,提高效率 → 加强管理，提高效率；国内生产总值(GDP) → 国内生产总值（GDP）"
    assert {row["code"][:3] for row in rows} == {"PUN", "NUM", "STR", "ELE", "WRD"}


def test_committed_rules_page_is_the_generated_one():
    page = (ROOT / "docs" / "lint-rules.md").read_text(encoding="utf-8")
    assert invoke("lint", "--rules", "--format", "markdown").stdout == page


def test_every_rule_is_in_the_catalogue_with_its_page():
    for code, item in all_rules().items():
        entry = CATALOGUE[code]
        assert (entry.summary, entry.doc, entry.severity.value) == (item.summary, "docs/lint-rules.md", "warning")


def test_examples_and_the_starter_plan_are_clean(tmp_path):
    assert invoke("lint", *sorted(EXAMPLES_DIR.glob("*.yaml"))).exit_code == 0
    starter = tmp_path / "2024.yaml"
    assert invoke("new", starter).exit_code == 0
    assert invoke("lint", starter).exit_code == 0


def _plan_with_mistake(tmp_path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(SMALL.replace("具体内容。", "具体内容,确保落实。"), encoding="utf-8")
    return path


def test_validate_and_render_report_lint_findings_as_warnings(tmp_path):
    path = _plan_with_mistake(tmp_path)
    line = f"{path}:15:19: PUN01 sections[0].tasks[0].body: 半角“,”应为全角“，”：“具体内容,确保落实”\n"
    result = invoke("validate", path)
    assert (result.exit_code, result.stdout) == (0, line)
    assert result.stderr == "检查了 1 个文件：0 个错误，1 个警告\n"
    assert invoke("validate", path, "--strict").exit_code == 1
    result = invoke("render", path, "-o", tmp_path / "out.txt")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "", line + f"已写出 {tmp_path / 'out.txt'}\n")
    result = invoke("render", path, "-o", tmp_path / "out2.txt", "--strict")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", line)
    assert not (tmp_path / "out2.txt").exists()


def test_suppression_comment_on_the_line(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(SMALL.replace("body: 具体内容。", "body: 具体内容,确保落实。  # workplan: ignore[PUN01]"),
                    encoding="utf-8")
    assert invoke("lint", path).exit_code == 0
    path.write_text(SMALL.replace("body: 具体内容。", "body: 具体内容,确保落实。  # workplan: ignore[NUM]"),
                    encoding="utf-8")
    assert ": PUN01 " in invoke("lint", path).stdout


def test_plan_with_errors_reports_them(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(SMALL.replace("year: 2021\n", "year: 二〇二一\n", 1), encoding="utf-8")
    result = invoke("lint", path)
    assert (result.exit_code, result.stdout) == (1, f"{path}:2:7: E102 year: 类型错误：应为整数\n")
