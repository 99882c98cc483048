"""The sandbox templates run in: Jinja's SandboxedEnvironment (no internals reachable,
``range`` capped at 100,000 items) with limits of its own, so that a user's template
(``--templates``) ends in time and memory with a message naming its file and line:

- repetition, joining, powers and formatting (``'x' * 2000000000``, ``10 ** 10 ** 9``,
  ``'%2000000000d' % 1``, ``center(2000000000)``) may make at most ``MAX_TEXT`` characters;
- all ``range`` calls of one render together give at most ``MAX_STEPS`` items (nested
  ``range(100000)`` loops);
- one render takes at most ``TIME_LIMIT`` seconds, checked whenever the template calls,
  computes or looks something up;
- on Linux, the process may grow by at most ``MEMORY_LIMIT`` bytes while a template runs
  (a string doubled in a loop), and a MemoryError is reported like the rest.

Raises of these limits are ``TemplateLimit``; see templating.render_template for how every
error of a template is reported.
"""
from __future__ import annotations

import math
import re
import time
from contextlib import contextmanager

from jinja2.sandbox import SandboxedEnvironment, SecurityError

MAX_TEXT = 1_000_000
MAX_STEPS = 2_000_000
TIME_LIMIT = 10.0
MEMORY_LIMIT = 1 << 30

_WIDTHS = re.compile(r"\d+")
_PERCENT_SPECS = re.compile(r"%[#0\- +]*(\d*)(?:\.(\d*))?")  # %-format: width and precision
_BRACE_SPECS = re.compile(r"\{[^{}:]*:([^{}]*)\}")            # str.format: the spec after :
_NESTED = re.compile(r"\{[^{}]*:[^{}]*\{")        # {:{}}: a width taken from an argument
_WIDE_METHODS = {"center", "ljust", "rjust", "zfill", "expandtabs"}
_WIDE_FILTERS = ("center", "indent", "wordwrap", "truncate", "format", "batch", "slice", "replace")


class TemplateLimit(SecurityError):
    """Raised when a template goes over one of the sandbox's limits (message in Chinese)."""


def _too_long(size: float) -> None:
    if size > MAX_TEXT:
        about = f"约 {size:.0f} 个字符或项，" if size < 1e15 else ""
        raise TemplateLimit(f"结果过长（{about}上限 {MAX_TEXT}）")


def _check_numbers(values) -> None:
    """Refuse a width or count argument over MAX_TEXT."""
    for value in values:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            _too_long(abs(value))


def _check_format(text: str, args) -> None:
    """Refuse a %-format or str.format whose widths or precisions exceed MAX_TEXT, or that
    takes its width from an argument (``%*d``, ``{:{}}``) given one over it."""
    specs = [f"{m[1]}.{m[2]}" for m in _PERCENT_SPECS.finditer(text)] + _BRACE_SPECS.findall(text)
    _check_numbers(int(n) if len(n) < 16 else math.inf for spec in specs for n in _WIDTHS.findall(spec))
    if "*" in text or _NESTED.search(text):
        _check_numbers(args if isinstance(args, (tuple, list)) else (args,))


class BoundedEnvironment(SandboxedEnvironment):
    """A SandboxedEnvironment with the limits above; ``running()`` wraps one render."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, **options):
        super().__init__(**options)
        self._deadline = math.inf
        self._steps = 0
        self.globals["range"] = self._range
        for name in _WIDE_FILTERS:
            self.filters[name] = _guarded_filter(self.filters[name])

    @contextmanager
    def running(self):
        """Run one render under the time, range and memory limits."""
        self._deadline, self._steps = time.monotonic() + TIME_LIMIT, 0
        try:
            with _memory_cap():
                yield
        finally:
            self._deadline = math.inf

    def tick(self) -> None:
        """Raise TemplateLimit once the render's time is up."""
        if time.monotonic() > self._deadline:
            raise TemplateLimit(f"运行超过 {TIME_LIMIT:g} 秒，已中止（循环过多？）")

    def _range(self, *args):
        self.tick()
        items = range(*args)
        if len(items) > 100_000:
            raise TemplateLimit(f"range 过大（{len(items)} 项，沙箱上限 100000）")
        self._steps += len(items)
        if self._steps > MAX_STEPS:
            raise TemplateLimit(f"range 合计项数过多（上限 {MAX_STEPS}，嵌套循环过多？）")
        return items

    def call_binop(self, context, operator, left, right):
        self.tick()
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(count, int):
                    _too_long(len(seq) * count)
        elif operator == "**" and isinstance(left, int) and isinstance(right, int):
            if right > 0 and abs(left) > 1:
                _too_long(right * math.log10(abs(left)))      # digits of the result
        elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, type(left)):
            _too_long(len(left) + len(right))
        elif operator == "%" and isinstance(left, str):
            _check_format(left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's signature)
        __self.tick()
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):
            name = getattr(__obj, "__name__", "")
            if name in _WIDE_METHODS:
                _check_numbers(args)
            elif name == "replace" and len(args) >= 2 and isinstance(args[1], str):
                _too_long(len(owner) + (len(owner) + 1) * len(args[1]))
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj, attribute):
        self.tick()
        found = super().getattr(obj, attribute)
        if isinstance(obj, str) and attribute in ("format", "format_map") and callable(found):
            return _checked_format(obj, found)
        return found

    def getitem(self, obj, argument):
        self.tick()
        return super().getitem(obj, argument)


def _checked_format(text: str, method):
    """Return the sandbox's ``text.format`` (or ``format_map``) refusing widths over MAX_TEXT."""
    def format_checked(*args, **kwargs):
        _check_format(text, args + tuple(kwargs.values()))
        return method(*args, **kwargs)
    return format_checked


def _guarded_filter(func):
    """Return the filter ``func`` refusing width and count arguments over MAX_TEXT (and,
    for ``format``, widths in its format string)."""
    import functools

    name = func.__name__

    @functools.wraps(func)
    def guarded(*args, **kwargs):
        if name == "do_format":
            if args and isinstance(args[0], str):
                _check_format(args[0], args[1:])
        elif name == "do_replace":          # (eval_ctx, s, old, new, count=None)
            text, new = str(args[1]), str(args[3]) if len(args) > 3 else ""
            _too_long(len(text) + (len(text) + 1) * len(new))
        else:
            _check_numbers([a for a in args if not isinstance(a, str)] + list(kwargs.values()))
        return func(*args, **kwargs)
    return guarded


def memory_capped() -> bool:
    """Return True when this system lets a render's memory be capped (Linux)."""
    try:
        import resource  # noqa: F401
        with open("/proc/self/statm", encoding="ascii"):
            return True
    except (ImportError, OSError):
        return False


@contextmanager
def _memory_cap():
    """Let the process grow by at most MEMORY_LIMIT bytes of address space (Linux; elsewhere
    no cap), so that a runaway allocation raises MemoryError instead of exhausting the
    machine."""
    try:
        import resource
        with open("/proc/self/statm", encoding="ascii") as handle:
            used = int(handle.read().split()[0]) * resource.getpagesize()
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    except (ImportError, OSError, ValueError):
        yield
        return
    cap = used + MEMORY_LIMIT
    if soft != resource.RLIM_INFINITY and soft <= cap or hard != resource.RLIM_INFINITY and hard < cap:
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
