"""Document -> DOCX in GB/T 9704-2012 format, styled by a style sheet.

The package comes from python-docx's default template, read as data and trimmed to the
parts a document needs (docx_package); styles are rebuilt from the sheet (named styles,
see docx_names), the body is written block by block (docx_blocks, docx_tables), and the
zip is written with fixed member dates so that the same plan gives the same bytes.
"""
from __future__ import annotations

from copy import deepcopy

from lxml import etree

from generator.document.model import Document, Kind
from generator.style.sheet import StyleSheet
from generator.writers.docx.attachment import (ATTACHMENT_KINDS, end_section, landscape_sect_pr,
                                               type_area, write_attachment)
from generator.writers.docx.blocks import BodyWriter
from generator.writers.docx.fit import carry_text_to_signature, fit_notice, keep_signature_with_text
from generator.layout.metrics import mark_size
from generator.style.names import CONTINUED, OPTIONAL_ROLES, style_id
from generator.writers.docx.package import Package, serialize
from generator.layout.imprint import BODY_END, IMPRINT_ANCHOR, Placed, estimated_place
from generator.writers.docx.pagination import estimate_end
from generator.writers.docx.styles import KEPT_STYLES, install_fonts, install_styles, kept_style
from generator.writers.docx.tables import imprint_height, write_imprint, write_targets
from generator.writers.docx.wordml import SplicedText, W, el, paragraph, run, w, xml_text

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DC = "http://purl.org/dc/elements/1.1/"
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DCTERMS = "http://purl.org/dc/terms/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"


def write_docx(document: Document, sheet: StyleSheet, place: str | None = None, *,
               split: bool = True) -> bytes:
    """Return the DOCX bytes of a document set in the style sheet's format.

    The notice (if any) comes first, then the plan on a new page, then the 版记 at the
    bottom of the last page, which is made even when the sheet asks for it: ``place``
    (see layout.imprint: "same", "next" or "blank") says where it goes, else the page
    estimate decides. ``split`` false: the notice's last paragraph goes down with the 署名
    whole where it must (writers.docx.fit), for a copy whose paragraphs must stay those
    of the document (a redline). Raises ToolError when python-docx's template cannot be
    found.
    """
    return compose_docx(document, sheet, place, split)[0]


def compose_docx(document: Document, sheet: StyleSheet, place: str | None = None,
                 split: bool = True) -> tuple[bytes, Placed | None]:
    """Return (the DOCX bytes as write_docx makes them, where the 版记 was put and where
    the estimate ends the body (layout.imprint.Placed), or None without a 版记). Raises
    as write_docx."""
    marks = document.of_kind(Kind.ISSUER_MARK)
    if marks:
        role = sheet.roles["issuer_mark"]
        sheet = sheet._replace(roles={**sheet.roles, "issuer_mark": role._replace(
            size=mark_size(sheet, marks[0].text))})
    package = Package()
    install_fonts(package.xml("word/fontTable.xml"), sheet)
    _settings(package.xml("word/settings.xml"))
    root = package.xml("word/document.xml")
    body = root.find(w("body"))
    template_sect = body.find(w("sectPr"))
    _page_setup(template_sect, sheet)
    _footers(package, template_sect)
    sect_pr = etree.fromstring(etree.tostring(template_sect))
    for child in list(body):
        body.remove(child)
    # The body is built in a plain lxml tree and spliced into document.xml as text.
    draft = etree.Element(w("body"), nsmap={"w": W, "r": _R})
    splices: dict[bytes, bytes] = {}
    placed = _write_blocks(draft, sheet, document, sect_pr, lambda: _empty_footer(package),
                           splices, place, split)
    used = frozenset(block.kind.value for block in document.blocks) & OPTIONAL_ROLES
    if draft.find(f"{w('p')}/{w('pPr')}/{w('pStyle')}[@{w('val')}='{style_id(CONTINUED)}']") is not None:
        used |= {CONTINUED}
    install_styles(package.xml_with("word/styles.xml", kept_style, len(KEPT_STYLES)), sheet, used)
    _core(package.xml("docProps/core.xml"), document)
    return package.to_bytes({"word/document.xml": _document_xml(root, draft, splices)}), placed


def _document_xml(root, draft, splices: dict[bytes, bytes]) -> bytes:
    """Return document.xml: the document element ``root`` (with an empty body) with the
    draft body put in, and the text of each splice put in place of its marker."""
    xml = serialize(root)
    body_xml = etree.tostring(draft, encoding="UTF-8", xml_declaration=False)
    body_xml = body_xml.replace(f' xmlns:w="{W}" xmlns:r="{_R}"'.encode(), b"", 1)
    head, tail = xml.split(b"<w:body/>")
    pieces, at = [head], 0
    for marker, text in splices.items():       # markers come in the order they were added
        found = body_xml.index(marker, at)
        pieces += [body_xml[at:found], text]
        at = found + len(marker)
    pieces += [body_xml[at:], tail]
    return b"".join(pieces)


def _write_blocks(body, sheet: StyleSheet, document: Document, sect_pr, empty_footer,
                  splices: dict, place: str | None = None, split: bool = True) -> Placed | None:
    """Append every block, then the 版记 (same page or a new section) and the sectPr;
    return where the 版记 went (None without one).

    ``empty_footer`` adds an empty footer part and returns its relationship id; ``splices``
    collects tables written as text (see docx_tables.write_targets).
    """
    signature, date = document.of_kind(Kind.SIGNATURE), document.of_kind(Kind.DATE)
    writer = BodyWriter(body, sheet, document.seal, (signature[0].text if signature else "",
                                                    date[0].text if date else ""))
    has_notice = bool(document.of_kind(Kind.ISSUER_MARK) or document.of_kind(Kind.TITLE))
    imprint, attachment, plan_started = None, None, False
    for index, block in enumerate(document.blocks):
        if block.kind in ATTACHMENT_KINDS and not _labels_plan(document.blocks, index):
            writer.flush()
            attachment = write_attachment(body, sheet, block, sect_pr, splices, attachment)
            continue
        if block.kind in _PLAN_START and not plan_started:
            plan_started = True
            writer.flush()
            if has_notice:
                keep_signature_with_text(body)
                fit_notice(body, sheet, splices)
                carry_text_to_signature(body, sheet, splices, split)
            writer.splice_text(splices)
        if block.kind is Kind.TARGETS:
            writer.flush()
            write_targets(body, sheet, block, splices)
        elif block.kind is Kind.IMPRINT:
            imprint = block
        else:
            writer.write(block, has_notice)
    writer.flush()
    landscape = landscape_sect_pr(sect_pr, sheet) if attachment == "landscape" else None
    placed = None
    if imprint is not None:
        placed = _place_imprint(body, sheet, imprint, sect_pr, empty_footer, splices, place,
                                landscape)
    elif landscape is not None:             # the landscape section is the last one
        sect_pr = landscape
    body.append(sect_pr)
    return placed


def _place_imprint(body, sheet: StyleSheet, block, sect_pr, empty_footer,
                   splices: dict[bytes, bytes], place: str | None, landscape=None) -> Placed:
    """Put the 版记 where ``place`` says, or where the page estimate puts it (see
    layout.imprint.estimated_place): at the bottom of the last body page ("same"), or in
    a new section on the next page ("next"), with a blank page first ("blank"). Pages
    that hold only the 版记 and the blank page before it carry no page number (GB/T 9704
    7.5). Bookmarks mark the end of the body and the 版记's last row, where LibreOffice
    is asked for their pages (writers.office). Returns the place and
    the estimate.

    After a landscape 分解表 (``landscape``: its section properties, which the section
    break then carries) the 版记 never shares its page: "same" becomes "next" or "blank".

    The section starts with "next page", not "even page": LibreOffice 7.4 gives an
    even-page section a wrong footer height, and the 版记 would drop below the type area.
    """
    open_area = type_area(sheet) if landscape is not None else None
    estimate = estimate_end(body, sheet, splices, open_area)
    if place is None:
        place = estimated_place(*estimate, sheet, imprint_height(sheet, block))
    if landscape is not None and place == "same":   # "same" comes only for an even page
        place = "blank" if sheet.imprint.even_page else "next"
    _mark_end(body, splices, BODY_END)
    if place != "same":
        if landscape is None:
            last = paragraph(body, style_id("body"))
            last.find(w("pPr")).append(deepcopy(sect_pr))
        else:
            end_section(body, landscape)        # the landscape section ends here
        kind = sect_pr.find(w("type"))
        if kind is None:
            kind = el("type")
            sect_pr.insert(len(sect_pr.findall(w("footerReference"))), kind)
        kind.set(w("val"), "nextPage")
        # LibreOffice 7.4 leaves a floating table that directly follows a section break
        # in the previous section: an empty paragraph first keeps it on the new page.
        paragraph(body, style_id("imprint"))
        if place == "blank":            # the blank page: the 版记 goes one page further
            paragraph(body, style_id("imprint"), (), {"pageBreakBefore": el("pageBreakBefore")})
        rid = empty_footer()
        for ref in sect_pr.findall(w("footerReference")):
            ref.set(f"{{{_R}}}id", rid)
    write_imprint(body, sheet, block)
    _bookmark(list(body[-2].iter(w("p")))[-1], IMPRINT_ANCHOR)  # the 版记's last row
    return Placed(place, *estimate)


_PLAN_START = frozenset((Kind.ATTACHMENT_LABEL, Kind.PLAN_TITLE))   # the plan's first block


def _labels_plan(blocks, index: int) -> bool:
    """Return whether ``blocks[index]`` is the 附件 label of the plan (the plan's title
    follows it), which the body writer sets; other attachments' blocks are written by
    writers.docx.attachment."""
    return (blocks[index].kind is Kind.ATTACHMENT_LABEL and index + 1 < len(blocks)
            and blocks[index + 1].kind is Kind.PLAN_TITLE)
_BOOKMARK = '<w:bookmarkStart w:id="{id}" w:name="{name}"/><w:bookmarkEnd w:id="{id}"/>'


def _bookmark(p, name: str) -> None:
    """Append a zero-length bookmark called ``name`` to paragraph ``p``."""
    number = 1 + (name == IMPRINT_ANCHOR)
    p.append(el("bookmarkStart", id=number, name=name))
    p.append(el("bookmarkEnd", id=number))


def _mark_end(body, splices: dict[bytes, bytes], name: str) -> None:
    """Put bookmark ``name`` at the end of the body's last paragraph (the last cell's, for
    a table; in the spliced text, for a body part written as text)."""
    last = body[-1] if len(body) else None
    if last is None:
        return
    if last.tag is etree.PI:
        key = etree.tostring(last)
        text = splices[key]
        at = text.rindex(b"</w:p>")
        marked = SplicedText(text[:at] + _BOOKMARK.format(id=1, name=name).encode() + text[at:])
        marked.paragraphs = getattr(text, "paragraphs", None)
        splices[key] = marked
        return
    paragraphs = list(last.iter(w("p"))) if last.tag == w("tbl") else [last]
    if paragraphs:
        _bookmark(paragraphs[-1], name)


def _settings(root) -> None:
    """Separate odd and even page footers; drop editing history; Chinese theme fonts."""
    if root.find(w("evenAndOddHeaders")) is None:
        tab = root.find(w("defaultTabStop"))     # the schema puts it right after this one
        root.insert(root.index(tab) + 1 if tab is not None else 0, el("evenAndOddHeaders"))
    for tag in ("rsids", "proofState", "zoom"):
        for node in root.findall(w(tag)):
            root.remove(node)
    lang = root.find(w("themeFontLang"))
    if lang is not None:
        lang.set(w("eastAsia"), "zh-CN")
    for node in root.iter("{http://schemas.microsoft.com/office/word/2010/wordml}docId"):
        node.getparent().remove(node)


def _page_setup(sect_pr, sheet: StyleSheet) -> None:
    """Set paper, margins, footer distance and the line grid on the template's sectPr."""
    size = sect_pr.find(w("pgSz"))
    size.set(w("w"), str(sheet.page_width))
    size.set(w("h"), str(sheet.page_height))
    margins = sect_pr.find(w("pgMar"))
    for name, value in (("top", sheet.margin_top), ("right", sheet.margin_right),
                        ("bottom", sheet.margin_bottom), ("left", sheet.margin_left),
                        ("header", 851), ("footer", sheet.footer), ("gutter", 0)):
        margins.set(w(name), str(value))
    for grid in sect_pr.findall(w("docGrid")):
        sect_pr.remove(grid)
    # The grid says "22 lines a page" (Word's page setup); paragraphs do not snap to it but
    # use the sheet's exact line height. A pitch that left part of the type area unused
    # would make LibreOffice centre the grid and shift every line down.
    sect_pr.append(el("docGrid", type="lines", linePitch=sheet.text_height // sheet.lines))


def _footers(package: Package, sect_pr) -> None:
    """Odd pages: "— N —" on the right; even pages: on the left (styles 奇数页/偶数页页码).
    The footer references go first in the sectPr, default before even."""
    for index, (kind, role) in enumerate((("default", "page_odd"), ("even", "page_even"))):
        rid, root = package.add_footer()
        sect_pr.insert(index, el("footerReference", type=kind))
        sect_pr[index].set(f"{{{_R}}}id", rid)
        for child in list(root):
            root.remove(child)
        p = paragraph(root, style_id(role))
        run(p, "— ")
        el("fldChar", el("r", p), fldCharType="begin")
        instr = el("instrText", el("r", p))
        instr.text = " PAGE "
        instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        el("fldChar", el("r", p), fldCharType="separate")
        run(p, "1")
        el("fldChar", el("r", p), fldCharType="end")
        run(p, " —")


def _empty_footer(package: Package) -> str:
    """Add a footer part holding one empty paragraph; return its relationship id."""
    rid, root = package.add_footer()
    for child in list(root):
        root.remove(child)
    paragraph(root, style_id("page_number"))
    return rid


def _core(root, document: Document) -> None:
    """Title and author; no timestamps unless the document has a creation time, so output
    does not change from run to run."""
    author = xml_text(document.author)
    for namespace, name, text in ((_DC, "title", xml_text(document.title)),
                                  (_DC, "creator", author), (_DC, "description", ""),
                                  (_CP, "lastModifiedBy", author), (_CP, "revision", "1")):
        root.find(f"{{{namespace}}}{name}").text = text
    for name in ("created", "modified"):
        node = root.find(f"{{{_DCTERMS}}}{name}")
        if document.created is None:
            root.remove(node)
            continue
        node.text = document.created.strftime("%Y-%m-%dT%H:%M:%SZ")
        node.set(f"{{{_XSI}}}type", "dcterms:W3CDTF")
