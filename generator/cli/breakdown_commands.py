"""The breakdown command: the 重点任务分解表 as a file, per unit, or a summary on screen."""
from __future__ import annotations

import re
from pathlib import Path

import click

from generator.cli import handle_errors, main, report
from generator.core.location import ToolError

_FORMATS = ("docx", "xlsx", "csv", "txt")


def _format(output: Path, fmt: str | None) -> str:
    """Return the format of a single output file (its suffix; ``-f`` must agree).
    Raises ToolError for another suffix."""
    suffix = output.suffix.lower().lstrip(".")
    if suffix not in _FORMATS:
        raise ToolError(f"{output}: 不支持的输出格式“{output.suffix}”（可用：.docx、.xlsx、.csv、.txt）")
    if fmt and fmt != suffix:
        raise ToolError(f"{output}: 输出文件的后缀与 -f {fmt} 不一致")
    return suffix


def _file_name(unit: str, fmt: str) -> str:
    """Return a file name for a unit's list: the name without characters a file name
    cannot hold."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", unit).strip("._") + f".{fmt}"


def _write(target: Path, source: Path, data: bytes) -> None:
    from generator.writers.atomic import write_atomic
    if target.exists() and target.resolve() == source.resolve():
        raise ToolError(f"{target}: 输出文件不能与输入文件相同")
    write_atomic(target, data)
    click.echo(f"已写出 {target}", err=True)


@main.command()
@click.argument("plan", type=click.Path(dir_okay=False))
@click.option("-o", "--output", help="输出文件（.docx/.xlsx/.csv/.txt），--by-unit 时为文件夹；不给时在屏幕上列出各单位汇总。")
@click.option("-f", "--format", "fmt", type=click.Choice(_FORMATS), help="--by-unit 时每个单位文件的格式（默认 docx）。")
@click.option("--by-unit", is_flag=True, help="每个单位一份清单：牵头任务在前，配合任务在后，各按完成时限排序。")
@click.option("--unit", "unit_name", help="只输出这个单位（全称或简称）。")
@click.option("--style", help="样式表名称或路径（列、表头、横排），默认 gbt9704。")
@click.option("--strict", is_flag=True, help="警告也视为错误。")
@handle_errors
def breakdown(plan, output, fmt, by_unit, unit_name, style, strict) -> None:
    """生成重点任务分解表：整表、各单位清单（DOCX、XLSX、CSV、文本），或屏幕汇总。"""
    from generator.document.breakdown import require_tasks, unit_lists
    from generator.document.templating import LazyEnvironment
    from generator.plan.load import load_plan
    from generator.style.sheet import load_style
    from generator.writers.breakdown import (find_unit, make_table, summary_lines, table_bytes,
                                             unit_tables)
    source = Path(plan)
    loaded, warnings = load_plan(source, strict=strict)
    require_tasks(loaded, str(source))
    sheet = load_style(style)
    table = make_table(loaded, sheet, LazyEnvironment())
    report(warnings, err=True)
    lists = unit_lists(loaded, table.entries)
    if unit_name:
        lists = [find_unit(unit_name, lists, loaded)]
    if output is None:
        click.echo("\n".join(summary_lines(table.title, lists, table.entries if not unit_name else
                                           [e for u in lists for e in u.leads + u.supports])))
        return
    target = Path(output)
    if not by_unit and not unit_name:
        _write(target, source, table_bytes(table, _format(target, fmt), sheet))
        return
    parts = [(u, t) for u, t in unit_tables(table, loaded) if u.unit in {x.unit for x in lists}]
    if unit_name and target.suffix and not output.endswith(("/", "\\")) and not target.is_dir():
        _write(target, source, table_bytes(parts[0][1], _format(target, fmt), sheet))
        return
    for unit, part in parts:
        _write(target / _file_name(unit.unit, fmt or "docx"), source,
               table_bytes(part, fmt or "docx", sheet))
