"""Structure and numbering rules (STR): each fires with its exact message and fix on a
fictional line, and stays quiet on the near misses (the right form, and look-alikes)."""
import pytest
from lint_helpers import assert_fires_and_fixes, assert_quiet

# (code, text, role, exact findings, text after safe fixes, text after safe and unsafe fixes)
CASES = [
    ('STR01', '（一）、加强组织领导', 'paragraph', ['t.txt:1:4: STR01 括号序号后不加“、”：“（一）、加强组织”'], '（一）加强组织领导', '（一）加强组织领导'),
    ('STR02', '1、完善救助制度', 'paragraph', ['t.txt:1:1: STR02 序号“1、”应为“1.”：“1、完善救助”'], '1.完善救助制度', '1.完善救助制度'),
    ('STR02', '1）建立台账', 'paragraph', ['t.txt:1:1: STR02 序号“1）”应为“（1）”：“1）建立台账”'], '1）建立台账', '（1）建立台账'),
    ('STR03', '一.总体要求', 'paragraph', ['t.txt:1:1: STR03 序号“一.”应为“一、”：“一.总体要求”'], '一、总体要求', '一、总体要求'),
    ('STR04', '(一)加强组织领导', 'paragraph', ['t.txt:1:1: STR04 序号“(一)”应用全角括号：“(一)加强组织”'], '（一）加强组织领导', '（一）加强组织领导'),
    ('STR07', '首先要学习，其次要落实，第三要总结', 'paragraph', ['t.txt:1:1: STR07 “首先、其次”与“第一、第二”混用：“首先要学习，其次要落实，第三要总结”'], '首先要学习，其次要落实，第三要总结', '首先要学习，其次要落实，第三要总结'),
    ('STR08', '第一、要提高认识', 'paragraph', ['t.txt:1:1: STR08 “第×”后应用逗号，不用顿号：“第一、要提高认”'], '第一，要提高认识', '第一，要提高认识'),
    ('STR09', '一、加强组织领导。', 'heading', ['t.txt:1:9: STR09 单独成行的标题末尾不加“。”：“组织领导。”'], '一、加强组织领导', '一、加强组织领导'),
    ('STR10', '1.抓好理论学习。', 'lead', ['t.txt:1:1: STR10 sections[0].tasks[0].title: 序号由工具计算，文字中不必手写：“1.抓好理论”'], '抓好理论学习。', '抓好理论学习。'),
]

# (code, text, role): the rule must not fire.
NEAR_MISSES = [
    ('STR01', '（一）加强组织领导', 'paragraph'),
    ('STR02', '1.完善救助制度', 'paragraph'),
    ('STR02', '2021、2022年', 'paragraph'),
    ('STR03', '一、总体要求', 'paragraph'),
    ('STR03', '十四五规划', 'paragraph'),
    ('STR04', '（一）加强组织领导', 'paragraph'),
    ('STR08', '第一、二季度', 'paragraph'),
    ('STR08', '第一，要提高认识', 'paragraph'),
    ('STR09', '（一）加强组织领导。完善制度，明确分工。', 'heading'),
    ('STR10', '一体推进低保扩围。', 'lead'),
]


@pytest.mark.parametrize("code, text, role, expected, safe, unsafe", CASES)
def test_structure_rule_fires_and_fixes(code, text, role, expected, safe, unsafe):
    assert_fires_and_fixes(code, text, role, expected, safe, unsafe)


@pytest.mark.parametrize("code, text, role", NEAR_MISSES)
def test_structure_rule_stays_quiet_on_near_misses(code, text, role):
    assert_quiet(code, text, role)


def _document(lines: list[str]) -> list[str]:
    """Return the findings of the whole-document structure rules on lines of a text file."""
    from generator.core.location import Location
    from generator.lint.model import Span
    from generator.lint.registry import all_rules
    from generator.lint.runner import lint_spans
    spans = [Span(text, "paragraph", lambda offset, n=n: Location("t.txt", n, offset + 1))
             for n, text in enumerate(lines, 1)]
    rules = [all_rules()[code] for code in ("STR05", "STR06")]
    return sorted(r.finding.format() for r in lint_spans(spans, rules))


def test_skipped_level_and_numbering_gaps_over_the_document():
    assert _document(["一、总体要求", "（1）建立台账", "二、工作任务", "（一）兜底保障", "（三）养老服务",
                      "1.新建站点", "1.再建站点"]) == [
        "t.txt:2:1: STR05 “一、”下直接用了“（1）”，跳过了层次：“（1）建立台账”",
        "t.txt:5:1: STR06 序号跳号：此处应为第 2 项：“（三）养老服务”",
        "t.txt:7:1: STR06 序号重复：此处应为第 2 项：“1.再建站点”"]


def test_restarting_and_continuous_numbering_and_allowed_skips_are_quiet():
    assert _document(["一、甲", "1.做", "2.做", "二、乙", "3.做", "（一）丙", "（1）做", "（二）丁", "（1）做"]) == []
