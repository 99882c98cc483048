"""Progress data: what the units reported for one period, kept beside the plan as YAML
(``plans/2021.progress-2021-H1.yaml``), loaded and validated like a plan file.

Imports nothing from the writers; openpyxl is not needed to read a progress file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.core import codes
from generator.core.location import Finding, InputError, Location, ToolError, sort_findings
from generator.plan.load import join_cjk
from generator.source.schema_check import check_schema
from generator.progress.periods import Period, parse_period
from generator.progress.schema import PROGRESS
from generator.source.sourcemap import SourceMap, load_yaml, parse_yaml

SUFFIX = ".progress-"


@dataclass
class TargetProgress:
    """A target's report: its key and name, status, actual figure and remark; ``where`` it
    stands in the progress file."""

    key: str
    name: str
    status: str = ""
    actual: float | int | None = None
    progress: str = ""
    note: str = ""
    where: Location | None = field(default=None, compare=False, repr=False)


@dataclass
class TaskProgress:
    """A task's report: key, lead sentence (as when reported), reporting unit, status,
    progress text (进展情况), remark, and its targets' reports."""

    key: str
    task: str
    unit: str = ""
    status: str = ""
    progress: str = ""
    note: str = ""
    targets: list[TargetProgress] = field(default_factory=list)
    where: Location | None = field(default=None, compare=False, repr=False)


@dataclass
class Progress:
    """One period's progress for one plan: the plan file's name, the period, the task
    reports, and rows that matched nothing (kept as read, never dropped)."""

    period: Period
    plan: str = ""
    tasks: list[TaskProgress] = field(default_factory=list)
    unmatched: list[dict] = field(default_factory=list)
    path: str = ""


def progress_path(plan_path: Path | str, period: Period) -> Path:
    """Return the progress file of a plan and period: plans/2021.yaml, 2021-H1 gives
    plans/2021.progress-2021-H1.yaml."""
    plan = Path(plan_path)
    return plan.with_name(f"{plan.stem}{SUFFIX}{period.code}.yaml")


def _text(value) -> str:
    return "" if value is None else join_cjk(str(value))


def _progress_from_data(data: dict, smap: SourceMap, period: Period) -> Progress:
    tasks = []
    for i, t in enumerate(data.get("tasks") or []):
        targets = [TargetProgress(g["key"], _text(g["name"]), g.get("status") or "", g.get("actual"),
                                  _text(g.get("progress")), _text(g.get("note")), smap.locate(("tasks", i, "targets", j)))
                   for j, g in enumerate(t.get("targets") or [])]
        tasks.append(TaskProgress(t["key"], _text(t["task"]), _text(t.get("unit")), t.get("status") or "",
                                  _text(t.get("progress")), _text(t.get("note")), targets,
                                  smap.locate(("tasks", i))))
    return Progress(period, _text(data.get("plan")), tasks, list(data.get("unmatched") or []), smap.path)


def _check(data: dict, smap: SourceMap) -> list[Finding]:
    """Return findings beyond the schema: E508 a period the file name contradicts, W506
    rows kept under ``unmatched``."""
    findings = []
    name = Path(smap.path).name
    written = str(data.get("period"))
    try:
        parse_period(written)
    except ToolError:
        return [codes.finding("E106", smap.locate(("period",)),
                              f"取值“{written}”无效：应写作 2021、2021-H1、2021-Q1 或 2021-03", "period")]
    if SUFFIX in name and name.endswith(".yaml"):
        named = name.rsplit(SUFFIX, 1)[1].removesuffix(".yaml")
        if named.upper() != written.upper():
            findings.append(codes.finding("E508", smap.locate(("period",)),
                                          f"期间 {written} 与文件名中的 {named} 不一致", "period"))
    if data.get("unmatched"):
        findings.append(codes.finding("W506", smap.locate(("unmatched",), key=True),
                                      f"unmatched 中有 {len(data['unmatched'])} 条进展未对应到任务，"
                                      "不计入状态和总结；请核对后移到 tasks 中或删去", "unmatched"))
    return findings


def check_progress(data: object, smap: SourceMap) -> list[Finding]:
    """Return every finding for parsed progress data (schema, then checks), sorted."""
    findings = check_schema(data, smap, PROGRESS)
    if isinstance(data, dict) and not any(f.field == "period" for f in findings):
        findings += _check(data, smap)
    return sort_findings(findings)


def parse_progress(text: str, path: str = "<progress>", *, strict: bool = False) -> tuple[Progress, list[Finding]]:
    """Return (progress, warnings) for progress YAML text.

    Raises InputError with every finding when it has errors (or warnings when ``strict``)."""
    data, smap = parse_yaml(text, path)
    return _finish(data, smap, strict)


def load_progress(path: Path | str, *, strict: bool = False) -> tuple[Progress, list[Finding]]:
    """Read, validate and build a progress file; return (progress, warnings).

    Raises ToolError when it cannot be read, InputError when it has errors."""
    data, smap = load_yaml(path)
    return _finish(data, smap, strict)


def _finish(data, smap: SourceMap, strict: bool) -> tuple[Progress, list[Finding]]:
    findings = check_progress(data, smap)
    if any(f.is_error or strict for f in findings):
        raise InputError(findings)
    return _progress_from_data(data, smap, parse_period(data["period"])), findings
