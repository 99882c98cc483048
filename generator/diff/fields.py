"""Every part of two plans that is not a task or a target, compared as printed: the plan
title, year and numbering, each field of the notice (发文字号, 标题 as printed, 主送, 正文,
署名, dates written 2021年3月23日, 版记 …), the preamble, and the title and intro of each
section (sections paired by match_sections; an added or dropped section shows its title
and intro against nothing).

A value is text, a list of texts (paragraphs, names), a number or yes/no, or None when
the plan does not have it; placeholders are already expanded (the caller expands them).
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.core.dates import format_date
from generator.document.build import notice_body, notice_title
from generator.plan.model import Plan

NOTICE_FIELDS = (
    ("copy_number", "份号"), ("secrecy", "密级和保密期限"), ("urgency", "紧急程度"),
    ("issuer_mark", "发文机关标志"), ("doc_number", "发文字号"), ("signer", "签发人"),
    ("title", "通知标题"), ("recipients", "主送机关"), ("body", "通知正文"),
    ("attachments", "附件说明"), ("signature", "发文机关署名"), ("date", "成文日期"),
    ("seal", "加盖印章"), ("note", "附注"),
    ("imprint.cc", "抄送"), ("imprint.printer", "印发机关"), ("imprint.date", "印发日期"),
)
PLAN_FIELDS = (("title", "计划标题"), ("year", "年份"), ("numbering.scope", "编号范围"),
               ("numbering.label", "任务编号样式"), ("numbering.items", "条目编号样式"))


@dataclass(frozen=True)
class FieldChange:
    """One field that differs: its YAML path (the new plan's, the old one's for a dropped
    section), a Chinese label, and the printed value on each side."""

    path: str
    label: str
    old: object
    new: object

    def to_json(self) -> dict:
        return {"path": self.path, "label": self.label, "old": self.old, "new": self.new}


def _empty(value) -> object:
    return None if value in ("", [], None) else value


def notice_values(plan: Plan, env) -> dict[str, object]:
    """Return {field name: value as printed} for the plan's notice ({} without one)."""
    notice = plan.notice
    if notice is None:
        return {}
    imprint = notice.imprint
    values = {
        "copy_number": notice.copy_number, "secrecy": notice.secrecy, "urgency": notice.urgency,
        "issuer_mark": notice.issuer_mark,
        "doc_number": str(notice.doc_number) if notice.doc_number else None,
        "signer": notice.signer, "title": notice_title(plan, env),
        "recipients": notice.recipients, "body": notice_body(plan, env),
        "attachments": notice.attachments, "signature": notice.signature,
        "date": format_date(notice.date), "seal": notice.seal, "note": notice.note,
        "imprint.cc": imprint.cc if imprint else None,
        "imprint.printer": imprint.printer if imprint else None,
        "imprint.date": format_date(imprint.date) if imprint and imprint.date else None,
    }
    return {name: _empty(value) for name, value in values.items()}


def _plan_values(plan: Plan) -> dict[str, object]:
    numbering = plan.numbering
    return {"title": plan.title, "year": plan.year, "numbering.scope": numbering.scope,
            "numbering.label": numbering.label, "numbering.items": numbering.items}


def _pairs(old: dict, new: dict, fields, prefix: str = "") -> list[FieldChange]:
    return [FieldChange(prefix + name, label, old.get(name), new.get(name))
            for name, label in fields if old.get(name) != new.get(name)]


def _section_changes(old: Plan, new: Plan, sections: dict[int, int]) -> list[FieldChange]:
    """Return the changed titles and intros of paired sections (in new order), then added
    sections (against nothing), then dropped ones (old paths)."""
    to_old = {j: i for i, j in sections.items()}
    out = []
    for j, section in enumerate(new.sections):
        before = old.sections[to_old[j]] if j in to_old else None
        for name, label in (("title", "部分标题"), ("intro", "部分引言")):
            a = _empty(getattr(before, name)) if before else None
            b = _empty(getattr(section, name))
            if a != b:
                out.append(FieldChange(f"sections[{j}].{name}", label, a, b))
    for i, section in enumerate(old.sections):
        if i not in sections:
            out += [FieldChange(f"sections[{i}].{name}", label, value, None)
                    for name, label in (("title", "部分标题"), ("intro", "部分引言"))
                    if (value := _empty(getattr(section, name))) is not None]
    return out


def diff_fields(old: Plan, new: Plan, sections: dict[int, int], env) -> list[FieldChange]:
    """Return every changed field outside tasks and targets, in the order of a printed plan:
    plan title, year and numbering, the notice, the preamble, then the sections."""
    out = _pairs(_plan_values(old), _plan_values(new), PLAN_FIELDS)
    out += _pairs(notice_values(old, env), notice_values(new, env), NOTICE_FIELDS, "notice.")
    if old.preamble != new.preamble:
        out.append(FieldChange("preamble", "总体要求", _empty(old.preamble), _empty(new.preamble)))
    return out + _section_changes(old, new, sections)
