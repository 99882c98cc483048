"""Checks on an untrusted .docx before any XML parser sees it: a real zip, not too large
once unpacked (a zip bomb), no DTD or entity declarations in any XML part.

Error codes: E403 file too large, E404 not a Word file, E405 unpacks too large,
E406 DTD / external entities.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from generator.readers import DOCX_CAP, bad_input, read_bytes

MAX_MEMBERS = 5000
_CHUNK = 1 << 16
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def checked_docx(path: Path, cap: int = DOCX_CAP) -> bytes:
    """Return the bytes of a .docx that passed the checks.

    Raises ToolError when unreadable; InputError E403 (file larger than ``cap``), E404 (not
    a zip, or no word/document.xml), E405 (declared or actual unpacked size above ``cap``),
    E406 (a DOCTYPE or ENTITY declaration in an XML part).
    """
    name = str(path)
    data = read_bytes(path, cap)
    if not data:
        raise bad_input(name, "E401", "文件为空，没有可导入的内容")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise bad_input(name, "E404", "不是有效的 Word 文件（.docx 应为 zip 压缩包）") from None
    if "word/document.xml" not in {m.filename for m in members}:
        raise bad_input(name, "E404", "不是有效的 Word 文件（缺少 word/document.xml）")
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > cap:
        raise bad_input(name, "E405", f"解压后过大（上限 {cap} 字节），疑为压缩炸弹，已拒绝")
    total = 0
    for member in members:
        total = _scan_member(archive, member, total, cap, name)
    return data


def _scan_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, total: int, cap: int,
                 name: str) -> int:
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
        raise bad_input(name, "E404", f"不是有效的 Word 文件（{member.filename} 无法解压：{exc}）") from None
    return total
