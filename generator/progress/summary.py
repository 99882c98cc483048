"""Status -> the 工作总结 Document: the half-year or annual summary skeleton.

The wording and the arrangement come from the Jinja template ``summary/summary.j2`` (users
may override it with --templates, in the sandbox). The template writes one block per line:
a line made by ``block(kind, text, label=…, lead=…, rows=…)`` is that block, any other
non-blank line a paragraph. The kinds it may use are those of a summary: plan_title,
paragraph, heading, task, item, targets.
"""
from __future__ import annotations

import json

from generator.core.location import ToolError
from generator.document.model import Block, Document, Kind
from generator.document.numbering import item_label
from generator.document.templating import render_template
from generator.plan.load import join_cjk

_MARK = "\ue000"       # starts a line made by block(): a private-use character
_KINDS = {k.value: k for k in (Kind.PLAN_TITLE, Kind.PARAGRAPH, Kind.HEADING, Kind.TASK,
                               Kind.ITEM, Kind.TARGETS)}
_LEVELS = {Kind.HEADING: 1, Kind.TASK: 2, Kind.ITEM: 4}


def block_line(kind: str, text: str = "", label: str = "", lead: str = "", rows=()) -> str:
    """Return the one-line form of a block for the template's output (see parse_blocks)."""
    fields = {"kind": str(kind), "text": _one_line(text), "label": str(label), "lead": _one_line(lead)}
    if isinstance(rows, str):           # a macro's output: rows as JSON (| tojson)
        rows = json.loads(rows)
    if rows:
        fields["rows"] = [[_one_line(c) for c in row] for row in rows]
    return _MARK + json.dumps(fields, ensure_ascii=False)


def _one_line(text) -> str:
    """Return text on one line: white space between Chinese characters removed, other
    runs of white space made one space."""
    return join_cjk(" ".join(str(text if text is not None else "").split()))


def parse_blocks(text: str, template: str) -> list[Block]:
    """Return the blocks a summary template wrote.

    Raises ToolError naming the template's output line when a block line is damaged or of
    a kind a summary cannot hold."""
    blocks = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        if not line.startswith(_MARK):
            blocks.append(Block(Kind.PARAGRAPH, line))
            continue
        try:
            fields = json.loads(line[1:])
            kind = _KINDS[fields["kind"]]
        except (ValueError, KeyError, TypeError):
            raise ToolError(f"{template}: 输出第 {number} 行的 block() 无效（可用的种类："
                            f"{'、'.join(_KINDS)}）") from None
        rows = tuple(tuple(row) for row in fields.get("rows") or ())
        blocks.append(Block(kind, fields.get("text", ""), fields.get("label", ""), fields.get("lead", ""),
                            _LEVELS.get(kind, 0), rows=rows))
    return blocks


def _figure(value, unit: str) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value}{unit}"


def _percent(share) -> str:
    return "" if share is None else f"{share * 100:.1f}%"


def summary_context(result) -> dict:
    """Return what the summary template sees: the plan, the period, the sections with
    their tasks and targets as reported, and the lists the template words."""
    from generator.progress.statuses import DONE, LAGGING, NOT_STARTED, UNREPORTED
    from generator.progress.units import NO_UNIT
    targets_by_task: dict[tuple, list] = {}
    for t in result.targets:
        targets_by_task.setdefault((t.section, t.task_label), []).append(t)
    sections = []
    for si, (label, title) in enumerate(result.sections):
        tasks = [{"task": t, "targets": targets_by_task.get((si, t.label), [])}
                 for t in result.tasks if t.section == si]
        if tasks:
            sections.append({"label": label, "title": title, "tasks": tasks})
    period = result.period
    return {
        "plan": result.plan, "period": period, "year": result.plan.year,
        "whole_year": period.last_month == 12, "sections": sections, "targets": result.targets,
        "tasks": result.tasks, "counts": {s: sum(t.status == s for t in result.tasks)
                                          for s in (DONE, "推进中", NOT_STARTED, LAGGING, UNREPORTED)},
        "lagging": [t for t in result.tasks if t.status in (LAGGING, NOT_STARTED, UNREPORTED) or t.overdue],
        "behind": [t for t in result.targets if t.behind],
        "unfinished": [t for t in result.tasks if t.status != DONE],
        "block": block_line, "figure": _figure, "percent": _percent,
        "ordinal": lambda n: item_label(n, "一是"), "no_unit": NO_UNIT,
    }


def build_summary(result, env, template: str = "summary/summary.j2") -> Document:
    """Return the summary Document for a status result.

    Raises ToolError when the template is missing, fails, or writes a bad block line."""
    text = render_template(env, template, **summary_context(result))
    blocks = parse_blocks(text, template)
    title = next((b.text for b in blocks if b.kind is Kind.PLAN_TITLE), result.plan.title)
    return Document(blocks, title=title, seal=False)
