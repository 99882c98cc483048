"""Recognise the 重点任务分解表 a notice printed as its last attachment (our own output):
"附件N", its title (the last name in the 附件说明), then a table headed 序号. It is data
derived from the plan, so it is not imported as text: the plan gets ``notice.breakdown``.
"""
from __future__ import annotations

import re

from generator.document.model import Block, Kind

_LABEL = re.compile(r"附件\d*")


def breakdown_span(blocks: list[Block], start: int, attachments: list[str]) -> range:
    """Return the indexes of the 分解表's blocks (label, title, table; up to the 版记) or an
    empty range when the blocks after ``start`` hold none."""
    if not attachments:
        return range(0)
    for i in range(start, len(blocks) - 2):
        label, title, table = blocks[i:i + 3]
        if (label.kind in (Kind.PARAGRAPH, Kind.ATTACHMENT_LABEL) and _LABEL.fullmatch(label.text)
                and title.text == attachments[-1] and table.kind is Kind.TARGETS
                and table.rows and table.rows[0][:1] == ("序号",)):
            end = i + 3
            while end < len(blocks) and blocks[end].kind is Kind.TARGETS:
                end += 1
            return range(i, end)
    return range(0)


def breakdown_setting(title: str, plan_title: str) -> bool | str:
    """Return ``notice.breakdown`` for a 分解表 of ``title``: True for the default title
    (templates/breakdown/title.j2), else the title itself."""
    return True if title == f"{plan_title}重点任务分解表" else title
