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
    '{path}:2:1: ELE01 发文字号应写作“示民发〔2022〕7号”：“示民发[2022]第07号”',
    '{path}:3:5: ELE07 被印发的文件名应加书名号：“关于印发示例县2022年民政工作要点的通知”',
    '{path}:4:16: ELE03 主送机关末尾应为“：”，不是“，”：“有关单位，”',
    '{path}:5:24: PUN01 半角“,”应为全角“，”：“发给你们,请认真贯”',
    '{path}:7:1: ELE02 成文日期应写作“2022年3月5日”：“二〇二二年三月五日”',
    '{path}:9:5: PUN12 汉字与汉字、数字之间不加空格：“2022 年,全县”',
    '{path}:9:7: PUN01 半角“,”应为全角“，”：“22 年,全县民政”',
    '{path}:9:23: PUN01 半角“,”应为全角“，”：“民为中心,聚焦困难”',
    '{path}:9:30: PUN01 半角“,”应为全角“，”：“困难群众,做好兜底”',
    '{path}:10:1: STR03 序号“一.”应为“一、”：“一.兜牢基本”',
    '{path}:11:1: STR04 序号“(一)”应用全角括号：“(一)提高救助”',
    '{path}:11:11: WRD01 “截止”应为“截至”（到某一时间为止用“截至”；“截止”是到期停止）：“助水平。截止2022”',
    '{path}:11:23: WRD01 “其它”应为“其他”（《现代汉语规范词典》以“其他”为规范词形）：“月底完成其它救助对象”',
    '{path}:11:40: NUM05 范围的前一个数也要写“%”：“标准提高10-15%。”',
    '{path}:11:42: PUN08 范围应用“～”，不用“-”：“提高10-15%。”',
    '{path}:12:4: STR01 括号序号后不加“、”：“（二）、加强临时”',
    '{path}:12:19: PUN11 直引号应为““””：“对象实行"先救助、后补手续"，３个工”',
    '{path}:12:30: NUM01 全角数字“３”应为半角：“手续"，３个工作日”',
    '{path}:12:39: NUM09 “约”与“左右”不同用：“内办结，约500人次左右。”',
    '{path}:13:9: STR09 单独成行的标题末尾不加“。”：“养老服务。”',
    '{path}:14:1: STR02 序号“1、”应为“1.”：“1、建设社区”',
    '{path}:14:14: PUN08 范围应用“～”，不用“-”：“务站20-30个，”',
    '{path}:14:19: NUM02 月、日不补“0”：“30个，03月15日前”',
    '{path}:14:33: NUM03 日期应写“日”，不写“号”：“址，3月5号前报送方”',
    '{path}:14:40: PUN03 省略号“......”应为“……”：“报送方案......”',
    '{path}:15:5: WRD04 “的”重复：“2.加强的的管理，开”',
    '{path}:15:16: PUN05 “等”前不用顿号：“星级评定、等工作。”',
    '{path}:16:1: STR06 序号跳号：此处应为第 3 项：“4.落实“两”',
    '{path}:16:5: PUN06 ““”没有对应的“””：“4.落实“两项补贴”',
    '{path}:16:15: PUN08 范围应用“—”，不用“-”：“2022-2025”',
    '{path}:19:9: ELE05 抄送机关之间用逗号：“委办公室、县政府办”',
    '{path}:19:16: ELE05 抄送机关最后应标句号：“府办公室”',
    '{path}:20:19: ELE06 印发日期后缺少“印发”：“年3月6日”',
]

EXPECTED_PLAN = [
    '{path}:7:14: ELE07 notice.title: 被印发的文件名应加书名号：“关于印发示例县2022年民政工作要点的通知”',
    '{path}:8:30: ELE03 notice.recipients: 主送机关末尾应为“：”，不是“，”：“有关单位，”',
    '{path}:12:17: ELE04 notice.attachments[0]: 附件名称后不加标点：“务分工表。”',
    '{path}:14:15: ELE05 notice.imprint.cc[0]: 抄送机关名称后不加标点：“委办公室。”',
    '{path}:18:38: PUN01 preamble: 半角“,”应为全角“，”：“关键之年,全县民政”',
    '{path}:19:9: PUN01 preamble: 半角“,”应为全角“，”：“困难群众,做好兜底”',
    '{path}:23:16: STR10 sections[0].tasks[0].title: 序号由工具计算，文字中不必手写：“1.提高救助”',
    '{path}:24:16: WRD01 sections[0].tasks[0].body: “截止”应为“截至”（到某一时间为止用“截至”；“截止”是到期停止）：“截止2022”',
    '{path}:24:34: WRD01 sections[0].tasks[0].body: “其它”应为“其他”（《现代汉语规范词典》以“其他”为规范词形）：“月底完成其它救助对象”',
    '{path}:24:51: NUM05 sections[0].tasks[0].body: 范围的前一个数也要写“%”：“标准提高10-15%。”',
    '{path}:24:53: PUN08 sections[0].tasks[0].body: 范围应用“～”，不用“-”：“提高10-15%。”',
    '{path}:25:18: WRD05 sections[0].tasks[0].owners[0]: “救助股”与“社会救助股”似为同一单位，全文应统一叫法：“救助股”',
    '{path}:28:18: PUN11 sections[0].tasks[1].body: 直引号应为““””：“对象实行"先救助、后补手续"，３个工”',
    '{path}:28:29: NUM01 sections[0].tasks[1].body: 全角数字“３”应为半角：“手续"，３个工作日”',
    '{path}:29:11: WRD03 sections[0].tasks[1].body: “今年”日后难以确指，应写明年份：“内办结。今年底前实现”',
    '{path}:29:21: PUN10 sections[0].tasks[1].body: 中文标点前后不加空格：“全覆盖。   # 这一”',
    '{path}:32:13: NUM02 sections[0].tasks[1].items[0]: 月、日不补“0”：“03月15日前”',
    '{path}:32:27: PUN01 sections[0].tasks[1].items[0]: 半角“,”应为全角“，”：“用金拨付,3月5号”',
    '{path}:32:30: NUM03 sections[0].tasks[1].items[0]: 日期应写“日”，不写“号”：“付,3月5号前报送方”',
    '{path}:32:37: PUN03 sections[0].tasks[1].items[0]: 省略号“......”应为“……”：“报送方案......”',
    "{path}:33:16: PUN11 sections[0].tasks[1].items[1]: 直引号应为“‘’”：“建立'一户一档'台账”",
    '{path}:35:23: PUN08 sections[1].intro: 范围应用“～”，不用“-”：“务站20-30个，”',
    '{path}:38:21: PUN05 sections[1].tasks[0].body: “等”前不用顿号：“星级评定、等工作，”',
    '{path}:38:30: PUN08 sections[1].tasks[0].body: 范围应用“—”，不用“-”：“2022-2025”',
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


def _code(line: str) -> str:
    """Return the code of a finding line ``path:line:col: CODE …``."""
    return line.split(": ", 1)[1].split(" ", 1)[0]


@pytest.mark.parametrize("name, expected, unfixed", [("corpus.txt", EXPECTED_TEXT, UNFIXED_TEXT),
                                                     ("corpus.yaml", EXPECTED_PLAN, UNFIXED_PLAN)])
def test_fix_leaves_only_unfixable_findings_and_changes_only_their_lines(tmp_path, name, expected, unfixed):
    path = tmp_path / name
    shutil.copy(DATA / name, path)
    result = invoke("lint", path, "--fix")
    assert result.exit_code == 1
    left = [line.format(path=path) for line in expected if _code(line) in unfixed]
    assert _no_column(result.stdout.splitlines()) == _no_column(left)
    assert invoke("lint", path).stdout == result.stdout
    fixed_lines = {int(line.split(":")[1]) for line in expected if _code(line) not in unfixed}
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
