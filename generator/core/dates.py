"""Dates as users write them (2021-03-23 or 2021年3月23日) and as documents print them."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_CN = re.compile(r"^\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*$")


def parse_date(text: str) -> dt.date:
    """Return the calendar date written as ``2021-03-23`` or ``2021年3月23日``.

    Raises ValueError when the text has neither form or names no real day (2021-02-30).
    """
    day = _parse(str(text))
    if day is None:
        raise ValueError(f"not a date: {text!r}")
    return day


@lru_cache(maxsize=4096)
def _parse(text: str) -> dt.date | None:
    """Return the date a text names, None when it has neither form (remembered: a plan
    repeats its deadlines, and checks and build each read them)."""
    match = _ISO.match(text) or _CN.match(text)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    return dt.date(year, month, day)


def format_date(value: dt.date | str) -> str:
    """Return the date as official documents print it: ``2021年3月23日`` (no zero padding)."""
    day = parse_date(value) if isinstance(value, str) else value
    return f"{day.year}年{day.month}月{day.day}日"


def shift_year(value: str, years: int) -> str:
    """Return the date moved by ``years`` in the same written form (29 Feb becomes 28 Feb).

    Raises ValueError when the text is not a date.
    """
    day = parse_date(value)
    try:
        moved = day.replace(year=day.year + years)
    except ValueError:
        moved = day.replace(year=day.year + years, day=28)
    if _CN.match(str(value)):
        return format_date(moved)
    return moved.isoformat()
