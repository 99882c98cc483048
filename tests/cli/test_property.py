"""Property-based: random valid plans render; random mutations render or fail with exit 1."""
import datetime as dt

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.cli import main

HAN = "民政工作要点社会救助养老服务基层治理提升完善推进落实加强健全保障一二三四五年月"
text = st.text(alphabet=HAN + "，、“”《》0123456789", min_size=1, max_size=30).map(str.strip).filter(bool)
sentence = text.map(lambda s: s + "。")
day = st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)).map(dt.date.isoformat)
names = st.lists(text, min_size=1, max_size=3)

target = st.fixed_dictionaries(
    {"name": text},
    optional={"value": st.integers(0, 10_000), "baseline": st.integers(0, 10_000),
              "deadline": day, "owners": names}).map(lambda t: {**t, "unit": "个"} if "value" in t else t)
task = st.fixed_dictionaries(
    {"title": sentence},
    optional={"body": sentence, "items": st.lists(sentence, max_size=3), "owners": names,
              "deadline": day, "targets": st.lists(target, max_size=2)})
section = st.fixed_dictionaries(
    {"title": text}, optional={"intro": st.lists(sentence, max_size=2),
                               "tasks": st.lists(task, max_size=5)})
notice = st.fixed_dictionaries(
    {"issuer_mark": text.map(lambda s: s + "文件"), "signature": text, "date": day},
    optional={"doc_number": st.builds(lambda c, y, n: {"code": c, "year": y, "seq": n},
                                      st.text(alphabet=HAN, min_size=1, max_size=6),
                                      st.integers(2000, 2099), st.integers(1, 999)),
              "recipients": text.map(lambda s: s + "："), "seal": st.booleans(),
              "attachments": st.lists(text, max_size=2), "note": text,
              "imprint": st.fixed_dictionaries({"printer": text, "date": day}, optional={"cc": names})})
plan = st.fixed_dictionaries(
    {"title": text, "year": st.integers(2000, 2099), "sections": st.lists(section, min_size=1, max_size=4)},
    optional={"preamble": st.lists(sentence, max_size=2), "notice": notice,
              "numbering": st.fixed_dictionaries({}, optional={
                  "scope": st.sampled_from(["continuous", "section"]),
                  "label": st.sampled_from(["1.", "（一）"]),
                  "items": st.sampled_from(["（1）", "一是"])})})

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def render(tmp_path, source: str):
    path = tmp_path / "plan.yaml"
    path.write_text(source, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(tmp_path / "out.txt")])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.output
    return result


@SETTINGS
@given(plan)
def test_random_valid_plans_render(tmp_path, data):
    result = render(tmp_path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert result.exit_code == 0, result.output
    out = (tmp_path / "out.txt").read_text(encoding="utf-8")
    for index, sec in enumerate(data["sections"]):
        assert sec["title"] in out


def _mutate(data, draw):
    """Return a copy of the data with one random change deep inside."""
    junk = draw(st.one_of(st.none(), st.integers(), st.booleans(), st.text(max_size=5),
                          st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3),
                                                                               st.integers(), max_size=2)))
    node = data
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            return data
        key = draw(st.sampled_from(keys))
        child = node[key]
        if isinstance(child, (dict, list)) and child and draw(st.booleans()):
            node = child
            continue
        action = draw(st.sampled_from(["replace", "delete", "unknown"]))
        if action == "replace":
            node[key] = junk
        elif action == "delete":
            del node[key]
        elif isinstance(node, dict):
            node[draw(st.text(min_size=1, max_size=6))] = junk
        return data


@SETTINGS
@given(plan, st.data())
def test_mutated_plans_render_or_fail_cleanly(tmp_path, data, draw):
    mutated = _mutate(data, draw.draw)
    source = yaml.safe_dump(mutated, allow_unicode=True, sort_keys=False)
    cut = draw.draw(st.integers(0, len(source)))
    if draw.draw(st.booleans()):
        source = source[:cut] + draw.draw(st.sampled_from(["", ":", "- ", "{", "\t", "&a", "*b", "!!x "])) + source[cut:]
    result = render(tmp_path, source)
    assert result.exit_code in (0, 1), result.output
    event(f"exit {result.exit_code}")
    if result.exit_code == 1:
        assert result.stderr.strip(), "exit 1 must name the problems"
