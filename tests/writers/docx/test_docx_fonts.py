"""Fonts in the DOCX (reopened with python-docx): each named style's East-Asian font, and the
font table: the fonts the style sheet names, East-Asian ones with the GB2312 character set,
with the sheet's substitutes for computers without them."""
from pathlib import Path

import pytest
import yaml
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from generator.style.names import STYLES
from helpers import W, reopen, reopen_example, style_errors

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def minzheng():
    return reopen_example("minzheng-2021")


def _east_asian(style) -> str | None:
    fonts = style.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


@pytest.mark.parametrize("name, font", [
    ("Normal", "仿宋_GB2312"), ("发文机关标志", "方正小标宋简体"), ("公文标题", "方正小标宋简体"),
    ("要点标题", "方正小标宋简体"), ("一级标题", "黑体"), ("二级标题句", "楷体_GB2312"),
    ("三级标题句", "仿宋_GB2312"), ("签发人姓名", "楷体_GB2312"), ("页码", "宋体"),
    ("密级和保密期限", "黑体"), ("表格表头", "黑体")])
def test_east_asian_font_of_each_style(minzheng, name, font):
    assert _east_asian(minzheng.styles[name]) == font


def test_every_style_of_the_writer_names_its_east_asian_font(minzheng, tmp_path):
    """Every style of minzheng (which has every one but the notice's 接上段, written only
    where a notice without 附件说明 runs over its page: the stress plan's, its 附件 left out)."""
    data = yaml.safe_load((ROOT / "tests" / "data" / "layout-stress.yaml").read_text(encoding="utf-8"))
    del data["notice"]["attachments"]
    (tmp_path / "stress.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    stress = reopen(tmp_path / "stress.yaml")
    fonts = {name: _east_asian((stress if name == "公文正文（接上段）" else minzheng).styles[name])
             for _, name, _ in STYLES.values()}
    assert all(fonts.values()), [name for name, font in fonts.items() if not font]
    assert fonts["二级标题"] == "仿宋_GB2312" and fonts["二级标题句"] == "楷体_GB2312"


def font_table(document) -> list[tuple[str, str | None, str]]:
    """Return (name, substitute, character set) of each font in a document's font table."""
    root = etree.fromstring(document.part.part_related_by(RT.FONT_TABLE).blob)
    rows = []
    for font in root.findall(W + "font"):
        alt = font.find(W + "altName")
        rows.append((font.get(W + "name"), None if alt is None else alt.get(W + "val"),
                     font.find(W + "charset").get(W + "val")))
    return rows


def test_font_table_lists_the_sheets_fonts_with_substitutes(minzheng):
    assert font_table(minzheng) == [
        ("Times New Roman", None, "00"), ("仿宋_GB2312", "仿宋", "86"), ("宋体", None, "86"),
        ("方正小标宋简体", "宋体", "86"), ("楷体_GB2312", "楷体", "86"), ("黑体", None, "86")]


def test_a_sheet_changes_a_substitute_and_adds_a_font(tmp_path):
    sheet = tmp_path / "mine.yaml"
    sheet.write_text(f"extends: {ROOT / 'styles' / 'gbt9704.yaml'}\n"
                     "fonts: {方正小标宋简体: 华文中宋, 方正黑体_GBK: 黑体}\n"
                     "roles:\n  heading1: {font: 方正黑体_GBK}\n", encoding="utf-8")
    assert font_table(reopen_example("minzheng-2021", str(sheet))) == [
        ("Times New Roman", None, "00"), ("仿宋_GB2312", "仿宋", "86"), ("宋体", None, "86"),
        ("方正小标宋简体", "华文中宋", "86"), ("方正黑体_GBK", "黑体", "86"),
        ("楷体_GB2312", "楷体", "86"), ("黑体", None, "86")]


def test_substitutes_must_be_font_names(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("extends: gbt9704\nfonts:\n  仿宋_GB2312: [仿宋, FangSong]\n  楷体_GB2312: ''\n",
                    encoding="utf-8")
    assert style_errors(path) == [
        f"{path}:3:14: E102 fonts.仿宋_GB2312: 类型错误：应为文本",
        f"{path}:4:14: E104 fonts.楷体_GB2312: 不能为空",
    ]
