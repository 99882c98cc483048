"""The new plan as DOCX with Word tracked changes against the old one (a redline).

The new plan's Document is merged with the blocks dropped from the old one, set by the DOCX
writer (generator/writers/docx.py) so it looks like any other output, and then marked:
- a paragraph whose text changed gets a word-level diff (character-level for Chinese) as
  w:del / w:ins runs, each keeping the formatting of the run it falls in;
- an added task (and any other new paragraph) is one inserted paragraph, a dropped task one
  deleted paragraph (the paragraph mark too, so accepting all changes gives the new plan);
- in the targets table, rows match by target name: changed cells get a diff, new rows are
  inserted rows, dropped rows are appended as deleted rows.
The 附件 lines and the 版记 rows are marked line by line against the old ones (lines dropped
from them are not shown). Blocks are aligned with difflib on keys: a task's key is the old task it matches (see
generator/diff.py), so matching is by similarity, not position; a moved task shows as deleted
in its old place and inserted in its new one. Every revision has author "workplan" and the
fixed date REVISION_DATE (redline_marks), so the same plans give the same document.
"""
from __future__ import annotations

import copy
import difflib
import io
import re
from dataclasses import dataclass

import docx
from docx.oxml.ns import qn

from generator.document.build import build_document
from generator.diff.match import PlanDiff, plan_tasks
from generator.document.model import Block, Document, Kind
from generator.core.location import ToolError
from generator.plan.model import Plan
from generator.document.templating import make_environment
from generator.writers.docx.fit import refit_notice
from generator.writers.docx.writer import write_docx
from generator.writers.docx.blocks import note_text, signer_runs
from generator.writers.docx.package import normalize_zip
from generator.writers.docx.tables import imprint_rows
from generator.writers.docx.wordml import shown_text
from generator.writers.docx.redline_marks import Reviser, paragraph_text, set_text
from generator.document.wording import attachment_lines

_DELETABLE = (Kind.PARAGRAPH, Kind.HEADING, Kind.TASK, Kind.ITEM)
_UNALIGNED = (Kind.ATTACHMENTS, Kind.TARGETS, Kind.IMPRINT)
_NUMBERED = (Kind.HEADING, Kind.TASK, Kind.ITEM)
# a task's number at the start of the targets table's 任务 cell: 3. or （三）
_CELL_LABEL = re.compile(r"^(?:\d+\.|（[〇一二三四五六七八九十百]+）)")


@dataclass
class Entry:
    """One block of the merged document and how it is marked: "equal", "changed" (``old``
    holds the old block), "insert" or "delete"."""

    block: Block
    mark: str
    old: Block | None = None


def block_text(block: Block) -> str:
    """Return the text the DOCX writer shows in a one-paragraph block's w:t elements (no
    tabs, line breaks or characters XML cannot hold), the key its paragraph is found by."""
    if block.kind is Kind.NOTE:
        return shown_text(note_text(block.text))
    if block.kind is Kind.DOC_NUMBER and block.parts:
        return "".join(shown_text(text) for text, _ in signer_runs(block.text, block.parts))
    return shown_text(block.label + block.lead + block.text)


def _keyed(doc: Document, task_keys: list[str], section_keys: list[str]) -> list[tuple[str, int]]:
    """Return (key, block index) for the blocks to align: sections and tasks by identity,
    items by task and position, other blocks by kind and text."""
    keys, sections, out, task, item = iter(task_keys), iter(section_keys), [], "", 0
    for index, block in enumerate(doc.blocks):
        if block.kind in _UNALIGNED:
            continue
        if block.kind is Kind.HEADING:
            key = next(sections)
        elif block.kind is Kind.TASK:
            task, item = next(keys), 0
            key = task
        elif block.kind is Kind.ITEM:
            key, item = f"{task}/{item}", item + 1
        else:
            key = f"{block.kind.value}:{block.text}"
        out.append((key, index))
    return out


def merge_blocks(old_doc: Document, new_doc: Document, old: Plan, new: Plan,
                 diff: PlanDiff) -> list[Entry]:
    """Return the new document's blocks with the old one's dropped blocks in place, marked."""
    to_old = {m.new.path: m.old.path for m in diff.matches}
    to_old_section = {j: i for i, j in diff.sections.items()}
    a = _keyed(old_doc, [f"task:{ref.path}" for ref, _ in plan_tasks(old)],
               [f"section:{i}" for i in range(len(old.sections))])
    b = _keyed(new_doc, [f"task:{to_old.get(ref.path, 'new:' + ref.path)}"
                         for ref, _ in plan_tasks(new)],
               [f"section:{to_old_section.get(j, f'new:{j}')}" for j in range(len(new.sections))])
    return _Merger(old_doc, new_doc, a, b).run()


class _Merger:
    """Walks difflib's opcodes over the keyed blocks and collects the marked entries."""

    def __init__(self, old_doc: Document, new_doc: Document, a: list, b: list):
        self.old_doc, self.new_doc, self.a, self.b = old_doc, new_doc, a, b
        self.out: list[Entry] = []
        self.shown = 0

    def run(self) -> list[Entry]:
        keys_a, keys_b = [k for k, _ in self.a], [k for k, _ in self.b]
        matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                for i, j in zip(range(i1, i2), range(j1, j2)):
                    self.add(i, j)
                continue
            pairs = (_pair(self.old_doc, self.new_doc, self.a[i1:i2], self.b[j1:j2])
                     if op == "replace" else {})
            inverse = {j: i for i, j in pairs.items()}
            for i in range(i1, i2):
                if i - i1 not in pairs:
                    self.add(i, None)
            for j in range(j1, j2):
                self.add(i1 + inverse[j - j1] if j - j1 in inverse else None, j)
        self.upto(len(self.new_doc.blocks))
        return self.out

    def upto(self, index: int) -> None:
        """Emit the new document's unaligned blocks (tables, attachments) before ``index``."""
        self.out.extend(Entry(blk, "equal") for blk in self.new_doc.blocks[self.shown:index]
                        if blk.kind in _UNALIGNED)
        self.shown = max(self.shown, index + 1)

    def add(self, old_i: int | None, new_i: int | None) -> None:
        before = self.old_doc.blocks[self.a[old_i][1]] if old_i is not None else None
        if new_i is None:
            if before.kind in _DELETABLE:
                self.out.append(Entry(before, "delete"))
            return
        self.upto(self.b[new_i][1])
        after = self.new_doc.blocks[self.b[new_i][1]]
        if before is None:
            self.out.append(Entry(after, "insert"))
            return
        if before.kind in _NUMBERED:       # a number that moved is no change of content
            before = before._replace(label=after.label)
        if block_text(before) == block_text(after):
            self.out.append(Entry(after, "equal"))
        else:
            self.out.append(Entry(after, "changed", before))


def _pair(old_doc, new_doc, a, b) -> dict[int, int]:
    """Pair replaced blocks of the same kind by position (not tasks or items: those match
    by identity only)."""
    pairs, used = {}, set()
    for i, (_, oi) in enumerate(a):
        kind = old_doc.blocks[oi].kind
        if kind in (Kind.TASK, Kind.ITEM):
            continue
        for j, (_, ni) in enumerate(b):
            if j not in used and new_doc.blocks[ni].kind is kind:
                pairs[i] = j
                used.add(j)
                break
    return pairs


def _mark_paragraphs(body, entries: list[Entry], reviser: Reviser) -> list[Entry]:
    """Mark the body paragraphs of the entries, found in order by their text; return the
    entries whose paragraph was not found."""
    paragraphs = body.findall(qn("w:p"))
    texts = [paragraph_text(p) for p in paragraphs]
    cursor, missed = 0, []
    for entry in entries:
        if entry.block.kind in _UNALIGNED:
            continue
        want = block_text(entry.block)
        found = next((i for i in range(cursor, len(texts)) if texts[i] == want), None)
        if found is None:
            missed.append(entry)
            continue
        cursor = found + 1
        p = paragraphs[found]
        if entry.mark == "insert":
            reviser.whole(p, "w:ins")
        elif entry.mark == "delete":
            reviser.whole(p, "w:del")
        elif entry.mark == "changed":
            reviser.changed(p, block_text(entry.old))
    return missed


def _rows(doc: Document) -> tuple[tuple[str, ...], ...]:
    tables = doc.of_kind(Kind.TARGETS)
    return tables[0].rows if tables else ()


def _mark_targets(body, old_doc: Document, new_doc: Document, reviser: Reviser) -> None:
    """Mark the targets table: rows match by target name (third column); changed cells get
    a diff, new rows are inserted, dropped rows are appended as deleted rows."""
    table = body.find(qn("w:tbl"))
    new_rows = _rows(new_doc)
    if table is None or not new_rows:
        return
    old_rows = {row[2]: row for row in _rows(old_doc)[1:]}
    trs = table.findall(qn("w:tr"))
    unmarked = copy.deepcopy(trs[-1])   # the pattern of a dropped row, before any mark
    for mark in unmarked.findall(".//" + qn("w:bookmarkStart")) + unmarked.findall(".//" + qn("w:bookmarkEnd")):
        mark.getparent().remove(mark)   # bookmark ids are unique: the copy carries none
    for tr, row in zip(trs[1:], new_rows[1:]):
        old = old_rows.pop(row[2], None)
        cells = [tc.find(qn("w:p")) for tc in tr.findall(qn("w:tc"))]
        if old is None:
            reviser.row(tr, "w:ins")
            continue
        for column, (p, before, after) in enumerate(zip(cells, old, row)):
            if column == 0:
                continue                # the row number: renumbered, not changed
            if column == 1:             # the task with its number: only its text counts
                before = _CELL_LABEL.sub(lambda _: _CELL_LABEL.match(after)[0], before, count=1) \
                    if _CELL_LABEL.match(after) else before
            if before != after:
                reviser.changed(p, before)
    for row in old_rows.values():
        tr = copy.deepcopy(unmarked)
        trs[-1].addnext(tr)
        trs.append(tr)
        for tc, text in zip(tr.findall(qn("w:tc")), row):
            set_text(tc.find(qn("w:p")), text)
        reviser.row(tr, "w:del")


def block_attachment_lines(block: Block | None) -> list[str]:
    """Return the 附件 lines of an ATTACHMENTS block (none without one) as the writer sets them."""
    return attachment_lines(block.parts if block else ())


def _lines_of(doc: Document, kind: Kind) -> list[str]:
    blocks = doc.of_kind(kind)
    if kind is Kind.ATTACHMENTS:
        return [shown_text(line) for line in block_attachment_lines(blocks[0] if blocks else None)]
    return [shown_text(row) for row in imprint_rows(blocks[0])] if blocks else []


def _mark_lines(body, old_doc: Document, new_doc: Document, reviser: Reviser) -> None:
    """Mark the 附件 lines and the 版记 rows line by line (the n-th new against the n-th
    old); a line not found in the output stays unmarked, a dropped line is not shown."""
    paragraphs = list(body.iter(qn("w:p")))
    texts = [paragraph_text(p) for p in paragraphs]
    for kind in (Kind.ATTACHMENTS, Kind.IMPRINT):
        before, after = _lines_of(old_doc, kind), _lines_of(new_doc, kind)
        for i, line in enumerate(after):
            if (i < len(before) and before[i] == line) or line not in texts:
                continue
            p = paragraphs[texts.index(line)]
            texts[texts.index(line)] = None
            if i < len(before):
                reviser.changed(p, before[i])
            else:
                reviser.whole(p, "w:ins")


def write_redline(old: Plan, new: Plan, diff: PlanDiff, style: str | None = None) -> bytes:
    """Return DOCX bytes: the new plan set by the DOCX writer with the style sheet ``style``
    (default gbt9704), its changes from the old plan as tracked changes.

    Raises ToolError / InputError as the DOCX writer and style loader do, and ToolError when
    a changed block's paragraph cannot be found in the writer's output (a bug, not the user's).
    """
    from generator.style.sheet import load_style
    env = make_environment()
    old_doc, new_doc = build_document(old, env), build_document(new, env)
    entries = merge_blocks(old_doc, new_doc, old, new, diff)
    merged = Document([e.block for e in entries], new_doc.title, new_doc.author, new_doc.seal)
    sheet = load_style(style)
    package = docx.Document(io.BytesIO(write_docx(merged, sheet, split=False)))
    reviser = Reviser()
    body = package.element.body
    missed = [e for e in _mark_paragraphs(body, entries, reviser) if e.mark != "equal"]
    if missed:
        raise ToolError(f"内部错误：有 {len(missed)} 处修订在 DOCX 中找不到对应段落"
                        f"（第一处：{block_text(missed[0].block)[:20]}）")
    _mark_targets(body, old_doc, new_doc, reviser)
    _mark_lines(body, old_doc, new_doc, reviser)
    refit_notice(body, sheet)
    out = io.BytesIO()
    package.save(out)
    return normalize_zip(out.getvalue())
