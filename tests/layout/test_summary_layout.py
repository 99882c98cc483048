"""The 工作总结 printed: rendered to DOCX, converted by LibreOffice and measured like the plan
(A4, 版心 28 mm from the left, 22 lines of 28 characters, the title in 22 pt, page numbers
odd right and even left, the three parts in order, the targets table ruled)."""
from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from click.testing import CliRunner
from conftest import require_soffice
from measure import (A4, LEFT, MM, RIGHT, TYPE_W, baselines, body_lines, cells, full_lines,
                     full_pages, hangs, horizontal_rules, is_full_width, line_slots, mm,
                     page_number, read_lines, type_area_lines)

from generator.cli import main

pytestmark = pytest.mark.layout

PLAN = Path(__file__).resolve().parents[1] / "data" / "ledger-2021.yaml"
PITCH = TYPE_W / 28
STORY = ("各街道按月报送工作进度，科室每季度实地核查一次，发现问题当场反馈并限期整改，"
         "相关数据已录入信息系统，做到底数清、情况明。")
PROGRESS = """\
plan: 2021.yaml
period: 2021-H1
tasks:
""" + "".join(f"""  - {{key: S{s}T{t}-00000000, task: {lead}, status: {status}, progress: {STORY * 3}}}
""" for s, t, lead, status in [
    (1, 1, "提高城乡低保标准。", "推进中"), (1, 2, "缩短临时救助办结时间。", "已完成"),
    (1, 3, "开展困难群众走访。", "已完成"), (2, 1, "新建社区养老服务站。", "滞后"),
    (2, 2, "开展养老机构安全检查。", "推进中"), (2, 3, "推进殡葬改革。", "未启动")])


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The summary as a PDF: its pages' lines."""
    require_soffice()
    folder = tmp_path_factory.mktemp("summary")
    plan = folder / "2021.yaml"
    plan.write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "2021.progress-2021-H1.yaml").write_text(PROGRESS, encoding="utf-8")
    out = folder / "总结.pdf"
    result = CliRunner().invoke(main, ["summary", str(plan), "-o", str(out)])
    assert result.exit_code == 0, result.output
    pdf = pymupdf.open(out)
    return pdf, [read_lines(page) for page in pdf]


def test_pages_are_a4_and_text_starts_28_mm_from_the_left(printed):
    pdf, pages = printed
    assert all(abs(p.rect.width - A4[0]) <= 1 and abs(p.rect.height - A4[1]) <= 1 for p in pdf)
    left = min(line.x0 for lines in pages for line in body_lines(lines))
    assert abs(mm(left) - 28) <= 1


def test_full_pages_hold_22_lines_of_28_characters(printed):
    pdf, pages = printed
    measured = [i for i in full_pages(pages)
                if not any(not red for _, red in horizontal_rules(pdf[i]))]
    assert measured, "no full page of body text to measure"
    for index in measured:
        slots, pitch = line_slots(baselines(type_area_lines(pages[index])))
        assert slots == 22, f"page {index + 1}: {slots} lines"
    plain = [line for line in full_lines(pages) if is_full_width(line.text)]
    assert len(plain) >= 5
    wrong = [line.text for line in plain if cells(line, PITCH) - hangs(line, PITCH) != 28
             and not _pushed(pages, line)]
    assert not wrong, wrong[:3]


def _pushed(pages, line) -> bool:
    """Return whether the line is short because its last characters went down with a
    closing bracket or mark that may not start a line (LibreOffice's kinsoku rule)."""
    body = [found for lines in pages for found in body_lines(lines)]   # across page ends
    if line not in body:
        return False
    after = body[body.index(line) + 1:]
    return bool(after) and after[0].text[:2].lstrip("\u3000")[1:2] in "）。，、；：”"


def test_title_in_22_pt_and_the_three_parts_in_order(printed):
    _, pages = printed
    lines = [line for page in pages for line in page]
    title = [line for line in lines if line.text == "示例区2021年上半年民政工作总结"]
    assert title and abs(title[0].size - 22) <= 0.5
    texts = [line.text for line in lines]
    heads = [next(i for i, t in enumerate(texts) if t.startswith(h))
             for h in ("一、上半年工作完成情况", "二、存在的问题", "三、下半年工作打算")]
    assert heads == sorted(heads)


def test_targets_table_is_ruled_and_page_numbers_sit_outside(printed):
    pdf, pages = printed
    assert any(not red and LEFT - MM <= rect.x0 and rect.x1 <= RIGHT + MM
               for page in pdf for rect, red in horizontal_rules(page))
    for index, lines in enumerate(pages):
        number, line = page_number(lines)
        assert number == index + 1
        if index % 2 == 0:
            assert 3.5 <= mm(RIGHT - line.x1) <= 6.5
        else:
            assert 3.5 <= mm(line.x0 - LEFT) <= 6.5
