"""Pieces of imported text turned back into plan fields: the duty remark after a task body
(（牵头单位：…；完成时限：…）), items written inline as 一是…二是…, the targets table,
figures with units, dates. Used by extract.py."""
from __future__ import annotations

import re

from generator.core.dates import parse_date
from generator.core.numerals import NUMERAL, chinese_to_int, is_amount
from generator.document.wording import DUTY, LEAD, SUPPORT, TARGET_COLUMNS

_INLINE_ITEM = re.compile(rf"(?:^|(?<=[。；：，！？]))([{NUMERAL}]+)是")
_FIGURE = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*(.*)$")
_NAMES = re.compile(r"[、，,；;\s]+")
_CN_FIGURE = re.compile(r"^([零〇一二两三四五六七八九十百千万亿点]+)(.*)$")


def to_iso_date(text: str) -> str | None:
    """Return the date as 2021-03-23, or None when the text is not a real date."""
    try:
        return parse_date(text.strip()).isoformat()
    except ValueError:
        return None


def split_names(text: str) -> list[str]:
    """Return the names in a list written 甲、乙，丙."""
    return [name for name in _NAMES.split(text.strip().rstrip("。")) if name]


def split_duty(body: str) -> tuple[str, list[str], str]:
    """Return (body without the duty remark, owners, deadline as 2021-03-23 or "").

    The remark is kept in the body when its deadline is not a real date."""
    match = DUTY.search(body)
    if not match:
        return body, [], ""
    owners, deadline = [], ""
    for part in match[1].split("；"):
        name, _, value = part.partition("：")
        if name in (LEAD, SUPPORT):             # the first leads, the others support
            owners += split_names(value)
        else:
            deadline = to_iso_date(value) or ""
            if not deadline:
                return body, [], ""
    return body[:match.start()], owners, deadline


def split_inline_items(body: str) -> tuple[str, list[str]]:
    """Return (text before the items, items) for a body holding 一是…二是…; items must run
    in order from 一是 and each start a sentence or clause. ([] when there are none.)"""
    starts = []
    expected = 1
    for match in _INLINE_ITEM.finditer(body):
        if chinese_to_int(match[1]) == expected:
            starts.append(match)
            expected += 1
    if not starts:
        return body, []
    items = [body[m.end():(starts[i + 1].start() if i + 1 < len(starts) else len(body))]
             for i, m in enumerate(starts)]
    return body[:starts[0].start()], items


def parse_figure(text: str) -> tuple[object, str]:
    """Return (value, unit) of a printed figure: 820元/月 gives (820, "元/月"), 七十二学时 gives
    ("七十二", "学时"); text without a leading number gives (text, "")."""
    text = text.strip()
    match = _FIGURE.match(text)
    if match:
        number = match[1]
        return (float(number) if "." in number else int(number)), match[2].strip()
    words = _CN_FIGURE.match(text)
    if words and words[2] and _is_numeral(words[1]) and (
            len(words[1]) > 1 or words[2].strip()[:1] in _UNIT_STARTS):
        return words[1], words[2].strip()
    return (text or None), ""


# A one-character numeral splits off only before a unit: 五个 is 5 个, but 一流水平 and 三农
# are words.
_UNIT_STARTS = set("个人处所家户项次场名元万亿件台套张本册篇条座间床辆吨米亩公千平小学天周月年%％")


def _is_numeral(text: str) -> bool:
    """Return True when text reads as a Chinese number (七十二, 三点五, 一千二百)."""
    whole = text.split("点")[0]
    try:
        chinese_to_int(whole.replace("万", "").replace("亿", ""))
    except KeyError:
        return False
    return bool(whole)


def split_unit(value: str, baseline: str) -> tuple[object, str, object]:
    """Return (value, unit, baseline) of a targets-table row, whose value and baseline cells
    both print the figure followed by the target's one unit. A value that is not a number
    takes the unit its baseline cell shares with it."""
    amount, unit = parse_figure(value)
    base, base_unit = parse_figure(baseline) if baseline else (None, "")
    if not unit and base_unit and value.endswith(base_unit) and value != base_unit:
        amount, unit = value[:-len(base_unit)], base_unit
    elif not unit and base_unit and not is_amount(amount):
        unit = base_unit                # words (全覆盖) print without the unit the baseline shows
    if baseline and base_unit not in ("", unit):
        base = baseline[:-len(unit)] if unit and baseline.endswith(unit) else baseline
    return amount, unit, base




def parse_table(rows: tuple[tuple[str, ...], ...]) -> list[dict]:
    """Return one dict per data row of a targets table, keyed task/name/value/baseline/
    deadline/owners/note by the header row's names (unknown columns are dropped)."""
    header = [TARGET_COLUMNS.get(cell.strip(), "") for cell in rows[0]]
    return [{key: cell.strip() for key, cell in zip(header, row) if key} for row in rows[1:]]


def make_target(record: dict, task: dict) -> dict:
    """Return a target mapping from a table row; deadline and owners equal to the task's are
    left to be inherited."""
    value, unit, base = split_unit(record.get("value", ""), record.get("baseline", ""))
    target: dict = {"name": record.get("name", "")}
    if value is not None:
        target["value"] = value
    if unit:
        target["unit"] = unit
    if base not in (None, ""):
        target["baseline"] = base
    deadline = to_iso_date(record.get("deadline", "")) if record.get("deadline") else None
    if deadline and deadline != task.get("deadline"):
        target["deadline"] = deadline
    owners = split_names(record.get("owners", ""))
    if owners and owners != task.get("owners"):
        target["owners"] = owners
    if record.get("note"):
        target["note"] = record["note"]
    return target
