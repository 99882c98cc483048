"""Checks on an untrusted .docx before any XML parser sees it (see zip_safety), and numbers
read from its XML attributes.

Error codes: E403 file too large, E404 not a Word file, E405 unpacks too large,
E406 DTD / external entities.
"""
from __future__ import annotations

import re
from pathlib import Path

from generator.readers import DOCX_CAP
from generator.readers.zip_safety import PackageKind, checked_package

WORD = PackageKind("E404", "Word 文件", ".docx", "word/document.xml")
_INT = re.compile(r"-?[0-9]{1,9}", re.ASCII)


def checked_docx(path: Path, cap: int = DOCX_CAP) -> bytes:
    """Return the bytes of a .docx that passed the checks of zip_safety.checked_package.

    Raises ToolError when unreadable; InputError E401, E403, E404, E405 or E406."""
    return checked_package(path, WORD, cap)


def xml_int(value: str | None, default: int, low: int, high: int) -> int:
    """Return an attribute of untrusted XML read as a whole number, clamped to
    [``low``, ``high``]; ``default`` when it is missing or not plain ASCII digits (``abc``,
    ``²``, ``--5``, thousands of digits)."""
    if value is None or not _INT.fullmatch(value.strip()):
        return default
    return min(max(int(value), low), high)
