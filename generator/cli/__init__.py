"""The ``workplan`` command: a thin shell over the library.

Exit codes for every command: 0 clean, 1 problems in the input, 2 the tool could not run.

May import: anything in the package; nothing imports cli.
"""
from __future__ import annotations

import functools
import os
import sys

import click

from generator.core.location import Finding, InputError, ToolError, os_message, sort_findings

CONTEXT = {"help_option_names": ["-h", "--help"]}


def report(findings: list[Finding], *, err: bool = False) -> None:
    """Print findings one per line, sorted (to stderr when ``err``, e.g. beside text on stdout)."""
    for finding in sort_findings(findings):
        click.echo(finding.format(), err=err)


def handle_errors(func):
    """Run a command body, turning InputError into exit 1 (its findings on stderr, so that
    standard output holds only the command's own output), ToolError and an operating-system
    error no command expected (see system_error) into exit 2."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            try:
                return func(*args, **kwargs)
            except InputError as exc:
                report(exc.findings, err=True)
                sys.exit(1)
            except ToolError as exc:
                click.echo(f"错误：{exc}", err=True)
                sys.exit(2)
        except OSError as exc:
            system_error(exc)
            sys.exit(2)
    return wrapper


def system_error(exc: OSError) -> None:
    """Report an operating-system error on stderr: about a file, with its name; else about
    standard output (a full disk), which is then no longer written, so that nothing tries
    again at exit. A closed pipe (``| head``) is not reported."""
    if exc.filename is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
        if isinstance(exc, BrokenPipeError):
            return
        message = f"无法写出到标准输出：{os_message(exc)}"
    else:
        message = f"{exc.filename}: {os_message(exc)}"
    try:
        click.echo(f"错误：{message}", err=True)
    except OSError:
        pass


class _ChineseHelp:
    """Gives the -h/--help option a Chinese description."""

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "显示本帮助并退出。"
        return option


class Command(_ChineseHelp, click.Command):
    """A workplan command."""


class Group(_ChineseHelp, click.Group):
    """The command group, with usage errors introduced in Chinese (exit code 2 as ever)."""

    command_class = Command

    def main(self, *args, **kwargs):
        try:
            return super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as exc:
            usage = exc.ctx.get_usage() if exc.ctx else ""
            command = exc.ctx.command_path if exc.ctx else "workplan"
            click.echo(f"{usage}\n错误：用法不对：{exc.format_message()}\n"
                       f"（运行 {command} --help 查看用法）", err=True)
            sys.exit(2)
        except click.Abort:
            click.echo("已中止", err=True)
            sys.exit(1)


@click.group(cls=Group, context_settings=CONTEXT)
@click.version_option(package_name="workplan", message="workplan %(version)s", help="显示版本并退出。")
def main() -> None:
    """workplan：用 YAML 编写年度工作要点，按 GB/T 9704-2012 生成公文（DOCX、PDF、文本）。

    退出码：0 无问题，1 输入有问题，2 工具无法运行。
    """


def run() -> None:
    """Run ``main``, then leave at once with its exit code (the console entry point,
    generator.cli.console, calls this).

    The interpreter's teardown is skipped (``os._exit`` after flushing the output): it
    only frees memory the system reclaims anyway, and took 35 ms after a small render and
    over 60 ms after a large one. Every file is already closed and replaced when a command
    returns. An unexpected exception propagates as usual.
    """
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
    except OSError as exc:                  # outside a command: --help on a full disk
        system_error(exc)
        code = 2
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError) as exc:
            code = code or 2                # stdout closed early (e.g. a pipe to head) or full
            if stream is sys.stdout and isinstance(exc, OSError):
                system_error(exc)
    os._exit(code)


def register() -> None:
    """Import the command modules, each of which adds its commands to ``main``."""
    from generator.cli import (breakdown_commands, import_commands, lint_commands, plan_commands,  # noqa: F401
                               progress_commands, rollover_commands)


register()
