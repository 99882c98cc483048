"""Numbers computed at render time: Chinese numerals and the labels 一、（一）1.（1）一是."""
from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_UNITS = ((1000, "千"), (100, "百"), (10, "十"))


def _below_10000(n: int) -> str:
    out, zero = "", False
    for value, unit in _UNITS:
        digit, n = divmod(n, value)
        if digit:
            if zero:
                out += "零"
            out += _DIGITS[digit] + unit
            zero = False
        elif out:
            zero = True
    if n:
        out += ("零" if zero else "") + _DIGITS[n]
    return out


def chinese_numeral(n: int) -> str:
    """Return n (1 ≤ n < 10^8) in Chinese numerals: 10 十, 11 十一, 101 一百零一, 110 一百一十.

    Raises ValueError outside that range.
    """
    if not 1 <= n < 100_000_000:
        raise ValueError(f"chinese_numeral: {n} out of range")
    high, low = divmod(n, 10_000)
    out = ""
    if high:
        out = _below_10000(high) + "万"
        if low and low < 1000:
            out += "零"
    out += _below_10000(low) if low else ""
    if out.startswith("一十"):
        out = out[1:]
    return out


def section_label(n: int) -> str:
    """Label of the n-th section: 一、"""
    return f"{chinese_numeral(n)}、"


def task_label(n: int, style: str) -> str:
    """Label of the n-th task in a style: "1." gives 1.; "（一）" gives （一）."""
    return f"（{chinese_numeral(n)}）" if style == "（一）" else f"{n}."


def item_label(n: int, style: str) -> str:
    """Label of the n-th item: "（1）" gives （1）; "一是" gives 一是, 二是 …"""
    return f"{chinese_numeral(n)}是" if style == "一是" else f"（{n}）"


def number_tasks(counts: list[int], scope: str) -> list[list[int]]:
    """Return the task numbers for sections holding ``counts`` tasks.

    ``scope`` "continuous" numbers 1..N across sections; "section" restarts at 1 in each.
    """
    numbers, start = [], 1
    for count in counts:
        if scope == "section":
            start = 1
        numbers.append(list(range(start, start + count)))
        start += count
    return numbers
