"""``workplan ledger``: the plan out as a 台账 workbook, filled workbooks back in as the
period's progress file."""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from generator.core import codes
from generator.core.location import Finding, InputError, Location, ToolError
from generator.plan.dump import dump_yaml
from generator.plan.load import load_plan
from generator.plan.model import Plan
from generator.progress.model import progress_path
from generator.progress.periods import Period, parse_period
from generator.progress.schema import ORDERS


def export_ledger(plan_path: Path, period: Period, *, by_unit: bool = False) -> bytes:
    """Return the .xlsx bytes of a plan file's ledger. Raises InputError / ToolError as
    load_plan does, or ToolError when the period is not in the plan's year."""
    from generator.progress.ledger_write import write_ledger     # openpyxl only here
    plan = load_plan(plan_path)[0]
    _check_year(plan, period)
    return write_ledger(plan, period, by_unit=by_unit)


def _check_year(plan: Plan, period: Period) -> None:
    if period.year != plan.year:
        raise ToolError(f"期间 {period.code} 不在计划年度 {plan.year} 内")


class Imported(NamedTuple):
    """The progress file's text, where it goes by default, its period, the findings, and
    how many rows reported something and how many of them went under ``unmatched``."""

    text: str
    target: Path
    period: Period
    findings: list[Finding]
    rows: int
    unmatched: int


def import_ledgers(workbooks: list[Path], plan_path: Path, period: Period | None = None) -> Imported:
    """Read filled workbooks into the progress data of one period.

    The period is ``period`` if given, else the one the workbooks were made for. Raises
    InputError with every finding when a workbook is bad or has bad cells, ToolError when
    the period is unknown or outside the plan's year."""
    from generator.progress.ledger_import import has_report, import_rows
    from generator.progress.ledger_read import read_ledger
    plan = load_plan(plan_path)[0]
    books, findings = [], []
    for path in workbooks:
        try:
            books.append(read_ledger(path))
        except InputError as exc:
            findings += exc.findings
    if findings:
        raise InputError(findings)
    period = period or _period_of(books)
    _check_year(plan, period)
    for book in books:
        findings += book.findings + _mismatch(book, plan, period)
    rows = [row for book in books for row in book.rows]
    data, more = import_rows(plan, rows)
    findings += more
    if any(f.is_error for f in findings):
        raise InputError(findings)
    target = progress_path(plan_path, period)
    data = {"plan": Path(plan_path).name, "period": period.code, **data}
    text = dump_progress(data, plan, period, [Path(p).name for p in workbooks])
    reported = sum(1 for row in rows if has_report(row))
    return Imported(text, target, period, findings, reported, len(data.get("unmatched", [])))


def _period_of(books) -> Period:
    periods = {b.period for b in books if b.period}
    if len(periods) != 1:
        why = "各工作簿的期间不一致" if periods else "工作簿中没有记录期间"
        raise ToolError(f"{why}，请用 --period 指定（如 --period 2021-H1）")
    return parse_period(periods.pop())


def _mismatch(book, plan: Plan, period: Period) -> list[Finding]:
    """W505: a workbook made for another period or another plan."""
    out = []
    if book.period and book.period != period.code:
        out.append(codes.finding("W505", Location(book.path),
                                 f"台账是按期间 {book.period} 生成的，现按 {period.code} 导入"))
    if book.title and book.title != plan.title:
        out.append(codes.finding("W505", Location(book.path),
                                 f"台账是由计划“{book.title}”生成的，与“{plan.title}”不同"))
    return out


def dump_progress(data: dict, plan: Plan, period: Period, sources: list[str]) -> str:
    """Return progress data as readable YAML with a header comment."""
    header = [f"# {plan.title}：{period.year}年{period.name}进展（workplan ledger import 由 "
              f"{'、'.join(sources)} 导入）。",
              "# status：已完成 / 推进中 / 未启动 / 滞后；actual：指标的实际完成值（数字）。可直接修改；",
              "# workplan status、summary 和 rollover 读取本文件。unmatched 中是找不到对应任务的行，核对后移入 tasks 或删去。"]
    return dump_yaml(data, header, ORDERS)
