"""Which way a target is met: ``up`` (more is better: 820元/月, 95%) or ``down`` (less is
better: 办结时限 3个工作日 is met by 2).

A target may say so (``direction: up`` / ``down``); otherwise its name, unit and note are
read for words that set a ceiling (时限, 不超过, 以内, 控制在 …), and ``up`` is assumed.
"""
from __future__ import annotations

from generator.plan.model import Target

UP, DOWN = "up", "down"
DOWN_WORDS = ("时限", "用时", "时长", "不超过", "不高于", "不多于", "以内", "以下", "控制在",
              "降至", "降到", "压缩至", "压减至", "低于")


def target_direction(target: Target) -> tuple[str, str]:
    """Return (direction, how it is known): ("down", "plan") when the plan says so,
    ("down", "时限") when a word gave it, ("up", "") by default."""
    if target.direction in (UP, DOWN):
        return target.direction, "plan"
    text = f"{target.name}{target.unit}{target.note}"
    word = next((w for w in DOWN_WORDS if w in text), "")
    return (DOWN, word) if word else (UP, "")


def completion_rate(value, actual, direction: str) -> float | None:
    """Return 完成率 as a fraction: actual ÷ target for ``up``, target ÷ actual for ``down``
    (2 days against a limit of 3 gives 1.5); None when either is not a number or the
    division has no meaning (a zero target, or zero actual for ``down``)."""
    if not _is_number(value) or not _is_number(actual):
        return None
    if direction == DOWN:
        return value / actual if actual > 0 else None
    return actual / value if value else None


def is_met(value, actual, direction: str) -> bool | None:
    """Return whether the actual figure meets the target (None when not numbers)."""
    if not _is_number(value) or not _is_number(actual):
        return None
    return actual <= value if direction == DOWN else actual >= value


def _is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)
