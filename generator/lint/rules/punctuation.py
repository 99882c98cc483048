"""Punctuation marks (GB/T 15834-2011): half-width marks in Chinese text, the full stop,
the ellipsis, doubled marks, 、 before 等, unpaired brackets and quotes."""
from __future__ import annotations


from generator.lint.chars import IS_CJK, IS_HAN, guard_of, neighbour, pairs, lazy
from generator.lint.model import Fix, Edit, Hit, replace
from generator.lint.registry import SAFE, UNSAFE, rule

_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_MARK = lazy(r"[,;:?!]")
_LABEL = lazy(r"^\s*\(([一二三四五六七八九十]+|\d+)\)")


@rule("PUN01", "汉字旁的半角逗号、分号、冒号、问号、叹号或圆括号", fix=SAFE,
       chars=',;:?!()')
def half_width_marks(span):
    """检查：紧挨汉字（中间可隔空格）的半角 , ; : ? ! 以及括住或紧挨汉字的半角圆括号 ( )。
    原因：GB/T 15834-2011 规定中文文本用全角标点；半角标点多由英文输入法带入，印出来窄且贴字。
    示例：加强管理,提高效率 → 加强管理，提高效率；国内生产总值(GDP) → 国内生产总值（GDP）
    修复：安全。只把标点换成对应的全角形式，不动文字。网址、时间（9:30）、小数、标准编号
    （ISO 9001:2015）、电话号码和英文词句中的标点不算；开头的 (一) 由 STR04 处理。
    """
    text, guard = span.text, guard_of(span)
    for match in _MARK.finditer(text):
        i = match.start()
        if guard.covers(i):
            continue
        if IS_CJK.match(neighbour(text, i - 1, -1)) or IS_CJK.match(neighbour(text, i + 1, 1)):
            mark = text[i]
            yield Hit(i, i + 1, f"半角“{mark}”应为全角“{_FULL[mark]}”", replace(i, i + 1, _FULL[mark]))
    if "(" in text or ")" in text:
        yield from _brackets(text, guard)


def _brackets(text: str, guard):
    label = _LABEL.match(text)
    skip = {label.start(0) + label.group(0).index("("), label.end(0) - 1} if label else set()
    matched, lone = pairs(text, "(（", ")）")
    for start, end in matched:
        half = [i for i in (start, end) if text[i] in "()" and i not in skip]
        if not half or guard.covers(start, end + 1) and not IS_CJK.search(text[start:end]):
            continue
        near = (IS_CJK.search(text[start + 1:end]) or IS_CJK.match(neighbour(text, start - 1, -1))
                or IS_CJK.match(neighbour(text, end + 1, 1)))
        if near:
            edits = tuple(Edit(i, i + 1, _FULL[text[i]]) for i in half)
            yield Hit(start, end + 1, "半角圆括号应为全角“（）”", Fix(edits))
    for i in lone:
        if text[i] in "()" and i not in skip and not guard.covers(i) and (
                IS_CJK.match(neighbour(text, i - 1, -1)) or IS_CJK.match(neighbour(text, i + 1, 1))):
            yield Hit(i, i + 1, f"半角“{text[i]}”应为全角“{_FULL[text[i]]}”",
                      replace(i, i + 1, _FULL[text[i]]))


_STOP = lazy(r"(?<=[\u3400-\u9fff”’）》])\.(?![\d.A-Za-z])")
_CN_LABEL = lazy(r"^\s*[一二三四五六七八九十百]+$")


@rule("PUN02", "汉字句末用了半角句点“.”", fix=SAFE,
       chars='.')
def half_width_stop(span):
    """检查：汉字（或 ”）》）后、后面是汉字、空白或段尾的半角句点“.”。
    原因：中文句末用句号“。”（GB/T 15834-2011 4.1）；“.”是英文句点或编号用的点。
    示例：完成全年目标任务. → 完成全年目标任务。
    修复：安全。换这一个标点（连同其后多出的空格）。小数（3.5）、编号（1.）、网址和文件名中的点不算；
    开头的“一.”由 STR03 处理。
    """
    text, guard = span.text, guard_of(span)
    for match in _STOP.finditer(text):
        i = match.start()
        after = neighbour(text, i + 1, 1)
        if guard.covers(i) or (after and not IS_CJK.match(after)) or _CN_LABEL.match(text[:i]):
            continue
        end = i + 1
        while end < len(text) and text[end] in " \t" and after:
            end += 1                        # the space an English full stop brings along
        yield Hit(i, i + 1, "半角句点“.”应为句号“。”", replace(i, end, "。"))


_ELLIPSIS = lazy(r"\.{3,}|。{3,}|．{3,}|、{3,}|…{3,}|(?<!…)…(?!…)")


@rule("PUN03", "省略号写法不对", fix=SAFE,
       scan=r"\.\.\.|。。。|．．．|、、、|…")
def wrong_ellipsis(span):
    """检查：用 ...、。。。、、、、 或单个“…”、三个以上“…”充当省略号。
    原因：中文省略号是占两个字位置的六个点“……”（GB/T 15834-2011 4.11）。
    示例：加强养老、救助、殡葬... → 加强养老、救助、殡葬……
    修复：安全。换成“……”，不动文字。
    """
    for match in _ELLIPSIS.finditer(span.text):
        if guard_of(span).covers(match.start(), match.end()):
            continue
        yield Hit(match.start(), match.end(), f"省略号“{match.group()}”应为“……”",
                  replace(match.start(), match.end(), "……"))


_DOUBLED = lazy(r"([，。、；：？！])\1+")
_MIXED = lazy(r"[，、；：][，。、；：]|。[，、；：。]")


@rule("PUN04", "重复或叠用的标点", fix=SAFE,
       scan=r"[，。、；：？！][，。、；：？！]")
def doubled_marks(span):
    """检查：同一标点连写两次以上（，，、。。），或两个不同的点号挨在一起（，。、；，）。
    原因：一处停顿只用一个点号（GB/T 15834-2011）；叠用多是删改文字时留下的。
    示例：做好低保工作，，确保应保尽保。。 → 做好低保工作，确保应保尽保。
    修复：同一标点重复时安全地删去多余的；不同点号叠用时只报告，由人判断留哪一个。
    """
    text = span.text
    for match in _DOUBLED.finditer(text):
        if match.group(1) == "。" and len(match.group()) >= 3:
            continue                        # 。。。 is an ellipsis (PUN03)
        yield Hit(match.start(), match.end(), f"标点“{match.group(1)}”重复",
                  replace(match.start(), match.end(), match.group(1)))
    for match in _MIXED.finditer(text):
        if match.group()[0] != match.group()[1]:
            yield Hit(match.start(), match.end(), f"点号“{match.group()}”叠用，只应留一个")


_DENG = lazy(r"、\s*(?=等(?!级|候|待|同|于|价|额|次|第|量|比|高|距|效|分))")


@rule("PUN05", "“等”前多了顿号", fix=SAFE,
       scan=r"、\s*等")
def comma_before_deng(span):
    """检查：列举后的“等”前面用了顿号（、等）。
    原因：“等”紧接最后一个列举项，中间不加顿号（GB/T 15834-2011 5.1.3 的用法说明）。
    示例：规划、建设、管理、等工作 → 规划、建设、管理等工作
    修复：安全。删去这个顿号。“等级”“等于”等词前的顿号不算。
    """
    for match in _DENG.finditer(span.text):
        yield Hit(match.start(), match.end(), "“等”前不用顿号", replace(match.start(), match.end(), ""))


_PAIRS = (("“", "”"), ("‘", "’"), ("《", "》"), ("（", "）"), ("〔", "〕"), ("【", "】"), ("〈", "〉"))


@rule("PUN06", "引号、书名号或括号不成对", fix="none",
       chars='“”‘’《》（）〔〕【】〈〉')
def unpaired(span):
    """检查：一段文字中不成对的“”‘’《》（）〔〕【】〈〉。
    原因：成对标点缺一半，读者不知道引文、书名或注释到哪里为止；多是删改时漏删或漏补。
    示例：开展“民政为民行动 → 开展“民政为民”行动
    修复：无。缺的一半该补在哪里只有作者知道。半角圆括号见 PUN01。
    """
    text = span.text
    for opening, closing in _PAIRS:
        count = text.count(opening)
        if count == text.count(closing) and (not count or text.index(opening) < text.index(closing)
                                             and text.rindex(opening) < text.rindex(closing)):
            continue                        # balanced in the usual order (the common case)
        _, lone = pairs(text, opening, closing)
        for i in lone:
            want = closing if text[i] == opening else opening
            yield Hit(i, i + 1, f"“{text[i]}”没有对应的“{want}”")


_STRAIGHT = lazy(r'"([^"\n]*)"|\'([^\'\n]*)\'')


@rule("PUN11", "中文里用了直引号", fix=SAFE,
       chars='"\'')
def straight_quotes(span):
    """检查：括着中文的直引号 "…" 或 '…'。
    原因：中文用弯引号“”和‘’（GB/T 15834-2011 4.3）；直引号是英文输入法或网页带入的。
    示例：践行"民政为民"理念 → 践行“民政为民”理念
    修复：安全。成对的直引号换成成对的弯引号；括着纯英文的引号不动。
    """
    for match in _STRAIGHT.finditer(span.text):
        inner = match.group(1) if match.group(1) is not None else match.group(2)
        if not IS_HAN.search(inner):
            continue
        left, right = ("“", "”") if match.group(1) is not None else ("‘", "’")
        start, end = match.start(), match.end()
        yield Hit(start, end, f"直引号应为“{left}{right}”",
                  Fix((Edit(start, start + 1, left), Edit(end - 1, end, right))))


_BETWEEN_TITLES = lazy(r"(?<=[》”])、(?=[《“])")


@rule("PUN07", "书名号或引号之间用了顿号", fix=UNSAFE,
       scan=r"[》”]、[《“]")
def comma_between_titles(span):
    """检查：并列的书名号或引号之间的顿号（《甲》、《乙》）。
    原因：GB/T 15834-2011 5.1.5：标有书名号或引号的并列成分之间通常不用顿号。
    示例：学习《民法典》、《社会救助暂行办法》 → 学习《民法典》《社会救助暂行办法》
    修复：不安全（需 --unsafe-fixes）。删去顿号；若并列项后还有括注，按标准仍用顿号，请人工判断。
    """
    for match in _BETWEEN_TITLES.finditer(span.text):
        yield Hit(match.start(), match.end(), "书名号或引号之间一般不用顿号",
                  replace(match.start(), match.end(), "", safe=False))
