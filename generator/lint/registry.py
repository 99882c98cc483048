"""The rule registry: each rule is a function with a stable code, a one-line summary
(Chinese), a docstring (检查 / 原因 / 示例 / 修复) and how safe its fix is, added here by the
``rule`` decorator, which also enters its code in the catalogue of finding codes.

Selection follows ruff: ``select`` and ``ignore`` name codes or prefixes (``PUN``,
``PUN0``, ``PUN01``, ``ALL``); the longer match wins, and on a tie ignore wins.
"""
from __future__ import annotations

from typing import Callable, Iterable, NamedTuple

from generator.core import codes
from generator.core.location import Severity, ToolError
from generator.lint.chars import lazy

DOC_PAGE = "docs/lint-rules.md"
GROUPS = {"PUN": "标点符号（GB/T 15834-2011）", "NUM": "数字与日期（GB/T 15835-2011、GB/T 9704-2012）",
          "STR": "结构层次序数", "ELE": "公文要素（GB/T 9704-2012）", "WRD": "用词"}
SAFE, UNSAFE, NONE = "safe", "unsafe", "none"


class Rule(NamedTuple):
    """A registered rule: ``check(span)`` yields Hits (``check(spans)`` yields (span, Hit)
    for a rule that looks at the whole document; ``check(span, context)`` when it needs the
    run's Context); ``roles`` limits it to spans of those roles (None: every span);
    ``default`` whether it runs unless selected."""

    code: str
    summary: str
    fix: str
    check: Callable
    default: bool = True
    roles: frozenset | None = None
    whole: bool = False
    context: bool = False
    chars: str = ""
    scan: object = None
    starts: str = ""

    @property
    def doc(self) -> str:
        return self.check.__doc__ or ""

    @property
    def group(self) -> str:
        return self.code[:3]


RULES: dict[str, Rule] = {}


def rule(code: str, summary: str, *, fix: str = NONE, default: bool = True,
         roles: Iterable[str] | None = None, whole: bool = False, context: bool = False,
         chars: str = "", scan: str | None = None, starts: str = ""):
    """Return a decorator registering a rule function under ``code`` (see Rule); a rule
    with ``context`` is called with the run's Context (word list, plan year) as well;
    ``trigger`` is a pattern (multi-line mode) without which in a text the rule cannot fire:
    the runner skips the rule for a file, or a span, where it is not found.

    Raises ValueError when the code is taken or the docstring lacks one of its parts."""
    def register(func: Callable) -> Callable:
        doc = func.__doc__ or ""
        missing = [part for part in ("检查：", "原因：", "示例：", "修复：") if part not in doc]
        if missing or code in RULES or code[:3] not in GROUPS:
            raise ValueError(f"rule {code}: bad registration (docstring lacks {missing})")
        RULES[code] = Rule(code, summary, fix, func, default,
                           frozenset(roles) if roles is not None else None, whole, context,
                           chars, lazy(scan) if scan else None, starts)
        codes.register(code, Severity.WARNING, summary, DOC_PAGE)
        return func
    return register


def all_rules() -> dict[str, Rule]:
    """Return every rule by code, group by group (PUN, NUM, STR, ELE, WRD) in code order
    (the rule modules loaded)."""
    import generator.lint.rules  # noqa: F401  (registers the rules)
    order = list(GROUPS)
    return dict(sorted(RULES.items(), key=lambda item: (order.index(item[0][:3]), item[0])))


def _matches(code: str, pattern: str) -> int:
    """Return how specific a match ``pattern`` is for ``code`` (0: no match)."""
    if pattern == "ALL":
        return 1
    return len(pattern) + 1 if code.startswith(pattern) else 0


def check_patterns(patterns: Iterable[str], where: str) -> list[str]:
    """Return the patterns upper-cased. Raises ToolError for one that names no rule."""
    out = []
    rules = all_rules()
    for raw in patterns:
        pattern = raw.strip().upper()
        if pattern and not any(_matches(code, pattern) for code in rules):
            raise ToolError(f"{where}：没有以“{raw}”开头的规则代码（workplan lint --rules 列出全部规则）")
        if pattern:
            out.append(pattern)
    return out


def selected(select: Iterable[str] | None, ignore: Iterable[str] = (),
             extend: Iterable[str] = ()) -> list[Rule]:
    """Return the rules chosen by ``select`` (None: the default set) plus ``extend``, less
    ``ignore``; the most specific pattern decides, ignore winning a tie. A rule that is off
    by default (its judgement uncertain) is chosen only by its full code."""
    chosen = []
    select, ignore, extend = (list(select) if select is not None else None), list(ignore), list(extend)
    for code, item in all_rules().items():
        chose = max((_matches(code, p) for p in (select or []) + extend
                     if item.default or p == code), default=0)
        if select is None and item.default:
            chose = max(chose, 1)
        dropped = max((_matches(code, p) for p in ignore), default=0)
        if chose and chose > dropped:
            chosen.append(item)
    return chosen
