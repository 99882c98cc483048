"""Outputs are written atomically with ordinary permissions."""
import os

import pytest

from generator.core.location import ToolError
from generator.writers.atomic import write_atomic


def test_new_file_gets_umask_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a" / "out.txt", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "a" / "out.txt").stat().st_mode & 0o777 == 0o644


def test_existing_file_keeps_its_permissions_and_no_temp_is_left(tmp_path):
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_unwritable_folder_is_a_tool_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ToolError) as info:
        write_atomic(blocker / "out.txt", b"x")
    assert str(info.value).startswith(f"{blocker / 'out.txt'}: 无法写入：")


INTERRUPTED_WRITE = """
import os, signal, sys, time
from generator.writers import atomic
def mode(target):                      # runs after the data is written, before the rename
    os.kill(os.getpid(), getattr(signal, sys.argv[2]))
    time.sleep(5)
atomic._mode = mode
try:
    atomic.write_atomic(sys.argv[1], b"new" * 100000)
except KeyboardInterrupt:
    sys.exit(130)
"""


@pytest.mark.parametrize("signame", ["SIGINT", "SIGTERM"])
def test_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path, signame):
    import subprocess
    import sys
    from pathlib import Path
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", INTERRUPTED_WRITE, str(target), signame],
                         cwd=root, capture_output=True, text=True, timeout=60)
    assert (out.returncode, out.stderr) == (130, "")
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]
    assert target.read_bytes() == b"old"


def test_sigterm_handler_is_restored_after_a_write(tmp_path):
    import signal
    before = signal.getsignal(signal.SIGTERM)
    write_atomic(tmp_path / "out.txt", b"x")
    assert signal.getsignal(signal.SIGTERM) is before
