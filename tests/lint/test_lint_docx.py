"""Word files: findings located by paragraph number and character, the message quoting the
text; --fix never writes the file itself but a copy (-o) where every fix is a tracked change
by "workplan lint": accepting all gives the fixed text, rejecting all the original, run
formatting is kept, and the copy passes the Open XML SDK validation. Linting a plan or a text
file does not import python-docx."""
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from helpers import W, invoke, resolved

from generator.lint.files import lint_file

PARAGRAPHS = [
    [("示例县民政局文件", {})],
    [("示民发[2022]第07号", {})],
    [("关于印发《示例县2022年工作要点》的通知", {})],
    [("各乡镇人民政府，县直各有关单位：", {})],
    [("现将工作要点印发给你们,", {}), ("请认真贯彻落实", {"bold": True}), ("。", {})],
    [("一、加强管理,", {"italic": True}), ("提高效率", {}), ("\t", {}), ("其它工作2022年03月05日完成.", {})],
    [("截止", {"bold": True}), ("2022年底开展“民政为民行动。", {})],
    [("二〇二二年三月五日", {})],
]
EXPECTED = [
    "{p}:2:1: ELE01 发文字号应写作“示民发〔2022〕7号”：“示民发[2022]第07号”",
    "{p}:5:12: PUN01 半角“,”应为全角“，”：“发给你们,请认真贯”",
    "{p}:6:7: PUN01 半角“,”应为全角“，”：“加强管理,提高效率”",
    "{p}:6:13: WRD01 “其它”应为“其他”（《现代汉语规范词典》以“其他”为规范词形）：“高效率 其它工作20”",
    "{p}:6:22: NUM02 月、日不补“0”：“022年03月05日完”",
    "{p}:6:25: NUM02 月、日不补“0”：“年03月05日完成.”",
    "{p}:6:30: PUN02 半角句点“.”应为句号“。”：“5日完成.”",
    "{p}:7:1: WRD01 “截止”应为“截至”（到某一时间为止用“截至”；“截止”是到期停止）：“截止2022”",
    "{p}:7:11: PUN06 ““”没有对应的“””：“年底开展“民政为民”",
    "{p}:8:1: ELE02 成文日期应写作“2022年3月5日”：“二〇二二年三月五日”",
]
FIXED = ["示例县民政局文件", "示民发〔2022〕7号", "关于印发《示例县2022年工作要点》的通知",
         "各乡镇人民政府，县直各有关单位：", "现将工作要点印发给你们，请认真贯彻落实。",
         "一、加强管理，提高效率其他工作2022年3月5日完成。", "截至2022年底开展“民政为民行动。", "2022年3月5日"]


@pytest.fixture
def word_file(tmp_path):
    """A Word file not written by workplan, its paragraphs in runs of mixed formatting."""
    document = docx.Document()
    for runs in PARAGRAPHS:
        p = document.add_paragraph()
        for text, style in runs:
            run = p.add_run(text)
            run.bold, run.italic = style.get("bold"), style.get("italic")
    path = tmp_path / "去年.docx"
    document.save(path)
    return path


def test_docx_findings_name_paragraph_and_character(word_file):
    result = invoke("lint", word_file)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [line.format(p=word_file) for line in EXPECTED]


def test_docx_is_never_fixed_in_place(word_file):
    before = word_file.read_bytes()
    result = invoke("lint", word_file, "--fix")
    assert result.exit_code == 2
    assert result.stderr == "错误：Word 文件不在原处修改：请用 -o 指定修复后的副本，如 --fix -o 修订稿.docx\n"
    assert invoke("lint", word_file, "--fix", "-o", word_file).exit_code == 2
    assert word_file.read_bytes() == before


def test_docx_fix_copy_holds_every_fix_as_a_tracked_change(word_file, tmp_path):
    out = tmp_path / "修订稿.docx"
    before = word_file.read_bytes()
    result = invoke("lint", word_file, "--fix", "-o", out)
    assert result.exit_code == 1                       # PUN06 has no fix
    assert result.stdout.splitlines() == [EXPECTED[8].format(p=word_file)]
    assert word_file.read_bytes() == before
    data = out.read_bytes()
    assert resolved(data, accept=True) == FIXED
    assert resolved(data, accept=False) == [
        "示例县民政局文件", "示民发[2022]第07号", "关于印发《示例县2022年工作要点》的通知",
        "各乡镇人民政府，县直各有关单位：", "现将工作要点印发给你们,请认真贯彻落实。",
        "一、加强管理,提高效率其它工作2022年03月05日完成.", "截止2022年底开展“民政为民行动。", "二〇二二年三月五日"]
    body = docx.Document(io.BytesIO(data)).element.body
    marks = list(body.iter(W + "ins", W + "del"))
    assert marks and {m.get(W + "author") for m in marks} == {"workplan lint"}
    bold = [r for r in body.iter(W + "r") if r.find(f"{W}rPr/{W}b") is not None]
    assert [("".join(t.text for t in r.iter(W + "t", W + "delText"))) for r in bold] == \
        ["请认真贯彻落实", "截", "至", "止"]        # 止 → 至 as del + ins, both bold like 截
    tab = body.findall(f"{W}p")[5].findall(f".//{W}tab")
    assert len(tab) == 1


def test_fix_copy_read_again_has_only_the_unfixable_finding(word_file, tmp_path):
    out = tmp_path / "修订稿.docx"
    invoke("lint", word_file, "--fix", "-o", out)
    accepted = tmp_path / "accepted.docx"
    document = docx.Document()
    for text in resolved(out.read_bytes(), accept=True):
        document.add_paragraph(text)
    document.save(accepted)
    assert [r.finding.code for r in lint_file(accepted).results] == ["PUN06"]


def test_docx_fix_copy_passes_the_open_xml_validation(word_file, tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "writers" / "docx"))
    from test_docx_schema import OFFICE_VERSIONS, find_validator, validate
    command = find_validator()
    out = tmp_path / "修订稿.docx"
    invoke("lint", word_file, "--fix", "-o", out)
    assert zipfile.is_zipfile(out)
    assert {version: validate(command, out, version) for version in OFFICE_VERSIONS} == \
        {version: [] for version in OFFICE_VERSIONS}


@pytest.mark.parametrize("name, imported", [("plan.yaml", False), ("text.txt", False), ("word.docx", True)])
def test_lint_imports_python_docx_only_for_word_files(tmp_path, word_file, name, imported):
    path = tmp_path / name
    if name == "word.docx":
        path.write_bytes(word_file.read_bytes())
    elif name == "text.txt":
        path.write_text("加强管理,提高效率。\n", encoding="utf-8")
    else:
        path.write_text("title: 示例区2021年工作要点\nyear: 2021\nsections:\n  - title: 甲\n", encoding="utf-8")
    code = ("import sys; from generator.cli import main\n"
            f"try: main(['lint', {str(path)!r}])\n"
            "except SystemExit: pass\n"
            "print('docx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == str(imported)
