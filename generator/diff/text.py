"""Text compared token by token: tokens (words, numbers, single Chinese characters),
difflib opcodes in linear-bounded stretches, and a similarity score with a cheap floor."""
from __future__ import annotations

import difflib
import re

_TOKEN = re.compile(r"[A-Za-z0-9_]+(?:[.%][A-Za-z0-9_]+)*|\s+|.", re.S)


def tokenize(text: str) -> list[str]:
    """Return the diff units of a text: ASCII words and numbers whole, any other character
    (a Chinese character, a punctuation mark) on its own."""
    return _TOKEN.findall(text)


MAX_PAIRS = 4_000_000      # tokens × tokens difflib may compare in one stretch (~1 s at worst)
_SENTENCE_END = frozenset("。；！？\n")


def opcodes(a: list, b: list) -> list[tuple[str, int, int, int, int]]:
    """Return difflib-style opcodes turning token list ``a`` into ``b`` in bounded time.

    The common head and tail are split off first (linear). The differing middle is compared
    token by token when small enough (``MAX_PAIRS``; difflib's cost can grow with the product
    of the lengths), else sentence by sentence, each pair of differing sentences again token
    by token when small enough and otherwise shown replaced whole."""
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    ops = [("equal", 0, head, 0, head)] if head else []
    ops += _middle(a[head:len(a) - tail], b[head:len(b) - tail], head, head, sentences=True)
    if tail:
        ops.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    return ops


def _middle(a: list, b: list, i0: int, j0: int, sentences: bool) -> list:
    """Return the opcodes of two differing stretches starting at ``i0`` and ``j0``."""
    if not a or not b or len(a) * len(b) <= MAX_PAIRS:
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        return [(op, i1 + i0, i2 + i0, j1 + j0, j2 + j0) for op, i1, i2, j1, j2 in matcher.get_opcodes()]
    if not sentences:
        return [("replace", i0, i0 + len(a), j0, j0 + len(b))]
    sa, sb = _sentences(a), _sentences(b)
    if len(sa) * len(sb) > MAX_PAIRS:
        return [("replace", i0, i0 + len(a), j0, j0 + len(b))]
    ops = []
    starts_a, starts_b = _starts(sa), _starts(sb)
    matcher = difflib.SequenceMatcher(None, sa, sb, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        x1, x2, y1, y2 = starts_a[i1], starts_a[i2], starts_b[j1], starts_b[j2]
        if op == "equal":
            ops.append(("equal", x1 + i0, x2 + i0, y1 + j0, y2 + j0))
        else:
            ops += _middle(a[x1:x2], b[y1:y2], x1 + i0, y1 + j0, sentences=False)
    return ops


def _sentences(tokens: list) -> list[tuple]:
    out, start = [], 0
    for i, token in enumerate(tokens):
        if token in _SENTENCE_END:
            out.append(tuple(tokens[start:i + 1]))
            start = i + 1
    if start < len(tokens):
        out.append(tuple(tokens[start:]))
    return out


def _starts(sentences: list[tuple]) -> list[int]:
    """Return the token index where each sentence starts, and the total at the end."""
    out = [0]
    for sentence in sentences:
        out.append(out[-1] + len(sentence))
    return out


def similarity(a: str, b: str, floor: float = 0.0) -> float:
    """Return difflib's ratio of two texts (0.0 when cheaply known to be below ``floor``);
    for texts too long to compare in bounded time (``MAX_PAIRS``), its upper bound from
    the characters they share."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
        return 0.0
    if len(a) * len(b) > MAX_PAIRS:
        return matcher.quick_ratio()
    return matcher.ratio()
