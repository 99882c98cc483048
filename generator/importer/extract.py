"""Document blocks -> plan data (the inverse of build.py).

``extract_plan`` walks the blocks a reader found and fills a mapping in the plan file's shape:
notice, title and year, preamble, sections with intro paragraphs, tasks (lead sentence, body,
items, owners, deadline, targets) and the numbering scheme. Text it cannot place goes to
``unplaced`` with a warning naming its source line (W401); nothing is dropped.

Codes: W401 unplaced text, W406 paragraph joined to a task body, W409 title made up,
W410 numbering gap, W411 notice field made up, W412 tasks before any section heading,
W413 year not found, W414 mixed label styles, W415 document number normalised, W417 a
1. under （一） kept as an item, E407 nothing
to import (the full list is in generator/readers/__init__.py).
"""
from __future__ import annotations

import datetime as dt
import re

from generator.core.patterns import YEAR_IN_TEXT
from generator.importer.attachments import breakdown_span
from generator.document.model import Block, Kind
from generator.importer.notice import NoticeBuilder
from generator.importer.parts import split_duty, split_inline_items, parse_table, make_target
from generator.core.location import Finding, InputError, Location, sort_findings
from generator.core.codes import finding
from generator.document.numbering import number_tasks
from generator.core.numerals import chinese_to_int
from generator.readers.labels import ends_sentence, has_words, is_short_line

_INLINE_START = re.compile(r"^[一二三四五六七八九十]+是")
UNNAMED_SECTION = "（未命名部分）"
TABLE_CAPTION = "重点指标"          # the targets table's caption, as build.py writes it


class Extraction:
    """State while walking the blocks: the data built so far and the findings."""

    def __init__(self, path: str, lines: list[int]):
        self.path, self.lines = path, lines
        self.findings: list[Finding] = []
        self.title = ""
        self.preamble: list[str] = []
        self.sections: list[dict] = []
        self.unplaced: list[str] = []
        self.review: list[str] = []
        self.task_labels: list[tuple[int, str, int]] = []   # (section index, label, line)
        self.item_blocks = 0
        self.tables: list[tuple[Block, int]] = []
        self.numbering: dict = {}
        self.closed = False

    def warn(self, index: int, code: str, message: str) -> None:
        """Add a warning at the source line of block ``index``."""
        line = self.lines[index] if 0 <= index < len(self.lines) else 0
        self.findings.append(finding(code, Location(self.path, line, 1 if line else 0), message))

    def keep(self, index: int, text: str) -> None:
        """Keep text the importer cannot place under ``unplaced`` (W401)."""
        if text.strip():
            self.unplaced.append(text)
            self.warn(index, "W401", "未能归类的文本已保存到 unplaced")

    def last_task(self) -> dict | None:
        """Return the last task of the last section, or None."""
        tasks = self.sections[-1]["tasks"] if self.sections else []
        return tasks[-1] if tasks else None


def extract_plan(blocks: list[Block], warnings: list[Finding], *, lines: list[int] | None = None,
                 path: str = "<input>", seal: bool | None = None) -> tuple[dict, list[Finding]]:
    """Return (plan data in the plan file's shape and key order, findings sorted by line):
    the reader's ``warnings`` plus the extractor's own. ``lines`` gives each block's
    source line for the findings; ``seal`` (the reader's ReadResult.seal) becomes the
    notice's ``seal`` when it is known.

    Raises InputError E407 when the blocks hold no section heading and no numbered task.
    """
    state = Extraction(path, list(lines or []))
    notice = NoticeBuilder(seal)
    start = notice.take(blocks, state)
    table = breakdown_span(blocks, start, notice.fields.get("attachments") or [])
    for index in range(start, len(blocks)):
        if index not in table:
            _place(blocks[index], index, state, notice)
    if table:                           # the 分解表 printed from the plan: a setting again
        notice.fields["attachments"] = notice.fields["attachments"][:-1]
        notice.breakdown = blocks[table[0] + 1].text
    if not state.sections:
        raise InputError([finding("E407", Location(path, 0, 0), "未找到任何部分标题（一、）或编号任务，无法导入")])
    state.numbering = _numbering(state, _finish_tasks(state))
    for block, index in state.tables:
        _place_targets(block, index, state)
    data = _assemble(state, notice, _year(state, notice))
    return _literal(data), sort_findings(list(warnings) + state.findings)


def _literal(value):
    """Return the data with text that Jinja would read as a placeholder ({{ or {%) wrapped in
    {% raw %}, so the plan prints it as it was written."""
    if isinstance(value, str) and ("{{" in value or "{%" in value):
        return "{% raw %}" + value.replace("{% endraw %}", "{ % endraw % }") + "{% endraw %}"
    if isinstance(value, dict):
        return {key: _literal(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_literal(item) for item in value]
    return value


def _place(block: Block, index: int, state: Extraction, notice: NoticeBuilder) -> None:
    kind = block.kind
    if state.closed:
        state.keep(index, _block_text(block))
    elif kind is Kind.ATTACHMENT_LABEL:
        pass                      # printed from the 附件说明, not part of the plan
    elif kind is Kind.PLAN_TITLE and not state.title and not state.sections:
        state.title = block.text
    elif kind is Kind.HEADING:
        state.sections.append({"title": block.text, "intro": [], "tasks": []})
    elif kind is Kind.TASK:
        _add_task(block, index, state)
    elif kind is Kind.ITEM and state.last_task() is not None:
        state.last_task()["items"].append(block.text)
        state.item_blocks += 1
    elif kind is Kind.PARAGRAPH:
        _add_paragraph(block, index, state)
    elif kind is Kind.TARGETS and block.rows:
        state.tables.append((block, index))
    elif kind is Kind.TARGETS and not block.rows:
        if block.text != TABLE_CAPTION:     # a caption build.py would not write
            state.keep(index, block.text)
    elif kind is Kind.IMPRINT:
        state.closed = True       # nothing of the plan follows the 版记
        if notice.found and notice.imprint is None:
            notice.imprint = block
        else:
            state.keep(index, "　".join(p for p in block.parts if p))
    else:
        state.keep(index, _block_text(block))


def _block_text(block: Block) -> str:
    return "".join((block.label, block.lead, block.text, "　".join(p for p in block.parts if p)))


def _add_paragraph(block: Block, index: int, state: Extraction) -> None:
    text = block.text
    if not has_words(text):            # a line of symbols (★★★) is decoration, not text
        state.keep(index, text)
        return
    if not state.sections:
        if is_short_line(text) and not ends_sentence(text):
            state.keep(index, text)
        else:
            state.preamble.append(text)
        return
    task = state.last_task()
    if task is None:
        state.sections[-1]["intro"].append(text)
        return
    task["body"] += text
    if not _INLINE_START.match(text):
        state.warn(index, "W406", "任务后的段落已并入上一项任务的正文")


def _add_task(block: Block, index: int, state: Extraction) -> None:
    if not state.sections:
        state.sections.append({"title": UNNAMED_SECTION, "intro": [], "tasks": []})
        state.review.append("sections[0].title: 导入时未找到部分标题，请补写")
        state.warn(index, "W412", f"任务出现在部分标题（一、）之前，已放入“{UNNAMED_SECTION}”")
    last = state.task_labels[-1] if state.task_labels else None
    if block.level == 3 and last and last[1].startswith("（") and state.last_task() is not None:
        # 1. under （一）: the third level of 一、（一）1.（1）, kept as the task's items
        state.last_task()["items"].append(block.lead + block.text)
        state.item_blocks += 1
        state.warn(index, "W417", f"“{block.label}”是（一）下的第三层编号，已作为上一任务的条目导入")
        return
    state.sections[-1]["tasks"].append({"title": block.lead, "body": block.text, "items": []})
    state.task_labels.append((len(state.sections) - 1, block.label, index))


def _place_targets(block: Block, index: int, state: Extraction) -> None:
    tasks = {}
    for section in state.sections:
        for task in section["tasks"]:
            tasks.setdefault(task["title"].rstrip("。"), task)
    records = parse_table(block.rows)
    if not any("task" in r and "name" in r for r in records):
        for row in block.rows:              # not a targets table: keep every row as text
            state.keep(index, "｜".join(row))
        return
    for row, record in zip(block.rows[1:], records):
        cell = re.sub(r"^(（[一二三四五六七八九十百]+）|\d+\. ?)", "", record.get("task", ""))
        task = tasks.get(cell.rstrip("。"))
        if task is None or not record.get("name"):
            state.keep(index, "｜".join(row))
            continue
        task.setdefault("targets", []).append(make_target(record, task))


def _year(state: Extraction, notice: NoticeBuilder) -> int:
    for text in (state.title, notice.title_text(), notice.date_text(), *state.preamble[:1]):
        if match := YEAR_IN_TEXT.search(text or ""):
            return int(match[1])
    if notice.doc_year():
        return notice.doc_year()
    state.review.append("year: 导入时未找到年份，请核对")
    state.warn(0, "W413", "未找到计划年份，已用今年，请核对")
    return dt.date.today().year


def _finish_tasks(state: Extraction) -> str:
    """Split each task's duty remark and inline items off its body; return the items style."""
    inline = state.item_blocks == 0
    used_inline = False
    for section in state.sections:
        for task in section["tasks"]:
            body, owners, deadline = split_duty(task["body"])
            if inline and not task["items"]:
                body, items = split_inline_items(body)
                task["items"], used_inline = items, used_inline or bool(items)
            task["body"], task["owners"], task["deadline"] = body, owners, deadline
    return "一是" if used_inline else "（1）"


def _label_number(label: str) -> int:
    inner = label.strip("（）.")
    return int(inner) if inner.isdigit() else chinese_to_int(inner)


def _numbering(state: Extraction, items: str) -> dict:
    """Return the numbering mapping detected from the task labels (warning on gaps W410 and
    mixed styles W414)."""
    labels = state.task_labels
    chinese = [entry for entry in labels if entry[1].startswith("（")]
    style = "（一）" if len(chinese) * 2 > len(labels) else "1."
    minority = [e for e in labels if e[1].startswith("（") != (style == "（一）")]
    if minority:
        state.warn(minority[0][2], "W414", f"任务编号样式不一，已统一为“{style}”")
    counts = [len(s["tasks"]) for s in state.sections]
    firsts = [_label_number(label) for n, (sec, label, _) in enumerate(labels)
              if n and labels[n - 1][0] != sec]
    scope = "section" if firsts and firsts.count(1) * 2 >= len(firsts) else "continuous"
    expected = [n for numbers in number_tasks(counts, scope) for n in numbers]
    for (_, label, index), want in zip(labels, expected):
        if _label_number(label) != want:
            state.warn(index, "W410", f"任务编号“{label}”不连续（应为第 {want} 项），导入后将按顺序重新编号")
            break
    return {"scope": scope, "label": style, "items": items}


def _one_or_many(paras: list[str]):
    return paras[0] if len(paras) == 1 else list(paras)


def _clean_task(task: dict) -> dict:
    out = {"title": task["title"]}
    for key in ("body", "items", "owners", "deadline", "targets"):
        if task.get(key):
            out[key] = task[key]
    return out


def _assemble(state: Extraction, notice: NoticeBuilder, year: int) -> dict:
    """Return the plan data in the schema's key order."""
    title = state.title or notice.book_title()
    if not state.title:
        title = title or f"{year}年工作要点"
        state.review.append(f"title: 导入时未找到计划标题，已补为“{title}”，请核对")
        state.warn(0, "W409", f"未找到计划标题，已补为“{title}”，请核对")
    data: dict = {"title": title, "year": year, "numbering": state.numbering}
    notice_data = notice.build(state, title, year)
    if notice_data:
        data["notice"] = notice_data
    if state.preamble:
        data["preamble"] = _one_or_many(state.preamble)
    sections = []
    for section in state.sections:
        out = {"title": section["title"]}
        if section["intro"]:
            out["intro"] = _one_or_many(section["intro"])
        if section["tasks"]:
            out["tasks"] = [_clean_task(t) for t in section["tasks"]]
        sections.append(out)
    data["sections"] = sections
    if state.review:
        data["review"] = state.review
    if state.unplaced:
        data["unplaced"] = state.unplaced
    return data
