"""Render one plan file to an output file; the format follows the output's suffix."""
from __future__ import annotations

import datetime as dt
import gc
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Callable, NamedTuple

from generator.document.build import build_document
from generator.core.codes import finding
from generator.core.location import Finding, InputError, Location, ToolError
from generator.plan.load import load_plan_source
from generator.document.templating import LazyEnvironment
from generator.writers.atomic import write_atomic
from generator.writers.text import render_text

FORMATS = ("txt", "docx", "pdf")


def output_format(path: Path) -> str:
    """Return the output format named by a path's suffix. Raises ToolError for others."""
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ToolError(f"{path}: 不支持的输出格式“{path.suffix}”（可用：.txt、.docx、.pdf）")
    return fmt


class RenderOptions(NamedTuple):
    """How to render: style sheet name or path, user template folder, warnings as errors,
    whether to record the current time in the DOCX core properties, further checks of
    the loaded plan whose findings are reported as warnings (the command passes lint's:
    ``check(path, plan, parsed) -> list[Finding]``, parsed = (text, data, source map)), and
    whether a plan with open ``review:`` items may still be set as DOCX or PDF (a draft)."""

    style: str | None = None
    templates: str | None = None
    strict: bool = False
    timestamp: bool = False
    checks: tuple[Callable, ...] = ()
    allow_review: bool = False


def open_review(warnings: list[Finding]) -> list[Finding]:
    """Return the plan's open review items (W301) among its warnings."""
    return [f for f in warnings if f.code == "W301"]


def refuse_open_review(source: Path, warnings: list[Finding]) -> None:
    """Raise InputError (E301, then the open items) when the plan has open review items: a
    plan with last year's document sequence and shifted dates must not go out unnoticed."""
    items = open_review(warnings)
    if items:
        raise InputError([finding(
            "E301", Location(str(source)),
            f"计划有 {len(items)} 项待复核（review），不能输出 DOCX/PDF：逐项核对，改好后从 review 中删去；"
            "确需先出一份草稿时加 --allow-review")] + items)


def render_file(source: Path, target: Path, options: RenderOptions = RenderOptions()) -> list[Finding]:
    """Render the plan at ``source`` to ``target`` atomically; return the warnings.

    Raises InputError for problems in the plan, ToolError when the tool cannot run
    (unreadable file, unknown format, target equal to the source).
    """
    fmt = output_format(target)
    if target.resolve() == source.resolve():
        raise ToolError(f"{target}: 输出文件不能与输入文件相同")
    with collector_paused():
        return _render(source, target, fmt, options)


@contextmanager
def collector_paused():
    """Pause Python's cyclic garbage collector for the block, then resume it if it was on.

    A render builds up to a few million small objects (parsed data, validation, the model,
    the XML tree) that all live until it ends; each full collection walks every one of
    them, which cost a 10,000-task render about a sixth of its time. What little cyclic
    garbage a render leaves is collected once the collector runs again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _render(source: Path, target: Path, fmt: str, options: RenderOptions) -> list[Finding]:
    """Render as render_file does, once the paths are checked; return the warnings."""
    data, warnings = render_plan(source, fmt, options, stem=target.stem)
    write_atomic(target, data)
    return warnings


@lru_cache(maxsize=8)
def _style_sheet(name: str | None):
    """Return the loaded style sheet, read once per process for a batch of plans."""
    from generator.style.sheet import load_style
    return load_style(name)


def render_plan(source: Path, fmt: str, options: RenderOptions = RenderOptions(), *,
                stem: str = "document") -> tuple[bytes, list[Finding]]:
    """Return (the rendered bytes in format txt, docx or pdf, the plan's warnings and the
    findings of ``options.checks``, as warnings).

    A style sheet given in the options is checked even for text. Raises InputError for
    problems in the plan or style sheet, and for open review items in a DOCX or PDF unless
    ``options.allow_review``; ToolError when the tool cannot run.
    """
    from generator.core.location import InputError
    plan, warnings, parsed = load_plan_source(source, strict=options.strict)
    if fmt != "txt" and not options.allow_review:
        refuse_open_review(source, warnings)
    linted = [found for check in options.checks for found in check(str(source), plan, parsed)]
    if options.strict and linted:
        raise InputError(warnings + linted)
    warnings = warnings + linted
    sheet = None
    if fmt != "txt" or options.style:
        sheet = _style_sheet(options.style)
    env = LazyEnvironment(options.templates)  # Jinja is imported only if a template is used
    document = build_document(plan, env)
    if options.timestamp:
        document.created = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    return document_bytes(document, fmt, sheet, env, stem), warnings


def document_bytes(document, fmt: str, sheet, env, stem: str = "document") -> bytes:
    """Return a Document written as txt, docx (with the style ``sheet``) or pdf.

    Raises ToolError when a template fails or LibreOffice cannot convert."""
    if fmt == "txt":
        return render_text(document, env).encode("utf-8")
    from generator.writers.docx.writer import write_docx  # python-docx only when asked for
    data = write_docx(document, sheet)
    if fmt == "pdf":
        from generator.writers.pdf import convert_to_pdf
        data = convert_to_pdf(data, stem)
    return data


def write_document(document, target: Path, fmt: str, *, style: str | None = None, env=None) -> None:
    """Write a Document (a summary, say) to ``target`` atomically in format ``fmt``.

    Raises InputError for a bad style sheet, ToolError when the tool cannot run."""
    sheet = _style_sheet(style) if fmt != "txt" or style else None
    write_atomic(target, document_bytes(document, fmt, sheet, env or LazyEnvironment(), target.stem))
