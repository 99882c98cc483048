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
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Return ``text`` without the characters XML 1.0 cannot hold (C0 controls other than
    tab and newline, lone surrogates, U+FFFE/U+FFFF)."""
    return _NOT_XML.sub("", text)


def w(tag: str) -> str:
    """Return the Clark name of a w: tag."""
    return f"{{{W}}}{tag}"


def el(tag: str, parent=None, **attrs):
    """Return a new w: element (appended to ``parent`` when given); attrs become w: attrs."""
    attrib = {w(k): str(v) for k, v in attrs.items() if v is not None}
    if parent is None:
        return etree.Element(w(tag), attrib)
    return etree.SubElement(parent, w(tag), attrib)


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
    r = el("r", parent)
    props = dict(extra or {})
    if char_style:
        props["rStyle"] = el("rStyle", val=char_style)
    box = rpr(props)
    if box is not None:
        r.append(box)
    for i, line in enumerate(xml_text(text).replace("\r", "").split("\n")):
        if i:
            el("br", r)
        for j, piece in enumerate(line.split("\t")):
            if j:
                el("tab", r)
            if piece:
                t = el("t", r)
                t.text = piece
                if piece[0] == " " or piece[-1] == " ":
                    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def paragraph(parent, style: str, runs=(), props: dict | None = None):
    """Append a w:p of paragraph style id ``style`` to ``parent``.

    ``runs`` are (text, character style id or None) pairs; ``props`` extra pPr children
    (direct formatting). Returns the paragraph.
    """
    p = el("p", parent)
    children = {"pStyle": el("pStyle", val=style)}
    children.update(props or {})
    p.append(ppr(children))
    for text, char_style in runs:
        if text:
            run(p, text, char_style)
    return p


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
