"""Word revision marks (w:ins / w:del) on WordprocessingML paragraphs: whole paragraphs
inserted or deleted, or a word-level diff inside a paragraph that keeps each run's format."""
from __future__ import annotations

import collections
import copy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from generator.diff.report import diff_ops

AUTHOR = "workplan"
REVISION_DATE = "2000-01-01T00:00:00Z"


def paragraph_text(p) -> str:
    """Return the text of a paragraph's runs (w:t only: no breaks or tabs)."""
    return "".join(t.text or "" for r in p.findall(qn("w:r")) for t in r.findall(qn("w:t")))


OBJECT = "\ufffc"     # stands for a run's tab, break or other non-text child in atom_text


def atom_text(p) -> str:
    """Return the text of a paragraph's runs with OBJECT for each tab, break or other
    non-text run child: the text ``Reviser.revise`` counts characters in."""
    return "".join(OBJECT if ch is None else ch for ch, _, _ in _atoms(p))


class Reviser:
    """Writes w:ins / w:del marks with increasing ids, one author and a fixed date."""

    def __init__(self, author: str = AUTHOR):
        self.next_id = 1
        self.author = author

    def mark(self, tag: str):
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(self.next_id))
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), REVISION_DATE)
        self.next_id += 1
        return element

    def whole(self, p, tag: str) -> None:
        """Mark a whole paragraph inserted (w:ins) or deleted (w:del), its mark included."""
        runs = p.findall(qn("w:r"))
        if runs:
            box = self.mark(tag)
            runs[0].addprevious(box)
            for r in runs:
                if tag == "w:del":
                    _to_deleted(r)
                box.append(r)
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            ppr = OxmlElement("w:pPr")
            p.insert(0, ppr)
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            sect = ppr.find(qn("w:sectPr"))
            (sect.addprevious if sect is not None else ppr.append)(rpr)
        rpr.insert(0, self.mark(tag))

    def row(self, tr, tag: str) -> None:
        """Mark a table row inserted or deleted: the row (w:trPr) and every cell's paragraph."""
        trpr = tr.find(qn("w:trPr"))
        if trpr is None:
            trpr = OxmlElement("w:trPr")
            tr.insert(0, trpr)
        trpr.append(self.mark(tag))
        for p in tr.iter(qn("w:p")):
            self.whole(p, tag)

    def changed(self, p, old_text: str) -> None:
        """Replace a paragraph's runs by a diff from ``old_text`` to its current text."""
        atoms = _atoms(p)
        new_text = "".join(ch for ch, _, _ in atoms if ch is not None)
        for r in p.findall(qn("w:r")):
            p.remove(r)
        queue = collections.deque(atoms)
        rpr = atoms[0][1] if atoms else None
        for op, piece in diff_ops(old_text, new_text):
            if op == "-":
                box = self.mark("w:del")
                box.append(_run(rpr, piece, deleted=True))
                p.append(box)
                continue
            target = self.mark("w:ins") if op == "+" else p
            taken, queue = _take(queue, len(piece))
            for run in _runs(taken):
                target.append(run)
            if op == "+":
                p.append(target)
            rpr = taken[-1][1] if taken else rpr
        for run in _runs(queue):
            p.append(run)


    def revise(self, p, new_text: str) -> None:
        """Change a paragraph whose ``atom_text`` is its old text into ``new_text`` as tracked
        changes, run by run in place (other children of the paragraph, such as bookmarks
        and hyperlinks, stay where they are): dropped characters go into w:del keeping their
        run's format, added ones into w:ins with the format of the character they precede
        (at the end: the last one)."""
        runs = p.findall(qn("w:r"))
        per_run = [_atoms_of(r) for r in runs]
        old = "".join(OBJECT if ch is None else ch for atoms in per_run for ch, _, _ in atoms)
        deleted, inserts = _changes(old, new_text)
        if not inserts and not any(deleted):
            return
        offset = 0
        for r, atoms in zip(runs, per_run):
            built, state, stretch = [], None, []
            for i, atom in enumerate(atoms):
                k = offset + i
                if k in inserts:
                    built += self._stretch(state, stretch) + [self._inserted(inserts.pop(k), atom[1])]
                    state, stretch = None, []
                gone = deleted[k]
                if state is not None and gone != state:
                    built += self._stretch(state, stretch)
                    stretch = []
                state = gone
                stretch.append(atom)
            built += self._stretch(state, stretch)
            offset += len(atoms)
            if len(old) in inserts and r is runs[-1]:
                rpr = atoms[-1][1] if atoms else None
                built.append(self._inserted(inserts.pop(len(old)), rpr))
            for element in built:
                r.addprevious(element)
            p.remove(r)
        for text in inserts.values():      # a paragraph without runs
            p.append(self._inserted(text, None))

    def _stretch(self, gone: bool | None, atoms: list) -> list:
        """Return the runs of a stretch of atoms, boxed in w:del when ``gone``."""
        if not atoms:
            return []
        runs = _runs(atoms)
        if not gone:
            return runs
        box = self.mark("w:del")
        for run in runs:
            _to_deleted(run)
            box.append(run)
        return [box]

    def _inserted(self, text: str, rpr):
        box = self.mark("w:ins")
        box.append(_run(rpr, text))
        return box


def _changes(old: str, new: str) -> tuple[list[bool], dict[int, str]]:
    """Return, from a character diff of ``old`` and ``new``, which characters of ``old`` are
    dropped and the text inserted before each position of ``old`` (len(old): at the end)."""
    import difflib
    deleted, inserts = [False] * len(old), {}
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            deleted[i1:i2] = [True] * (i2 - i1)
        if op in ("insert", "replace"):
            inserts[i1] = inserts.get(i1, "") + new[j1:j2]
    return deleted, inserts


def _atoms_of(r) -> list[tuple[str | None, object, object]]:
    """Return the atoms (see _atoms) of one run."""
    rpr = r.find(qn("w:rPr"))
    out = []
    for child in r:
        if child.tag == qn("w:t"):
            out += [(ch, rpr, None) for ch in child.text or ""]
        elif child.tag != qn("w:rPr"):
            out.append((None, rpr, child))
    return out


def _atoms(p) -> list[tuple[str | None, object, object]]:
    """Return (character or None, rPr, element or None) for the runs of a paragraph: one atom
    per character of w:t, one (None) per other run child such as w:br or w:tab."""
    return [atom for r in p.findall(qn("w:r")) for atom in _atoms_of(r)]


def _take(queue: collections.deque, count: int) -> tuple[list, collections.deque]:
    """Split off the atoms holding the next ``count`` characters (with non-text atoms met
    on the way); each atom is taken in constant time, so a paragraph costs time linear in
    its length."""
    taken, seen = [], 0
    while queue and seen < count:
        atom = queue.popleft()
        taken.append(atom)
        seen += atom[0] is not None
    return taken, queue


def _runs(atoms: list) -> list:
    """Return w:r elements for atoms: one per stretch of characters with the same rPr, one
    per non-text atom."""
    out, text, current = [], [], None

    def flush() -> None:
        if text:
            out.append(_run(current, "".join(text)))
            text.clear()

    for ch, rpr, element in atoms:
        if ch is None:
            flush()
            r = _run(rpr, "")
            r.append(copy.deepcopy(element))
            out.append(r)
            continue
        if rpr is not current:
            flush()
            current = rpr
        text.append(ch)
    flush()
    return out


def _run(rpr, text: str, deleted: bool = False):
    r = OxmlElement("w:r")
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    if text:
        t = OxmlElement("w:delText" if deleted else "w:t")
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        r.append(t)
    return r


def _to_deleted(r) -> None:
    for t in r.findall(qn("w:t")):
        t.tag = qn("w:delText")


def set_text(p, text: str) -> None:
    """Replace a paragraph's runs by one run of ``text`` with the first run's formatting."""
    runs = p.findall(qn("w:r"))
    rpr = runs[0].find(qn("w:rPr")) if runs else None
    for r in runs:
        p.remove(r)
    p.append(_run(rpr, text))
