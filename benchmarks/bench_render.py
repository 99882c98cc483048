"""Render plans of 40, 1,000 and 10,000 tasks to DOCX and report time and peak memory.

Each render runs as a whole process (``workplan render PLAN.yaml -o PLAN.docx``), timed
from start to exit; peak memory is the child's maximum resident set (``os.wait4``).
Beside it, docxtpl and pandoc render the same content unstyled (title, headings, task
paragraphs, items, target lines), when they are installed; a missing one is skipped.
docxtpl runs twice: with the content as JSON, and reading the plan's own YAML file with
PyYAML (``CSafeLoader``), which shows what reading the YAML alone costs.

Usage: python benchmarks/bench_render.py [--sizes 40,1000,10000] [--repeat 3] [--keep DIR]
Prints a markdown table. Plan text is generated, fictional and deterministic.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

DOINGS = ["健全", "完善", "推进", "落实", "优化", "规范", "强化", "深化", "统筹", "提升"]
THINGS = ["社区养老服务网络", "临时救助备用金制度", "基层治理协商机制", "婚姻登记预约服务",
          "困难群众动态监测", "社会组织年度检查", "殡葬服务收费公示", "志愿服务记录制度",
          "流浪乞讨人员救助", "儿童福利机构管理", "残疾人两项补贴发放", "地名信息更新"]
CLAUSES = ["每季度开展一次专项检查，发现问题及时督促整改",
           "建立工作台账，明确责任人和完成时限，按月通报进展",
           "加强与财政、卫生健康等部门的信息共享，提高审核效率",
           "组织业务骨干深入街道社区调研，形成可复制的经验做法",
           "完善考核评价办法，把群众满意度作为重要评价指标",
           "推行申请材料清单化管理，减少群众跑腿次数",
           "对服务对象开展回访，听取意见建议并及时改进",
           "年底前完成全区覆盖，确保各项措施落到实处"]
OWNERS = ["办公室", "社会救助科", "养老服务科", "社会事务科", "基层政权建设科", "财务科"]


def make_task(rng: random.Random, number: int) -> dict:
    """Return one task of realistic length: a lead sentence, a 50–110 character body,
    usually owners, sometimes a deadline, items or a target."""
    task = {"title": f"{rng.choice(DOINGS)}{rng.choice(THINGS)}。",
            "body": "；".join(rng.sample(CLAUSES, rng.randint(2, 4))) + "。"}
    if rng.random() < 0.7:
        task["owners"] = rng.sample(OWNERS, rng.randint(1, 2))
    if rng.random() < 0.3:
        task["deadline"] = f"2024-{rng.randint(3, 12)}-{rng.randint(1, 28)}"
    if rng.random() < 0.1:
        task["items"] = [c + "。" for c in rng.sample(CLAUSES, 3)]
    if rng.random() < 0.1:
        task["targets"] = [{"name": f"指标{number}", "value": rng.randint(50, 99), "unit": "%",
                            "baseline": rng.randint(30, 49), "owners": [rng.choice(OWNERS)]}]
    return task


def make_plan(tasks: int, seed: int = 2024) -> dict:
    """Return a plan with ``tasks`` tasks in sections of up to 100 (at least 5 sections)."""
    rng = random.Random(seed)
    per = max(1, min(100, tasks // 5))
    sections = []
    for start in range(0, tasks, per):
        count = min(per, tasks - start)
        sections.append({"title": f"{rng.choice(DOINGS)}{rng.choice(THINGS)}",
                         "tasks": [make_task(rng, start + i + 1) for i in range(count)]})
    return {"title": "示例区2024年民政工作要点", "year": 2024,
            "preamble": "全区民政系统要坚持以人民为中心，兜牢民生底线，提升服务质量。",
            "sections": sections}


def task_lines(task: dict, number: int) -> list[str]:
    """Return a task as plain paragraphs: the numbered task, its items, its target lines."""
    text = f"{number}.{task['title']}{task['body']}"
    if task.get("owners"):
        text += f"（牵头单位：{'、'.join(task['owners'])}）"
    items = [f"（{i}）{item}" for i, item in enumerate(task.get("items", []), 1)]
    targets = [f"指标：{t['name']} {t['value']}{t['unit']}（基数 {t['baseline']}）"
               for t in task.get("targets", [])]
    return [text] + items + targets


def plain_content(plan: dict) -> dict:
    """Return the plan as title + sections of plain paragraphs (what competitors render)."""
    number, sections = 0, []
    for index, section in enumerate(plan["sections"], 1):
        paragraphs = []
        for task in section["tasks"]:
            number += 1
            paragraphs += task_lines(task, number)
        sections.append({"heading": f"{index}、{section['title']}", "paragraphs": paragraphs})
    return {"title": plan["title"], "preamble": plan["preamble"], "sections": sections}


def write_markdown(content: dict, path: Path) -> None:
    """Write the plain content as Markdown for pandoc."""
    out = [f"# {content['title']}", "", content["preamble"], ""]
    for section in content["sections"]:
        out += [f"## {section['heading']}", ""]
        for paragraph in section["paragraphs"]:
            out += [paragraph, ""]
    path.write_text("\n".join(out), encoding="utf-8")


DOCXTPL_RUN = """import json, sys
from docxtpl import DocxTemplate
doc = DocxTemplate(sys.argv[1])
if sys.argv[2].endswith(".json"):
    context = json.load(open(sys.argv[2], encoding="utf-8"))
else:  # the plan's own YAML file, read with PyYAML's fastest safe loader, made plain here
    import yaml
    sys.path.insert(0, sys.argv[4])
    from bench_render import plain_content
    context = plain_content(yaml.load(open(sys.argv[2], encoding="utf-8"), Loader=yaml.CSafeLoader))
doc.render(context)
doc.save(sys.argv[3])
"""


def write_docxtpl_template(path: Path) -> None:
    """Write a minimal docxtpl template (python-docx defaults, no styling)."""
    import docx  # the benchmark only: the competitor needs a template file
    document = docx.Document()
    for text in ["{{ title }}", "{{ preamble }}", "{%p for s in sections %}", "{{ s.heading }}",
                 "{%p for p in s.paragraphs %}", "{{ p }}", "{%p endfor %}", "{%p endfor %}"]:
        document.add_paragraph(text)
    document.save(path)


def run_measured(command: list[str]) -> tuple[float, float]:
    """Run ``command`` to completion; return (wall seconds, peak resident MB of the child).
    Raises RuntimeError when it fails."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {proc.stderr.read().decode(errors='replace')}")
    return seconds, usage.ru_maxrss / 1024  # Linux reports KiB


def workplan_script() -> str | None:
    """Return the ``workplan`` script pip installed beside this interpreter, else the one
    on PATH (None if neither): a version-manager shim found first on PATH (pyenv's is a
    bash script) would add about 70 ms to every run."""
    script = Path(sys.executable).with_name("workplan")
    return str(script) if script.exists() else shutil.which("workplan")


def competitors(folder: Path) -> dict[str, list[str] | None]:
    """Return the command prefix of each renderer, None for a competitor not installed."""
    workplan = workplan_script()
    found = {"workplan": [workplan] if workplan else [sys.executable, "-m", "generator"]}
    found["docxtpl"] = None
    if importlib.util.find_spec("docxtpl"):
        (folder / "run_docxtpl.py").write_text(DOCXTPL_RUN, encoding="utf-8")
        write_docxtpl_template(folder / "template.docx")
        found["docxtpl"] = [sys.executable, str(folder / "run_docxtpl.py")]
    found["docxtpl+yaml"] = found["docxtpl"]
    found["pandoc"] = [shutil.which("pandoc")] if shutil.which("pandoc") else None
    return found


def measure_size(tasks: int, folder: Path, tools: dict, repeat: int) -> dict[str, tuple]:
    """Write the inputs for one plan size and time every renderer on them."""
    plan = make_plan(tasks)
    source = folder / f"plan-{tasks}.yaml"
    source.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    content = plain_content(plan)
    (folder / f"plan-{tasks}.json").write_text(json.dumps(content, ensure_ascii=False), "utf-8")
    write_markdown(content, folder / f"plan-{tasks}.md")
    commands = {
        "workplan": tools["workplan"] and tools["workplan"] + [
            "render", str(source), "-o", str(folder / f"workplan-{tasks}.docx")],
        "docxtpl": tools["docxtpl"] and tools["docxtpl"] + [
            str(folder / "template.docx"), str(folder / f"plan-{tasks}.json"),
            str(folder / f"docxtpl-{tasks}.docx")],
        "docxtpl+yaml": tools["docxtpl+yaml"] and tools["docxtpl+yaml"] + [
            str(folder / "template.docx"), str(source),
            str(folder / f"docxtpl-yaml-{tasks}.docx"), str(Path(__file__).resolve().parent)],
        "pandoc": tools["pandoc"] and tools["pandoc"] + [
            str(folder / f"plan-{tasks}.md"), "-o", str(folder / f"pandoc-{tasks}.docx")],
    }
    return best_of_interleaved(commands, repeat)


def best_of_interleaved(commands: dict[str, list[str] | None], repeat: int) -> dict:
    """Run every command once per round, ``repeat`` rounds (so that a change in the
    machine's load touches all alike); return name -> (fastest wall time, largest peak
    memory), None for a command that is None."""
    runs: dict[str, list] = {name: [] for name, cmd in commands.items() if cmd}
    for _ in range(repeat):
        for name in runs:
            runs[name].append(run_measured(commands[name]))
    found = {name: (min(r[0] for r in got), max(r[1] for r in got)) for name, got in runs.items()}
    return {name: found.get(name) for name in commands}


def table(results: dict[int, dict]) -> str:
    """Return the results as a markdown table (seconds and MB per renderer)."""
    names = ["workplan", "docxtpl", "docxtpl+yaml", "pandoc"]
    head = "| tasks | " + " | ".join(f"{n} s | {n} MB" for n in names) + " |"
    rows = [head, "|" + "---|" * (1 + 2 * len(names))]
    for tasks, found in results.items():
        cells = [f"{found[n][0]:.2f} | {found[n][1]:.0f}" if found[n] else "— | —" for n in names]
        rows.append(f"| {tasks:,} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def compile_package() -> None:
    """Byte-compile the project's package first, as an installation does: an editable
    install under PYTHONDONTWRITEBYTECODE=1 (set on some machines) would otherwise compile
    every module at every run, which no installed package (docxtpl's included) pays."""
    import compileall
    import generator
    compileall.compile_dir(str(Path(generator.__file__).parent), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="40,1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", help="folder to keep the generated inputs and outputs in")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="workplan-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    compile_package()
    tools = competitors(folder)
    for name, command in tools.items():
        if command is None:
            print(f"skipped {name}: not installed", file=sys.stderr)
    results = {n: measure_size(n, folder, tools, args.repeat) for n in map(int, args.sizes.split(","))}
    print(f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d')}, best of {args.repeat}\n")
    print(table(results))
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
