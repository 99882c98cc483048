"""Document -> DOCX in GB/T 9704-2012 format, styled by a style sheet.

The package comes from python-docx's default template, trimmed to the parts a document
needs; styles are rebuilt from the sheet (named styles, see docx_names), the body is
written block by block (docx_blocks, docx_tables), and the zip is written with fixed
member dates so that the same plan gives the same bytes.
"""
from __future__ import annotations

import io
import zipfile
from copy import deepcopy
from dataclasses import replace

import docx
from docx.shared import Twips
from lxml import etree

from ..document import Document, Kind
from ..style import StyleSheet
from .docx_blocks import BodyWriter
from .docx_fit import fit_notice, keep_signature_with_text
from .docx_layout import mark_size
from .docx_names import style_id
from .docx_pages import estimate_end
from .docx_styles import install_styles
from .docx_tables import imprint_height, write_imprint, write_targets
from .docx_xml import W, el, paragraph, run, w, xml_text

_DROP_PARTS = ("stylesWithEffects", "customXml", "webSettings", "thumbnail")
_FIXED_DATE = (2000, 1, 1, 0, 0, 0)
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def write_docx(document: Document, sheet: StyleSheet) -> bytes:
    """Return the DOCX bytes of a document set in the style sheet's format.

    The notice (if any) comes first, then the plan on a new page, then the 版记 at the
    bottom of the last page, which is made even when the sheet asks for it.
    """
    marks = document.of_kind(Kind.ISSUER_MARK)
    if marks:
        role = sheet.roles["issuer_mark"]
        sheet = replace(sheet, roles={**sheet.roles, "issuer_mark": replace(
            role, size=mark_size(sheet, marks[0].text))})
    package = docx.Document()
    _trim(package)
    install_styles(package.styles.element, sheet)
    _settings(package)
    section = _page_setup(package, sheet)
    _footers(package, section)
    body = package.element.body
    sect_pr = etree.fromstring(etree.tostring(body.find(w("sectPr"))))
    for child in list(body):
        body.remove(child)
    # The body is built in a plain lxml tree (no python-docx element classes, several times
    # faster) and spliced into document.xml as text when the package is written.
    draft = etree.Element(w("body"), nsmap={"w": W, "r": _R})
    splices: dict[bytes, bytes] = {}
    _write_blocks(draft, sheet, document, sect_pr, lambda: _empty_footer(package), splices)
    _core(package, document)
    out = io.BytesIO()
    package.save(out)
    return normalize_zip(out.getvalue(), {"word/document.xml": _document_xml(package, draft,
                                                                            splices)})


def _document_xml(package, draft, splices: dict[bytes, bytes]) -> bytes:
    """Return document.xml: the package's document element with the draft body put in,
    and each table written as text put in place of its marker."""
    xml = etree.tostring(package.element, encoding="UTF-8", standalone=True)
    body_xml = etree.tostring(draft, encoding="UTF-8", xml_declaration=False)
    body_xml = body_xml.replace(f' xmlns:w="{W}" xmlns:r="{_R}"'.encode(), b"", 1)
    for marker, table in splices.items():
        body_xml = body_xml.replace(marker, table, 1)
    return xml.replace(b"<w:body/>", body_xml)


def _write_blocks(body, sheet: StyleSheet, document: Document, sect_pr, empty_footer,
                  splices: dict) -> None:
    """Append every block, then the 版记 (same page or a new section) and the sectPr.

    ``empty_footer`` adds an empty footer part and returns its relationship id; ``splices``
    collects tables written as text (see docx_tables.write_targets).
    """
    signature, date = document.of_kind(Kind.SIGNATURE), document.of_kind(Kind.DATE)
    writer = BodyWriter(body, sheet, document.seal, (signature[0].text if signature else "",
                                                    date[0].text if date else ""))
    has_notice = bool(document.of_kind(Kind.ISSUER_MARK) or document.of_kind(Kind.TITLE))
    imprint = None
    for block in document.blocks:
        if block.kind is Kind.PLAN_TITLE and has_notice:
            writer.flush()
            keep_signature_with_text(body)
            fit_notice(body, sheet)
        if block.kind is Kind.TARGETS:
            writer.flush()
            write_targets(body, sheet, block, splices)
        elif block.kind is Kind.IMPRINT:
            imprint = block
        else:
            writer.write(block, has_notice)
    writer.flush()
    if imprint is not None:
        _place_imprint(body, sheet, imprint, sect_pr, empty_footer)
    body.append(sect_pr)


def _place_imprint(body, sheet: StyleSheet, block, sect_pr, empty_footer) -> None:
    """Put the 版记 at the bottom of the last body page when it fits there with two lines to
    spare and that page has the right parity (even, when the sheet asks); else start a new
    section on the next page, with a blank page first when that page would be odd. The
    blank page and the 版记 page after it carry no page number (GB/T 9704 7.5).

    The section starts with "next page", not "even page": LibreOffice 7.4 gives an
    even-page section a wrong footer height, and the 版记 would drop below the type area.
    """
    page, used = estimate_end(body, sheet)
    even = sheet.imprint.get("even_page", True)
    room = sheet.text_height - used - 2 * sheet.pitch
    if room < imprint_height(sheet, block) or (even and page % 2):
        last = paragraph(body, style_id("body"))
        last.find(w("pPr")).append(deepcopy(sect_pr))
        kind = sect_pr.find(w("type"))
        if kind is None:
            kind = el("type")
            sect_pr.insert(len(sect_pr.findall(w("footerReference"))), kind)
        kind.set(w("val"), "nextPage")
        # LibreOffice 7.4 leaves a floating table that directly follows a section break in
        # the previous section: an empty paragraph first keeps it on the new page.
        paragraph(body, style_id("imprint"))
        if even and page % 2 == 0:      # the blank page: the 版记 goes one page further
            paragraph(body, style_id("imprint"), (), {"pageBreakBefore": el("pageBreakBefore")})
            rid = empty_footer()
            for ref in sect_pr.findall(w("footerReference")):
                ref.set(f"{{{_R}}}id", rid)
    write_imprint(body, sheet, block)


def _trim(package) -> None:
    """Drop template parts a generated document does not need (and that vary or bloat)."""
    for rels in (package.part.rels, package.part.package.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in _DROP_PARTS:
                rels.pop(rid)


def _settings(package) -> None:
    settings = package.settings
    settings.odd_and_even_pages_header_footer = True
    root = settings.element
    for tag in ("rsids", "proofState", "zoom"):
        for node in root.findall(w(tag)):
            root.remove(node)
    lang = root.find(w("themeFontLang"))
    if lang is not None:
        lang.set(w("eastAsia"), "zh-CN")
    for node in root.iter("{http://schemas.microsoft.com/office/word/2010/wordml}docId"):
        node.getparent().remove(node)


def _page_setup(package, sheet: StyleSheet):
    """Set paper, margins, footer distance and the line grid; return the section."""
    section = package.sections[0]
    section.page_width, section.page_height = Twips(sheet.page_width), Twips(sheet.page_height)
    section.top_margin, section.bottom_margin = Twips(sheet.margin_top), Twips(sheet.margin_bottom)
    section.left_margin, section.right_margin = Twips(sheet.margin_left), Twips(sheet.margin_right)
    section.footer_distance, section.header_distance = Twips(sheet.footer), Twips(851)
    section.gutter = Twips(0)
    sect_pr = section._sectPr
    for grid in sect_pr.findall(w("docGrid")):
        sect_pr.remove(grid)
    # The grid says "22 lines a page" (Word's page setup); paragraphs do not snap to it but
    # use the sheet's exact line height. A pitch that left part of the type area unused
    # would make LibreOffice centre the grid and shift every line down.
    sect_pr.append(el("docGrid", type="lines", linePitch=sheet.text_height // sheet.lines))
    return section


def _footers(package, section) -> None:
    """Odd pages: "— N —" on the right; even pages: on the left (styles 奇数页/偶数页页码)."""
    for footer, role in ((section.footer, "page_odd"), (section.even_page_footer, "page_even")):
        footer.is_linked_to_previous = False
        root = footer._element
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


def _empty_footer(package) -> str:
    """Add a footer part holding one empty paragraph; return its relationship id."""
    part, rid = package.part.add_footer_part()
    root = part.element
    for child in list(root):
        root.remove(child)
    paragraph(root, style_id("page_number"))
    return rid


def _core(package, document: Document) -> None:
    """Title and author; no timestamps unless the document has a creation time, so output
    does not change from run to run."""
    core = package.core_properties
    core.title = xml_text(document.title)
    core.author = xml_text(document.author)
    core.comments = ""
    core.last_modified_by = core.author
    core.revision = 1
    if document.created:
        core.created = core.modified = document.created.replace(tzinfo=None)
        return
    root = core._element
    for node in list(root):
        if node.tag.endswith(("}created", "}modified")):
            root.remove(node)


def normalize_zip(data: bytes, replace_members: dict[str, bytes] | None = None) -> bytes:
    """Return the zip rewritten with fixed member dates, members in their original order,
    and the contents of ``replace_members`` (name -> bytes) put in."""
    replace_members = replace_members or {}
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, _FIXED_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, replace_members.get(info.filename)
                            or source.read(info.filename))
    return out.getvalue()
