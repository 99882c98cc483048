"""The 重点任务分解表 of a large plan as whole processes: `workplan breakdown PLAN.yaml -o
分解表.xlsx` (and .csv, .docx), plus the terminal summary, with declared units and leaders.

Usage: python benchmarks/bench_breakdown.py [--sizes 40,1000,10000] [--repeat 5]
Prints a Markdown table of the best wall time and the peak memory of each process (the plans
are bench_render's, with every task given owners and the units declared with leaders, so
that every column is filled).
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import yaml

from bench_render import OWNERS, compile_package, make_plan, run_measured, workplan_script  # noqa: E402

LEADERS = ["周一帆", "吴二林", "郑三木"]


def plan_with_units(tasks: int) -> dict:
    """Return bench_render's plan of ``tasks`` tasks with its owners declared as units."""
    plan = make_plan(tasks)
    for number, task in enumerate((t for s in plan["sections"] for t in s["tasks"])):
        task.setdefault("owners", [OWNERS[number % len(OWNERS)]])     # every task has a unit
    plan["units"] = [{"name": name, "leader": LEADERS[i % len(LEADERS)]}
                     for i, name in enumerate(OWNERS)]
    return plan


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="40,1000,10000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    exe = workplan_script() or exit("workplan is not installed (pip install -e .)")
    compile_package()
    outputs = {"xlsx": ["-o", "{dir}/t.xlsx"], "csv": ["-o", "{dir}/t.csv"],
               "docx": ["-o", "{dir}/t.docx"], "summary": []}
    print("| tasks | " + " | ".join(f"{k} s | {k} MB" for k in outputs) + " |")
    print("|---|" + "---|---|" * len(outputs))
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            source = Path(folder) / f"plan{size}.yaml"
            source.write_text(yaml.safe_dump(plan_with_units(size), allow_unicode=True),
                              encoding="utf-8")
            cells = []
            for extra in outputs.values():
                argv = [exe, "breakdown", str(source), *(a.format(dir=folder) for a in extra)]
                runs = [run_measured(argv) for _ in range(args.repeat)]
                cells.append(f"{min(t for t, _ in runs):.2f} | {max(m for _, m in runs):.0f}")
            print(f"| {size:,} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
