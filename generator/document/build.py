"""Plan -> Document: numbering, wording from templates, and the order of parts."""
from __future__ import annotations

from typing import NamedTuple

from generator.core.dates import format_date
from generator.core.numerals import figure
from generator.document.attachments import attachment_label, label_for
from generator.document.model import Block, Document, Kind
from generator.document.numbering import item_label, label_before, number_tasks, section_label, task_label
from generator.core.location import ToolError
from generator.plan.model import Notice, Numbering, Plan, Target, Task, _replace, map_text, prose_texts
from generator.document.templating import make_environment, render_template
from generator.document.wording import TARGET_HEADER, duty_remark
from generator.plan.units import Units
from generator.document.breakdown import (DEFAULT_COLUMNS, Column, breakdown_entries, require_tasks, table_columns,
                                          table_rows)


class NumberedTask(NamedTuple):
    """A task with its computed label (1. or （一）)."""

    label: str
    task: Task


class NumberedSection(NamedTuple):
    """A section with its computed label (一、) and its numbered tasks."""

    label: str
    title: str
    intro: list
    tasks: list


def text_context(plan: Plan, env) -> dict:
    """Return the variables a plan's text may use: year, last_year, next_year, period
    (五年规划 such as 十四五) and phase (开局之年 …) from ``phrases.j2``, and targets
    (name -> figure with unit, e.g. 820元/月).

    Raises ToolError when ``phrases.j2`` is missing or fails."""
    from generator.document.phrases import year_phrases    # only for placeholders and templates
    phrases = year_phrases(plan.year, env)
    targets = {t.name: figure(t.value, t.unit)
               for s in plan.sections for task in s.tasks for t in task.targets}
    return {"year": plan.year, "last_year": plan.year - 1, "next_year": plan.year + 1,
            "period": phrases.period, "phase": phrases.phase, "targets": targets}


def expand_text(plan: Plan, env) -> Plan:
    """Return a copy of the plan whose text fields have their {{ … }} placeholders rendered
    (the plan itself when no text has one).

    Raises ToolError when a placeholder cannot be rendered.
    """
    context: dict = {}

    def words(text: str) -> str:
        if "{{" not in text and "{%" not in text:
            return text
        if not context:
            context.update(text_context(plan, env))
        try:
            return env.from_string(text).render(context)
        except Exception as exc:  # jinja2 errors of every kind, in a user's text
            raise ToolError(f"文本中的占位符无法展开：“{text[:30]}”：{exc}") from None

    if not any("{{" in t or "{%" in t for t in prose_texts(plan)):
        return plan                     # nothing to expand: no copy (most plans)
    return map_text(plan, words)


def number_plan(plan: Plan) -> list[NumberedSection]:
    """Return the plan's sections with their computed labels (一、) and task labels (1. or （一）)."""
    numbers = number_tasks([len(s.tasks) for s in plan.sections], plan.numbering.scope)
    return [
        NumberedSection(section_label(i + 1), s.title, s.intro,
                        [NumberedTask(task_label(n, plan.numbering.label), t)
                         for n, t in zip(nums, s.tasks)])
        for i, (s, nums) in enumerate(zip(plan.sections, numbers))
    ]


def notice_title(plan: Plan, env=None) -> str:
    """Return the notice title: as written, else from ``notice/title.j2``."""
    if plan.notice and plan.notice.title:
        return plan.notice.title
    env = env or make_environment()
    return render_template(env, "notice/title.j2", plan=plan).strip()


def notice_body(plan: Plan, env=None) -> list[str]:
    """Return the notice's body paragraphs: as written, else from ``notice/body.j2``."""
    if plan.notice and plan.notice.body:
        return plan.notice.body
    env = env or make_environment()
    return [p.strip() for p in render_template(env, "notice/body.j2", plan=plan).split("\n")
            if p.strip()]


def _notice_blocks(plan: Plan, notice: Notice, env) -> list[Block]:
    blocks = [Block(kind, text) for kind, text in (
        (Kind.COPY_NUMBER, notice.copy_number), (Kind.SECRECY, notice.secrecy),
        (Kind.URGENCY, notice.urgency)) if text]
    blocks.append(Block(Kind.ISSUER_MARK, notice.issuer_mark))
    if notice.doc_number:
        blocks.append(Block(Kind.DOC_NUMBER, str(notice.doc_number), parts=tuple(notice.signer)))
    lines = notice.title_lines if notice.title else ()
    blocks.append(Block(Kind.TITLE, notice_title(plan, env), parts=lines))
    if notice.recipients:
        blocks.append(Block(Kind.RECIPIENTS, notice.recipients))
    blocks += [Block(Kind.PARAGRAPH, p) for p in notice_body(plan, env)]
    if notice.attachments:
        blocks.append(Block(Kind.ATTACHMENTS, parts=tuple(notice.attachments)))
    blocks.append(Block(Kind.SIGNATURE, notice.signature))
    blocks.append(Block(Kind.DATE, format_date(notice.date)))
    if notice.note:
        blocks.append(Block(Kind.NOTE, notice.note))
    return blocks


def duty_text(task: Task, units: Units) -> str:
    """Return the task's units and deadline as printed after its body, "（牵头单位：…；责任单位：
    …；完成时限：…）", or "". A plan that declares units or names lead and support explicitly
    prints the 牵头单位 and the 责任单位 apart (full names); otherwise all owners are listed
    as 牵头单位, as before units existed."""
    deadline = format_date(task.deadline) if task.deadline else ""
    if units.declared or task.lead or task.support:
        duty = units.task_duty(task)
        return duty_remark(list(duty.lead), deadline, list(duty.support))
    return duty_remark(task.owners, deadline)


def _task_block(numbering: Numbering, numbered: NumberedTask, units: Units) -> list[Block]:
    """Return a task's block (its items inline under 一是 numbering) and its item blocks."""
    task = numbered.task
    level = 2 if numbering.label == "（一）" else 3
    body, items, inline = task.body, task.items, numbering.items == "一是"
    labels = [item_label(i + 1, numbering.items) for i in range(len(items))] if items else []
    if inline:
        body += "".join(label + item for label, item in zip(labels, items))
    body += duty_text(task, units)
    label = label_before(numbered.label, task.title)
    blocks = [Block(Kind.TASK, body, label=label, lead=task.title, level=level)]
    if items and not inline:
        blocks += [Block(Kind.ITEM, item, label=label, level=4) for label, item in zip(labels, items)]
    return blocks


def _target_rows(sections: list[NumberedSection]) -> tuple[tuple[str, ...], ...]:
    rows = [TARGET_HEADER]
    for section in sections:
        for numbered in section.tasks:
            for target in numbered.task.targets:
                rows.append(_target_row(len(rows), numbered, target))
    return tuple(rows) if len(rows) > 1 else ()


def _target_row(index: int, numbered: NumberedTask, target: Target) -> tuple[str, ...]:
    owners = target.owners or numbered.task.owners
    deadline = target.deadline or numbered.task.deadline
    title = numbered.task.title.rstrip("。")
    return (str(index), label_before(numbered.label, title) + title, target.name,
            figure(target.value, target.unit), figure(target.baseline, target.unit),
            format_date(deadline) if deadline else "", "、".join(owners))


def _plan_blocks(plan: Plan, sections: list[NumberedSection]) -> list[Block]:
    units = Units(plan)
    label = label_for(plan.title, plan.notice.attachments) if plan.notice else ""
    blocks = [Block(Kind.ATTACHMENT_LABEL, label)] if label else []
    blocks.append(Block(Kind.PLAN_TITLE, plan.title, parts=plan.title_lines))
    blocks += [Block(Kind.PARAGRAPH, p) for p in plan.preamble]
    for section in sections:
        blocks.append(Block(Kind.HEADING, section.title, label=section.label, level=1))
        blocks += [Block(Kind.PARAGRAPH, p) for p in section.intro]
        for numbered in section.tasks:
            blocks += _task_block(plan.numbering, numbered, units)
    rows = _target_rows(sections)
    if rows:
        blocks.append(Block(Kind.TARGETS, "重点指标", rows=rows))
    return blocks


def breakdown_title(plan: Plan, env=None) -> str:
    """Return the 分解表's title: ``notice.breakdown`` when it is text, else from
    ``breakdown/title.j2``."""
    if plan.notice and isinstance(plan.notice.breakdown, str) and plan.notice.breakdown:
        return plan.notice.breakdown
    return render_template(env or make_environment(), "breakdown/title.j2", plan=plan).strip()


def breakdown_table(plan: Plan, sections: list[NumberedSection], columns) -> Block:
    """Return the BREAKDOWN block: a row per task in ``columns`` ((key, heading) pairs, the
    style sheet's), the 责任领导 column only when units declare leaders."""
    entries = breakdown_entries(plan, sections)
    chosen = table_columns([Column(*c) for c in columns], entries, Units(plan).has_leaders)
    return Block(Kind.BREAKDOWN, rows=table_rows(chosen, entries), parts=tuple(c.key for c in chosen))


def _breakdown_blocks(plan: Plan, sections, columns, env, count: int) -> list[Block]:
    """Return the attachment: its label (with a notice), title and table."""
    blocks = [Block(Kind.ATTACHMENT_LABEL, attachment_label(count, count))] if plan.notice else []
    blocks.append(Block(Kind.ATTACHMENT_TITLE, breakdown_title(plan, env)))
    return blocks + [breakdown_table(plan, sections, columns)]


def build_document(plan: Plan, env=None, *, breakdown: bool = False, columns=None,
                   path: str = "<plan>") -> Document:
    """Return the printable Document for a plan: the notice (if any), the plan, the
    重点任务分解表 as a further attachment when ``breakdown`` or the plan's
    ``notice.breakdown`` asks (in ``columns``, the style sheet's ``breakdown.columns``;
    without them those of styles/gbt9704.yaml), the 版记.

    Raises ToolError when a template is missing or fails, InputError (E254, at ``path``)
    when a 分解表 is asked for a plan without tasks.
    """
    env = env or make_environment()
    plan = expand_text(plan, env)
    sections = number_plan(plan)
    notice = plan.notice
    table = breakdown or bool(notice and notice.breakdown)
    if table:
        require_tasks(plan, path)
        title = breakdown_title(plan, env)
        if notice:
            notice = _replace(notice, attachments=[*notice.attachments, title])
            plan = _replace(plan, notice=notice)
    blocks = _notice_blocks(plan, notice, env) if notice else []
    blocks += _plan_blocks(plan, sections)
    if table:
        count = len(notice.attachments) if notice else 1
        blocks += _breakdown_blocks(plan, sections, columns or DEFAULT_COLUMNS, env, count)
    if notice and notice.imprint:
        imprint = notice.imprint
        date = format_date(imprint.date) if imprint.date else ""
        blocks.append(Block(Kind.IMPRINT, parts=("，".join(imprint.cc), imprint.printer, date)))
    author = notice.signature if notice else ""
    return Document(blocks, title=plan.title, author=author, seal=notice.seal if notice else False)
