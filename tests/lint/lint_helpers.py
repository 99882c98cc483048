"""Helpers for the lint tests: run rules on one line of text, apply their fixes."""
from __future__ import annotations

from generator.core.location import Location
from generator.lint.files import fix_span
from generator.lint.model import Context, Span
from generator.lint.registry import all_rules, selected
from generator.lint.runner import lint_spans
from generator.lint.words import load_words


def span(text: str, role: str = "paragraph", field: str = "") -> Span:
    return Span(text, role, lambda offset: Location("t.txt", 1, offset + 1), field)


def context() -> Context:
    return Context(words=load_words())


def findings(text: str, code: str, role: str = "paragraph", field: str = "") -> list[str]:
    """Return the formatted findings of one rule on one line of text."""
    rule = all_rules()[code]
    return [r.finding.format() for r in lint_spans([span(text, role, field)], [rule], context())]


def codes(text: str, role: str = "paragraph") -> list[str]:
    """Return the codes every rule (uncertain ones too) reports on one line, sorted."""
    results = lint_spans([span(text, role)], all_rules().values(), context())
    return sorted(r.finding.code for r in results)


def default_codes(text: str, role: str = "paragraph") -> list[str]:
    """Return the codes the default rules report on one line, sorted."""
    results = lint_spans([span(text, role)], selected(None), context())
    return sorted(r.finding.code for r in results)


def fixed(text: str, code: str, role: str = "paragraph", unsafe: bool = False, field: str = "") -> str:
    """Return the line after one rule's fixes (unsafe ones too when asked)."""
    return fix_span(span(text, role, field), [all_rules()[code]], context(), unsafe)


def _field(code: str) -> str:
    """Return the field a case is linted as: a task's lead for STR10, none for the rest."""
    return "sections[0].tasks[0].title" if code == "STR10" else ""


def assert_fires_and_fixes(code, text, role, expected, safe, unsafe) -> None:
    """One rule case: the exact findings, the text after the safe fixes and after all
    fixes, and nothing of the rule left once every fix is made (unless none changed it)."""
    field = _field(code)
    assert findings(text, code, role, field) == expected
    assert fixed(text, code, role, field=field) == safe
    assert fixed(text, code, role, unsafe=True, field=field) == unsafe
    assert findings(unsafe, code, role, field) == ([] if unsafe != text else expected)


def assert_quiet(code, text, role) -> None:
    """A near miss: the rule finds nothing."""
    assert findings(text, code, role, _field(code)) == []

