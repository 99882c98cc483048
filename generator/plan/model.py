"""The Plan: what users edit, as typed objects (built from a validated plan file by
``generator.plan.load``). Imports nothing from the package."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Target:
    """A quantified goal (指标): value and unit, last year's baseline, deadline, owners;
    ``prior_target`` last year's target (kept by rollover beside an actual baseline) and
    ``direction`` up (more is better) or down (less is better), "" when not written."""

    name: str
    value: object = None
    unit: str = ""
    baseline: object = None
    deadline: str = ""
    owners: list[str] = field(default_factory=list)
    note: str = ""
    prior_target: object = None
    direction: str = ""


@dataclass
class Task:
    """A numbered item: its lead sentence (标题句), body, enumerated items and targets.

    ``owners`` are all its units, the first the 牵头单位 by convention; ``lead`` and
    ``support`` are set only when the plan names them explicitly (then ``owners`` is
    lead + support). generator.plan.units.task_duty tells lead and support apart."""

    title: str
    body: str = ""
    items: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    deadline: str = ""
    targets: list[Target] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)


@dataclass
class Unit:
    """A unit (科室, 单位) declared under ``units:``: full name, short names, 分管领导."""

    name: str
    short: list[str] = field(default_factory=list)
    leader: str = ""


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
    breakdown: bool | str = False      # append the 重点任务分解表 (a title, or True for the default)
    title_lines: tuple[str, ...] = ()   # the title's lines where the user marked breaks


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
    units: list[Unit] = field(default_factory=list)
    title_lines: tuple[str, ...] = ()   # the title's lines where the user marked breaks


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
    (titles and their marked lines, preamble, intros, task texts, notice title and body)."""
    many = lambda texts: [words(t) for t in texts]  # noqa: E731
    sections = [_replace(s, title=words(s.title), intro=many(s.intro), tasks=[
        _replace(t, title=words(t.title), body=words(t.body), items=many(t.items)) for t in s.tasks])
        for s in plan.sections]
    notice = plan.notice and _replace(plan.notice, title=words(plan.notice.title),
                                      body=many(plan.notice.body),
                                      title_lines=tuple(many(plan.notice.title_lines)))
    return _replace(plan, title=words(plan.title), preamble=many(plan.preamble),
                    sections=sections, notice=notice, title_lines=tuple(many(plan.title_lines)))
