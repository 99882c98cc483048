"""The progress file's schema, as cerberus rules (data, not code); see docs/progress.md."""
from __future__ import annotations

from generator.progress.periods import PERIOD_PATTERN
from generator.progress.statuses import STATUSES
from generator.source.typing_slips import know_keys

_TEXT = {"type": "string", "empty": False}
_STATUS = {"type": "string", "allowed": list(STATUSES)}
_NUMBER = {"type": ["integer", "float"], "nullable": True}

TARGET = {
    "key": {**_TEXT, "required": True},
    "name": {**_TEXT, "required": True},
    "status": _STATUS,
    "actual": _NUMBER,
    "progress": {"type": "string"},
    "note": {"type": "string"},
}

TASK = {
    "key": {**_TEXT, "required": True},
    "task": {**_TEXT, "required": True},
    "unit": {"type": "string"},
    "status": _STATUS,
    "progress": {"type": "string"},
    "note": {"type": "string"},
    "targets": {"type": "list", "schema": {"type": "dict", "schema": TARGET}},
}

UNMATCHED = {
    "key": {"type": "string"},
    "task": {"type": "string"},
    "name": {"type": "string"},
    "source": {"type": "string"},
    "reason": {"type": "string"},
    "unit": {"type": "string"},
    "status": {"type": "string"},
    "progress": {"type": "string"},
    "actual": {"type": ["integer", "float", "string"], "nullable": True},
    "note": {"type": "string"},
}

PROGRESS = {
    "plan": _TEXT,
    "period": {"type": ["string", "integer"], "required": True, "regex": PERIOD_PATTERN,
               "meta": {"hint": "应写作 2021、2021-H1、2021-Q1 或 2021-03"}},
    "tasks": {"type": "list", "nullable": True, "schema": {"type": "dict", "schema": TASK}},
    "unmatched": {"type": "list", "nullable": True, "schema": {"type": "dict", "schema": UNMATCHED}},
}
know_keys(PROGRESS)

ORDERS = {(): list(PROGRESS), ("tasks",): list(TASK), ("tasks", "targets"): list(TARGET),
          ("unmatched",): list(UNMATCHED)}
