"""Cleaned paragraphs -> Document blocks: the notice at the top, the 版记 at the end, and the
plan in between (title, headings, tasks, items, targets table, paragraphs). Shared by the
text reader and the DOCX reader for files that are not our own output."""
from __future__ import annotations

import re
from dataclasses import dataclass

from generator.document.model import Block, Kind
from generator.core.location import Location
from generator.core.codes import finding
from generator.document.wording import ATTACHMENT_LINE
from generator.readers import ReadResult
from generator.core.patterns import DOC_NUMBER_LINE as DOC_NUMBER
from generator.readers.labels import (IMPRINT_DATE, Label, ends_sentence, ends_title, find_label,
                     has_words, head_kind, is_date, is_issuer_mark, is_short_line, split_lead, starts_title)

_NOTE = re.compile(r"^[（(](.+)[）)]$")
_NUMBERED = re.compile(r"^\d+\s*[.．、]\s*")
_NAMES = re.compile(r"[\s\u3000、，,]+")
ATTACHMENT_LABEL = re.compile(r"^\s*附件\s*\d*\s*$")
_TITLE_END = re.compile(r"(要点|计划|总结|安排|方案|意见|报告|规划)$")
NOTICE_SPAN = 60      # a notice's date is looked for among this many lines after its title


@dataclass
class Para:
    """One paragraph of input: its first source line, cleaned text, the raw line, and what it
    was recognised as (``kind``; ``label`` for numbered lines)."""

    line: int
    text: str
    raw: str = ""
    kind: Kind = Kind.PARAGRAPH
    label: Label | None = None
    lost: bool = False


def _warn(result: ReadResult, line: int, code: str, message: str) -> None:
    result.warnings.append(finding(code, Location(result.path, line, 1), message))


def build_blocks(paras: list[Para], result: ReadResult) -> None:
    """Append to ``result`` the blocks of a whole document: notice, plan, 版记, and any
    paragraphs after the 版记 (which the extractor keeps as unplaced)."""
    start = notice_blocks(paras, result)
    first, last, imprint = imprint_block(paras, start)
    plan_blocks(paras[start:first], result)
    if imprint:
        result.add(imprint, paras[first].line)
    for para in paras[last:]:
        result.add(Block(Kind.PARAGRAPH, para.text), para.line)


def _head_lines(paras: list[Para], result_blocks: list) -> int:
    i = 0
    while i < len(paras) and (kind := head_kind(paras[i].text)):
        result_blocks.append((Block(kind, paras[i].text), paras[i].line))
        i += 1
    return i


def notice_blocks(paras: list[Para], result: ReadResult) -> int:
    """Append the notice's blocks (if the text starts with a notice); return the index of the
    first paragraph after it (0 when there is no notice)."""
    found: list[tuple[Block, int]] = []
    i = _head_lines(paras, found)
    issuer = i < len(paras) and is_issuer_mark(paras[i].text)
    if issuer:
        found.append((Block(Kind.ISSUER_MARK, paras[i].text), paras[i].line))
        i += 1
    if i < len(paras) and (match := DOC_NUMBER.match(paras[i].text)):
        found.append((Block(Kind.DOC_NUMBER, match["number"], parts=_signers(paras[i])), paras[i].line))
        i += 1
    title_end = _title_end(paras, i)
    if title_end is None and not issuer:
        return 0
    if title_end is not None:
        title = "".join(p.text for p in paras[i:title_end])
        found.append((Block(Kind.TITLE, title), paras[i].line))
        i = title_end
        number_at = not any(b.kind is Kind.DOC_NUMBER for b, _ in found) and i < len(paras)
        if number_at and (match := DOC_NUMBER.match(paras[i].text)):   # web pages: under the title
            found.append((Block(Kind.DOC_NUMBER, match["number"], parts=_signers(paras[i])), paras[i].line))
            i += 1
    for block, line in found:
        result.add(block, line)
    return _notice_rest(paras, i, result)


def _signers(para: Para) -> tuple[str, ...]:
    raw = para.raw.strip()
    if "签发人" not in raw:
        return ()
    names = re.split(r"签发人\s*[:：]", raw, maxsplit=1)[1]
    return tuple(n for n in _NAMES.split(names) if n)


def _title_end(paras: list[Para], i: int) -> int | None:
    if i >= len(paras):
        return None
    following = paras[i + 1].text if i + 1 < len(paras) else ""
    if not starts_title(paras[i].text, following):
        return None
    text = ""
    for j in range(i, min(i + 4, len(paras))):
        text += paras[j].text
        if ends_title(text):
            return j + 1
    return None


def _notice_rest(paras: list[Para], i: int, result: ReadResult) -> int:
    """Recipients, body, attachments, signature, date and note; return the next index."""
    if i < len(paras) and paras[i].text.endswith("：") and not paras[i].text.startswith("现将"):
        result.add(Block(Kind.RECIPIENTS, paras[i].text), paras[i].line)
        i += 1
    date_at = next((j for j in range(i, min(i + NOTICE_SPAN, len(paras)))
                    if is_date(paras[j].text)), None)
    if date_at is None:
        end = next((j for j in range(i, len(paras))
                    if find_label(paras[j].text) or is_short_line(paras[j].text)), len(paras))
        _notice_body(paras[i:end], result)
        return end
    sign_at = date_at - 1 if date_at > i and is_short_line(paras[date_at - 1].text) else date_at
    _notice_body(paras[i:sign_at], result)
    if sign_at < date_at:
        result.add(Block(Kind.SIGNATURE, paras[sign_at].text), paras[sign_at].line)
    result.add(Block(Kind.DATE, paras[date_at].text), paras[date_at].line)
    i = date_at + 1
    if i < len(paras) and (match := _NOTE.match(paras[i].text)) and not find_label(paras[i].text):
        result.add(Block(Kind.NOTE, match[1]), paras[i].line)
        i += 1
    return i


def _notice_body(paras: list[Para], result: ReadResult) -> None:
    """Append the body paragraphs (sentences cut by a page break joined) and the attachments:
    from the 附件： line on, a numbered line starts a name and an unnumbered one continues it
    (or is a name of its own when the list is not numbered)."""
    at = next((k for k, para in enumerate(paras) if ATTACHMENT_LINE.match(para.text)), len(paras))
    for para in join_broken(paras[:at], result):
        result.add(Block(Kind.PARAGRAPH, para.text), para.line)
    if at == len(paras):
        return
    names: list[str] = []
    numbered = False
    for k, para in enumerate(paras[at:]):
        text = ATTACHMENT_LINE.match(para.text)[1] if k == 0 else para.text
        if _NUMBERED.match(text):
            numbered = True
            names.append(_NUMBERED.sub("", text, count=1))
        elif numbered and names:
            names[-1] += text
        else:
            names.append(text)
    result.add(Block(Kind.ATTACHMENTS, parts=tuple(n for n in names if n)), paras[at].line)


def imprint_block(paras: list[Para], start: int) -> tuple[int, int, Block | None]:
    """Return (first, end, block) of the 版记 among the last lines: 抄送 line, 印发机关 and
    印发日期 (on one line or two); (len, len, None) when there is none."""
    end = len(paras)
    at = next((k for k in range(end - 1, max(start, end - 5) - 1, -1)
               if IMPRINT_DATE.match(paras[k].text) or paras[k].text.startswith("抄送")), None)
    if at is None:
        return end, end, None
    first, cc, printer, date = at, "", "", ""
    if match := IMPRINT_DATE.match(paras[at].text):
        printer, date = match["printer"], match["date"]
        if not printer and first - 1 > start and is_short_line(paras[first - 1].text) \
                and not find_label(paras[first - 1].text):
            first -= 1
            printer = paras[first].text
    if not paras[first].text.startswith("抄送") and first - 1 > start \
            and paras[first - 1].text.startswith("抄送"):
        first -= 1
    if paras[first].text.startswith("抄送"):
        cc = re.sub(r"^抄送\s*[:：]\s*", "", paras[first].text).rstrip("。")
    return first, at + 1, Block(Kind.IMPRINT, parts=(cc, printer, date))


def plan_blocks(paras: list[Para], result: ReadResult) -> None:
    """Append the blocks of the plan: title, paragraphs, headings, tasks, items, targets."""
    if paras and ATTACHMENT_LABEL.match(paras[0].text):     # 附件 / 附件1 above the title
        result.add(Block(Kind.ATTACHMENT_LABEL, paras[0].text.strip()), paras[0].line)
        paras = paras[1:]
    if not paras:
        return
    for para in paras:
        para.label = find_label(para.text)
        para.kind = para.label.kind if para.label else Kind.PARAGRAPH
    paras = _mark_plan_title(paras, result)
    _mark_tables_and_lost_headings(paras, result)
    for para in join_broken(paras, result):
        _emit(para, result)


def _title_like(paras: list[Para], index: int) -> bool:
    """A short unnumbered line without final punctuation, not followed by a task."""
    if index >= len(paras):
        return False
    para, nxt = paras[index], paras[index + 1] if index + 1 < len(paras) else None
    return not para.label and is_short_line(para.text, 60) and not ends_sentence(para.text) \
        and not (nxt and nxt.kind is Kind.TASK)


def _mark_plan_title(paras: list[Para], result: ReadResult) -> list[Para]:
    """Mark the plan title: the first line if it looks like one. When the second line looks
    like one too and only it names the kind of document (…要点, …总结), the two lines are one
    title broken in two (the first holds the year) or an organ's name above the title."""
    if not _title_like(paras, 0):
        return paras
    first = paras[0]
    first.kind = Kind.PLAN_TITLE
    if _title_like(paras, 1) and _TITLE_END.search(paras[1].text) and not _TITLE_END.search(first.text):
        second = paras[1]
        if "年" in first.text and len(first.text + second.text) <= 40:
            _warn(result, second.line, "W416", f"第 {first.line} 行与第 {second.line} 行合为计划标题")
            first.text += second.text
            return paras[:1] + paras[2:]
        first.kind, second.kind = Kind.PARAGRAPH, Kind.PLAN_TITLE
        return [second, first] + paras[2:]
    return paras


def _table_rows(paras: list[Para]) -> set[int]:
    """Return the indexes of the paragraphs that are table rows: cells parted by ｜, with a
    neighbouring row of as many cells (a table has its header row and at least one more).
    A lone paragraph with a ｜ in its text is prose."""
    cells = [p.text.count("｜") if p.kind is Kind.PARAGRAPH else 0 for p in paras]
    return {i for i, n in enumerate(cells) if n and n in (cells[i - 1] if i else 0,
                                                          cells[i + 1] if i + 1 < len(cells) else 0)}


def _mark_tables_and_lost_headings(paras: list[Para], result: ReadResult) -> None:
    rows = _table_rows(paras)
    for index, para in enumerate(paras):
        nxt = paras[index + 1] if index + 1 < len(paras) else None
        if index in rows:
            para.kind = Kind.TARGETS
        elif para.kind is Kind.PARAGRAPH and index + 1 in rows and \
                is_short_line(para.text, 20):
            para.kind, para.lost = Kind.TARGETS, True      # the table's caption
        elif para.kind is Kind.PARAGRAPH and nxt and nxt.kind is Kind.TASK and \
                is_short_line(para.text, 60) and not ends_sentence(para.text) and has_words(para.text):
            para.kind, para.lost = Kind.HEADING, True
            _warn(result, para.line, "W407", f"部分标题“{para.text[:20]}”缺少编号（一、），已按部分标题导入")


def _joinable(para: Para) -> bool:
    if para.kind not in (Kind.PARAGRAPH, Kind.TASK, Kind.ITEM) or ends_sentence(para.text):
        return False
    return any(c in para.text for c in "，、；：。") or len(para.text) >= 20


def join_broken(paras: list[Para], result: ReadResult) -> list[Para]:
    """Return paragraphs with sentences cut by a page break joined: a paragraph that does not
    end a sentence takes the next plain paragraph (one warning W405 per join)."""
    out: list[Para] = []
    for para in paras:
        prev = out[-1] if out else None
        if prev and para.kind is Kind.PARAGRAPH and not para.lost and _joinable(prev) \
                and has_words(para.text):
            _warn(result, prev.line, "W405", f"第 {prev.line} 行与第 {para.line} 行已合并（疑为分页断开的句子）")
            prev.text += para.text
            if prev.label:
                prev.label = find_label(prev.text)
            continue
        out.append(para)
    return out


def _emit(para: Para, result: ReadResult) -> None:
    label = para.label
    if para.kind is Kind.TARGETS and not para.lost:
        last = result.blocks[-1] if result.blocks else None
        row = tuple(cell.strip() for cell in para.text.split("｜"))
        if last is not None and last.kind is Kind.TARGETS:
            result.blocks[-1] = Block(Kind.TARGETS, last.text, rows=last.rows + (row,))
            return
        block = Block(Kind.TARGETS, "", rows=(row,))
    elif para.kind is Kind.TARGETS:
        block = Block(Kind.TARGETS, para.text)
    elif para.kind is Kind.HEADING:
        block = Block(Kind.HEADING, label.text if label else para.text,
                      label=label.label if label else "", level=1)
    elif para.kind is Kind.TASK:
        lead, body = split_lead(label.text)
        block = Block(Kind.TASK, body, label=label.label, lead=lead, level=label.level)
    elif para.kind is Kind.ITEM:
        block = Block(Kind.ITEM, label.text, label=label.label, level=4)
    else:
        block = Block(para.kind, para.text)
    result.add(block, para.line)
