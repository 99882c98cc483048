"""Structure and numbering: the four levels 一、（一）1.（1） and how labels are written."""
from __future__ import annotations

import re

from generator.lint.chars import lazy
from generator.lint.model import Edit, Fix, Hit, replace
from generator.lint.registry import SAFE, rule

CN = "一二三四五六七八九十"
_AFTER_BRACKET = lazy(rf"^\s*[（(](?:[{CN}]+|\d+)[）)]\s*([、，,.．。：:])")
_ARABIC = lazy(r"^\s*(\d{1,2})\s*([、．，,])(?!\d)")
_ARABIC_PAREN = lazy(r"^\s*(\d{1,2})[)）]")
_CHINESE = lazy(rf"^\s*([{CN}]{{1,3}})\s*([.．，,])(?![\d{CN}])")
_HALF_BRACKETS = lazy(rf"^\s*([（(])([{CN}]+|\d+)([）)])")


@rule("STR01", "括号序号后又加了标点", fix=SAFE,
       starts='（(0123456789一二三四五六七八九十')
def mark_after_bracket(span):
    """检查：段首“（一）”“（1）”后又跟了顿号、逗号、句点等（（一）、）。
    原因：GB/T 9704-2012 7.3.3：括号本身已把序号与文字分开，后面不再加标点。
    示例：（一）、加强组织领导 → （一）加强组织领导
    修复：安全。删去括号后的标点。
    """
    match = _AFTER_BRACKET.match(span.text)
    if match:
        yield Hit(match.start(1), match.end(1), f"括号序号后不加“{match.group(1)}”",
                  replace(match.start(1), match.end(1), ""))


@rule("STR02", "第三层序号“1.”写成“1、”“1．”或“1）”", fix=SAFE,
       starts='0123456789')
def arabic_label_mark(span):
    """检查：段首阿拉伯数字序号后用了顿号、全角句点或逗号（1、 1． 1，），或只有右括号（1））。
    原因：GB/T 9704-2012 7.3.3：第三层用“1.”（半角句点），第四层用“（1）”。
    示例：1、完善救助制度 → 1.完善救助制度；1）建立台账 → （1）建立台账
    修复：“1、”“1．”改“1.”安全（只在段首序号处）；“1）”改“（1）”不安全（需 --unsafe-fixes），
    也许作者想要的是“1.”。
    """
    text = span.text
    match = _ARABIC.match(text)
    if match:
        yield Hit(match.start(1), match.end(2), f"序号“{match.group(1)}{match.group(2)}”应为“{match.group(1)}.”",
                  replace(match.start(2), match.end(2), "."))
        return
    match = _ARABIC_PAREN.match(text)
    if match:
        yield Hit(match.start(1), match.end(), f"序号“{match.group()}”应为“（{match.group(1)}）”",
                  Fix((Edit(match.start(1), match.start(1), "（"), Edit(match.end() - 1, match.end(), "）")), False))


@rule("STR03", "第一层序号“一、”写成“一.”或“一，”", fix=SAFE,
       starts='一二三四五六七八九十')
def chinese_label_mark(span):
    """检查：段首汉字数字序号后用了句点或逗号（一. 一． 一，）。
    原因：GB/T 9704-2012 7.3.3：第一层序号是“一、”。
    示例：一.总体要求 → 一、总体要求
    修复：安全。只换序号后的标点。
    """
    match = _CHINESE.match(span.text)
    if match:
        yield Hit(match.start(1), match.end(2), f"序号“{match.group(1)}{match.group(2)}”应为“{match.group(1)}、”",
                  replace(match.start(2), match.end(2), "、"))


@rule("STR04", "括号序号用了半角括号", fix=SAFE,
       starts='（(')
def half_width_label(span):
    """检查：段首序号用半角括号 (一) (1)，或半角、全角括号混用。
    原因：第二层、第四层序号是全角的“（一）”“（1）”（GB/T 9704-2012 7.3.3）。
    示例：(一)加强组织领导 → （一）加强组织领导
    修复：安全。换成全角括号。
    """
    match = _HALF_BRACKETS.match(span.text)
    if match and "(" in (match.group(1) + match.group(3)) or match and ")" in match.group(3):
        edits = tuple(Edit(i, i + 1, "（" if span.text[i] == "(" else "）")
                      for i in (match.start(1), match.start(3)) if span.text[i] in "()")
        yield Hit(match.start(1), match.end(3), f"序号“{match.group()}”应用全角括号", Fix(edits))


# Labels as written, right or wrong (（一）、 (一) 1、 一. …): the sequence is checked on
# what the writer meant; the marks are STR01–STR04's business.
_LEVELS = ((1, re.compile(rf"^\s*([{CN}]+)\s*[、.．]")), (2, re.compile(rf"^\s*[（(]([{CN}]+)[）)]")),
           (3, re.compile(r"^\s*(\d{1,3})\s*[.．、](?!\d)")), (4, re.compile(r"^\s*[（(](\d{1,3})[）)]")))
_NUMERALS = {ch: i for i, ch in enumerate(CN, 1)}


def label_of(text: str) -> tuple[int, int, int] | None:
    """Return (level 1–4, number, length of the label) of a paragraph starting with a label
    of the four levels 一、（一）1.（1）, None otherwise."""
    for level, pattern in _LEVELS:
        match = pattern.match(text)
        if match:
            raw = match.group(1)
            value = int(raw) if raw.isdigit() else _chinese_value(raw)
            return (level, value, match.end()) if value else None
    return None


def _chinese_value(raw: str) -> int:
    """Return the value of a Chinese numeral up to 九十九 (0 when it is not one)."""
    if not all(ch in _NUMERALS for ch in raw):
        return 0
    if "十" not in raw:
        return _NUMERALS[raw] if len(raw) == 1 else 0
    tens, _, ones = raw.partition("十")
    return (_NUMERALS.get(tens, 0) if tens else 1) * 10 + (_NUMERALS.get(ones, 0) if ones else 0)


def _labelled(spans):
    """Yield (span, label) for the paragraphs of a text or Word file that start with a label
    (plan fields hold no labels: the tool computes them)."""
    for span in spans:
        if not span.field and span.role not in ("attachments", "imprint", "targets"):
            found = label_of(span.text)
            if found:
                yield span, found


_NAMES = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}
_ALLOWED_SKIPS = {(1, 3), (2, 4)}


@rule("STR05", "跳过了结构层次", fix="none", whole=True,
       starts='（(0123456789一二三四五六七八九十')
def skipped_level(spans):
    """检查：序号从第一层“一、”直接跳到第四层“（1）”。
    原因：GB/T 9704-2012 7.3.3：结构层次依次为一、（一）1.（1）；层次少时跳过一层是通行做法
    （“一、”下直接用“1.”，“（一）”下直接用“（1）”），但不能越过两层。
    示例：一、总体要求 / （1）…… → 一、总体要求 / 1.……
    修复：无。应改哪一层由作者决定。
    """
    previous = 0
    for span, (level, _, length) in _labelled(spans):
        if previous and level > previous + 1 and (previous, level) not in _ALLOWED_SKIPS:
            yield span, Hit(0, length, f"“{_NAMES[previous]}”下直接用了“{_NAMES[level]}”，跳过了层次")
        previous = level


@rule("STR06", "同一层序号不连续或重复", fix="none", whole=True,
       starts='（(0123456789一二三四五六七八九十')
def numbering_gap(spans):
    """检查：同一层的序号跳号或重号（一、二、四、；1. 2. 2.）。上一层换了新序号后从 1 重新开始、
    或跨部分连续编号（1.–40.）都不算。
    原因：跳号、重号多是增删段落后没有重新编号，读者会以为漏了内容。
    示例：一、…… 二、…… 四、…… → 一、…… 二、…… 三、……
    修复：无。用 workplan import 导入为计划后，编号由工具计算，不会再错。
    """
    last: dict[int, int] = {}
    fresh: dict[int, bool] = {}
    for span, (level, value, length) in _labelled(spans):
        expected = last.get(level, 0) + 1
        if value != expected and not (value == 1 and fresh.get(level, True)):
            word = "重复" if value < expected else "跳号"
            yield span, Hit(0, length, f"序号{word}：此处应为第 {expected} 项")
        last[level], fresh[level] = value, False
        for deeper in range(level + 1, 5):
            fresh[deeper] = True


_ORDINALS = lazy(r"首先|其次|再次|最后|第[一二三四五]")


@rule("STR07", "顺序词混用", fix="none", default=False)
def mixed_ordinals(span):
    """检查：同一段里“首先、其次”与“第一、第二”两套顺序词混用。
    原因：一组并列内容只用一套顺序词，读者才好对应。
    示例：首先……其次……第三…… → 第一……第二……第三……
    修复：无。本规则默认不运行（“最后”“第一”也常作普通词用），用 --select STR07 开启。
    """
    words = [m for m in _ORDINALS.finditer(span.text)]
    kinds = {"di" if m.group().startswith("第") else "shou" for m in words}
    if len(kinds) == 2 and any(m.group() in ("首先", "其次") for m in words):
        first = words[0]
        yield Hit(first.start(), words[-1].end(), "“首先、其次”与“第一、第二”混用")


_DI_DUN = lazy(rf"第[{CN}]{{1,3}}(、)(?![{CN}\d])")


@rule("STR08", "“第一”后用了顿号", fix=SAFE,
       scan=r"第[一二三四五六七八九十]{1,3}、")
def di_yi_comma(span):
    """检查：“第一”“第二”等顺序词后用了顿号（第一、）。
    原因：GB/T 15834-2011 5.1.4：“第一”“首先”类词语后用逗号，不用顿号。
    示例：第一、要提高认识 → 第一，要提高认识
    修复：安全。顿号换逗号。“第一、二季度”这样的并列序数不算。
    """
    for match in _DI_DUN.finditer(span.text):
        yield Hit(match.start(), match.end(), "“第×”后应用逗号，不用顿号",
                  replace(match.start(1), match.end(1), "，"))


@rule("STR09", "单独成行的标题末尾有句号或冒号", fix=SAFE, roles=("heading", "plan_title", "title"),
       chars='。：:，；;')
def heading_end_mark(span):
    """检查：单独成行的标题（一、……、文件标题）以句号、冒号、逗号或分号结尾。
    原因：单独成行的标题后不加标点（GB/T 9704-2012 7.3.3 的通行做法）；句首的标题句
    （（一）……。后接正文）以句号结尾是对的，不算；一行中另有逗号、句号的（标题后接了正文）也不算。
    计划文件的标题由 validate 的 W207 检查。
    示例：一、加强组织领导。 → 一、加强组织领导
    修复：安全。删去末尾的标点。
    """
    text = span.text.rstrip()
    if (not span.field and text and text[-1] in "。：:，；;" and len(text) <= 40
            and not any(mark in text[:-1] for mark in "。，；：,;")):
        yield Hit(len(text) - 1, len(text), f"单独成行的标题末尾不加“{text[-1]}”",
                  replace(len(text) - 1, len(text), ""))


_HAND = lazy(rf"^\s*(?:[（(](?:[{CN}]+|\d+)[）)]|[{CN}]+、|\d{{1,3}}[.．、](?!\d)|[{CN}]是)\s*")


@rule("STR10", "计划文件的文字里手写了序号", fix=SAFE, roles=("heading", "lead", "item", "attachment"),
       starts='（(0123456789一二三四五六七八九十')
def hand_written_label(span):
    """检查：计划文件（YAML）中部分标题、任务标题句、条目或附件名开头手写了序号（一、 1. （1））。
    原因：计划文件中的序号在渲染时自动计算；手写的序号会与计算的重复（印成“1.1.……”）。
    示例：title: 1.抓好理论学习。 → title: 抓好理论学习。
    修复：安全。删去手写的序号，印出的序号由工具计算。
    """
    match = _HAND.match(span.text)
    if span.field and match and match.end() < len(span.text):
        yield Hit(match.start(), match.end(), "序号由工具计算，文字中不必手写",
                  replace(match.start(), match.end(), ""))
