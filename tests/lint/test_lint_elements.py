"""Document element rules (ELE, GB/T 9704-2012): each fires with its exact message and fix on a
fictional line, and stays quiet on the near misses (the right form, and look-alikes)."""
import pytest
from lint_helpers import assert_fires_and_fixes, assert_quiet

# (code, text, role, exact findings, text after safe fixes, text after safe and unsafe fixes)
CASES = [
    ('ELE01', '示民发[2021]第012号', 'doc_number', ['t.txt:1:1: ELE01 发文字号应写作“示民发〔2021〕12号”：“示民发[2021]第012号”'], '示民发〔2021〕12号', '示民发〔2021〕12号'),
    ('ELE02', '二〇二一年三月五日', 'date', ['t.txt:1:1: ELE02 成文日期应写作“2021年3月5日”：“二〇二一年三月五日”'], '2021年3月5日', '2021年3月5日'),
    ('ELE03', '各街道办事处，局机关各科室，', 'recipients', ['t.txt:1:14: ELE03 主送机关末尾应为“：”，不是“，”：“关各科室，”'], '各街道办事处，局机关各科室：', '各街道办事处，局机关各科室：'),
    ('ELE03', '各街道办事处', 'recipients', ['t.txt:1:6: ELE03 主送机关末尾缺少“：”：“街道办事处”'], '各街道办事处：', '各街道办事处：'),
    ('ELE04', '附件：1、示例区重点任务分工表。', 'attachments', ['t.txt:1:5: ELE04 附件序号后应为“.”，不是“、”：“附件：1、示例区重”', 't.txt:1:16: ELE04 附件名称后不加标点：“务分工表。”'], '附件：1.示例区重点任务分工表', '附件：1.示例区重点任务分工表'),
    ('ELE05', '抄送：区委办公室、区政府办公室', 'imprint', ['t.txt:1:9: ELE05 抄送机关之间用逗号：“委办公室、区政府办”', 't.txt:1:16: ELE05 抄送机关最后应标句号：“府办公室”'], '抄送：区委办公室，区政府办公室。', '抄送：区委办公室，区政府办公室。'),
    ('ELE05', '区委办公室。', 'cc', ['t.txt:1:6: ELE05 抄送机关名称后不加标点：“委办公室。”'], '区委办公室', '区委办公室'),
    ('ELE06', '示例区民政局办公室 2021年3月6日', 'imprint', ['t.txt:1:19: ELE06 印发日期后缺少“印发”：“年3月6日”'], '示例区民政局办公室 2021年3月6日印发', '示例区民政局办公室 2021年3月6日印发'),
    ('ELE07', '关于印发示例区2021年民政工作要点的通知', 'title', ['t.txt:1:5: ELE07 被印发的文件名应加书名号：“关于印发示例区2021年民政工作要点的通知”'], '关于印发示例区2021年民政工作要点的通知', '关于印发《示例区2021年民政工作要点》的通知'),
]

# (code, text, role): the rule must not fire.
NEAR_MISSES = [
    ('ELE01', '示民发〔2021〕12号', 'doc_number'),
    ('ELE01', '（2021年）', 'doc_number'),
    ('ELE02', '2021年3月5日', 'date'),
    ('ELE03', '各街道办事处：', 'recipients'),
    ('ELE04', '附件：1.示例区重点任务分工表', 'attachments'),
    ('ELE05', '抄送：区委办公室，区政府办公室。', 'imprint'),
    ('ELE06', '示例区民政局办公室 2021年3月6日印发', 'imprint'),
    ('ELE07', '关于印发《示例区2021年民政工作要点》的通知', 'title'),
]


@pytest.mark.parametrize("code, text, role, expected, safe, unsafe", CASES)
def test_elements_rule_fires_and_fixes(code, text, role, expected, safe, unsafe):
    assert_fires_and_fixes(code, text, role, expected, safe, unsafe)


@pytest.mark.parametrize("code, text, role", NEAR_MISSES)
def test_elements_rule_stays_quiet_on_near_misses(code, text, role):
    assert_quiet(code, text, role)
