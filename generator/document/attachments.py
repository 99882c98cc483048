"""The 附件 label of an attachment (GB/T 9704-2012 7.3.7), in one place.

The notice lists its attachments under 附件说明; each attachment printed after it carries
its label at the top left of its first page: 附件 when the notice has one attachment,
附件1, 附件2 … (in the order of the 附件说明) when it has several. The plan itself and any
further attachment (a 重点任务分解表) take their labels from here.
"""
from __future__ import annotations

from collections.abc import Sequence

LABEL = "附件"


def attachment_label(number: int, count: int) -> str:
    """Return the label of attachment ``number`` (1-based) of ``count``: 附件 alone when
    there is one, 附件N when there are several. Raises ValueError for a number outside
    1..count."""
    if not 1 <= number <= count:
        raise ValueError(f"attachment {number} of {count}")
    return LABEL if count == 1 else f"{LABEL}{number}"


def _key(name: str) -> str:
    """Return a name compared without 书名号 and spaces (附件说明 may quote the title)."""
    return "".join(name.split()).strip("《》")


def label_for(name: str, listed: Sequence[str]) -> str:
    """Return the label of the attachment called ``name`` in the 附件说明 ``listed``, or ""
    when the notice does not list it (then it is printed without a label)."""
    keys = [_key(item) for item in listed]
    key = _key(name)
    if key not in keys:
        return ""
    return attachment_label(keys.index(key) + 1, len(keys))
