"""Our own DOCX output -> blocks, by the named styles the writer assigns (docx_names.py):
each style stands for one block kind; a task's label and lead sentence are the runs in the
标题句 character style. Works on lxml elements (no python-docx)."""
from __future__ import annotations

import re

from generator.document.model import Block, Kind
from generator.layout.metrics import AUTOSPACE_EM, signature_indents
from generator.readers import ReadResult
from generator.core.patterns import DOC_NUMBER_LINE as DOC_NUMBER
from generator.readers.docx_safety import xml_int
from generator.style.names import CONTINUED
from generator.readers.labels import IMPRINT_DATE, find_label, split_lead
from generator.document.wording import attachment_names

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SIMPLE = {"copy_number": Kind.COPY_NUMBER, "secrecy": Kind.SECRECY, "urgency": Kind.URGENCY,
           "issuer_mark": Kind.ISSUER_MARK, "title": Kind.TITLE, "recipients": Kind.RECIPIENTS,
           "body": Kind.PARAGRAPH, "signature": Kind.SIGNATURE, "date": Kind.DATE,
           "plan_title": Kind.PLAN_TITLE}
_LEADS = ("lead", "lead2", "lead3")
MAX_TWIPS = 31680        # 22 inches, the largest page Word allows


def _runs(p, roles: dict) -> list[tuple[str, str]]:
    """Return (character role or "", text) for each run of a paragraph."""
    from generator.readers.docx import paragraph_text
    out = []
    for r in p.iter(W + "r"):
        style = r.find(f"{W}rPr/{W}rStyle")
        role = roles.get(style.get(W + "val", ""), "") if style is not None else ""
        out.append((role, paragraph_text(r)))
    return out


def _role(p, roles: dict) -> str:
    style = p.find(f"{W}pPr/{W}pStyle")
    return roles.get(style.get(W + "val", ""), "") if style is not None else ""


def read_own(units, roles: dict, result: ReadResult, char_width: int | None = None,
             line_width: int | None = None) -> None:
    """Append the blocks of a document written by our DOCX writer (``roles``: style id ->
    role). Paragraphs without text (page breaks, anchors) are skipped; findings name the
    paragraph's number. ``char_width``, the 署名 style's character advance in twips, and
    ``line_width``, the type area's width in twips (None if unknown), let the result tell
    the seal (see ``seal_of``)."""
    from generator.readers.docx import paragraph_text
    attachments: list[str] = []
    placed: dict[str, tuple[str, int]] = {}     # role -> (text, right indent in twips)
    for number, unit in enumerate(units, start=1):
        if unit.tag == W + "tbl":
            _table(unit, roles, number, result)
            continue
        role = _role(unit, roles)
        if role == "attachment_label":      # printed from the 附件说明, not plan text
            result.add(Block(Kind.ATTACHMENT_LABEL, paragraph_text(unit).strip()), number)
            continue
        text = paragraph_text(unit)
        if role == "attachments":
            attachments.append(text)
            if not _next_is_attachment(units, number, roles):
                result.add(_attachments(attachments), number - len(attachments) + 1)
                attachments = []
            continue
        if role == CONTINUED and result.blocks and result.blocks[-1].kind is Kind.PARAGRAPH:
            last = result.blocks[-1]            # the last line set apart by the writer
            result.blocks[-1] = last._replace(text=last.text + text.strip())
            continue
        if text.strip():
            result.add(_block(role, unit, text, roles), number)
            if role in ("signature", "date"):
                placed[role] = (text.strip(), _right_indent(unit))
    if len(placed) == 2 and char_width:
        result.seal = seal_of(placed["signature"], placed["date"], char_width, line_width)


def _right_indent(p) -> int:
    ind = p.find(f"{W}pPr/{W}ind")
    value = ind.get(W + "right", "0") if ind is not None else "0"
    return xml_int(value, 0, -MAX_TWIPS, MAX_TWIPS)


def seal_of(signature: tuple[str, int], date: tuple[str, int], unit: int,
            line_width: int | None = None) -> bool | None:
    """Return whether a (署名, 日期) pair, each (text, right indent in twips), is placed for a
    seal (GB/T 9704 7.3.5.1) or without one (7.3.5.2), ``unit`` twips a character, on lines
    ``line_width`` twips wide (None: unbounded); None when neither rule fits or both do
    (they give the same place within 1/4 character)."""
    (organ, organ_right), (day, day_right) = signature, date
    width = line_width / unit if line_width else None
    fits = [all(abs(twips / unit - chars) < 0.25 for twips, chars in
                zip((organ_right, day_right),
                    signature_indents(organ, day, seal, AUTOSPACE_EM, width)))
            for seal in (True, False)]
    return fits[0] if fits[0] != fits[1] else None


def _next_is_attachment(units, number: int, roles: dict) -> bool:
    nxt = units[number] if number < len(units) else None
    return nxt is not None and nxt.tag == W + "p" and _role(nxt, roles) == "attachments"


def _attachments(lines: list[str]) -> Block:
    return Block(Kind.ATTACHMENTS, parts=tuple(attachment_names(lines)))


def _block(role: str, p, text: str, roles: dict) -> Block:
    if role in _SIMPLE:
        return Block(_SIMPLE[role], text.replace("\n", "").strip())
    if role == "doc_number":
        return _doc_number(_runs(p, roles))
    if role == "note":
        return Block(Kind.NOTE, re.sub(r"^（(.*)）$", r"\1", text.strip()))
    if role == "table_caption":
        return Block(Kind.TARGETS, text.strip())
    if role in ("heading2", "heading3"):
        return _task(p, roles, int(role[-1]))
    label = find_label(text.strip())
    if label is None or role not in ("heading1", "heading4", ""):
        return Block(Kind.PARAGRAPH, text.strip())
    if label.kind is Kind.TASK:          # typed in by hand in another style
        lead, body = split_lead(label.text)
        return Block(Kind.TASK, body, label=label.label, lead=lead, level=label.level)
    return Block(label.kind, label.text, label=label.label, level=label.level)


def _doc_number(runs: list[tuple[str, str]]) -> Block:
    """Return the DOC_NUMBER block of a 发文字号 line: the number is the text outside the
    signer runs (it stands on the line of the last names, after 签发人 and the padding);
    each signer run holds up to two names parted by a full-width space."""
    names = tuple(n for role, t in runs if role == "signer" for n in re.split(r"[\s　]+", t) if n)
    rest = "".join(t for role, t in runs if role != "signer").replace("签发人：", "")
    number = re.sub(r"[\s　]+", "", rest.replace("签发人:", ""))
    match = DOC_NUMBER.match(number)
    return Block(Kind.DOC_NUMBER, match["number"] if match else number, parts=names)


def _task(p, roles: dict, level: int) -> Block:
    runs = _runs(p, roles)
    lead = "".join(t for r, t in runs if r in _LEADS)
    body = "".join(t for r, t in runs if r not in _LEADS)
    label = find_label(lead)
    if label is None:
        return Block(Kind.PARAGRAPH, lead + body)
    return Block(Kind.TASK, body, label=label.label, lead=label.text, level=level)


def _table(tbl, roles: dict, number: int, result: ReadResult) -> None:
    from generator.readers.docx import paragraph_text
    rows = []
    cell_roles = set()
    for tr in tbl.iter(W + "tr"):
        cells = []
        for tc in tr.iter(W + "tc"):
            cells.append("".join(paragraph_text(p) for p in tc.iter(W + "p")))
            cell_roles.update(_role(p, roles) for p in tc.iter(W + "p"))
        rows.append(tuple(cells))
    if "imprint" in cell_roles:
        result.add(_imprint(rows), number)
    elif cell_roles == {"doc_number"}:      # the red rule with its ★ (Party organs): no text
        return
    elif rows:
        result.add(Block(Kind.TARGETS, "", rows=tuple(rows)), number)


def _imprint(rows: list[tuple[str, ...]]) -> Block:
    cc, printer, date = "", "", ""
    for row in rows:
        text = "".join(row).strip()
        if text.startswith("抄送"):
            cc = re.sub(r"^抄送[:：]", "", text).rstrip("。")
        elif match := IMPRINT_DATE.match(text.replace("\t", "")):
            printer, date = match["printer"].strip(), match["date"]
        else:
            printer = text
    return Block(Kind.IMPRINT, parts=(cc, printer, date))
