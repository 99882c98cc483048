"""Plain-text input: each line of the document is one span (web-page lines before and after
it left out, as import leaves them out); the role of a line is the block kind the text
reader recognises there. Fixed in place, in the file's own encoding and line endings."""
from __future__ import annotations

import re
from pathlib import Path

from generator.core.location import Location
from generator.lint.model import Span
from generator.readers import TEXT_CAP, decode_text, read_bytes

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
_FOLLOWERS = {"attachments": r"^\s*\d{1,2}\s*[.．、]", "imprint": r"印发|抄送|\d{4}年\d{1,2}月\d{1,2}日\s*$"}
_RECIPIENTS = re.compile(r"^[^。]{2,80}[，,：:]\s*$")


class TextSource:
    """A text file read for lint: its lines with their endings, the encoding, the spans."""

    def __init__(self, path: str):
        self.path = path
        data = read_bytes(Path(path), TEXT_CAP)
        self.text = decode_text(data, path)
        self.encoding = _encoding(data)
        self.lines = [m.group() for m in _LINE.finditer(self.text) if m.group()]
        self.spans = self._spans()

    def _spans(self) -> list[Span]:
        from generator.readers.cleanup import web_footer_start, web_header_end
        bare = [line.rstrip("\r\n") for line in self.lines]
        tail = web_footer_start(bare)
        skip = web_header_end(bare, tail)
        roles = line_roles(self.text, self.path)
        spans = []
        for index in range(skip, tail):
            if bare[index].strip():
                spans.append(Span(bare[index], roles.get(index + 1, "paragraph"),
                                  _locator(self.path, index + 1), ref=index))
        extend_roles(spans)
        return spans

    def fixed(self, texts: dict[int, str]) -> bytes:
        """Return the file's bytes with the lines at the given indexes replaced (endings kept)."""
        out = []
        for index, line in enumerate(self.lines):
            if index in texts:
                ending = line[len(line.rstrip("\r\n")):]
                line = texts[index] + ending
            out.append(line)
        data = "".join(out).encode(self.encoding)
        return data


def _locator(path: str, line: int):
    return lambda offset: Location(path, line, offset + 1)


def _encoding(data: bytes) -> str:
    """Return the encoding decode_text read ``data`` with."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def line_roles(text: str, path: str) -> dict[int, str]:
    """Return line number -> role (block kind) as the text reader recognises the document."""
    from generator.core.location import InputError
    from generator.readers.text import read_text
    try:
        result = read_text(text, path)
    except InputError:
        return {}
    roles: dict[int, str] = {}
    for block, line in zip(result.blocks, result.lines):
        roles.setdefault(line, block.kind.value)
    return roles


def extend_roles(spans: list[Span]) -> None:
    """Give roles the reader leaves out: the paragraphs that continue an 附件 or 版记 block
    (2.…, the 印发 line; the reader records only a block's first line), a 抄送 line, and a
    主送 line ending in a comma right after the notice title."""
    role = None
    for span in spans:
        pattern = _FOLLOWERS.get(role)
        if span.role == "paragraph":
            if pattern and re.search(pattern, span.text):
                span.role = role
                continue
            if span.text.lstrip().startswith("抄送"):
                span.role = "imprint"
            elif role == "title" and _RECIPIENTS.match(span.text):
                span.role = "recipients"
        role = span.role
