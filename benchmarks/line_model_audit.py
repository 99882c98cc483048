"""How often the line model (generator.layout.lines, the page estimate a DOCX gets without
LibreOffice) counts a paragraph's lines differently from LibreOffice (issue 15 point 3).

Sample: audit_pages.py's (the examples and the stress plan in every style sheet, and
``--random`` random notices). Each document is written with the estimate alone and printed
by LibreOffice in one batch; every body paragraph of the DOCX (正文, headings, items, 主送,
附件说明, 附注; not titles, tables, 署名 or 版记) is found in the PDF's lines by its text, and
the lines it takes there are compared with the model's count. Prints the paragraphs
compared, those miscounted (per 300), split by whether they mix digits or Latin letters
with Chinese, and a few examples.

Usage: python benchmarks/line_model_audit.py [--random 100] [--seed 1000]
"""
from __future__ import annotations

import re
import sys
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path

import pymupdf
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "layout"), str(ROOT / "tests"), str(ROOT / "benchmarks")]

from audit_pages import built_sample, sample_arguments  # noqa: E402
from measure import PAGE_NUMBER, read_lines  # noqa: E402

from generator.writers.docx.pagination import _ROLE_OF, paragraph_lines  # noqa: E402
from generator.writers.docx.wordml import w  # noqa: E402
from generator.writers.docx.writer import compose_docx  # noqa: E402
from generator.writers.office import convert_batch  # noqa: E402

COUNTED = {"body", "body_continued", "heading1", "heading2", "heading3", "heading4",
           "recipients", "attachments", "note"}
_MIXED = re.compile(r"[0-9A-Za-z]")


def paragraphs(docx: bytes, sheet) -> list[tuple[str, int]]:
    """Return (text without spaces, lines the model gives) of each counted paragraph."""
    root = etree.fromstring(zipfile.ZipFile(BytesIO(docx)).read("word/document.xml"))
    out = []
    for p in root.find(w("body")).iterfind(w("p")):
        style = p.find(f"{w('pPr')}/{w('pStyle')}")
        role = _ROLE_OF.get(style.get(w("val")) if style is not None else "", "body")
        text = "".join(t.text or "" for t in p.iter(w("t")))
        if role in COUNTED and text.strip() and p.find(f".//{w('br')}") is None:
            out.append(("".join(text.split()), paragraph_lines(p, sheet, sheet.text_width, {})[1]))
    return out


def printed_lines(pdf: pymupdf.Document) -> list[str]:
    """Return the text of every line of the PDF (spaces removed), page after page."""
    return [line.text for page in pdf for line in read_lines(page)
            if not PAGE_NUMBER.match(line.text)]


def compare(paras: list[tuple[str, int]], lines: list[str]):
    """Yield (text, model lines, LibreOffice lines) for each paragraph found in ``lines``,
    in order (a paragraph not found is left out)."""
    cursor = 0
    for text, model in paras:
        start = next((i for i in range(cursor, len(lines)) if lines[i] and text.startswith(lines[i])), None)
        if start is None:
            continue
        joined, end = "", start
        while end < len(lines) and text.startswith(joined + lines[end]):
            joined += lines[end]
            end += 1
            if joined == text:
                break
        if joined == text:
            cursor = end
            yield text, model, end - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        items, built = built_sample(sample_arguments(), Path(tmp))
        docx = [compose_docx(d, s)[0] for d, s in built]
        converted = convert_batch(docx, measure=False)
    counts = {"plain": [0, 0], "mixed": [0, 0]}
    wrong, several, candidates = [], 0, 0
    for data, (_, sheet), result in zip(docx, built, converted):
        pdf = pymupdf.open(stream=result.pdf, filetype="pdf")
        paras = paragraphs(data, sheet)
        candidates += len(paras)
        for text, model, printed in compare(paras, printed_lines(pdf)):
            kind = "mixed" if _MIXED.search(text) else "plain"
            counts[kind][0] += 1
            several += printed > 1
            if model != printed:
                counts[kind][1] += 1
                wrong.append((model, printed, text))
    total, missed = sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values())
    print(f"{len(items)} documents, {total} of {candidates} paragraphs found and compared "
          f"({several} over more than one line), {missed} miscounted "
          f"({300 * missed / max(total, 1):.2f} per 300)")
    for kind, (n, bad) in counts.items():
        print(f"- {kind}: {n} paragraphs, {bad} miscounted ({300 * bad / max(n, 1):.2f} per 300)")
    for model, printed, text in wrong[:8]:
        print(f"  model {model}, LibreOffice {printed}: {text[:60]}")


if __name__ == "__main__":
    main()
