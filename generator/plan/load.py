"""Read a plan file: YAML with its source map, schema validation, checks, then the Plan.

Every command loads plans through :func:`load_plan` (or :func:`parse_plan` for text in
memory), so every input error is reported alike.
"""
from __future__ import annotations

import re
from pathlib import Path

from generator.core.location import Finding, InputError, sort_findings
from generator.core.patterns import DOC_NUMBER
from generator.plan.checks import run_checks
from generator.plan.model import DocNumber, Imprint, Notice, Numbering, Plan, Section, Target, Task, Unit
from generator.plan.titles import split_title
from generator.plan.validate import validate_data
from generator.source.sourcemap import SourceMap, load_yaml, parse_yaml

_FOLDED_SPACE = re.compile(r"(?<=[^\x00-\x7f])[ \t\n]+(?=[^\x00-\x7f])")


def join_cjk(text: str) -> str:
    """Return text with white space between two non-ASCII characters removed (YAML folding
    joins lines with a space, which Chinese prose never has), ends stripped."""
    if " " not in text and "\n" not in text and "\t" not in text:
        return text.strip()             # nothing to join (most texts): skip the regex
    return _FOLDED_SPACE.sub("", text).strip()


def _paras(value) -> list[str]:
    if value is None:
        return []
    return [join_cjk(value)] if isinstance(value, str) else [join_cjk(str(v)) for v in value]


def _text(value) -> str:
    return "" if value is None else join_cjk(str(value))


def _doc_number(value) -> DocNumber | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return DocNumber(value["code"], int(value["year"]), str(value["seq"]))
    match = DOC_NUMBER.match(str(value).strip())
    return DocNumber(match["code"], int(match["year"]), match["seq"].lstrip("0") or "0")


def _notice(d: dict) -> Notice:
    imprint = d.get("imprint")
    title, lines = split_title(_text(d.get("title")))
    return Notice(
        issuer_mark=d["issuer_mark"], signature=d["signature"], date=str(d["date"]),
        copy_number=_text(d.get("copy_number")), secrecy=_text(d.get("secrecy")),
        urgency=_text(d.get("urgency")), doc_number=_doc_number(d.get("doc_number")),
        signer=_paras(d.get("signer")), title=title, title_lines=lines,
        recipients=_text(d.get("recipients")), body=_paras(d.get("body")),
        attachments=_paras(d.get("attachments")), seal=bool(d.get("seal", True)),
        note=_text(d.get("note")),
        breakdown=_text(d["breakdown"]) if isinstance(d.get("breakdown"), str) else bool(d.get("breakdown")),
        imprint=Imprint(_paras(imprint.get("cc")), _text(imprint.get("printer")),
                        _text(imprint.get("date"))) if imprint else None,
    )


def _task(d: dict) -> Task:
    targets = [Target(_text(t["name"]), t.get("value"), _text(t.get("unit")), t.get("baseline"),
                      _text(t.get("deadline")), _paras(t.get("owners")), _text(t.get("note")),
                      t.get("prior_target"), _text(t.get("direction")))
               for t in d.get("targets") or []]
    lead, support = _paras(d.get("lead")), _paras(d.get("support"))
    owners = _paras(d.get("owners")) or lead + support
    return Task(_text(d["title"]), _text(d.get("body")), _paras(d.get("items")), owners,
                _text(d.get("deadline")), targets, lead, support)


def _unit(d) -> Unit:
    if isinstance(d, str):
        return Unit(_text(d))
    return Unit(_text(d["name"]), _paras(d.get("short")), _text(d.get("leader")))


def _numbering(d: dict) -> Numbering:
    known = Numbering.__dataclass_fields__
    return Numbering(**{k: v for k, v in d.items() if k in known})


def plan_from_data(data: dict) -> Plan:
    """Return the Plan for schema- and check-valid data (KeyError on data that is not)."""
    sections = [Section(_text(s["title"]), _paras(s.get("intro")), [_task(t) for t in s.get("tasks") or []])
                for s in data["sections"]]
    title, lines = split_title(_text(data["title"]))
    return Plan(
        title=title, title_lines=lines, year=int(data["year"]), sections=sections,
        preamble=_paras(data.get("preamble")), numbering=_numbering(data.get("numbering") or {}),
        notice=_notice(data["notice"]) if data.get("notice") else None,
        review=_paras(data.get("review")), unplaced=_paras(data.get("unplaced")),
        units=[_unit(u) for u in data.get("units") or []],
    )


def check_data(data: object, smap: SourceMap) -> list[Finding]:
    """Return all findings (schema, then semantic checks) for parsed plan data, sorted."""
    findings = validate_data(data, smap)
    if isinstance(data, dict):
        findings += run_checks(data, smap, shape_ok=not any(f.is_error for f in findings))
    return sort_findings(findings)


def _finish(data, smap: SourceMap, strict: bool) -> tuple[Plan, list[Finding]]:
    findings = check_data(data, smap)
    if any(f.is_error or strict for f in findings):
        raise InputError(findings)
    return plan_from_data(data), findings


def load_plan(path: Path | str, *, strict: bool = False) -> tuple[Plan, list[Finding]]:
    """Read, validate and build a plan file; return (plan, warnings).

    Raises ToolError when the file cannot be read, InputError (with all findings, sorted)
    when it has errors, or any warning when ``strict``.
    """
    data, smap = load_yaml(path)
    return _finish(data, smap, strict)


def load_plan_source(path: Path | str, *, strict: bool = False) -> tuple[Plan, list[Finding], tuple]:
    """Like load_plan; also return (text, data, source map) the plan was built from, for
    the lint warnings of validate and render (one parse for both)."""
    from generator.source.sourcemap import read_source
    text = read_source(path)
    data, smap = parse_yaml(text, str(path))
    plan, findings = _finish(data, smap, strict)
    return plan, findings, (text, data, smap)


def parse_plan(text: str, path: str = "<plan>", *, strict: bool = False) -> tuple[Plan, list[Finding]]:
    """Like load_plan, for YAML text already in memory."""
    data, smap = parse_yaml(text, path)
    return _finish(data, smap, strict)
