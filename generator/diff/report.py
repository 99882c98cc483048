"""A PlanDiff as text for people, with Chinese labels; changed text is marked inline as
``[-deleted-]{+inserted+}`` (word by word, character by character for Chinese)."""
from __future__ import annotations


from generator.diff.fields import FieldChange
from generator.diff.match import PlanDiff, TargetChange, TaskMatch, TaskRef
from generator.diff.text import opcodes, tokenize
from generator.document.numbering import section_label

TASK_LABELS = {"title": "标题句", "body": "正文", "items": "条目", "owners": "牵头单位",
               "deadline": "完成时限"}
TARGET_LABELS = {"name": "名称", "value": "目标值", "unit": "单位", "baseline": "基数",
                 "deadline": "完成时限", "owners": "责任单位", "note": "备注"}
_INLINE = ("title", "body", "items")
FIELD_CONTEXT = 12      # characters of unchanged text kept beside a change in a field
# fields shown whole (old → new) rather than marked inside, and how some values read
_WHOLE = {"numbering.scope", "numbering.label", "numbering.items", "notice.copy_number",
          "notice.secrecy", "notice.urgency"}
_SHOWN_AS = {"continuous": "跨部分连续编号", "section": "各部分分别编号", True: "是", False: "否"}


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


def inline_diff(old: str, new: str, context: int = 0) -> str:
    """Return ``new`` with the differences from ``old`` marked [-deleted-]{+inserted+}; with
    ``context``, unchanged stretches keep only that many characters beside each change."""
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    ops = diff_ops(old, new)
    if context:
        ops = [(op, _shorten(piece, context, i > 0, i < len(ops) - 1) if op == "=" else piece)
               for i, (op, piece) in enumerate(ops)]
    return "".join(marks[op].format(piece) for op, piece in ops)


def _shorten(piece: str, context: int, after_change: bool, before_change: bool) -> str:
    """Return an unchanged stretch with its middle left out: ``context`` characters kept on
    each side that touches a change."""
    head = piece[:context] if after_change else ""
    tail = piece[-context:] if before_change else ""
    if len(piece) <= len(head) + len(tail) + 2:
        return piece
    return f"{head}……{tail}"


def _show(value) -> str:
    if value in (None, "", []):
        return "（空）"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def _field(change: FieldChange) -> str:
    """Return one changed field: text marked inline, other values as old → new; a section's
    field is prefixed with its number (the old one for a dropped section)."""
    old, new = change.old, change.new
    if isinstance(old, list) or isinstance(new, list):
        old, new = ("；".join(v) if isinstance(v, list) else v for v in (old, new))
    old, new = (_SHOWN_AS.get(v, v) if isinstance(v, (str, bool)) else v for v in (old, new))
    if isinstance(old, str) and isinstance(new, str) and change.path not in _WHOLE:
        text = inline_diff(old, new, FIELD_CONTEXT)
    else:
        text = f"{_show(old)} → {_show(new)}"
    prefix = ""
    if change.path.startswith("sections["):
        prefix = section_label(int(change.path[9:change.path.index("]")]) + 1)
    return f"  {prefix}{change.label}：{text}"


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
    parts = [f for f in diff.fields if not f.path.startswith("sections[")]
    sections = [f for f in diff.fields if f.path.startswith("sections[")]
    if parts:
        lines.append(f"计划和通知（{len(parts)}）：")
        lines += [_field(change) for change in parts]
    if sections:
        lines.append(f"部分（{len(sections)}）：")
        lines += [_field(change) for change in sections]
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
              len(diff.changed), len(diff.targets), len(diff.fields))
    if any(counts):
        lines.append("合计：新增 {}，删除 {}，移动 {}，改写 {}，调整 {}，指标变化 {}，其他内容 {}"
                     .format(*counts))
    else:
        lines.append("两份计划的内容没有变化。")
    return "\n".join(lines) + "\n"
