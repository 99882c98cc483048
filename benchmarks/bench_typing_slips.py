"""Benchmark: the input-method pre-scan (generator.source.typing_slips) against plan size.

Run ``python benchmarks/bench_typing_slips.py``; for plans of 1,000 to 40,000 tasks (made by
bench_render.make_plan, dumped with PyYAML) it prints the file size, the time of the
pre-scan on the clean text, on the text with one slip in every tenth task title
(``title：``) and with a full-width colon in every task body (prose, not a slip), and beside
them the time of parse_yaml (PyYAML's composer with the source map) on the clean text. The
time per megabyte staying about constant shows the scan linear. Best of five runs each.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_render import make_plan  # noqa: E402
from generator.source.sourcemap import parse_yaml  # noqa: E402
from generator.source.typing_slips import find_typing_slips  # noqa: E402

SIZES = (1000, 10_000, 40_000)


def best(function, repeat: int = 5) -> float:
    """Return the fastest of ``repeat`` runs of ``function()``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    print("tasks  MB    clean ms  slips ms  prose：ms  parse_yaml ms  clean ms/MB")
    for tasks in SIZES:
        text = yaml.safe_dump(make_plan(tasks), allow_unicode=True, sort_keys=False)
        slips = text.replace("  - title: ", "  - title：", tasks // 10)
        prose = text.replace("    body: ", "    body: 牵头：")
        mb = len(text.encode("utf-8")) / 2**20
        clean = best(lambda: find_typing_slips(text, "p.yaml"))
        slipped = best(lambda: find_typing_slips(slips, "p.yaml"))
        colons = best(lambda: find_typing_slips(prose, "p.yaml"))
        parse = best(lambda: parse_yaml(text, "p.yaml"), 2)
        print(f"{tasks:>6} {mb:5.1f} {clean * 1000:9.1f} {slipped * 1000:9.1f} {colons * 1000:9.1f}"
              f" {parse * 1000:14.0f} {clean * 1000 / mb:12.1f}")


if __name__ == "__main__":
    main()
