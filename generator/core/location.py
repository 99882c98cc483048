"""One location type and one finding format for every command.

A finding prints as ``path:line:col: CODE field: message`` (as ruff and flake8 print
theirs; the field only where the finding names one); line and column are
1-based. Errors make a command exit 1, warnings only with ``--strict``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple


class Location(NamedTuple):
    """A place in an input file (1-based line and column; 0 means unknown); ordered by
    path, line and column.

    In a spreadsheet ``sheet`` names the worksheet, ``line`` is the row and ``col`` the
    column, printed as a cell: ``台账.xlsx:社会救助科!E12``."""

    path: str
    line: int = 0
    col: int = 0
    sheet: str = ""

    def __str__(self) -> str:
        if self.sheet:
            cell = f"{column_letter(self.col)}{self.line}" if self.line and self.col else ""
            return f"{self.path}:{self.sheet}!{cell}" if cell else f"{self.path}:{self.sheet}"
        if self.line:
            return f"{self.path}:{self.line}:{self.col or 1}"
        return self.path


def column_letter(col: int) -> str:
    """Return a spreadsheet column's letters: 1 gives A, 27 gives AA."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


class Finding(NamedTuple):
    """One problem found in an input: where, which field, what, and its stable code
    (immutable; change a copy with ``_replace``)."""

    location: Location
    code: str
    message: str
    field: str = ""
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        """Return the one-line form ``path:line:col: CODE field: message``; a lone surrogate
        quoted from the input (a ``\\ud800`` escape in a placeholder) is written as its
        escape, so the line can be printed."""
        field = f"{self.field}: " if self.field else ""
        line = f"{self.location}: {self.code} {field}{self.message}"
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:
            line = line.encode("utf-8", "backslashreplace").decode("utf-8")
        return line

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple:
        where = self.location
        return (where.path, where.sheet, where.line, where.col, self.code, self.field, self.message)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Return findings sorted by file, line, column and code, duplicates removed."""
    return sorted(set(findings), key=Finding.sort_key)


@dataclass
class InputError(Exception):
    """Raised when an input has problems the user must fix (exit code 1)."""

    findings: list[Finding] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(f.format() for f in sort_findings(self.findings))


class ToolError(Exception):
    """Raised when the tool cannot run at all: missing file, bad option (exit code 2)."""


def format_path(parts: tuple) -> str:
    """Return a field path such as ``sections[2].tasks[0].title`` from its parts."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_OS_MESSAGES = {
    "ENOENT": "文件或文件夹不存在", "EISDIR": "这是一个文件夹，不是文件", "ENOTDIR": "路径中有一段不是文件夹",
    "EACCES": "没有权限", "EPERM": "没有权限", "EEXIST": "已存在同名文件", "ENOSPC": "磁盘空间不足",
    "EROFS": "只读文件系统", "ENAMETOOLONG": "文件名过长",
}


def os_message(exc: OSError) -> str:
    """Return an operating-system error in Chinese first, the system's words after."""
    import errno
    name = errno.errorcode.get(exc.errno or 0, "")
    chinese = _OS_MESSAGES.get(name)
    english = exc.strerror or str(exc)
    return f"{chinese}（{english}）" if chinese else english
