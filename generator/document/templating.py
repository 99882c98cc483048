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
    from jinja2.sandbox import SandboxedEnvironment


def nest_title_marks(text: str) -> str:
    """Return a title for use inside 《》: its own 《》 become 〈〉 (GB/T 15834 nesting)."""
    return str(text).replace("《", "〈").replace("》", "〉")


@lru_cache(maxsize=8)
def make_environment(user_dir: str | None = None) -> SandboxedEnvironment:
    """Return a sandboxed environment loading templates first from ``user_dir`` (if given),
    then from the bundled ``templates/`` folder."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment
    dirs = [str(Path(user_dir))] if user_dir else []
    dirs.append(str(data_dir("templates")))
    env = SandboxedEnvironment(loader=jinja2.FileSystemLoader(dirs), autoescape=False,
                               keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                               undefined=jinja2.StrictUndefined)
    env.filters["cn_date"] = format_date
    env.filters["chinese"] = chinese_numeral
    env.filters["nested"] = nest_title_marks
    return env


def render_template(env: SandboxedEnvironment, name: str, **context) -> str:
    """Render a template by name; return its text.

    Raises ToolError naming the template when it is missing or fails.
    """
    import jinja2
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateNotFound:
        raise ToolError(f"找不到模板 {name}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise ToolError(f"{exc.filename or name}:{exc.lineno}: 模板语法错误：{exc.message}") from None
    except (jinja2.TemplateError, ValueError, TypeError) as exc:
        raise ToolError(f"{name}: 模板渲染失败：{exc}") from None


class LazyEnvironment:
    """Stands for ``make_environment(user_dir)`` and makes it on first use: a plan with no
    notice and no placeholders renders without Jinja, whose import costs about 25 ms."""

    def __init__(self, user_dir: str | None = None):
        self._user_dir = user_dir

    def __getattr__(self, name: str):
        return getattr(make_environment(self._user_dir), name)
