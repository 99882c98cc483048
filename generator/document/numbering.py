"""Numbers computed at render time: Chinese numerals and the labels 一、（一）1.（1）一是."""
from __future__ import annotations

from generator.core.numerals import chinese_numeral



def section_label(n: int) -> str:
    """Label of the n-th section: 一、"""
    return f"{chinese_numeral(n)}、"


def task_label(n: int, style: str) -> str:
    """Label of the n-th task in a style: "1." gives 1.; "（一）" gives （一）."""
    return f"（{chinese_numeral(n)}）" if style == "（一）" else f"{n}."


_DIGITS = "0123456789０１２３４５６７８９"


def label_before(label: str, text: str) -> str:
    """Return a task label as printed before ``text``: a label ending with "." gets a
    half-width space when the text starts with a digit ("2. 5G基站…", "3. 2024年底前…"),
    so that label and text cannot read as one number ("2.5G"); readers take "N. " as a label
    and "N.digit" as a number."""
    if label.endswith(".") and text[:1] in _DIGITS and text[:1] != "":
        return label + " "
    return label


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
