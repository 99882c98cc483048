"""Property-based: for any two plans, the diff accounts for every task, and accepting every
tracked change in the redline gives exactly the new plan's DOCX text."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.document.build import build_document
from generator.diff.match import diff_plans, plan_tasks
from generator.plan.model import Plan, Section, Target, Task
from generator.style.sheet import load_style
from generator.writers.docx.writer import write_docx
from generator.writers.docx.redline import write_redline
from helpers import resolved

# A small vocabulary, so that random plans share tasks, sections and targets.
words = st.sampled_from(["推进", "落实", "完善", "社会救助", "养老服务", "基层治理", "制度", "2021年"])
text = st.lists(words, min_size=1, max_size=4).map("".join)
target = st.builds(Target, st.sampled_from(["覆盖率", "办结时限", "新建站点"]),
                   st.one_of(st.none(), st.integers(0, 9)), st.just("个"))
task = st.builds(Task, text.map(lambda s: s + "。"), text, targets=st.lists(target, max_size=2))
section = st.builds(Section, st.sampled_from(["甲部分", "乙部分", "丙部分"]), st.just([]),
                    st.lists(task, max_size=4))
plan = st.builds(Plan, text, st.integers(2020, 2030), st.lists(section, min_size=1, max_size=3),
                 preamble=st.lists(text, max_size=2))




@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan, plan)
def test_redline_accepted_is_the_new_plan(old, new):
    diff = diff_plans(old, new)
    before, after = len(plan_tasks(old)), len(plan_tasks(new))
    assert len(diff.matches) + len(diff.dropped) == before
    assert len(diff.matches) + len(diff.added) == after
    data = write_redline(old, new, diff)
    assert resolved(data, True) == resolved(write_docx(build_document(new), load_style(None)), True)
