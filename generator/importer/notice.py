"""The notice (印发通知) part of an import: its blocks -> the ``notice`` mapping.

A title or body equal to what the templates would write is left out, so the templates keep
deciding them (and a rolled-over plan gets next year's wording). Fields the schema requires
but the document lacks are filled from the others and flagged for review (W411).
"""
from __future__ import annotations

import re
from types import SimpleNamespace

from generator.core.patterns import DOC_NUMBER
from generator.importer.attachments import breakdown_setting
from generator.document.model import Block, Kind
from generator.importer.parts import to_iso_date, split_names
from generator.core.location import ToolError
from generator.document.templating import make_environment, render_template

NOTICE_KINDS = (Kind.COPY_NUMBER, Kind.SECRECY, Kind.URGENCY, Kind.ISSUER_MARK, Kind.DOC_NUMBER,
                Kind.TITLE, Kind.RECIPIENTS, Kind.ATTACHMENTS, Kind.SIGNATURE, Kind.DATE)
_STARTS = (Kind.COPY_NUMBER, Kind.SECRECY, Kind.URGENCY, Kind.ISSUER_MARK, Kind.DOC_NUMBER,
           Kind.TITLE)
_FIELDS = {Kind.COPY_NUMBER: "copy_number", Kind.SECRECY: "secrecy", Kind.URGENCY: "urgency",
           Kind.ISSUER_MARK: "issuer_mark", Kind.TITLE: "title", Kind.RECIPIENTS: "recipients",
           Kind.SIGNATURE: "signature", Kind.NOTE: "note"}
_BOOK = re.compile(r"《([^《》]+)》")


class NoticeBuilder:
    """Collects the notice's blocks, then builds the ``notice`` mapping."""

    def __init__(self, seal: bool | None = None) -> None:
        """``seal``: whether the document placed its 署名 for a seal, None if not known."""
        self.found = False
        self.seal = seal
        self.fields: dict[str, object] = {}
        self.body: list[str] = []
        self.imprint: Block | None = None
        self.breakdown = ""             # the title of a 分解表 printed as the last attachment

    def take(self, blocks: list[Block], state) -> int:
        """Read the notice at the start of ``blocks``; return the index after it (0 if none)."""
        if not blocks or blocks[0].kind not in _STARTS:
            return 0
        self.found = True
        index, dated = 0, False
        while index < len(blocks):
            block = blocks[index]
            if dated and block.kind is not Kind.NOTE:
                break
            if block.kind is Kind.PARAGRAPH:
                self.body.append(block.text)
            elif block.kind in NOTICE_KINDS or block.kind is Kind.NOTE:
                self._record(block, index, state)
                dated = dated or block.kind is Kind.DATE
            else:
                break
            index += 1
        return index

    def _record(self, block: Block, index: int, state) -> None:
        if block.kind is Kind.DOC_NUMBER:
            self.fields["doc_number"] = _doc_number(block.text, index, state)
            if block.parts:
                self.fields["signer"] = block.parts[0] if len(block.parts) == 1 else list(block.parts)
        elif block.kind is Kind.ATTACHMENTS:
            self.fields["attachments"] = list(block.parts)
        elif block.kind is Kind.DATE:
            self.fields["date"] = to_iso_date(block.text) or block.text
        elif _FIELDS[block.kind] in self.fields:
            state.keep(index, block.text)
        else:
            self.fields[_FIELDS[block.kind]] = block.text

    def title_text(self) -> str:
        """Return the notice title as read ("" without one)."""
        return str(self.fields.get("title", ""))

    def date_text(self) -> str:
        """Return the notice date as read ("" without one)."""
        return str(self.fields.get("date", ""))

    def doc_year(self) -> int | None:
        """Return the year in the document number, or None."""
        match = DOC_NUMBER.match(str(self.fields.get("doc_number", "")))
        return int(match["year"]) if match and len(match["year"]) == 4 else None

    def book_title(self) -> str:
        """Return the name in 《》 of the notice title (the plan it issues), or ""."""
        match = _BOOK.search(self.title_text())
        return match[1] if match else ""

    def build(self, state, title: str, year: int) -> dict | None:
        """Return the notice mapping in schema order, or None when there was no notice."""
        if not self.found:
            return None
        self._fill_required(state, year)
        defaults = _template_texts(title, year)
        data = dict(self.fields)
        if data.get("title") == defaults[0]:
            del data["title"]
        if self.body and self.body != defaults[1]:
            data["body"] = self.body if len(self.body) > 1 else self.body[0]
        if self.imprint is not None:
            data["imprint"] = _imprint(self.imprint)
        data["seal"] = self.seal
        if self.breakdown:
            data["breakdown"] = breakdown_setting(self.breakdown, title)
        order = ("copy_number", "secrecy", "urgency", "issuer_mark", "doc_number", "signer", "title",
                 "recipients", "body", "attachments", "breakdown", "signature", "date", "seal",
                 "note", "imprint")
        return {key: data[key] for key in order if data.get(key) not in (None, "", [])}

    def _fill_required(self, state, year: int) -> None:
        fields = self.fields
        if not fields.get("issuer_mark"):
            organ = fields.get("signature") or self.title_text().partition("关于")[0]
            fields["issuer_mark"] = organ or "（发文机关）"
            _flag(state, "notice.issuer_mark", "发文机关标志", fields["issuer_mark"])
        if not fields.get("signature"):
            fields["signature"] = str(fields["issuer_mark"]).removesuffix("文件")
            _flag(state, "notice.signature", "署名", fields["signature"])
        if not fields.get("date"):
            printed = self.imprint.parts[2] if self.imprint is not None else ""
            fields["date"] = to_iso_date(printed) if printed else f"{year}-01-01"
            _flag(state, "notice.date", "成文日期", fields["date"])


def _flag(state, field: str, name: str, value) -> None:
    state.review.append(f"{field}: 导入时未找到{name}，已补为“{value}”，请核对")
    state.warn(0, "W411", f"未找到{name}，已补为“{value}”，请核对")


def _doc_number(text: str, index: int, state) -> str:
    match = DOC_NUMBER.match(text)
    if not match or len(match["year"]) != 4:
        return text
    number = f"{match['code']}〔{match['year']}〕{match['seq'].lstrip('0') or '0'}号"
    if number != text:
        state.warn(index, "W415", f"发文字号“{text}”已规范为“{number}”")
    return number


def _imprint(block: Block) -> dict:
    cc, printer, date = (list(block.parts) + ["", "", ""])[:3]
    data: dict = {}
    if cc:
        data["cc"] = split_names(cc)
    if printer:
        data["printer"] = printer
    if date:
        data["date"] = to_iso_date(date) or date
    return data


def _template_texts(title: str, year: int) -> tuple[str, list[str]]:
    """Return the notice title and body paragraphs the bundled templates would write."""
    plan = SimpleNamespace(title=title, year=year, notice=None, sections=[], preamble=[])
    env = make_environment()
    try:
        heading = render_template(env, "notice/title.j2", plan=plan).strip()
        body = render_template(env, "notice/body.j2", plan=plan)
    except ToolError:
        return "", []
    return heading, [p.strip() for p in body.split("\n") if p.strip()]
