"""What lint works on and what it returns: spans of printed text with their places in the
input, the hits rules find in them, and fixes as edits of a span's text."""
from __future__ import annotations

from typing import Callable, NamedTuple

from generator.core.location import Finding, Location


class Edit(NamedTuple):
    """Replace the characters ``start``–``end`` of a span's text by ``text`` (an insertion
    when start == end)."""

    start: int
    end: int
    text: str


class Fix(NamedTuple):
    """The edits that repair one hit; ``safe`` when they never change the meaning (applied by
    ``--fix``), else applied only with ``--unsafe-fixes``."""

    edits: tuple[Edit, ...]
    safe: bool = True


class Hit(NamedTuple):
    """What a rule found in a span: the characters ``start``–``end``, a message (Chinese,
    without the quoted text: the runner adds it) and the fix, if any."""

    start: int
    end: int
    message: str
    fix: Fix | None = None


def replace(start: int, end: int, text: str, safe: bool = True) -> Fix:
    """Return the fix replacing ``start``–``end`` by ``text``."""
    return Fix((Edit(start, end, text),), safe)


class Span:
    """One stretch of printed text: a paragraph of a text or Word file, or one text field of
    a plan after its placeholders are filled.

    ``role`` says what the text is (a Document block kind such as "recipients", "heading",
    "task", or for plans "lead", "owner", "attachment", "cc" …); ``locate`` turns a
    character offset into a Location; ``field`` is the plan field (empty for other inputs);
    ``ref`` is what the fixer needs to find the text again; ``editable`` tells whether the
    characters at an offset came from the input as written (not from a placeholder).
    (A plain class: a large plan has tens of thousands of spans.)"""

    __slots__ = ("text", "role", "locate", "field", "ref", "editable", "_guard")

    def __init__(self, text: str, role: str, locate: Callable[[int], Location], field="",
                 ref: object = None, editable: Callable[[int, int], bool] | None = None):
        self.text, self.role, self.locate, self.field = text, role, locate, field
        self.ref, self.editable, self._guard = ref, editable, None

    def can_edit(self, edit: Edit) -> bool:
        """Return whether ``edit`` touches only characters written in the input."""
        return self.editable is None or self.editable(edit.start, edit.end)


class Result:
    """One lint finding: the finding as every command prints it, the span and hit it came
    from, and the fix (None when the rule has none, or it would touch filled-in text)."""

    __slots__ = ("finding", "span", "hit", "fix")

    def __init__(self, finding: Finding, span: Span, hit: Hit, fix: Fix | None = None):
        self.finding, self.span, self.hit, self.fix = finding, span, hit, fix

    @property
    def fixable(self) -> bool:
        """True when a safe fix exists."""
        return self.fix is not None and self.fix.safe

    def as_json(self) -> dict:
        """Return the JSON object ``--format json`` prints for this finding."""
        where = self.finding.location
        return {"path": where.path, "line": where.line, "col": where.col,
                "code": self.finding.code, "message": self.finding.message,
                "field": self.finding.field, "fixable": self.fixable,
                "unsafe_fixable": self.fix is not None and not self.fix.safe}


class Context:
    """What some rules need beside the span: the confusable-word list (WRD01) and, for a
    plan, its year (fixes that write a year)."""

    def __init__(self, words: object = None, year: int | None = None):
        self.words, self.year = words, year
