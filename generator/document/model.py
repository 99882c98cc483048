"""The Document: what gets printed, as a flat list of blocks of a small, closed set of kinds.

Writers (text, DOCX) turn blocks into output; readers turn files back into blocks. A block
holds only text already worded and numbered: writers never compute numbers or wording.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import NamedTuple


class Kind(str, Enum):
    """Block kinds, in the order they may appear in a notice followed by its plan."""

    COPY_NUMBER = "copy_number"        # 份号
    SECRECY = "secrecy"                # 密级和保密期限
    URGENCY = "urgency"                # 紧急程度
    ISSUER_MARK = "issuer_mark"        # 发文机关标志 (red)
    DOC_NUMBER = "doc_number"          # 发文字号; parts = 签发人 names; red rule below
    TITLE = "title"                    # notice title (公文标题)
    RECIPIENTS = "recipients"          # 主送机关
    PARAGRAPH = "paragraph"            # body text: notice body, preamble, section intro
    ATTACHMENTS = "attachments"        # 附件说明; parts = attachment names
    SIGNATURE = "signature"            # 发文机关署名
    DATE = "date"                      # 成文日期 (text already 2021年3月23日)
    NOTE = "note"                      # 附注
    ATTACHMENT_LABEL = "attachment_label"  # 附件 / 附件1: starts an attachment (the plan, the
                                       # 分解表) on a new page
    PLAN_TITLE = "plan_title"          # title of the plan; starts a new page after a notice
    HEADING = "heading"                # level 1 section heading 一、…
    TASK = "task"                      # numbered task: label, lead sentence, body (level 2 or 3)
    ITEM = "item"                      # enumerated item （1）… (level 4)
    TARGETS = "targets"                # table of targets; rows in ``rows``
    ATTACHMENT_TITLE = "attachment_title"  # the attachment's title, centred
    BREAKDOWN = "breakdown"            # 重点任务分解表; rows in ``rows``, column keys in ``parts``
    IMPRINT = "imprint"                # 版记; parts = (抄送, 印发机关, 印发日期)


class Block(NamedTuple):
    """One printed unit (immutable; a named tuple, made several times faster than a
    frozen dataclass: a 10,000-task plan has some 13,000).

    ``label`` is a computed number (一、 1. （一） （1）); ``lead`` a task's lead sentence;
    ``level`` 1–4 for headings, tasks and items; ``parts`` extra texts a kind needs (for
    TITLE and PLAN_TITLE: its lines where the user marked breaks, else none);
    ``rows`` table rows for TARGETS and BREAKDOWN (first row is the header).
    """

    kind: Kind
    text: str = ""
    label: str = ""
    lead: str = ""
    level: int = 0
    parts: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass
class Document:
    """A printable document: its blocks and metadata (title, author = issuer, seal, and the
    creation time, None unless asked for so that output stays the same from run to run)."""

    blocks: list[Block] = field(default_factory=list)
    title: str = ""
    author: str = ""
    seal: bool = True
    created: datetime | None = None

    def of_kind(self, kind: Kind) -> list[Block]:
        """Return the blocks of one kind, in order."""
        return [b for b in self.blocks if b.kind is kind]
