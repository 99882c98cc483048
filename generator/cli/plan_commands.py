"""Commands on plan files: validate, render, outline, new."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from generator.cli import handle_errors, main, report as _report
from generator.core.location import Finding, InputError, ToolError


@main.command()
@click.argument("plans", nargs=-1, required=True)
@click.option("--strict", is_flag=True, help="警告也视为错误（退出码 1）。")
@handle_errors
def validate(plans: tuple[str, ...], strict: bool) -> None:
    """检查计划文件，逐行列出问题：路径:行:列: 代码 字段: 说明。

    也列出 workplan lint 默认规则发现的写作问题（警告，不影响退出码，除非加 --strict）。
    """
    from generator.lint.files import fresh
    fresh()
    findings, failed = _validate_all(plans, strict)
    _report(findings)
    errors = sum(f.is_error for f in findings)
    click.echo(f"检查了 {len(plans)} 个文件：{errors} 个错误，{len(findings) - errors} 个警告", err=True)
    if failed:
        sys.exit(1)


def _validate_all(plans: tuple[str, ...], strict: bool) -> tuple[list[Finding], bool]:
    """Return the findings of every plan (with the default lint rules' as warnings) and
    whether any plan failed."""
    from generator.lint.files import plan_warnings
    from generator.plan.load import load_plan_source
    import gc
    findings: list[Finding] = []
    failed = False
    for path in plans:
        gc.disable()        # one plan's data, model and spans live until it is done (as render)
        try:
            plan, warnings, parsed = load_plan_source(path, strict=strict)
            linted = plan_warnings(path, plan, parsed)
        except InputError as exc:
            findings += exc.findings
            failed = True
            continue
        finally:
            gc.enable()
        findings += warnings + linted
        failed = failed or (strict and bool(linted))
    return findings, failed


def _targets(plans: tuple[str, ...], output: str | None, fmt: str | None) -> list[tuple[Path, Path]]:
    """Pair each plan with its output path; several plans need a folder.

    Raises ToolError when the pairing would lose or misname output: several plans without
    a folder, two plans of one name, or ``-f`` contradicting the output's suffix.
    """
    if output is None:
        if len(plans) > 1:
            raise ToolError("渲染多个计划时请用 -o 指定输出文件夹（如 -o out/）")
        return [(Path(plans[0]), None)]
    out = Path(output)
    if len(plans) > 1 or output.endswith(("/", "\\")) or out.is_dir():
        if out.suffix and not out.is_dir():
            raise ToolError(f"{output}: 渲染多个计划时 -o 应为文件夹（如 -o out/）")
        stems = [Path(p).stem for p in plans]
        twins = sorted({s for s in stems if stems.count(s) > 1})
        if twins:
            raise ToolError(f"多个计划同名（{'、'.join(twins)}），输出到同一文件夹会互相覆盖")
        return [(Path(p), out / f"{Path(p).stem}.{fmt or 'txt'}") for p in plans]
    if fmt and out.suffix.lower() != f".{fmt}":
        raise ToolError(f"{output}: 输出文件的后缀与 -f {fmt} 不一致")
    return [(Path(plans[0]), out)]


@main.command()
@click.argument("plans", nargs=-1, required=True)
@click.option("-o", "--output", help="输出文件（.txt/.docx/.pdf），多个计划时为输出文件夹。")
@click.option("-f", "--format", "fmt", type=click.Choice(["txt", "docx", "pdf"]),
              help="输出到文件夹时的格式（默认 txt）。")
@click.option("--pdf", "also_pdf", is_flag=True, help="同时输出 PDF（需要 LibreOffice）。")
@click.option("--style", help="样式表名称（styles/ 中）或路径，默认 gbt9704。")
@click.option("--templates", help="自定义模板文件夹（优先于内置模板）。")
@click.option("--strict", is_flag=True, help="警告也视为错误。")
@click.option("--timestamp", is_flag=True, help="在 DOCX 属性中记录生成时间（默认不记录，输出逐字节可重现）。")
@click.option("--exact", is_flag=True,
              help="DOCX 也按 LibreOffice 的实际分页放置版记（需要 LibreOffice；PDF 总是如此）。")
@click.option("--allow-review", is_flag=True,
              help="计划的 review 中还有待复核项时仍输出 DOCX/PDF（草稿）；默认拒绝输出。")
@click.option("--breakdown", is_flag=True, help="把重点任务分解表作为通知的附件附在后面（同计划中的 notice.breakdown: true）。")
@handle_errors
def render(plans, output, fmt, also_pdf, style, templates, strict, timestamp, exact, allow_review,
           breakdown) -> None:
    """把计划渲染为文本、DOCX 或 PDF；不给 -o 时把文本打印到标准输出。

    计划的 review 中还有待复核项（workplan rollover 或 import 标出）时，不输出 DOCX/PDF
    （退出码 1，列出各项及其位置），除非加 --allow-review；文本照常输出并提示。
    写出的每个文件报告在标准错误上，警告也在标准错误上。
    """
    from generator.lint.files import fresh, plan_warnings
    from generator.writers.render import RenderOptions
    fresh()
    if templates and not Path(templates).is_dir():
        raise ToolError(f"{templates}: 模板文件夹不存在")
    options = RenderOptions(style, templates, strict, timestamp, checks=(plan_warnings,),
                            exact=exact, allow_review=allow_review, breakdown=breakdown)
    pairs = _targets(plans, output, fmt)
    if pairs[0][1] is None:
        _print_text(plans, options)
        return
    if also_pdf:
        pairs += [(src, dst.with_suffix(".pdf")) for src, dst in pairs if dst.suffix != ".pdf"]
    batch = len(plans) > 1 or _is_folder(output)
    if batch and fmt is None:
        click.echo(f"未指定 -f：按默认格式 txt 输出到 {output}（可用 -f docx 或 -f pdf）", err=True)
    written, failed = _render_all(pairs, options, quiet=batch)
    if batch:
        click.echo(f"渲染完成：{len(plans)} 个计划，写出 {len(written)} 个文件到 {output}"
                   + (f"，{failed} 个计划有错误未输出" if failed else ""), err=True)
    if failed:
        sys.exit(1)


def _is_folder(output: str) -> bool:
    return output.endswith(("/", "\\")) or Path(output).is_dir()


def _render_all(pairs: list, options, *, quiet: bool) -> tuple[list[Path], int]:
    """Render the (plan, output) pairs (PDFs through one LibreOffice), report the findings
    on stderr, note each plan written with open review items, and each file written unless
    ``quiet`` (a batch sums up instead); return (files written, number of plans that failed)."""
    from generator.writers.render import open_review, render_files
    def report(source: Path, target: Path, findings: list, written: bool) -> None:
        _report(findings, err=True)
        if written:
            _note_open_review(source, open_review(findings))
            if not quiet:
                click.echo(f"已写出 {target}", err=True)

    written, failed = render_files(pairs, options, _progress, report)
    return written, len(failed)


def _note_open_review(source: Path, items: list) -> None:
    """Say on stderr, after the W301 lines, that the output is a draft with open items."""
    if items:
        click.echo(f"注意：{source} 还有 {len(items)} 项待复核（见上面的 W301），此输出仅供核对；"
                   "核对后从 review 中删去各项", err=True)


def _progress(items: list, label: str = "渲染"):
    """Yield the items, showing progress on stderr for long batches: a bar on a terminal,
    else a line at every tenth of the way."""
    total = len(items)
    if total <= 3 or (total <= 20 and not sys.stderr.isatty()):
        yield from items
        return
    if sys.stderr.isatty():
        with click.progressbar(items, label=label, file=sys.stderr) as bar:
            yield from bar
        return
    step = max(1, total // 10)
    for done, item in enumerate(items, 1):
        yield item
        if done % step == 0 or done == total:
            click.echo(f"{label} {done}/{total}（{done * 100 // total}%）", err=True)


def _print_text(plans, options) -> None:
    from generator.writers.render import render_plan
    from generator.writers.render import open_review
    data, warnings = render_plan(Path(plans[0]), "txt", options)
    _report(warnings, err=True)
    _note_open_review(Path(plans[0]), open_review(warnings))
    click.echo(data.decode("utf-8"), nl=False)


@main.command()
@click.argument("plan")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON（结构稳定，供脚本使用）。")
@handle_errors
def outline(plan: str, as_json: bool) -> None:
    """打印计划的结构：标题、年份、通知字段、各部分及任务编号和标题句。"""
    from generator.document.outline import format_outline, outline_plan
    from generator.plan.load import load_plan
    data = outline_plan(load_plan(plan)[0])
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(format_outline(data), nl=False)


@main.command()
@click.argument("path")
@click.option("--year", type=click.IntRange(1949, 2999), help="计划年份，默认取文件名中的年份，否则为明年。")
@click.option("--force", is_flag=True, help="覆盖已有文件。")
@handle_errors
def new(path: str, year: int | None, force: bool) -> None:
    """写出一份带注释的起始计划。"""
    from generator.writers.starter import write_starter
    target = write_starter(Path(path), year=year, force=force)
    click.echo(f"已写出 {target}", err=True)
