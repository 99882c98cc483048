"""Commands on plan files: validate, render, outline, new."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import handle_errors, main, report as _report
from ..location import Finding, InputError


@main.command()
@click.argument("plans", nargs=-1, required=True)
@click.option("--strict", is_flag=True, help="警告也视为错误（退出码 1）。")
@handle_errors
def validate(plans: tuple[str, ...], strict: bool) -> None:
    """检查计划文件，逐行列出问题：路径:行:列: 字段: 说明 (代码)。"""
    from ..plan import load_plan
    findings: list[Finding] = []
    failed = False
    for path in plans:
        try:
            findings += load_plan(path, strict=strict)[1]
        except InputError as exc:
            findings += exc.findings
            failed = True
    _report(findings)
    errors = sum(f.is_error for f in findings)
    click.echo(f"检查了 {len(plans)} 个文件：{errors} 个错误，{len(findings) - errors} 个警告", err=True)
    if failed:
        sys.exit(1)


def _targets(plans: tuple[str, ...], output: str | None, fmt: str) -> list[tuple[Path, Path]]:
    """Pair each plan with its output path; several plans need a folder."""
    if output is None:
        return [(Path(p), None) for p in plans]
    out = Path(output)
    if len(plans) > 1 or output.endswith(("/", "\\")) or out.is_dir():
        return [(Path(p), out / f"{Path(p).stem}.{fmt}") for p in plans]
    return [(Path(plans[0]), out)]


@main.command()
@click.argument("plans", nargs=-1, required=True)
@click.option("-o", "--output", help="输出文件（.txt/.docx/.pdf），多个计划时为输出文件夹。")
@click.option("-f", "--format", "fmt", type=click.Choice(["txt", "docx", "pdf"]), default="txt",
              show_default=True, help="输出到文件夹时的格式。")
@click.option("--pdf", "also_pdf", is_flag=True, help="同时输出 PDF（需要 LibreOffice）。")
@click.option("--style", help="样式表名称（styles/ 中）或路径，默认 gbt9704。")
@click.option("--templates", type=click.Path(file_okay=False), help="自定义模板文件夹（优先于内置模板）。")
@click.option("--strict", is_flag=True, help="警告也视为错误。")
@click.option("--timestamp", is_flag=True, help="在 DOCX 属性中记录生成时间（默认不记录，输出逐字节可重现）。")
@handle_errors
def render(plans, output, fmt, also_pdf, style, templates, strict, timestamp) -> None:
    """把计划渲染为文本、DOCX 或 PDF；不给 -o 时把文本打印到标准输出。"""
    from ..render import RenderOptions, render_file
    options = RenderOptions(style, templates, strict, timestamp)
    pairs = _targets(plans, output, fmt)
    if pairs[0][1] is None:
        _print_text(plans, templates, strict)
        return
    if also_pdf:
        pairs += [(src, dst.with_suffix(".pdf")) for src, dst in pairs if dst.suffix != ".pdf"]
    findings, failed = [], False
    for source, target in _progress(pairs):
        try:
            findings += render_file(source, target, options)
        except InputError as exc:
            findings += exc.findings
            failed = True
    _report(findings)
    if failed:
        sys.exit(1)


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


def _print_text(plans, templates, strict) -> None:
    from ..build import build_document
    from ..plan import load_plan
    from ..templating import make_environment
    from ..writers.text import render_text
    env = make_environment(templates)
    for path in plans:
        plan, warnings = load_plan(path, strict=strict)
        _report(warnings, err=True)
        click.echo(render_text(build_document(plan, env), env), nl=False)


@main.command()
@click.argument("plan")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON（结构稳定，供脚本使用）。")
@handle_errors
def outline(plan: str, as_json: bool) -> None:
    """打印计划的结构：标题、年份、通知字段、各部分及任务编号和标题句。"""
    from ..outline import format_outline, outline_plan
    from ..plan import load_plan
    data = outline_plan(load_plan(plan)[0])
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(format_outline(data), nl=False)


@main.command()
@click.argument("path")
@click.option("--year", type=int, help="计划年份，默认取文件名中的年份，否则为明年。")
@click.option("--force", is_flag=True, help="覆盖已有文件。")
@handle_errors
def new(path: str, year: int | None, force: bool) -> None:
    """写出一份带注释的起始计划。"""
    from ..starter import write_starter
    target = write_starter(Path(path), year=year, force=force)
    click.echo(f"已写出 {target}", err=True)
