"""Titles as printed: the automatic break keeps a place name whole, and a break the user
marked (| in the title) is where LibreOffice breaks the line."""
from __future__ import annotations

import pymupdf
import pytest
from measure import read_lines

from generator.writers.docx.writer import compose_docx
from generator.writers.office import convert_batch
from generator.writers.render import RenderOptions, built_document

pytestmark = pytest.mark.layout

PLAN = """\
title: 青岛西海岸新区2020年度民政工作要点
year: 2020
notice:
  issuer_mark: 示例区民政局文件
  title: {title}
  signature: 示例区民政局
  date: 2020-01-07
sections:
  - title: 兜牢民生底线
    tasks:
      - title: 提高低保标准。
"""
CASES = [
    ("关于印发《青岛西海岸新区2020年度民政工作要点》的通知",        # automatic
     ["关于印发《青岛西海岸新区", "2020年度民政工作要点》的通知"]),
    ("关于印发《青岛西海岸新区2020年度|民政工作要点》的通知",       # marked
     ["关于印发《青岛西海岸新区2020年度", "民政工作要点》的通知"]),
]


def test_titles_break_between_words_or_where_marked(tmp_path, soffice):
    built = []
    for n, (title, _) in enumerate(CASES):
        source = tmp_path / f"plan{n}.yaml"
        source.write_text(PLAN.format(title=title), encoding="utf-8")
        built.append(built_document(source, RenderOptions(), "pdf")[:2])
    converted = convert_batch([compose_docx(d, s)[0] for d, s in built], measure=False)
    for (title, lines), result in zip(CASES, converted):
        pdf = pymupdf.open(stream=result.pdf, filetype="pdf")
        printed = [line.text for line in read_lines(pdf[0]) if 20 <= line.size <= 24]   # 二号
        assert printed == lines, title
