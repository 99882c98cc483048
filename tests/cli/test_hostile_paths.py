"""Odd paths and streams (issue 14, point 10): a file name longer than the system allows,
/dev/zero (or a link to it) as input, standard output on a full device. One message each,
exit 1 or 2, no traceback, no unbounded read."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.readers import TEXT_CAP
from generator.source.sourcemap import MAX_BYTES
from helpers import SMALL, invoke

ROOT = Path(__file__).resolve().parents[2]
LONG = "长" * 100                     # 300 bytes in UTF-8: over the 255 a name part may have


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_input_name_too_long(tmp_path):
    path = tmp_path / f"{LONG}.yaml"
    result = invoke("validate", path)
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"错误：{path}: 无法读取文件：文件名过长（File name too long）"]
    text = tmp_path / f"{LONG}.txt"
    result = invoke("import", text, "-o", tmp_path / "out.yaml")
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"错误：{text}: 无法读取文件：File name too long"]


@pytest.mark.parametrize("command", ["import", "rollover"])
def test_output_name_too_long(small, tmp_path, command):
    target = tmp_path / f"{LONG}.yaml"
    result = invoke(command, small, "-o", target)
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"错误：{target}: 无法写入：文件名过长（File name too long）"]


def test_render_to_a_name_too_long(small, tmp_path):
    target = tmp_path / f"{LONG}.docx"
    result = invoke("render", small, "-o", target)
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"错误：{target}: 文件名过长（File name too long）"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_behind_a_link_is_read_only_up_to_the_limit(tmp_path):
    plan, text = tmp_path / "plan.yaml", tmp_path / "last.txt"
    plan.symlink_to("/dev/zero")
    text.symlink_to("/dev/zero")
    result = invoke("validate", plan)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"{plan}: E002 文件过大（超过上限 {MAX_BYTES} 字节）"
    result = invoke("import", text, "-o", tmp_path / "out.yaml")
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"{text}: E403 文件过大（超过上限 {TEXT_CAP} 字节）"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("argv", [["outline", "{plan}", "--json"], ["render", "{plan}"], ["--help"]])
def test_standard_output_on_a_full_device(small, argv):
    with open("/dev/full", "w") as full:
        out = subprocess.run([sys.executable, "-m", "generator", *(a.format(plan=small) for a in argv)],
                             stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    assert out.returncode == 2
    assert out.stderr.splitlines() == ["错误：无法写出到标准输出：磁盘空间不足（No space left on device）"]
