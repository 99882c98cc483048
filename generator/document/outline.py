"""The plan's structure as data: the stable shape behind ``workplan outline``.

Shape (keep it stable; documented in docs/plan-format.md)::

    {"title": str, "year": int, "numbering": {...},
     "notice": {...} | null,
     "sections": [{"number": "一、", "title": str, "intro": [str],
                   "tasks": [{"number": "1.", "lead": str}]}]}
"""
from __future__ import annotations

from dataclasses import asdict

from generator.document.build import expand_text, notice_title, number_plan
from generator.document.templating import LazyEnvironment
from generator.core.dates import format_date
from generator.plan.model import Plan


def _notice(plan: Plan) -> dict | None:
    notice = plan.notice
    if notice is None:
        return None
    data = asdict(notice)
    data["doc_number"] = str(notice.doc_number) if notice.doc_number else None
    data["title"] = notice_title(plan)
    data["date"] = format_date(notice.date)
    if notice.imprint and notice.imprint.date:
        data["imprint"]["date"] = format_date(notice.imprint.date)
    return data


def outline_plan(plan: Plan) -> dict:
    """Return the outline of a plan (see the module docstring for the shape), its text with
    placeholders expanded as printed."""
    plan = expand_text(plan, LazyEnvironment())
    return {
        "title": plan.title,
        "year": plan.year,
        "numbering": asdict(plan.numbering),
        "notice": _notice(plan),
        "sections": [
            {"number": s.label, "title": s.title, "intro": list(s.intro),
             "tasks": [{"number": t.label, "lead": t.task.title} for t in s.tasks]}
            for s in number_plan(plan)
        ],
    }


def format_outline(outline: dict) -> str:
    """Return the outline as indented lines for people."""
    lines = [f"{outline['title']}（{outline['year']}年）"]
    notice = outline["notice"]
    if notice:
        number = f"{notice['doc_number']} " if notice["doc_number"] else ""
        lines.append(f"通知：{number}{notice['title']}（{notice['signature']}，{notice['date']}）")
    for section in outline["sections"]:
        lines.append(f"{section['number']}{section['title']}")
        lines += [f"    {task['number']}{task['lead']}" for task in section["tasks"]]
    return "\n".join(lines) + "\n"
