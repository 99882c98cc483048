"""Hostile Word files (issue 14, points 6 and 7): style cycles, numbers in the XML that are
not plain numbers, no body, DTDs hidden by encoding or by a part's name. Each one imports
or fails with one located message, never a traceback or a hang. The files are built here,
in the shape of the reproducers in ../shared/cases/reliability/."""
import io
import re
import signal
import zipfile

import pytest

from generator.document.build import build_document
from generator.document.model import Kind
from generator.plan.load import parse_plan
from generator.readers.docx import read_docx
from generator.readers.docx_safety import xml_int
from generator.style.sheet import load_style
from generator.writers.docx.writer import write_docx
from helpers import SMALL, invoke

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
NUMBERING_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
DOCTYPE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _package(document: str, numbering: str | None = None, main: str = "word/document.xml",
             extra: dict[str, bytes] | None = None, encoding: str = "utf-8") -> bytes:
    """Return a minimal .docx: a main part (at ``main``), optionally numbering.xml, and
    ``extra`` parts (an SVG image typed as such)."""
    overrides = f'<Override PartName="/{main}" ContentType="{MAIN_TYPE}"/>'
    overrides += '<Default Extension="svg" ContentType="image/svg+xml"/>'
    rels = ""
    if numbering is not None:
        overrides += f'<Override PartName="/word/numbering.xml" ContentType="{NUMBERING_TYPE}"/>'
        rels = f'<Relationship Id="rId1" Type="{REL}/numbering" Target="numbering.xml"/>'
    folder, _, leaf = main.rpartition("/")
    parts = {
        "word/document.xml": f'<w:document {NS}><w:body/></w:document>'.encode(),
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/'
            f'vnd.openxmlformats-package.relationships+xml"/>{overrides}</Types>').encode(),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            f'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
            f'Type="{REL}/officeDocument" Target="{main}"/></Relationships>').encode(),
        f"{folder}/_rels/{leaf}.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            f'openxmlformats.org/package/2006/relationships">{rels}</Relationships>').encode(),
    }
    parts[main] = document.encode(encoding)
    if numbering is not None:
        parts["word/numbering.xml"] = numbering.encode()
    parts.update(extra or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _numbered_document(texts: list[str], ilvl: str = "0") -> str:
    paragraphs = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        f'<w:r><w:t>{text}</w:t></w:r></w:p>' for text in texts)
    return f'<w:document {NS}><w:body>{paragraphs}</w:body></w:document>'


def _numbering(start: str = "1", ilvl: str = "0", override: str | None = None) -> str:
    lvl_override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{override}"/></w:lvlOverride>'
                    if override is not None else "")
    return (f'<w:numbering {NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="{ilvl}">'
            f'<w:start w:val="{start}"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
            f'</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>{lvl_override}</w:num>'
            '</w:numbering>')


def _import(tmp_path, data: bytes):
    path = tmp_path / "hostile.docx"
    path.write_bytes(data)
    result = invoke("import", path, "-o", tmp_path / "out.yaml")
    assert "Traceback" not in result.output
    return path, result


def _labels(tmp_path, data: bytes) -> list[tuple[str, str]]:
    path = tmp_path / "numbered.docx"
    path.write_bytes(data)
    return [(b.label, b.lead or b.text) for b in read_docx(path).blocks]


TASKS = ["做好甲项工作。", "做好乙项工作。"]


@pytest.mark.parametrize("numbering, ilvl", [
    (_numbering(ilvl="abc"), "abc"),                 # r2a: w:ilvl="abc" in the list and the paragraph
    (_numbering(override="²"), "0"),                 # r2b: a superscript two is no start value
    (_numbering(start="9" * 5000), "0"),             # r2c: 5,000 digits exceed int()'s limit
    (_numbering(start="--5"), "0"),
])
def test_numbers_that_are_not_numbers_read_as_the_default(tmp_path, numbering, ilvl):
    data = _package(_numbered_document(TASKS, ilvl), numbering)
    assert _labels(tmp_path, data) == [("1.", "做好甲项工作。"), ("2.", "做好乙项工作。")]


def test_start_values_are_read_within_words_range(tmp_path):
    data = _package(_numbered_document(TASKS), _numbering(start="7", override="3"))
    assert _labels(tmp_path, data) == [("3.", "做好甲项工作。"), ("4.", "做好乙项工作。")]
    assert [xml_int(v, 0, -10, 10) for v in ("5", "-5", " 7 ", "99", "--5", "²", "５", "1e3", "")] == \
        [5, -5, 7, 10, 0, 0, 0, 0, 0]


def test_document_without_body_is_not_a_word_file(tmp_path):
    path, result = _import(tmp_path, _package(f'<w:document {NS}/>'))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{path}: E404 不是有效的 Word 文件（主文档中没有正文 w:body）"]


def _own_docx(styles_edit) -> bytes:
    """Return our own DOCX of the small plan with styles.xml changed by ``styles_edit``."""
    plan, _ = parse_plan(SMALL, "small.yaml")
    source = zipfile.ZipFile(io.BytesIO(write_docx(build_document(plan), load_style(None))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/styles.xml":
                data = styles_edit(data.decode()).encode()
            target.writestr(info.filename, data)
    return out.getvalue()


def _based_on(xml: str, style_id: str, parent: str) -> str:
    """Return styles.xml with style ``style_id`` based on ``parent`` (and its own size and
    spacing removed, so that reading it walks the chain)."""
    start = xml.index(f'w:styleId="{style_id}"')
    end = xml.index("</w:style>", start)
    block = re.sub(r'<w:basedOn w:val="[^"]*"/>', "", xml[start:end])
    block = re.sub(r"<w:sz [^>]*/>|<w:spacing w:val=[^>]*/>", "", block)
    block = block.replace("<w:name ", f'<w:basedOn w:val="{parent}"/><w:name ', 1)
    block = re.sub(r'(<w:name [^>]*/>)(<w:basedOn [^>]*/>)', r"\2\1", block)
    return xml[:start] + block + xml[end:]


@pytest.mark.parametrize("edit", [
    lambda xml: _based_on(xml, "WpSignature", "WpSignature"),                          # r1
    lambda xml: _based_on(_based_on(xml, "WpSignature", "WpDate"), "WpDate", "WpSignature"),
])
def test_style_based_on_itself_or_a_cycle_imports(tmp_path, edit):
    def hung(*_):
        raise AssertionError("import still running after 30 s: the style chain loops")
    signal.signal(signal.SIGALRM, hung)
    signal.alarm(30)
    data = _own_docx(edit)
    assert 'w:styleId="WpSignature"' in zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    path, result = _import(tmp_path, data)
    assert result.exit_code == 0, result.output
    signal.alarm(0)
    assert result.output.splitlines()[-1] == f"已写出 {tmp_path / 'out.yaml'}"


def test_right_indent_that_is_not_a_number_imports(tmp_path):      # r2d: w:right="--5"
    plan, _ = parse_plan(SMALL, "small.yaml")
    source = zipfile.ZipFile(io.BytesIO(write_docx(build_document(plan), load_style(None))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = re.sub(rb'w:right="-?\d+"', b'w:right="--5"', data)
                assert b'w:right="--5"' in data
            target.writestr(info.filename, data)
    path = tmp_path / "own.docx"
    path.write_bytes(out.getvalue())
    kinds = [b.kind for b in read_docx(path).blocks]
    assert Kind.SIGNATURE in kinds and Kind.DATE in kinds


@pytest.mark.parametrize("encoding", [
    "utf-16",                                         # r9: UTF-16 with a byte-order mark
    "utf-16-le", "utf-16-be",                         # no mark: told by the first character
])
def test_dtd_in_a_utf16_part_is_refused(tmp_path, encoding):
    document = f'<?xml version="1.0" encoding="UTF-16"?>{DOCTYPE}<w:document {NS}><w:body/></w:document>'
    path, result = _import(tmp_path, _package(document, encoding=encoding))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{path}: E406 word/document.xml 含 DOCTYPE 或实体声明（可能引用外部实体），已拒绝"]


def test_dtd_in_a_main_part_not_named_xml_is_refused(tmp_path):
    document = f'<?xml version="1.0" encoding="UTF-8"?>{DOCTYPE}<w:document {NS}><w:body/></w:document>'
    path, result = _import(tmp_path, _package(document, main="word/Main.BIN"))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{path}: E406 word/Main.BIN 含 DOCTYPE 或实体声明（可能引用外部实体），已拒绝"]


def test_xml_part_in_another_encoding_is_refused(tmp_path):
    document = f'<?xml version="1.0" encoding="UTF-7"?><w:document {NS}><w:body/></w:document>'
    path, result = _import(tmp_path, _package(document))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{path}: E404 不是有效的 Word 文件（word/document.xml 声明的编码“utf-7”不是 UTF-8 或 UTF-16）"]


def test_svg_image_with_a_doctype_is_not_an_xml_part(tmp_path):
    svg = b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><svg/>'
    data = _package(_numbered_document(TASKS), _numbering(), extra={"word/media/image1.svg": svg})
    assert _labels(tmp_path, data) == [("1.", "做好甲项工作。"), ("2.", "做好乙项工作。")]


REPRODUCERS = "/work/shared/cases/reliability"


@pytest.mark.parametrize("name", ["r1_style_self_based", "r2a_ilvl_alpha", "r2b_startoverride_superscript",
                                  "r2c_start_5000_digits", "r2d_right_indent"])
def test_reproducers_import(tmp_path, name):
    import os
    path = f"{REPRODUCERS}/{name}.docx"
    if not os.path.exists(path):
        pytest.skip("the shared reproducers are not on this machine")
    result = invoke("import", path, "-o", tmp_path / "out.yaml")
    assert result.exit_code == 0, result.output
