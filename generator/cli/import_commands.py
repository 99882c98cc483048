"""``workplan import``: last year's .txt or .docx -> a plan file (see issue 4)."""
from __future__ import annotations

from pathlib import Path

import click

from generator.cli import handle_errors, main, report
from generator.writers.atomic import check_target


def import_file(source: Path) -> tuple[str, list]:
    """Return (plan YAML text, warnings) for a .txt or .docx file.

    Raises ToolError when the file cannot be read, InputError when it holds nothing usable.
    """
    from generator.importer.extract import extract_plan
    from generator.plan.dump import dump_plan
    from generator.readers import read_document
    result = read_document(source)
    data, findings = extract_plan(result.blocks, result.warnings, lines=result.lines,
                                  path=result.path, seal=result.seal)
    return dump_plan(data, source.name), findings


def _check_target(source: Path, target: Path, force: bool) -> None:
    check_target(target, source=source, force=force)


@main.command("import")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="输出的计划文件（.yaml）；不给时打印到标准输出。")
@click.option("--force", is_flag=True, help="覆盖已有的输出文件。")
@handle_errors
def import_(source: Path, output: Path | None, force: bool) -> None:
    """从去年的文本（.txt）或 Word 文件（.docx）导入计划，写成 YAML 计划文件。

    无法归类的文本保存在 unplaced 中，需要核对的字段列在 review 中；警告逐行列出。
    """
    if output is not None:
        _check_target(source, output, force)
    text, findings = import_file(source)
    if output is None:
        report(findings, err=True)
        click.echo(text, nl=False)
        return
    from generator.writers.atomic import write_atomic
    write_atomic(output, text.encode("utf-8"))
    report(findings, err=True)
    click.echo(f"已写出 {output}", err=True)
