"""Atomic output: write a temporary file beside the target, then rename over it."""
from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from pathlib import Path

from generator.core.location import ToolError, os_message


def _mode(target: Path) -> int:
    """Return the permissions the output should have: the old file's, else 0o666 less umask
    (mkstemp would leave 0o600)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def check_target(target: Path, *, source: Path | None = None, force: bool = False) -> None:
    """Check that ``target`` may be written: it is not the input ``source``, and it does not
    exist unless ``force``. Return None; raise ToolError (exit 2) otherwise, also when the
    name cannot be a file (a part longer than the system allows)."""
    try:
        exists = target.exists()
        if source is not None and exists and target.resolve() == Path(source).resolve():
            raise ToolError(f"{target}: 输出文件不能与输入文件相同")
    except OSError as exc:
        raise ToolError(f"{target}: 无法写入：{os_message(exc)}") from None
    if exists and not force:
        raise ToolError(f"{target}: 文件已存在（用 --force 覆盖）")


def write_atomic(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: a failed or interrupted run (Ctrl-C, SIGTERM)
    leaves the old file untouched and no temporary file behind.

    Raises ToolError when the folder cannot be written; KeyboardInterrupt when interrupted.
    """
    target = Path(path)
    with _terminate_as_interrupt():
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        except OSError as exc:
            raise ToolError(f"{target}: 无法写入：{exc.strerror or exc}") from None
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, _mode(target))
            os.replace(tmp, target)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise ToolError(f"{target}: 无法写入：{exc.strerror or exc}") from None
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


@contextlib.contextmanager
def _terminate_as_interrupt():
    """While writing, let SIGTERM raise KeyboardInterrupt like Ctrl-C (its default would end
    the process before the temporary file is removed); the previous handler is put back.
    Only the main thread can set handlers: elsewhere nothing changes."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt
    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:                  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
