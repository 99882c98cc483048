"""Time of the inputs whose cost once grew quadratically (issue 14, point 9), as whole
processes: validation with thousands of findings, a very long title, `diff --docx` of a
very long body. Each input is made from examples/weijian-2023.yaml as
../shared/cases/reliability/gen_slow_inputs.py makes it, at several sizes, so that the
growth shows (linear: the time doubles when the size doubles).

Usage: python benchmarks/bench_hostile.py [SCALE ...]   (default 1000 2000 4000; the title
and body sizes are 16 and 100 times the scale in characters)
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = (ROOT / "examples" / "weijian-2023.yaml").read_text(encoding="utf-8")
TITLE = "title: 示例市卫生健康委员会2023年工作要点"


def unknown_keys(n: int) -> str:
    return EXAMPLE + "".join(f"k{i}: {i}\n" for i in range(n))


def tasks_without_title(n: int) -> str:
    return ("title: 示例2023年工作要点\nyear: 2023\nsections:\n  - title: 部分\n    tasks:\n"
            + "".join(f"      - body: 正文{i}。\n" for i in range(n)))


def long_title(n: int) -> str:
    return EXAMPLE.replace(TITLE, "title: 示例" + "测" * (16 * n) + "2023年工作要点", 1)


def long_body(n: int) -> str:
    return EXAMPLE.replace("完善传染病监测预警网络", "完" * (100 * n))


CASES = {
    "validate, unknown keys": (unknown_keys, ["validate", "{plan}"]),
    "validate, tasks without a title": (tasks_without_title, ["validate", "{plan}"]),
    "render DOCX, long title": (long_title, ["render", "{plan}", "-o", "{out}.docx"]),
    "diff --docx, long body": (long_body, ["diff", "{example}", "{plan}", "--docx", "{out}.docx"]),
}


def run(argv: list[str]) -> tuple[float, int]:
    """Return (wall seconds, exit code) of one run of ``workplan ARGV``."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "generator", *argv], cwd=ROOT,
                          capture_output=True, check=False)
    return time.perf_counter() - start, done.returncode


def main() -> None:
    scales = [int(a) for a in sys.argv[1:]] or [1000, 2000, 4000]
    print("| input | " + " | ".join(f"n = {s}" for s in scales) + " |")
    print("|---|" + "---|" * len(scales))
    with tempfile.TemporaryDirectory() as folder:
        example = Path(folder) / "example.yaml"
        example.write_text(EXAMPLE, encoding="utf-8")
        for name, (make, argv) in CASES.items():
            cells = []
            for scale in scales:
                plan = Path(folder) / f"{scale}.yaml"
                plan.write_text(make(scale), encoding="utf-8")
                out = Path(folder) / f"out-{name[:6]}-{scale}"
                args = [a.format(plan=plan, out=out, example=example) for a in argv]
                seconds, code = run(args)
                cells.append(f"{seconds:.2f} s (exit {code})")
            print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
