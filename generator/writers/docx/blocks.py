"""Document blocks -> WordprocessingML paragraphs and tables, one function per kind.

Each function appends to the body and returns nothing; direct formatting is used only
where the value depends on the document (the 标志's offset, 署名 indents, the rule, the
page break before the plan) and everything else comes from the named styles.
"""
from __future__ import annotations

from generator.document.model import Block, Kind
from generator.style.sheet import StyleSheet
from generator.layout.metrics import (AUTOSPACE_EM, char_twips, effective, signature_indents,
                                      text_width)
from generator.layout.titles import fixed_lines, title_lines
from generator.style.names import style_id
from generator.writers.docx.tables import write_star_rule
from generator.writers.docx.wordml import ParagraphBatch, border, el, indent, jc, paragraph, spacing
from generator.document.wording import attachment_lines

# Inset of a CJK glyph's top edge below the top of its exact-height line box, and of its
# bottom edge above the bottom of a grid line, as shares of the font size (measured in
# LibreOffice 7.4 with Noto CJK: lines 1.15 × size for the 标志, 28.95 pt for the 文号).
MARK_INSET = 0.087
DESCENT_INSET = 0.2


_PLAN_KINDS = frozenset((Kind.HEADING, Kind.TASK, Kind.ITEM))
_HEADING1, _HEADING4 = style_id("heading1"), style_id("heading4")
# Task paragraph and lead sentence styles, by "is the task at level 2" (（一）) or not (1.).
_TASK_STYLES = {True: (style_id("heading2"), style_id("lead2")),
                False: (style_id("heading3"), style_id("lead3"))}


class BodyWriter:
    """Appends the blocks of one document to a w:body, in order."""

    def __init__(self, body, sheet: StyleSheet, seal: bool, signature: tuple[str, str]):
        """``signature`` is the (署名, 成文日期) text pair the indents are computed from."""
        self.body, self.sheet, self.seal = body, sheet, seal
        self.signature = signature
        self.header_lines = 0
        self.needs_rule = False     # a 标志 was written and no 文号 (with the rule) yet
        self.labelled = False       # a 附件 label was written: the title goes on line 3
        self.batch = ParagraphBatch(body)

    def p(self, role: str, runs=(), props: dict | None = None):
        self.batch.flush()
        return paragraph(self.body, style_id(role), runs, props)

    def plain(self, style: str, runs) -> None:
        """Append a paragraph of style id ``style`` with no direct formatting: queued in the
        batch when it can be (call ``flush`` before touching the body otherwise), else
        written at once."""
        if not self.batch.add(style, runs):
            self.batch.flush()
            paragraph(self.body, style, runs)

    def flush(self) -> None:
        """Append the queued paragraphs to the body."""
        self.batch.flush()

    def splice_text(self, splices: dict[bytes, bytes]) -> None:
        """From here on, queue plain paragraphs as text spliced into document.xml (see
        ParagraphBatch): for the plan, once the notice's paragraphs are settled."""
        self.batch.flush()
        self.batch = ParagraphBatch(self.body, splices)

    def write(self, block: Block, after_notice: bool) -> None:
        """Append one block (TARGETS and IMPRINT are written by their own modules)."""
        kind = block.kind
        if kind in _PLAN_KINDS and not self.needs_rule:   # most blocks (hot path)
            self.plan_block(block)
            return
        if self.needs_rule and kind is not Kind.DOC_NUMBER:
            self.doc_number(Block(Kind.DOC_NUMBER))      # the red rule even without a 文号
        if kind in (Kind.COPY_NUMBER, Kind.SECRECY, Kind.URGENCY):
            self.header_lines += 1
            self.p(kind.value, [(block.text, None)])
        elif kind is Kind.ISSUER_MARK:
            self.issuer_mark(block)
        elif kind is Kind.DOC_NUMBER:
            self.doc_number(block)
        elif kind is Kind.TITLE:
            self.title(block, "title")
        elif kind is Kind.RECIPIENTS:
            self.p("recipients", [(block.text, None)])
        elif kind is Kind.PARAGRAPH:
            self.plain(style_id("body"), [(block.text, None)])
        elif kind is Kind.ATTACHMENTS:
            self.attachments(block)
        elif kind in (Kind.SIGNATURE, Kind.DATE):
            self.p(kind.value, [(block.text, None)], self.signature_props(kind))
        elif kind is Kind.NOTE:
            self.p("note", [(note_text(block.text), None)])
        elif kind is Kind.ATTACHMENT_LABEL:
            self.attachment_label(block, after_notice)
        elif kind is Kind.PLAN_TITLE:
            self.title(block, "plan_title", page_break=after_notice and not self.labelled,
                       before=self.sheet.pitch if self.labelled else None)
        else:
            self.plan_block(block)

    def plan_block(self, block: Block) -> None:
        """A heading 一、, a task (label and lead sentence in the lead style) or an item."""
        kind = block.kind
        if kind is Kind.TASK:
            heading, lead = _TASK_STYLES[block.level == 2]
            runs = [(block.label, lead), (block.lead, lead), (block.text, None)]
        elif kind is Kind.HEADING or kind is Kind.ITEM:
            heading = _HEADING1 if kind is Kind.HEADING else _HEADING4
            runs = [(block.label + block.text, None)]
        else:
            return
        self.plain(heading, runs)

    def issuer_mark(self, block: Block) -> None:
        """The red 标志: its glyph top ``mark_top`` mm below the type area's top edge."""
        size = effective(self.sheet, "issuer_mark").size
        before = (self.sheet.header.mark_top - self.header_lines * self.sheet.pitch
                  - round(size * 20 * MARK_INSET))
        self.p("issuer_mark", [(block.text, None)], {"spacing": spacing(before=max(before, 0))})
        self.needs_rule = True

    def doc_number(self, block: Block) -> None:
        """发文字号 with the red rule below it (a bottom border the width of the type area).

        With 签发人 the number sits one character in on the left and "签发人：name" one
        character in on the right, by tab stops, so the border keeps its full width.
        """
        sheet, header = self.sheet, self.sheet.header
        size = effective(sheet, "doc_number").size
        gap = round((header.rule_gap - DESCENT_INSET * size) * 20)
        props = {"spacing": spacing(before=header.doc_number_gap)}
        if not header.star:
            props["pBdr"] = _box(border("bottom", header.rule_width, header.rule_color,
                                        max(round(gap / 20), 0)))
        runs = [(block.text, None)]
        if block.parts:
            props.update(self._signer_tabs(block.parts), jc=jc("left"))
            runs = signer_runs(block.text, block.parts)
        self.p("doc_number", runs, props)
        self.needs_rule = False
        if header.star:
            write_star_rule(self.body, sheet, max(gap, 100))

    def _signer_tabs(self, names: tuple[str, ...]) -> dict:
        """Tab stops: the 文号 one character in; "签发人：" where the widest line of names
        ends one character from the right edge."""
        unit = char_twips(self.sheet, "doc_number")
        widest = max(text_width("　".join(names[i:i + 2])) for i in range(0, len(names), 2))
        tabs = el("tabs")
        el("tab", tabs, val="left", pos=unit)
        el("tab", tabs, val="left", pos=self.sheet.text_width - unit - round((4 + widest) * unit))
        return {"tabs": tabs}

    def attachment_label(self, block: Block, page_break: bool) -> None:
        """附件 or 附件N on the first line of a new page (GB/T 9704 7.3.7)."""
        props = {"pageBreakBefore": el("pageBreakBefore")} if page_break else None
        self.p("attachment_label", [(block.text, None)], props)
        self.labelled = True

    def title(self, block: Block, role: str, page_break: bool = False,
              before: int | None = None) -> None:
        """A centred title, broken into balanced lines that fit the type area; ``before``
        twips of space above it (else its style's), one blank line below a 附件 label."""
        size = effective(self.sheet, role).size
        unit = char_twips(self.sheet, role, size)
        max_chars = self.sheet.text_width / unit
        props = {}
        if page_break:
            props["pageBreakBefore"] = el("pageBreakBefore")
        if role == "title":
            props["spacing"] = spacing(before=self.sheet.header.title_gap)
        elif before is not None:
            props["spacing"] = spacing(before=before)
        gap = AUTOSPACE_EM * size * 20 / unit
        width = int(max_chars * 10) / 10
        lines = fixed_lines(block.parts, width, gap) if block.parts else \
            title_lines(block.text, width, gap)
        text = "\n".join(lines)
        self.p(role, [(text, None)], props)

    def attachments(self, block: Block) -> None:
        """附件说明: "附件：" 2 characters in; several names numbered "1." and aligned."""
        unit = char_twips(self.sheet, "attachments")
        many = len(block.parts) > 1
        for i, line in enumerate(attachment_lines(block.parts)):
            left = 2 + 3 + (1 if many else 0)
            hang = (3 if i == 0 else 0) + (1 if many else 0)
            self.p("attachments", [(line, None)],
                   {"ind": indent(-round(hang * unit), round(left * unit))})

    def signature_props(self, kind: Kind) -> dict:
        """Right indent of 署名 or 日期 (and the blank lines above 署名) by the seal rules."""
        organ, date = self.signature
        unit = char_twips(self.sheet, "signature")
        autospace = AUTOSPACE_EM * effective(self.sheet, "signature").size * 20 / unit
        right_organ, right_date = signature_indents(organ, date, self.seal, autospace,
                                                    self.sheet.text_width / unit)
        if kind is Kind.SIGNATURE:
            gap = self.sheet.signature.gap_seal if self.seal else self.sheet.signature.gap_plain
            return {"keepNext": el("keepNext"),
                    "spacing": spacing(before=gap),
                    "ind": indent(0, 0, round(right_organ * unit))}
        return {"ind": indent(0, 0, round(right_date * unit))}


def note_text(text: str) -> str:
    """Return the 附注 as printed: in full-width brackets (GB/T 9704 7.3.6)."""
    return text if text.startswith("（") else f"（{text}）"


def signer_runs(number: str, names: tuple[str, ...]) -> list[tuple[str, str | None]]:
    """Return the runs of a 文号 line with 签发人: two names a line, later lines aligned
    under the first name, the 文号 on the line of the last names (GB/T 9704 7.2.6)."""
    pairs = ["　".join(names[i:i + 2]) for i in range(0, len(names), 2)]
    runs: list[tuple[str, str | None]] = []
    for i, pair in enumerate(pairs):
        last = i == len(pairs) - 1
        lead = ("\n" if i else "") + (f"\t{number}\t" if last else "\t\t")
        runs += [(lead + ("签发人：" if i == 0 else "　　　　"), None), (pair, style_id("signer"))]
    return runs


def _box(*borders):
    box = el("pBdr")
    for b in borders:
        box.append(b)
    return box
