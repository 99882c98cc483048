"""Filled ledger rows -> progress data for one period: each row found again in the plan (by
key, else by similarity), cells checked (实际完成值 a number, 状态 one of four or a known
variant), rows that match nothing kept under ``unmatched``. No openpyxl here.
"""
from __future__ import annotations

import datetime as dt
import re

from generator.core import codes
from generator.core.location import Finding, format_path
from generator.plan.load import join_cjk
from generator.plan.model import Plan
from generator.progress.keys import PlanIndex, Ref, match_refs, target_key, task_key
from generator.progress.ledger_layout import ACTUAL, NOTE, OWNER, PROGRESS, STATUS, TARGET, TASK, KEY
from generator.progress.ledger_read import Row
from generator.progress.statuses import STATUSES, normalize_status
from generator.progress.units import lead_unit

_NUMBER = re.compile(r"^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_WIDE = str.maketrans("０１２３４５６７８９．，－＋", "0123456789.,-+")


def parse_number(value) -> float | int | None:
    """Return a cell's number: a number as is, text such as 1,234.5 or ８２０ read, None
    for anything else (a bool is no number)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value) if isinstance(value, float) and value.is_integer() else value
    text = "".join(str(value).split()).translate(_WIDE)
    if not _NUMBER.match(text):
        return None
    number = float(text.replace(",", ""))
    return int(number) if number.is_integer() and "." not in text else number


def _text(value) -> str:
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    return join_cjk(str(value)) if value is not None else ""


class _Reader:
    """Turns rows into fill-in values, collecting the findings of bad cells."""

    def __init__(self):
        self.findings: list[Finding] = []

    def fields(self, row: Row, is_target: bool) -> dict:
        """Return the row's fill-in values as progress fields (bad cells left out)."""
        out: dict = {}
        for header, name in ((PROGRESS, "progress"), (NOTE, "note")):
            if header in row.values:
                out[name] = _text(row.values[header])
        if STATUS in row.values:
            status = self.status(row)
            if status:
                out["status"] = status
        if ACTUAL in row.values:
            actual = parse_number(row.values[ACTUAL])
            if actual is None:
                self.findings.append(codes.finding("E506", row.at(ACTUAL),
                                                   f"不是数字（“{_text(row.values[ACTUAL])[:20]}”），请只填数字，不带单位", ACTUAL))
            elif is_target:
                out["actual"] = actual
            else:
                out["note"] = "；".join(filter(None, [out.get("note"), f"实际完成值：{actual}"]))
        return out

    def status(self, row: Row) -> str | None:
        written = _text(row.values[STATUS])
        status, variant = normalize_status(written)
        if status is None:
            allowed = "、".join(STATUSES)
            self.findings.append(codes.finding("E507", row.at(STATUS),
                                               f"无法识别“{written}”，应为 {allowed} 之一", STATUS))
        elif variant:
            self.findings.append(codes.finding("W501", row.at(STATUS),
                                               f"“{written}”按“{status}”读入", STATUS))
        return status


def _ref(row: Row) -> Ref:
    name = row.values.get(TARGET)
    return Ref(_text(row.values.get(KEY)), _text(row.values.get(TASK)), _text(name) if name else None)


def has_report(row: Row) -> bool:
    return any(h in row.values for h in (PROGRESS, STATUS, ACTUAL, NOTE))


def import_rows(plan: Plan, rows: list[Row]) -> tuple[dict, list[Finding]]:
    """Return (progress data without ``plan`` and ``period``, findings): the reported rows
    found in the plan, in plan order, and the rest under ``unmatched``."""
    reader = _Reader()
    rows = [r for r in rows if has_report(r)]
    refs = [_ref(r) for r in rows]
    found = match_refs(PlanIndex(plan), refs)
    tasks: dict[tuple, dict] = {}
    targets: dict[tuple, dict] = {}
    unmatched: list[dict] = []
    claimed: dict[tuple, Row] = {}
    for row, ref, hit in zip(rows, refs, found):
        fields = reader.fields(row, ref.name is not None)
        if hit.pos is None or hit.pos in claimed:
            unmatched.append(_unmatched(row, ref, fields, claimed.get(hit.pos), reader.findings))
            continue
        claimed[hit.pos] = row
        if hit.ratio < 1:
            reader.findings.append(_similar(plan, row, ref, hit))
        (targets if ref.name is not None else tasks)[hit.pos] = fields
    data = {"tasks": _in_plan_order(plan, tasks, targets)}
    if unmatched:
        data["unmatched"] = unmatched
    return data, reader.findings


def _similar(plan: Plan, row: Row, ref: Ref, hit) -> Finding:
    section = plan.sections[hit.pos[0]]
    task = section.tasks[hit.pos[1]]
    parts = ("sections", hit.pos[0], "tasks", hit.pos[1])
    if ref.name is None:
        what = f"任务“{ref.lead}”已改为“{task.title}”"
    else:
        parts += ("targets", hit.pos[2])
        what = f"指标“{ref.name}”已改为“{task.targets[hit.pos[2]].name}”"
    return codes.finding("W502", row.at(KEY), f"{what}，按相似度 {hit.ratio:.0%} 对应到 {format_path(parts)}")


def _unmatched(row: Row, ref: Ref, fields: dict, first: Row | None, findings: list) -> dict:
    where = row.at(KEY)
    what = f"指标“{ref.name}”" if ref.name else f"任务“{ref.lead}”"
    if first is not None:
        reason = f"与 {first.at(KEY)} 重复填报"
        findings.append(codes.finding("W504", where, f"{what}{reason}，本行放入 unmatched"))
    else:
        reason = "找不到对应的任务或指标"
        findings.append(codes.finding("W503", where, f"{what}在计划中找不到，本行放入 unmatched"))
    entry = {"key": ref.key, "task": ref.lead}
    if ref.name:
        entry["name"] = ref.name
    entry.update(source=str(where), reason=reason)
    if row.values.get(OWNER):
        entry["unit"] = _text(row.values[OWNER])
    entry.update(fields)
    return entry


def _in_plan_order(plan: Plan, tasks: dict, targets: dict) -> list[dict]:
    """Return the task entries in plan order, each with its reported targets."""
    out = []
    for si, section in enumerate(plan.sections):
        for ti, task in enumerate(section.tasks):
            reported = [(gi, targets[(si, ti, gi)]) for gi in range(len(task.targets))
                        if (si, ti, gi) in targets]
            if (si, ti) not in tasks and not reported:
                continue
            fields = tasks.get((si, ti), {})
            entry = {"key": task_key(si, ti, task.title), "task": task.title, "unit": lead_unit(task)}
            entry.update(fields)
            if reported:
                entry["targets"] = [_target_entry(si, ti, gi, task, f) for gi, f in reported]
            out.append(entry)
    return out


def _target_entry(si: int, ti: int, gi: int, task, fields: dict) -> dict:
    target = task.targets[gi]
    entry = {"key": target_key(si, ti, gi, task.title, target.name), "name": target.name}
    entry.update(fields)
    return entry
