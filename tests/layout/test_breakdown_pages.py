"""The 重点任务分解表 attachment printed by LibreOffice: landscape A4 pages, 附件N top left
and the title, the header row on every page, no row split across pages, page numbers
continuing below the type area (odd right, even left), and the 版记 still on an even last
page after it, in every style sheet."""
from __future__ import annotations

import random
import re

import pymupdf
import pytest
import yaml
from measure import MM, read_lines

from generator.writers.render import RenderOptions, render_file

pytestmark = pytest.mark.layout

HAN = "示例区县民政局社会救助养老服务基层治理慈善事业儿童福利婚姻登记殡葬改革工作推进落实健全完善"
UNITS = ["社会救助科", "养老服务科", "基层政权建设科", "社会事务科", "办公室", "财务科"]
LANDSCAPE = (297 * MM, 210 * MM)
HEADER = "序号重点任务具体措施或目标牵头单位责任单位完成时限责任领导"


def _plan(rng: random.Random, tasks: int) -> dict:
    """Return a plan whose notice appends the 分解表; task N is "推进第N项示例工作"."""
    units = [{"name": name, "leader": rng.choice(["周一帆", "吴二林"])} for name in UNITS]
    notice = {"issuer_mark": "示例区民政局文件", "doc_number": "示民发〔2024〕5号",
              "recipients": "各街道办事处：", "attachments": ["示例区2024年民政工作要点"],
              "breakdown": True, "signature": "示例区民政局", "date": "2024-02-20",
              "imprint": {"cc": ["区委办公室", "区政府办公室"], "printer": "示例区民政局办公室",
                          "date": "2024-02-21"}}
    body = [{"title": f"推进第{n}项示例工作。",
             "body": "".join(rng.choice(HAN) for _ in range(rng.randint(10, 150))) + "。",
             "owners": rng.sample(UNITS, rng.randint(1, 3)),
             "deadline": f"2024-{rng.randint(1, 12)}-{rng.randint(1, 28)}"} for n in range(1, tasks + 1)]
    return {"title": "示例区2024年民政工作要点", "year": 2024, "units": units, "notice": notice,
            "sections": [{"title": "兜牢民生保障底线", "tasks": body}]}


def _number(page: pymupdf.Page) -> tuple[int, pymupdf.Rect] | None:
    """Return the page number "— N —" and its box, or None."""
    for block in page.get_text("blocks"):
        match = re.fullmatch(r"—\s*(\d+)\s*—", block[4].strip())
        if match:
            return int(match[1]), pymupdf.Rect(block[:4])
    return None


@pytest.mark.parametrize("style", ["gbt9704", "house-28pt", "party"])
@pytest.mark.parametrize("seed, tasks", [(1, 6), (2, 23), (3, 41)])
def test_breakdown_attachment_pages(seed, tasks, style, tmp_path, soffice):
    source = tmp_path / "plan.yaml"
    data = _plan(random.Random(seed), tasks)
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    render_file(source, tmp_path / "plan.pdf", RenderOptions(style=style))
    pdf = pymupdf.open(tmp_path / "plan.pdf")
    wide = [p.number for p in pdf if p.rect.width > p.rect.height]
    assert wide and wide == list(range(wide[0], wide[-1] + 1)), f"landscape pages {wide}"
    for index in wide:
        size = (pdf[index].rect.width, pdf[index].rect.height)
        assert all(abs(a - b) <= 1 for a, b in zip(size, LANDSCAPE)), size
    _check_label_and_title(pdf[wide[0]])
    _check_header_and_rows(pdf, wide, data["sections"][0]["tasks"])
    _check_page_numbers(pdf, wide)
    assert pdf.page_count % 2 == 0, f"{style}: {pdf.page_count} pages"
    assert "2024年2月21日印发" in pdf[-1].get_text().replace(" ", ""), "no 版记 on the last page"
    assert pdf[-1].rect.width < pdf[-1].rect.height, "the 版记 page is portrait"


def _check_label_and_title(page: pymupdf.Page) -> None:
    """附件2 on the first line, 3号 (16 pt), flush with the type area's left edge (37 mm);
    the title centred below it."""
    lines = read_lines(page)
    label, title = lines[0], lines[1]
    assert label.text == "附件2" and abs(label.size - 16) <= 0.5, (label.text, label.size)
    assert abs(label.x0 / MM - 37) <= 1, f"附件2 starts {label.x0 / MM:.1f} mm from the left"
    line = 28.95 / MM                    # the first grid line of the type area (28 mm down)
    assert 28 < label.baseline / MM <= 28 + line, f"附件2 baseline {label.baseline / MM:.1f} mm down"
    assert title.text == "示例区2024年民政工作要点重点任务分解表" and abs(title.size - 22) <= 0.5
    middle = (title.x0 + title.x1) / 2 / MM
    assert abs(middle - (37 + 225 / 2)) <= 2, f"title centred at {middle:.1f} mm"


def _check_header_and_rows(pdf, wide: list[int], tasks: list[dict]) -> None:
    """The header row heads every landscape page; each task's row lies on one page (its
    具体措施 cell, the task's body, whole on that page), and the rows follow in order."""
    seen = []
    for index in wide:
        text = re.sub(r"\s+", "", pdf[index].get_text())
        assert HEADER in text, f"page {index + 1} has no header row"
        seen += [int(n) for n in re.findall(r"推进第(\d+)项示例工作", text)]
        for n in [int(n) for n in re.findall(r"推进第(\d+)项示例工作", text)]:
            assert tasks[n - 1]["body"] in text, f"row {n} split across pages (page {index + 1})"
    assert seen == list(range(1, len(tasks) + 1)), f"rows as printed: {seen}"


def _check_page_numbers(pdf, wide: list[int]) -> None:
    """Numbers continue through the landscape pages, below the type area (whose bottom is
    35 mm above the page's), odd pages on the right, even ones on the left."""
    for index in wide:
        found = _number(pdf[index])
        assert found is not None, f"landscape page {index + 1} has no page number"
        number, box = found
        assert number == index + 1
        assert 175 < box.y0 / MM < 190, f"page number at {box.y0 / MM:.1f} mm from the top"
        page_mid = pdf[index].rect.width / 2
        assert (box.x0 > page_mid) == (number % 2 == 1), f"page {number}: number at x {box.x0 / MM:.0f} mm"
