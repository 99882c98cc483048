"""Running rules over spans, and applying fixes to a span's text.

``lint_spans`` returns the findings of the chosen rules, each with its fix when the fix
touches only text written in the input. ``apply_fixes`` applies the non-overlapping fixes of
a list of results to one span's text; ``fixed_text`` repeats lint-and-fix on a text until
nothing more can be fixed (a fix may make room for another, e.g. PUN01 then PUN10).
"""
from __future__ import annotations

from typing import Iterable

from generator.core.codes import finding
from generator.lint.chars import excerpt
from generator.lint.model import Context, Edit, Fix, Result, Span
from generator.lint.registry import Rule

MAX_PASSES = 6


def lint_spans(spans: list[Span], rules: Iterable[Rule], context: Context | None = None) -> list[Result]:
    """Return the results of ``rules`` on ``spans`` (in no particular order)."""
    context = context or Context()
    results: list[Result] = []
    rules = list(rules)
    per_span = [r for r in rules if not r.whole]
    for span in spans:
        for item in per_span:
            if item.roles is not None and span.role not in item.roles:
                continue
            hits = item.check(span, context) if item.context else item.check(span)
            results.extend(_result(item, span, hit) for hit in hits)
    for item in rules:
        if item.whole:
            results.extend(_result(item, span, hit) for span, hit in item.check(spans))
    return results


def _result(item: Rule, span: Span, hit) -> Result:
    where = span.locate(hit.start)
    quoted = excerpt(span.text, hit.start, hit.end)
    message = f"{hit.message}：“{quoted}”" if quoted.strip() else hit.message
    fix = hit.fix if hit.fix and all(span.can_edit(e) for e in hit.fix.edits) else None
    return Result(finding(item.code, where, message, span.field), span, hit, fix)


def wanted(fix: Fix | None, unsafe: bool) -> bool:
    """Return whether a fix is applied: safe ones always, unsafe ones when asked for."""
    return fix is not None and (fix.safe or unsafe)


def choose_edits(results: Iterable[Result], unsafe: bool) -> list[Edit]:
    """Return the edits of the wanted fixes that do not overlap a fix taken before them
    (results in order of position; a fix is taken whole or not at all), sorted."""
    taken: list[Edit] = []
    for result in sorted(results, key=lambda r: (r.hit.start, r.hit.end, r.finding.code)):
        if not wanted(result.fix, unsafe):
            continue
        edits = result.fix.edits
        if any(_overlap(a, b) for a in edits for b in taken):
            continue
        taken.extend(edits)
    return sorted(taken)


def _overlap(a: Edit, b: Edit) -> bool:
    if a.start == a.end == b.start == b.end:
        return True                                 # two insertions at one place
    return a.start < b.end and b.start < a.end


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Return ``text`` with non-overlapping ``edits`` applied."""
    out, at = [], 0
    for edit in sorted(edits):
        out.append(text[at:edit.start])
        out.append(edit.text)
        at = edit.end
    out.append(text[at:])
    return "".join(out)
