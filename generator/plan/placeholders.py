"""Checks of {{ … }} placeholders in plan text (E205, E206, E208, W204).

A placeholder is a variable only: {{ year }}, {{ period }}, {{ targets['名称'] }}. No
statements (but {% raw %}…{% endraw %} to keep braces as written), calls, attributes or arithmetic, so what validates always renders, quickly and
safely; each problem is reported at the text's place in the file.
"""
from __future__ import annotations

import re
from typing import Iterator

from generator.plan.schema import iter_targets
from generator.core.location import Finding, format_path
from generator.core.codes import finding
from generator.source.sourcemap import SourceMap

TEXT_VARIABLES = ("year", "last_year", "next_year", "period", "phase", "targets")
_STATEMENT = re.compile(r"\{%-?(?!\s*(?:end)?raw\s*-?%\})")
_RAW_BLOCK = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)
_FORM = "占位符只能是变量，如 {{ year }}、{{ period }}、{{ targets['名称'] }}"


def marked_strings(value, parts: tuple = (), out: list | None = None) -> list[tuple[tuple, str]]:
    """Return the (field path, text) of every string in ``value`` that holds {{ or {%."""
    out = [] if out is None else out
    if isinstance(value, str):
        if "{{" in value or "{%" in value:
            out.append((parts, value))
    elif isinstance(value, dict):
        for key, child in value.items():
            marked_strings(child, parts + (key,), out)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            marked_strings(child, parts + (index,), out)
    return out


def _uses(text: str) -> tuple[set[str], list[str]]:
    """Return (variable names, target names) a placeholder text uses.

    Raises ValueError (Chinese message) for anything but plain variables.
    """
    import jinja2
    from jinja2 import nodes
    if _STATEMENT.search(_RAW_BLOCK.sub("", text)):
        raise ValueError(f"文本中只能用 {{% raw %}}…{{% endraw %}} 原样保留花括号，不能用其他语句；{_FORM}")
    try:
        tree = jinja2.Environment().parse(text)
    except jinja2.TemplateSyntaxError as exc:
        raise ValueError(f"占位符语法错误：{exc.message}") from None
    names, targets = set(), []
    for output in tree.body:
        for node in output.nodes:
            if isinstance(node, nodes.TemplateData):
                continue
            if isinstance(node, nodes.Name):
                names.add(node.name)
            elif (isinstance(node, nodes.Getitem) and isinstance(node.node, nodes.Name)
                  and node.node.name == "targets" and isinstance(node.arg, nodes.Const)):
                names.add("targets")
                targets.append(str(node.arg.value))
            else:
                raise ValueError(_FORM)
    return names, targets


def _target_values(data: dict) -> dict[str, object]:
    return {target.get("name"): target.get("value") for _, target in iter_targets(data)}


def check_placeholders(data: dict, smap: SourceMap) -> Iterator[Finding]:
    """E205 form, E206 unknown variable, E208 unknown target, W204 target without a value.

    ``smap`` is the source map of the text ``data`` was parsed from: when it shows that no
    text can hold {{ or {% (the common case), the data is not walked at all."""
    if not (smap.may_contain("{{") or smap.may_contain("{%")):
        return
    values = None
    for parts, text in marked_strings(data):
        where, field = smap.locate(parts), format_path(parts)
        try:
            names, targets = _uses(text)
        except ValueError as exc:
            yield finding("E205", where, str(exc), field)
            continue
        for name in sorted(names - set(TEXT_VARIABLES)):
            known = "、".join(TEXT_VARIABLES)
            yield finding("E206", where, f"未知的占位符变量“{name}”（可用：{known}）", field)
        values = _target_values(data) if values is None else values
        for name in targets:
            if name not in values:
                yield finding("E208", where, f"占位符引用的指标“{name}”不存在", field)
            elif values[name] in (None, ""):
                yield finding("W204", where, f"占位符引用的指标“{name}”尚无目标值，将印为空", field)
