"""Lint speed: ``workplan lint`` against ``workplan validate`` on the same plan, as whole
processes, and lint's growth with the plan's size.

Each command runs as a whole process, the two interleaved, ``--repeat`` times per size; the
table gives the best wall time of each and their ratio, and the best CPU time (user +
system, from ``os.wait4``), which other work on a shared machine disturbs less. The plans
are the fictional, deterministic ones of bench_render.py, each with a notice added and a
few seeded mistakes (so lint has something to report; validate passes them all).

Usage: python benchmarks/bench_lint.py [--sizes 40,1000,10000] [--repeat 15]
Prints a markdown table.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from bench_render import compile_package, make_plan, workplan_script  # noqa: E402 (same folder)

NOTICE = {"issuer_mark": "示例区民政局文件", "doc_number": {"code": "示民发", "year": 2024, "seq": 5},
          "recipients": "各街道办事处，局机关各科室：", "signature": "示例区民政局", "date": "2024-02-20",
          "imprint": {"cc": ["区委办公室"], "printer": "示例区民政局办公室", "date": "2024-02-21"}}
MISTAKES = ["加强统筹,提高效率。", "截止2024年6月底完成其它工作。", "服务对象满意率达到90-95%。"]


def write_plan(tasks: int, folder: Path) -> Path:
    """Write the benchmark plan of ``tasks`` tasks with a notice and seeded mistakes."""
    plan = make_plan(tasks)
    plan["notice"] = NOTICE
    everything = [t for s in plan["sections"] for t in s["tasks"]]
    for index, task in enumerate(everything[::max(1, len(everything) // 20)]):
        task["body"] += MISTAKES[index % len(MISTAKES)]
    path = folder / f"plan-{tasks}.yaml"
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run(command: list[str]) -> tuple[float, float]:
    """Run a command; return (wall seconds, CPU seconds of the child)."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="40,1000,10000")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    exe = workplan_script() or sys.exit("workplan is not installed (pip install -e .)")
    compile_package()
    print("| tasks | validate | lint | lint ÷ validate | validate CPU | lint CPU | CPU ratio | lint per task |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            path = write_plan(size, Path(tmp))
            times = {"validate": [], "lint": []}
            for _ in range(args.repeat):
                for name in times:
                    times[name].append(run([exe, name, str(path)]))
            wall = {name: min(t for t, _ in runs) for name, runs in times.items()}
            cpu = {name: min(c for _, c in runs) for name, runs in times.items()}
            print(f"| {size:,} | {wall['validate']:.3f} s | {wall['lint']:.3f} s | "
                  f"{wall['lint'] / wall['validate']:.2f}× | {cpu['validate']:.3f} s | {cpu['lint']:.3f} s | "
                  f"{cpu['lint'] / cpu['validate']:.2f}× | {wall['lint'] / size * 1000:.3f} ms |")


if __name__ == "__main__":
    main()
