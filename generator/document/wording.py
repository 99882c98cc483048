"""The wording that build prints and the importer parses back: one definition of each.

The duty remark after a task body (（牵头单位：…；完成时限：…）), the header of the targets
table, and the 附件说明 lines (附件：1.名称 …). ``build`` and the DOCX writer print with the
functions here; the readers and the importer parse with the patterns here, so what the tool
writes it can always read back.
"""
from __future__ import annotations

import re

LEAD = "牵头单位"
SUPPORT = "责任单位"
DEADLINE = "完成时限"
DEADLINE_ALT = "完成时间"               # read, never written
ATTACHMENT = "附件："

# The targets table: header cells, and the plan field each header cell (also some that
# other offices write) reads back into.
TARGET_HEADER = ("序号", "任务", "指标", "目标值", "基数", DEADLINE, SUPPORT)
TARGET_COLUMNS = {"任务": "task", "指标": "name", "目标值": "value", "基数": "baseline",
                  DEADLINE: "deadline", SUPPORT: "owners", LEAD: "owners", "备注": "note"}

DUTY = re.compile(rf"（((?:{LEAD}|{SUPPORT}|{DEADLINE}|{DEADLINE_ALT})：[^（）]*)）$")
ATTACHMENT_LINE = re.compile(r"^附件\s*[:：]\s*(.*)$")
_NUMBER = re.compile(r"^\d+\.")


def duty_remark(owners: list[str], deadline: str, support: list[str] = ()) -> str:
    """Return the remark printed after a task body, （牵头单位：甲、乙；完成时限：2021年6月30日）,
    or "" when the task names neither (``deadline`` already formatted for print); with
    ``support``, those units follow as 责任单位: （牵头单位：甲；责任单位：乙；…）."""
    duty = [f"{LEAD}：{'、'.join(owners)}"] if owners else []
    duty += [f"{SUPPORT}：{'、'.join(support)}"] if support else []
    duty += [f"{DEADLINE}：{deadline}"] if deadline else []
    return f"（{'；'.join(duty)}）" if duty else ""


def attachment_lines(names: tuple[str, ...] | list[str]) -> list[str]:
    """Return the 附件说明 lines as printed: 附件：名称, or 附件：1.名称, 2.名称 … for several."""
    many = len(names) > 1
    return [(ATTACHMENT if i == 0 else "") + (f"{i + 1}." if many else "") + name
            for i, name in enumerate(names)]


def attachment_names(lines: list[str]) -> list[str]:
    """Return the attachment names of printed 附件说明 lines (the inverse of attachment_lines)."""
    names = [re.sub(r"^附件[:：]", "", line.strip()) for line in lines]
    return [_NUMBER.sub("", name) for name in names] if len(names) > 1 else names
