"""The plan file's schema, as cerberus rules (data, not code).

Field names are English; the Chinese term each stands for is in docs/plan-format.md.
"""
from __future__ import annotations

from generator.source.typing_slips import know_keys

_TEXT = {"type": "string", "empty": False}
_DATE = {"type": "string", "empty": False, "meta": {"date": True}}
_PARAS = {"type": ["string", "list"], "schema": {"type": "string"}}
_NAMES = {"type": ["string", "list"], "schema": {"type": "string", "empty": False}}
_NUMBER_OR_TEXT = {"type": ["integer", "float", "string"], "nullable": True}

TARGET = {
    "name": {**_TEXT, "required": True},
    "value": _NUMBER_OR_TEXT,
    "unit": {"type": "string"},
    "baseline": _NUMBER_OR_TEXT,
    "prior_target": _NUMBER_OR_TEXT,
    "direction": {"type": "string"},           # up | down: checks.check_directions
    "deadline": _DATE,
    "owners": _NAMES,
    "note": {"type": "string"},
}

TASK = {
    "title": {**_TEXT, "required": True},
    "body": {"type": "string"},
    "items": {"type": "list", "schema": {**_TEXT}},
    "owners": _NAMES,
    "lead": _NAMES,                     # explicit 牵头单位 (instead of the first owner)
    "support": _NAMES,                  # explicit 责任单位/配合单位
    "deadline": _DATE,
    "targets": {"type": "list", "schema": {"type": "dict", "schema": TARGET}},
}

SECTION = {
    "title": {**_TEXT, "required": True},
    "intro": _PARAS,
    "tasks": {"type": "list", "schema": {"type": "dict", "schema": TASK}},
}

DOC_NUMBER = {
    "code": {**_TEXT, "required": True},
    "year": {"type": "integer", "required": True, "min": 1949, "max": 2999},
    "seq": {"type": ["integer", "string"], "required": True},
}

IMPRINT = {
    "cc": _NAMES,
    "printer": _TEXT,
    "date": _DATE,
}

NOTICE = {
    "copy_number": {"type": ["string", "integer"]},
    "secrecy": _TEXT,
    "urgency": _TEXT,
    "issuer_mark": {**_TEXT, "required": True},
    "doc_number": {"type": ["string", "dict"], "schema": DOC_NUMBER},
    "signer": _NAMES,
    "title": _TEXT,
    "recipients": _TEXT,
    "body": _PARAS,
    "attachments": {"type": "list", "schema": {**_TEXT}},
    "signature": {**_TEXT, "required": True},
    "date": {**_DATE, "required": True},
    "seal": {"type": "boolean"},
    "note": _TEXT,
    "imprint": {"type": "dict", "schema": IMPRINT},
    "breakdown": {"type": ["boolean", "string"], "empty": False},  # 重点任务分解表 as an attachment
}

UNIT = {
    "name": {**_TEXT, "required": True},   # full name, as printed
    "short": _NAMES,                       # short names that mean this unit
    "leader": _TEXT,                       # 分管领导 (责任领导 column)
}

NUMBERING = {
    "scope": {"type": "string", "allowed": ["continuous", "section"]},
    "label": {"type": "string", "allowed": ["1.", "（一）"]},
    "items": {"type": "string", "allowed": ["（1）", "一是"]},
}

PLAN = {
    "title": {**_TEXT, "required": True},
    "year": {"type": "integer", "required": True, "min": 1949, "max": 2999},
    "numbering": {"type": "dict", "schema": NUMBERING},
    "units": {"type": "list", "schema": {"type": ["string", "dict"], "empty": False, "schema": UNIT}},
    "notice": {"type": "dict", "schema": NOTICE, "nullable": True},
    "preamble": _PARAS,
    "sections": {"type": "list", "required": True, "empty": False,
                 "schema": {"type": "dict", "schema": SECTION}},
    "review": {"type": "list", "nullable": True, "schema": {"type": "string"}},
    "unplaced": {"type": "list", "schema": {"type": "string"}},
}
know_keys(PLAN)     # a mistyped key of a plan is told from text (typing_slips)


def iter_targets(data: dict):
    """Yield (field path, target mapping) for every target of plan data, in file order.

    The data need only be mappings and lists where the schema says so."""
    for si, section in enumerate(data.get("sections") or []):
        for ti, task in enumerate(section.get("tasks") or []):
            targets = task.get("targets")
            if targets:                 # most tasks have none: no list, no enumerate
                for gi, target in enumerate(targets):
                    yield ("sections", si, "tasks", ti, "targets", gi), target
