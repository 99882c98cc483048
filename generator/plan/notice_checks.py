"""Checks of the notice's 版头 marks against GB/T 9704-2012: 密级和保密期限 (§7.2.2),
紧急程度 (§7.2.3), and a secret document that its 附注 says is published (此件公开发布)."""
from __future__ import annotations

import re
from typing import Iterator

from generator.core.codes import finding
from generator.core.location import Finding
from generator.source.sourcemap import SourceMap

SECRECY_LEVELS = ("绝密", "机密", "秘密")
URGENCY_LEVELS = ("特急", "加急")
# 保密期限 after the ★: Arabic digits and 年 or 个月 (秘密★6个月), or 长期
_PERIOD = re.compile(r"★(?:[1-9]\d*(?:年|个月)|长期)")
_STAR_LIKE = re.compile(r"[*＊☆✩✪⭐]")
_CHINESE_DIGITS = re.compile(r"[〇零一二两三四五六七八九十百]")
# a 附注 that says the document is published: 此件公开发布, 此件主动公开 (not 不予公开)
_PUBLIC = re.compile(r"(?<!不)(?<!不予)(?<!非)(?<!不得)公开")


def _secrecy_problem(value: str) -> str | None:
    """Return why a 密级 is not written as §7.2.2 allows, or None when it is."""
    level = next((lv for lv in SECRECY_LEVELS if value.startswith(lv)), None)
    if level is None:
        return ("密级只能是“绝密”“机密”或“秘密”（GB/T 9704 §7.2.2），后面可加“★”和保密期限，"
                "如 机密★1年；不涉密的公文请删去 secrecy")
    rest = value[len(level):]
    if not rest or _PERIOD.fullmatch(rest):
        return None
    if _STAR_LIKE.match(rest):
        return f"密级与保密期限之间应为实心五角星“★”，不是“{rest[0]}”，如 {level}★1年"
    if rest.startswith("★") and _CHINESE_DIGITS.search(rest):
        return f"保密期限中的数字用阿拉伯数字（GB/T 9704 §7.2.2），如 {level}★1年、{level}★6个月"
    return f"密级“{level}”后只能接“★”和保密期限（如 {level}★1年、{level}★6个月、{level}★长期）"


def check_notice_marks(data: dict, smap: SourceMap) -> Iterator[Finding]:
    """E209: 密级 as §7.2.2 allows; E210: 紧急程度 特急 or 加急; E211: not secret and public."""
    notice = data.get("notice") or {}
    secrecy, urgency, note = notice.get("secrecy"), notice.get("urgency"), notice.get("note")
    if isinstance(secrecy, str) and secrecy.strip():
        problem = _secrecy_problem(secrecy.strip())
        if problem:
            yield finding("E209", smap.locate(("notice", "secrecy")),
                          f"密级“{secrecy}”无效：{problem}", "notice.secrecy")
        elif isinstance(note, str) and _PUBLIC.search(note):
            yield finding("E211", smap.locate(("notice", "note")),
                          f"附注“{note}”表明公开发布，但公文标有密级“{secrecy}”：涉密公文不能公开发布，"
                          "请删去密级或改写附注", "notice.note")
    if isinstance(urgency, str) and urgency.strip() not in URGENCY_LEVELS:
        yield finding("E210", smap.locate(("notice", "urgency")),
                      f"紧急程度“{urgency}”无效：公文只标“特急”或“加急”（GB/T 9704 §7.2.3；"
                      "“特提”“平急”只用于电报）；不紧急的公文请删去 urgency", "notice.urgency")
