"""What a reader sees on a printed document, measured on the PDF (PyMuPDF): marks missing
from the page, where the 版记 stands, pages wasted or misnumbered, how full the notice's
first page is, whether the date is whole. Used by the layout tests and by
benchmarks/audit_pages.py (the same measures over hundreds of plans).
"""
from __future__ import annotations

import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from io import BytesIO

import pymupdf
from measure import BOTTOM, MM, PAGE_NUMBER, TOP, read_lines

_T = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}


def docx_text(docx: bytes) -> str:
    """Return the text of the DOCX body (every w:t, in order)."""
    xml = zipfile.ZipFile(BytesIO(docx)).read("word/document.xml").decode("utf-8")
    text = "".join(_T.findall(xml))
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    return text


def missing_marks(docx: bytes, pdf: pymupdf.Document) -> Counter:
    """Return the characters the DOCX holds more often than the PDF's text layer (spaces
    aside): what the printed page lost."""
    want = Counter(docx_text(docx).replace(" ", "").replace("\t", ""))
    have = Counter("".join(page.get_text() for page in pdf))
    return Counter({ch: n - have[ch] for ch, n in want.items() if n > have[ch]})


@dataclass
class Pages:
    """The end of a printed document: its pages, the page the 版记 is on (0 if none), the
    last page with body text before it, the height of the text on that page and of the
    版记 (points), and the pages that carry a page number."""

    count: int
    imprint: int = 0
    body_end: int = 0
    body_bottom: float = 0.0
    imprint_height: float = 0.0
    numbered: list[int] = field(default_factory=list)

    def faults(self, even: bool = True) -> list[str]:
        """Return what is wrong with the end of the document (empty when nothing is)."""
        faults = []
        if not self.imprint:
            return faults
        if self.imprint != self.count:
            faults.append(f"版记 on page {self.imprint} of {self.count}")
        if even and self.count % 2:
            faults.append(f"odd last page {self.count}")
        alone = [p for p in range(self.body_end + 1, self.count + 1)]
        if any(p in self.numbered for p in alone):
            faults.append(f"blank or 版记-only page numbered: {alone}")
        if any(p not in self.numbered for p in range(1, self.body_end + 1)):
            faults.append("a body page has no number")
        if self.wasted():
            faults.append(f"wasted page: body ends on {self.body_end}, 版记 on {self.imprint}")
        return faults

    def wasted(self, even: bool = True) -> bool:
        """Return whether the 版记 could have stood on an earlier page."""
        fits = self.body_bottom + self.imprint_height <= BOTTOM + 1
        if self.imprint > self.body_end and fits and (not even or self.body_end % 2 == 0):
            return True
        return self.imprint > self.body_end + 1 and (not even or self.body_end % 2 == 1)


def _imprint_top(lines, rules) -> float:
    """Return the top of the 版记 on its page: the wide rule right above its first line."""
    first = min(line.top for line in lines if "印发" in line.text or "抄送" in line.text)
    above = [r.y0 for r in rules if r.y0 <= first and r.width > 150 * MM]
    return max(above, default=first)


def read_pages(pdf: pymupdf.Document) -> Pages:
    """Return where the document ends (see Pages)."""
    from measure import horizontal_rules
    pages = [read_lines(page) for page in pdf]
    result = Pages(len(pages))
    for index, lines in enumerate(pages, start=1):
        texts = [line.text.replace(" ", "") for line in lines]
        if any(PAGE_NUMBER.match(line.text) for line in lines):
            result.numbered.append(index)
        if any(t.endswith("印发") for t in texts):
            result.imprint = index
    if not result.imprint:
        return result
    lines = pages[result.imprint - 1]
    rules = horizontal_rules(pdf[result.imprint - 1])
    top = _imprint_top(lines, [rule for rule, _ in rules])
    result.imprint_height = BOTTOM - top
    for index in range(result.imprint, 0, -1):
        body = [line for line in pages[index - 1] if TOP - 5 < line.top < BOTTOM
                and not PAGE_NUMBER.match(line.text)
                and (index != result.imprint or line.baseline < top)]
        if body:
            result.body_end = index
            result.body_bottom = max(line.baseline + 0.25 * line.size for line in body)
            break
    return result


def first_page_gap(pdf: pymupdf.Document, pitch: float) -> float:
    """Return how many lines of the notice's first page stay empty below its last line
    (0 for a full page), in lines of ``pitch`` points."""
    lines = [line for line in read_lines(pdf[0]) if not PAGE_NUMBER.match(line.text)]
    bottom = max(line.baseline for line in lines) + 0.25 * lines[-1].size
    return max(0.0, (BOTTOM - bottom) / pitch - 0.25)


def broken_dates(pdf: pymupdf.Document, date: str) -> bool:
    """Return whether the 成文日期 ``date`` (2023年1月7日) is printed across two lines."""
    texts = [line.text.replace(" ", "") for page in pdf for line in read_lines(page)]
    return not any(date in text for text in texts)


def signature_page_body(pdf: pymupdf.Document, signature: str, attachments: str) -> tuple[int, int]:
    """Return (the 0-based page the 署名 ``signature`` starts on, the lines of 正文 above it
    there): lines of text above it in the type area that are not part of the 附件说明
    ``attachments`` (its lines joined, 附件： included) and not a page number; with
    ``attachments`` "", every line above it. (-1, 0) when the 署名 is not found."""
    for index, page in enumerate(pdf):
        lines = [line for line in read_lines(page) if not PAGE_NUMBER.match(line.text)]
        found = [line for line in lines if line.text == signature
                 or len(line.text) >= 4 and signature.startswith(line.text)]
        if found:
            above = [line for line in lines if TOP - 5 < line.top and line.baseline < found[0].baseline
                     and line.text not in attachments]
            return index, len(above)
    return -1, 0


def notice_fill_faults(pdf: pymupdf.Document, document, pitch: float) -> list[str]:
    """Return what is wrong with a notice's page break (empty when nothing is, or when the
    notice fits its first page): the 署名 page must carry 正文 or the 附件说明 (GB/T 9704
    7.3.5.1), and the first page may end more than 2 lines short only when no more than
    the last line or two of text (正文, or the 附件说明's last item) went down with the 署名
    (they had no room on it)."""
    from generator.document.model import Kind
    from generator.document.wording import attachment_lines
    signature = document.of_kind(Kind.SIGNATURE)[0].text
    listed = document.of_kind(Kind.ATTACHMENTS)
    page, carried = signature_page_body(pdf, signature, "".join(attachment_lines(listed[0].parts))
                                        if listed else "")
    if page <= 0:
        return []
    text = signature_page_body(pdf, signature, "")[1]      # 正文 and 附件说明 lines
    faults = [] if text else [f"署名 on page {page + 1} without 正文 or 附件说明"]
    gap = first_page_gap(pdf, pitch)
    if gap > 2 and (carried > 2 or listed and text > 2):
        faults.append(f"page 1 {gap:.1f} lines short, {text} lines of text went down with the 署名")
    return faults
