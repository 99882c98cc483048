"""diff compares every part of a plan, not only tasks and targets: title, year, numbering,
each notice field as printed, the preamble, section titles and intros; placeholders by the
text they print."""
import json
from pathlib import Path

from generator.diff.match import diff_plans
from generator.plan.load import parse_plan
from generator.rollover.roll import roll_over
from helpers import SMALL, invoke

ROOT = Path(__file__).resolve().parents[2]


def _pair(tmp_path, old: str, new: str):
    a, b = tmp_path / "old.yaml", tmp_path / "new.yaml"
    a.write_text(old, encoding="utf-8")
    b.write_text(new, encoding="utf-8")
    return a, b


def test_a_rolled_over_notice_shows_every_moved_field(tmp_path):
    text = (ROOT / "examples" / "minzheng-2021.yaml").read_text(encoding="utf-8")
    old, new = _pair(tmp_path, text, roll_over(text, "m.yaml").text)
    lines = invoke("diff", old, new).stdout.splitlines()
    assert lines[1:11] == [
        "计划和通知（9）：",
        "  计划标题：示例区[-2021-]{+2022+}年民政工作要点",
        "  年份：2021 → 2022",
        "  发文字号：示民发〔[-2021-]{+2022+}〕12号",
        "  通知标题：关于印发《示例区[-2021-]{+2022+}年民政工作要点》的通知",
        "  通知正文：现将《示例区[-2021-]{+2022+}年民政工作要点》印发给你……",
        "  附件说明：示例区[-2021-]{+2022+}年民政工作要点",
        "  成文日期：[-2021-]{+2022+}年3月23日",
        "  印发日期：[-2021-]{+2022+}年3月24日",
        "  总体要求：[-2021-]{+2022+}年是“十四五”规划[-开局-]{+关键+}之年。全区民政系统要坚持……",
    ]
    assert lines[-1] == "合计：新增 0，删除 0，移动 0，改写 0，调整 3，指标变化 4，其他内容 9"


EDITED = (SMALL
          .replace("各街道办事处：", "各街道办事处，局机关各科室：")
          .replace("cc: [区委办公室]", "cc: [区委办公室, 区政府办公室]")
          .replace("preamble: 总体要求。", "numbering: {scope: section}\npreamble: 总体要求。")
          .replace("  - title: 乙部分\n", "  - title: 乙部分\n    intro: 本部分的引言。\n")
          + "  - title: 丙部分\n    tasks:\n      - title: 做好第三件事。\n")


def test_notice_fields_numbering_and_sections_are_compared(tmp_path):
    result = invoke("diff", *_pair(tmp_path, SMALL, EDITED))
    assert result.stdout.splitlines() == [
        "比较：示例区2021年工作要点（2021年）→ 示例区2021年工作要点（2021年）",
        "计划和通知（3）：",
        "  编号范围：跨部分连续编号 → 各部分分别编号",
        "  主送机关：各街道办事处{+，局机关各科室+}：",
        "  抄送：区委办公室{+；区政府办公室+}",
        "部分（2）：",
        "  二、部分引言：（空） → 本部分的引言。",
        "  三、部分标题：（空） → 丙部分",
        "新增任务（1）：",
        "  + 1. 做好第三件事。（三、丙部分）",
        "合计：新增 1，删除 0，移动 0，改写 0，调整 0，指标变化 0，其他内容 5",
    ]


def test_fields_in_json_with_printed_values(tmp_path):
    data = json.loads(invoke("diff", *_pair(tmp_path, EDITED, SMALL), "--json").stdout)
    assert data["summary"]["fields"] == 5
    assert data["fields"] == [
        {"path": "numbering.scope", "label": "编号范围", "old": "section", "new": "continuous"},
        {"path": "notice.recipients", "label": "主送机关", "old": "各街道办事处，局机关各科室：",
         "new": "各街道办事处："},
        {"path": "notice.imprint.cc", "label": "抄送", "old": ["区委办公室", "区政府办公室"],
         "new": ["区委办公室"]},
        {"path": "sections[1].intro", "label": "部分引言", "old": ["本部分的引言。"], "new": None},
        {"path": "sections[2].title", "label": "部分标题", "old": "丙部分", "new": None},
    ]


TARGET = """\
title: 示例区2021年工作要点
year: 2021
sections:
  - title: 甲部分
    tasks:
      - title: 提高低保标准。
        body: 年底前达到{{ targets['低保标准'] }}。
        targets:
          - {name: 低保标准, value: 700, unit: 元/月}
"""


def test_placeholders_compare_by_the_text_they_print():
    old = parse_plan(TARGET)[0]
    new = parse_plan(TARGET.replace("value: 700", "value: 760"))[0]
    diff = diff_plans(old, new)
    assert [m.changes for m in diff.reworded] == [
        {"body": ("年底前达到700元/月。", "年底前达到760元/月。")}]


def test_placeholders_in_text_output(tmp_path):
    result = invoke("diff", *_pair(tmp_path, TARGET, TARGET.replace("value: 700", "value: 760")))
    assert result.stdout.splitlines()[1:5] == [
        "改写任务（1）：",
        "  1. 提高低保标准。（相似度 0.95）",
        "    正文：年底前达到[-700-]{+760+}元/月。",
        "指标变化（1）：",
    ]
