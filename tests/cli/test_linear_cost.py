"""Work that once grew with the square of the input (issue 14, point 9) grows linearly: the
shape of the cost is checked by counting the steps, not by timing (benchmarks/
bench_hostile.py measures the time)."""
import difflib

import pytest
from cerberus import errors as cerberus_errors

from generator.diff import text as diff_text
from generator.diff.text import opcodes, tokenize
from generator.layout import metrics, titles
from generator.plan.load import parse_plan
from generator.core.location import InputError

PLAN = "title: 示例区2023年工作要点\nyear: 2023\nsections:\n  - title: 部分\n    tasks:\n"


def _comparisons(monkeypatch) -> list:
    """Count the comparisons of cerberus's errors (it sorted its lists at every error)."""
    calls = []
    original = cerberus_errors.ValidationError.__lt__
    monkeypatch.setattr(cerberus_errors.ValidationError, "__lt__",
                        lambda self, other: calls.append(1) or original(self, other))
    return calls


@pytest.mark.parametrize("text, code", [
    ("".join(f"k{i}: {i}\n" for i in range(2000)) + PLAN + "      - title: 甲。\n", "W101"),  # unknown keys
    (PLAN + "".join(f"      - body: 正文{i}。\n" for i in range(2000)), "E101"),          # no title
])
def test_validation_reports_every_finding_without_sorting_at_each(monkeypatch, text, code):
    calls = _comparisons(monkeypatch)
    try:
        _, findings = parse_plan(text, "p.yaml")
    except InputError as error:
        findings = error.findings
    assert sum(f.code == code for f in findings) == 2000
    assert len(calls) < 2000             # was about n² / 2: 2,000 findings, 2 million


def test_long_title_is_measured_a_line_at_a_time(monkeypatch):
    measured = []
    original = metrics.set_width
    monkeypatch.setattr(metrics, "set_width",
                        lambda text, gap: measured.append(len(text)) or original(text, gap))
    title = "关于印发示例区" + "测" * 20000 + "工作要点的通知"
    lines = titles.title_lines(title, 28)
    assert "".join(lines) == title and all(metrics.text_width(line) <= 28 for line in lines)
    assert sum(measured) < 100 * len(title)   # was the text's length once per line: 14 million


def test_long_differing_paragraphs_are_compared_in_bounded_pairs(monkeypatch):
    pairs = []
    original = difflib.SequenceMatcher.__init__

    def counting(self, isjunk=None, a="", b="", autojunk=True):
        pairs.append(len(a) * len(b))
        original(self, isjunk, a, b, autojunk)
    monkeypatch.setattr(difflib.SequenceMatcher, "__init__", counting)
    old = "开头相同。" + "甲乙丙丁" * 5000 + "。中间相同。" + "戊己庚辛" * 5000 + "结尾相同。"
    new = "开头相同。" + "子丑寅卯" * 5000 + "。中间相同。" + "辰巳午未" * 5000 + "结尾相同。"
    a, b = tokenize(old), tokenize(new)
    ops = opcodes(a, b)
    assert max(pairs) <= diff_text.MAX_PAIRS
    rebuilt = []
    for op, i1, i2, j1, j2 in ops:
        rebuilt += a[i1:i2] if op == "equal" else b[j1:j2]
    assert "".join(rebuilt) == new
    assert [op for op, *_ in ops] == ["equal", "replace", "equal", "replace", "equal"]


def test_short_texts_are_compared_token_by_token():
    a, b = tokenize("完善传染病监测预警网络。"), tokenize("健全传染病监测预警体系。")
    assert opcodes(a, b) == difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
