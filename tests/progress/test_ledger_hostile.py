"""Hostile or foreign workbooks fail cleanly (exit 1, one located message), like hostile
Word files: not a zip, a zip bomb, DTDs, external links, huge sheets, no ledger header."""
from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from ledger_helpers import export, invoke, plan_copy

from generator.progress import ledger_read


def _import(tmp_path, data: bytes, name: str = "台账.xlsx"):
    book = tmp_path / name
    book.write_bytes(data)
    result = invoke("ledger", "import", book, plan_copy(tmp_path), "--period", "2021-H1")
    return book, result


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _with_member(path, name: str, data: bytes) -> bytes:
    source = zipfile.ZipFile(path)
    members = {info.filename: source.read(info) for info in source.infolist()}
    return _zip({**members, name: data})


@pytest.mark.parametrize("data, message", [
    (b"", "E401 文件为空，没有可导入的内容"),
    (b"PK\x03\x04 not really a zip", "E501 不是有效的 Excel 工作簿（.xlsx 应为 zip 压缩包）"),
    ("序号,任务\n1,甲\n".encode(), "E501 不是有效的 Excel 工作簿（.xlsx 应为 zip 压缩包）"),
    (_zip({"word/document.xml": b"<w/>"}), "E501 不是有效的 Excel 工作簿（缺少 xl/workbook.xml）"),
    (_zip({"xl/workbook.xml": b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x/>"}),
     "E406 xl/workbook.xml 含 DOCTYPE 或实体声明（可能引用外部实体），已拒绝"),
], ids=["empty", "not-zip", "csv", "docx-like", "dtd"])
def test_not_a_workbook(tmp_path, data, message):
    book, result = _import(tmp_path, data)
    assert (result.exit_code, result.stderr) == (1, f"{book}: {message}\n")


def test_zip_bomb(tmp_path):
    bomb = _zip({"xl/workbook.xml": b"<x/>", "xl/worksheets/sheet1.xml": b"\0" * (31 * 1024 * 1024)})
    assert len(bomb) < 100_000
    book, result = _import(tmp_path, bomb)
    assert result.exit_code == 1
    assert result.stderr == f"{book}: E405 解压后过大（上限 31457280 字节），疑为压缩炸弹，已拒绝\n"


def test_external_links_are_refused(tmp_path):
    plan = plan_copy(tmp_path)
    real = export(plan, tmp_path / "real.xlsx")
    linked = _with_member(real, "xl/externalLinks/externalLink1.xml", b"<externalLink/>")
    book, result = _import(tmp_path, linked, "linked.xlsx")
    assert result.exit_code == 1
    assert result.stderr == (f"{book}: E502 工作簿含外部链接（引用其他文件的数据），已拒绝；"
                             "请将其中的值粘贴为数值后另存\n")


def test_a_sheet_too_long_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(ledger_read, "MAX_ROWS", 8)
    plan = plan_copy(tmp_path)
    book = export(plan, tmp_path / "台账.xlsx")
    result = invoke("ledger", "import", book, plan)
    assert (result.exit_code, result.stderr) == (1, f"{book}:台账!A9: E503 工作表“台账”超过 8 行，已拒绝\n")


def test_a_foreign_workbook_has_no_ledger_header(tmp_path):
    foreign = openpyxl.Workbook()
    foreign.active.append(["序号", "任务", "状态"])
    foreign.active.append([1, "某项工作", "已完成"])
    data = io.BytesIO()
    foreign.save(data)
    book, result = _import(tmp_path, data.getvalue())
    assert result.exit_code == 1
    assert result.stderr == (f"{book}: E504 找不到台账表头（含“键”列的表头行）：这不是由 workplan ledger "
                             "生成的台账，或表头被改动\n")


def test_a_missing_workbook_cannot_be_read(tmp_path):
    result = invoke("ledger", "import", tmp_path / "无.xlsx", plan_copy(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"错误：{tmp_path / '无.xlsx'}: 无法读取文件：")
