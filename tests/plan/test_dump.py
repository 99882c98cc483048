"""dump_plan writes YAML that load_plan reads back to the same plan, whatever the text;
figures of the targets table split into value and unit."""
import pytest
from hypothesis import example, given, settings, strategies as st

from generator.importer.parts import parse_figure
from generator.plan.load import parse_plan
from generator.plan.titles import split_title
from generator.plan.dump import dump_plan, wrap

# Chinese, full-width punctuation, ASCII letters, digits and YAML's special characters;
# no white space (the plan loader drops white space between Chinese characters).
CHARS = list("示例民政工作要点兜底线，。；、：“”（）《》") + list("ab1%#:-'\"{}[]&*!|>?@`")
TEXT = st.text(alphabet=st.sampled_from(CHARS), min_size=1, max_size=120).filter(
    lambda text: "{{" not in text and "{%" not in text)     # placeholders: see test_import_text


@settings(max_examples=150, deadline=None)
@given(TEXT, TEXT, st.lists(TEXT, max_size=3))
@example("1", "1", ["a:1"])          # key:value text: quoted, not read as a missing space (E011)
def test_any_text_survives_dump_and_load(title, body, items):
    data = {"title": "示例" + title, "year": 2024,
            "sections": [{"title": "甲", "tasks": [{"title": title, "body": body, "items": items}]}]}
    plan, _ = parse_plan(dump_plan(data, "x.txt"), "plan.yaml")
    task = plan.sections[0].tasks[0]
    # a | or ｜ in the plan title marks a line break (generator.plan.titles): read as such
    assert (plan.title, task.title, task.body, task.items) == (
        split_title("示例" + title)[0], title, body, items)


@given(TEXT)
def test_wrap_cuts_only_between_characters(text):
    assert "".join(wrap(text, 10)) == text


def test_long_text_is_folded_at_punctuation():
    body = "推进社区减负增效，清理规范社区工作事项和证明材料，建立社区工作准入清单，把更多时间用在服务居民上。"
    text = dump_plan({"title": "示例区2024年工作要点", "year": 2024,
                      "sections": [{"title": "甲", "tasks": [{"title": "做好甲项工作。", "body": body}]}]})
    assert ("        body: >-\n"
            "          推进社区减负增效，清理规范社区工作事项和证明材料，建立社区工作准入清单，\n"
            "          把更多时间用在服务居民上。\n") in text



@pytest.mark.parametrize("text, expected", [
    ("820元/月", (820, "元/月")), ("98.7%", (98.7, "%")), ("七十二学时", ("七十二", "学时")),
    ("五个", ("五", "个")), ("一流水平", ("一流水平", "")), ("三农", ("三农", "")), ("", (None, "")),
])
def test_parse_figure(text, expected):
    assert parse_figure(text) == expected
