"""Small WordprocessingML builders on lxml: elements in schema order, paragraphs and runs.

The DOCX writer builds the body with these instead of python-docx's proxies: one call per
element keeps a 10,000-task plan fast, and the element order the schema demands is kept in
one place (``_PPR_ORDER``, ``_RPR_ORDER``).
"""
from __future__ import annotations

import re

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
              "numPr", "pBdr", "shd", "tabs", "kinsoku", "wordWrap", "overflowPunct",
              "autoSpaceDE", "autoSpaceDN", "adjustRightInd", "snapToGrid", "spacing", "ind",
              "contextualSpacing", "jc", "textAlignment", "outlineLvl", "rPr", "sectPr")
_RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "noProof", "snapToGrid", "color",
              "spacing", "w", "kern", "position", "sz", "szCs", "u", "vertAlign", "lang")
_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}
# Characters XML 1.0 cannot hold: C0 controls but tab, LF and CR; lone surrogates; FFFE/FFFF.
_BAD = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
_NOT_XML = re.compile(f"[{_BAD}]")
_SPECIAL = re.compile(f"[&<>{_BAD}]")                 # what character data must change
_NOT_PLAIN = re.compile(f"[&<>\t\n\r{_BAD}]")         # ... or a batched run cannot hold


def xml_text(text: str) -> str:
    """Return ``text`` without the characters XML 1.0 cannot hold (C0 controls other than
    tab and newline, lone surrogates, U+FFFE/U+FFFF)."""
    return _NOT_XML.sub("", text)


_UNSHOWN = re.compile(f"[\t\n\r{_BAD}]")


def shown_text(text: str) -> str:
    """Return what the w:t elements of a run written with ``text`` hold together (see
    ``run``): the text without tabs, line breaks and what ``xml_text`` removes."""
    return _UNSHOWN.sub("", text)


def has_breaks(text: str) -> bool:
    """Return whether ``text`` has a tab, line break or carriage return (written as w:tab
    and w:br, see ``run``)."""
    return "\n" in text or "\t" in text or "\r" in text


def char_data(text: str) -> str:
    """Return ``text`` as XML character data: ``xml_text``, then &, < and > escaped. Most
    text has none of these characters and is returned as is after one scan."""
    return escape(xml_text(text)) if _SPECIAL.search(text) else text


_CLARK: dict[str, str] = {}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_SUB = etree.SubElement


def w(tag: str) -> str:
    """Return the Clark name of a w: tag."""
    name = _CLARK.get(tag)
    if name is None:
        name = _CLARK[tag] = f"{{{W}}}{tag}"
    return name


# Clark names of the elements every paragraph and run has (hot path).
_P, _PPR, _PSTYLE, _R, _RPR, _RSTYLE, _T, _VAL = map(
    w, ("p", "pPr", "pStyle", "r", "rPr", "rStyle", "t", "val"))


def el(tag: str, parent=None, **attrs):
    """Return a new w: element (appended to ``parent`` when given); attrs become w: attrs."""
    attrib = {w(k): str(v) for k, v in attrs.items() if v is not None}
    if parent is None:
        return etree.Element(w(tag), attrib)
    return etree.SubElement(parent, w(tag), attrib)


def root(tag: str):
    """Return a new w: element that declares the w: prefix (the root of a fragment)."""
    return etree.Element(w(tag), nsmap={"w": W})


def fragment(element) -> bytes:
    """Return a ``root`` element serialized without its namespace declaration, to be put
    into document.xml as text (whose root declares the prefix)."""
    return etree.tostring(element, encoding="UTF-8").replace(f' xmlns:w="{W}"'.encode(), b"", 1)


def ordered(tag: str, children: dict, order: tuple[str, ...]):
    """Return a container element (pPr, rPr) holding ``children`` (local name -> element) in
    schema order; None when there are none."""
    if not children:
        return None
    box = el(tag)
    for name in order:
        if name in children:
            box.append(children[name])
    return box


def ppr(children: dict):
    """Return a w:pPr with the given children in schema order (None if empty)."""
    return ordered("pPr", children, _PPR_ORDER)


def rpr(children: dict):
    """Return a w:rPr with the given children in schema order (None if empty)."""
    return ordered("rPr", children, _RPR_ORDER)


def jc(align: str):
    """Return a w:jc for left/center/right/justify."""
    return el("jc", val=_ALIGN[align])


def run(parent, text: str, char_style: str | None = None, extra: dict | None = None):
    """Append a w:r with ``text`` to ``parent``: tabs and line breaks become w:tab and w:br.

    ``char_style`` is a character style id; ``extra`` further rPr children (local name ->
    element), used only where Word needs run formatting. Returns the run.
    """
    r = _SUB(parent, _R)
    if extra:
        props = dict(extra)
        if char_style:
            props["rStyle"] = el("rStyle", val=char_style)
        r.append(rpr(props))
    elif char_style:                    # the common case, built directly (hot path)
        _SUB(_SUB(r, _RPR), _RSTYLE, {_VAL: char_style})
    text = xml_text(text)
    if has_breaks(text):
        _pieces(r, text)
    elif text:
        _text(r, text)
    return r


def _pieces(r, text: str) -> None:
    """Append text with line breaks and tabs to a run as w:t, w:br and w:tab."""
    for i, line in enumerate(text.replace("\r", "").split("\n")):
        if i:
            el("br", r)
        for j, piece in enumerate(line.split("\t")):
            if j:
                el("tab", r)
            if piece:
                _text(r, piece)


def _text(r, piece: str) -> None:
    t = _SUB(r, _T)
    t.text = piece
    if piece[0] == " " or piece[-1] == " ":
        t.set(_XML_SPACE, "preserve")


def paragraph(parent, style: str, runs=(), props: dict | None = None):
    """Append a w:p of paragraph style id ``style`` to ``parent``.

    ``runs`` are (text, character style id or None) pairs; ``props`` extra pPr children
    (direct formatting). Returns the paragraph.
    """
    p = _SUB(parent, _P)
    if props:
        children = {"pStyle": el("pStyle", val=style)}
        children.update(props)
        p.append(ppr(children))
    else:                               # style only, built directly (hot path)
        _SUB(_SUB(p, _PPR), _PSTYLE, {_VAL: style})
    for text, char_style in runs:
        if text:
            run(p, text, char_style)
    return p


class ParagraphBatch:
    """Plain paragraphs (a style, runs of text with optional character styles, no tabs or
    line breaks) written as XML text, several times faster than element by element; the
    XML is the same as ``paragraph`` makes.

    Without ``splices`` the text is parsed into elements on ``flush``. With ``splices`` (a
    dict the writer fills and puts into document.xml as text, see docx.write_docx) a
    ``<?wp-text N?>`` marker is appended instead and its text recorded there: the body is
    not parsed only to be serialized again (docx_pages reads the text when it must).
    """

    LIMIT = 2000                        # paragraphs parsed at a time

    def __init__(self, parent, splices: dict[bytes, bytes] | None = None):
        self.parent, self.pending, self.splices = parent, [], splices
        self.plain: list[tuple[str, list]] = []    # (style id, runs) of each queued paragraph

    def add(self, style: str, runs) -> bool:
        """Queue a paragraph of ``style`` with ``runs``, as ``paragraph`` would append it,
        and return True; return False, queuing nothing, when a run has a tab or line break
        (write that paragraph with ``paragraph``)."""
        xml = f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
        for text, char_style in runs:
            if not text:
                continue
            if _NOT_PLAIN.search(text):     # one scan: most text needs no other check
                if has_breaks(text):
                    return False
                text = char_data(text)
            xml += (f'<w:r><w:rPr><w:rStyle w:val="{char_style}"/></w:rPr>' if char_style
                    else "<w:r>")
            if not text:
                xml += "</w:r>"
            elif text[0] == " " or text[-1] == " ":
                xml += f'<w:t xml:space="preserve">{text}</w:t></w:r>'
            else:
                xml += f"<w:t>{text}</w:t></w:r>"
        self.pending.append(xml + "</w:p>")
        self.plain.append((style, runs))
        if len(self.pending) >= self.LIMIT:
            self.flush()
        return True

    def flush(self) -> None:
        """Append the queued paragraphs to the parent (or their marker, see the class)."""
        if not self.pending:
            return
        text = SplicedText("".join(self.pending).encode("utf-8"))
        text.paragraphs, self.pending, self.plain = self.plain, [], []
        if self.splices is None:
            self.parent.extend(parse_body(text))
            return
        marker = etree.PI("wp-text", str(len(self.splices)))
        self.parent.append(marker)
        self.splices[etree.tostring(marker)] = text


class SplicedText(bytes):
    """Paragraphs written as XML text; ``paragraphs`` holds the (style id, runs) of each,
    which is all the page estimate needs of them (no direct formatting, tabs or breaks)."""

    paragraphs: list[tuple[str, list]]


def parse_body(text: bytes):
    """Return a w:body element holding the paragraphs and tables written as ``text``."""
    return etree.fromstring(b'<w:body xmlns:w="' + W.encode() + b'">' + text + b"</w:body>")


def escape(text: str) -> str:
    """Return text with &, < and > escaped for XML character data (as xml.sax.saxutils
    does; that module imports urllib and ssl, a tenth of the writer's start-up)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def indent(first: int = 0, left: int = 0, right: int = 0):
    """Return a w:ind in twips; a negative ``first`` is a hanging indent."""
    attrs = {"left": left, "right": right}
    if first < 0:
        attrs["hanging"] = -first
    else:
        attrs["firstLine"] = first
    return el("ind", **attrs)


def spacing(before: int | None = None, after: int | None = None, line: int | None = None):
    """Return a w:spacing in twips; ``line`` is an exact line height."""
    return el("spacing", before=before, after=after, line=line,
              lineRule="exact" if line is not None else None)


def border(side: str, size_eighths: int, color: str = "000000", space: int = 0):
    """Return one border element (top, bottom, insideH …) of a single line."""
    return el(side, val="single", sz=size_eighths, space=space, color=color)
