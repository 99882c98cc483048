"""Number and date rules (NUM): each fires with its exact message and fix on a
fictional line, and stays quiet on the near misses (the right form, and look-alikes)."""
import pytest
from lint_helpers import assert_fires_and_fixes, assert_quiet

# (code, text, role, exact findings, text after safe fixes, text after safe and unsafe fixes)
CASES = [
    ('NUM01', '２０２１年', 'paragraph', ['t.txt:1:1: NUM01 全角数字“２０２１”应为半角：“２０２１年”'], '2021年', '2021年'),
    ('NUM02', '2021年03月05日', 'paragraph', ['t.txt:1:6: NUM02 月、日不补“0”：“021年03月05日”', 't.txt:1:9: NUM02 月、日不补“0”：“年03月05日”'], '2021年3月5日', '2021年3月5日'),
    ('NUM03', '3月5号前报送', 'paragraph', ['t.txt:1:3: NUM03 日期应写“日”，不写“号”：“3月5号前报送”'], '3月5日前报送', '3月5日前报送'),
    ('NUM04', '力争21年底前完成', 'paragraph', ['t.txt:1:3: NUM04 年份“21年”应写全四位：“力争21年底前完成”'], '力争21年底前完成', '力争2021年底前完成'),
    ('NUM05', '增长20～30%', 'paragraph', ['t.txt:1:3: NUM05 范围的前一个数也要写“%”：“增长20～30%”'], '增长20%～30%', '增长20%～30%'),
    ('NUM05', '投入3～5亿元', 'paragraph', ['t.txt:1:3: NUM05 范围的前一个数也要写“亿”：“投入3～5亿元”'], '投入3亿～5亿元', '投入3亿～5亿元'),
    ('NUM06', '增长.5个百分点', 'paragraph', ['t.txt:1:3: NUM06 小数点前应写“0”：“增长.5个百分点”'], '增长0.5个百分点', '增长0.5个百分点'),
    ('NUM07', '二零二一年', 'paragraph', ['t.txt:1:1: NUM07 年份中的零应写“〇”：“二零二一年”'], '二〇二一年', '二〇二一年'),
    ('NUM07', '2O21年', 'paragraph', ['t.txt:1:1: NUM07 年份中的字母“O”应为数字“0”：“2O21年”'], '2021年', '2021年'),
    ('NUM08', '二〇二一年3月', 'paragraph', ['t.txt:1:1: NUM08 同一日期混用汉字数字和阿拉伯数字：“二〇二一年3月”'], '二〇二一年3月', '二〇二一年3月'),
    ('NUM09', '约5000万元左右', 'paragraph', ['t.txt:1:1: NUM09 “约”与“左右”不同用：“约5000万元左右”'], '约5000万元左右', '约5000万元'),
]

# (code, text, role): the rule must not fire.
NEAR_MISSES = [
    ('NUM01', '2021年', 'paragraph'),
    ('NUM02', '日期2021-03-05', 'paragraph'),
    ('NUM02', '2021年10月20日', 'paragraph'),
    ('NUM03', '示民发〔2021〕5号文', 'paragraph'),
    ('NUM03', '3月5日', 'paragraph'),
    ('NUM04', '用3年时间', 'paragraph'),
    ('NUM04', '2021年底', 'paragraph'),
    ('NUM05', '增长20%～30%', 'paragraph'),
    ('NUM05', '3亿～5亿元', 'paragraph'),
    ('NUM06', '增长3.5个百分点', 'paragraph'),
    ('NUM07', '二〇二一年', 'paragraph'),
    ('NUM07', '2021年', 'paragraph'),
    ('NUM08', '2021年3月', 'paragraph'),
    ('NUM08', '2021年一季度', 'paragraph'),
    ('NUM09', '约5000万元', 'paragraph'),
    ('NUM09', '5000万元左右', 'paragraph'),
]


@pytest.mark.parametrize("code, text, role, expected, safe, unsafe", CASES)
def test_numbers_rule_fires_and_fixes(code, text, role, expected, safe, unsafe):
    assert_fires_and_fixes(code, text, role, expected, safe, unsafe)


@pytest.mark.parametrize("code, text, role", NEAR_MISSES)
def test_numbers_rule_stays_quiet_on_near_misses(code, text, role):
    assert_quiet(code, text, role)
