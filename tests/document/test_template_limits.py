"""User templates (``--templates``) that fail, recurse, or would run without end in time or
memory stop with one located line ``file:line: 模板渲染失败：…`` and exit 2 (issue 14,
point 12; the shapes of ../shared/cases/reliability/tpl_*). Each template is written here."""
import pytest

from generator.document import sandbox
from generator.document.templating import make_environment, render_template
from generator.plan.load import parse_plan
from helpers import SMALL, invoke


def _render(tmp_path, template: str, name: str = "notice/title.j2", text: str = SMALL):
    folder = tmp_path / "tpl"
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(template, encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    result = invoke("render", plan, "--templates", folder, "-o", tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()
    return result, folder / name


@pytest.mark.parametrize("template, line, reason", [
    ("{{ 1 // 0 }}", 1, "除以零（ZeroDivisionError）"),
    ('{% macro f() %}{{ f() }}{% endmacro %}\n{{ f() }}', 1,
     "递归过深（宏调用自身，或模板包含自身？）（RecursionError）"),
    ('甲\n{% include "notice/title.j2" %}', 2, "递归过深（宏调用自身，或模板包含自身？）（RecursionError）"),
    ("{% for i in range(10**9) %}x{% endfor %}", 1, "range 过大（1000000000 项，沙箱上限 100000）"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", 1,
     "range 合计项数过多（上限 2000000，嵌套循环过多？）"),
    ("{{ 'x' * 2000000000 }}", 1, "结果过长（约 2000000000 个字符或项，上限 1000000）"),
    ("\n\n{{ [0] * 10 ** 8 }}", 3, "结果过长（约 100000000 个字符或项，上限 1000000）"),
    ("{{ 7 ** 2000000000 }}", 1, "结果过长（约 1690196080 个字符或项，上限 1000000）"),
    ('{{ "%2000000000d" % 1 }}', 1, "结果过长（约 2000000000 个字符或项，上限 1000000）"),
    ('{{ "%*d" % (2000000000, 1) }}', 1, "结果过长（约 2000000000 个字符或项，上限 1000000）"),
    ('{{ "{:>2000000000}".format(1) }}', 1, "结果过长（约 2000000000 个字符或项，上限 1000000）"),
    ("{{ 'x' | center(2000000000) }}", 1, "结果过长（约 2000000000 个字符或项，上限 1000000）"),
    ("{{ 'ab' | replace('', 'x' * 999999) }}", 1, "结果过长（约 2999999 个字符或项，上限 1000000）"),
    ("{% set ns = namespace(x='x') %}{% for i in range(40) %}{% set ns.x = ns.x + ns.x %}{% endfor %}",
     1, "结果过长（约 1048576 个字符或项，上限 1000000）"),
    ("{{ plan.title.nosuch() }}", 1, "UndefinedError：'str object' has no attribute 'nosuch'"),
    ("{% set x = none %}{{ x.__class__ }}", 1,
     "SecurityError：access to attribute '__class__' of 'NoneType' object is unsafe."),
])
def test_failing_template_gives_one_located_line(tmp_path, template, line, reason):
    result, path = _render(tmp_path, template)
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"错误：{path}:{line}: 模板渲染失败：{reason}"]


def test_ordinary_figures_and_formats_still_render(tmp_path):
    plan, _ = parse_plan(SMALL, "small.yaml")
    folder = tmp_path / "tpl" / "notice"
    folder.mkdir(parents=True)
    (folder / "title.j2").write_text(
        "{{ '%d元' | format(20000000) }} {{ '{:,}'.format(20000000) }} {{ 'ab' | replace('a', 'x') }} "
        "{{ '-' * 28 }} {{ 2 ** 10 }} {{ range(3) | list | length }}", encoding="utf-8")
    env = make_environment(str(tmp_path / "tpl"))
    assert render_template(env, "notice/title.j2", plan=plan) == \
        "20000000元 20,000,000 xb ---------------------------- 1024 3"


def test_time_limit_stops_a_long_render(tmp_path, monkeypatch):
    monkeypatch.setattr(sandbox, "TIME_LIMIT", 0.05)
    result, path = _render(tmp_path, "{% for i in range(100000) %}{% for j in range(5) %}"
                                     "{{ j }}{% endfor %}{% endfor %}")
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"错误：{path}:1: 模板渲染失败：运行超过 0.05 秒，已中止（循环过多？）"]


def test_memory_cap_turns_runaway_growth_into_an_error(tmp_path, monkeypatch):
    """``~`` joins text without a hook of the sandbox: the address-space cap stops it."""
    if not sandbox.memory_capped():
        pytest.skip("no address-space limit on this system")
    monkeypatch.setattr(sandbox, "MEMORY_LIMIT", 200 << 20)
    result, path = _render(tmp_path, "{% set ns = namespace(x='x') %}{% for i in range(40) %}"
                                     "{% set ns.x = ns.x ~ ns.x %}{% endfor %}{{ ns.x | length }}")
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"错误：{path}:1: 模板渲染失败：内存不足（生成的文字过多？）（MemoryError）"]


def test_failing_phrases_template_is_located(tmp_path):
    text = SMALL.replace("preamble: 总体要求。", "preamble: '{{ period }}总体要求。'")
    result, path = _render(tmp_path, "{% set period = 1 // 0 %}", "phrases.j2", text)
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"错误：{path}:1: 模板渲染失败：除以零（ZeroDivisionError）"]


def test_digits_outside_format_specs_are_text(tmp_path):
    plan, _ = parse_plan(SMALL, "small.yaml")
    folder = tmp_path / "tpl" / "notice"
    folder.mkdir(parents=True)
    (folder / "title.j2").write_text("{{ '编号20000000：%s' % 1 }} {{ '编号20000000：{}'.format(2) }}",
                                     encoding="utf-8")
    assert render_template(make_environment(str(tmp_path / "tpl")), "notice/title.j2", plan=plan) == \
        "编号20000000：1 编号20000000：2"
