"""Roll a plan over to another year by editing its YAML text, so that the comments, key order
and wording the user wrote survive.

What moves (old = the plan's year, new = the target year):
- ``year``; the year inside the plan title, the notice title, the attachment names and the
  notice body (every standalone ``2021`` or ``二〇二一``);
- the document number's year (mapping ``year:`` or the 〔2021〕 of the string form); its
  sequence stays, valid, and is flagged, since next year's number is not known yet;
- dates (notice.date, imprint.date, task and target deadlines): shifted in their written form
  and flagged;
- targets: the value becomes the baseline, the value is cleared (``null``) and flagged, so the
  printed table shows a gap rather than last year's figure;
- prose (preamble, intros, titles, task text, target names and notes): ``2021年`` becomes
  ``2022年``. A five-year-plan phrase is rewritten only when unambiguous: when the text holds
  exactly the period and phase that templates/phrases.j2 computes for the old year, written
  together (“十四五”规划开局之年); that rewrite is flagged for a check of the wording. Any other
  period or phase word, and any mention of the year before the old one, is flagged, not changed.

- every year that moves inside running text (prose, the notice body; not a copy of the plan
  title) is flagged with what follows it (“2020年底”→“2021年底”, “2021年6月”→“2022年6月”):
  it may be a policy's fixed deadline rather than the plan's year.

Flags are entries ``field.path: reason`` appended to the top-level ``review:`` list (created at
the end of the file when absent; entries an earlier rollover left for a field flagged again are
replaced, see rollover_review.py); ``workplan validate`` reports each as W301 until deleted.
"""
from __future__ import annotations

import copy
import difflib
import re
from dataclasses import dataclass, field

from generator.core.patterns import DOC_NUMBER
from generator.plan.checks import date_fields
from generator.plan.schema import iter_targets
from generator.core.dates import shift_year
from generator.diff.text import tokenize
from generator.core.location import Finding, InputError, ToolError, format_path
from generator.document.phrases import PhraseRewriter
from generator.plan.load import check_data
from generator.rollover.actuals import actual_figure, actuals_for, unfinished_flags
from generator.rollover.review import still_in_force, write_review
from generator.rollover.text_years import moved_years
from generator.document.templating import make_environment
from generator.source.text_edit import TextEditor, scalar_text
from generator.source.sourcemap import SourceMap, parse_yaml



@dataclass
class RolloverResult:
    """The rolled-over YAML text, the old and the new year, the new text's warnings (W301
    for each flag), and what moved and what is flagged, as Chinese lines for people."""

    text: str
    old_year: int
    year: int
    findings: list[Finding] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


def cn_year(year: int) -> str:
    """Return a year in Chinese digits: 2021 gives 二〇二一."""
    return "".join("〇一二三四五六七八九"[int(d)] for d in str(year))


def changed_pieces(old: str, new: str) -> tuple[str, str]:
    """Return the pieces of ``old`` and ``new`` that differ, joined by "…"."""
    a, b = tokenize(old), tokenize(new)
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    pieces = [("".join(a[i1:i2]), "".join(b[j1:j2])) for op, i1, i2, j1, j2 in ops if op != "equal"]
    return "…".join(p[0] for p in pieces), "…".join(p[1] for p in pieces)


def _set(data, parts: tuple, value) -> None:
    for part in parts[:-1]:
        data = data[part]
    data[parts[-1]] = value


def _paragraphs(value, parts: tuple):
    if isinstance(value, str):
        yield parts, value
    elif isinstance(value, list):
        yield from ((parts + (i,), v) for i, v in enumerate(value) if isinstance(v, str))


def text_fields(data: dict):
    """Yield (parts, text, is_prose) for every text field rollover looks into."""
    yield ("title",), data["title"], False
    notice = data.get("notice") or {}
    for name, prose in (("title", False), ("attachments", False), ("body", False)):
        yield from ((p, v, prose) for p, v in _paragraphs(notice.get(name), ("notice", name)))
    yield from ((p, v, True) for p, v in _paragraphs(data.get("preamble"), ("preamble",)))
    for si, section in enumerate(data["sections"]):
        base = ("sections", si)
        yield base + ("title",), section["title"], True
        yield from ((p, v, True) for p, v in _paragraphs(section.get("intro"), base + ("intro",)))
        for ti, task in enumerate(section.get("tasks") or []):
            tb = base + ("tasks", ti)
            for name in ("title", "body", "items"):
                yield from ((p, v, True) for p, v in _paragraphs(task.get(name), tb + (name,)))
            for gi, target in enumerate(task.get("targets") or []):
                for name in ("name", "note"):
                    if isinstance(target.get(name), str):
                        yield tb + ("targets", gi, name), target[name], True


class _Roller:
    """Collects the edits of one rollover: text splices, the data expected back, flags."""

    def __init__(self, text: str, data: dict, smap: SourceMap, new: int, env, actuals=None):
        self.data, self.smap, self.old, self.new = data, smap, data["year"], new
        self.actuals = actuals
        self.editor = TextEditor(text, smap)
        self.expected = copy.deepcopy(data)
        self.phrases = PhraseRewriter(self.old, new, env or make_environment())
        self.moved: list[tuple[tuple, str]] = []
        self.flags: list[tuple[tuple, str]] = []

    def change(self, parts: tuple, value, raw: str, *, note: bool = True) -> None:
        old = self.data
        for part in parts:
            old = old[part]
        self.editor.replace(parts, raw)
        _set(self.expected, parts, value)
        if note:
            self.note(parts, old, value)

    def note(self, parts: tuple, old, new) -> None:
        """Record a change for the summary; long texts show only their changed pieces."""
        if isinstance(old, str) and isinstance(new, str) and len(old) > 30:
            old, new = changed_pieces(old, new)
        old = "（无）" if old is None or old == "" else old
        self.moved.append((parts, f"{format_path(parts)}：{old} → {new}"))

    def flag(self, parts: tuple, reason: str) -> None:
        self.flags.append((parts, reason))

    def roll_year(self) -> None:
        self.change(("year",), self.new, str(self.new))

    def roll_text(self) -> None:
        for parts, value, prose in text_fields(self.data):
            years = self._year_pattern(prose)
            rewrite = lambda s: self.phrases.rewrite(years.sub(self._year_sub, s))  # noqa: E731
            new_value = rewrite(value)
            if new_value != value:
                self.change(parts, new_value, rewrite(self.editor.raw(parts)))
            reasons = self.phrases.review(value)
            if prose or parts[:2] == ("notice", "body"):        # running text
                moved = moved_years(value, years, self._year_sub, self.data["title"])
                if moved:
                    reasons.append(f"文中年份已顺延（{'、'.join(moved)}），请核对")
            if prose and re.search(rf"(?<!\d){self.old - 1}(?!\d)|{cn_year(self.old - 1)}", value):
                reasons.append(f"提到{self.old - 1}年，请核对是否应改为{self.old}年")
            if reasons:
                self.flag(parts, "；".join(reasons))

    def _year_pattern(self, prose: bool) -> re.Pattern:
        suffix = "(?=年)" if prose else ""
        return re.compile(rf"(?<!\d)(?:{self.old}(?!\d)|{cn_year(self.old)}){suffix}")

    def _year_sub(self, match: re.Match) -> str:
        return str(self.new) if match[0].isdigit() else cn_year(self.new)

    def roll_doc_number(self) -> None:
        number = (self.data.get("notice") or {}).get("doc_number")
        parts = ("notice", "doc_number")
        if isinstance(number, dict):
            self.change(parts + ("year",), self.new, str(self.new))
            self.flag(parts + ("seq",), f"发文字号序号沿用上年的 {number['seq']}，请改为本年序号")
        elif isinstance(number, str) and DOC_NUMBER.match(number.strip()):
            swap = lambda s: s.replace(f"〔{self.old}〕", f"〔{self.new}〕")  # noqa: E731
            self.change(parts, swap(number), swap(self.editor.raw(parts)))
            seq = DOC_NUMBER.match(number.strip())["seq"]
            self.flag(parts, f"发文字号年份已改为 {self.new}，序号沿用上年的 {seq}，请改为本年序号")

    def roll_dates(self) -> None:
        for parts, value in date_fields(self.data):
            moved = shift_year(str(value), self.new - self.old)
            self.change(parts, moved, scalar_text(moved, self.editor.raw(parts)))
            self.flag(parts, f"日期由 {value} 顺延为 {moved}，请核对")

    def roll_targets(self) -> None:
        for parts, target in iter_targets(self.data):
            value, vparts = target.get("value"), parts + ("value",)
            if value in (None, ""):
                self.flag(vparts if "value" in target else parts, f"请填写{self.new}年目标值")
                if target.get("baseline") not in (None, ""):
                    self.flag(parts + ("baseline",), f"{self.old}年未填目标值，基数仍为 "
                              f"{target['baseline']}{target.get('unit') or ''}，请核实实际完成值")
                continue
            actual = actual_figure(self.actuals, parts)
            unit = target.get("unit") or ""
            if actual is None:
                self._set_key(parts, vparts, "baseline", value, self._raw_scalar(vparts, value))
                self.flag(parts + ("baseline",), "基数取上年目标值，请核实实际完成值")
                why = f"{self.old}年目标值 {value}{unit} 已记为基数"
            else:
                self._set_key(parts, vparts, "baseline", actual, scalar_text(actual))
                after = parts + ("baseline",) if "baseline" in target else vparts
                self._set_key(parts, after, "prior_target", value, self._raw_scalar(vparts, value))
                why = f"{self.old}年实际完成 {actual}{unit} 已记为基数，目标值 {value}{unit} 记为 prior_target"
            self.change(vparts, None, "null", note=False)
            self.flag(vparts, f"请填写{self.new}年目标值（{why}）")

    def _raw_scalar(self, vparts: tuple, value) -> str:
        raw = self.editor.raw(vparts)
        return scalar_text(value) if "\n" in raw or raw[:1] in ("|", ">") else raw

    def _set_key(self, parts: tuple, after: tuple, key: str, value, raw: str) -> None:
        """Set ``key`` of the target mapping at ``parts`` (inserted after ``after`` if absent)."""
        target = self.data
        for part in parts:
            target = target[part]
        if key in target:
            self.change(parts + (key,), value, raw)
            return
        self._insert_key(parts, after, key, raw)
        _set(self.expected, parts + (key,), value)
        self.note(parts + (key,), "（无）", value)

    def roll_tasks(self) -> None:
        """Flag the tasks last year's progress shows unfinished, to decide on carrying over."""
        self.flags += unfinished_flags(self.data, self.actuals, self.old, self.new)

    def _insert_key(self, mapping: tuple, after: tuple, key: str, raw: str) -> None:
        if self.editor.is_flow(mapping):
            self.editor.insert(self.editor.span(after)[1], f", {key}: {raw}")
        else:
            indent = self.editor.indent_of(after)
            self.editor.insert(self.editor.after_value(after), f"\n{indent}{key}: {raw}")

    def _in_file_order(self, pairs: list[tuple[tuple, str]]) -> list[tuple[tuple, str]]:
        def position(pair):
            where = self.smap.locate(pair[0])
            return where.line, where.col
        return sorted(pairs, key=position)

    def summary(self) -> list[str]:
        """Return what moved, one Chinese line per field, in the order of the file."""
        return [line for _, line in self._in_file_order(self.moved)]

    def review_entries(self) -> list[str]:
        """Return the flags as ``review:`` entries, in the order of the fields in the file."""
        ordered = self._in_file_order(self.flags)
        return [f"{format_path(parts)}: {reason}" for parts, reason in ordered]

    def append_review(self, entries: list[str]) -> None:
        """Write the review list: the plan's own entries that this rollover does not flag
        again, then ``entries``."""
        existing = self.data.get("review")
        kept = still_in_force(existing, {parts for parts, _ in self.flags}) if existing else existing
        if entries or kept != existing:
            self.expected["review"] = list(kept or []) + entries
        write_review(self.editor, self.smap, self.data, kept, entries)


def _verify(text: str, expected: dict, path: str) -> list[Finding]:
    """Return the warnings of the rolled-over text; raise ToolError when it does not read back
    as the expected data or has errors (both would be bugs here, not the user's)."""
    try:
        data, smap = parse_yaml(text, path)
    except InputError as exc:
        raise ToolError(f"内部错误：滚动后的文本无法解析：{exc}") from None
    if data != expected:
        raise ToolError("内部错误：滚动后的文本与预期数据不一致（文件中可能用了少见的 YAML 写法），"
                        "请报告此问题")
    findings = check_data(data, smap)
    if any(f.is_error for f in findings):
        raise ToolError("内部错误：滚动后的计划有错误：\n" + InputError(findings).__str__())
    return findings


def roll_over(text: str, path: str, year: int | None = None, *, out_path: str | None = None,
              env=None, progress=None) -> RolloverResult:
    """Return the plan text rolled over to ``year`` (default: the plan's year + 1), with its
    warnings located at ``out_path`` (default ``path``) and the lists of what moved and what
    is flagged.

    ``progress`` (the plan year's year-end Progress) gives each target's baseline its
    actual figure and flags unfinished tasks; without it, or for a target it does not
    report, the baseline is the target value, flagged.

    Raises InputError (all findings) when the plan has errors, ToolError when ``year`` is
    not after the plan's year or is out of range, or a template fails.
    """
    data, smap = parse_yaml(text, path)
    findings = check_data(data, smap)
    if any(f.is_error for f in findings):
        raise InputError(findings)
    new = data["year"] + 1 if year is None else year
    if new <= data["year"]:
        raise ToolError(f"目标年份 {new} 不晚于计划年份 {data['year']}：只能顺延到以后的年份")
    if not 1949 <= new <= 2999:
        raise ToolError(f"目标年份 {new} 超出范围（1949–2999）")
    actuals = actuals_for(data, progress)
    roller = _Roller(text, data, smap, new, env, actuals)
    roller.roll_year()
    roller.roll_text()
    roller.roll_doc_number()
    roller.roll_dates()
    roller.roll_targets()
    roller.roll_tasks()
    entries = roller.review_entries()
    roller.append_review(entries)
    out = roller.editor.result()
    warnings = _verify(out, roller.expected, out_path or path)
    if actuals:
        warnings = actuals.findings + warnings
    return RolloverResult(out, data["year"], new, warnings, roller.summary(), entries)
