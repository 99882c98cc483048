"""The rule list as ``workplan lint --rules`` prints it: text, JSON, or the Markdown page
docs/lint-rules.md, all made from the rules' registrations and docstrings."""
from __future__ import annotations

import json
import re

from generator.lint.registry import GROUPS, Rule, all_rules

FIX_NAMES = {"safe": "安全修复", "unsafe": "不安全修复", "none": "无修复"}
_PARTS = ("检查", "原因", "示例", "修复")


def doc_parts(item: Rule) -> dict[str, str]:
    """Return the docstring's parts (检查, 原因, 示例, 修复), each joined into one line."""
    text = re.sub(r"\s*\n\s*", "", item.doc.strip())
    found = {}
    for index, name in enumerate(_PARTS):
        start = text.index(f"{name}：") + len(name) + 1
        end = text.index(f"{_PARTS[index + 1]}：") if index + 1 < len(_PARTS) else len(text)
        found[name] = text[start:end].strip()
    return found


def rules_text() -> str:
    """Return one line per rule: code, fix, (默认不运行), summary."""
    lines = []
    for item in all_rules().values():
        off = "，默认不运行" if not item.default else ""
        lines.append(f"{item.code}  [{FIX_NAMES[item.fix]}{off}]  {item.summary}")
    return "\n".join(lines) + "\n"


def rules_json() -> str:
    """Return the rules as a JSON array of objects (code, group, summary, fix, default and
    the docstring's parts)."""
    out = []
    for item in all_rules().values():
        parts = doc_parts(item)
        out.append({"code": item.code, "group": GROUPS[item.group], "summary": item.summary,
                    "fix": item.fix, "default": item.default, "detects": parts["检查"],
                    "why": parts["原因"], "example": parts["示例"], "fix_note": parts["修复"]})
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


_HEAD = """# lint 规则

<!-- 本页由 `workplan lint --rules --format markdown` 从规则的文档字符串生成，请勿手改；
     改了规则后重新生成：workplan lint --rules --format markdown > docs/lint-rules.md -->

`workplan lint` 检查公文写作中的常见错误。每条规则有固定的代码，提示的格式与其他命令相同：
`路径:行:列: 代码 字段: 说明：“原文”`。“安全修复”由 `--fix` 自动改正，改后意思不变；“不安全修复”
要加 `--unsafe-fixes` 才改，改前请核对；标“默认不运行”的规则判断不确定，只有用 `--select 代码`
点名时才运行。

```sh
workplan lint plans/2022.yaml                 # 计划文件：检查印出的文字（占位符已填入），报告 YAML 中的位置
workplan lint 去年.docx 网页复制.txt 文件夹/     # Word 文件、文本文件、文件夹
workplan lint plans/2022.yaml --fix           # 就地改正可安全修复的问题（注释、键的顺序不变）
workplan lint plans/2022.yaml --diff          # 只看会改什么
workplan lint 去年.docx --fix -o 修订稿.docx   # Word 文件不在原处修改：副本中每处修改都是修订
workplan lint plans/ --select PUN,NUM01 --ignore PUN12 --format json
```

- 退出码：0 没有问题，1 有问题，2 工具无法运行。`--format json` 输出数组，每项有 path、line、col、
  code、message、field、fixable（有安全修复时为 true）、unsafe_fixable。
- Word 文件的“行”是段落序号（表格算一段，与 `workplan import` 相同），“列”是段内第几个字。
- 配置：`pyproject.toml` 的 `[tool.workplan.lint]` 表，或 `workplan.toml`（`[lint]` 表），从被检查的文件
  所在文件夹向上找最近的一个。键：`select`、`ignore`、`extend-select`（代码或前缀的列表）、`confusables`
  （自己的易混用词表，格式同 `generator/lint/confusables.yaml`，路径相对于配置文件）。命令行的
  `--select` 取代配置中的 select，`--ignore`、`--extend-select` 在配置之外追加。
- 计划文件中，在问题所在行或其字段的键所在行写 `# workplan: ignore[WRD03]`（可写多个代码或前缀，
  逗号分隔；不写代码则忽略该行全部问题），即不再报告。
- `workplan validate` 和 `workplan render` 也报告默认规则发现的问题（警告，不影响退出码，除非 `--strict`）。

| 代码 | 说明 | 修复 | 默认 |
|---|---|---|---|
"""


def rules_markdown() -> str:
    """Return the Markdown rules page: a table of every code, then one section per group
    with each rule's docstring."""
    rules = list(all_rules().values())
    out = [_HEAD]
    for item in rules:
        out.append(f"| {item.code} | {item.summary} | {FIX_NAMES[item.fix]} | "
                   f"{'运行' if item.default else '不运行'} |\n")
    for group, title in GROUPS.items():
        out.append(f"\n## {group}：{title}\n")
        for item in (r for r in rules if r.group == group):
            parts = doc_parts(item)
            off = "（默认不运行）" if not item.default else ""
            out.append(f"\n### {item.code}\n\n**{item.summary}**{off}\n\n"
                       f"- 检查：{parts['检查']}\n- 原因：{parts['原因']}\n"
                       f"- 示例：{parts['示例']}\n- 修复（{FIX_NAMES[item.fix]}）：{parts['修复']}\n")
    return "".join(out)
