"""Jinja in its sandbox: the wording and arrangement users may change without Python."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator.core.dates import format_date
from generator.core.location import ToolError
from generator.core.numerals import chinese_numeral
from generator.core.resources import data_dir

if TYPE_CHECKING:
    from generator.document.sandbox import BoundedEnvironment as SandboxedEnvironment


def nest_title_marks(text: str) -> str:
    """Return a title for use inside 《》: its own 《》 become 〈〉 (GB/T 15834 nesting)."""
    return str(text).replace("《", "〈").replace("》", "〉")


@lru_cache(maxsize=8)
def make_environment(user_dir: str | None = None) -> SandboxedEnvironment:
    """Return a sandboxed environment loading templates first from ``user_dir`` (if given),
    then from the bundled ``templates/`` folder."""
    import jinja2
    from generator.document.sandbox import BoundedEnvironment
    dirs = [str(Path(user_dir))] if user_dir else []
    dirs.append(str(data_dir("templates")))
    env = BoundedEnvironment(loader=jinja2.FileSystemLoader(dirs), autoescape=False,
                               keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                               undefined=jinja2.StrictUndefined)
    env.filters["cn_date"] = format_date
    env.filters["chinese"] = chinese_numeral
    env.filters["nested"] = nest_title_marks
    return env


def render_template(env: SandboxedEnvironment, name: str, **context) -> str:
    """Render a template by name within the sandbox's limits; return its text.

    Raises ToolError naming the template when it is missing or fails (see run_template).
    """
    return run_template(env, name, lambda template: template.render(**context))


def run_template(env: SandboxedEnvironment, name: str, use):
    """Return ``use(template)`` for the template ``name``, run within the sandbox's limits.

    Raises ToolError when the template is missing, has a syntax error, or fails in any way
    while it runs (an error of Python's such as ZeroDivisionError or RecursionError, a
    sandbox limit, memory exhausted): ``file:line: 模板渲染失败：reason``, the line being the
    template's own line where it failed.
    """
    import jinja2
    try:
        with env.running():
            return use(env.get_template(name))
    except jinja2.TemplateNotFound:
        raise ToolError(f"找不到模板 {name}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise ToolError(f"{exc.filename or name}:{exc.lineno}: 模板语法错误：{exc.message}") from None
    except Exception as exc:  # a user's template can raise anything (RecursionError, MemoryError …)
        raise ToolError(f"{template_place(exc, name)}: 模板渲染失败：{failure_text(exc)}") from None


def template_place(exc: BaseException, name: str) -> str:
    """Return ``file:line`` of the innermost template frame in the traceback of ``exc``
    (Jinja rewrites it to show template lines), else ``name``."""
    place, tb, seen = name, exc.__traceback__, 0
    while tb is not None and seen < 10_000:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.endswith(".py") and not filename.startswith("<"):
            place = f"{filename}:{tb.tb_lineno}"
        tb, seen = tb.tb_next, seen + 1
    return place


_FAILURES = {ZeroDivisionError: "除以零", RecursionError: "递归过深（宏调用自身，或模板包含自身？）",
             MemoryError: "内存不足（生成的文字过多？）"}


def failure_text(exc: BaseException) -> str:
    """Return why a template failed, in Chinese first."""
    for kind, text in _FAILURES.items():
        if isinstance(exc, kind):
            return f"{text}（{type(exc).__name__}）"
    if type(exc).__name__ == "TemplateLimit":
        return str(exc)
    return f"{type(exc).__name__}：{exc}"


class LazyEnvironment:
    """Stands for ``make_environment(user_dir)`` and makes it on first use: a plan with no
    notice and no placeholders renders without Jinja, whose import costs about 25 ms."""

    def __init__(self, user_dir: str | None = None):
        self._user_dir = user_dir

    def __getattr__(self, name: str):
        return getattr(make_environment(self._user_dir), name)
