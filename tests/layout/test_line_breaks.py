"""The page estimate's line breaking (generator/writers/docx_lines.py) against LibreOffice:
body paragraphs with 禁则 punctuation, numbers and quotes at line ends are printed, and each
one's lines counted on the PDF must be what count_lines says."""
from __future__ import annotations

import random

import pymupdf
import pytest
import yaml
from measure import LEFT, MM, PAGE_NUMBER, read_lines

from generator.writers.render import render_file
from generator.style.sheet import load_style
from generator.layout.lines import count_lines
from generator.layout.pages import role_metrics

pytestmark = pytest.mark.layout

TEN = "一二三四五六七八九十"
FIRST = (TEN * 3)[:26]
HAN = "示例区县市人民政府民政局文化旅游委员会办公室工作推进落实加强健全保障服务管理建设发展提升完善"
PUNCT = list("、。，；：！？）》”（《“…—")
EXTRA = ["2024年", "12.5%", "3000", "（一）", "“十四五”"]


def _random_paragraph(rng: random.Random) -> str:
    out = [rng.choice(HAN)]
    for _ in range(rng.randint(20, 140)):
        roll = rng.random()
        out.append(rng.choice(HAN) if roll < .8 else rng.choice(PUNCT) if roll < .9
                   else str(rng.randint(1, 99999)) if roll < .96 else rng.choice(EXTRA))
    return "".join(out) + "。"


def _counted(pdf) -> list[int]:
    """Return the number of lines of each paragraph in the body: a paragraph starts with a
    line indented by its first-line indent (two characters)."""
    lines = [line for page in pdf for line in read_lines(page)
             if not PAGE_NUMBER.match(line.text)]
    starts = [i for i, line in enumerate(lines) if line.x0 > LEFT + 5 * MM]
    return [b - a for a, b in zip(starts, starts[1:] + [len(lines)])]


def test_body_lines_are_counted_as_libreoffice_sets_them(tmp_path, soffice):
    rng = random.Random(2024)
    paragraphs = [FIRST + "）" + TEN * 3, FIRST[:25] + "“" + TEN * 3, FIRST + "，" + TEN * 3,
                  FIRST[:24] + "2024年" + TEN * 3, FIRST + (TEN * 3)[:28] + "。",
                  FIRST[:22] + "WWWWW" + TEN * 3]
    paragraphs += [_random_paragraph(rng) for _ in range(60)]
    plan = {"title": "示例区2024年工作要点", "year": 2024,
            "sections": [{"title": "示例", "intro": paragraphs, "tasks": [{"title": "一件事。"}]}]}
    source = tmp_path / "lines.yaml"
    source.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    render_file(source, tmp_path / "lines.pdf")
    counted = _counted(pymupdf.open(tmp_path / "lines.pdf"))[2:-1]   # title, 一、 … task 1.
    body = role_metrics(load_style(None), "body")          # as the page estimate sees it
    expected = [count_lines(text, 26, 28, body.gap, body.latin) for text in paragraphs]
    wrong = [(i, e, c, text[:20]) for i, (e, c, text) in enumerate(zip(expected, counted, paragraphs))
             if e != c]
    assert len(counted) == len(paragraphs)
    # Three of these 66 dense paragraphs are still missed by a line (a number right after
    # ） or digits 0.49 characters wide adding up); "total width ÷ line width" missed six.
    assert len(wrong) <= 3, wrong           # (index, model, LibreOffice, text) of each miss
    assert not [miss for miss in wrong if miss[0] < 6], wrong   # the six rules, exactly
