"""Diff of two plans: tasks matched by similarity; text, JSON and a Word redline."""
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from generator.document.build import build_document
from generator.diff.match import diff_plans
from generator.diff.text import tokenize
from generator.plan.load import load_plan, parse_plan
from generator.rollover.roll import roll_over
from generator.style.sheet import load_style
from generator.writers.docx.writer import write_docx
from generator.writers.docx.redline import write_redline
from helpers import HARD_PLAN, W, invoke, resolved

ROOT = Path(__file__).resolve().parents[2]

OLD = """\
title: 示例县2023年文化旅游工作要点
year: 2023
sections:
  - title: 繁荣公共文化服务
    tasks:
      - title: 建设城市书房。
        body: 在城区新建城市书房三处，延长开放时间，推行通借通还。
        owners: [公共服务股]
      - title: 开展送戏下乡。
        body: 组织县剧团和民间文艺团队送戏下乡一百场，覆盖全部行政村。
        targets:
          - {name: 送戏下乡场次, value: 100, unit: 场, baseline: 90}
      - title: 保护非物质文化遗产。
        body: 完成县级非遗项目普查，建立传承人档案，扶持两个非遗工坊。
  - title: 推动旅游提质增效
    tasks:
      - title: 培育乡村旅游精品线路。
        body: 串联古村落、茶园和水库景区，推出三条乡村旅游精品线路。
      - title: 整治旅游市场秩序。
        body: 联合市场监管部门开展旅游市场专项整治，查处不合理低价游。
"""
# Next year: one task reworded (and its target raised), one moved to the second section
# (now renamed), one dropped, one added; the others unchanged but renumbered.
NEW = """\
title: 示例县2024年文化旅游工作要点
year: 2024
sections:
  - title: 繁荣公共文化服务
    tasks:
      - title: 建设城市书房。
        body: 在城区新建城市书房三处，延长开放时间，推行通借通还。
        owners: [公共服务股]
      - title: 开展送戏下乡。
        body: 组织县剧团和民间文艺团队送戏下乡一百二十场，覆盖全部行政村和社区。
        targets:
          - {name: 送戏下乡场次, value: 120, unit: 场, baseline: 100}
  - title: 推动文化和旅游提质增效
    tasks:
      - title: 培育乡村旅游精品线路。
        body: 串联古村落、茶园和水库景区，推出三条乡村旅游精品线路。
      - title: 保护非物质文化遗产。
        body: 完成县级非遗项目普查，建立传承人档案，扶持两个非遗工坊。
      - title: 发展智慧旅游。
        body: 建设全县智慧旅游平台，实现景区门票预约和客流监测。
        targets:
          - {name: 景区预约覆盖率, value: 80, unit: "%"}
"""


def ref(path, section, label, title):
    return {"path": path, "section": section, "label": label, "title": title}


SEC1, SEC2_OLD, SEC2_NEW = "一、繁荣公共文化服务", "二、推动旅游提质增效", "二、推动文化和旅游提质增效"
SONG = ref("sections[0].tasks[1]", SEC1, "2.", "开展送戏下乡。")
ZHIHUI = ref("sections[1].tasks[2]", SEC2_NEW, "5.", "发展智慧旅游。")
EXPECTED_JSON = {
    "old": {"title": "示例县2023年文化旅游工作要点", "year": 2023},
    "new": {"title": "示例县2024年文化旅游工作要点", "year": 2024},
    "summary": {"added": 1, "dropped": 1, "moved": 1, "reworded": 1, "changed": 0, "targets": 2,
                "fields": 3},
    "fields": [
        {"path": "title", "label": "计划标题", "old": "示例县2023年文化旅游工作要点",
         "new": "示例县2024年文化旅游工作要点"},
        {"path": "year", "label": "年份", "old": 2023, "new": 2024},
        {"path": "sections[1].title", "label": "部分标题", "old": "推动旅游提质增效",
         "new": "推动文化和旅游提质增效"}],
    "added": [ZHIHUI],
    "dropped": [ref("sections[1].tasks[1]", SEC2_OLD, "5.", "整治旅游市场秩序。")],
    "moved": [{"old": ref("sections[0].tasks[2]", SEC1, "3.", "保护非物质文化遗产。"),
               "new": ref("sections[1].tasks[1]", SEC2_NEW, "4.", "保护非物质文化遗产。")}],
    "reworded": [{"old": SONG, "new": SONG, "similarity": 0.933, "changes": {"body": {
        "old": "组织县剧团和民间文艺团队送戏下乡一百场，覆盖全部行政村。",
        "new": "组织县剧团和民间文艺团队送戏下乡一百二十场，覆盖全部行政村和社区。"}}}],
    "changed": [],
    "targets": [
        {"change": "changed", "name": "送戏下乡场次", "path": "sections[0].tasks[1].targets[0]",
         "task": SONG, "changes": {"value": {"old": 100, "new": 120},
                                   "baseline": {"old": 90, "new": 100}}},
        {"change": "added", "name": "景区预约覆盖率", "path": "sections[1].tasks[2].targets[0]",
         "task": ZHIHUI, "changes": {"name": {"old": None, "new": "景区预约覆盖率"},
                                     "value": {"old": None, "new": 80},
                                     "unit": {"old": None, "new": "%"}}},
    ],
}
EXPECTED_TEXT = [
    "比较：示例县2023年文化旅游工作要点（2023年）→ 示例县2024年文化旅游工作要点（2024年）",
    "计划和通知（2）：",
    "  计划标题：示例县[-2023-]{+2024+}年文化旅游工作要点",
    "  年份：2023 → 2024",
    "部分（1）：",
    "  二、部分标题：推动{+文化和+}旅游提质增效",
    "新增任务（1）：",
    "  + 5. 发展智慧旅游。（二、推动文化和旅游提质增效）",
    "删除任务（1）：",
    "  - 5. 整治旅游市场秩序。（二、推动旅游提质增效）",
    "移动任务（1）：",
    "  3. → 4. 保护非物质文化遗产。（一、繁荣公共文化服务 → 二、推动文化和旅游提质增效）",
    "改写任务（1）：",
    "  2. 开展送戏下乡。（相似度 0.93）",
    "    正文：组织县剧团和民间文艺团队送戏下乡一百{+二十+}场，覆盖全部行政村{+和社区+}。",
    "指标变化（2）：",
    "  送戏下乡场次（2. 开展送戏下乡。）：目标值 100场 → 120场；基数 90场 → 100场",
    "  + 景区预约覆盖率（5. 发展智慧旅游。）：目标值 80%",
    "合计：新增 1，删除 1，移动 1，改写 1，调整 0，指标变化 2，其他内容 3",
]


@pytest.fixture
def pair(tmp_path):
    old, new = tmp_path / "2023.yaml", tmp_path / "2024.yaml"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new




def test_diff_json_has_the_documented_shape(pair):
    result = invoke("diff", *pair, "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == EXPECTED_JSON


def test_diff_text_names_each_change(pair):
    result = invoke("diff", *pair)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == EXPECTED_TEXT


def test_tasks_match_by_similarity_not_position():
    old, _ = parse_plan(OLD)
    new, _ = parse_plan(NEW.replace("      - title: 建设城市书房。", "      - title: 建设城市书房和农家书屋。"))
    diff = diff_plans(old, new)
    assert [(m.old.path, m.new.path) for m in diff.reworded] == [
        ("sections[0].tasks[0]", "sections[0].tasks[0]"),
        ("sections[0].tasks[1]", "sections[0].tasks[1]")]
    swapped = OLD.replace("""      - title: 培育乡村旅游精品线路。
        body: 串联古村落、茶园和水库景区，推出三条乡村旅游精品线路。
""", "") + """      - title: 培育乡村旅游精品线路。
        body: 串联古村落、茶园和水库景区，推出三条乡村旅游精品线路。
"""
    diff = diff_plans(old, parse_plan(swapped)[0])
    assert (diff.added, diff.dropped, diff.moved, diff.reworded) == ([], [], [], [])
    assert [(m.old.label, m.new.label) for m in diff.matches if m.old.label != m.new.label] == [
        ("5.", "4."), ("4.", "5.")]


def test_same_plan_has_no_differences(pair):
    result = invoke("diff", pair[0], pair[0])
    assert result.stdout.splitlines()[1:] == ["两份计划的内容没有变化。"]


def test_tokens_keep_numbers_whole_and_split_chinese():
    assert tokenize("送戏100场，12.5% ok") == ["送", "戏", "100", "场", "，", "12.5", "%", " ", "ok"]


def revisions(docx_bytes: bytes) -> list[tuple[str, str]]:
    """Return (ins|del, text) for every revision mark holding runs, in document order."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx_bytes)).read("word/document.xml"))
    out = []
    for mark in root.iter(W + "ins", W + "del"):
        text = "".join(t.text or "" for t in mark.iter(W + "t", W + "delText"))
        if text:
            out.append((etree.QName(mark).localname, text))
    return out


def plain(plan) -> list[str]:
    return resolved(write_docx(build_document(plan), load_style(None), split=False), True)


_NUMBER = re.compile(r"^(?:\d+\.|（[一二三四五六七八九十]+）)")


def unnumbered(lines: list[str]) -> list[str]:
    """Return the lines without task numbers and row numbers: a redline does not mark a
    number that only moved, so rejecting every change keeps the new numbering."""
    return [_NUMBER.sub("", line) for line in lines if not line.isdigit()]


def test_redline_marks_changes_as_word_revisions(pair, tmp_path):
    out = tmp_path / "redline.docx"
    result = invoke("diff", *pair, "--docx", out)
    assert result.exit_code == 0
    assert result.stderr == f"已写出 {out}\n"
    data = out.read_bytes()
    assert revisions(data) == [
        ("del", "2023"), ("ins", "2024"), ("ins", "二十"), ("ins", "和社区"),
        ("del", "3.保护非物质文化遗产。完成县级非遗项目普查，建立传承人档案，扶持两个非遗工坊。"),
        ("ins", "文化和"),
        ("del", "5.整治旅游市场秩序。联合市场监管部门开展旅游市场专项整治，查处不合理低价游。"),
        ("ins", "4.保护非物质文化遗产。完成县级非遗项目普查，建立传承人档案，扶持两个非遗工坊。"),
        ("ins", "5.发展智慧旅游。建设全县智慧旅游平台，实现景区门票预约和客流监测。"),
        ("del", "100"), ("ins", "120"), ("del", "90"), ("ins", "100"),
        ("ins", "2"), ("ins", "5.发展智慧旅游"), ("ins", "景区预约覆盖率"), ("ins", "80%"),
    ]
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    marks = list(root.iter(W + "ins", W + "del"))
    assert {(m.get(W + "author"), m.get(W + "date")) for m in marks} == {
        ("workplan", "2000-01-01T00:00:00Z")}
    assert len({m.get(W + "id") for m in marks}) == len(marks)


def test_accepting_all_revisions_gives_the_new_plan_and_rejecting_the_old(pair):
    old, new = load_plan(pair[0])[0], load_plan(pair[1])[0]
    data = write_redline(old, new, diff_plans(old, new))
    assert resolved(data, accept=True) == plain(new)
    assert unnumbered(resolved(data, accept=False)) == unnumbered(plain(old))
    assert write_redline(old, new, diff_plans(old, new)) == data


def test_a_dropped_target_after_a_new_last_row_comes_back_when_rejecting():
    """The dropped row is drawn from the table's last row as it was before the new last row
    was marked inserted: it carries only its own deletion (and fresh mark ids)."""
    old_text = OLD.replace("baseline: 90}", "baseline: 90}\n          - {name: 送戏下乡村数, value: 50, unit: 个}")
    old, new = parse_plan(old_text)[0], parse_plan(NEW)[0]
    data = write_redline(old, new, diff_plans(old, new))
    assert resolved(data, accept=True) == plain(new)
    assert unnumbered(resolved(data, accept=False)) == unnumbered(plain(old))
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    marks = [m.get(W + "id") for m in root.iter(W + "ins", W + "del")]
    assert len(set(marks)) == len(marks)


def test_redline_of_a_rolled_over_plan_with_notice():
    text = (ROOT / "examples" / "minzheng-2021.yaml").read_text(encoding="utf-8")
    old, _ = parse_plan(text)
    new, _ = parse_plan(roll_over(text, "m.yaml").text)
    data = write_redline(old, new, diff_plans(old, new))
    assert resolved(data, accept=True) == plain(new)
    year = [("del", "2021"), ("ins", "2022")]
    assert revisions(data) == (
        year * 6  # 发文字号, notice title, notice body, 附件 (the plan, its 分解表), 成文日期
        + year + year + [("del", "开局"), ("ins", "关键")]  # plan title, preamble
        + year * 3  # task deadlines in the bodies
        + [("del", "820元/月"), ("del", "780"), ("ins", "820")] + year  # targets table
        + [("del", "3个工作日"), ("del", "5"), ("ins", "3")]
        + [("del", "95%"), ("del", "92"), ("ins", "95")]
        + [("del", "10处"), ("del", "6"), ("ins", "10")] + year
        + year  # the 分解表's title
        + year)  # 版记 印发日期


def test_diff_of_a_bad_plan_exits_1(pair, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: 示例\nyear: 2024\n", encoding="utf-8")
    result = invoke("diff", pair[0], bad)
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", f"{bad}:1:1: E101 sections: 必填项缺失\n")


def test_diff_docx_never_writes_over_an_input(pair):
    result = invoke("diff", *pair, "--docx", pair[1])
    assert result.exit_code == 2
    assert result.stderr == f"错误：{pair[1]}: 输出文件不能与输入文件相同\n"
    assert pair[1].read_text(encoding="utf-8") == NEW


def test_redline_finds_a_number_with_many_signers_and_text_with_breaks():
    """The 文号 line with five 签发人 (three lines of runs), a 署名 with a line break and a
    control character XML cannot hold: each changed paragraph is found and marked."""
    old_text = HARD_PLAN.replace("〔2024〕7号", "〔2024〕5号").replace("冯五岳", "冯五山")
    new_text = HARD_PLAN.replace("signature: 示例县文化旅游局",
                                 'signature: "示例县文化旅游局\\n示例县\\x01财政局"')
    old, new = parse_plan(old_text)[0], parse_plan(new_text)[0]
    data = write_redline(old, new, diff_plans(old, new))
    assert resolved(data, accept=True) == plain(new)
    assert unnumbered(resolved(data, accept=False)) == unnumbered(plain(old))
    assert revisions(data) == [("del", "5"), ("ins", "7"), ("del", "山"), ("ins", "岳"),
                               ("ins", "示例县财政局")]


def test_a_task_that_only_got_a_new_number_is_not_marked():
    """A task put first renumbers every later one, in the text and in the targets table's
    序号 and 任务 cells: only the new task is a revision."""
    new_text = OLD.replace("    tasks:\n      - title: 建设城市书房。", "    tasks:\n      - title: 新建文化驿站。\n"
                           "        body: 在两个镇试点建设文化驿站。\n      - title: 建设城市书房。", 1)
    old, new = parse_plan(OLD)[0], parse_plan(new_text)[0]
    data = write_redline(old, new, diff_plans(old, new))
    assert revisions(data) == [("ins", "1.新建文化驿站。在两个镇试点建设文化驿站。")]
    assert resolved(data, accept=True) == plain(new)


def test_diff_help_documents_every_key_of_its_json(pair):
    """The help states the JSON shape (not a path into the source): every key the output
    has, at every level, is named in it."""
    help_text = invoke("diff", "--help").stdout
    assert "generator/" not in help_text

    def keys(value):
        if isinstance(value, dict):
            for key, inner in value.items():
                yield key
                yield from keys(inner)
        elif isinstance(value, list):
            for inner in value:
                yield from keys(inner)

    output = json.loads(invoke("diff", *pair, "--json").stdout)
    assert {key for key in keys(output) if key not in help_text} == set()
