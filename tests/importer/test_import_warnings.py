"""Import warnings that name what the importer made up or normalised (exact lines)."""
from __future__ import annotations

import datetime as dt

from helpers import import_text

PLAN = "示例区民政局2024年工作要点\n\n今年民政工作的总体要求是兜底线。\n\n"
TASK = "1.做好低保工作。按时足额发放。\n"


def test_notice_fields_not_found_are_made_up_and_flagged_w411():
    text = ("示例区民政局文件\n\n示民发〔2024〕5号\n\n关于印发《示例区民政局2024年工作要点》的通知\n\n"
            "各科室：\n\n现将《示例区民政局2024年工作要点》印发给你们，请认真贯彻落实。\n\n"
            "示例区民政局2024年工作要点\n\n一、兜牢民生底线\n\n" + TASK)
    data, _, warnings = import_text(text, "LAST.txt")
    assert warnings == ["LAST.txt:1:1: W411 未找到成文日期，已补为“2024-01-01”，请核对",
                        "LAST.txt:1:1: W411 未找到署名，已补为“示例区民政局”，请核对"]
    assert "notice.date: 导入时未找到成文日期，已补为“2024-01-01”，请核对" in data["review"]


def test_tasks_before_any_section_heading_go_to_an_unnamed_section_w412():
    data, _, warnings = import_text(PLAN + TASK + "\n一、兜牢民生底线\n\n2.做好救助工作。及时救助。\n", "LAST.txt")
    assert warnings == ["LAST.txt:5:1: W412 任务出现在部分标题（一、）之前，已放入“（未命名部分）”"]
    assert [s["title"] for s in data["sections"]] == ["（未命名部分）", "兜牢民生底线"]


def test_a_missing_year_takes_this_year_and_is_flagged_w413():
    data, _, warnings = import_text("示例区民政局工作要点\n\n一、兜牢民生底线\n\n" + TASK, "LAST.txt")
    assert warnings == ["LAST.txt:1:1: W413 未找到计划年份，已用今年，请核对"]
    assert data["year"] == dt.date.today().year


def test_mixed_task_labels_are_made_one_style_w414():
    text = (PLAN + "一、兜牢民生底线\n\n（一）做好低保工作。按时足额发放。\n\n二、提升服务水平\n\n"
            "1.做好养老服务。建设助餐点。\n\n2.做好救助工作。及时救助。\n")
    data, plan, warnings = import_text(text, "LAST.txt")
    assert warnings == ["LAST.txt:7:1: W414 任务编号样式不一，已统一为“1.”"]
    assert plan.numbering.label == "1." and sum(len(s.tasks) for s in plan.sections) == 3


def test_document_number_brackets_and_padding_are_normalised_w415():
    text = ("示例区民政局文件\n\n示民发[2024]第05号\n\n关于印发《示例区民政局2024年工作要点》的通知\n\n"
            "各科室：\n\n现将《示例区民政局2024年工作要点》印发给你们。\n\n示例区民政局\n\n2024年2月1日\n\n"
            "示例区民政局2024年工作要点\n\n一、兜牢民生底线\n\n" + TASK)
    data, _, warnings = import_text(text, "LAST.txt")
    assert warnings == ["LAST.txt:3:1: W415 发文字号“示民发[2024]第05号”已规范为“示民发〔2024〕5号”"]
    assert data["notice"]["doc_number"] == "示民发〔2024〕5号"
