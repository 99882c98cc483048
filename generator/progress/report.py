"""The status as text for people (columns aligned by display width) and as JSON."""
from __future__ import annotations

import unicodedata

from generator.core.dates import format_date
from generator.progress.statuses import STATUSES, UNREPORTED

_COUNT_HEADS = (*STATUSES, UNREPORTED, "合计")


def width(text: str) -> int:
    """Return the display width of text: 2 for each wide (East Asian) character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, size: int, right: bool = False) -> str:
    gap = " " * max(0, size - width(text))
    return gap + text if right else text + gap


def _table(head: tuple, rows: list[tuple], numeric_from: int = 1) -> list[str]:
    cells = [tuple(str(c) for c in head)] + [tuple(str(c) for c in row) for row in rows]
    sizes = [max(width(row[i]) for row in cells) for i in range(len(head))]
    return ["  ".join(_pad(c, sizes[i], i >= numeric_from) for i, c in enumerate(row)).rstrip()
            for row in cells]


def percent(share: float | None) -> str:
    """Return a share as a percentage with one decimal (0.5 gives 50.0%), — for None."""
    return "—" if share is None else f"{share * 100:.1f}%"


def figure(value, unit: str) -> str:
    """Return a figure with its unit, — when there is none."""
    if value is None or value == "":
        return "—"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value}{unit}"


def _verdict(target) -> str:
    if target.behind is None:
        return "未填报" if target.actual is None else "—"
    if target.direction == "down":
        return "未达到" if target.behind else "已达到"
    return "落后于序时进度" if target.behind else ("已达到" if target.met else "符合序时进度")


def format_status(result) -> str:
    """Return the status as aligned text: counts per section and unit, targets, overdue."""
    period = result.period
    lines = [f"{result.plan.title}：{period.year}年{period.name}进展（截至{format_date(period.end)}，"
             f"序时进度 {percent(period.elapsed)}）", f"进展文件：{result.progress_file}", ""]
    for title, by in (("任务状态（按部分）", "section"), ("任务状态（按牵头单位）", "unit")):
        counts = result.counts(by)
        rows = [(name, *(c[s] for s in _COUNT_HEADS[:-1]), sum(c.values())) for name, c in counts]
        lines += [title, *_table(("部分" if by == "section" else "牵头单位", *_COUNT_HEADS), rows), ""]
    if result.targets:
        rows = []
        for t in result.targets:
            way = "越低越好" if t.direction == "down" else "越高越好"
            rows.append((t.target.name, figure(t.target.value, t.target.unit), figure(t.actual, t.target.unit),
                         percent(t.rate), percent(t.schedule), way, _verdict(t)))
        lines += ["指标完成情况",
                  *_table(("指标", "目标值", "实际完成值", "完成率", "序时进度", "方向", "判断"), rows), ""]
    overdue = result.overdue
    lines.append(f"逾期未完成的任务（完成时限已过）：{len(overdue)} 项")
    for t in overdue:
        lines.append(f"  {t.label}{t.lead}（{t.unit}；完成时限 {format_date(t.deadline)}；{t.status}）")
    return "\n".join(lines) + "\n"


def status_json(result) -> dict:
    """Return the status as JSON-ready data."""
    period = result.period
    return {
        "plan": result.plan.title, "year": result.plan.year, "period": period.code,
        "end": period.end.isoformat(), "elapsed": round(period.elapsed, 4),
        "progress_file": result.progress_file,
        "sections": [{"section": name, "counts": c} for name, c in result.counts("section")],
        "units": [{"unit": name, "counts": c} for name, c in result.counts("unit")],
        "tasks": [{"number": t.label, "lead": t.lead, "unit": t.unit, "status": t.status,
                   "deadline": t.deadline or None, "overdue": t.overdue} for t in result.tasks],
        "targets": [{"name": t.target.name, "task": t.task_label + t.task, "unit": t.target.unit,
                     "value": t.target.value, "actual": t.actual, "direction": t.direction,
                     "direction_from": t.direction_from or None,
                     "rate": None if t.rate is None else round(t.rate, 4),
                     "schedule": round(t.schedule, 4), "behind": t.behind, "met": t.met,
                     "status": t.status} for t in result.targets],
        "overdue": [{"number": t.label, "lead": t.lead, "unit": t.unit, "deadline": t.deadline,
                     "status": t.status} for t in result.overdue],
    }
