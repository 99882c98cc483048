"""The DOCX package (OPC) the writer fills: parts, relationships, content types, zip.

The parts come from the reference package shipped in ``templates/docx/`` (python-docx's
default template, see its README there), read as data: the writer does not import
python-docx, whose import alone (about 40 ms) cost more than rendering a 40-task plan. XML parts are parsed
and serialized as python-docx does (blank text dropped, ``standalone='yes'``), other parts
are copied as they are, and the zip gets fixed member dates so that the same plan gives
the same bytes.
"""
from __future__ import annotations

import io
import zipfile
from functools import lru_cache
from typing import Callable
from pathlib import Path, PurePosixPath

from lxml import etree

from generator.core.location import ToolError
from generator.core.resources import data_dir

_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
FOOTER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
_DEFAULTS = (("rels", "application/vnd.openxmlformats-package.relationships+xml"),
             ("xml", "application/xml"))
# Parts python-docx loads as XML (the rest it copies byte for byte).
_XML_TYPES = ("document.main+xml", "styles+xml", "settings+xml", "numbering+xml",
              "footer+xml", "core-properties+xml")
# Template parts a generated document does not need (and that vary or bloat).
_DROP = ("stylesWithEffects", "customXml", "webSettings", "thumbnail")
_FIXED_DATE = (2000, 1, 1, 0, 0, 0)
_CHUNK = 8192
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


@lru_cache(maxsize=1)
def _template_folder() -> Path:
    """Return the folder of the shipped reference package (templates/docx).
    Raises ToolError when the installation lacks it."""
    folder = data_dir("templates") / "docx"
    if not (folder / "reference.docx").is_file():
        raise ToolError(f"找不到 DOCX 参考模板（{folder / 'reference.docx'}）：安装不完整，请重新安装 workplan")
    return folder


_RELS = {"_rels/.rels": "", "word/_rels/document.xml.rels": "word/"}   # rels part -> base


@lru_cache(maxsize=1)
def _template() -> tuple[dict[str, bytes], dict[str, str], dict[str, list]]:
    """Return (part name -> bytes, part name -> content type, rels part name -> the kept
    [id, type, target] relationships) of the default template, without the parts dropped."""
    with zipfile.ZipFile(_template_folder() / "reference.docx") as source:
        rels = {name: [r for r in _rels_of(source.read(name)) if _wanted(r)] for name in _RELS}
        members = {base + r[2]: source.read(base + r[2])   # the rest is 450 KB to inflate
                   for name, base in _RELS.items() for r in rels[name]}
        types = etree.fromstring(source.read("[Content_Types].xml"))
    defaults = {d.get("Extension").lower(): d.get("ContentType")
                for d in types.iter(f"{{{_CONTENT_TYPES}}}Default")}
    content = {o.get("PartName").lstrip("/"): o.get("ContentType")
               for o in types.iter(f"{{{_CONTENT_TYPES}}}Override")}
    for name in members:
        if name not in content:
            content[name] = defaults.get(name.rsplit(".", 1)[-1].lower(), "")
    return members, content, rels


def _wanted(rel: list[str]) -> bool:
    """Return whether a relationship's part is kept (see ``_DROP``)."""
    return rel[1].rsplit("/", 1)[-1] not in _DROP


def _rels_of(data: bytes) -> list[list[str]]:
    """Return the [id, type, target] of each relationship in a rels part, in order."""
    return [[r.get("Id"), r.get("Type"), r.get("Target")]
            for r in etree.fromstring(data).iter(f"{{{_PKG_RELS}}}Relationship")]


class Package:
    """The parts of a DOCX being written: the template's main document with its
    relationships, each part either an lxml tree (``xml``) or bytes, written in the order
    python-docx writes them (package relationships first, then depth first)."""

    def __init__(self):
        """Load the template without the parts a generated document does not need
        (thumbnail, custom XML, web settings, styles with effects). Raises ToolError when
        the template is missing."""
        members, types, rels = _template()
        self._blobs = members                 # shared with the cache: never edited
        self._types = dict(types)
        self._trees: dict[str, etree._Element] = {}
        self.package_rels = [list(r) for r in rels["_rels/.rels"]]
        self.document_rels = [list(r) for r in rels["word/_rels/document.xml.rels"]]

    def xml(self, name: str) -> etree._Element:
        """Return the root element of part ``name`` (parsed once, then edited in place)."""
        if name not in self._trees:
            self._trees[name] = etree.fromstring(self._blobs[name], _PARSER)
        return self._trees[name]

    def xml_with(self, name: str, wanted: Callable[[etree._Element], bool],
                 count: int) -> etree._Element:
        """Return part ``name`` holding only the root's children for which ``wanted`` is
        true, and read only as far as the ``count``-th of them: the template's styles part
        is 440 KB, of which the styles a document keeps take the first 24 KB (parsing it
        whole took 9 ms, a tenth of a small render)."""
        parser = etree.XMLPullParser(("start", "end"), remove_blank_text=True,
                                     resolve_entities=False)
        data, root, kept = self._blobs[name], None, []
        for offset in range(0, len(data), _CHUNK):
            parser.feed(data[offset:offset + _CHUNK])
            for event, element in parser.read_events():
                if root is None:
                    root = element
                elif event == "end" and element.getparent() is root and wanted(element):
                    kept.append(element)
            if len(kept) >= count:
                break
        part = etree.Element(root.tag, dict(root.attrib), nsmap=root.nsmap)
        part.extend(kept)
        self._trees[name] = part
        return part

    def add_footer(self) -> tuple[str, etree._Element]:
        """Add a footer part from the template's empty footer; return (relationship id, its
        root element). Part names and ids take the first free number, as python-docx does."""
        number = 1
        while f"word/footer{number}.xml" in self._types:
            number += 1
        name = f"word/footer{number}.xml"
        self._types[name] = FOOTER_TYPE
        used = {rel[0] for rel in self.document_rels}
        rid = next(f"rId{n}" for n in range(1, len(used) + 2) if f"rId{n}" not in used)
        self.document_rels.append([rid, _REL_BASE + "footer", f"footer{number}.xml"])
        self._trees[name] = etree.fromstring(
            (_template_folder() / "footer.xml").read_bytes(), _PARSER)
        return rid, self._trees[name]

    def to_bytes(self, replace: dict[str, bytes] | None = None) -> bytes:
        """Return the zip: content types, relationships and parts, with ``replace`` (part
        name -> bytes) used instead of the parts named in it."""
        replace = replace or {}
        members = [("_rels/.rels", _rels_xml(self.package_rels))]
        for part in (rel[2] for rel in self.package_rels):
            members.append((part, replace.get(part) or self._part(part)))
            if part == "word/document.xml":
                members.append(("word/_rels/document.xml.rels", _rels_xml(self.document_rels)))
                members += [(name, replace.get(name) or self._part(name))
                            for name in self._document_parts()]
        names = [name for name, _ in members if not name.endswith(".rels")]
        members.insert(0, ("[Content_Types].xml", self._content_types(names)))
        return write_zip(members)

    def _document_parts(self) -> list[str]:
        return [str(PurePosixPath("word") / rel[2]) for rel in self.document_rels]

    def _part(self, name: str) -> bytes:
        if name in self._trees:
            return serialize(self._trees[name])
        if self._types.get(name, "").endswith(_XML_TYPES):
            return serialize(etree.fromstring(self._blobs[name], _PARSER))
        return self._blobs[name]

    def _content_types(self, names: list[str]) -> bytes:
        root = etree.Element(f"{{{_CONTENT_TYPES}}}Types", nsmap={None: _CONTENT_TYPES})
        for extension, kind in _DEFAULTS:
            etree.SubElement(root, f"{{{_CONTENT_TYPES}}}Default", Extension=extension,
                             ContentType=kind)
        for name in sorted(names):
            etree.SubElement(root, f"{{{_CONTENT_TYPES}}}Override", PartName="/" + name,
                             ContentType=self._types[name])
        return serialize(root)


def _rels_xml(rels: list[list[str]]) -> bytes:
    root = etree.Element(f"{{{_PKG_RELS}}}Relationships", nsmap={None: _PKG_RELS})
    for rid, kind, target in rels:
        etree.SubElement(root, f"{{{_PKG_RELS}}}Relationship", Id=rid, Type=kind, Target=target)
    return serialize(root)


def serialize(root) -> bytes:
    """Return an XML part's bytes as Word writes them (UTF-8, ``standalone='yes'``)."""
    return etree.tostring(root, encoding="UTF-8", standalone=True)


def write_zip(members: list[tuple[str, bytes]]) -> bytes:
    """Return a zip of (name, bytes) members in order, deflated, with fixed dates."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members:
            info = zipfile.ZipInfo(name, _FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)
    return out.getvalue()


def normalize_zip(data: bytes, replace_members: dict[str, bytes] | None = None) -> bytes:
    """Return the zip rewritten with fixed member dates, members in their original order,
    and the contents of ``replace_members`` (name -> bytes) put in."""
    replace_members = replace_members or {}
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return write_zip([(name, replace_members.get(name) or source.read(name))
                          for name in source.namelist()])
