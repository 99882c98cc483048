"""Numbering is computed at render time: Chinese numerals and the three schemes."""
import pytest

from generator.core.numerals import chinese_numeral
from generator.document.numbering import (item_label, number_tasks, section_label,
                                 task_label)

NUMERALS = [
    (1, "一"), (2, "二"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"),
    (21, "二十一"), (40, "四十"), (99, "九十九"), (100, "一百"), (101, "一百零一"),
    (110, "一百一十"), (111, "一百一十一"), (119, "一百一十九"), (200, "二百"), (305, "三百零五"),
    (999, "九百九十九"), (1000, "一千"), (1001, "一千零一"), (1010, "一千零一十"),
    (1100, "一千一百"), (2023, "二千零二十三"), (9999, "九千九百九十九"), (10000, "一万"),
    (10001, "一万零一"), (10010, "一万零一十"), (10100, "一万零一百"), (11000, "一万一千"),
    (100000, "十万"), (120034, "十二万零三十四"),
]


@pytest.mark.parametrize("n, expected", NUMERALS)
def test_chinese_numeral(n, expected):
    assert chinese_numeral(n) == expected


@pytest.mark.parametrize("n", [0, -1, 100_000_000])
def test_chinese_numeral_out_of_range(n):
    with pytest.raises(ValueError):
        chinese_numeral(n)


@pytest.mark.parametrize("n, section, arabic, chinese, paren, yishi", [
    (1, "一、", "1.", "（一）", "（1）", "一是"),
    (10, "十、", "10.", "（十）", "（10）", "十是"),
    (23, "二十三、", "23.", "（二十三）", "（23）", "二十三是"),
    (101, "一百零一、", "101.", "（一百零一）", "（101）", "一百零一是"),
])
def test_labels(n, section, arabic, chinese, paren, yishi):
    assert section_label(n) == section
    assert task_label(n, "1.") == arabic
    assert task_label(n, "（一）") == chinese
    assert item_label(n, "（1）") == paren
    assert item_label(n, "一是") == yishi


@pytest.mark.parametrize("counts, scope, expected", [
    ([2, 0, 3], "continuous", [[1, 2], [], [3, 4, 5]]),
    ([2, 0, 3], "section", [[1, 2], [], [1, 2, 3]]),
    ([4, 4, 4, 4, 4, 4, 4, 4, 4, 4], "continuous", [list(range(i, i + 4)) for i in range(1, 41, 4)]),
    ([], "continuous", []),
])
def test_number_tasks(counts, scope, expected):
    assert number_tasks(counts, scope) == expected


def test_three_schemes_in_rendered_labels():
    """The three real schemes: 1.–N continuous, （一） per section, （一） continuous."""
    from generator.document.build import number_plan
    from generator.plan.model import Numbering, Plan, Section, Task

    sections = [Section("甲", tasks=[Task("a。"), Task("b。")]), Section("乙"),
                Section("丙", tasks=[Task("c。")])]

    def labels(scope, label):
        plan = Plan("计划", 2021, sections, numbering=Numbering(scope, label))
        return [(s.label, [t.label for t in s.tasks]) for s in number_plan(plan)]

    assert labels("continuous", "1.") == [("一、", ["1.", "2."]), ("二、", []), ("三、", ["3."])]
    assert labels("section", "（一）") == [("一、", ["（一）", "（二）"]), ("二、", []),
                                          ("三、", ["（一）"])]
    assert labels("continuous", "（一）") == [("一、", ["（一）", "（二）"]), ("二、", []),
                                             ("三、", ["（三）"])]
