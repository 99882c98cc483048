"""PDF conversion: the LibreOffice call, its errors, and the missing-LibreOffice message.

A stand-in ``soffice`` script on PATH records how it was called, so these tests run
without LibreOffice; the layout tests exercise the real one.
"""
from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.core.location import ToolError
from generator.writers.pdf import convert_to_pdf

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "minzheng-2021.yaml"

MISSING = (
    "错误：未找到 LibreOffice（soffice 命令），无法生成 PDF。请先安装 LibreOffice 和中文字体："
    "Debian/Ubuntu 运行 apt-get install libreoffice-writer-nogui fonts-noto-cjk "
    "fonts-arphic-ukai fonts-arphic-uming fonts-liberation2；其他系统请从 https://www.libreoffice.org 安装 LibreOffice，"
    "并确保 soffice 在 PATH 中。也可以先输出 .docx，再用 Word 或 WPS 另存为 PDF。\n"
)

# Writes "%PDF" + its environment and arguments to <outdir>/<stem>.pdf, like soffice would.
RECORDER = """#!/bin/sh
out=""; prev=""; src=""
for arg in "$@"; do
  [ "$prev" = "--outdir" ] && out="$arg"
  prev="$arg"; src="$arg"
done
name=${src##*/}; name=${name%.docx}
mkdir -p "$out"
{ echo "%PDF fake"; echo "FONTCONFIG_FILE=$FONTCONFIG_FILE"; printf '%s\\n' "$@"; } > "$out/$name.pdf"
"""


def _fake_soffice(folder: Path, body: str) -> str:
    """Write an executable ``soffice`` script into ``folder``; return a PATH that finds it first."""
    script = folder / "soffice"
    script.write_text(body, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return f"{folder}{os.pathsep}/usr/bin{os.pathsep}/bin"


def test_render_pdf_without_libreoffice_says_how_to_install_it(tmp_path, monkeypatch):
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    target = tmp_path / "plan.pdf"
    result = CliRunner().invoke(main, ["render", str(EXAMPLE), "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr == MISSING
    assert not target.exists()


def test_pdf_flag_without_libreoffice_fails_after_writing_the_docx(tmp_path, monkeypatch):
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    target = tmp_path / "plan.docx"
    result = CliRunner().invoke(main, ["render", str(EXAMPLE), "-o", str(target), "--pdf"])
    assert (result.exit_code, result.stderr) == (2, f"已写出 {target}\n" + MISSING)
    assert target.read_bytes()[:2] == b"PK" and not target.with_suffix(".pdf").exists()


def test_convert_uses_a_private_profile_and_the_font_mapping(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", _fake_soffice(tmp_path, RECORDER))
    monkeypatch.delenv("FONTCONFIG_FILE", raising=False)
    lines = convert_to_pdf(b"PK docx", "示例/要点").decode("utf-8").splitlines()
    assert lines[0] == "%PDF fake"
    assert lines[1] == f"FONTCONFIG_FILE={ROOT / 'styles' / 'fonts.conf'}"
    profile = next(arg for arg in lines if arg.startswith("-env:UserInstallation=file:///"))
    assert "workplan-pdf-" in profile and "--headless" in lines
    assert lines[-1].endswith("/示例_要点.docx")  # the path separator in the stem is replaced


def test_convert_reports_a_failing_libreoffice(tmp_path, monkeypatch):
    failing = "#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n"
    monkeypatch.setenv("PATH", _fake_soffice(tmp_path, failing))
    with pytest.raises(ToolError) as caught:
        convert_to_pdf(b"not a docx", "plan")
    assert str(caught.value) == "LibreOffice 未能把 DOCX 转换为 PDF：Error: source file could not be loaded"


def test_convert_stops_libreoffice_after_the_timeout(tmp_path, monkeypatch):
    marker = tmp_path / "child-alive"
    body = f"#!/bin/sh\n(sleep 2; touch {marker}) &\nsleep 30\n"
    monkeypatch.setenv("PATH", _fake_soffice(tmp_path, body))
    with pytest.raises(ToolError) as caught:
        convert_to_pdf(b"PK", "plan", timeout=1)
    assert str(caught.value) == "LibreOffice 转换 PDF 超时（超过 1 秒），已终止"
    time.sleep(2.5)
    assert not marker.exists(), "a child of soffice survived the timeout"


def test_convert_keeps_the_users_own_font_config(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", _fake_soffice(tmp_path, RECORDER))
    monkeypatch.setenv("FONTCONFIG_FILE", "/home/user/fonts.conf")
    lines = convert_to_pdf(b"PK docx", "plan").decode("utf-8").splitlines()
    assert lines[1] == "FONTCONFIG_FILE=/home/user/fonts.conf"
