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
