"""Dashes and spaces (GB/T 15834-2011): ranges written with a hyphen, -- as a dash, spaces
around Chinese punctuation and between Chinese characters, a paragraph without its end mark."""
from __future__ import annotations

import re

from generator.lint.chars import HAN, guard_of, lazy
from generator.lint.model import Hit, replace
from generator.lint.registry import SAFE, UNSAFE, rule

_DASH = r"\s*[-－–~]\s*"
_YEARS = lazy(rf"(?<![\d.])\d{{4}}({_DASH})\d{{4}}(?=\s*年)")
_DAYS = lazy(rf"(?<=[日月])({_DASH})(?=\d{{1,4}}[年月日])")
_UNITS = "%％个万亿千元人户家次项天年月日周岁分秒时所处座条名米吨里亩台辆件份张本篇期批床间套场"
_NUMBERS = lazy(rf"(?<![\d.\-/])\d+(?:\.\d+)?[%％万亿千]?({_DASH})\d+(?:\.\d+)?(?=\s*[{_UNITS}])")


@rule("PUN08", "数值或日期范围用了连接号“-”或“~”", fix=SAFE,
       chars='-－–~')
def range_hyphen(span):
    """检查：数值、年份或日期范围中间的“-”“－”“–”或半角“~”。
    原因：GB/T 15834-2011 4.13：标示数值范围用浪纹线“～”，年份与日期范围用一字线“—”；
    “-”是连接号，表示的是号码或化合，不是范围。
    示例：20-30人 → 20～30人；2021-2025年 → 2021—2025年；1月1日-12月31日 → 1月1日—12月31日
    修复：安全。只换中间的符号（及两侧空格），不动数字。已写对的 2021—2025年、
    标准编号 GB/T 9704-2012、日期 2021-03-05 和电话号码不算；范围后漏写的 % 或 万/亿 见 NUM05。
    """
    text, guard = span.text, guard_of(span)
    seen = set()
    for pattern, mark in ((_YEARS, "—"), (_DAYS, "—"), (_NUMBERS, "～")):
        for match in pattern.finditer(text):
            start, end = match.span(1)
            if start in seen or guard.covers(match.start(), match.end()):
                continue
            seen.add(start)
            yield Hit(start, end, f"范围应用“{mark}”，不用“{text[start:end].strip()}”",
                      replace(start, end, mark))


_DOUBLE_HYPHEN = lazy(r"(?<![-－])(?:--|－－)(?![-－])")


@rule("PUN09", "用“--”充当破折号", fix=UNSAFE,
       chars='-－')
def double_hyphen(span):
    """检查：两个连接号“--”或“－－”当作破折号用。
    原因：破折号是占两个字位置的“——”（GB/T 15834-2011 4.9）。
    示例：一项重要任务--兜底保障 → 一项重要任务——兜底保障
    修复：不安全（需 --unsafe-fixes）：作者也可能想写范围或连接号，请核对。
    """
    for match in _DOUBLE_HYPHEN.finditer(span.text):
        if guard_of(span).covers(match.start(), match.end()):
            continue
        yield Hit(match.start(), match.end(), f"“{match.group()}”应为破折号“——”",
                  replace(match.start(), match.end(), "——", safe=False))


_SPACE = "[ \t\u00a0\u3000]+"
_AROUND = lazy(rf"{_SPACE}(?=[，。、；：？！）》”’〕】])|(?<=[，。、；：？！（《“‘〔【]){_SPACE}(?=\S)")


@rule("PUN10", "中文标点前后有空格", fix=SAFE,
       chars=' \t\xa0\u3000')
def space_around_marks(span):
    """检查：中文点号和右括号、右引号前的空格，左括号、左引号和点号后的空格。
    原因：全角标点本身已占一个字的位置，再加空格使版面出现空洞（GB/T 15834-2011 附录）。
    示例：加强管理 ，提高效率 → 加强管理，提高效率；一、 总体要求 → 一、总体要求
    修复：安全。删去空格。
    """
    if span.role in _LAYOUT_ROLES:
        return
    for match in _AROUND.finditer(span.text):
        if match.start() == 0 or match.end() == len(span.text):
            continue
        yield Hit(match.start(), match.end(), "中文标点前后不加空格", replace(match.start(), match.end(), ""))


_LAYOUT_ROLES = frozenset({"imprint", "signature", "date", "doc_number", "issuer_mark"})
_BETWEEN = lazy(rf"(?<=[{HAN}])[ \u00a0]{{1,2}}(?=[{HAN}\d])|(?<=[\d%])[ \u00a0]{{1,2}}(?=[{HAN}])")


@rule("PUN12", "汉字之间或汉字与数字之间有空格", fix=SAFE,
       chars=' \xa0')
def space_between(span):
    """检查：两个汉字之间、汉字与阿拉伯数字之间的一两个半角空格（2020 年、社会 救助）。
    原因：公文正文中汉字与数字之间不加空格（GB/T 9704-2012 排版以字为单位）；这类空格多是从
    网页或 PDF 复制时带入的，印出来像漏了字。
    示例：全区 2021 年民政工作要点 → 全区2021年民政工作要点
    修复：安全。删去空格。版记、署名、日期和发文字号行里用来对齐的空格，英文和标准编号
    （ISO 9001）中的空格不算。
    """
    if span.role in _LAYOUT_ROLES:
        return
    guard = guard_of(span)
    for match in _BETWEEN.finditer(span.text):
        if guard.covers(match.start() - 1) or guard.covers(match.end()):
            continue                        # beside a web address, standard number, English
        yield Hit(match.start(), match.end(), "汉字与汉字、数字之间不加空格",
                  replace(match.start(), match.end(), ""))


_ENDS = "。？！…”’）)；："
_PROSE = frozenset({"paragraph", "body", "item", "task"})


@rule("PUN13", "段落末尾缺少句末标点", fix=UNSAFE, default=False, roles=_PROSE)
def missing_end_mark(span):
    """检查：正文段落、任务正文或条目最后没有句号等句末标点。
    原因：段落以完整的句子结束；漏写句号多是删改或复制时丢的。
    示例：按月足额发放保障金 → 按月足额发放保障金。
    修复：不安全（需 --unsafe-fixes）：补“。”。本规则默认不运行（复制的文本常在分页处断句，
    段落也可能接着列举），用 --select PUN13 开启。
    """
    text = span.text.rstrip()
    if text and text[-1] not in _ENDS and re.search(f"[{HAN}]", text[-1]):
        yield Hit(len(text) - 1, len(text), "段落末尾缺少句末标点",
                  replace(len(text), len(text), "。", safe=False))
