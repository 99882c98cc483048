"""DOCX to PDF through LibreOffice (``soffice --headless --convert-to pdf``).

Each conversion runs in its own temporary folder with its own LibreOffice profile, so
parallel runs do not clash, and with ``FONTCONFIG_FILE`` pointing at the project's font
mapping (``styles/fonts.conf``), so the official font names render with free CJK fonts.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from generator.core.location import ToolError
from generator.core.resources import data_dir

SYSTEM_FONTS_CONF = Path("/etc/fonts/fonts.conf")  # what styles/fonts.conf includes
TIMEOUT = 180  # seconds; a cold LibreOffice start with a fresh profile takes a few seconds

INSTALL_HINT = (
    "未找到 LibreOffice（soffice 命令），无法生成 PDF。请先安装 LibreOffice 和中文字体："
    "Debian/Ubuntu 运行 apt-get install libreoffice-writer-nogui fonts-noto-cjk "
    "fonts-arphic-ukai fonts-arphic-uming fonts-liberation2；其他系统请从 https://www.libreoffice.org 安装 LibreOffice，"
    "并确保 soffice 在 PATH 中。也可以先输出 .docx，再用 Word 或 WPS 另存为 PDF。"
)


def find_soffice() -> str:
    """Return the path of the LibreOffice binary. Raises ToolError (with install help) if missing."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise ToolError(INSTALL_HINT)


def font_config() -> Path:
    """Return the project's fontconfig file that maps official font names to free fonts."""
    return data_dir("styles") / "fonts.conf"


def _safe_stem(stem: str) -> str:
    """Return ``stem`` usable as a file name inside the work folder ("document" if unusable)."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", stem).strip(" .")
    return cleaned[:100] or "document"


def _environment(profile: Path) -> dict[str, str]:
    """Return the environment for soffice: the font mapping and a private HOME.

    The mapping is used only where it can include the system's fontconfig file, and never
    replaces a FONTCONFIG_FILE the user has set.
    """
    env = dict(os.environ)
    conf = font_config()
    if conf.is_file() and SYSTEM_FONTS_CONF.is_file() and "FONTCONFIG_FILE" not in env:
        env["FONTCONFIG_FILE"] = str(conf)
    env["HOME"] = str(profile)  # some LibreOffice builds write to ~ despite the profile option
    return env


def _run(command: list[str], env: dict[str, str], cwd: Path, timeout: int) -> subprocess.CompletedProcess:
    """Run soffice in its own process group; kill the whole group on timeout.

    Returns the completed process. Raises ToolError on timeout or when it cannot start.
    """
    try:
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True)
    except OSError as exc:
        raise ToolError(f"无法启动 LibreOffice（{command[0]}）：{exc.strerror or exc}") from None
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise ToolError(f"LibreOffice 转换 PDF 超时（超过 {timeout} 秒），已终止") from None
    return subprocess.CompletedProcess(command, proc.returncode, out, err)


def convert_to_pdf(docx: bytes, stem: str, *, timeout: int = TIMEOUT) -> bytes:
    """Convert DOCX bytes to PDF bytes with LibreOffice; ``stem`` names the work file.

    Returns the PDF. Raises ToolError when LibreOffice is missing, fails or times out.
    """
    soffice = find_soffice()
    name = _safe_stem(stem)
    with tempfile.TemporaryDirectory(prefix="workplan-pdf-") as tmp:
        work = Path(tmp)
        profile = work / "profile"
        profile.mkdir()
        source = work / f"{name}.docx"
        source.write_bytes(docx)
        command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                   "--invisible", "--nologo", "--norestore", "--nolockcheck",
                   "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(work / "out"),
                   str(source)]
        result = _run(command, _environment(profile), work, timeout)
        target = work / "out" / f"{name}.pdf"
        if result.returncode != 0 or not target.is_file():
            detail = (result.stderr or result.stdout).decode("utf-8", "replace").strip()
            detail = detail.splitlines()[-1] if detail else f"退出码 {result.returncode}"
            raise ToolError(f"LibreOffice 未能把 DOCX 转换为 PDF：{detail}")
        return target.read_bytes()
