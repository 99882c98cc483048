"""Patterns of official writing that several stages read: the 发文字号 and a year in text.

One definition each, so that validation, import and rollover agree on what a 发文字号 is.
"""
from __future__ import annotations

import re

_OPEN, _CLOSE = "〔\\[［(（【", "〕\\]］)）】"      # 〔〕 and the brackets people type instead


def _doc_number(code: str) -> str:
    return (rf"(?P<code>{code})(?P<open>[{_OPEN}])(?P<year>\d{{2,4}})(?P<close>[{_CLOSE}])"
            rf"(?P<di>第?)(?P<seq>\d+)号")


# A whole 发文字号 as written, brackets and 第 tolerated: 示民发〔2021〕12号, 示民发[2021]第012号.
DOC_NUMBER = re.compile(rf"^{_doc_number('.+?')}$")
# A 发文字号 line of a document read back: the number, then optionally 签发人：names.
_NO_SPACE = r"\S+?"
DOC_NUMBER_LINE = re.compile(rf"^(?P<number>{_doc_number(_NO_SPACE)})"
                             r"\s*(?:签发人\s*[:：]\s*(?P<signer>.+))?$")
# A four-digit year written in running text: 2021年, 2021 年.
YEAR_IN_TEXT = re.compile(r"(?<!\d)(\d{4})\s*年")
