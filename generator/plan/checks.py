"""Checks beyond types: real dates, document numbers, year consistency, target units.

Each check is a small function taking (data, source map) and yielding findings. They run
beside the schema, so all problems show at once; a malformed shape ends a check quietly.
"""
from __future__ import annotations

import re
from typing import Iterator

from generator.core.dates import parse_date
from generator.core.numerals import is_amount
from generator.core.patterns import DOC_NUMBER, YEAR_IN_TEXT
from generator.plan.notice_checks import check_notice_marks
from generator.plan.placeholders import check_placeholders
from generator.plan.schema import iter_targets
from generator.core.location import Finding, ToolError, format_path
from generator.core.codes import finding
from generator.plan.unit_checks import UNIT_CHECKS
from generator.source.sourcemap import SourceMap



def date_fields(data: dict) -> Iterator[tuple[tuple, str]]:
    """Yield (field path, value) of every date field present: the notice's first, then each
    task's deadline followed by its targets' deadlines, in file order."""
    notice = data.get("notice") or {}
    if "date" in notice:
        yield ("notice", "date"), notice["date"]
    if "date" in (notice.get("imprint") or {}):
        yield ("notice", "imprint", "date"), notice["imprint"]["date"]
    for si, section in enumerate(data.get("sections") or []):
        for ti, task in enumerate(section.get("tasks") or []):
            if "deadline" in task:
                yield ("sections", si, "tasks", ti, "deadline"), task["deadline"]
            targets = task.get("targets")
            if targets:
                base = ("sections", si, "tasks", ti, "targets")
                for gi, target in enumerate(targets):
                    if "deadline" in target:
                        yield base + (gi, "deadline"), target["deadline"]


def check_dates(data: dict, smap: SourceMap) -> Iterator[Finding]:
    """E201: every date is a real calendar day in the form 2021-03-23 or 2021年3月23日."""
    for parts, value in date_fields(data):
        if not isinstance(value, str):
            continue  # the schema reports the wrong type
        try:
            parse_date(value)
        except ValueError:
            yield finding("E201", smap.locate(parts),
                          f"“{value}”不是有效日期（应写作 2021-03-23 或 2021年3月23日）", format_path(parts))


def check_doc_number(data: dict, smap: SourceMap) -> Iterator[Finding]:
    """E202/E203: 〔year〕 in six-cornered brackets, four digits, no 第, no leading zeros."""
    number = (data.get("notice") or {}).get("doc_number")
    parts = ("notice", "doc_number")
    if isinstance(number, dict):
        seq, code = number.get("seq"), str(number.get("code", ""))
        if isinstance(seq, bool) or not re.fullmatch(r"[1-9]\d*", str(seq)):
            yield finding("E203", smap.locate(parts + ("seq",)),
                          f"发文字号序号“{seq}”应为不带前导 0 的正整数（不编虚位）", format_path(parts + ("seq",)))
        if re.search(r"[〔〕\[\]［］()（）【】]|\d{4}|号$", code):
            yield finding("E202", smap.locate(parts + ("code",)),
                          f"发文机关代字“{code}”不应包含年份、括号或“号”", format_path(parts + ("code",)))
        return
    if not isinstance(number, str):
        return
    match = DOC_NUMBER.match(number.strip())
    where, field = smap.locate(parts), format_path(parts)
    if not match:
        yield finding("E202", where, f"发文字号“{number}”应写作 代字〔年份〕序号号，如 示民发〔2021〕12号", field)
        return
    if match["open"] != "〔" or match["close"] != "〕" or len(match["year"]) != 4:
        yield finding("E202", where, f"发文字号“{number}”的年份应为四位数字并用六角括号〔〕括入", field)
    if match["seq"].startswith("0") or match["di"]:
        yield finding("E203", where, f"发文字号“{number}”的序号不加“第”、不编虚位（不加前导 0）", field)


def check_copy_number(data: dict, smap: SourceMap) -> Iterator[Finding]:
    """E207: 份号 is six digits, written as text (000128)."""
    notice = data.get("notice") or {}
    if "copy_number" in notice and not re.fullmatch(r"\d{6}", str(notice["copy_number"])):
        yield finding("E207", smap.locate(("notice", "copy_number")),
                      f"份号“{notice['copy_number']}”应为 6 位数字，如 \"000128\"", "notice.copy_number")


def doc_number_year(number) -> int | None:
    """Return the year of a document number (mapping or string form), or None."""
    if isinstance(number, dict):
        return number.get("year")
    match = DOC_NUMBER.match(str(number).strip()) if number else None
    return int(match["year"]) if match and len(match["year"]) == 4 else None


def check_year(data: dict, smap: SourceMap) -> Iterator[Finding]:
    """W201-W203: the plan year agrees with the title, the document number and the dates."""
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        return
    for match in YEAR_IN_TEXT.finditer(data.get("title", "")):
        if int(match[1]) != year:
            yield finding("W201", smap.locate(("title",)),
                          f"标题中的年份 {match[1]} 与 year: {year} 不一致", "title")
    notice = data.get("notice") or {}
    number_year = doc_number_year(notice.get("doc_number"))
    if number_year and number_year != year:
        yield finding("W202", smap.locate(("notice", "doc_number")),
                      f"发文字号年份 {number_year} 与 year: {year} 不一致", "notice.doc_number")
    for parts, value in date_fields(data):
        if parts[0] != "notice":
            break                       # the notice's dates come first
        try:
            day = parse_date(value)
        except ValueError:
            continue
        if day.year != year:
            yield finding("W203", smap.locate(parts),
                          f"日期 {value} 不在 {year} 年", format_path(parts))


def check_units(data: dict, smap: SourceMap) -> Iterator[Finding]:
    """E204: a target whose value is an amount (a number, 95%, 七十二) has a unit; words
    such as 全覆盖 need none (they print without it)."""
    for parts, target in iter_targets(data):
        if is_amount(target.get("value")) and not str(target.get("unit") or "").strip():
            yield finding("E204", smap.locate(parts + ("value",)),
                          "指标有数值但缺少单位（unit）", format_path(parts + ("unit",)))


_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def parse_field_path(text: str) -> tuple:
    """Return the parts of a field path: ``sections[1].title`` gives ("sections", 1, "title")."""
    return tuple(int(index) if index else name for name, index in _PATH_PART.findall(text))


def check_review(data: dict, smap: SourceMap) -> Iterator[Finding]:
    """W301: fields listed under ``review`` (set by rollover) still wait for the user's review."""
    for i, entry in enumerate(data.get("review") or []):
        field, _, why = str(entry).partition(":")
        parts = parse_field_path(field.strip())
        where = smap.locate(parts) if parts in smap.values else smap.locate(("review", i))
        reason = f"：{why.strip()}" if why.strip() else ""
        yield finding("W301", where, f"待复核{reason}（复核后从 review 中删去此项）", field.strip())


def check_directions(data: dict, smap: SourceMap) -> Iterator[Finding]:
    """E103: a target's ``direction`` is up or down (a check, not a schema rule, so that the
    schema keeps to rules a task's shape decides; see plan/shapes.py)."""
    for parts, target in iter_targets(data):
        direction = target.get("direction")
        if isinstance(direction, str) and direction not in ("up", "down"):
            where = parts + ("direction",)
            yield Finding(smap.locate(where), "E103", f"取值“{direction}”无效：应为 “up”、“down” 之一",
                          format_path(where))


def check_target_names(data: dict, smap: SourceMap) -> Iterator[Finding]:
    """W205: target names are unique in a plan ({{ targets['名称'] }} needs one meaning)."""
    seen: dict[str, tuple] = {}
    for parts, target in iter_targets(data):
        name = target.get("name")
        if name in seen:
            yield finding("W205", smap.locate(parts + ("name",)),
                          f"指标名称“{name}”与 {format_path(seen[name])} 重复",
                          format_path(parts + ("name",)))
        seen.setdefault(name, parts)


def check_titles(data: dict, smap: SourceMap) -> Iterator[Finding]:
    """W206: a task's lead sentence ends with 。？！; W207: titles end without punctuation."""
    titles = [(("title",), data.get("title"))]
    titles.append((("notice", "title"), (data.get("notice") or {}).get("title")))
    for si, section in enumerate(data.get("sections") or []):
        titles.append((("sections", si, "title"), section.get("title")))
        for ti, task in enumerate(section.get("tasks") or []):
            lead = task.get("title")
            if isinstance(lead, str) and lead and lead.rstrip()[-1] not in "。？！" and "{{" not in lead:
                parts = ("sections", si, "tasks", ti, "title")
                yield finding("W206", smap.locate(parts),
                              f"标题句“{lead}”应以“。”结尾", format_path(parts))
    for parts, title in titles:
        if isinstance(title, str) and title.strip() and title.strip()[-1] in "，。、；：？！,.;:?!":
            yield finding("W207", smap.locate(parts), f"标题“{title}”末尾不应有标点", format_path(parts))


def check_unplaced(data: dict, smap: SourceMap) -> Iterator[Finding]:
    """W302: text kept under ``unplaced`` (by import) is not printed until placed."""
    unplaced = data.get("unplaced") or []
    if unplaced:
        yield finding("W302", smap.locate(("unplaced",)),
                      f"unplaced 中有 {len(unplaced)} 段未归类的文本，不会出现在输出中；请移到合适位置后删去", "unplaced")


CHECKS = (check_dates, check_doc_number, check_copy_number, check_notice_marks, check_year,
          check_units, check_review, check_directions, check_target_names, check_titles,
          check_unplaced, check_placeholders, *UNIT_CHECKS)


def run_checks(data: dict, smap: SourceMap, *, shape_ok: bool = True) -> list[Finding]:
    """Return the findings of every check.

    When the schema found problems (``shape_ok`` false), a check that meets a malformed
    shape stops quietly: the schema has reported it. On data the schema accepts, a check
    that fails is a fault of the tool: ToolError naming the check (exit 2), never silence.
    """
    findings: list[Finding] = []
    for check in CHECKS:
        try:
            findings.extend(check(data, smap))
        except (AttributeError, TypeError, KeyError, ValueError) as exc:
            if shape_ok:
                raise ToolError(f"内部错误：检查 {check.__name__} 失败（{type(exc).__name__}: {exc}），"
                                "请报告此问题") from exc
    return findings
