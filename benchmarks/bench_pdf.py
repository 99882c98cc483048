"""Time PDF output for a batch of plans: one LibreOffice start per file (as before) against
one LibreOffice for the whole batch, plain and with exact pagination.

The plans are random notices with a 版记 (tests/layout/test_random_plans.py's generator,
seeds 1–N), written to DOCX first; only the conversion is timed:

- per file: ``writers.pdf.convert_to_pdf`` for each DOCX (a fresh ``soffice`` each time,
  what ``render plans/*.yaml -f pdf`` did);
- batch: ``writers.office.convert_batch`` over all DOCX files (one ``soffice``);
- exact: ``writers.exact.print_exactly`` over all plans (one batch, plus one more batch
  for the documents whose 版记 had to move), the conversions it took reported.

Usage: python benchmarks/bench_pdf.py [--plans 20]
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "layout"), str(ROOT / "tests")]

from test_random_plans import random_plan  # noqa: E402

from generator.writers.docx.writer import write_docx  # noqa: E402
from generator.writers.exact import print_exactly  # noqa: E402
from generator.writers.office import convert_batch  # noqa: E402
from generator.writers.pdf import convert_to_pdf  # noqa: E402
from generator.writers.render import RenderOptions, built_document  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plans", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        built = []
        for seed in range(1, args.plans + 1):
            path = Path(tmp) / f"plan-{seed}.yaml"
            path.write_text(yaml.safe_dump(random_plan(random.Random(seed)), allow_unicode=True),
                            encoding="utf-8")
            built.append(built_document(path, RenderOptions(), "pdf")[:2])
    docx = [write_docx(document, sheet) for document, sheet in built]
    started = time.perf_counter()
    for index, data in enumerate(docx):
        convert_to_pdf(data, f"plan-{index}")
    per_file = time.perf_counter() - started
    started = time.perf_counter()
    convert_batch(docx, measure=False)
    batch = time.perf_counter() - started
    started = time.perf_counter()
    printed = print_exactly(built)
    exact = time.perf_counter() - started
    rounds = sum(p.rounds for p in printed)
    print(f"| plans | per file | one batch | batch, exact pagination | conversions (exact) |")
    print("|---|---|---|---|---|")
    print(f"| {args.plans} | {per_file:.1f} s | {batch:.1f} s ({per_file / batch:.1f}×) | "
          f"{exact:.1f} s ({per_file / exact:.1f}×) | {rounds} |")


if __name__ == "__main__":
    main()
