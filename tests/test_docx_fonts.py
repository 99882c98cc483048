"""The DOCX font table (reopened with python-docx): the fonts the style sheet names, East-Asian
ones with the GB2312 character set, and the sheet's substitutes for computers without them."""
import io
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from generator.build import build_document
from generator.plan import load_plan
from generator.style import load_style
from generator.writers.docx import write_docx
from helpers import W, style_errors

ROOT = Path(__file__).resolve().parents[1]


def font_table(style: str | None = None) -> list[tuple[str, str | None, str]]:
    """Return (name, substitute, character set) of each font of a rendered example."""
    plan, _ = load_plan(ROOT / "examples" / "minzheng-2021.yaml")
    reopened = docx.Document(io.BytesIO(write_docx(build_document(plan), load_style(style))))
    root = etree.fromstring(reopened.part.part_related_by(RT.FONT_TABLE).blob)
    rows = []
    for font in root.findall(W + "font"):
        alt = font.find(W + "altName")
        rows.append((font.get(W + "name"), None if alt is None else alt.get(W + "val"),
                     font.find(W + "charset").get(W + "val")))
    return rows


def test_font_table_lists_the_sheets_fonts_with_substitutes():
    assert font_table() == [
        ("Times New Roman", None, "00"), ("仿宋_GB2312", "仿宋", "86"), ("宋体", None, "86"),
        ("方正小标宋简体", "宋体", "86"), ("楷体_GB2312", "楷体", "86"), ("黑体", None, "86")]


def test_a_sheet_changes_a_substitute_and_adds_a_font(tmp_path):
    sheet = tmp_path / "mine.yaml"
    sheet.write_text(f"extends: {ROOT / 'styles' / 'gbt9704.yaml'}\n"
                     "fonts: {方正小标宋简体: 华文中宋, 方正黑体_GBK: 黑体}\n"
                     "roles:\n  heading1: {font: 方正黑体_GBK}\n", encoding="utf-8")
    assert font_table(str(sheet)) == [
        ("Times New Roman", None, "00"), ("仿宋_GB2312", "仿宋", "86"), ("宋体", None, "86"),
        ("方正小标宋简体", "华文中宋", "86"), ("方正黑体_GBK", "黑体", "86"),
        ("楷体_GB2312", "楷体", "86"), ("黑体", None, "86")]


def test_substitutes_must_be_font_names(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("extends: gbt9704\nfonts:\n  仿宋_GB2312: [仿宋, FangSong]\n  楷体_GB2312: ''\n",
                    encoding="utf-8")
    assert style_errors(path) == [
        f"{path}:3:14: fonts.仿宋_GB2312: 类型错误：应为文本 (E102)",
        f"{path}:4:14: fonts.楷体_GB2312: 不能为空 (E104)",
    ]
