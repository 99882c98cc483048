"""Linting files: finding the inputs, choosing the rules for each (configuration and command
line), running them, and fixing (text and plans in place, Word files as a tracked-change
copy). Returns results; printing and writing are the command's."""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from generator.core.location import Finding, InputError, ToolError
from generator.lint.config import settings_for
from generator.lint.model import Context, Result, Span
from generator.lint.registry import Rule, check_patterns, selected
from generator.lint.runner import MAX_PASSES, apply_edits, choose_edits, lint_spans

SUFFIXES = (".yaml", ".yml", ".txt", ".docx")


class Options(NamedTuple):
    """What the command line asks for: rule selection (None: from the configuration) and
    whether unsafe fixes are wanted."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    unsafe: bool = False


class FileLint:
    """One file's lint: the source it was read as, its results (or the errors that kept it
    from being linted), and after fixing, the fixed output and how many findings went."""

    def __init__(self, path: str, source: object = None, results: list[Result] | None = None,
                 errors: list[Finding] | None = None):
        self.path, self.source = path, source
        self.results, self.errors = results or [], errors or []
        self.output: bytes | None = None
        self.fixed = 0


def fresh() -> None:
    """Forget the configuration files and word lists read so far (they are read once per
    run: call this when a command starts, so that a second run in one process sees edits)."""
    from generator.lint.config import _settings_in
    from generator.lint.words import load_words
    _settings_in.cache_clear()
    load_words.cache_clear()


def collect(paths: list[str]) -> list[Path]:
    """Return the files to lint: files as given, folders searched for .yaml, .yml, .txt and
    .docx files (hidden folders skipped), sorted, each once.

    Raises ToolError for a path that does not exist or a file of another kind."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
                            and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.exists():
            if path.suffix.lower() not in SUFFIXES:
                raise ToolError(f"{path}: 不支持的输入格式“{path.suffix}”（可用：.yaml、.txt、.docx 或文件夹）")
            found.append(path)
        else:
            raise ToolError(f"{path}: 文件或文件夹不存在")
    seen, out = set(), []
    for path in found:
        if path not in seen:
            seen.add(path)
            out.append(path)
    return out


def rules_for(path: Path, options: Options) -> tuple[list[Rule], Context]:
    """Return the rules and context for one file: its configuration, then the options."""
    from generator.lint.words import load_words
    settings = settings_for(path)
    where = settings.origin or "命令行"
    select = options.select if options.select is not None else settings.select
    select = check_patterns(select, where) if select is not None else None
    ignore = check_patterns(settings.ignore + options.ignore, where)
    extend = check_patterns(settings.extend_select + options.extend_select, where)
    rules = selected(select, ignore, extend)
    words = load_words(settings.confusables) if any(r.code == "WRD01" for r in rules) else None
    return rules, Context(words=words)


def open_source(path: Path, text: str | None = None):
    """Return the source object for a file by its suffix (see text_files, plan_files,
    docx_files). Raises ToolError / InputError as the readers do."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        from generator.lint.plan_files import PlanSource
        return PlanSource(str(path), text)
    if suffix == ".docx":
        from generator.lint.docx_files import DocxSource
        return DocxSource(str(path))
    from generator.lint.text_files import TextSource
    return TextSource(str(path))


def lint_file(path: Path, options: Options = Options(), text: str | None = None) -> FileLint:
    """Return the lint of one file. Its errors (a plan that does not validate, a file that
    is not text) are kept in ``errors``. Raises ToolError when it cannot be read."""
    rules, context = rules_for(path, options)
    try:
        source = open_source(path, text)
    except InputError as exc:
        return FileLint(str(path), errors=exc.findings)
    return FileLint(str(path), source, _results(source, rules, context))


def _results(source, rules: list[Rule], context: Context) -> list[Result]:
    context.year = getattr(source, "year", None)
    results = lint_spans(source.spans, rules, context)
    if hasattr(source, "suppressed"):
        results = [r for r in results if not source.suppressed(
            r.finding.code, r.finding.location, r.span.ref.parts)]
    return sorted(results, key=lambda r: r.finding.sort_key())


def fix_file(path: Path, options: Options = Options()) -> FileLint:
    """Return the lint of a file after fixing it in memory: ``output`` the fixed bytes (None
    when nothing changed), ``results`` the findings left, ``fixed`` how many were fixed.
    Raises ToolError when it cannot be read."""
    first = lint_file(path, options)
    if first.source is None or not any(r.fix for r in first.results):
        return first
    rules, context = rules_for(path, options)
    if path.suffix.lower() in (".yaml", ".yml"):
        text = _fix_plan(first, rules, context, options.unsafe)
        output = text.encode("utf-8") if text != first.source.text else None
        after = lint_file(path, options, text)
    else:
        texts = {span.ref: new for span in first.source.spans
                 if (new := fix_span(span, rules, context, options.unsafe)) != span.text}
        output = (first.source.fixed_copy(texts) if path.suffix.lower() == ".docx"
                  else first.source.fixed(texts)) if texts else None
        after = _relint(first.source, texts, rules, context)
    after.output = output
    after.fixed = max(0, len(first.results) - len(after.results))
    return after


def fix_span(span: Span, rules: list[Rule], context: Context, unsafe: bool) -> str:
    """Return a span's text with the wanted fixes applied, repeated until none is left."""
    text = span.text
    rules = [r for r in rules if not r.whole]
    for _ in range(MAX_PASSES):
        probe = Span(text, span.role, span.locate, span.field)
        edits = choose_edits(lint_spans([probe], rules, context), unsafe)
        if not edits:
            break
        text = apply_edits(text, edits)
    return text


def _relint(source, texts: dict, rules, context) -> FileLint:
    """Return the lint of a text or Word source as it reads after fixing (same spans)."""
    for span in source.spans:
        if span.ref in texts:
            span.text = texts[span.ref]
            span._guard = None
    return FileLint(source.path, source, _results(source, rules, context))


def _fix_plan(first: FileLint, rules, context, unsafe: bool) -> str:
    """Return the plan's YAML text with the wanted fixes, lint and fix repeated."""
    from generator.lint.plan_files import PlanSource
    source, results = first.source, first.results
    for _ in range(MAX_PASSES):
        by_span: dict[int, list] = {}
        index = {id(span): i for i, span in enumerate(source.spans)}
        for result in results:
            by_span.setdefault(index[id(result.span)], []).append(result)
        edits = {i: e for i, group in by_span.items() if (e := choose_edits(group, unsafe))}
        if not edits:
            break
        text = source.fixed(edits)
        source = PlanSource(source.path, text)
        results = _results(source, rules, context)
    return source.text


def plan_warnings(path: str, plan, parsed: tuple) -> list[Finding]:
    """Return the lint findings (warnings) of the default rules, as configured for the file,
    on a plan already loaded: ``parsed`` is the (text, data, source map) it was built from.
    validate and render report them. Raises ToolError for a bad configuration."""
    from generator.lint.plan_files import PlanSource
    rules, context = rules_for(Path(path), Options())
    source = PlanSource(path, parsed=(*parsed, plan))
    return [result.finding for result in _results(source, rules, context)]
