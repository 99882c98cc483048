"""Benchmark: the 台账 ledger out and in for a 1,000-task plan, as whole processes.

Run ``python benchmarks/bench_ledger.py [tasks]`` (default 1,000). It writes a fictional plan
(ten tasks per section, a target on every fifth task, two owners each) to a temporary
folder, then times, best and median of seven runs each:

- ``workplan ledger PLAN --period 2021-H1 -o 台账.xlsx --by-unit`` (out), and
- ``workplan ledger import 台账.xlsx PLAN --force`` on a copy with every row filled in
  (status, progress text, an actual figure on each target row) (in).

The workbook is filled once, with openpyxl, before timing.
"""
from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

UNITS = ["办公室", "社会救助科", "养老服务科", "社会事务科", "基层政权建设科"]


def make_plan(tasks: int) -> str:
    """Return YAML for a plan of ``tasks`` tasks."""
    lines = ["title: 示例区2021年民政工作要点", "year: 2021", "sections:"]
    for n in range(tasks):
        if n % 10 == 0:
            lines += [f"  - title: 第{n // 10 + 1}部分重点工作", "    tasks:"]
        unit = UNITS[n % len(UNITS)]
        lines += [f"      - title: 做好第{n + 1}项重点工作。",
                  f"        body: 按照年度安排推进第{n + 1}项工作，每季度通报一次进展。",
                  f"        owners: [{unit}, 财务科]", "        deadline: 2021-12-31"]
        if n % 5 == 0:
            lines += ["        targets:", f"          - {{name: 第{n + 1}项指标, value: {n % 90 + 10}, unit: 个}}"]
    return "\n".join(lines) + "\n"


def fill(path: Path, target: Path) -> None:
    import openpyxl
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        heads = {cell.value: cell.column for cell in sheet[2]}
        for r in range(3, sheet.max_row + 1):
            sheet.cell(r, heads["状态"]).value = "推进中"
            sheet.cell(r, heads["进展情况"]).value = "已按计划推进，完成阶段性任务。"
            if sheet.cell(r, heads["指标"]).value:
                sheet.cell(r, heads["实际完成值"]).value = 7
    book.save(target)


def timed(args: list[str], rounds: int = 7) -> tuple[float, float]:
    """Return (best, median) seconds of running ``args`` as a process."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    tasks = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    workplan = shutil.which("workplan") or str(Path(sys.executable).with_name("workplan"))
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "2021.yaml"
        plan.write_text(make_plan(tasks), encoding="utf-8")
        book, filled = Path(folder) / "台账.xlsx", Path(folder) / "已填.xlsx"
        out = [workplan, "ledger", str(plan), "--period", "2021-H1", "-o", str(book), "--by-unit", "--force"]
        best_out, median_out = timed(out)
        fill(book, filled)
        best_in, median_in = timed([workplan, "ledger", "import", str(filled), str(plan), "--force"])
        rows = tasks + (tasks + 4) // 5
        print(f"{tasks} tasks, {rows} rows: ledger out best {best_out:.2f} s (median {median_out:.2f} s); "
              f"ledger import best {best_in:.2f} s (median {median_in:.2f} s)")


if __name__ == "__main__":
    main()
