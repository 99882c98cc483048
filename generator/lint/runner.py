"""Running rules over spans, and applying fixes to a span's text.

``lint_spans`` returns the findings of the chosen rules, each with its fix when the fix
touches only text written in the input. ``apply_fixes`` applies the non-overlapping fixes of
a list of results to one span's text; ``fixed_text`` repeats lint-and-fix on a text until
nothing more can be fixed (a fix may make room for another, e.g. PUN01 then PUN10).
"""
from __future__ import annotations

import bisect
import functools
import re
from typing import Iterable

from generator.core.codes import finding
from generator.lint.chars import excerpt
from generator.lint.model import Context, Edit, Fix, Result, Span
from generator.lint.registry import Rule

MAX_PASSES = 6


def lint_spans(spans: list[Span], rules: Iterable[Rule], context: Context | None = None) -> list[Result]:
    """Return the results of ``rules`` on ``spans`` (in no particular order).

    A rule runs only on the spans that hold what it needs (its ``chars``, a match of its
    ``scan`` pattern, a first character among its ``starts``): rules are cheap, but calling
    forty of them on each of 40,000 spans is not, and most find nothing to look at."""
    context = context or Context()
    results: list[Result] = []
    plan = _Plan(spans)
    for item in rules:
        chosen = plan.candidates(item)
        if item.whole:
            if chosen:
                results.extend(_result(item, span, hit) for span, hit in item.check(spans))
            continue
        roles = item.roles
        for span in chosen:
            if roles is not None and span.role not in roles:
                continue
            hits = item.check(span, context) if item.context else item.check(span)
            results.extend(_result(item, span, hit) for hit in hits)
    return results


class _Plan:
    """The spans of one file seen whole: their text joined, the characters it holds, the
    spans by first character; answers which spans a rule needs to look at."""

    def __init__(self, spans: list[Span]):
        self.spans = spans
        self.joined = "\n".join(span.text for span in spans)
        self.starts, at = [], 0
        for span in spans:
            self.starts.append(at)
            at += len(span.text) + 1
        self._chars: set | None = None
        self._first: dict | None = None

    def candidates(self, item: Rule) -> list[Span]:
        spans = self.spans
        if item.roles is not None and not item.whole:
            spans = [s for s in spans if s.role in item.roles]
        if item.chars:
            if self._chars is None:
                self._chars = set(self.joined)
            if not any(ch in self._chars for ch in item.chars):
                return []
            search = _char_class(item.chars)
            return [s for s in spans if search(s.text)]
        if item.scan is not None:
            hits = sorted({bisect.bisect_right(self.starts, m.start()) - 1
                           for m in item.scan.finditer(self.joined)})
            found = [self.spans[i] for i in hits]
            return found if spans is self.spans else [s for s in found if s.role in item.roles]
        if item.starts:
            if self._first is None:
                self._first = {}
                for span in self.spans:
                    self._first.setdefault(span.text.lstrip()[:1], []).append(span)
            found = [s for ch in item.starts for s in self._first.get(ch, ())]
            return found if spans is self.spans else [s for s in found if s.role in item.roles]
        return spans


@functools.lru_cache(maxsize=64)
def _char_class(chars: str):
    """Return the search method of a pattern matching any of ``chars``."""
    return re.compile("[" + re.escape(chars) + "]").search


def _result(item: Rule, span: Span, hit) -> Result:
    where = span.locate(hit.start)
    quoted = excerpt(span.text, hit.start, hit.end)
    message = f"{hit.message}：“{quoted}”" if quoted.strip() else hit.message
    fix = hit.fix if hit.fix and all(span.can_edit(e) for e in hit.fix.edits) else None
    return Result(finding(item.code, where, message, str(span.field)), span, hit, fix)


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
