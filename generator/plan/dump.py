"""Plan data -> readable YAML: block style, keys in the schema's order, Chinese unescaped,
long text as folded scalars wrapped between Chinese characters (the loader joins such
lines without a space; see plan.join_cjk), a header comment naming the source."""
from __future__ import annotations

import re

import yaml

from generator.plan import schema
from generator.source.text_edit import is_plain_safe

WIDTH = 36          # Chinese characters per folded line (about 72 columns)
NO_FOLD = ("title", "review", "name", "task", "key", "source", "reason")   # kept on one line: read (and searched) whole

_ORDERS = {
    (): list(schema.PLAN), ("numbering",): list(schema.NUMBERING), ("notice",): list(schema.NOTICE),
    ("notice", "imprint"): list(schema.IMPRINT), ("sections",): list(schema.SECTION),
    ("sections", "tasks"): list(schema.TASK), ("sections", "tasks", "targets"): list(schema.TARGET),
}


def dump_plan(data: dict, source: str = "") -> str:
    """Return the plan data as YAML text that generator.plan.model.load_plan reads back unchanged.

    ``source`` (a file name) goes into the header comment."""
    header = ["# 由 workplan import 导入" + (f"，来源：{source}" if source else "") + "。",
              "# 请核对 review 中列出的各项（核对后删去），以及 unplaced 中未能归类的文本。"]
    return dump_yaml(data, header, _ORDERS)


def dump_yaml(data: dict, header: list[str], orders: dict[tuple, list[str]]) -> str:
    """Return data as readable YAML after the ``header`` comment lines: keys in the order
    ``orders`` gives by field path without list indexes (others after them), long text
    folded between Chinese characters (read back with generator.plan.model.join_cjk)."""
    lines = list(header)
    _mapping(data, (), 0, lines, orders)
    return "\n".join(lines) + "\n"


def _ordered(data: dict, path: tuple, orders: dict) -> list:
    order = orders.get(path, [])
    known = [key for key in order if key in data]
    return known + [key for key in data if key not in order]


def _mapping(data: dict, path: tuple, indent: int, lines: list[str], orders: dict,
             first_prefix: str = "") -> None:
    pad = " " * indent
    for n, key in enumerate(_ordered(data, path, orders)):
        prefix = first_prefix if n == 0 and first_prefix else pad
        _entry(f"{prefix}{key}:", data[key], path + (key,), indent, lines, orders)


def _entry(head: str, value, path: tuple, indent: int, lines: list[str], orders: dict) -> None:
    if isinstance(value, (dict, list)) and not value:
        lines.append(f"{head} {'{}' if isinstance(value, dict) else '[]'}")
    elif isinstance(value, dict):
        lines.append(head)
        _mapping(value, path, indent + 2, lines, orders)
    elif isinstance(value, list):
        lines.append(head)
        for item in value:
            _list_item(item, path, indent + 2, lines, orders, fold=path[-1] not in NO_FOLD)
    else:
        _scalar(head, value, indent + 2, lines, fold=path[-1] not in NO_FOLD)


def _list_item(item, path: tuple, indent: int, lines: list[str], orders: dict,
               fold: bool = True) -> None:
    pad = " " * indent
    if isinstance(item, dict):
        _mapping(item, path, indent + 2, lines, orders, first_prefix=f"{pad}- ")
    else:
        _scalar(f"{pad}-", item, indent + 2, lines, fold)


def _scalar(head: str, value, indent: int, lines: list[str], fold: bool = True) -> None:
    """Append ``head value``: plain or quoted as PyYAML decides, folded when long
    (titles and ``review`` entries never are: checks read them as written)."""
    if fold and isinstance(value, str) and len(value) > WIDTH and _foldable(value):
        lines.append(f"{head} >-")
        lines += [" " * indent + part for part in wrap(value)]
        return
    if type(value) is int or (type(value) is str and _plain(value)):
        lines.append(f"{head} {value}")     # what PyYAML writes, without its emitter (slow)
        return
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**9)
    text = text.removesuffix("\n").removesuffix("\n...").removesuffix("...")
    lines.append(f"{head} {text.strip()}")


_PLAIN = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e0-9A-Za-z_./、（）《》“”—…%-]+")


_RESOLVER = yaml.resolver.Resolver()


def _plain(text: str) -> bool:
    """Return True for text PyYAML writes plain: characters that need no quoting, and a
    value no YAML resolver reads as other than text (checked with is_plain_safe)."""
    return bool(_PLAIN.fullmatch(text)) and not text.startswith(("-", ".")) and is_plain_safe(text) \
        and _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str"


def _foldable(text: str) -> bool:
    return text == text.strip() and "\n" not in text and "\t" not in text and \
        not text.startswith(("#", "-", "?", ":", "|", ">", "!", "%", "@", "`"))


def _breakable(left: str, right: str) -> bool:
    return ord(left) > 0x7f and ord(right) > 0x7f and not left.isspace() and not right.isspace() \
        and right not in "，。；、：！？”’）》」" and left not in "“‘（《「"



def wrap(text: str, width: int = WIDTH) -> list[str]:
    """Return the text cut into lines of about ``width`` characters, only between two
    non-ASCII characters (preferring just after ，。；、：), so that joining the lines with
    nothing in between gives the text back."""
    parts, start = [], 0
    while len(text) - start > width:
        cut = 0
        for pos in range(start + width, start + width // 2, -1):
            if _breakable(text[pos - 1], text[pos]) and text[pos - 1] in "，。；、：":
                cut = pos
                break
        if not cut:
            cut = next((pos for pos in range(start + width, len(text))
                        if _breakable(text[pos - 1], text[pos])), 0)
        if not cut:
            break
        parts.append(text[start:cut])
        start = cut
    parts.append(text[start:])
    return parts
