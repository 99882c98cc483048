"""Property-based: rollover edits any valid plan text, whatever YAML style it is written in,
and the result reads back with the year moved, targets carried over and flags listed."""
import datetime as dt

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.plan.checks import parse_field_path
from generator.plan.load import parse_plan
from generator.rollover.roll import roll_over
from generator.source.sourcemap import parse_yaml

HAN = "民政工作要点社会救助养老服务基层治理提升完善推进落实加强健全保障"
text = st.text(alphabet=HAN + "，、“” 0123456789", min_size=1, max_size=40).map(str.strip).filter(bool)
number = st.one_of(st.integers(0, 10_000), st.floats(0, 1000, allow_nan=False).map(
    lambda f: round(f, 1)), st.sampled_from(["约 90", "3", "全覆盖"]))


def plans(year: int):
    day = st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31)).flatmap(
        lambda d: st.sampled_from([d.isoformat(), f"{d.year}年{d.month}月{d.day}日"]))
    target = st.fixed_dictionaries(
        {"name": text, "unit": st.sampled_from(["个", "%", "元/月"])},
        optional={"value": number, "baseline": number, "deadline": day})
    task = st.fixed_dictionaries(
        {"title": text.map(lambda s: s + "。")},
        optional={"body": text.map(lambda s: f"{year}年{s}。"), "deadline": day,
                  "targets": st.lists(target, max_size=3)})
    number_form = st.one_of(
        st.builds(lambda n: {"code": "示民发", "year": year, "seq": n}, st.integers(1, 99)),
        st.builds(lambda n: f"示民发〔{year}〕{n}号", st.integers(1, 99)))
    notice = st.fixed_dictionaries(
        {"issuer_mark": st.just("示例区民政局文件"), "signature": st.just("示例区民政局"),
         "date": day},
        optional={"doc_number": number_form, "title": text.map(lambda s: f"关于{year}年{s}的通知"),
                  "imprint": st.fixed_dictionaries({"printer": text, "date": day})})
    return st.fixed_dictionaries(
        {"title": text.map(lambda s: f"示例区{year}年{s}"), "year": st.just(year),
         "sections": st.lists(st.fixed_dictionaries({"title": text, "tasks": st.lists(task, max_size=3)}),
                              min_size=1, max_size=3)},
        optional={"notice": notice, "preamble": text.map(lambda s: f"{year}年是“十四五”规划开局之年，{s}"),
                  "review": st.lists(st.just("title: 旧的待复核项"), max_size=1)})


styles = st.fixed_dictionaries({"default_flow_style": st.sampled_from([False, None, True]),
                                "width": st.sampled_from([20, 80, 1000]),
                                "indent": st.sampled_from([2, 4])})


def targets(data: dict):
    for section in data["sections"]:
        for task in section.get("tasks") or []:
            yield from task.get("targets") or []


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(2000, 2090).flatmap(plans), styles)
def test_rollover_reads_back_in_any_style(data, style):
    source = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, **style)
    result = roll_over(source, "plan.yaml")
    new, smap = parse_yaml(result.text, "new.yaml")
    assert new["year"] == data["year"] + 1
    assert str(data["year"] + 1) in new["title"]
    for before, after in zip(targets(data), targets(new)):
        if before.get("value") not in (None, ""):
            assert (after["value"], after["baseline"]) == (None, before["value"])
    assert new.get("review", [])[:len(data.get("review", []))] == data.get("review", [])
    for entry in new.get("review", []):
        assert parse_field_path(entry.partition(":")[0]) in smap.values
    plan, warnings = parse_plan(result.text)
    # W205: generated names may repeat; W207: generated titles may end with punctuation
    assert {w.code for w in warnings} <= {"W301", "W205", "W207"}
