"""Chinese numerals in both directions: 23 → 二十三 for labels, 二十三 → 23 when reading."""
from __future__ import annotations

NUMERAL = "一二三四五六七八九十百零〇两"       # the characters a Chinese numeral is written with
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


def chinese_to_int(numeral: str) -> int:
    """Return the value of a Chinese numeral up to the thousands (十一 11, 二十三 23)."""
    values = {c: i for i, c in enumerate("零一二三四五六七八九")}
    values.update({"〇": 0, "两": 2})
    total, digit = 0, 0
    for char in numeral:
        if char in values:
            digit = values[char]
        else:
            unit = {"十": 10, "百": 100, "千": 1000}[char]
            total += (digit or 1) * unit
            digit = 0
    return total + digit


_AMOUNT_DIGITS = frozenset("0123456789０１２３４５６７８９")
_AMOUNT_WORDS = frozenset(NUMERAL + "千万亿点")


def is_amount(value) -> bool:
    """Return True when a target value states an amount that takes a unit: a number, text
    with a digit (95, ≥95, 1.2万), or a Chinese numeral (七十二, 三点五); False for words
    such as 全覆盖 or 全部, which print without the unit and need none."""
    if isinstance(value, bool) or value in (None, ""):
        return False
    if isinstance(value, (int, float)):
        return True
    text = str(value)
    return any(ch in _AMOUNT_DIGITS for ch in text) or all(ch in _AMOUNT_WORDS for ch in text)


def figure(value, unit: str) -> str:
    """Return a target value as printed: an amount followed by its unit (820元/月, 七十二学时),
    words as they are (全覆盖), "" for no value."""
    if value in (None, ""):
        return ""
    return f"{value}{unit or ''}" if is_amount(value) else str(value)
