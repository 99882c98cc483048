"""Import the real documents in ../shared/seeds and check the outline against counts made by
hand from the texts: sections, tasks per section, first and last lead sentences."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"

# file -> (tasks per section, first lead starts with, last lead starts with, numbering)
EXPECTED = {
    "000_c02b90f1f28d811e.txt": ([2, 1, 5, 7, 4, 4, 5, 5, 3, 4], "强化理论武装", "加强民政信息化",
                                 {"scope": "continuous", "label": "1.", "items": "（1）"}),
    "001_43c9c3ec74ba0f29.txt": ([0, 2, 5, 5, 5, 3, 3, 3, 5, 4], "高质量完成脱贫", "打造忠诚干净担当",
                                 {"scope": "section", "label": "（一）", "items": "（1）"}),
    "003_8b54dc3369413eb1.txt": ([5, 0, 0], "积极做好民政领域", "大力提升基本社会",
                                 {"scope": "continuous", "label": "（一）", "items": "一是"}),
}


def _as_word_file(source: Path, target: Path) -> Path:
    """Write the text's non-blank lines as Word paragraphs, each split into runs of 1–9
    characters, as Word itself splits runs wherever editing happened."""
    import random

    import docx
    document, rng = docx.Document(), random.Random(7)
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.strip():
            paragraph, pos = document.add_paragraph(), 0
            while pos < len(line):
                step = rng.randint(1, 9)
                paragraph.add_run(line[pos:pos + step])
                pos += step
    document.save(target)
    return target


def _import(name: str, tmp_path: Path, word: bool = False) -> tuple[dict, str]:
    source = SEEDS / name
    if not source.exists():
        pytest.skip(f"seed documents not found at {SEEDS}")
    if word:
        source = _as_word_file(source, tmp_path / "last.docx")
    target = tmp_path / "plan.yaml"
    runner = CliRunner()
    result = runner.invoke(main, ["import", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    outline = runner.invoke(main, ["outline", "--json", str(target)])
    assert outline.exit_code == 0, outline.output
    return json.loads(outline.output), result.output


@pytest.mark.parametrize("word", [False, True], ids=["txt", "docx"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_outline(name, word, tmp_path):
    counts, first, last, numbering = EXPECTED[name]
    outline, _ = _import(name, tmp_path, word)
    assert [len(s["tasks"]) for s in outline["sections"]] == counts
    leads = [t["lead"] for s in outline["sections"] for t in s["tasks"]]
    assert leads[0].startswith(first) and leads[0].endswith("。")
    assert leads[-1].startswith(last) and leads[-1].endswith("。")
    assert outline["numbering"] == numbering
    assert outline["year"] == 2020


def test_seed_with_red_header_notice(tmp_path):
    outline, output = _import("000_c02b90f1f28d811e.txt", tmp_path)
    notice = outline["notice"]
    assert notice["doc_number"] == "青西新民〔2020〕36号"
    assert notice["date"] == "2020年3月23日"
    assert notice["imprint"]["date"] == "2020年3月23日"
    assert notice["issuer_mark"].endswith("文件")
    assert notice["recipients"].endswith("：")
    # the sentences cut by page breaks are joined, each with a warning naming its lines
    assert output.count(" W405 ") == 11
    assert "000_c02b90f1f28d811e.txt:25:1: W405 第 25 行与第 27 行已合并（疑为分页断开的句子）" in output
    assert [t["number"] for t in outline["sections"][-1]["tasks"]] == ["37.", "38.", "39.", "40."]


def test_seed_from_web_page(tmp_path):
    outline, output = _import("001_43c9c3ec74ba0f29.txt", tmp_path)
    assert "001_43c9c3ec74ba0f29.txt:1:1: W402 已忽略文档前的网页信息（第 1–11 行）" in output
    assert " W403 " in output                  # half-width punctuation made full width
    notice = outline["notice"]
    assert notice["doc_number"] is None
    assert notice["title"].startswith(notice["signature"] + "关于印发")   # two lines joined
    assert outline["sections"][0]["intro"] and not outline["sections"][0]["tasks"]
    assert all("," not in s["title"] for s in outline["sections"])


def test_seed_summary(tmp_path):
    outline, output = _import("003_8b54dc3369413eb1.txt", tmp_path)
    assert outline["notice"] is None
    assert outline["title"].endswith("工作总结")
    assert "003_8b54dc3369413eb1.txt:2:1: W401 未能归类的文本已保存到 unplaced" in output
    plan = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert "\nunplaced:\n" in plan
    # the closing 一是… paragraphs stay as the last section's paragraphs
    assert len(outline["sections"][2]["intro"]) == 5
