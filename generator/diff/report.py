"""A PlanDiff as text for people, with Chinese labels; changed text is marked inline as
``[-deleted-]{+inserted+}`` (word by word, character by character for Chinese)."""
from __future__ import annotations

from generator.diff.match import PlanDiff, TargetChange, TaskMatch, TaskRef, opcodes, tokenize

TASK_LABELS = {"title": "标题句", "body": "正文", "items": "条目", "owners": "牵头单位",
               "deadline": "完成时限"}
TARGET_LABELS = {"name": "名称", "value": "目标值", "unit": "单位", "baseline": "基数",
                 "deadline": "完成时限", "owners": "责任单位"}
_INLINE = ("title", "body", "items")


def diff_ops(old: str, new: str) -> list[tuple[str, str]]:
    """Return the text as (op, piece) pairs, op "=" kept, "-" deleted, "+" inserted."""
    a, b = tokenize(old), tokenize(new)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in opcodes(a, b):
        if op == "equal":
            out.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", "".join(b[j1:j2])))
    return out


def inline_diff(old: str, new: str) -> str:
    """Return ``new`` with the differences from ``old`` marked [-deleted-]{+inserted+}."""
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return "".join(marks[op].format(piece) for op, piece in diff_ops(old, new))


def _show(value) -> str:
    if value in (None, "", []):
        return "（空）"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def _task(ref: TaskRef) -> str:
    return f"{ref.label} {ref.title}（{ref.section}）"


def _reworded(match: TaskMatch) -> list[str]:
    score = f"（相似度 {match.similarity:.2f}）" if match.similarity < 1 else ""
    lines = [f"  {match.new.label} {match.new.title}{score}"]
    for name, (old, new) in match.changes.items():
        if name in _INLINE:
            join = "；".join if name == "items" else str
            text = inline_diff(join(old), join(new))
        else:
            text = f"{_show(old)} → {_show(new)}"
        lines.append(f"    {TASK_LABELS[name]}：{text}")
    return lines


def _figure(value, unit: str) -> str:
    return "（空）" if value in (None, "") else f"{value}{unit}"


def _target(change: TargetChange) -> str:
    parts = []
    shown = change.changes
    if change.change != "changed":
        figures = {"value", "baseline"} & set(shown)
        shown = {k: v for k, v in shown.items() if k != "name" and not (k == "unit" and figures)}
    for name, (old, new) in shown.items():
        if name in ("value", "baseline"):
            old, new = _figure(old, change.unit[0]), _figure(new, change.unit[1])
        else:
            old, new = _show(old), _show(new)
        if change.change == "changed":
            parts.append(f"{TARGET_LABELS[name]} {old} → {new}")
        else:
            parts.append(f"{TARGET_LABELS[name]} {new if change.change == 'added' else old}")
    mark = {"changed": "", "added": "+ ", "dropped": "- "}[change.change]
    where = f"{change.task.label} {change.task.title}"
    return f"  {mark}{change.name}（{where}）：{'；'.join(parts)}"


def format_diff(diff: PlanDiff) -> str:
    """Return the diff as lines of text: one part per kind of change, then a count."""
    lines = [f"比较：{diff.old[0]}（{diff.old[1]}年）→ {diff.new[0]}（{diff.new[1]}年）"]
    if diff.added:
        lines.append(f"新增任务（{len(diff.added)}）：")
        lines += [f"  + {_task(ref)}" for ref in diff.added]
    if diff.dropped:
        lines.append(f"删除任务（{len(diff.dropped)}）：")
        lines += [f"  - {_task(ref)}" for ref in diff.dropped]
    if diff.moved:
        lines.append(f"移动任务（{len(diff.moved)}）：")
        lines += [f"  {m.old.label} → {m.new.label} {m.new.title}"
                  f"（{m.old.section} → {m.new.section}）" for m in diff.moved]
    if diff.reworded:
        lines.append(f"改写任务（{len(diff.reworded)}）：")
        for match in diff.reworded:
            lines += _reworded(match)
    if diff.changed:
        lines.append(f"调整任务（{len(diff.changed)}）：")
        for match in diff.changed:
            lines += _reworded(match)
    if diff.targets:
        lines.append(f"指标变化（{len(diff.targets)}）：")
        lines += [_target(change) for change in diff.targets]
    counts = (len(diff.added), len(diff.dropped), len(diff.moved), len(diff.reworded),
              len(diff.changed), len(diff.targets))
    if any(counts):
        lines.append("合计：新增 {}，删除 {}，移动 {}，改写 {}，调整 {}，指标变化 {}".format(*counts))
    else:
        lines.append("两份计划的任务和指标没有变化。")
    return "\n".join(lines) + "\n"
