"""Word (.docx) -> Document blocks. With docx_safety, the only reader importing python-docx.

Our own output is read by its named styles (generator/writers/docx_names.py), so every
block comes back with its kind, label and lead. Any other Word file is read as text: the
paragraphs' text (runs joined, automatic list numbers written out as labels, tables as rows
joined by ｜) goes through the same clean-up and recognition as a .txt file. Findings give
the paragraph's number (counting tables as one) in place of a line number.
"""
from __future__ import annotations

import io
from pathlib import Path

from generator.style.names import STYLES
from generator.readers import ReadResult, bad_input
from generator.readers.docx_numbering import ListNumbering, paragraph_numbering, style_numberings
from generator.readers.docx_own import MAX_TWIPS, read_own
from generator.readers.docx_safety import checked_docx, xml_int
from generator.readers.text import read_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OWN_IDS = {style_id: role for role, (style_id, _, _) in STYLES.items()}


def read_docx(path: Path | str) -> ReadResult:
    """Return the blocks of a Word file.

    Raises ToolError when it cannot be read; InputError (E401, E403–E406, see docx_safety)
    when it is empty, too large, not a Word file, a zip bomb or declares entities.
    """
    return read_package(str(path), open_package(path))


def open_package(path: Path | str):
    """Return the python-docx Document of a Word file, after the safety checks.

    Raises ToolError when it cannot be read; InputError (E401, E403–E406) as read_docx."""
    name = str(path)
    data = checked_docx(Path(path))
    import docx  # after the checks: python-docx never sees an unchecked package
    try:
        package = docx.Document(io.BytesIO(data))
        package.element.body, package.styles.element
    except Exception as exc:  # malformed parts raise many kinds of errors; all are bad input
        raise bad_input(name, "E404", f"不是有效的 Word 文件（无法解析：{type(exc).__name__}）") from None
    if package.element.body is None:
        raise bad_input(name, "E404", "不是有效的 Word 文件（主文档中没有正文 w:body）")
    return package


def read_package(name: str, package) -> ReadResult:
    """Return the blocks of an opened Word file (see read_docx)."""
    body = package.element.body
    styles_root = package.styles.element
    units = list(body_units(body))
    if any(_style_of(u) in OWN_IDS for u in units if u.tag == W + "p"):
        result = ReadResult(name)
        read_own(units, OWN_IDS, result, style_char_twips(package.styles, STYLES["signature"][0]),
                 type_width(body))
        return result
    numbering = ListNumbering(_numbering_root(package))
    texts = foreign_texts(units, numbering, style_numberings(styles_root))
    if not any(t.strip() for t in texts):
        raise bad_input(name, "E401", "文件为空，没有可导入的内容")
    return read_text("\n".join(texts), name)


def type_width(body) -> int | None:
    """Return the width of the type area in twips from the first section's properties (the
    notice's: page width less the left and right margins), None when they do not say."""
    sect = next(body.iter(W + "sectPr"), None)
    size = sect.find(W + "pgSz") if sect is not None else None
    margins = sect.find(W + "pgMar") if sect is not None else None
    if size is None or margins is None:
        return None
    width = xml_int(size.get(W + "w"), 0, 0, MAX_TWIPS) - sum(
        xml_int(margins.get(W + side), 0, 0, MAX_TWIPS) for side in ("left", "right"))
    return width if width > 0 else None


def style_char_twips(styles, style_id: str) -> int | None:
    """Return one character's advance in twips (font size plus character spacing) that the
    paragraph style ``style_id`` sets or inherits; None when it sets no size or a value
    cannot be read (the file may have been edited by hand). A style based on itself or on a
    cycle of styles ends the walk where it comes round again."""
    size = spacing = None
    style = next((st for st in styles if st.style_id == style_id), None)
    seen: set[str] = set()
    try:
        while style is not None and style.style_id not in seen and (size is None or spacing is None):
            seen.add(style.style_id)
            rpr = style.element.rPr
            if size is None and style.font.size is not None:
                size = style.font.size.pt
            found = rpr.find(W + "spacing") if rpr is not None else None
            if spacing is None and found is not None:
                spacing = xml_int(found.get(W + "val"), 0, -MAX_TWIPS, MAX_TWIPS) / 20
            style = style.base_style
    except (ValueError, TypeError):
        return None
    return round((size + (spacing or 0)) * 20) if size else None


def body_units(parent):
    """Yield the w:p and w:tbl elements of the body in order, including those inside content
    controls (w:sdt), which Word uses for cover pages and forms."""
    for child in parent:
        if child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from body_units(content)


def _numbering_root(package):
    try:
        return package.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return None


def _style_of(p) -> str:
    style = p.find(f"{W}pPr/{W}pStyle")
    return style.get(W + "val", "") if style is not None else ""


def paragraph_text(p) -> str:
    """Return the visible text of a w:p: runs joined, tabs as \\t, line breaks as \\n,
    deleted text and field codes left out."""
    parts = []
    for node in p.iter(W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen"):
        if node.tag == W + "t":
            parts.append(node.text or "")
        elif node.tag == W + "tab":
            if node.getparent().tag == W + "r":
                parts.append("\t")
        elif node.tag == W + "noBreakHyphen":
            parts.append("-")
        elif node.get(W + "type") in (None, "textWrapping"):
            parts.append("\n")
    return "".join(parts)


def foreign_texts(units, numbering: ListNumbering, by_style: dict) -> list[str]:
    """Return one line of text per paragraph or table (rows joined by ｜), with automatic
    list labels put in front of numbered paragraphs."""
    lines = []
    for unit in units:
        if unit.tag == W + "tbl":
            rows = ["｜".join(paragraph_text(c).replace("\n", "") for c in row.iter(W + "tc"))
                    for row in unit.iter(W + "tr")]
            lines.append(" ".join(rows) if len(rows) == 1 else "\n".join(rows))
            continue
        num_id, ilvl = paragraph_numbering(unit, by_style, _style_of(unit))
        label = numbering.label(num_id, ilvl) if num_id else ""
        lines.append(label + paragraph_text(unit).replace("\n", "").replace("\t", " "))
    return lines

