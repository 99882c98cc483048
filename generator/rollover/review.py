"""The ``review:`` list of a rolled-over plan: the new flags appended in the plan's own text,
and entries left from an earlier rollover dropped when this rollover flags the same field
again (their reasons speak of last year: “请填写2022年目标值” in a 2023 plan)."""
from __future__ import annotations

from generator.plan.checks import parse_field_path
from generator.source.text_edit import TextEditor, scalar_text
from generator.source.sourcemap import SourceMap

REVIEW_COMMENT = "# 待复核：workplan rollover 标出的字段，逐项核对后删去对应条目。"


def still_in_force(existing: list, flagged: set[tuple]) -> list:
    """Return the entries of ``existing`` that name none of the ``flagged`` field paths."""
    return [e for e in existing
            if parse_field_path(str(e).partition(":")[0].strip()) not in flagged]


def write_review(editor: TextEditor, smap: SourceMap, data: dict, kept: list | None,
                 entries: list[str]) -> None:
    """Splice the review list into ``editor``'s text: ``kept`` (the entries of the plan's own
    list still in force, None when it has none) followed by the new ``entries``."""
    existing = data.get("review")
    quoted = [scalar_text(e, '"') for e in entries]
    if existing and kept != existing:
        _rewrite(editor, smap, [scalar_text(e, '"') for e in kept] + quoted)
    elif not entries:
        return
    elif existing is None and "review" in data:
        _fill_empty(editor, smap, quoted)
    elif existing is None and editor.is_flow(()):
        editor.insert(editor.span(())[1] - 1, f", review: [{', '.join(quoted)}]")
    elif existing is None:
        end = editor.document_end()
        lead = "" if editor.text[:end].endswith(("\n", "\r")) or not end else "\n"
        items = "".join(f"  - {q}\n" for q in quoted)
        editor.insert(end, f"{lead}{REVIEW_COMMENT}\nreview:\n{items}")
    elif editor.is_flow(("review",)):
        editor.insert(editor.span(("review",))[1] - 1, (", " if existing else "") + ", ".join(quoted))
    else:
        last = ("review", len(existing) - 1)
        indent = _dash_indent(editor, smap)
        editor.insert(editor.after_value(last), "".join(f"\n{indent}- {q}" for q in quoted))


def _dash_indent(editor: TextEditor, smap: SourceMap) -> str:
    """Return the spaces before the dash of the first entry of a block review list."""
    line_start = editor.offset((smap.values[("review", 0)][0], 1))
    dash = editor.text.rfind("-", line_start, editor.span(("review", 0))[0])
    return " " * (dash - line_start)


def _rewrite(editor: TextEditor, smap: SourceMap, quoted: list[str]) -> None:
    """Replace the whole review list (comments between its entries go with it)."""
    if editor.is_flow(("review",)):
        editor.replace(("review",), f"[{', '.join(quoted)}]")
        return
    count = sum(1 for p in smap.values if len(p) == 2 and p[0] == "review")
    start, end = editor.span(("review",))[0], editor.after_value(("review", count - 1))
    indent = _dash_indent(editor, smap)
    new = f"\n{indent}".join(f"- {q}" for q in quoted) if quoted else "[]"
    editor.splice(start, end, new)


def _fill_empty(editor: TextEditor, smap: SourceMap, quoted: list[str]) -> None:
    """Fill ``review:`` left empty (or ``null``) after the user reviewed every entry."""
    if editor.raw(("review",)).strip():
        editor.replace(("review",), f"[{', '.join(quoted)}]")
    else:
        key_line = editor.offset(smap.keys[("review",)])
        indent = editor.indent_of(("review",)) + "  "
        editor.insert(editor.line_end(key_line), "".join(f"\n{indent}- {q}" for q in quoted))
