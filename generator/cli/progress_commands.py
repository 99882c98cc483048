"""Commands for the plan through the year: ledger (out and in), status, summary."""
from __future__ import annotations

import json
from pathlib import Path

import click

from generator.cli import Group, handle_errors, main, report
from generator.core.location import ToolError


class _DefaultGroup(Group):
    """``workplan ledger PLAN …`` runs ``ledger export``; ``workplan ledger import …`` reads."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["export", *args]
        return super().parse_args(ctx, args)

    def main(self, *args, **kwargs):     # only the top-level group handles usage errors
        return click.Group.main(self, *args, **kwargs)


def _check_output(target: Path, inputs: list[Path], force: bool) -> None:
    """Raise ToolError when ``target`` is one of the inputs, or exists without ``force``."""
    if any(target.resolve() == Path(p).resolve() for p in inputs):
        raise ToolError(f"{target}: 输出文件不能与输入文件相同")
    if target.exists() and not force:
        raise ToolError(f"{target}: 文件已存在；如要覆盖，请加 --force")


def _period(text: str | None):
    from generator.progress.periods import parse_period
    return parse_period(text) if text else None


@main.group(cls=_DefaultGroup)
def ledger() -> None:
    """台账：导出计划的台账工作簿（workplan ledger PLAN.yaml --period 2021-H1 -o 台账.xlsx），
    或把各单位填好的台账读回为进展文件（workplan ledger import 台账.xlsx PLAN.yaml）。"""


@ledger.command("export")
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--period", required=True, help="期间：2021（全年）、2021-H1、2021-Q1 或 2021-03。")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="输出的 .xlsx，默认在计划旁：2021.台账-2021-H1.xlsx。")
@click.option("--by-unit", is_flag=True, help="每个牵头单位一张工作表。")
@click.option("--force", is_flag=True, help="覆盖已有的输出文件。")
@handle_errors
def ledger_export(plan: Path, period: str, output: Path | None, by_unit: bool, force: bool) -> None:
    """导出台账：每项任务、每个指标一行；只有进展情况、状态、实际完成值、备注可填。"""
    from generator.progress.ledger import export_ledger
    from generator.writers.atomic import write_atomic
    when = _period(period)
    target = output or plan.with_name(f"{plan.stem}.台账-{when.code}.xlsx")
    if target.suffix.lower() != ".xlsx":
        raise ToolError(f"{target}: 台账应保存为 .xlsx")
    _check_output(target, [plan], force)
    write_atomic(target, export_ledger(plan, when, by_unit=by_unit))
    click.echo(f"已写出 {target}", err=True)


@ledger.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--period", help="期间，默认取台账生成时的期间。")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="进展文件，默认在计划旁：2021.progress-2021-H1.yaml。")
@click.option("--force", is_flag=True, help="覆盖已有的进展文件。")
@handle_errors
def ledger_import(files: tuple[Path, ...], period: str | None, output: Path | None, force: bool) -> None:
    """读回填好的台账（可多个，最后一个参数为计划文件），写成该期间的进展文件。

    找不到对应任务的行放入 unmatched（不会丢弃）；出错的单元格逐个列出：文件:工作表!单元格。"""
    from generator.progress.ledger import import_ledgers
    from generator.writers.atomic import write_atomic
    if len(files) < 2:
        raise ToolError("用法：workplan ledger import 台账.xlsx [更多.xlsx …] PLAN.yaml")
    *books, plan = files
    result = import_ledgers(books, plan, _period(period))
    target = output or result.target
    _check_output(target, list(files), force)
    write_atomic(target, result.text.encode("utf-8"))
    report(result.findings, err=True)
    click.echo(f"已写出 {target}：读入 {result.rows} 行填报，{result.unmatched} 行放入 unmatched", err=True)


@main.command()
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--period", help="期间，默认取计划旁最新的进展文件。")
@click.option("--progress", "progress_file", type=click.Path(dir_okay=False, path_type=Path),
              help="进展文件，默认为计划旁该期间的文件。")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON（供脚本使用）。")
@handle_errors
def status(plan: Path, period: str | None, progress_file: Path | None, as_json: bool) -> None:
    """进展一览：各部分、各牵头单位按状态计数，指标完成率与序时进度，逾期未完成的任务。"""
    from generator.progress.report import format_status
    from generator.progress.status import load_status
    result, warnings = load_status(plan, _period(period), progress_file)
    report(warnings, err=True)
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_status(result), nl=False)


@main.command()
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--period", help="期间，默认取计划旁最新的进展文件。")
@click.option("--progress", "progress_file", type=click.Path(dir_okay=False, path_type=Path),
              help="进展文件，默认为计划旁该期间的文件。")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="输出文件：.docx、.pdf（需要 LibreOffice）或 .txt。")
@click.option("--style", help="样式表名称（styles/ 中）或路径，默认 gbt9704。")
@click.option("--templates", help="自定义模板文件夹（优先于内置模板）。")
@click.option("--force", is_flag=True, help="覆盖已有的输出文件。")
@handle_errors
def summary(plan, period, progress_file, output, style, templates, force) -> None:
    """生成上半年或年度工作总结的底稿：完成情况、存在的问题、下一步工作打算。"""
    from generator.progress.status import load_status
    from generator.writers.render import output_format, write_document
    if templates and not Path(templates).is_dir():
        raise ToolError(f"{templates}: 模板文件夹不存在")
    fmt = output_format(output)
    _check_output(output, [plan] + ([progress_file] if progress_file else []), force)
    result, warnings = load_status(plan, _period(period), progress_file)
    from generator.progress.summary import build_summary
    from generator.document.templating import make_environment
    env = make_environment(templates)
    document = build_summary(result, env)
    write_document(document, output, fmt, style=style, env=env)
    report(warnings, err=True)
    click.echo(f"已写出 {output}", err=True)
