"""Reading Word files that are not our own output: runs split anywhere, numbers from Word's
automatic list numbering (numbering.xml), tables."""

import docx
from docx.oxml import parse_xml

from generator.document.model import Kind
from generator.importer.extract import extract_plan
from generator.readers.docx import read_docx
from generator.readers.docx_numbering import ListNumbering, format_number

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NUMBERING = f"""
<w:abstractNum {W_NS} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%3）"/></w:lvl>
</w:abstractNum>"""


def _numbered(document, parts: list[str], ilvl: int | None):
    """Add a paragraph whose text is split over several runs, numbered at ``ilvl``."""
    paragraph = document.add_paragraph()
    for part in parts:
        paragraph.add_run(part)
    if ilvl is not None:
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="90"/></w:numPr>'))
    return paragraph


def _word_file(tmp_path):
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    _numbered(document, ["示例区2025年", "养老服务", "工作要点"], None)
    _numbered(document, ["2025年全区养老服务工作要", "坚持普惠优先。"], None)
    _numbered(document, ["完善养老", "服务网络"], 0)
    _numbered(document, ["建设社区", "养老服务站。", "新建服务站", "十处。"], 1)
    _numbered(document, ["落实补贴政策。按月发放运营补贴。"], 1)
    _numbered(document, ["建立补贴台账。"], 2)
    _numbered(document, ["核对发放名单。"], 2)
    _numbered(document, ["提升服务质量"], 0)
    _numbered(document, ["开展等级评定。每年评定一次。"], 1)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "说明"
    table.cell(1, 0).text, table.cell(1, 1).text = "甲", "乙"
    path = tmp_path / "last.docx"
    document.save(path)
    return path


def test_automatic_numbering_and_split_runs(tmp_path):
    result = read_docx(_word_file(tmp_path))
    kinds = [(b.kind, b.label) for b in result.blocks]
    assert kinds == [(Kind.PLAN_TITLE, ""), (Kind.PARAGRAPH, ""), (Kind.HEADING, "一、"),
                     (Kind.TASK, "（一）"), (Kind.TASK, "（二）"), (Kind.ITEM, "（1）"),
                     (Kind.ITEM, "（2）"), (Kind.HEADING, "二、"), (Kind.TASK, "（一）"),
                     (Kind.TARGETS, "")]
    task = result.blocks[3]
    assert (task.lead, task.text) == ("建设社区养老服务站。", "新建服务站十处。")
    assert result.blocks[0].text == "示例区2025年养老服务工作要点"


def test_word_file_imports_as_a_plan(tmp_path):
    result = read_docx(_word_file(tmp_path))
    data, findings = extract_plan(result.blocks, result.warnings, lines=result.lines, path=result.path)
    # Word restarts a level when the level above advances: （一） again in section 二
    assert data["numbering"] == {"scope": "section", "label": "（一）", "items": "（1）"}
    assert [len(s.get("tasks", [])) for s in data["sections"]] == [2, 1]
    assert data["sections"][0]["tasks"][1]["items"] == ["建立补贴台账。", "核对发放名单。"]
    # the table has no targets header: its rows are kept, not dropped
    assert data["unplaced"] == ["项目｜说明", "甲｜乙"]
    assert [f.format() for f in findings] == [
        f"{result.path}:10:1: W401 未能归类的文本已保存到 unplaced"]


def test_number_formats_and_restart_below_a_level():
    assert [format_number(n, "chineseCounting") for n in (1, 10, 23)] == ["一", "十", "二十三"]
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(2, "decimalFullWidth") == "２"
    assert format_number(5, "bullet") == ""
    root = parse_xml(f"<w:numbering {W_NS}>{NUMBERING.replace(W_NS, '')}"
                     f'<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num></w:numbering>')
    numbering = ListNumbering(root)
    labels = [numbering.label("90", lvl) for lvl in (0, 1, 2, 2, 1, 2, 0, 1)]
    assert labels == ["一、", "（一）", "（1）", "（2）", "（二）", "（1）", "二、", "（一）"]
    assert numbering.label("0", 0) == "" and numbering.label("77", 0) == ""


def test_paragraphs_inside_content_controls_are_read(tmp_path):
    document = docx.Document()
    document.add_paragraph("示例区2025年工作要点")
    inner = document.add_paragraph("一、总体工作")
    task = document.add_paragraph("1. 做好甲项工作。按时完成。")
    sdt = parse_xml(f"<w:sdt {W_NS}><w:sdtPr/><w:sdtContent/></w:sdt>")
    inner._p.addprevious(sdt)
    sdt[1].append(inner._p)
    sdt[1].append(task._p)
    document.save(tmp_path / "sdt.docx")
    result = read_docx(tmp_path / "sdt.docx")
    assert [b.kind for b in result.blocks] == [Kind.PLAN_TITLE, Kind.HEADING, Kind.TASK]
