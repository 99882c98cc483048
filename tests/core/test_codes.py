"""The catalogue of finding codes is the one place a code is defined: it agrees with the
documentation tables, every code is asserted by some test, and every finding takes its
severity from it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.core.codes import CATALOGUE, finding, register
from generator.core.location import Location, Severity
from generator.lint.registry import all_rules

all_rules()          # the lint rules register their codes when their modules load

ROOT = Path(__file__).resolve().parents[2]
ROW = re.compile(r"^\| ((?:[A-Z]+\d{2,3})(?: / [A-Z]+\d{2,3})*) \|", re.M)


def documented(page: str) -> set[str]:
    """Return the codes in the first column of the page's tables."""
    text = (ROOT / page).read_text(encoding="utf-8")
    return {code for row in ROW.findall(text) for code in row.split(" / ")}


def test_catalogue_and_documentation_list_the_same_codes():
    pages = {entry.doc for entry in CATALOGUE.values()}
    for page in sorted(pages):
        in_catalogue = {code for code, entry in CATALOGUE.items() if entry.doc == page}
        assert documented(page) == in_catalogue, page


def test_every_code_is_asserted_by_a_test():
    this = Path(__file__).resolve()
    text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py") if p != this)
    assert [code for code in CATALOGUE if not re.search(rf"\b{code}\b", text)] == []


def test_codes_are_stable_in_form_and_severity():
    for code, entry in CATALOGUE.items():
        assert entry.code == code and entry.summary
        if re.fullmatch(r"[EW]\d{3}", code):
            assert entry.severity is (Severity.ERROR if code[0] == "E" else Severity.WARNING), code


def test_a_finding_takes_its_severity_from_the_catalogue():
    where = Location("plan.yaml", 3, 5)
    assert finding("W302", where, "消息", "unplaced").format() == "plan.yaml:3:5: W302 unplaced: 消息"
    assert not finding("W302", where, "消息").is_error
    assert finding("E101", where, "必填项缺失").is_error
    with pytest.raises(KeyError):
        finding("E999", where, "不存在的代码")


def test_a_code_cannot_be_registered_with_two_meanings():
    entry = CATALOGUE["E101"]
    assert register(entry.code, entry.severity, entry.summary, entry.doc) is not None
    with pytest.raises(ValueError):
        register("E101", Severity.WARNING, "另一个含义", entry.doc)
