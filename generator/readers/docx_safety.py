"""Checks on an untrusted .docx before any XML parser sees it (see zip_safety).

Error codes: E403 file too large, E404 not a Word file, E405 unpacks too large,
E406 DTD / external entities.
"""
from __future__ import annotations

from pathlib import Path

from generator.readers import DOCX_CAP
from generator.readers.zip_safety import PackageKind, checked_package

WORD = PackageKind("E404", "Word 文件", ".docx", "word/document.xml")


def checked_docx(path: Path, cap: int = DOCX_CAP) -> bytes:
    """Return the bytes of a .docx that passed the checks of zip_safety.checked_package.

    Raises ToolError when unreadable; InputError E401, E403, E404, E405 or E406."""
    return checked_package(path, WORD, cap)
