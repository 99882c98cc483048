"""The DOCX package assembled without python-docx: parts, relationships, content types."""
import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from generator.core.location import ToolError
from generator.writers.docx import package as docx_package
from generator.writers.docx.package import Package

ROOT = Path(__file__).resolve().parents[3]

CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_dropped_parts_leave_no_trace_and_footers_take_free_ids():
    package = Package()
    ids = [package.add_footer()[0] for _ in range(3)]
    members = _members(package.to_bytes())
    assert ids == ["rId1", "rId4", "rId6"]       # the gaps the dropped parts left
    assert [n for n in members if "footer" in n] == [f"word/footer{i}.xml" for i in (1, 2, 3)]
    assert not [n for n in members if "customXml" in n or "thumbnail" in n or "Effects" in n]
    types = etree.fromstring(members["[Content_Types].xml"])
    overrides = {o.get("PartName")[1:] for o in types.iter(CT + "Override")}
    assert overrides == {n for n in members if not n.endswith(".rels") and n[0] != "["}
    targets = [r.get("Target") for r in
               etree.fromstring(members["word/_rels/document.xml.rels"]).iter(RELS + "Relationship")]
    assert all(f"word/{t}" in members for t in targets)


def test_fixed_dates_make_identical_bytes():
    one, two = Package().to_bytes(), Package().to_bytes()
    assert one == two
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(one)).infolist()} == {(2000, 1, 1, 0, 0, 0)}


def test_missing_template_is_a_tool_error(monkeypatch, tmp_path):
    monkeypatch.setattr(docx_package, "data_dir", lambda name: tmp_path / name)
    docx_package._template_folder.cache_clear()
    docx_package._template.cache_clear()
    try:
        with pytest.raises(ToolError) as caught:
            Package()
    finally:
        docx_package._template_folder.cache_clear()
        docx_package._template.cache_clear()
    assert str(caught.value) == (f"找不到 DOCX 参考模板（{tmp_path}/templates/docx/reference.docx）："
                                 "安装不完整，请重新安装 workplan")


def test_the_writer_does_not_read_python_docx_install_folder():
    """The reference package is the project's own (templates/docx), not python-docx's files."""
    assert docx_package._template_folder() == ROOT / "templates" / "docx"


def test_partial_part_keeps_wanted_children_and_root_namespaces():
    """Children are kept in order; a count never reached reads the part to its end."""
    full = Package().xml("word/styles.xml")
    ids = lambda root: [c.get(W + "styleId") for c in root]  # noqa: E731
    wanted = {"TableNormal", "Normal", "NoSuchStyle"}
    part = Package().xml_with("word/styles.xml", lambda e: e.get(W + "styleId") in wanted, 3)
    assert ids(part) == [i for i in ids(full) if i in wanted] == ["Normal", "TableNormal"]
    assert (part.tag, part.nsmap, dict(part.attrib)) == (full.tag, full.nsmap, dict(full.attrib))
