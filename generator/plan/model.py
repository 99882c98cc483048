"""The Plan: what users edit, as typed objects built from a validated plan file."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.plan.checks import run_checks
from generator.core.location import Finding, InputError, sort_findings
from generator.plan.validate import validate_data
from generator.source.sourcemap import SourceMap, load_yaml, parse_yaml


_FOLDED_SPACE = re.compile(r"(?<=[^\x00-\x7f])[ \t\n]+(?=[^\x00-\x7f])")


def join_cjk(text: str) -> str:
    """Return text with white space between two non-ASCII characters removed (YAML folding
    joins lines with a space, which Chinese prose never has), ends stripped."""
    if " " not in text and "\n" not in text and "\t" not in text:
        return text.strip()             # nothing to join (most texts): skip the regex
    return _FOLDED_SPACE.sub("", text).strip()


def _paras(value) -> list[str]:
    if value is None:
        return []
    return [join_cjk(value)] if isinstance(value, str) else [join_cjk(str(v)) for v in value]


def _text(value) -> str:
    return "" if value is None else join_cjk(str(value))


@dataclass
class Target:
    """A quantified goal (指标): value and unit, last year's baseline, deadline, owners."""

    name: str
    value: object = None
    unit: str = ""
    baseline: object = None
    deadline: str = ""
    owners: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class Task:
    """A numbered item: its lead sentence (标题句), body, enumerated items and targets."""

    title: str
    body: str = ""
    items: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    deadline: str = ""
    targets: list[Target] = field(default_factory=list)


@dataclass
class Section:
    """A top-level part (一、…) with optional intro paragraphs and tasks."""

    title: str
    intro: list[str] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)


@dataclass
class DocNumber:
    """发文字号: 代字, year and sequence, printed as 代字〔年份〕序号号."""

    code: str
    year: int
    seq: str

    def __str__(self) -> str:
        return f"{self.code}〔{self.year}〕{self.seq}号"


@dataclass
class Imprint:
    """版记: 抄送, 印发机关 and 印发日期."""

    cc: list[str] = field(default_factory=list)
    printer: str = ""
    date: str = ""


@dataclass
class Notice:
    """The red-header notice (印发通知) that issues the plan."""

    issuer_mark: str
    signature: str
    date: str
    copy_number: str = ""
    secrecy: str = ""
    urgency: str = ""
    doc_number: DocNumber | None = None
    signer: list[str] = field(default_factory=list)
    title: str = ""
    recipients: str = ""
    body: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    seal: bool = True
    note: str = ""
    imprint: Imprint | None = None


@dataclass
class Numbering:
    """How tasks and items are labelled: scope continuous|section, label 1.|（一）, items （1）|一是."""

    scope: str = "continuous"
    label: str = "1."
    items: str = "（1）"


@dataclass
class Plan:
    """The annual plan (工作要点) and the notice that issues it, if any."""

    title: str
    year: int
    sections: list[Section]
    preamble: list[str] = field(default_factory=list)
    numbering: Numbering = field(default_factory=Numbering)
    notice: Notice | None = None
    review: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)


def _doc_number(value) -> DocNumber | None:
    from generator.core.patterns import DOC_NUMBER
    if value is None:
        return None
    if isinstance(value, dict):
        return DocNumber(value["code"], int(value["year"]), str(value["seq"]))
    match = DOC_NUMBER.match(str(value).strip())
    return DocNumber(match["code"], int(match["year"]), match["seq"].lstrip("0") or "0")


def _notice(d: dict) -> Notice:
    imprint = d.get("imprint")
    return Notice(
        issuer_mark=d["issuer_mark"], signature=d["signature"], date=str(d["date"]),
        copy_number=_text(d.get("copy_number")), secrecy=_text(d.get("secrecy")),
        urgency=_text(d.get("urgency")), doc_number=_doc_number(d.get("doc_number")),
        signer=_paras(d.get("signer")), title=_text(d.get("title")),
        recipients=_text(d.get("recipients")), body=_paras(d.get("body")),
        attachments=_paras(d.get("attachments")), seal=bool(d.get("seal", True)),
        note=_text(d.get("note")),
        imprint=Imprint(_paras(imprint.get("cc")), _text(imprint.get("printer")),
                        _text(imprint.get("date"))) if imprint else None,
    )


def _task(d: dict) -> Task:
    targets = [Target(_text(t["name"]), t.get("value"), _text(t.get("unit")), t.get("baseline"),
                      _text(t.get("deadline")), _paras(t.get("owners")), _text(t.get("note")))
               for t in d.get("targets") or []]
    return Task(_text(d["title"]), _text(d.get("body")), _paras(d.get("items")), _paras(d.get("owners")),
                _text(d.get("deadline")), targets)


def _numbering(d: dict) -> Numbering:
    known = Numbering.__dataclass_fields__
    return Numbering(**{k: v for k, v in d.items() if k in known})


def plan_from_data(data: dict) -> Plan:
    """Return the Plan for schema- and check-valid data (KeyError on data that is not)."""
    sections = [Section(_text(s["title"]), _paras(s.get("intro")), [_task(t) for t in s.get("tasks") or []])
                for s in data["sections"]]
    return Plan(
        title=_text(data["title"]), year=int(data["year"]), sections=sections,
        preamble=_paras(data.get("preamble")), numbering=_numbering(data.get("numbering") or {}),
        notice=_notice(data["notice"]) if data.get("notice") else None,
        review=_paras(data.get("review")), unplaced=_paras(data.get("unplaced")),
    )


def check_data(data: object, smap: SourceMap) -> list[Finding]:
    """Return all findings (schema, then semantic checks) for parsed plan data, sorted."""
    findings = validate_data(data, smap)
    if isinstance(data, dict):
        findings += run_checks(data, smap)
    return sort_findings(findings)


def _finish(data, smap: SourceMap, strict: bool) -> tuple[Plan, list[Finding]]:
    findings = check_data(data, smap)
    if any(f.is_error or strict for f in findings):
        raise InputError(findings)
    return plan_from_data(data), findings


def load_plan(path: Path | str, *, strict: bool = False) -> tuple[Plan, list[Finding]]:
    """Read, validate and build a plan file; return (plan, warnings).

    Raises ToolError when the file cannot be read, InputError (with all findings, sorted)
    when it has errors, or any warning when ``strict``.
    """
    data, smap = load_yaml(path)
    return _finish(data, smap, strict)


def parse_plan(text: str, path: str = "<plan>", *, strict: bool = False) -> tuple[Plan, list[Finding]]:
    """Like load_plan, for YAML text already in memory."""
    data, smap = parse_yaml(text, path)
    return _finish(data, smap, strict)


def _replace(obj, **changes):
    """Return what dataclasses.replace returns for one of the dataclasses above, without its
    per-call look at the fields (once per task): a shallow copy with ``changes``. Valid as
    none has __post_init__, an InitVar or a field left out of __init__."""
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__, **changes)
    return new


def prose_texts(plan: Plan):
    """Yield every prose field's text, the fields map_text applies its function to."""
    yield plan.title
    yield from plan.preamble
    for section in plan.sections:
        yield section.title
        yield from section.intro
        for task in section.tasks:
            yield task.title
            yield task.body
            yield from task.items
    if plan.notice:
        yield plan.notice.title
        yield from plan.notice.body


def map_text(plan: Plan, words) -> Plan:
    """Return a copy of the plan with ``words`` applied to every prose field
    (titles, preamble, intros, task texts, notice title and body)."""
    many = lambda texts: [words(t) for t in texts]  # noqa: E731
    sections = [_replace(s, title=words(s.title), intro=many(s.intro), tasks=[
        _replace(t, title=words(t.title), body=words(t.body), items=many(t.items)) for t in s.tasks])
        for s in plan.sections]
    notice = plan.notice and _replace(plan.notice, title=words(plan.notice.title),
                                      body=many(plan.notice.body))
    return _replace(plan, title=words(plan.title), preamble=many(plan.preamble),
                    sections=sections, notice=notice)
