"""Punctuation rules (PUN, GB/T 15834-2011): each fires with its exact message and fix on a
fictional line, and stays quiet on the near misses (the right form, and look-alikes)."""
import pytest
from lint_helpers import assert_fires_and_fixes, assert_quiet

# (code, text, role, exact findings, text after safe fixes, text after safe and unsafe fixes)
CASES = [
    ('PUN01', '加强管理,提高效率', 'paragraph', ['t.txt:1:5: PUN01 半角“,”应为全角“，”：“加强管理,提高效率”'], '加强管理，提高效率', '加强管理，提高效率'),
    ('PUN01', '国内生产总值(GDP)增长', 'paragraph', ['t.txt:1:7: PUN01 半角圆括号应为全角“（）”：“生产总值(GDP)增长”'], '国内生产总值（GDP）增长', '国内生产总值（GDP）增长'),
    ('PUN02', '完成全年目标. 下一步', 'paragraph', ['t.txt:1:7: PUN02 半角句点“.”应为句号“。”：“全年目标. 下一步”'], '完成全年目标。下一步', '完成全年目标。下一步'),
    ('PUN03', '养老、救助、殡葬...', 'paragraph', ['t.txt:1:9: PUN03 省略号“...”应为“……”：“助、殡葬...”'], '养老、救助、殡葬……', '养老、救助、殡葬……'),
    ('PUN04', '做好低保工作，，确保应保尽保。', 'paragraph', ['t.txt:1:7: PUN04 标点“，”重复：“低保工作，，确保应保”'], '做好低保工作，确保应保尽保。', '做好低保工作，确保应保尽保。'),
    ('PUN04', '确保，。', 'paragraph', ['t.txt:1:3: PUN04 点号“，。”叠用，只应留一个：“确保，。”'], '确保，。', '确保，。'),
    ('PUN05', '规划、建设、等工作', 'paragraph', ['t.txt:1:6: PUN05 “等”前不用顿号：“划、建设、等工作”'], '规划、建设等工作', '规划、建设等工作'),
    ('PUN06', '开展“民政为民行动', 'paragraph', ['t.txt:1:3: PUN06 ““”没有对应的“””：“开展“民政为民”'], '开展“民政为民行动', '开展“民政为民行动'),
    ('PUN07', '学习《民法典》、《社会救助暂行办法》', 'paragraph', ['t.txt:1:8: PUN07 书名号或引号之间一般不用顿号：“民法典》、《社会救”'], '学习《民法典》、《社会救助暂行办法》', '学习《民法典》《社会救助暂行办法》'),
    ('PUN08', '每年开展20-30场', 'paragraph', ['t.txt:1:7: PUN08 范围应用“～”，不用“-”：“开展20-30场”'], '每年开展20～30场', '每年开展20～30场'),
    ('PUN08', '2021-2025年', 'paragraph', ['t.txt:1:5: PUN08 范围应用“—”，不用“-”：“2021-2025”'], '2021—2025年', '2021—2025年'),
    ('PUN08', '1月1日-12月31日', 'paragraph', ['t.txt:1:5: PUN08 范围应用“—”，不用“-”：“1月1日-12月3”'], '1月1日—12月31日', '1月1日—12月31日'),
    ('PUN09', '一项任务--兜底保障', 'paragraph', ['t.txt:1:5: PUN09 “--”应为破折号“——”：“一项任务--兜底保障”'], '一项任务--兜底保障', '一项任务——兜底保障'),
    ('PUN10', '加强管理 ，提高效率', 'paragraph', ['t.txt:1:5: PUN10 中文标点前后不加空格：“加强管理 ，提高效”'], '加强管理，提高效率', '加强管理，提高效率'),
    ('PUN11', '践行"民政为民"理念', 'paragraph', ['t.txt:1:3: PUN11 直引号应为““””：“践行"民政为民"理念”'], '践行“民政为民”理念', '践行“民政为民”理念'),
    ('PUN12', '全区 2021 年工作', 'paragraph', ['t.txt:1:3: PUN12 汉字与汉字、数字之间不加空格：“全区 2021”', 't.txt:1:8: PUN12 汉字与汉字、数字之间不加空格：“2021 年工作”'], '全区2021年工作', '全区2021年工作'),
    ('PUN13', '按月足额发放保障金', 'paragraph', ['t.txt:1:9: PUN13 段落末尾缺少句末标点：“发放保障金”'], '按月足额发放保障金', '按月足额发放保障金。'),
]

# (code, text, role): the rule must not fire.
NEAR_MISSES = [
    ('PUN01', '访问https://www.example.gov.cn/a,b?x=1查看', 'paragraph'),
    ('PUN01', '上午9:30召开', 'paragraph'),
    ('PUN01', '通过ISO 9001:2015认证', 'paragraph'),
    ('PUN01', '他说“Made in China, by us”', 'paragraph'),
    ('PUN01', '共1,000人', 'paragraph'),
    ('PUN01', '(一)加强组织领导', 'paragraph'),
    ('PUN02', '增长3.5个百分点', 'paragraph'),
    ('PUN02', '见附件示例.docx', 'paragraph'),
    ('PUN02', '一.总体要求', 'paragraph'),
    ('PUN03', '养老、救助、殡葬……', 'paragraph'),
    ('PUN04', '确保……', 'paragraph'),
    ('PUN05', '开展星级、等级评定', 'paragraph'),
    ('PUN06', '开展“民政为民”行动（试点）', 'paragraph'),
    ('PUN07', '《民法典》（试行）、《办法》', 'paragraph'),
    ('PUN08', '2021—2025年', 'paragraph'),
    ('PUN08', '依据GB/T 9704-2012排版', 'paragraph'),
    ('PUN08', '电话0532-86661234', 'paragraph'),
    ('PUN08', '日期2021-03-05', 'paragraph'),
    ('PUN08', '增长20%～30%', 'paragraph'),
    ('PUN09', '兜底保障——重中之重', 'paragraph'),
    ('PUN10', '一、总体要求', 'paragraph'),
    ('PUN11', '他说"Hello, world"然后', 'paragraph'),
    ('PUN12', '通过ISO 9001认证', 'paragraph'),
    ('PUN12', '示例区民政局办公室  2021年3月6日印发', 'imprint'),
]


@pytest.mark.parametrize("code, text, role, expected, safe, unsafe", CASES)
def test_punctuation_rule_fires_and_fixes(code, text, role, expected, safe, unsafe):
    assert_fires_and_fixes(code, text, role, expected, safe, unsafe)


@pytest.mark.parametrize("code, text, role", NEAR_MISSES)
def test_punctuation_rule_stays_quiet_on_near_misses(code, text, role):
    assert_quiet(code, text, role)
