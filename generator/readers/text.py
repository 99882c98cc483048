"""Plain text -> Document blocks.

Takes text as users have it (copied from a web page, extracted from a PDF, or our own text
output): drops the web page's lines, cleans punctuation and spaces, re-joins sentences cut
where pages broke, then recognises the notice and the plan line by line (see structure.py).
"""
from __future__ import annotations

from generator.core.location import Finding, Location
from generator.core.codes import finding
from generator.readers import ReadResult, bad_input
from generator.readers.cleanup import fix_glued_dates, tidy, web_footer_start, web_header_end
from generator.readers.structure import Para, build_blocks


def _warn(path: str, line: int, code: str, message: str) -> Finding:
    return finding(code, Location(path, line, 1), message)


def clean_lines(text: str, path: str) -> tuple[list[Para], list[Finding]]:
    """Return the non-blank lines of ``text`` as cleaned paragraphs (with their 1-based line
    numbers) and the warnings about what was dropped or changed."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    tail = web_footer_start(raw)
    skip = web_header_end(raw, tail)
    warnings: list[Finding] = []
    if skip:
        warnings.append(_warn(path, 1, "W402", f"已忽略文档前的网页信息（第 1–{skip} 行）"))
    if tail < len(raw) and tail > skip:
        last = len(raw) - (raw[-1] == "")
        warnings.append(_warn(path, tail + 1, "W402", f"已忽略文档后的网页信息（第 {tail + 1}–{last} 行）"))
        raw = raw[:tail]
    paras: list[Para] = []
    punct_first = space_first = 0
    punct_total = space_total = 0
    for number, line in enumerate(raw[skip:], start=skip + 1):
        clean, punct, spaces = tidy(line)
        if not clean:
            continue
        clean, dates = fix_glued_dates(clean)
        for old, new in dates:
            warnings.append(_warn(path, number, "W408", f"日期“{old}”有误，已按“{new}”导入，请核对"))
        if punct and not punct_first:
            punct_first = number
        if spaces and not space_first:
            space_first = number
        punct_total += punct
        space_total += spaces
        paras.append(Para(number, clean, raw=line))
    if punct_total:
        warnings.append(_warn(path, punct_first, "W403",
                              f"已将 {punct_total} 处半角标点改为全角（首处在此行）"))
    if space_total:
        warnings.append(_warn(path, space_first, "W404",
                              f"已删去中文之间或中文与数字之间的 {space_total} 处空格（首处在此行）"))
    return paras, warnings


def read_text(text: str, path: str = "<text>") -> ReadResult:
    """Return the blocks of a plain-text document and the warnings about the clean-up.

    Raises InputError E401 when the text holds nothing to import.
    """
    paras, warnings = clean_lines(text, path)
    if not paras:
        raise bad_input(path, "E401", "文件为空，没有可导入的内容")
    result = ReadResult(path, warnings=warnings)
    build_blocks(paras, result)
    return result
