"""How often the automatic title break splits a word (issue 15 point 6).

Notice and plan titles are composed at random from words (places, organs, topics, the
fixed parts of a 印发 notice title), so every word boundary is known; each title is broken
for a 二号 title line (20.1 characters, with the space set between Chinese and digits) and
a break that does not fall on a word boundary counts as a split word. Prints how many
titles needed more than one line and how many of them split a word, with examples.

Usage: python benchmarks/title_breaks.py [--titles 2000] [--seed 1]
(run it from another checkout's folder to measure that version)
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))

try:
    from generator.layout.titles import title_lines
except ImportError:                                  # before titles had their own module
    from generator.layout.metrics import title_lines

PLACES = [["青岛", "西海岸", "新区"], ["示例市"], ["示例县"], ["示例", "自治区"], ["示例市", "示例区"],
          ["黄岛区"], ["示例", "新区"], ["示例", "开发区"], ["示例县", "示例镇"]]
ORGANS = [["民政局"], ["教育局"], ["人力资源", "和", "社会保障局"], ["卫生健康", "委员会"],
          ["人民政府", "办公室"], ["财政局"], ["应急管理局"], ["生态环境局"], ["人民政府"]]
TOPICS = [["民政"], ["社会", "救助"], ["养老", "服务"], ["乡村", "振兴"], ["就业", "创业"],
          ["职业", "技能", "提升"], ["义务", "教育"], ["优质", "均衡", "发展"], ["安全", "生产"],
          ["卫生", "健康"], ["基层", "社会", "治理"], ["区域", "协调", "发展"], ["市场", "监管"]]


def _topic(rng: random.Random) -> list[str]:
    words = list(rng.choice(TOPICS))
    if rng.random() < .4:
        words += ["和", *rng.choice(TOPICS)]
    return words


def compose(rng: random.Random) -> list[str]:
    """Return a title as a list of words."""
    year = [str(rng.randint(2018, 2030)), "年度" if rng.random() < .3 else "年"]
    plan = [*rng.choice(PLACES), *(rng.choice(ORGANS) if rng.random() < .6 else []), *year,
            *_topic(rng), "工作", "要点"]
    if rng.random() < .3:
        return plan
    issuer = [*rng.choice(PLACES), *rng.choice(ORGANS)] if rng.random() < .5 else []
    return [*issuer, "关于", "印发", "《", *plan, "》", "的", "通知"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--titles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    broken = split = 0
    examples = []
    for _ in range(args.titles):
        words = compose(rng)
        text = "".join(words)
        bounds, at = set(), 0
        for word in words:
            at += len(word)
            bounds.add(at)
        lines = title_lines(text, 20.1, 0.2)      # 二号: 0.2 em set at each CJK/digit side
        if len(lines) == 1:
            continue
        broken += 1
        cuts = [sum(len(line) for line in lines[:i + 1]) for i in range(len(lines) - 1)]
        if any(cut not in bounds for cut in cuts):
            split += 1
            if len(examples) < 5:
                examples.append(" / ".join(lines))
    print(f"{args.titles} titles, {broken} on more than one line, {split} of them split a word "
          f"({100 * split / max(broken, 1):.1f} %)")
    for example in examples:
        print(f"  {example}")


if __name__ == "__main__":
    main()
