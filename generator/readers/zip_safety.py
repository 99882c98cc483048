"""Checks on an untrusted Office package (.docx, .xlsx) before any XML parser sees it: a real
zip holding the part that makes it that kind of file, not too large once unpacked (a zip
bomb), no DTD or entity declarations in any part an XML parser may read, whatever its name
(a main part typed as XML in [Content_Types].xml but not named .xml) or its encoding (UTF-16).

Error codes: E401 empty, E403 file too large, E405 unpacks too large, E406 DTD / external
entities; the kind names its own code for "not this kind of file" (E404 Word, E501 Excel),
also used for an XML part in an encoding other than UTF-8 or UTF-16 (which the package
format forbids, and which could hide a DTD from the scan).
"""
from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from pathlib import Path
from typing import NamedTuple

from generator.readers import bad_input, read_bytes

MAX_MEMBERS = 5000
_CHUNK = 1 << 16
_DTD = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DECLARED = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")
_UTF16 = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be", b"<\0": "utf-16-le", b"\0<": "utf-16-be"}


class PackageKind(NamedTuple):
    """A kind of Office package: the code and words for a file that is not one (``not_code``,
    ``name`` such as “Word 文件”, ``suffix`` such as .docx) and the part it must hold."""

    not_code: str
    name: str
    suffix: str
    required: str


def checked_package(path: Path, kind: PackageKind, cap: int) -> bytes:
    """Return the bytes of a package that passed the checks.

    Raises ToolError when unreadable; InputError E401 (empty), E403 (file larger than
    ``cap``), ``kind.not_code`` (not a zip, or without ``kind.required``), E405 (declared or
    actual unpacked size above ``cap``), E406 (a DOCTYPE or ENTITY declaration in an XML part).
    """
    name = str(path)
    data = read_bytes(path, cap)
    if not data:
        raise bad_input(name, "E401", "文件为空，没有可导入的内容")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise bad_input(name, kind.not_code,
                        f"不是有效的 {kind.name}（{kind.suffix} 应为 zip 压缩包）") from None
    if kind.required not in {m.filename for m in members}:
        raise bad_input(name, kind.not_code, f"不是有效的 {kind.name}（缺少 {kind.required}）")
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > cap:
        raise bad_input(name, "E405", f"解压后过大（上限 {cap} 字节），疑为压缩炸弹，已拒绝")
    total = 0
    members.sort(key=lambda m: m.filename != "[Content_Types].xml")   # first: it types the rest
    xml_names: set[str] = set()
    for member in members:
        total = _scan_member(archive, member, (total, cap, name, kind), xml_names)
    return data


def _scan_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, state: tuple,
                 xml_names: set[str]) -> int:
    """Unpack one member in chunks, counting bytes, and look for a DTD in it when an XML
    parser may read it; return the running total. ``state`` is (total so far, cap, file
    name, kind). Fills ``xml_names`` from [Content_Types].xml, which comes first."""
    total, cap, name, kind = state
    is_xml = member.filename.lower().endswith((".xml", ".rels")) or member.filename in xml_names
    decoder, kept, scanned = None, b"", ""
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                total += len(chunk)
                if total > cap:
                    raise bad_input(name, "E405", f"解压后过大（上限 {cap} 字节），疑为压缩炸弹，已拒绝")
                if not is_xml:
                    continue
                decoder = decoder or _decoder(chunk, member.filename, name, kind)
                text = decoder.decode(chunk)
                if _DTD.search(scanned[-16:] + text):
                    raise bad_input(name, "E406",
                                    f"{member.filename} 含 DOCTYPE 或实体声明（可能引用外部实体），已拒绝")
                scanned = text
                if member.filename == "[Content_Types].xml" and len(kept) < _CHUNK * 16:
                    kept += chunk
    except (zipfile.BadZipFile, zlib.error, RuntimeError, OSError, EOFError, NotImplementedError) as exc:
        raise bad_input(name, kind.not_code,
                        f"不是有效的 {kind.name}（{member.filename} 无法解压：{exc}）") from None
    if kept:
        xml_names.update(_xml_parts(kept, {m.filename for m in archive.infolist()}))
    return total


def _decoder(head: bytes, member: str, name: str, kind: PackageKind):
    """Return an incremental decoder for an XML part from its first bytes: UTF-16 by its
    byte-order mark or its first character, else UTF-8 (ASCII-compatible bytes).

    Raises InputError ``kind.not_code`` when the part declares any other encoding (ECMA-376
    Part 2 allows only UTF-8 and UTF-16; another one could hide a DTD from this scan)."""
    encoding = _UTF16.get(head[:2])
    if encoding is None:
        declared = _DECLARED.match(head.removeprefix(codecs.BOM_UTF8))
        label = declared[1].decode("ascii", "replace").lower() if declared else "utf-8"
        if label not in ("utf-8", "utf8"):
            raise bad_input(name, kind.not_code, f"不是有效的 {kind.name}（{member} 声明的编码“{label}”"
                                                 f"不是 UTF-8 或 UTF-16）")
        encoding = "utf-8"
    return codecs.getincrementaldecoder(encoding)(errors="replace")


def _xml_parts(content_types: bytes, names: set[str]) -> set[str]:
    """Return the members that [Content_Types].xml types as XML (``…+xml`` or ``…/xml``,
    images such as SVG aside): by name (Override) or by extension (Default), so that a
    main part not named .xml is scanned too. Part names compare without case, as in the
    package format. Unreadable content types give no names."""
    from lxml import etree
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(content_types, parser)
    except etree.XMLSyntaxError:
        return set()
    xml_types: set[str] = set()
    for element in root:
        kind = element.get("ContentType", "")
        if kind.endswith(("+xml", "/xml")) and not kind.startswith("image/"):
            if element.get("PartName"):
                xml_types.add(element.get("PartName").lstrip("/").lower())
            elif element.get("Extension"):
                xml_types.add("." + element.get("Extension").lower())
    return {n for n in names if n.lower() in xml_types or "." + n.rsplit(".", 1)[-1].lower() in xml_types}
