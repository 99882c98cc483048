"""Rollover: last year's plan becomes next year's draft, edited in its own text."""
import re
import shutil
from pathlib import Path

import pytest

from generator.core.location import InputError, ToolError
from generator.document.phrases import year_phrases
from generator.plan.load import load_plan, parse_plan
from generator.rollover.roll import roll_over
from generator.document.templating import make_environment
from generator.source.sourcemap import parse_yaml
from helpers import invoke

ROOT = Path(__file__).resolve().parents[2]
MINZHENG = ROOT / "examples" / "minzheng-2021.yaml"

# The lines rollover changes in examples/minzheng-2021.yaml (old line -> new line); every
# other line must come through byte for byte, comments included.
MINZHENG_EDITS = {
    "title: 示例区2021年民政工作要点": "title: 示例区2022年民政工作要点",
    "year: 2021": "year: 2022",
    "  doc_number: {code: 示民发, year: 2021, seq: 12}":
        "  doc_number: {code: 示民发, year: 2022, seq: 12}",
    "    - 示例区2021年民政工作要点": "    - 示例区2022年民政工作要点",
    "  date: 2021-03-23": "  date: 2022-03-23",
    "    date: 2021-03-24": "    date: 2022-03-24",
    "  2021年是“十四五”规划开局之年。全区民政系统要坚持以人民为中心的发展思想，":
        "  2022年是“十四五”规划关键之年。全区民政系统要坚持以人民为中心的发展思想，",
    "        deadline: 2021-12-31": "        deadline: 2022-12-31",
    "        deadline: 2021-07-01": "        deadline: 2022-07-01",
    "            deadline: 2021-07-01": "            deadline: 2022-07-01",
    "        deadline: 2021-11-30": "        deadline: 2022-11-30",
    "            value: 820": "            value: null",
    "            baseline: 780": "            baseline: 820",
    "            value: 3": "            value: null",
    "            baseline: 5": "            baseline: 3",
    "            value: 95": "            value: null",
    "            baseline: 92": "            baseline: 95",
    "            value: 10": "            value: null",
    "            baseline: 6": "            baseline: 10",
}
MINZHENG_REVIEW = [
    "# 待复核：workplan rollover 标出的字段，逐项核对后删去对应条目。",
    "review:",
    '  - "notice.doc_number.seq: 发文字号序号沿用上年的 12，请改为本年序号"',
    '  - "notice.date: 日期由 2021-03-23 顺延为 2022-03-23，请核对"',
    '  - "notice.imprint.date: 日期由 2021-03-24 顺延为 2022-03-24，请核对"',
    '  - "preamble: 已将“十四五”规划开局之年改为“十四五”规划关键之年，请核对提法；文中年份已顺延（“2021年”→“2022年”），请核对"',
    '  - "sections[0].tasks[1].deadline: 日期由 2021-12-31 顺延为 2022-12-31，请核对"',
    '  - "sections[1].tasks[0].deadline: 日期由 2021-07-01 顺延为 2022-07-01，请核对"',
    '  - "sections[1].tasks[0].targets[0].value: 请填写2022年目标值（2021年目标值 820元/月 已记为基数）"',
    '  - "sections[1].tasks[0].targets[0].baseline: 基数取上年目标值，请核实实际完成值"',
    '  - "sections[1].tasks[0].targets[0].deadline: 日期由 2021-07-01 顺延为 2022-07-01，请核对"',
    '  - "sections[1].tasks[1].targets[0].value: 请填写2022年目标值（2021年目标值 3个工作日 已记为基数）"',
    '  - "sections[1].tasks[1].targets[0].baseline: 基数取上年目标值，请核实实际完成值"',
    '  - "sections[2].tasks[1].targets[0].value: 请填写2022年目标值（2021年目标值 95% 已记为基数）"',
    '  - "sections[2].tasks[1].targets[0].baseline: 基数取上年目标值，请核实实际完成值"',
    '  - "sections[3].tasks[0].deadline: 日期由 2021-11-30 顺延为 2022-11-30，请核对"',
    '  - "sections[3].tasks[0].targets[0].value: 请填写2022年目标值（2021年目标值 10处 已记为基数）"',
    '  - "sections[3].tasks[0].targets[0].baseline: 基数取上年目标值，请核实实际完成值"',
]
W301 = "待复核：{}（复核后从 review 中删去此项）"




@pytest.fixture
def plans(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(MINZHENG, folder / "2021.yaml")
    return folder


def test_rollover_changes_only_what_moves(plans):
    result = invoke("rollover", plans / "2021.yaml")
    assert result.exit_code == 0, result.output
    source = MINZHENG.read_text(encoding="utf-8").splitlines()
    expected = [MINZHENG_EDITS.get(line, line) for line in source] + MINZHENG_REVIEW
    assert (plans / "2022.yaml").read_text(encoding="utf-8").splitlines() == expected
    assert set(MINZHENG_EDITS) <= set(source)
    assert result.stderr.splitlines()[0] == f"已写出 {plans / '2022.yaml'}：改动 15 处，待复核 16 处"
    assert "  改动 preamble：2021…开局 → 2022…关键" in result.stderr.splitlines()


def test_rollover_keeps_comments_and_key_order(plans):
    invoke("rollover", plans / "2021.yaml", "-o", plans / "next.yaml")
    text = (plans / "next.yaml").read_text(encoding="utf-8")
    for comment in ("# 示例区民政局 2021 年工作要点：一份完整的示例。",
                    "  scope: continuous      # 任务跨部分连续编号 1.–N.",
                    '  copy_number: "000128"            # 份号',
                    "  signer: 林晓明                    # 签发人（上行文使用）"):
        assert comment in text.splitlines()
    old, _ = parse_yaml(MINZHENG.read_text(encoding="utf-8"), "old")
    new, _ = parse_yaml(text, "new")
    assert list(new) == list(old) + ["review"]
    assert list(new["notice"]) == list(old["notice"])
    assert list(new["sections"][1]["tasks"][0]["targets"][0]) == list(
        old["sections"][1]["tasks"][0]["targets"][0])


def test_rolled_plan_loads_with_moved_values(plans):
    invoke("rollover", plans / "2021.yaml")
    plan, warnings = load_plan(plans / "2022.yaml")
    assert (plan.year, plan.title, str(plan.notice.doc_number)) == (
        2022, "示例区2022年民政工作要点", "示民发〔2022〕12号")
    assert (plan.notice.date, plan.notice.imprint.date) == ("2022-03-23", "2022-03-24")
    target = plan.sections[1].tasks[0].targets[0]
    assert (target.value, target.baseline, target.deadline) == (None, 820, "2022-07-01")
    assert {w.code for w in warnings} == {"W301"}


def test_validate_lists_the_flags_until_reviewed(plans):
    invoke("rollover", plans / "2021.yaml")
    out = plans / "2022.yaml"
    result = invoke("validate", out)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 16
    assert lines[0] == f"{out}:22:44: W301 notice.doc_number.seq: " + W301.format(
        "发文字号序号沿用上年的 12，请改为本年序号")
    assert lines[3] == f"{out}:36:11: W301 preamble: " + W301.format(
        "已将“十四五”规划开局之年改为“十四五”规划关键之年，请核对提法；文中年份已顺延（“2021年”→“2022年”），请核对")
    assert lines[6] == f"{out}:66:20: W301 sections[1].tasks[0].targets[0].value: " + W301.format(
        "请填写2022年目标值（2021年目标值 820元/月 已记为基数）")
    assert invoke("validate", "--strict", out).exit_code == 1
    reviewed = re.sub(r'(?m)^  - ".*\n', "", out.read_text(encoding="utf-8"))
    assert reviewed.endswith("\nreview:\n")
    out.write_text(reviewed, encoding="utf-8")
    clean = invoke("validate", out)
    assert (clean.exit_code, clean.stdout) == (0, "")


def test_a_reviewed_plan_rolls_over_again(plans):
    invoke("rollover", plans / "2021.yaml")
    reviewed = re.sub(r'(?m)^  - ".*\n', "", (plans / "2022.yaml").read_text(encoding="utf-8"))
    (plans / "2022.yaml").write_text(reviewed, encoding="utf-8")
    assert invoke("rollover", plans / "2022.yaml").exit_code == 0
    lines = (plans / "2023.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[lines.index("review:") + 4] == (
        '  - "preamble: 已将“十四五”规划关键之年改为“十四五”规划攻坚之年，请核对提法；文中年份已顺延（“2022年”→“2023年”），请核对"')
    assert '  - "sections[1].tasks[0].targets[0].value: 请填写2023年目标值"' in lines
    plan, _ = load_plan(plans / "2023.yaml")
    assert plan.sections[1].tasks[0].targets[0].baseline == 820


def test_rollover_refuses_to_overwrite(plans):
    target = plans / "2022.yaml"
    target.write_text("留着\n", encoding="utf-8")
    result = invoke("rollover", plans / "2021.yaml")
    assert result.exit_code == 2
    assert result.stderr == f"错误：{target}: 文件已存在（用 --force 覆盖）\n"
    assert target.read_text(encoding="utf-8") == "留着\n"
    assert invoke("rollover", plans / "2021.yaml", "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# 示例区民政局")


def test_rollover_never_writes_over_its_input(plans):
    source = plans / "2021.yaml"
    result = invoke("rollover", source, "-o", source, "--force")
    assert result.exit_code == 2
    assert result.stderr == f"错误：{source}: 输出文件不能与输入文件相同\n"
    assert source.read_bytes() == MINZHENG.read_bytes()


def test_rollover_of_an_invalid_plan_fails_with_findings(tmp_path):
    source = tmp_path / "2021.yaml"
    source.write_text("title: 示例区2021年工作要点\nyear: 2021\n", encoding="utf-8")
    result = invoke("rollover", source)
    assert result.exit_code == 1
    assert (result.stdout, result.stderr) == ("", f"{source}:1:1: E101 sections: 必填项缺失\n")
    assert not (tmp_path / "2022.yaml").exists()


def test_output_name_needs_a_year_or_option(tmp_path):
    source = tmp_path / "plan.yaml"
    shutil.copy(MINZHENG, source)
    result = invoke("rollover", source)
    assert result.exit_code == 2
    assert result.stderr == f"错误：{source}: 文件名中没有年份 2021，请用 -o 指定输出文件\n"


@pytest.mark.parametrize("year, period, phase", [
    (1953, "一五", "开局之年"), (1962, "二五", "收官之年"), (1963, "", ""),
    (1966, "三五", "开局之年"), (2005, "十五", "收官之年"), (2006, "十一五", "开局之年"),
    (2020, "十三五", "收官之年"), (2021, "十四五", "开局之年"), (2022, "十四五", "关键之年"),
    (2023, "十四五", "攻坚之年"), (2024, "十四五", "决胜之年"), (2025, "十四五", "收官之年"),
    (2026, "十五五", "开局之年"), (2030, "十五五", "收官之年"), (2031, "十六五", "开局之年"),
])
def test_phrases_template_computes_period_and_phase(year, period, phase):
    phrases = year_phrases(year, make_environment())
    assert (phrases.period, phrases.phase) == (period, phase)


SMALL = """\
title: 示例区2025年工作要点   # 标题
year: 2025
notice:
  issuer_mark: 示例区民政局文件
  doc_number: "示民发〔2025〕7号"
  signature: 示例区民政局
  date: 2025年2月16日
preamble:
  - 2025年是“十四五”规划收官之年，也是谋划“十五五”的重要一年。
  - 今年是承上启下的关键之年，要巩固“十四五”时期的成果，较2024年再上台阶。
sections:
  - title: 甲部分
    tasks:
      - title: 做好第一件事。
        targets:
          - {name: 覆盖率, value: 90, unit: "%"}
          - name: 办结时限
            value: '3'   # 天
            unit: 天
review:
  - "sections[0].title: 旧的待复核项"
"""


def test_rollover_of_unusual_forms():
    result = roll_over(SMALL, "small.yaml", 2026)
    lines = result.text.splitlines()
    assert lines[0] == "title: 示例区2026年工作要点   # 标题"
    assert lines[4] == '  doc_number: "示民发〔2026〕7号"'
    assert lines[6] == "  date: 2026年2月16日"
    assert lines[8] == "  - 2026年是“十五五”规划开局之年，也是谋划“十五五”的重要一年。"
    assert lines[9] == "  - 今年是承上启下的关键之年，要巩固“十四五”时期的成果，较2024年再上台阶。"
    assert lines[15] == '          - {name: 覆盖率, value: null, baseline: 90, unit: "%"}'
    assert lines[17:20] == ["            value: null   # 天", "            baseline: '3'",
                            "            unit: 天"]
    assert lines[20:22] == ["review:", '  - "sections[0].title: 旧的待复核项"']
    assert lines[22:] == [
        '  - "notice.doc_number: 发文字号年份已改为 2026，序号沿用上年的 7，请改为本年序号"',
        '  - "notice.date: 日期由 2025年2月16日 顺延为 2026年2月16日，请核对"',
        '  - "preamble[0]: 已将“十四五”规划收官之年改为“十五五”规划开局之年，请核对提法；文中年份已顺延（“2025年”→“2026年”），请核对"',
        '  - "preamble[1]: 含有与年份相关的用语“十四五、关键之年”，请核对是否仍适用于2026年；'
        '提到2024年，请核对是否应改为2025年"',
        '  - "sections[0].tasks[0].targets[0].baseline: 基数取上年目标值，请核实实际完成值"',
        '  - "sections[0].tasks[0].targets[0].value: 请填写2026年目标值（2025年目标值 90% 已记为基数）"',
        '  - "sections[0].tasks[0].targets[1].baseline: 基数取上年目标值，请核实实际完成值"',
        '  - "sections[0].tasks[0].targets[1].value: 请填写2026年目标值（2025年目标值 3天 已记为基数）"',
    ]
    plan, _ = parse_plan(result.text)
    assert plan.sections[0].tasks[0].targets[1].baseline == "3"


def test_rollover_by_two_years_shifts_dates_by_two():
    text = MINZHENG.read_text(encoding="utf-8")
    plan, _ = parse_plan(roll_over(text, "m.yaml", 2023).text)
    assert (plan.year, plan.notice.date, plan.sections[0].tasks[1].deadline) == (
        2023, "2023-03-23", "2023-12-31")
    assert plan.preamble[0].startswith("2023年是“十四五”规划攻坚之年。")


def test_flow_review_list_is_extended():
    text = SMALL.replace('review:\n  - "sections[0].title: 旧的待复核项"\n', "review: []  # 空\n")
    lines = roll_over(text, "small.yaml").text.splitlines()
    assert lines[20].startswith('review: ["notice.doc_number: 发文字号年份已改为 2026')
    assert lines[20].endswith('（2025年目标值 3天 已记为基数）"]  # 空')


def test_rollover_to_the_same_or_an_earlier_year_is_refused(tmp_path):
    with pytest.raises(ToolError, match="^目标年份 2025 不晚于计划年份 2025：只能顺延到以后的年份$"):
        roll_over(SMALL, "small.yaml", 2025)
    source = tmp_path / "plan-2025.yaml"
    source.write_text(SMALL, encoding="utf-8")
    result = invoke("rollover", source, "--year", 2019)
    assert result.exit_code == 2
    assert result.output == "错误：目标年份 2019 不晚于计划年份 2025：只能顺延到以后的年份\n"
    assert not (tmp_path / "plan-2019.yaml").exists()
    with pytest.raises(ToolError, match="目标年份 3000 超出范围"):
        roll_over(SMALL, "small.yaml", 3000)


def test_rollover_reports_input_errors():
    with pytest.raises(InputError) as info:
        roll_over(SMALL.replace("year: 2025", "year: 二〇二五"), "small.yaml")
    assert [f.format() for f in info.value.findings] == [
        "small.yaml:2:7: E102 year: 类型错误：应为整数",
        "small.yaml:12:12: W301 sections[0].title: " + W301.format("旧的待复核项")]


def test_document_end_marker_stays_last():
    """A plan ending with the document-end marker ``...`` (r_rollover_doc_end): the review
    list goes before it, not after, where YAML would read a second document."""
    text = "title: 示例区2023年工作要点\nyear: 2023\nsections:\n  - title: 甲\n" \
           "    tasks:\n      - title: 做好甲项工作。\n        deadline: 2023-09-30\n...\n# 完\n"
    out = roll_over(text, "p.yaml").text
    assert out.endswith(
        "        deadline: 2024-09-30\n"
        "# 待复核：workplan rollover 标出的字段，逐项核对后删去对应条目。\n"
        "review:\n"
        '  - "sections[0].tasks[0].deadline: 日期由 2023-09-30 顺延为 2024-09-30，请核对"\n'
        "...\n# 完\n")


ALIASED = """\
title: 示例区2023年工作要点
year: 2023
notice:
  issuer_mark: 示例区民政局文件
  recipients: 各街道办事处：
  signature: 示例区民政局
  date: &day 2023-02-16
  imprint: {printer: 示例区民政局办公室, date: *day}
sections:
  - title: 甲部分
    tasks:
      - title: 做好甲项工作。
        owners: &owners [办公室, 财务科]
        deadline: &end !!str 2023-12-31
        targets:
          - &t {name: 示例指标, value: 90, unit: "%"}
      - title: 做好乙项工作。
        owners: *owners
        deadline: *end
        targets: [*t]
"""


def test_anchors_and_aliases_roll_once_and_stay():
    """A value reached through an alias moves once, in its anchor's place; anchors and tags
    stay as written, and both fields are flagged."""
    result = roll_over(ALIASED, "p.yaml")
    lines = result.text.splitlines()
    assert lines[6] == "  date: &day 2024-02-16"
    assert lines[7] == "  imprint: {printer: 示例区民政局办公室, date: *day}"
    assert lines[13] == "        deadline: &end !!str 2024-12-31"
    assert lines[15] == "          - &t {name: 示例指标, value: null, baseline: 90, unit: \"%\"}"
    assert lines[18:20] == ["        deadline: *end", "        targets: [*t]"]
    assert sorted(flag.split(":")[0] for flag in result.flags) == [
        "notice.date", "notice.imprint.date", "sections[0].tasks[0].deadline",
        "sections[0].tasks[0].targets[0].baseline", "sections[0].tasks[0].targets[0].value",
        "sections[0].tasks[1].deadline", "sections[0].tasks[1].targets[0].baseline",
        "sections[0].tasks[1].targets[0].value"]
