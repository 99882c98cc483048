"""Importing a notice and plan as web pages print them (fictional text written for the
tests): 发文字号 and 主送 under the title, half-width full stops, decoration lines."""
from helpers import import_text

WEB_PAGE = """\
首页 > 政务公开 > 计划总结
发布日期：2024-03-01

示例区文化馆关于印发《示例区文化馆2024年工作要点》的通知
示文馆发〔2024〕2号

各街道文化站，馆内各部室：
现将《示例区文化馆2024年工作要点》印发给你们，请抓好落实。

示例区文化馆
2024年2月28日

示例区文化馆2024年工作要点

一、办好群众文化活动
1、组织广场舞展演. 每季度举办一场，覆盖各街道。
2、开展非遗进社区。全年不少于十场。
★★★
3、办好少儿美术班。春秋两季各开一期。
"""


def _import(text: str, name: str = "WEB.txt"):
    """Return (data, plan, warning lines) for a web page's text (see helpers.import_text)."""
    return import_text(text, name)



def test_number_and_recipients_under_the_title_belong_to_the_notice():
    data, _, _ = _import(WEB_PAGE)
    notice = data["notice"]
    assert notice["doc_number"] == "示文馆发〔2024〕2号"
    assert notice["recipients"] == "各街道文化站，馆内各部室："
    assert notice["body"] == "现将《示例区文化馆2024年工作要点》印发给你们，请抓好落实。"


def test_half_width_full_stop_between_chinese_ends_the_lead_sentence():
    _, plan, warnings = _import(WEB_PAGE)
    task = plan.sections[0].tasks[0]
    assert (task.title, task.body) == ("组织广场舞展演。", "每季度举办一场，覆盖各街道。")
    assert "WEB.txt:16:1: W403 已将 1 处半角标点改为全角（首处在此行）" in warnings


def test_line_of_symbols_is_kept_unplaced_not_made_a_heading():
    data, plan, warnings = _import(WEB_PAGE)
    assert [s.title for s in plan.sections] == ["办好群众文化活动"]
    assert [t.title for t in plan.sections[0].tasks] == \
        ["组织广场舞展演。", "开展非遗进社区。", "办好少儿美术班。"]
    assert data["unplaced"] == ["★★★"]
    assert "WEB.txt:18:1: W401 未能归类的文本已保存到 unplaced" in warnings
    assert not any("(W407)" in w or "(W406)" in w for w in warnings)
