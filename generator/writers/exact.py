"""Exact pagination: the 版记 placed from the page breaks LibreOffice really makes.

Every document is written with the 版记 where the page estimate puts it and converted in
one LibreOffice batch that also reports where each body ends (writers.office). Where the
estimate was wrong the document is written again with the 版记 where the measurement
says and converted once more, in one further batch for all such documents; a second
correction round is allowed for the rare case where moving the 版记 moves the body.
"""
from __future__ import annotations

from typing import NamedTuple

from generator.document.model import Document, Kind
from generator.layout.imprint import Known, corrected_place
from generator.style.sheet import StyleSheet

ROUNDS = 3                     # conversions at most per document


class Printed(NamedTuple):
    """A document as finally converted: its DOCX, its PDF, the conversions it took."""

    docx: bytes
    pdf: bytes
    rounds: int


def print_exactly(items: list[tuple[Document, StyleSheet]]) -> list[Printed]:
    """Return each (document, sheet) written to DOCX and converted to PDF with its 版记 on
    the page the real page breaks call for. Raises ToolError when LibreOffice is missing
    or fails."""
    from generator.writers.docx.tables import imprint_height
    from generator.writers.docx.writer import compose_docx
    from generator.writers.office import convert_batch
    written = [compose_docx(document, sheet) for document, sheet in items]
    docx = [data for data, _ in written]
    placed = [where for _, where in written]
    pdfs: list[bytes] = [b""] * len(items)
    rounds = [0] * len(items)
    known = [Known()] * len(items)
    todo = list(range(len(items)))
    for round_ in range(ROUNDS):
        if not todo:
            break
        converted = convert_batch([docx[i] for i in todo], measure=True)
        again = []
        for i, result in zip(todo, converted):
            pdfs[i], rounds[i] = result.pdf, rounds[i] + 1
            document, sheet = items[i]
            if placed[i] is None or result.end is None or round_ == ROUNDS - 1:
                continue
            height = imprint_height(sheet, document.of_kind(Kind.IMPRINT)[0])
            end = result.end
            shared = not (sheet.landscape and document.of_kind(Kind.BREAKDOWN))
            place, known[i] = corrected_place(placed[i], end.page, end.imprint, end.pages, sheet,
                                              height, known[i], shared)
            if place is None:
                continue
            docx[i], placed[i] = compose_docx(document, sheet, place)
            again.append(i)
        todo = again
    return [Printed(d, p, r) for d, p, r in zip(docx, pdfs, rounds)]
