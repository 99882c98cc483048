"""Edits spliced into YAML text at the positions of a source map, so that everything not
edited (comments, key order, quoting, folding) stays byte for byte as the user wrote it.

Edits are collected first and applied from the end of the text backwards, so each edit's
position is still valid when it is applied.
"""
from __future__ import annotations

import json
import re

import yaml

from generator.core.location import ToolError
from generator.source.sourcemap import SourceMap

# PyYAML counts these as line breaks ("\r\n" once); positions in the source map follow it.
_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_TRAILING = " \t\r\n\x85\u2028\u2029"
_PLAIN_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"}
_UNSAFE_PLAIN = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`\s]|[:#]\s|\s#|[,\[\]{}]|\s$|:$")
_resolver = yaml.resolver.Resolver()
_PROPERTIES = re.compile(r"(?:[&!]\S*\s+)+")      # a node's anchor and tag, before its value
_DOCUMENT_END = re.compile(r"^\.\.\.(?=[ \t]*(?:#.*)?$)", re.MULTILINE)


def scalar_text(value, like: str = "") -> str:
    """Return YAML source for a scalar ``value``; a string keeps the quoting of ``like`` (the
    source it replaces) where that quoting can hold it, else is plain when plain reads back
    as the same string, else double-quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    if like.startswith("'") and "\n" not in text:
        return "'" + text.replace("'", "''") + "'"
    if like.startswith('"') or not is_plain_safe(text):
        return json.dumps(text, ensure_ascii=False)
    return text


def is_plain_safe(text: str) -> bool:
    """Return True when ``text`` written plain (unquoted, in block or flow context) reads back
    as the same string."""
    if not text or "\n" in text or _UNSAFE_PLAIN.search(text):
        return False
    return _resolver.resolve(yaml.ScalarNode, text, (True, False)) in _PLAIN_TAGS


class TextEditor:
    """Collects splices (replace a value, insert text) into YAML text; ``result`` applies them."""

    def __init__(self, text: str, smap: SourceMap):
        self.text, self.smap = text, smap
        self._starts = [0] + [m.end() for m in _BREAK.finditer(text)]
        self.line_starts = self._starts      # offset where each line begins (read only)
        self._splices: list[tuple[int, int, str]] = []

    def offset(self, pos: tuple[int, int]) -> int:
        """Return the character offset of a 1-based (line, column) position."""
        line, col = pos
        return self._starts[line - 1] + col - 1

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of a character offset (the inverse of ``offset``)."""
        import bisect
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def span(self, parts: tuple) -> tuple[int, int]:
        """Return the (start, end) offsets of the value at ``parts`` (KeyError if absent),
        without the line breaks and blanks after it that a block scalar's or block
        collection's end position takes in (they belong to the lines around it), and without
        its anchor and tag (``&day``, ``!!str``), which stay as written."""
        start, end = self.offset(self.smap.values[parts]), self.offset(self.smap.ends[parts])
        if properties := _PROPERTIES.match(self.text, start, end):
            start = properties.end()
        while end > start and self.text[end - 1] in _TRAILING:
            end -= 1
        return start, end

    def raw(self, parts: tuple) -> str:
        """Return the source text of the value at ``parts``, quotes and block header included."""
        start, end = self.span(parts)
        return self.text[start:end]

    def is_flow(self, parts: tuple) -> bool:
        """Return True when the collection at ``parts`` is written in flow style ({…} or […])."""
        start = self.span(parts)[0]
        return self.text[start:start + 1] in ("{", "[")

    def line_end(self, offset: int) -> int:
        """Return the offset of the line break at or after ``offset`` (the text's end if none)."""
        match = _BREAK.search(self.text, offset)
        return match.start() if match else len(self.text)

    def after_value(self, parts: tuple) -> int:
        """Return the offset just past the line holding the end of the value at ``parts``
        (before its line break), where a sibling line can be inserted."""
        start, end = self.span(parts)
        return self.line_end(max(end - 1, start))

    def document_end(self) -> int:
        """Return the offset where text can be added at the end of the document: before a
        document-end marker ``...`` (and the comments after it) when there is one, else
        the end of the text."""
        root_end = self.offset(self.smap.ends[()]) if () in self.smap.ends else 0
        marker = _DOCUMENT_END.search(self.text, root_end)
        return marker.start() if marker else len(self.text)

    def indent_of(self, parts: tuple, *, key: bool = True) -> str:
        """Return spaces as wide as the column of the key (or value) at ``parts``."""
        line, col = (self.smap.keys if key else self.smap.values)[parts]
        return " " * (col - 1)

    def replace(self, parts: tuple, new_raw: str) -> None:
        """Replace the source of the value at ``parts`` with ``new_raw``; an empty value
        (``key:`` with nothing after it) gets the space YAML needs before the new one."""
        start, end = self.span(parts)
        if start == end and start and not self.text[start - 1].isspace():
            new_raw = " " + new_raw
        self._splices.append((start, end, new_raw))

    def insert(self, offset: int, text: str) -> None:
        """Insert ``text`` at ``offset``."""
        self._splices.append((offset, offset, text))

    def splice(self, start: int, end: int, text: str) -> None:
        """Replace the characters from ``start`` to ``end`` with ``text``."""
        self._splices.append((start, end, text))

    def result(self) -> str:
        """Return the text with every splice applied; the same splice asked for twice (a
        value reached by two field paths through a YAML alias) is applied once.

        Raises ToolError when two different splices overlap (a bug in the caller).
        """
        out = self.text
        limit = len(out) + 1
        for start, end, new in sorted(set(self._splices), key=lambda s: (s[0], s[1]), reverse=True):
            if end > limit:
                raise ToolError(f"内部错误：第 {start} 字符处的改动互相重叠")
            out = out[:start] + new + out[end:]
            limit = start
        return out
