"""Bad input to ``workplan import`` fails cleanly: exit 1 (the input) or 2 (the tool cannot
run), one exact message, no traceback, and no file written or overwritten."""
import io
import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.readers import DOCX_CAP, TEXT_CAP

PLAN_TEXT = "示例区2024年工作要点\n一、总体工作\n1. 做好甲项工作。按时完成。\n"


def _run(*args):
    result = CliRunner().invoke(main, ["import", *map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def _docx_bytes(document_xml: bytes | None = None) -> bytes:
    import docx
    out = io.BytesIO()
    docx.Document().save(out)
    if document_xml is None:
        return out.getvalue()
    source, rebuilt = zipfile.ZipFile(out), io.BytesIO()
    with zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = document_xml if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info.filename, data)
    return rebuilt.getvalue()


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "E401 文件为空，没有可导入的内容"),
    ("blank.txt", " \n\u3000\n".encode(), "E401 文件为空，没有可导入的内容"),
    ("garbage.txt", bytes(range(256)) * 40, "E402 不是文本文件（含二进制内容或编码无法识别）"),
    ("notzip.docx", b"PK\x03\x04 this is not really a zip", "E404 不是有效的 Word 文件（.docx 应为 zip 压缩包）"),
    ("text.docx", PLAN_TEXT.encode(), "E404 不是有效的 Word 文件（.docx 应为 zip 压缩包）"),
    ("prose.txt", "这是一段没有任何结构的文字。\n还是一段文字。\n".encode(),
     "E407 未找到任何部分标题（一、）或编号任务，无法导入"),
])
def test_bad_input_exits_1_with_one_message(tmp_path, name, data, message):
    path = _write(tmp_path, name, data)
    result = _run(path, "-o", tmp_path / "out.yaml")
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"{path}: {message}"]
    assert not (tmp_path / "out.yaml").exists()


def test_zip_bomb_is_refused(tmp_path):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"\0" * (DOCX_CAP + 1))
    assert len(bomb.getvalue()) < DOCX_CAP // 500
    path = _write(tmp_path, "bomb.docx", bomb.getvalue())
    result = _run(path, "-o", tmp_path / "out.yaml")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{path}: E405 解压后过大（上限 {DOCX_CAP} 字节），疑为压缩炸弹，已拒绝"]


def test_docx_with_external_entity_is_refused(tmp_path):
    xml = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
           b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
           b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           b'<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>')
    path = _write(tmp_path, "xxe.docx", _docx_bytes(xml))
    result = _run(path)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{path}: E406 word/document.xml 含 DOCTYPE 或实体声明（可能引用外部实体），已拒绝"]


def test_empty_word_file(tmp_path):
    path = _write(tmp_path, "empty.docx", _docx_bytes())
    result = _run(path)
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"{path}: E401 文件为空，没有可导入的内容"]


def test_very_large_text_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(TEXT_CAP + 1)           # sparse: no need to write 20 MB
    result = _run(path)
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"{path}: E403 文件过大（{TEXT_CAP + 1} 字节，上限 {TEXT_CAP} 字节）"]


def test_missing_file_and_unknown_format_exit_2(tmp_path):
    result = _run(tmp_path / "none.txt")
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"错误：{tmp_path / 'none.txt'}: 无法读取文件：No such file or directory"]
    pdf = _write(tmp_path, "last.pdf", b"%PDF-1.4")
    result = _run(pdf)
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"错误：{pdf}: 不支持的输入格式“.pdf”（可用：.txt、.docx）"]


def test_existing_output_is_kept_without_force(tmp_path):
    source = _write(tmp_path, "last.txt", PLAN_TEXT.encode())
    target = _write(tmp_path, "2024.yaml", b"# mine\n")
    result = _run(source, "-o", target)
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"错误：{target}: 文件已存在（用 --force 覆盖）"]
    assert target.read_bytes() == b"# mine\n"
    assert _run(source, "-o", target, "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# 由 workplan import 导入")


def test_never_writes_over_its_input(tmp_path):
    source = _write(tmp_path, "last.txt", PLAN_TEXT.encode())
    result = _run(source, "-o", source, "--force")
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"错误：{source}: 输出文件不能与输入文件相同"]
    assert source.read_bytes() == PLAN_TEXT.encode()


def test_failed_import_leaves_no_temporary_files(tmp_path):
    path = _write(tmp_path, "empty.txt", b"")
    _run(path, "-o", tmp_path / "out.yaml")
    assert sorted(os.listdir(tmp_path)) == ["empty.txt"]
