"""Checks of units and who-does-what (E251–E253, W251–W253).

Like generator.plan.checks, each check takes (plan data, source map) and yields findings;
they run on the data as parsed, beside the schema, and stop quietly at a malformed shape.

- E251 an owner that is not a declared unit (with a did-you-mean), in a plan with ``units:``
- E252 a name or short name declared for two units
- E253 a task with ``owners`` and also ``lead``/``support``
- W251 the same unit written two ways (full and short name, or spellings that differ only
  in spaces and full-/half-width forms)
- W252 a deadline outside the plan year
- W253 a task without owners in a plan that declares units
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Iterator

from generator.core.codes import finding
from generator.core.dates import parse_date
from generator.core.location import Finding, format_path
from generator.source.sourcemap import SourceMap

_OWNER_FIELDS = ("lead", "owners", "support")


def _names(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _declared(data: dict) -> list[tuple[str, list[tuple[tuple, str]]]]:
    """Return (full name, [(field path, name) of the full and each short name]) of each
    declared unit."""
    out = []
    for i, unit in enumerate(data.get("units") or []):
        if isinstance(unit, str):
            out.append((unit.strip(), [(("units", i), unit.strip())]))
        elif isinstance(unit, dict) and isinstance(unit.get("name"), str):
            name = unit["name"].strip()
            out.append((name, [(("units", i, "name"), name),
                               *_field_names(("units", i, "short"), unit.get("short"))]))
    return out


def owner_names(data: dict) -> Iterator[tuple[tuple, str]]:
    """Yield (field path, name) of every unit a task or target names, in file order; the
    path points at the list item when the field is a list."""
    for si, section in enumerate(data.get("sections") or []):
        for ti, task in enumerate(section.get("tasks") or []):
            base = ("sections", si, "tasks", ti)
            for key in _OWNER_FIELDS:
                yield from _field_names(base + (key,), task.get(key))
            for gi, target in enumerate(task.get("targets") or []):
                yield from _field_names(base + ("targets", gi, "owners"), target.get("owners"))


def _field_names(parts: tuple, value) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield parts, value.strip()
    elif isinstance(value, list):
        for i, name in enumerate(value):
            if isinstance(name, str):
                yield parts + (i,), name.strip()


def _suggest(name: str, known: list[str]) -> str:
    """Return a declared name close to ``name`` (did you mean), or ""."""
    import difflib         # only when a name is unknown
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
    if close:
        return close[0]
    holders = [k for k in known if name in k or k in name]
    return holders[0] if len(holders) == 1 else ""


def check_declared_units(data: dict, smap: SourceMap) -> Iterator[Finding]:
    """E252: each full or short name belongs to one unit only."""
    seen: dict[str, tuple] = {}
    for _, aliases in _declared(data):
        for parts, alias in aliases:
            if alias in seen and seen[alias][:2] != parts[:2]:
                yield finding("E252", smap.locate(parts),
                              f"单位名称“{alias}”已在 {format_path(seen[alias])} 声明，同一名称不能指两个单位",
                              format_path(parts))
            seen.setdefault(alias, parts)


def check_owners(data: dict, smap: SourceMap) -> Iterator[Finding]:
    """E251: in a plan with ``units:``, every owner is a declared full or short name."""
    declared = _declared(data)
    if not declared:
        return
    known = [alias for _, aliases in declared for _, alias in aliases]
    names = set(known)
    for parts, name in owner_names(data):
        if name in names:
            continue
        close = _suggest(name, known)
        hint = f"，是否想写“{close}”？" if close else "（请在 units 中声明，或改用已声明的名称）"
        yield finding("E251", smap.locate(parts), f"“{name}”不是 units 中声明的单位{hint}",
                      format_path(parts))


@lru_cache(maxsize=4096)
def _spelling(name: str) -> str:
    """Return a name with spaces dropped and full-/half-width forms unified (NFKC)."""
    return "".join(unicodedata.normalize("NFKC", name).split())


def check_two_spellings(data: dict, smap: SourceMap) -> Iterator[Finding]:
    """W251: one unit is written the same way everywhere (not once by its full name and
    once by a short name, nor with different spaces or full-/half-width brackets)."""
    full = {alias: name for name, aliases in _declared(data) for _, alias in aliases}
    first: dict[str, tuple[tuple, str]] = {}
    for parts, name in owner_names(data):
        unit = full.get(name) if full else _spelling(name)
        if unit is None:
            continue                    # not declared: E251
        if unit not in first:
            first[unit] = (parts, name)
            continue
        where, written = first[unit]
        if written != name:
            yield finding("W251", smap.locate(parts),
                          f"“{name}”与 {format_path(where)} 的“{written}”是同一单位，请统一写法",
                          format_path(parts))


def check_deadlines(data: dict, smap: SourceMap) -> Iterator[Finding]:
    """W252: task and target deadlines fall in the plan year."""
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        return
    for si, section in enumerate(data.get("sections") or []):
        for ti, task in enumerate(section.get("tasks") or []):
            base = ("sections", si, "tasks", ti)
            fields = [(base + ("deadline",), task.get("deadline"))]
            fields += [(base + ("targets", gi, "deadline"), t.get("deadline"))
                       for gi, t in enumerate(task.get("targets") or [])]
            for parts, value in fields:
                yield from _outside_year(parts, value, year, smap)


def _outside_year(parts: tuple, value, year: int, smap: SourceMap) -> Iterator[Finding]:
    if not isinstance(value, str):
        return
    try:
        day = parse_date(value)
    except ValueError:
        return                          # E201 reports it
    if day.year != year:
        yield finding("W252", smap.locate(parts), f"完成时限 {value} 不在计划年度 {year} 年内",
                      format_path(parts))


def check_task_owners(data: dict, smap: SourceMap) -> Iterator[Finding]:
    """W253: in a plan that declares units, each task names who does it; E253: a task
    names its units either as ``owners`` or as ``lead``/``support``, not both."""
    declared = bool(data.get("units"))
    for si, section in enumerate(data.get("sections") or []):
        for ti, task in enumerate(section.get("tasks") or []):
            base = ("sections", si, "tasks", ti)
            explicit = [key for key in ("lead", "support") if task.get(key)]
            if task.get("owners") and explicit:
                yield finding("E253", smap.locate(base + (explicit[0],), key=True),
                              "owners 与 lead/support 只能用一种：owners 的第一个为牵头单位，"
                              "或用 lead 写牵头单位、support 写责任单位", format_path(base + (explicit[0],)))
            elif declared and not task.get("owners") and not explicit:
                yield finding("W253", smap.locate(base + ("title",)),
                              "任务没有写责任单位（owners，或 lead/support）", format_path(base))


UNIT_CHECKS = (check_declared_units, check_owners, check_two_spellings, check_deadlines,
               check_task_owners)
