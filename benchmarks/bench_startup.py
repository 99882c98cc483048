"""Start-up time of `workplan --help` and `workplan validate` as whole processes.

Usage: python benchmarks/bench_startup.py [RUNS]   (default 20 runs; prints median and best)
Also reports whether python-docx was imported (it must not be, for these two commands).
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_render import compile_package, workplan_script  # noqa: E402 (same folder)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "minzheng-2021.yaml"
COMMANDS = {
    "workplan --help": ["--help"],
    "workplan validate examples/minzheng-2021.yaml": ["validate", str(EXAMPLE)],
}


def time_command(argv: list[str], runs: int) -> list[float]:
    """Return wall times in seconds of ``runs`` runs of a command."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    exe = workplan_script() or sys.exit("workplan is not installed (pip install -e .)")
    compile_package()
    print("| command | median | best | python-docx imported |\n|---|---|---|---|")
    for name, args in COMMANDS.items():
        times = time_command([exe, *args], runs)
        probe = subprocess.run(
            [sys.executable, "-c", "import sys; from generator.cli import main\n"
             f"try: main({args!r})\nexcept SystemExit: pass\n"
             "print('DOCX', 'docx' in sys.modules)"], capture_output=True, text=True)
        imported = probe.stdout.strip().splitlines()[-1].split()[-1]
        print(f"| `{name}` | {statistics.median(times) * 1000:.0f} ms | {min(times) * 1000:.0f} ms "
              f"| {imported} |")
    base = time_command([sys.executable, "-c", "pass"], runs)
    print(f"| bare `python -c pass` | {statistics.median(base) * 1000:.0f} ms | {min(base) * 1000:.0f} ms | - |")


if __name__ == "__main__":
    main()
