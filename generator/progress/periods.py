"""Reporting periods: a quarter (2021-Q1), a half year (2021-H1), the year (2021) or a
month (2021-03), with the day each ends and the share of the year elapsed by then.

序时进度 (the schedule share) is counted in months, as offices count it: at the end of
June 6/12 = 50%, at the end of November 11/12 = 91.7%.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

from generator.core.location import ToolError

_PERIOD = re.compile(r"^(\d{4})(?:-(Q[1-4]|H[12]|\d{1,2}))?$", re.IGNORECASE)
_QUARTERS = "一二三四"
PERIOD_PATTERN = r"^\d{4}(-(Q[1-4]|H[12]|(0?[1-9]|1[0-2])))?$"


class Period(NamedTuple):
    """A reporting period of one year: ``code`` as written canonically (2021-H1), the year,
    and the last month it covers (1–12)."""

    code: str
    year: int
    last_month: int

    @property
    def end(self) -> dt.date:
        """Return the period's last day."""
        return dt.date(self.year, self.last_month, calendar.monthrange(self.year, self.last_month)[1])

    @property
    def elapsed(self) -> float:
        """Return the share of the year elapsed at the period's end (序时进度), 0–1."""
        return self.last_month / 12

    @property
    def is_year_end(self) -> bool:
        """Return True when the period reaches the end of the year (2021, 2021-H2, 2021-Q4,
        2021-12): its actual figures are the year's."""
        return self.last_month == 12

    @property
    def name(self) -> str:
        """Return the period as a summary names it: 上半年, 第一季度, 1—3月, 年度 (the year)."""
        kind = self.code.partition("-")[2]
        if not kind:
            return "年度"
        if kind == "H1":
            return "上半年"
        if kind == "H2":
            return "下半年"
        if kind.startswith("Q"):
            return f"第{_QUARTERS[int(kind[1]) - 1]}季度"
        return f"1—{self.last_month}月" if self.last_month > 1 else "1月"

    @property
    def next_name(self) -> str:
        """Return the time after the period as a summary's 下一步 part names it: 下半年,
        第二季度, 明年 …"""
        kind = self.code.partition("-")[2]
        if not kind or self.last_month == 12:
            return "明年"
        if kind == "H1":
            return "下半年"
        if kind.startswith("Q"):
            return f"第{_QUARTERS[int(kind[1])]}季度"
        return "下一阶段"


def parse_period(text: str) -> Period:
    """Return the period written as 2021-Q1, 2021-H1, 2021 or 2021-03.

    Raises ToolError for anything else (a command-line option)."""
    match = _PERIOD.match(str(text).strip())
    if not match:
        raise ToolError(f"期间“{text}”无效：应写作 2021（全年）、2021-H1（半年）、2021-Q1（季度）或 2021-03（月份）")
    year, kind = int(match[1]), (match[2] or "").upper()
    if not kind:
        return Period(str(year), year, 12)
    if kind[0] == "H":
        return Period(f"{year}-{kind}", year, 6 * int(kind[1]))
    if kind[0] == "Q":
        return Period(f"{year}-{kind}", year, 3 * int(kind[1]))
    month = int(kind)
    if not 1 <= month <= 12:
        raise ToolError(f"期间“{text}”无效：月份应为 01–12")
    return Period(f"{year}-{month:02d}", year, month)
