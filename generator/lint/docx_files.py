"""Word input: each paragraph of the body (and of each table cell) is a span, located by the
paragraph's number in the body (a table counts as one, as import counts) and the character
offset; its role is the block kind the DOCX reader recognises there. Imported only for a
.docx (python-docx is loaded through the reader and the redline marks).

A Word file is never changed in place: ``fixed_copy`` returns a copy in which every fix is a
tracked change (w:del + w:ins, author "workplan lint"), for the reviewer to accept or reject.
Text is read from the paragraph's own runs (what the tracked changes can rewrite); a tab or
break inside a run counts as one character (U+FFFC) that no rule matches.
"""
from __future__ import annotations

import io

from generator.core.location import Location
from generator.writers.docx.redline_marks import Reviser, atom_text
from generator.lint.model import Span
from generator.lint.text_files import extend_roles
from generator.readers.docx import OWN_IDS, W, body_units, open_package, read_package

AUTHOR = "workplan lint"


class DocxSource:
    """A Word file read for lint: the package, the spans and their paragraphs."""

    def __init__(self, path: str):
        self.path = path
        self.package = open_package(path)
        units = list(body_units(self.package.element.body))
        roles = _roles(path, self.package, units)
        self.paragraphs = []
        self.spans: list[Span] = []
        for number, unit in enumerate(units, 1):
            inner = [unit] if unit.tag == W + "p" else list(unit.iter(W + "p"))
            role = roles.get(number, "paragraph" if unit.tag == W + "p" else "targets")
            for p in inner:
                text = atom_text(p)
                if text.strip():
                    self.spans.append(Span(text, role, _locator(path, number),
                                           ref=len(self.paragraphs)))
                    self.paragraphs.append(p)
        extend_roles(self.spans)

    def fixed_copy(self, texts: dict[int, str]) -> bytes:
        """Return the file's bytes with each paragraph ``ref`` changed to its new text as
        tracked changes."""
        from generator.writers.docx.package import normalize_zip
        reviser = Reviser(AUTHOR)
        for ref, text in sorted(texts.items()):
            reviser.revise(self.paragraphs[ref], text)
        out = io.BytesIO()
        self.package.save(out)
        return normalize_zip(out.getvalue())


def _locator(path: str, number: int):
    return lambda offset: Location(path, number, offset + 1)


def _roles(path: str, package, units: list) -> dict[int, str]:
    """Return unit number -> role: the block kinds the DOCX reader finds. For a file read as
    text its line numbers count each row of a many-row table, so they are mapped back."""
    from generator.core.location import InputError
    try:
        result = read_package(path, package)
    except InputError:
        return {}
    line_to_unit, line = {}, 1
    for number, unit in enumerate(units, 1):
        rows = len(unit.findall(W + "tr")) if unit.tag == W + "tbl" else 1
        for _ in range(max(1, rows)):
            line_to_unit[line] = number
            line += 1
    own = any(style.get(W + "val", "") in OWN_IDS
              for u in units if (style := u.find(f"{W}pPr/{W}pStyle")) is not None)
    roles = {}
    for block, at in zip(result.blocks, result.lines):
        number = at if own else line_to_unit.get(at, at)
        roles.setdefault(number, block.kind.value)
    return roles
