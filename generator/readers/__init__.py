"""Readers: input files -> Document blocks. Only the DOCX reader imports python-docx.

Every reader returns a ReadResult: the blocks in reading order, the source line (text) or
paragraph number (DOCX) of each block, and the warnings found while reading. Untrusted input
(binary, empty, huge) fails with an InputError naming the file (exit 1); a file that cannot
be opened at all raises ToolError (exit 2).

Finding codes E401–E407 and W401–W417 (see generator.core.codes).
For a .docx, the "line" of a finding is the paragraph's number in the body.

May import: core, document, style, layout
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.document.model import Block
from generator.core.location import Finding, InputError, Location, ToolError
from generator.core.codes import finding

TEXT_CAP = 20 * 1024 * 1024      # bytes of text accepted for import
DOCX_CAP = 50 * 1024 * 1024      # bytes of a .docx file, and of its unpacked parts together
SUFFIXES = (".txt", ".docx")


@dataclass
class ReadResult:
    """What a reader found: ``blocks``; ``lines`` the source line of each block (same length);
    ``warnings`` findings while reading; ``path`` the file name used in findings; ``seal``
    whether the 署名 and 日期 are placed for a seal (True) or without one (False), None when
    the reader cannot tell (text has no layout)."""

    path: str
    blocks: list[Block] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    seal: bool | None = None

    def add(self, block: Block, line: int) -> None:
        """Append a block read at ``line``."""
        self.blocks.append(block)
        self.lines.append(line)


def bad_input(path: str, code: str, message: str, line: int = 0) -> InputError:
    """Return an InputError holding one finding about the whole file (or one line)."""
    return InputError([finding(code, Location(path, line, 1 if line else 0), message)])


def read_bytes(path: Path, cap: int) -> bytes:
    """Return the bytes of ``path``.

    Raises ToolError when it cannot be read (a name too long, a folder), InputError (E403)
    when larger than ``cap``; at most ``cap`` + 1 bytes are read from a file without a size.
    """
    try:
        size = path.stat().st_size
        if size > cap:
            raise bad_input(str(path), "E403", f"文件过大（{size} 字节，上限 {cap} 字节）")
        with open(path, "rb") as handle:    # bounded: a device such as /dev/zero has no size
            data = handle.read(cap + 1)
    except OSError as exc:
        raise ToolError(f"{path}: 无法读取文件：{exc.strerror or exc}") from None
    if len(data) > cap:
        raise bad_input(str(path), "E403", f"文件过大（超过上限 {cap} 字节）")
    return data


def decode_text(data: bytes, path: str) -> str:
    """Return the text of a plain-text file (UTF-8, UTF-16 with BOM, or GB18030).

    Raises InputError E401 when empty, E402 when the bytes are not text.
    """
    if not data.strip():
        raise bad_input(path, "E401", "文件为空，没有可导入的内容")
    text = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" not in data:
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    if text is None or _looks_binary(text):
        raise bad_input(path, "E402", "不是文本文件（含二进制内容或编码无法识别）")
    if not text.strip():
        raise bad_input(path, "E401", "文件为空，没有可导入的内容")
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > len(sample) // 100 or "\ufffd" in sample


def read_document(path: Path | str) -> ReadResult:
    """Read a .txt or .docx file into blocks.

    Raises ToolError for an unknown suffix or an unreadable file, InputError for bad content.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise ToolError(f"{p}: 不支持的输入格式“{p.suffix}”（可用：.txt、.docx）")
    if suffix == ".docx":
        from generator.readers.docx import read_docx  # python-docx only when a Word file is read
        return read_docx(p)
    from generator.readers.text import read_text
    return read_text(decode_text(read_bytes(p, TEXT_CAP), str(p)), str(p))
