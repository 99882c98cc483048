"""Wording rules (WRD): each fires with its exact message and fix on a
fictional line, and stays quiet on the near misses (the right form, and look-alikes)."""
import pytest
from lint_helpers import assert_fires_and_fixes, assert_quiet

# (code, text, role, exact findings, text after safe fixes, text after safe and unsafe fixes)
CASES = [
    ('WRD01', '截止2021年底完成其它工作', 'paragraph', ['t.txt:1:1: WRD01 “截止”应为“截至”（到某一时间为止用“截至”；“截止”是到期停止）：“截止2021”', 't.txt:1:11: WRD01 “其它”应为“其他”（《现代汉语规范词典》以“其他”为规范词形）：“年底完成其它工作”'], '截至2021年底完成其他工作', '截至2021年底完成其他工作'),
    ('WRD02', '认真的做好', 'paragraph', ['t.txt:1:1: WRD02 此处似应用“地”：“认真的做好”'], '认真的做好', '认真地做好'),
    ('WRD03', '今年底前完成', 'paragraph', ['t.txt:1:1: WRD03 “今年”日后难以确指，应写明年份：“今年底前完成”'], '今年底前完成', '今年底前完成'),
    ('WRD04', '加强的的管理', 'paragraph', ['t.txt:1:3: WRD04 “的”重复：“加强的的管理”'], '加强的的管理', '加强的管理'),
    ('WRD04', '进一步进一步完善', 'paragraph', ['t.txt:1:1: WRD04 “进一步”重复：“进一步进一步完善”'], '进一步进一步完善', '进一步完善'),
    ('WRD06', '高度重视养老服务', 'paragraph', ['t.txt:1:1: WRD06 “高度重视”是套话，宜写具体措施和目标：“高度重视养老服务”'], '高度重视养老服务', '高度重视养老服务'),
]

# (code, text, role): the rule must not fire.
NEAR_MISSES = [
    ('WRD01', '截止日期', 'paragraph'),
    ('WRD01', '其他工作', 'paragraph'),
    ('WRD01', '截至2021年底', 'paragraph'),
    ('WRD02', '认真地做好', 'paragraph'),
    ('WRD03', '上年度人均消费支出', 'paragraph'),
    ('WRD04', '常常深入社区', 'paragraph'),
    ('WRD04', '实实在在办好事', 'paragraph'),
    ('WRD04', '不了了之', 'paragraph'),
    ('WRD04', '研究研究', 'paragraph'),
    ('WRD04', '人人参与', 'paragraph'),
    ('WRD06', '新建社区养老服务站5个', 'paragraph'),
]


@pytest.mark.parametrize("code, text, role, expected, safe, unsafe", CASES)
def test_wording_rule_fires_and_fixes(code, text, role, expected, safe, unsafe):
    assert_fires_and_fixes(code, text, role, expected, safe, unsafe)


@pytest.mark.parametrize("code, text, role", NEAR_MISSES)
def test_wording_rule_stays_quiet_on_near_misses(code, text, role):
    assert_quiet(code, text, role)
