"""Interleaved before/after timing of whole processes from two checkouts: wall and CPU
(user+sys of the child, os.wait4) medians. CPU time barely moves when the machine is busy,
so it is the figure to compare on a shared machine.

Usage: python benchmarks/compare_trees.py BEFORE_CHECKOUT [RUNS]
(make BEFORE_CHECKOUT with ``git worktree add /tmp/before <commit>``; the current checkout
is "after"). Each command runs as ``python -m generator …`` in each checkout in turn.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

import bench_render

HERE = Path(__file__).resolve().parents[1]
TREES = {"before": sys.argv[1], "after": str(HERE)}
tmp = Path(tempfile.mkdtemp())
plans = {}
for n in (40, 1000):
    p = tmp / f"plan{n}.yaml"
    p.write_text(yaml.safe_dump(bench_render.make_plan(n), allow_unicode=True), encoding="utf-8")
    plans[n] = p
def run(tree, args):
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime
cmds = {"--help": ["--help"], "validate minzheng": ["validate", str(HERE / "examples/minzheng-2021.yaml")]}
for n, p in plans.items():
    if p.exists(): cmds[f"render {n} tasks"] = ["render", str(p), "-o", str(tmp / f"out{n}.docx")]
cmds["render minzheng docx"] = ["render", str(HERE / "examples/minzheng-2021.yaml"), "-o", str(tmp / "mz.docx")]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 15
print("| command | before wall | after wall | before CPU | after CPU |\n|---|---|---|---|---|")
for name, args in cmds.items():
    res = {k: [] for k in TREES}
    for _ in range(runs):
        for k, tree in TREES.items():
            res[k].append(run(tree, args))
    med = lambda xs, i: statistics.median(x[i] for x in xs) * 1000
    print(f"| {name} | {med(res['before'],0):.0f} ms | {med(res['after'],0):.0f} ms | {med(res['before'],1):.0f} ms | {med(res['after'],1):.0f} ms |")
