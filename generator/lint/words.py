"""The confusable-word list of rule WRD01: the bundled ``confusables.yaml`` and the lists a
user names in the configuration (``confusables = [...]``), read with the plan loader's safe
YAML and checked with its schema validator, so a mistake in a list is reported like one in a
plan (path:line:col, exit 1)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from generator.core.location import InputError

BUNDLED = Path(__file__).with_name("confusables.yaml")
_ENTRY = {"type": "dict", "schema": {
    "wrong": {"type": "string", "required": True, "empty": False},
    "right": {"type": "string", "required": True},
    "why": {"type": "string"},
    "before": {"type": "string"},
    "not_before": {"type": "string"},
    "safe": {"type": "boolean"}}}
SCHEMA = {"words": {"type": "list", "required": True, "schema": _ENTRY}}


class Word(NamedTuple):
    """One entry: the wrong form, the right one, why, and the contexts it needs or avoids."""

    wrong: str
    right: str
    why: str = ""
    before: re.Pattern | None = None
    not_before: re.Pattern | None = None
    safe: bool = True


class WordList(NamedTuple):
    """The entries by wrong form and one pattern finding any of them (longest first)."""

    words: dict
    pattern: re.Pattern | None


@lru_cache(maxsize=16)
def load_words(extra: tuple[str, ...] = ()) -> WordList:
    """Return the bundled list followed by the lists at ``extra`` (later entries win).

    Raises ToolError when a list cannot be read, InputError when one is malformed."""
    words: dict[str, Word] = {}
    for path in (str(BUNDLED), *extra):
        for entry in _read(path):
            words[entry.wrong] = entry
    words = {wrong: word for wrong, word in words.items() if word.right != wrong}
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return WordList(words, re.compile(alternatives) if alternatives else None)


def _read(path: str) -> list[Word]:
    """Return the entries of one list (the bundled one is trusted: not validated)."""
    from generator.core.codes import finding
    from generator.source.sourcemap import load_yaml
    data, smap = load_yaml(path)
    findings = []
    if path != str(BUNDLED):
        from generator.source.schema_check import check_schema
        findings = check_schema(data, smap, SCHEMA)
    out = []
    for index, entry in enumerate(data.get("words", []) if not findings else []):
        try:
            out.append(Word(entry["wrong"], entry["right"], entry.get("why", ""),
                            _compile(entry.get("before")), _compile(entry.get("not_before")),
                            entry.get("safe", True)))
        except re.error as exc:
            where = smap.locate(("words", index))
            findings.append(finding("E106", where, f"正则表达式无效：{exc}", f"words[{index}]"))
    if findings:
        raise InputError(findings)
    return out


def _compile(pattern: str | None) -> re.Pattern | None:
    return re.compile(pattern) if pattern else None
