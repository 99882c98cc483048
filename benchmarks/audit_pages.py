"""Print the examples and random plans through LibreOffice and audit the pages.

Sample: the bundled examples and the layout stress plan in every style sheet, and
``--random`` random plans with notices (tests/layout/test_random_plans.py's generator,
seeds 1000 on, style sheets in turn). Each is printed two ways: with the 版记 placed by the
page estimate alone (what a DOCX made without LibreOffice gets) and exactly
(writers.exact: from LibreOffice's page breaks, what every PDF gets). For each way it
counts marks missing from the PDF's text layer, documents whose end is wrong (版记 not on
the last page, odd last page, blank or 版记-only page numbered, a wasted page), and
conversions used; for the exact way also notice first pages more than 2 lines short
(and of those, the ones where more than the 署名 needs went down with it: more than two
lines of 正文 above it), 署名 pages without 正文, and dates broken across lines.

Usage: python benchmarks/audit_pages.py [--random 100] [--seed 1000]
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pymupdf
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "layout"), str(ROOT / "tests")]

from audit import (broken_dates, first_page_gap, missing_marks, read_pages,  # noqa: E402
                   signature_page_body)
from test_random_plans import random_plan  # noqa: E402

from generator.document.model import Kind  # noqa: E402
from generator.document.wording import attachment_lines  # noqa: E402
from generator.writers.docx.writer import compose_docx  # noqa: E402
from generator.writers.exact import print_exactly  # noqa: E402
from generator.writers.office import convert_batch  # noqa: E402
from generator.writers.render import RenderOptions, built_document  # noqa: E402

STYLES = ("gbt9704", "house-28pt", "party")


def sample(count: int, seed: int, folder: Path) -> list[tuple[str, Path, str]]:
    """Return (name, plan file, style) for the examples, the stress plan and the random
    plans (written into ``folder``)."""
    plans = sorted((ROOT / "examples").glob("*.yaml")) + [ROOT / "tests/data/layout-stress.yaml"]
    items = [(f"{p.stem}/{s}", p, s) for p in plans for s in STYLES]
    for n in range(count):
        path = folder / f"random-{seed + n}.yaml"
        data = random_plan(random.Random(seed + n))
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        items.append((f"random-{seed + n}/{STYLES[n % 3]}", path, STYLES[n % 3]))
    return items


def sample_arguments() -> argparse.Namespace:
    """Parse --random (how many random plans) and --seed (the first one's seed)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--random", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1000)
    return parser.parse_args()


def built_sample(args: argparse.Namespace, folder: Path) -> tuple[list, list]:
    """Return (the sample's items, each one's (Document, style sheet)) for ``args``."""
    items = sample(args.random, args.seed, folder)
    return items, [built_document(path, RenderOptions(style=style), "pdf")[:2] for _, path, style in items]


def audit(name: str, docx: bytes, pdf_bytes: bytes, document, sheet, totals: Counter,
          exact: bool) -> None:
    """Measure one printed document and add its faults to ``totals``."""
    pdf = pymupdf.open(stream=pdf_bytes, filetype="pdf")
    lost = missing_marks(docx, pdf)
    totals["marks missing"] += sum(lost.values())
    totals["documents losing marks"] += bool(lost)
    pages = read_pages(pdf)
    faults = pages.faults(sheet.imprint.even_page)
    totals["pages"] += pages.count
    for fault in faults:
        totals[fault.split(":")[0].split(" on page")[0].split(" page ")[0]] += 1
    totals["documents with a wrong end"] += bool(faults)
    if faults or lost:
        print(f"  {name} ({'exact' if exact else 'estimate'}): {faults} {dict(lost)}",
              file=sys.stderr)
    dates = document.of_kind(Kind.DATE)
    if dates and broken_dates(pdf, dates[0].text):
        totals["dates broken"] += 1
    date_page = next((i for i, page in enumerate(pdf) if dates and dates[0].text in
                      page.get_text().replace(" ", "").replace("\n", "")), 0)
    if date_page > 0:
        notice_fill(pdf, document, sheet, totals)


def notice_fill(pdf, document, sheet, totals: Counter) -> None:
    """Count how far a notice over one page leaves its first page short, whether its 署名
    page has 正文, and whether more of the 正文 went down with the 署名 than it needs (more
    than two lines: the writer sets apart one)."""
    totals["notices over one page"] += 1
    gap = first_page_gap(pdf, sheet.pitch / 20)
    totals[f"notice first page short by (lines) {min(round(gap), 9)}"] += 1
    signature = document.of_kind(Kind.SIGNATURE)[0].text
    listed = document.of_kind(Kind.ATTACHMENTS)
    attachments = "".join(attachment_lines(listed[0].parts)) if listed else ""
    _, carried = signature_page_body(pdf, signature, attachments)
    text = signature_page_body(pdf, signature, "")[1]      # 正文 and 附件说明 lines
    if text == 0:
        totals["署名 page without 正文 or 附件说明 above it"] += 1
    if gap > 2:
        totals["notice first pages > 2 lines short"] += 1
        if carried > 2 or text > 2:
            totals["  of which more went down than the 署名 needs"] += 1
        if listed and carried == 0:
            totals["  of which only the 附件说明's last item went down with the 署名"] += 1


def main() -> None:
    args = sample_arguments()
    with tempfile.TemporaryDirectory() as tmp:
        items, built = built_sample(args, Path(tmp))
        print(f"{len(items)} documents", file=sys.stderr)
        for exact in (False, True):
            totals, started = Counter(), time.perf_counter()
            if exact:
                printed = print_exactly(built)
                results = [(p.docx, p.pdf) for p in printed]
                totals["conversions"] = sum(p.rounds for p in printed)
            else:
                docx = [compose_docx(d, s)[0] for d, s in built]
                results = [(d, c.pdf) for d, c in zip(docx, convert_batch(docx, measure=False))]
                totals["conversions"] = len(docx)
            seconds = time.perf_counter() - started
            for (name, _, _), (document, sheet), (docx, pdf) in zip(items, built, results):
                audit(name, docx, pdf, document, sheet, totals, exact)
            label = "exact (LibreOffice page breaks)" if exact else "estimate only"
            print(f"\n## {label}: {len(items)} documents, {seconds:.1f} s")
            for key in sorted(totals):
                print(f"- {key}: {totals[key]}")


if __name__ == "__main__":
    main()
