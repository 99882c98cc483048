"""Slips of a Chinese input method where YAML needs ASCII, found in the text before (and
beside) PyYAML, which reports them late or not at all: a full-width colon after a key
(``year：2022``, reported on the next line as a missing colon), full-width spaces used for
indentation, a full-width hyphen as list marker (``－ title:``), no space after a key's
colon (``year:2022``, which YAML reads as text), and a value starting with ``{{`` without
quotes (which YAML reads as a mapping).

Quick passes over the text (str.find for the full-width characters and ``{{``, one
regular expression for a colon followed by no space) find the lines that may hold a slip,
and only those lines are matched in full: a clean file costs about 3 ms a megabyte. Only
when a line does hold one is the text walked line by line, once, to leave out the lines
of block scalars (``|`` and ``>``), where any character is text. Linear time.
"""
from __future__ import annotations

import re

from generator.core.codes import finding
from generator.core.location import Finding, Location

_KEY = r"[a-z_][a-z0-9_]*"           # keys of the formats are lower case
# A line with a slip (matched at the line's start); each alternative names its parts.
_SLIP = re.compile(
    rf"(?:"
    rf"(?P<fwspace>[ \t]*　[ \t　]*)(?=[-－][ \t　]|{_KEY}[ \t]*[:：])"
    rf"|(?P<dashlead>[ \t　]*)(?P<dash>－)[ \t　]"
    rf"|(?P<colonlead>[ \t　]*(?:[-－][ \t　]+)?)(?P<ckey>{_KEY})[ \t]*(?P<colon>：)"
    rf"|(?P<tightlead>[ \t]*(?:-[ \t]+)?)(?P<tkey>[a-z_][a-z0-9_]*):(?P<tvalue>[^\s#/:'\"\[{{][^\n]*)"
    rf"|(?P<bracelead>[ \t]*(?:-[ \t]+|{_KEY}:[ \t]+|-[ \t]+{_KEY}:[ \t]+))(?P<braces>\{{\{{[^\n]*)"
    rf")")
_TIGHT = re.compile(r":[^ \t\r\n]")
# The keys the tool's formats know (schemas register theirs with know_keys): a word before
# "：" or a tight ":" is taken for a mistyped key only when it is one of them, so that text
# such as a list item "- a：b" is left alone. Empty: every lower-case word counts.
KNOWN_KEYS: set[str] = set()


def know_keys(schema: dict) -> None:
    """Add every key of a cerberus schema (nested ones too) to KNOWN_KEYS."""
    for key, rule in schema.items():
        KNOWN_KEYS.add(key)
        for nested in (rule.get("schema"), (rule.get("schema") or {}).get("schema")
                       if isinstance(rule.get("schema"), dict) else None):
            if isinstance(nested, dict) and all(isinstance(v, dict) for v in nested.values()):
                know_keys(nested)


def _is_key(word: str) -> bool:
    return not KNOWN_KEYS or word in KNOWN_KEYS
_TRIGGERS = ("　", "－", "：", "{{")
_BLOCK_HEADER = re.compile(r"(?:^|[ \t])[|>][-+0-9]*[ \t]*(?:#.*)?$")


def _block_lines(text: str) -> set[int]:
    """Return the 1-based numbers of the lines inside block scalars (``key: |`` and the
    lines indented deeper below it; blank lines within count too)."""
    inside: set[int] = set()
    header_indent = None
    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        indent = len(line) - len(line.lstrip(" "))
        if header_indent is not None:
            if not line.strip() or indent > header_indent:
                inside.add(number)
                continue
            header_indent = None
        if _BLOCK_HEADER.search(line) and (":" in line or line.lstrip(" ").startswith("-")):
            header_indent = indent
    return inside


def _quoted(key: str, value: str) -> str:
    value = value.rstrip()
    shown = value if len(value) <= 30 else value[:30] + "……"
    quote = "'" if '"' in value else '"'
    return f"{key + ': ' if key else '- '}{quote}{shown}{quote}"


def _slip(match: re.Match) -> tuple[str, int, str]:
    """Return (code, 0-based column, message) for one match of _SLIP."""
    start = match.start()
    if match["fwspace"] is not None:
        return "E010", match["fwspace"].index("　"), (
            "行首用了全角空格“　”缩进：缩进只能用半角空格，请删去全角空格，改用半角空格对齐到所属层级")
    if match["dash"] is not None:
        return "E010", len(match["dashlead"]), "列表符号是全角“－”：把全角“－”改为半角“-”，其后留一个半角空格"
    if match["colon"] is not None:
        key = match["ckey"]
        return "E010", match.start("colon") - start, (
            f"“{key}”后是全角冒号“：”：把全角冒号“：”改为半角“:”，其后留一个半角空格（{key}: ……）")
    if match["tkey"] is not None:
        key, value = match["tkey"], match["tvalue"]
        return "E011", match.start("tvalue") - start, (
            f"“{key}:”后缺少空格，YAML 会把整行当作文字：在半角冒号后加一个空格，写成“{key}: {value.rstrip()[:16]}”")
    key = match["bracelead"].strip().lstrip("-").strip().rstrip(":").strip()
    return "E012", len(match["bracelead"]), (
        f"以“{{{{”开头的值须整体加引号，否则 YAML 把它当作映射：写成 {_quoted(key, match['braces'])}")


def _candidate_lines(text: str) -> list[int]:
    """Return the start offsets of the lines that may hold a slip, in order."""
    starts = set()
    for trigger in _TRIGGERS:
        at = text.find(trigger)
        while at != -1:
            starts.add(text.rfind("\n", 0, at) + 1)
            end = text.find("\n", at)              # one look per line is enough
            at = text.find(trigger, end) if end != -1 else -1
    for match in _TIGHT.finditer(text):
        starts.add(text.rfind("\n", 0, match.start()) + 1)
    return sorted(starts)


def find_typing_slips(text: str, path: str) -> list[Finding]:
    """Return the findings E010 (full-width colon, space or hyphen), E011 (no space after a
    key's colon) and E012 (``{{`` value without quotes), one per line, in line order."""
    found = [(start, match) for start in _candidate_lines(text)
             if (match := _SLIP.match(text, start))]
    if not found:
        return []
    blocks = _block_lines(text)
    out, line, counted = [], 1, 0
    for start, match in found:
        line += text.count("\n", counted, start)
        counted = start
        word = match["ckey"] or match["tkey"]
        if line not in blocks and (word is None or _is_key(word)):
            code, column, message = _slip(match)
            out.append(finding(code, Location(path, line, column + 1), message))
    return out


def with_slips(slips: list[Finding], error: Finding) -> list[Finding]:
    """Return the typing slips, with PyYAML's error only when it comes before the first slip
    (a later one is the slip's consequence: 缺少冒号 on the line after ``year：2022``)."""
    if slips and (error.location.line == 0 or error.location.line >= slips[0].location.line):
        return slips
    return slips + [error]
