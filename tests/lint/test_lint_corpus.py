"""A fictional notice and plan with seeded mistakes, as text and as a plan file: lint reports
exactly the expected lines (every seeded mistake, none of the near misses on the line of
web addresses, times and standard numbers); after --fix only the findings without a safe fix
remain, and only the lines holding a fixed finding changed."""
import re
import shutil
from pathlib import Path

import pytest
from helpers import invoke

DATA = Path(__file__).resolve().parents[1] / "data" / "lint"

EXPECTED_TEXT = [
    '{path}:2:1: 发文字号应写作“示民发〔2022〕7号”：“示民发[2022]第07号” (ELE01)',
    '{path}:3:5: 被印发的文件名应加书名号：“关于印发示例县2022年民政工作要点的通知” (ELE07)',
    '{path}:4:16: 主送机关末尾应为“：”，不是“，”：“有关单位，” (ELE03)',
    '{path}:5:24: 半角“,”应为全角“，”：“发给你们,请认真贯” (PUN01)',
    '{path}:7:1: 成文日期应写作“2022年3月5日”：“二〇二二年三月五日” (ELE02)',
    '{path}:9:5: 汉字与汉字、数字之间不加空格：“2022 年,全县” (PUN12)',
    '{path}:9:7: 半角“,”应为全角“，”：“22 年,全县民政” (PUN01)',
    '{path}:9:23: 半角“,”应为全角“，”：“民为中心,聚焦困难” (PUN01)',
    '{path}:9:30: 半角“,”应为全角“，”：“困难群众,做好兜底” (PUN01)',
    '{path}:10:1: 序号“一.”应为“一、”：“一.兜牢基本” (STR03)',
    '{path}:11:1: 序号“(一)”应用全角括号：“(一)提高救助” (STR04)',
    '{path}:11:11: “截止”应为“截至”（到某一时间为止用“截至”；“截止”是到期停止）：“助水平。截止2022” (WRD01)',
    '{path}:11:23: “其它”应为“其他”（《现代汉语规范词典》以“其他”为规范词形）：“月底完成其它救助对象” (WRD01)',
    '{path}:11:40: 范围的前一个数也要写“%”：“标准提高10-15%。” (NUM05)',
    '{path}:11:42: 范围应用“～”，不用“-”：“提高10-15%。” (PUN08)',
    '{path}:12:4: 括号序号后不加“、”：“（二）、加强临时” (STR01)',
    '{path}:12:19: 直引号应为““””：“对象实行"先救助、后补手续"，３个工” (PUN11)',
    '{path}:12:30: 全角数字“３”应为半角：“手续"，３个工作日” (NUM01)',
    '{path}:12:39: “约”与“左右”不同用：“内办结，约500人次左右。” (NUM09)',
    '{path}:13:9: 单独成行的标题末尾不加“。”：“养老服务。” (STR09)',
    '{path}:14:1: 序号“1、”应为“1.”：“1、建设社区” (STR02)',
    '{path}:14:14: 范围应用“～”，不用“-”：“务站20-30个，” (PUN08)',
    '{path}:14:19: 月、日不补“0”：“30个，03月15日前” (NUM02)',
    '{path}:14:33: 日期应写“日”，不写“号”：“址，3月5号前报送方” (NUM03)',
    '{path}:14:40: 省略号“......”应为“……”：“报送方案......” (PUN03)',
    '{path}:15:5: “的”重复：“2.加强的的管理，开” (WRD04)',
    '{path}:15:16: “等”前不用顿号：“星级评定、等工作。” (PUN05)',
    '{path}:16:1: 序号跳号：此处应为第 3 项：“4.落实“两” (STR06)',
    '{path}:16:5: ““”没有对应的“””：“4.落实“两项补贴” (PUN06)',
    '{path}:16:15: 范围应用“—”，不用“-”：“2022-2025” (PUN08)',
    '{path}:19:9: 抄送机关之间用逗号：“委办公室、县政府办” (ELE05)',
    '{path}:19:16: 抄送机关最后应标句号：“府办公室” (ELE05)',
    '{path}:20:19: 印发日期后缺少“印发”：“年3月6日” (ELE06)',
]

EXPECTED_PLAN = [
    '{path}:7:14: notice.title: 被印发的文件名应加书名号：“关于印发示例县2022年民政工作要点的通知” (ELE07)',
    '{path}:8:30: notice.recipients: 主送机关末尾应为“：”，不是“，”：“有关单位，” (ELE03)',
    '{path}:12:17: notice.attachments[0]: 附件名称后不加标点：“务分工表。” (ELE04)',
    '{path}:14:15: notice.imprint.cc[0]: 抄送机关名称后不加标点：“委办公室。” (ELE05)',
    '{path}:18:38: preamble: 半角“,”应为全角“，”：“关键之年,全县民政” (PUN01)',
    '{path}:19:9: preamble: 半角“,”应为全角“，”：“困难群众,做好兜底” (PUN01)',
    '{path}:23:16: sections[0].tasks[0].title: 序号由工具计算，文字中不必手写：“1.提高救助” (STR10)',
    '{path}:24:16: sections[0].tasks[0].body: “截止”应为“截至”（到某一时间为止用“截至”；“截止”是到期停止）：“截止2022” (WRD01)',
    '{path}:24:34: sections[0].tasks[0].body: “其它”应为“其他”（《现代汉语规范词典》以“其他”为规范词形）：“月底完成其它救助对象” (WRD01)',
    '{path}:24:51: sections[0].tasks[0].body: 范围的前一个数也要写“%”：“标准提高10-15%。” (NUM05)',
    '{path}:24:53: sections[0].tasks[0].body: 范围应用“～”，不用“-”：“提高10-15%。” (PUN08)',
    '{path}:25:18: sections[0].tasks[0].owners[0]: “救助股”与“社会救助股”似为同一单位，全文应统一叫法：“救助股” (WRD05)',
    '{path}:28:18: sections[0].tasks[1].body: 直引号应为““””：“对象实行"先救助、后补手续"，３个工” (PUN11)',
    '{path}:28:29: sections[0].tasks[1].body: 全角数字“３”应为半角：“手续"，３个工作日” (NUM01)',
    '{path}:29:11: sections[0].tasks[1].body: “今年”日后难以确指，应写明年份：“内办结。今年底前实现” (WRD03)',
    '{path}:29:21: sections[0].tasks[1].body: 中文标点前后不加空格：“全覆盖。   # 这一” (PUN10)',
    '{path}:32:13: sections[0].tasks[1].items[0]: 月、日不补“0”：“03月15日前” (NUM02)',
    '{path}:32:27: sections[0].tasks[1].items[0]: 半角“,”应为全角“，”：“用金拨付,3月5号” (PUN01)',
    '{path}:32:30: sections[0].tasks[1].items[0]: 日期应写“日”，不写“号”：“付,3月5号前报送方” (NUM03)',
    '{path}:32:37: sections[0].tasks[1].items[0]: 省略号“......”应为“……”：“报送方案......” (PUN03)',
    "{path}:33:16: sections[0].tasks[1].items[1]: 直引号应为“‘’”：“建立'一户一档'台账” (PUN11)",
    '{path}:35:23: sections[1].intro: 范围应用“～”，不用“-”：“务站20-30个，” (PUN08)',
    '{path}:38:21: sections[1].tasks[0].body: “等”前不用顿号：“星级评定、等工作，” (PUN05)',
    '{path}:38:30: sections[1].tasks[0].body: 范围应用“—”，不用“-”：“2022-2025” (PUN08)',
]

# Findings with no safe fix: what --fix leaves.
UNFIXED_TEXT = ("ELE07", "NUM09", "PUN06", "STR06", "WRD04")
UNFIXED_PLAN = ("ELE07", "WRD03", "WRD05")


def _no_column(lines: list[str]) -> list[str]:
    """Return finding lines without their column (a fix earlier on the line moves it)."""
    return [re.sub(r":(\d+):\d+: ", r":\1: ", line) for line in lines]


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("name, expected", [("corpus.txt", EXPECTED_TEXT), ("corpus.yaml", EXPECTED_PLAN)])
def test_corpus_gives_exactly_the_expected_lines(name, expected):
    path = DATA / name
    result = invoke("lint", path)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [line.format(path=path) for line in expected]


@pytest.mark.parametrize("name, expected, unfixed", [("corpus.txt", EXPECTED_TEXT, UNFIXED_TEXT),
                                                     ("corpus.yaml", EXPECTED_PLAN, UNFIXED_PLAN)])
def test_fix_leaves_only_unfixable_findings_and_changes_only_their_lines(tmp_path, name, expected, unfixed):
    path = tmp_path / name
    shutil.copy(DATA / name, path)
    result = invoke("lint", path, "--fix")
    assert result.exit_code == 1
    left = [line.format(path=path) for line in expected if line.endswith(tuple(f"({c})" for c in unfixed))]
    assert _no_column(result.stdout.splitlines()) == _no_column(left)
    assert invoke("lint", path).stdout == result.stdout
    fixed_lines = {int(line.split(":")[1]) for line in expected if not line.endswith(tuple(f"({c})" for c in unfixed))}
    before, after = _lines(DATA / name), _lines(path)
    assert len(before) == len(after)
    changed = {number for number, (old, new) in enumerate(zip(before, after), 1) if old != new}
    assert changed == fixed_lines


def test_fixed_plan_keeps_comments_and_reads_as_the_fixed_text(tmp_path):
    path = tmp_path / "corpus.yaml"
    shutil.copy(DATA / "corpus.yaml", path)
    invoke("lint", path, "--fix")
    after = _lines(path)
    assert after[7] == "  recipients: 各乡镇人民政府，县直各有关单位：   # 主送机关"
    assert after[32] == "          - '建立‘一户一档’台账'"
    assert after[34].endswith("   # workplan: ignore[NUM09]")
    assert invoke("validate", path).exit_code == 0


def test_diff_shows_the_fixes_and_writes_nothing(tmp_path):
    path = tmp_path / "corpus.yaml"
    shutil.copy(DATA / "corpus.yaml", path)
    result = invoke("lint", path, "--diff")
    assert result.exit_code == 1
    assert "-  recipients: 各乡镇人民政府，县直各有关单位，   # 主送机关\n" in result.stdout
    assert "+  recipients: 各乡镇人民政府，县直各有关单位：   # 主送机关\n" in result.stdout
    assert path.read_bytes() == (DATA / "corpus.yaml").read_bytes()
