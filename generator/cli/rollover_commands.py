"""Commands that carry a plan from one year to the next: rollover and diff."""
from __future__ import annotations

import json
import re
from pathlib import Path

import click

from generator.cli import handle_errors, main
from generator.core.location import ToolError
from generator.writers.atomic import check_target


def _default_output(source: Path, old: int, new: int) -> Path:
    """Return the output path: the input's name with its year replaced (plans/2021.yaml gives
    plans/2022.yaml). Raises ToolError when the name holds no year."""
    name, count = re.subn(rf"(?<!\d){old}(?!\d)", str(new), source.name)
    if not count:
        raise ToolError(f"{source}: 文件名中没有年份 {old}，请用 -o 指定输出文件")
    return source.with_name(name)


def _check_output(source: Path, target: Path, force: bool) -> None:
    """Raise ToolError when ``target`` is the input, or exists and ``force`` is not given."""
    if target.resolve() == source.resolve():
        raise ToolError(f"{target}: 输出文件不能与输入文件相同")
    check_target(target, force=force)


@main.command()
@click.argument("plan", type=click.Path(dir_okay=False))
@click.option("--year", type=int, help="新计划的年份（须晚于原计划年份），默认为原计划年份加 1。")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="输出文件，默认把输入文件名中的年份换成新年份（plans/2021.yaml → plans/2022.yaml）。")
@click.option("--force", is_flag=True, help="覆盖已有的输出文件。")
@click.option("--progress", "progress_file", type=click.Path(dir_okay=False),
              help="年末进展文件（基数取实际完成值），默认为计划旁的 2021.progress-2021.yaml 等。")
@handle_errors
def rollover(plan: str, year: int | None, output: str | None, force: bool,
             progress_file: str | None) -> None:
    """以上一年的计划为底稿生成新一年的计划。

    年份、标题、发文字号年份和日期随之顺延，指标的目标值转为基数。

    需要人工核对的字段记入文件末尾的 review 列表，workplan validate 逐项提示，直到从列表中删去；
    上次顺延留下的、本次再次标出的同一字段的待复核项由新项替换。目标年份须晚于计划年份。

    有年末进展文件时，指标的基数取上年实际完成值（上年目标值记为 prior_target），
    未完成的任务标为待复核，由您决定是否延续；没有时基数取上年目标值，并标为待复核。

    注释、键的顺序和原有措辞保持不变。
    """
    from generator.rollover.roll import roll_over
    from generator.writers.atomic import write_atomic
    from generator.source.sourcemap import read_source
    source = Path(plan)
    text = read_source(source)
    progress = _year_end_progress(source, text, progress_file)
    result = roll_over(text, plan, year, progress=progress)
    target = Path(output) if output else _default_output(source, result.old_year, result.year)
    _check_output(source, target, force)
    write_atomic(target, result.text.encode("utf-8"))
    _summarize(result, target)


def _year_end_progress(source: Path, text: str, given: str | None):
    """Return the year-end Progress for the plan (the file given, else the one beside the
    plan), None when there is none."""
    from generator.rollover.actuals import find_year_end, load_actuals
    from generator.source.sourcemap import parse_yaml
    data, _ = parse_yaml(text, str(source))
    year = data.get("year") if isinstance(data, dict) else None
    if not isinstance(year, int):
        return None                     # roll_over reports the plan's errors
    path = Path(given) if given else find_year_end(source, year)
    if path is None:
        return None
    progress = load_actuals(path, year)
    click.echo(f"基数取自 {path} 中的实际完成值", err=True)
    return progress


def _summarize(result, target: Path) -> None:
    """Print what moved and what is flagged to standard error."""
    from generator.cli import report
    report([f for f in result.findings if f.code != "W301"], err=True)
    click.echo(f"已写出 {target}：改动 {len(result.moved)} 处，待复核 {len(result.flags)} 处", err=True)
    for line in result.moved:
        click.echo(f"  改动 {line}", err=True)
    for entry in result.flags:
        click.echo(f"  待复核 {entry}", err=True)
    if result.flags:
        click.echo("待复核的字段已记入 review 列表；核对后逐项删去，workplan validate 将不再提示。",
                   err=True)


@main.command()
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="输出 JSON（结构稳定，见上文）。")
@click.option("--docx", "docx_out", type=click.Path(dir_okay=False),
              help="另存一份 DOCX：新计划正文，相对旧计划的改动标为 Word 修订。")
@handle_errors
def diff(old: str, new: str, as_json: bool, docx_out: str | None) -> None:
    """比较两年的计划：标题、年份、通知各字段、总体要求、部分标题和引言，新增、删除、移动、
    改写的任务和指标变化（任务按相似度匹配，不按位置；占位符按印出的文字比较）。

    \b
    --json 的结构（字段只增不删、不改名；列表按新计划的顺序，删除的按旧计划的顺序）：
    {"old": {"title": 标题, "year": 年份}, "new": {同左},
     "summary": {"added", "dropped", "moved", "reworded", "changed", "targets", "fields": 个数},
     "fields":   [{"path": "notice.doc_number", "label": "发文字号", "old": 旧值, "new": 新值}],
     "added":    [任务], "dropped": [任务],
     "moved":    [{"old": 任务, "new": 任务}],
     "reworded": [{"old": 任务, "new": 任务, "similarity": 0–1, "changes": {字段: {"old", "new"}}}],
     "changed":  [{"old": 任务, "new": 任务, "changes": {字段: {"old", "new"}}}],
     "targets":  [{"change": "changed|added|dropped", "name": 指标名, "path": 路径,
                   "task": 任务, "changes": {字段: {"old", "new"}}}]}
    任务 = {"path": "sections[1].tasks[0]", "section": "二、…", "label": "3.", "title": 标题句}

    \b
    fields 的 path：title、year、numbering.*、notice.*（通知各字段，取印出的文字，如
    日期为 2021年3月23日）、preamble、sections[i].title、sections[i].intro；值为文字、
    文字列表、数字、true/false，缺少时为 null。reworded 是文字（title、body、items）有
    改动的任务，changed 是文字未变而 owners 或 deadline 有改动的任务；指标的字段为 name、
    value、unit、baseline、deadline、owners、note。
    """
    from generator.diff.match import diff_plans
    from generator.diff.report import format_diff
    from generator.plan.load import load_plan
    old_plan, new_plan = load_plan(old)[0], load_plan(new)[0]
    if docx_out:
        target = Path(docx_out)
        if target.resolve() in (Path(old).resolve(), Path(new).resolve()):
            raise ToolError(f"{target}: 输出文件不能与输入文件相同")
    result = diff_plans(old_plan, new_plan)
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_diff(result), nl=False)
    if docx_out:
        from generator.writers.atomic import write_atomic
        from generator.writers.docx.redline import write_redline  # python-docx only when asked for
        write_atomic(docx_out, write_redline(old_plan, new_plan, result))
        click.echo(f"已写出 {docx_out}", err=True)
