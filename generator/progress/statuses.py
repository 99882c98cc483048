"""The four statuses of a task or target in the 台账, and the ways people write them."""
from __future__ import annotations

DONE, ONGOING, NOT_STARTED, LAGGING = "已完成", "推进中", "未启动", "滞后"
STATUSES = (DONE, ONGOING, NOT_STARTED, LAGGING)
UNREPORTED = "未填报"          # no progress entry for the task (status counts only)

# common variants seen in filled ledgers, each understood as one of the four
VARIANTS = {
    DONE: ("完成", "已完结", "完结", "已办结", "办结", "已落实", "落实", "已完成任务", "全部完成",
           "已结束", "结束", "已实现", "达成", "已达成", "销号", "已销号", "完成✓", "√", "✓"),
    ONGOING: ("进行中", "正在进行", "推进", "正在推进", "持续推进", "正在办理", "在办", "办理中",
              "已启动", "实施中", "正在实施", "按计划推进", "按序时推进", "有序推进"),
    NOT_STARTED: ("未开始", "尚未启动", "尚未开始", "未开展", "尚未开展", "待启动", "未实施"),
    LAGGING: ("进度滞后", "落后", "进度落后", "延期", "延迟", "逾期", "未按期完成", "推进缓慢"),
}
_BY_VARIANT = {v: status for status, words in VARIANTS.items() for v in words}


def normalize_status(text) -> tuple[str | None, bool]:
    """Return (the status a cell's text means, whether it was a variant): ("已完成", False)
    for 已完成, ("已完成", True) for 已完结, (None, False) for text that is none of them;
    ("", False) for an empty cell."""
    word = "".join(str(text or "").split())
    if not word:
        return "", False
    if word in STATUSES:
        return word, False
    status = _BY_VARIANT.get(word)
    return (status, True) if status else (None, False)
