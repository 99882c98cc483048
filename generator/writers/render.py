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
    whether a plan with open ``review:`` items may still be set as DOCX or PDF (a draft),
    and whether to append the 重点任务分解表 (as the plan's notice.breakdown does)."""

    style: str | None = None
    templates: str | None = None
    strict: bool = False
    timestamp: bool = False
    checks: tuple[Callable, ...] = ()
    exact: bool = False        # DOCX: 版记 placed from LibreOffice's page breaks (a PDF always)
    allow_review: bool = False
    breakdown: bool = False    # append the 重点任务分解表 as a further attachment


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


def render_files(pairs: list[tuple[Path, Path]], options: RenderOptions = RenderOptions(),
                 progress=iter, report=None) -> tuple[list[Path], set[Path]]:
    """Render each (source, target) pair; return (the files written, the plans that had
    errors and were not written).

    ``report(source, target, findings, written)`` hears of each plan in turn: its warnings
    once its file is written, or its errors. Text and plain DOCX are written one by one;
    PDFs (and DOCX with ``options.exact``) are converted together, by one LibreOffice, once
    every plan is built. ``progress`` wraps the pairs (a progress display). Raises
    ToolError when the tool cannot run.
    """
    from generator.core.location import InputError
    report = report or (lambda *args: None)
    written, failed, batch = [], set(), []
    with collector_paused():
        for source, target in progress(pairs):
            fmt = output_format(target)
            if target.resolve() == source.resolve():
                raise ToolError(f"{target}: 输出文件不能与输入文件相同")
            try:
                if fmt == "pdf" or (fmt == "docx" and options.exact):
                    document, sheet, _, warnings = built_document(source, options, fmt)
                    batch.append((source, target, fmt, document, sheet, warnings))
                    continue
                warnings = _render(source, target, fmt, options)
            except InputError as exc:
                failed.add(source)
                report(source, target, exc.findings, False)
                continue
            written.append(target)
            report(source, target, warnings, True)
    if batch:
        from generator.writers.exact import print_exactly
        printed = print_exactly([(document, sheet) for *_, document, sheet, _ in batch])
        for (source, target, fmt, _, _, warnings), result in zip(batch, printed):
            write_atomic(target, result.pdf if fmt == "pdf" else result.docx)
            written.append(target)
            report(source, target, warnings, True)
    return written, failed


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
    document, sheet, env, warnings = built_document(source, options, fmt)
    if fmt == "docx" and options.exact:
        from generator.writers.exact import print_exactly
        return print_exactly([(document, sheet)])[0].docx, warnings
    return document_bytes(document, fmt, sheet, env, stem), warnings


def built_document(source: Path, options: RenderOptions, fmt: str):
    """Return (the Document of the plan at ``source``, the style sheet or None for text
    without a chosen one, the template environment, the plan's warnings and the findings
    of ``options.checks``). Raises InputError for problems in the plan or style sheet."""
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
    columns = sheet.breakdown["columns"] if sheet is not None else None
    document = build_document(plan, env, breakdown=options.breakdown, columns=columns,
                              path=str(source))
    if options.timestamp:
        document.created = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    return document, sheet, env, warnings


def document_bytes(document, fmt: str, sheet, env, stem: str = "document") -> bytes:
    """Return a Document written as txt, docx (with the style ``sheet``) or pdf; a PDF
    gets its 版记 placed from LibreOffice's page breaks (writers.exact).

    Raises ToolError when a template fails or LibreOffice cannot convert."""
    if fmt == "txt":
        return render_text(document, env).encode("utf-8")
    if fmt == "pdf":
        from generator.writers.exact import print_exactly
        return print_exactly([(document, sheet)])[0].pdf
    from generator.writers.docx.writer import write_docx  # python-docx only when asked for
    return write_docx(document, sheet)


def write_document(document, target: Path, fmt: str, *, style: str | None = None, env=None) -> None:
    """Write a Document (a summary, say) to ``target`` atomically in format ``fmt``.

    Raises InputError for a bad style sheet, ToolError when the tool cannot run."""
    sheet = _style_sheet(style) if fmt != "txt" or style else None
    write_atomic(target, document_bytes(document, fmt, sheet, env or LazyEnvironment(), target.stem))
