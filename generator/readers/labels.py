"""Recognising the parts of an official document line by line: numbering labels
(一、 （一） 1. （1）), the notice's lines (发文机关标志, 发文字号, 标题, 主送, 署名, 日期, 版记),
and whether a line ends a sentence. Shared by the text and DOCX readers."""
from __future__ import annotations

import re
from dataclasses import dataclass

from generator.core.numerals import NUMERAL, chinese_to_int
from generator.document.model import Kind

_HEADING = re.compile(rf"^([{NUMERAL}]+)\s*[、，,．.]\s*(.*)$")
_TASK_CN = re.compile(rf"^[（(]\s*([{NUMERAL}]+)\s*[）)]\s*[、，]?\s*(.*)$")
# 1. 1． 1、: a digit right after "." makes a decimal number (2.5G), not a label; we print
# "2. 5G" (see numbering.label_before). After "、" a digit is no number: 2、5G is a label.
_TASK_NUM = re.compile(r"^([0-9０-９]{1,5})\s*(?:[.．](?![0-9０-９])|、)\s*(.*)$")
_ITEM = re.compile(r"^[（(]\s*([0-9０-９]{1,4})\s*[）)]\s*(.*)$")
_ITEM_CIRCLED = re.compile(r"^([\u2460-\u2473])\s*(.*)$")

DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
IMPRINT_DATE = re.compile(r"^(?P<printer>.*?)\s*(?P<date>\d{4}年\d{1,2}月\d{1,2}日)\s*印发$")
URGENCY = ("特急", "加急", "特提", "平急")
_SECRECY = re.compile(r"^(绝密|机密|秘密|内部)(★.*)?$")
_COPY_NUMBER = re.compile(r"^\d{6}$")
_DOC_KINDS = ("通知", "通报", "意见", "决定", "办法", "规定", "方案", "要点", "报告", "请示", "函", "纪要", "批复")

_FINAL = "。！？；：…"
_CLOSERS = "”’）》」』】\"'"


@dataclass(frozen=True)
class Label:
    """A numbering label found at the start of a line: kind, label as printed, the rest."""

    kind: Kind
    label: str
    number: int
    text: str
    level: int


def _to_int(numeral: str) -> int:
    digits = numeral.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if digits.isdigit():
        return int(digits)
    return chinese_to_int(numeral)




def find_label(text: str) -> Label | None:
    """Return the numbering label a line starts with, or None.

    一、 gives a HEADING (level 1); （一） a TASK (level 2); 1. 1、 1． a TASK (level 3);
    （1） and ① an ITEM (level 4).
    """
    if match := _TASK_CN.match(text):
        n = chinese_to_int(match[1])
        return Label(Kind.TASK, f"（{match[1]}）", n, match[2], 2)
    if match := _ITEM.match(text):
        n = _to_int(match[1])
        return Label(Kind.ITEM, f"（{n}）", n, match[2], 4)
    if match := _ITEM_CIRCLED.match(text):
        n = ord(match[1]) - 0x2460 + 1
        return Label(Kind.ITEM, f"（{n}）", n, match[2], 4)
    if (match := _HEADING.match(text)) and match[2] and not match[2].startswith("是"):
        return Label(Kind.HEADING, f"{match[1]}、", chinese_to_int(match[1]), match[2], 1)
    if (match := _TASK_NUM.match(text)) and match[2]:
        n = _to_int(match[1])
        return Label(Kind.TASK, f"{n}.", n, match[2], 3)
    return None


def ends_sentence(text: str) -> bool:
    """Return True when a line ends a sentence (。！？；：… possibly followed by closing
    quotes), or ends with a bracketed remark whose brackets balance."""
    stripped = text.rstrip(_CLOSERS)
    if stripped and stripped[-1] in _FINAL:
        return True
    return text.endswith(("）", ")")) and text.count("（") + text.count("(") == \
        text.count("）") + text.count(")")


def split_lead(text: str) -> tuple[str, str]:
    """Return (lead sentence up to and including the first 。, the rest); the whole text is the
    lead when it has no 。."""
    index = text.find("。")
    if index < 0:
        return text, ""
    return text[:index + 1], text[index + 1:]


def is_issuer_mark(text: str) -> bool:
    """发文机关标志: a short line ending with 文件 and no punctuation."""
    return text.endswith("文件") and len(text) <= 30 and not any(c in text for c in "，。：；")


def is_date(text: str) -> bool:
    """成文日期 line such as 2021年3月23日."""
    return bool(DATE.match(text))


def starts_title(text: str, following: str = "") -> bool:
    """Return True when a notice title (关于…的通知) starts on this line, or this line is the
    organ's name and the title continues on the next line with 关于."""
    if text.startswith("关于") or ("关于" in text and text.endswith(_DOC_KINDS)):
        return True
    if "关于" in text and len(text) <= 40 and not ends_sentence(text):
        return True          # the title goes on over the next line
    return following.startswith("关于") and len(text) <= 30 and not ends_sentence(text)


def ends_title(text: str) -> bool:
    """Return True when a title line ends with the kind of document (通知, 意见 …)."""
    return text.endswith(_DOC_KINDS) and text.count("《") == text.count("》")


def head_kind(text: str) -> Kind | None:
    """Return COPY_NUMBER, SECRECY or URGENCY for the short lines above the issuer mark."""
    if _COPY_NUMBER.match(text):
        return Kind.COPY_NUMBER
    if _SECRECY.match(text):
        return Kind.SECRECY
    if text in URGENCY:
        return Kind.URGENCY
    return None


def has_words(text: str) -> bool:
    """Return False for a line of symbols only (★★★, ——, ※), which is decoration."""
    return any(c.isalnum() for c in text)


def is_short_line(text: str, limit: int = 40) -> bool:
    """Return True for a short line without sentence punctuation (a title, a name)."""
    return len(text) <= limit and not any(c in text for c in "，。；：！？")
