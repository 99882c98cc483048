"""Plan files (YAML): every printed text field is a span, located in the YAML file through
the source map; fixes are spliced into the YAML text at those positions (the machinery
rollover uses), so comments, key order and every other character stay as written.

A field whose edits cannot be spliced character by character (a double-quoted escape, an
edit across a folded line) has its whole value rewritten instead; either way the result is
parsed again and each edited field must read back as the fixed text, else ToolError.
"""
from __future__ import annotations

import re

from generator.core.location import InputError, Location, ToolError, format_path
from generator.lint.model import Edit, Span
from generator.lint.plan_text import Printed, align, editable, filled, joined
from generator.plan.load import join_cjk

_SUPPRESS = re.compile(r"#\s*workplan:\s*ignore(?:\[([A-Za-z0-9,\s]*)\])?")


class FieldPath(tuple):
    """A field's path, printed as ``sections[0].tasks[2].body`` (made into text only when a
    finding needs it; true when not empty, as a span's field is for plan fields)."""

    def __str__(self) -> str:
        return format_path(self)


class FieldRef:
    """What the fixer needs of one field: its path, parsed value and printed text (made
    when first needed)."""

    __slots__ = ("parts", "value", "printed")

    def __init__(self, parts: tuple, value: str, printed: Printed | None = None):
        self.parts, self.value, self.printed = parts, value, printed


def plan_fields(data: dict):
    """Yield (field path, role) of every printed text field of plan data, in file order.
    Owners are "owner" fields, or "unit" ones where the plan declares its units (validate
    checks those against the declaration: W251, E251)."""
    owner = "unit" if data.get("units") else "owner"
    yield ("title",), "plan_title"
    yield from _many(data, ("preamble",), "paragraph")
    for i, section in enumerate(_list(data.get("sections"))):
        at = ("sections", i)
        yield at + ("title",), "heading"
        yield from _many(section, at + ("intro",), "paragraph")
        for k, task in enumerate(_list(section.get("tasks"))):
            here = at + ("tasks", k)
            yield here + ("title",), "lead"
            yield here + ("body",), "body"
            yield from _many(task, here + ("items",), "item")
            yield from _many(task, here + ("owners",), owner)
            for t, target in enumerate(_list(task.get("targets"))):
                yield here + ("targets", t, "name"), "target"
                yield from _many(target, here + ("targets", t, "owners"), owner)
                yield here + ("targets", t, "note"), "paragraph"
    notice = data.get("notice")
    if isinstance(notice, dict):
        for key, role in (("issuer_mark", "issuer_mark"), ("doc_number", "doc_number"),
                          ("title", "title"), ("recipients", "recipients"),
                          ("signature", "signature"), ("note", "note")):
            yield ("notice", key), role
        yield from _many(notice, ("notice", "body"), "paragraph")
        yield from _many(notice, ("notice", "attachments"), "attachment")
        imprint = notice.get("imprint")
        if isinstance(imprint, dict):
            yield from _many(imprint, ("notice", "imprint", "cc"), "cc")
            yield ("notice", "imprint", "printer"), "printer"


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _many(parent, parts: tuple, role: str):
    value = parent.get(parts[-1]) if isinstance(parent, dict) else None
    if isinstance(value, list):
        for index in range(len(value)):
            yield parts + (index,), role
    else:
        yield parts, role


def value_at(data, parts: tuple):
    """Return the value at a field path (None when absent)."""
    for part in parts:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


class PlanSource:
    """A plan file read for lint: text, data, source map, year, spans.

    Raises ToolError when it cannot be read, InputError when it has errors (lint reports
    them: a plan must be valid for its printed text to be known)."""

    def __init__(self, path: str, text: str | None = None, parsed: tuple | None = None):
        from generator.plan.load import check_data, plan_from_data
        from generator.source.sourcemap import parse_yaml, read_source
        self.path = path
        if parsed is None:
            self.text = read_source(path) if text is None else text
            self.data, self.smap = parse_yaml(self.text, path)
            findings = check_data(self.data, self.smap)
            if any(f.is_error for f in findings):
                raise InputError([f for f in findings if f.is_error])
            self.plan = plan_from_data(self.data)
        else:
            self.text, self.data, self.smap, self.plan = parsed
        self.year = self.plan.year
        self._editor = self._render = None
        self.spans = [span for parts, role in plan_fields(self.data)
                      if (span := self._span(parts, role)) is not None]

    @property
    def editor(self):
        """The TextEditor of the file's text (made when a position or edit is first needed)."""
        if self._editor is None:
            from generator.source.text_edit import TextEditor
            self._editor = TextEditor(self.text, self.smap)
        return self._editor

    def render(self, text: str) -> str:
        """Return a text with its placeholders filled as the document prints them."""
        if self._render is None:
            from generator.document.build import text_context
            from generator.document.templating import make_environment
            env = make_environment()
            context = text_context(self.plan, env)
            self._render = lambda t: env.from_string(t).render(context)
        return self._render(text)

    def _span(self, parts: tuple, role: str) -> Span | None:
        value = value_at(self.data, parts)
        if not isinstance(value, str):
            return None
        text = join_cjk(value)
        if "{{" in text or "{%" in text:
            printed = filled(joined(value), self.render)
            ref = FieldRef(parts, value, printed)
            text, check = printed.text, editable(printed)
        else:
            ref, check = FieldRef(parts, value, None), None
        if not text:
            return None
        return Span(text, role, self._locator(ref), FieldPath(parts), ref, check)

    def printed(self, ref: FieldRef) -> Printed:
        """Return a field's printed text with the way back to its value (made on demand)."""
        if ref.printed is None:
            ref.printed = joined(ref.value)
        return ref.printed

    def _locator(self, ref: FieldRef):
        def locate(offset: int) -> Location:
            printed = self.printed(ref)
            start, end = self.editor.span(ref.parts)
            offsets = align(self.text[start:end], ref.value)
            if offsets is None or not printed.source:
                return self.smap.locate(ref.parts)
            index = printed.source[min(offset, len(printed.source) - 1)]
            at = start + offsets[index] if index < len(offsets) else end
            return Location(self.path, *self.editor.position(at))
        return locate

    def suppressed(self, code: str, where: Location, parts: tuple) -> bool:
        """Return whether a ``# workplan: ignore[CODE]`` comment on the finding's line or
        on the line of its field's key (or the nearest key above a list item) covers it."""
        lines = {where.line}
        keyed = parts
        while keyed and keyed not in self.smap.keys:
            keyed = keyed[:-1]
        if keyed:
            lines.add(self.smap.keys[keyed][0])
        for line in lines:
            for match in _SUPPRESS.finditer(self._line(line)):
                names = [n.strip().upper() for n in (match.group(1) or "").split(",") if n.strip()]
                if match.group(1) is None or any(code.startswith(n) for n in names):
                    return True
        return False

    def _line(self, line: int) -> str:
        starts = self.editor.line_starts
        if not 0 < line <= len(starts):
            return ""
        return self.text[starts[line - 1]:self.editor.line_end(starts[line - 1])]

    def fixed(self, edits: dict[int, list[Edit]]) -> str:
        """Return the YAML text with the edits (by span index, printed-text offsets) applied.

        Raises ToolError when an edited field would not read back as intended (a bug)."""
        from generator.source.sourcemap import parse_yaml
        from generator.source.text_edit import TextEditor, scalar_text
        from generator.lint.runner import apply_edits
        plans = {}
        for index, span_edits in edits.items():
            ref = self.spans[index].ref
            value_edits = [_to_value(self.printed(ref), e) for e in span_edits]
            plans[ref.parts] = (ref.value, apply_edits(ref.value, value_edits), value_edits)
        whole: set = set()
        for _ in range(2):
            editor = TextEditor(self.text, self.smap)
            for parts, (value, expected, value_edits) in plans.items():
                splices = None if parts in whole else self._splices(editor, parts, value, value_edits)
                if splices is None:
                    editor.replace(parts, scalar_text(expected, editor.raw(parts)))
                else:
                    for splice in splices:
                        editor.splice(*splice)
            text = editor.result()
            try:
                data, _ = parse_yaml(text, self.path)
            except InputError:
                data = {}                   # a splice broke the YAML: rewrite whole values
            wrong = {p for p, (_, expected, _) in plans.items() if value_at(data, p) != expected}
            if not wrong:
                return text
            whole |= wrong
        raise ToolError(f"内部错误：{self.path} 中 {format_path(sorted(wrong)[0])} 的修复无法写回")

    def _splices(self, editor, parts: tuple, value: str, value_edits: list[Edit]):
        """Return the (start, end, text) file splices of a field's value edits, None when
        they cannot be made character by character."""
        start, end = editor.span(parts)
        offsets = align(self.text[start:end], value)
        if offsets is None or not value:
            return None
        out = []
        for edit in value_edits:
            if edit.start == edit.end:
                at = offsets[edit.start] if edit.start < len(value) else offsets[-1] + 1
                out.append((start + at, start + at, edit.text))
                continue
            first, last = start + offsets[edit.start], start + offsets[edit.end - 1] + 1
            following = start + offsets[edit.end] if edit.end < len(value) else last
            if self.text[first:last] != value[edit.start:edit.end] or following != last:
                return None                 # not written character for character ('' …)
            out.append((first, last, edit.text))
        return out


def _to_value(printed: Printed, edit: Edit) -> Edit:
    """Return a printed-text edit as an edit of the field's value."""
    source = printed.source
    if edit.start == edit.end:
        at = source[edit.start] if edit.start < len(source) else source[-1] + 1
        return Edit(at, at, edit.text)
    return Edit(source[edit.start], source[edit.end - 1] + 1, edit.text)
