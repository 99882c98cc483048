"""Importing text in the shapes real files come in (fictional texts written for the tests):
a lost 一、, no title, 1、, （一） numbered across sections, a two-line notice title, a
misprinted date, web-page lines, page breaks, half-width punctuation, summaries."""
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from helpers import import_text


def _import(text: str, name: str = "LAST.txt"):
    """Return (data, plan, warning lines) for a text (see helpers.import_text)."""
    return import_text(text, name)


LOST_NUMERAL = """\
示例区2024年民政工作要点

　　2024年全区民政工作要坚持以人民为中心，兜牢民生底线。

加强机关党的建设

1、抓好理论学习。每月组织一次集中学习。

2、落实主体责任。制定责任清单，逐项抓好落实。

二、兜牢基本民生底线

3、提高城乡低保标准。按上年消费支出增长同步调整。
"""


def test_first_heading_that_lost_its_numeral():
    data, plan, warnings = _import(LOST_NUMERAL)
    assert [s.title for s in plan.sections] == ["加强机关党的建设", "兜牢基本民生底线"]
    assert [len(s.tasks) for s in plan.sections] == [2, 1]
    assert plan.title == "示例区2024年民政工作要点" and plan.year == 2024
    assert data["numbering"] == {"scope": "continuous", "label": "1.", "items": "（1）"}
    assert plan.sections[0].tasks[1].title == "落实主体责任。"
    assert plan.sections[0].tasks[1].body == "制定责任清单，逐项抓好落实。"
    assert warnings == ["LAST.txt:5:1: W407 部分标题“加强机关党的建设”缺少编号（一、），已按部分标题导入"]


def test_text_without_title_starts_with_the_preamble():
    text = "2023年，全县教育工作要聚焦质量提升。\n一、办好学前教育\n（一）扩大普惠资源。新建幼儿园两所。\n"
    data, plan, warnings = _import(text)
    assert plan.title == "2023年工作要点" and plan.year == 2023
    assert plan.preamble == ["2023年，全县教育工作要聚焦质量提升。"]
    assert data["review"] == ["title: 导入时未找到计划标题，已补为“2023年工作要点”，请核对"]
    assert warnings == ["LAST.txt:1:1: W409 未找到计划标题，已补为“2023年工作要点”，请核对"]


def _sections(counts, restart: bool) -> str:
    from generator.core.numerals import chinese_numeral
    lines, n = ["示例市2023年卫生健康工作要点", "总体要求是稳中求进。"], 0
    for s, count in enumerate(counts, start=1):
        lines.append(f"{chinese_numeral(s)}、第{chinese_numeral(s)}部分工作")
        n = 0 if restart else n
        for _ in range(count):
            n += 1
            lines.append(f"（{chinese_numeral(n)}）做好第{n}项工作。按计划推进。")
    return "\n\n".join(lines) + "\n"


def test_tasks_numbered_across_sections_up_to_twenty_three():
    data, plan, warnings = _import(_sections([8, 7, 8], restart=False))
    assert data["numbering"] == {"scope": "continuous", "label": "（一）", "items": "（1）"}
    assert [len(s.tasks) for s in plan.sections] == [8, 7, 8]
    assert plan.sections[2].tasks[-1].title == "做好第23项工作。"
    assert warnings == []


def test_tasks_restarting_in_each_section():
    data, _, warnings = _import(_sections([3, 2, 4], restart=True))
    assert data["numbering"]["scope"] == "section"
    assert warnings == []


def test_numbering_gap_is_reported():
    text = _sections([3, 2], restart=False).replace("（四）做好第4项", "（五）做好第4项")
    _, _, warnings = _import(text)
    assert warnings == ["LAST.txt:15:1: W410 任务编号“（五）”不连续（应为第 4 项），导入后将按顺序重新编号"]


NOTICE = """\
示例区民政局文件

示民发〔2024〕5号

示例区民政局关于印发《示例区2024年
民政工作要点》的通知

各街道办事处, 局属各单位:

现将《示例区2024年民政工作要点》印发给你们, 请认真贯彻执行。

示例区民政局

20243月23日

示例区2024年民政工作要点

全年工作的总体要求是兜底线、促发展。

一、兜牢民生底线

1. 提高低保标准。城乡低保标准提高到每人每月 820 元，同步调整特困

人员供养标准。

示例区民政局办公室

2024年3月25日印发
"""


def test_notice_with_two_line_title_and_misprinted_date():
    data, plan, warnings = _import(NOTICE)
    notice = data["notice"]
    assert notice["issuer_mark"] == "示例区民政局文件"
    assert notice["doc_number"] == "示民发〔2024〕5号"
    assert notice["recipients"] == "各街道办事处，局属各单位："
    assert notice["date"] == "2024-03-23"
    assert notice["imprint"] == {"printer": "示例区民政局办公室", "date": "2024-03-25"}
    assert notice["title"] == "示例区民政局关于印发《示例区2024年民政工作要点》的通知"
    assert notice["body"] == "现将《示例区2024年民政工作要点》印发给你们，请认真贯彻执行。"
    task = plan.sections[0].tasks[0]
    assert task.body == "城乡低保标准提高到每人每月820元，同步调整特困人员供养标准。"
    assert warnings == [
        "LAST.txt:8:1: W403 已将 3 处半角标点改为全角（首处在此行）",
        "LAST.txt:8:1: W404 已删去中文之间或中文与数字之间的 4 处空格（首处在此行）",
        "LAST.txt:14:1: W408 日期“20243月23日”有误，已按“2024年3月23日”导入，请核对",
        "LAST.txt:22:1: W405 第 22 行与第 24 行已合并（疑为分页断开的句子）",
    ]


def test_web_page_lines_before_the_document_are_dropped():
    text = ("当前位置：首页 > 信息公开 > 计划\n索引号: 0001/2024-01\n发布单位: 示例区民政局\n"
            "示例区2024年民政工作要点\n点击次数: 12\n\n示例区2024年民政工作要点\n"
            "总体要求是兜底线。\n一、兜牢民生底线\n1. 提高低保标准。按时调整。\n")
    data, _, warnings = _import(text)
    assert data["title"] == "示例区2024年民政工作要点"
    assert warnings[0] == "LAST.txt:1:1: W402 已忽略文档前的网页信息（第 1–5 行）"


SUMMARY = """\
示例区民政局2023年上半年工作总结
示例区民政局
今年以来，全局上下攻坚克难，各项工作取得新进展。
一、上半年工作完成情况
（一）兜牢民生底线。一是提高保障标准。低保标准提高到每月820元。二是加强临时救助。救助困难群众三百余人次。
（二）提升服务水平。一是建成养老服务站五处。二是开展婚姻登记颁证服务。
二、下半年工作打算
下半年，我们将重点做好以下工作：
一是抓好民生保障。继续提高救助水平。
二是抓好基层治理。推进社区减负增效。
"""


def test_summary_with_inline_items_and_closing_points():
    data, plan, warnings = _import(SUMMARY)
    assert data["numbering"]["items"] == "一是"
    first = plan.sections[0].tasks[0]
    assert first.title == "兜牢民生底线。" and first.body == ""
    assert first.items == ["提高保障标准。低保标准提高到每月820元。", "加强临时救助。救助困难群众三百余人次。"]
    assert plan.sections[1].intro[1:] == ["一是抓好民生保障。继续提高救助水平。",
                                         "二是抓好基层治理。推进社区减负增效。"]
    assert data["unplaced"] == ["示例区民政局"]
    assert warnings == ["LAST.txt:2:1: W401 未能归类的文本已保存到 unplaced"]


def test_paragraph_after_a_task_joins_its_body_with_a_warning():
    text = "示例区2024年工作要点\n一、总体工作\n1. 做好甲项工作。按时完成。\n另行制定实施细则。\n"
    _, plan, warnings = _import(text)
    assert plan.sections[0].tasks[0].body == "按时完成。另行制定实施细则。"
    assert warnings == ["LAST.txt:4:1: W406 任务后的段落已并入上一项任务的正文"]


def test_import_command_writes_yaml_that_validates(tmp_path: Path):
    source = tmp_path / "LAST.txt"
    source.write_text(LOST_NUMERAL, encoding="utf-8")
    target = tmp_path / "plans" / "2024.yaml"
    runner = CliRunner()
    result = runner.invoke(main, ["import", str(source), "-o", str(target)])
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"{source}:5:1: W407 部分标题“加强机关党的建设”缺少编号（一、），已按部分标题导入",
        f"已写出 {target}"]
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# 由 workplan import 导入，来源：LAST.txt。")
    assert "title: 示例区2024年民政工作要点\nyear: 2024\n" in text
    assert runner.invoke(main, ["validate", str(target)]).exit_code == 0


def test_import_without_output_prints_yaml(tmp_path: Path):
    source = tmp_path / "LAST.txt"
    source.write_text(LOST_NUMERAL, encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(source)])
    assert result.exit_code == 0
    assert result.stdout.startswith("# 由 workplan import 导入")
    assert " W407 " in result.stderr and "W407" not in result.stdout


def test_gbk_file_with_form_feeds_from_pdf_extraction(tmp_path: Path):
    source = tmp_path / "LAST.txt"
    text = LOST_NUMERAL.replace("二、兜牢", "\f二、兜牢")
    source.write_bytes(text.encode("gbk"))
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(tmp_path / "p.yaml")])
    assert result.exit_code == 0
    assert "\f" not in (tmp_path / "p.yaml").read_text(encoding="utf-8")
    assert "title: 兜牢基本民生底线" in (tmp_path / "p.yaml").read_text(encoding="utf-8")


def test_braces_in_imported_text_print_as_written():
    text = "示例区2024年工作要点\n一、总体工作\n1. 做好甲项工作。模板写法为{{ year }}和{% if %}。\n"
    from generator.document.build import build_document
    from generator.writers.text import render_text
    _, plan, _ = _import(text)
    assert "模板写法为{{ year }}和{% if %}。" in render_text(build_document(plan))


def test_title_broken_over_two_lines_and_organ_above_the_title():
    text = "示例区2024年\n民政工作要点\n总体要求是兜底线。\n一、总体工作\n1. 做好甲项工作。按时完成。\n"
    data, _, warnings = _import(text)
    assert data["title"] == "示例区2024年民政工作要点"
    assert warnings == ["LAST.txt:2:1: W416 第 1 行与第 2 行合为计划标题"]
    data, _, warnings = _import("示例区民政局\n" + text.replace("\n民政", "民政"))
    assert data["title"] == "示例区2024年民政工作要点"
    assert data["unplaced"] == ["示例区民政局"]
    assert warnings == ["LAST.txt:1:1: W401 未能归类的文本已保存到 unplaced"]


def test_web_footer_and_text_after_the_imprint():
    text = ("示例区民政局文件\n关于印发《示例区2024年民政工作要点》的通知\n各街道：\n现将要点印发给你们。\n"
            "示例区民政局\n2024年3月1日\n示例区2024年民政工作要点\n一、总体工作\n1. 做好甲项工作。按时完成。\n"
            "抄送：区委办公室。\n示例区民政局办公室　　2024年3月2日印发\n附：联系人张某。\n"
            "【打印本页】【关闭窗口】\n版权所有：示例区人民政府\n")
    data, plan, warnings = _import(text)
    assert data["notice"]["imprint"] == {"cc": ["区委办公室"], "printer": "示例区民政局办公室",
                                         "date": "2024-03-02"}
    assert plan.sections[0].tasks[0].body == "按时完成。"
    assert data["unplaced"] == ["附：联系人张某。"]
    assert warnings == ["LAST.txt:12:1: W401 未能归类的文本已保存到 unplaced",
                        "LAST.txt:13:1: W402 已忽略文档后的网页信息（第 13–14 行）"]


def test_third_level_numbers_under_a_task_become_its_items():
    text = ("示例区2024年工作要点\n一、总体工作\n（一）做好甲项工作。分两步推进：\n1. 制定方案。\n2. 组织实施。\n"
            "（二）做好乙项工作。按时完成。\n")
    data, plan, warnings = _import(text)
    assert [t.title for t in plan.sections[0].tasks] == ["做好甲项工作。", "做好乙项工作。"]
    assert plan.sections[0].tasks[0].items == ["制定方案。", "组织实施。"]
    assert data["numbering"] == {"scope": "continuous", "label": "（一）", "items": "（1）"}
    assert warnings == ["LAST.txt:4:1: W417 “1.”是（一）下的第三层编号，已作为上一任务的条目导入",
                        "LAST.txt:5:1: W417 “2.”是（一）下的第三层编号，已作为上一任务的条目导入"]
