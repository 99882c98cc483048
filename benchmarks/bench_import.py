"""Benchmark: import time (read text -> blocks -> plan data -> YAML) against plan size.

Run ``python benchmarks/bench_import.py``; it prints one line per size with the time and the
time per task, which stays about constant when import time grows linearly. The plans are
generated (fictional text in our own text output's shape, 10 tasks per section, a targets
table), so the benchmark needs no files.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.importer.extract import extract_plan  # noqa: E402
from generator.document.numbering import chinese_numeral  # noqa: E402
from generator.plan.dump import dump_plan  # noqa: E402
from generator.readers.text import read_text  # noqa: E402

SIZES = (40, 100, 1000, 10_000)


def make_text(tasks: int) -> str:
    """Return a plan's text with ``tasks`` tasks numbered 1.–N across sections of ten."""
    lines = ["示例区民政局文件", "示民发〔2024〕8号", "关于印发《示例区2024年民政工作要点》的通知",
             "各街道办事处：", "　　现将《示例区2024年民政工作要点》印发给你们，请认真贯彻执行。",
             "示例区民政局", "2024年3月1日", "示例区2024年民政工作要点",
             "　　2024年全区民政工作要坚持以人民为中心，兜牢民生底线，提升服务水平。"]
    for n in range(1, tasks + 1):
        if n % 10 == 1:
            lines.append(f"{chinese_numeral(n // 10 + 1)}、第{n // 10 + 1}部分重点工作")
        lines.append(f"　　{n}.做好第{n}项重点工作。按照年度安排推进第{n}项工作，每季度通报一次进展，"
                     f"确保年底前完成 {n % 90 + 10} 个项目。（牵头单位：办公室、财务科；完成时限：2024年12月31日）")
        if n % 50 == 0:
            lines.append(f"　　（1）第{n}项工作的第一个要点。")
    lines += ["重点指标", "序号｜任务｜指标｜目标值｜基数｜完成时限｜责任单位",
              "1｜1.做好第1项重点工作｜示例指标｜95%｜90%｜｜", "示例区民政局办公室　　2024年3月2日印发"]
    return "\n\n".join(lines) + "\n"


def import_text(text: str) -> str:
    """Return the YAML imported from ``text`` (the whole pipeline but file I/O)."""
    result = read_text(text, "bench.txt")
    data, _ = extract_plan(result.blocks, result.warnings, lines=result.lines, path=result.path)
    return dump_plan(data, "bench.txt")


def measure(tasks: int, repeat: int = 3) -> float:
    """Return the best of ``repeat`` import times in seconds for a plan of ``tasks`` tasks."""
    text = make_text(tasks)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        import_text(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    import_text(make_text(10))            # warm up (template compilation, regexes)
    print(f"{'tasks':>8} {'seconds':>10} {'ms/task':>10}")
    for size in SIZES:
        seconds = measure(size, repeat=3 if size < 10_000 else 1)
        print(f"{size:>8} {seconds:>10.4f} {seconds * 1000 / size:>10.3f}")


if __name__ == "__main__":
    main()
