"""Lint settings as ruff users expect them: a ``[tool.workplan.lint]`` table in a
``pyproject.toml``, or a ``workplan.toml`` (its ``[lint]`` or ``[tool.workplan.lint]``
table), the nearest found from the linted file's folder upward; options on the command line
come on top (``--select`` replaces the file's select, ``--ignore`` and ``--extend-select``
add to it).

Keys: ``select``, ``ignore``, ``extend-select`` (lists of codes or prefixes) and
``confusables`` (word lists for WRD01, paths relative to the configuration file).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from generator.core.location import ToolError

KEYS = ("select", "ignore", "extend-select", "confusables")


class Settings(NamedTuple):
    """Settings from one configuration file (``origin``; empty: none found)."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    confusables: tuple[str, ...] = ()
    origin: str = ""


def settings_for(path: Path) -> Settings:
    """Return the settings that apply to the file at ``path``.

    Raises ToolError when a configuration file cannot be read or holds an unknown key or a
    value of the wrong type."""
    return _settings_in(path.resolve().parent)


@lru_cache(maxsize=256)
def _settings_in(folder: Path) -> Settings:
    for candidate in (folder / "workplan.toml", folder / "pyproject.toml"):
        if candidate.is_file():
            table = _table(candidate)
            if table is not None:
                return _settings(table, candidate)
    if folder.parent == folder:
        return Settings()
    return _settings_in(folder.parent)


def _table(path: Path) -> dict | None:
    """Return the lint table of a configuration file (None when it has none)."""
    import tomllib
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ToolError(f"{path}: 无法读取配置文件：{exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ToolError(f"{path}: 配置文件不是有效的 TOML：{exc}") from None
    table = data.get("tool", {}).get("workplan", {}).get("lint")
    if table is None and path.name == "workplan.toml":
        table = data.get("lint", {})
    return table


def _settings(table: dict, origin: Path) -> Settings:
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ToolError(f"{origin}: [tool.workplan.lint] 中有未知的键“{unknown[0]}”（可用：{'、'.join(KEYS)}）")
    values = {}
    for key in KEYS:
        value = table.get(key)
        if value is not None and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
            raise ToolError(f"{origin}: {key} 应为文本列表，如 {key} = [\"PUN\", \"NUM01\"]")
        values[key] = tuple(value) if value is not None else None
    words = tuple(str((origin.parent / name).resolve()) for name in values["confusables"] or ())
    return Settings(values["select"], values["ignore"] or (), values["extend-select"] or (),
                    words, str(origin))
