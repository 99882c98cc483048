"""The lint command: official-writing checks on plans, Word files and text, with safe fixes."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from generator.cli import handle_errors, main
from generator.core.location import ToolError

_FORMATS = ("text", "json", "markdown")


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(code for value in values for code in value.split(",") if code.strip())


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--select", multiple=True, help="只运行这些规则：代码或前缀，逗号分隔（如 PUN,NUM01；ALL 为全部默认规则）。")
@click.option("--ignore", multiple=True, help="不运行这些规则：代码或前缀，逗号分隔。")
@click.option("--extend-select", multiple=True, help="在默认或配置的规则之外再运行这些规则。")
@click.option("--fix", is_flag=True, help="自动改正可安全修复的问题（计划和文本就地修改，Word 文件须用 -o 另存）。")
@click.option("--unsafe-fixes", is_flag=True, help="连同不安全的修复一起改（请核对结果）。")
@click.option("--diff", "show_diff", is_flag=True, help="只显示修复会做的改动，不写文件。")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Word 文件修复后的副本（.docx），每处修改都是修订（可逐条接受或拒绝）。")
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default="text", show_default=True,
              help="输出格式；markdown 只用于 --rules。")
@click.option("--rules", "list_rules", is_flag=True, help="列出全部规则（代码、说明、修复是否安全）。")
@handle_errors
def lint(paths, select, ignore, extend_select, fix, unsafe_fixes, show_diff, output, fmt, list_rules) -> None:
    """检查公文写作：标点、数字与日期、结构层次序数、公文要素、用词。

    PATHS 是计划文件（.yaml）、Word 文件（.docx）、文本文件（.txt）或文件夹。每个问题一行：
    路径:行:列: 代码 字段: 说明：“原文”；Word 文件的“行”是段落序号（表格算一段），“列”是段内第几个字。

    退出码：0 没有问题，1 有问题，2 工具无法运行。规则说明见 docs/lint-rules.md。
    """
    from generator.lint.files import Options, collect, fresh
    fresh()
    if list_rules:
        _print_rules(fmt)
        return
    if fmt == "markdown":
        raise ToolError("--format markdown 只能与 --rules 一起用")
    if not paths:
        raise ToolError("请给出要检查的文件或文件夹（或用 --rules 列出规则）")
    options = Options(_codes(select) or None, _codes(ignore), _codes(extend_select), unsafe_fixes)
    files = collect(list(paths))
    fixing = fix or unsafe_fixes or show_diff
    if output and (len(files) != 1 or files[0].suffix.lower() != ".docx" or not fixing):
        raise ToolError("-o 只用于修复单个 Word 文件：workplan lint 文件.docx --fix -o 副本.docx")
    if fixing and not show_diff and any(f.suffix.lower() == ".docx" for f in files) and not output:
        raise ToolError("Word 文件不在原处修改：请用 -o 指定修复后的副本，如 --fix -o 修订稿.docx")
    if output and Path(output).resolve() == files[0].resolve():
        raise ToolError(f"{output}: 输出文件不能与输入文件相同")
    linted = [_run(path, options, fixing, show_diff, output) for path in files]
    _report(linted, fmt, fixing and not show_diff)
    changed = show_diff and any(item.output for item in linted)
    if changed or any(item.results or item.errors for item in linted):
        sys.exit(1)


def _run(path: Path, options, fixing: bool, show_diff: bool, output: str | None):
    """Lint (and fix) one file; write the fixed output unless only a diff is wanted."""
    import gc
    from generator.lint.files import fix_file, lint_file
    from generator.writers.atomic import write_atomic
    gc.disable()            # one file's data and spans live until it is done (as render)
    try:
        item = fix_file(path, options) if fixing else lint_file(path, options)
    finally:
        gc.enable()
    if not fixing:
        return item
    if item.output is None:
        return item
    if show_diff:
        click.echo(_diff(path, item), nl=False)
    else:
        write_atomic(Path(output) if output else path, item.output)
    return item


def _diff(path: Path, item) -> str:
    """Return a unified diff of the file's text (a Word file: its paragraphs) before and after."""
    import difflib
    if path.suffix.lower() == ".docx":
        before = [s.text + "\n" for s in item.source.spans]
        from generator.lint.files import open_source
        before = [s.text + "\n" for s in open_source(path).spans]
        after = [s.text + "\n" for s in item.source.spans]
    else:
        before = path.read_bytes().decode(item.source.encoding if hasattr(item.source, "encoding")
                                          else "utf-8").splitlines(keepends=True)
        after = item.output.decode(getattr(item.source, "encoding", "utf-8")).splitlines(keepends=True)
    return "".join(difflib.unified_diff(before, after, f"{path}（原文）", f"{path}（修复后）"))


def _report(linted: list, fmt: str, fixed: bool) -> None:
    results = sorted((r for item in linted for r in item.results), key=lambda r: r.finding.sort_key())
    errors = [f for item in linted for f in item.errors]
    if fmt == "json":
        rows = [r.as_json() for r in results] + [_error_json(f) for f in errors]
        rows.sort(key=lambda row: (row["path"], row["line"], row["col"], row["code"]))
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for line in sorted([(r.finding.sort_key(), r.finding.format()) for r in results]
                           + [(f.sort_key(), f.format()) for f in errors]):
            click.echo(line[1])
    fixable = sum(r.fixable for r in results)
    done = sum(item.fixed for item in linted)
    summary = f"检查了 {len(linted)} 个文件：{len(results) + len(errors)} 处问题"
    if fixed:
        summary += f"，已修复 {done} 处"
    elif fixable:
        summary += f"（{fixable} 处可用 --fix 自动修复）"
    click.echo(summary, err=True)


def _error_json(finding) -> dict:
    where = finding.location
    return {"path": where.path, "line": where.line, "col": where.col, "code": finding.code,
            "message": finding.message, "field": finding.field, "fixable": False,
            "unsafe_fixable": False}


def _print_rules(fmt: str) -> None:
    from generator.lint.docs import rules_json, rules_markdown, rules_text
    text = {"text": rules_text, "json": rules_json, "markdown": rules_markdown}[fmt]()
    click.echo(text, nl=False)
