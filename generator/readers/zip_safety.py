"""Checks on an untrusted Office package (.docx, .xlsx) before any XML parser sees it: a real
zip holding the part that makes it that kind of file, not too large once unpacked (a zip
bomb), no DTD or entity declarations in any XML part.

Error codes: E401 empty, E403 file too large, E405 unpacks too large, E406 DTD / external
entities; the kind names its own code for "not this kind of file" (E404 Word, E501 Excel).
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path
from typing import NamedTuple

from generator.readers import bad_input, read_bytes

MAX_MEMBERS = 5000
_CHUNK = 1 << 16
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


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
    for member in members:
        total = _scan_member(archive, member, total, cap, name, kind)
    return data


def _scan_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, total: int, cap: int,
                 name: str, kind: PackageKind) -> int:
    """Unpack one member in chunks, counting bytes; return the running total."""
    is_xml = member.filename.endswith((".xml", ".rels"))
    head = b""
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                total += len(chunk)
                if total > cap:
                    raise bad_input(name, "E405", f"解压后过大（上限 {cap} 字节），疑为压缩炸弹，已拒绝")
                if is_xml and _DTD.search(head[-16:] + chunk):
                    raise bad_input(name, "E406",
                                    f"{member.filename} 含 DOCTYPE 或实体声明（可能引用外部实体），已拒绝")
                head = chunk
    except (zipfile.BadZipFile, zlib.error, RuntimeError, OSError, EOFError, NotImplementedError) as exc:
        raise bad_input(name, kind.not_code,
                        f"不是有效的 {kind.name}（{member.filename} 无法解压：{exc}）") from None
    return total
