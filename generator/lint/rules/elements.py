"""Document elements (GB/T 9704-2012 §7): 发文字号, 成文日期, 主送, 附件说明, 版记, title."""
from __future__ import annotations


from generator.lint.chars import lazy
from generator.lint.model import Hit, replace
from generator.lint.registry import SAFE, UNSAFE, rule

_DOC_NUMBER = lazy(r"([\u4e00-\u9fff]{1,12}?(?:发|字|函|办|电|呈|报|复|令|规|通|议|纪))"
                         r"\s*([\[［【（(〔<〈])\s*(\d{4})\s*([\]］】）)〕>〉])\s*(第?)\s*(0*)(\d+)\s*号")


@rule("ELE01", "发文字号的括号、“第”或序号前的“0”不对", fix=SAFE,
       chars='号')
def doc_number_form(span):
    """检查：发文字号（本文件的或正文引用的）年份不用六角括号〔〕，序号前加了“第”，或序号补了“0”。
    原因：GB/T 9704-2012 7.2.4：发文字号由发文机关代字、年份、发文顺序号组成，年份用六角括号“〔〕”，
    顺序号不加“第”字，不编虚位（1不编为001）。
    示例：示民发[2021]第012号 → 示民发〔2021〕12号
    修复：安全。只改括号、“第”和前导 0，代字、年份、序号不变。
    """
    for match in _DOC_NUMBER.finditer(span.text):
        code, left, year, right, di, zeros, seq = match.groups()
        if left == "〔" and right == "〕" and not di and not zeros and " " not in match.group():
            continue
        right_form = f"{code}〔{year}〕{seq}号"
        yield Hit(match.start(), match.end(), f"发文字号应写作“{right_form}”",
                  replace(match.start(), match.end(), right_form))


_CN_DIGIT = {ch: str(i) for i, ch in enumerate("〇一二三四五六七八九")}
_CN_DIGIT["零"] = "0"
_CN_DATE = lazy(r"^\s*([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日\s*$")


def _small(raw: str) -> int:
    """Return the value of a Chinese numeral from 一 to 三十一."""
    tens, ten, ones = raw.partition("十")
    if not ten:
        return int(_CN_DIGIT[raw])
    return (int(_CN_DIGIT[tens]) if tens else 1) * 10 + (int(_CN_DIGIT[ones]) if ones else 0)


@rule("ELE02", "成文日期用了汉字数字", fix=SAFE,
       starts='〇零一二三四五六七八九')
def chinese_date(span):
    """检查：单独成行的日期（成文日期）写成汉字数字（二〇二一年三月五日）。
    原因：GB/T 9704-2012 7.3.5.4：成文日期用阿拉伯数字将年、月、日标全（1999 年版用汉字，
    2012 年版已改）。
    示例：二〇二一年三月五日 → 2021年3月5日
    修复：安全。数值不变，只换数字写法。
    """
    match = _CN_DATE.match(span.text)
    if match and span.role in ("date", "paragraph", "signature"):
        year = "".join(_CN_DIGIT[ch] for ch in match.group(1))
        right = f"{year}年{_small(match.group(2))}月{_small(match.group(3))}日"
        yield Hit(match.start(1), match.end(), f"成文日期应写作“{right}”",
                  replace(match.start(1), match.end(3) + 1, right))


@rule("ELE03", "主送机关末尾不是全角冒号", fix=SAFE, roles=("recipients",))
def recipients_colon(span):
    """检查：主送机关一行的末尾不是全角冒号“：”。
    原因：GB/T 9704-2012 7.3.2：主送机关名称后标全角冒号。
    示例：各街道办事处，局机关各科室， → 各街道办事处，局机关各科室：
    修复：安全。末尾的逗号、句号、分号换为“：”，没有标点则补上。半角“:”由 PUN01 处理。
    """
    text = span.text.rstrip()
    if not text or text[-1] in "：:":
        return
    if text[-1] in "，。；,.;、":
        yield Hit(len(text) - 1, len(text), f"主送机关末尾应为“：”，不是“{text[-1]}”",
                  replace(len(text) - 1, len(text), "："))
    else:
        yield Hit(len(text) - 1, len(text), "主送机关末尾缺少“：”", replace(len(text), len(text), "："))


_ATTACH_NUMBER = lazy(r"^(\s*(?:附件\s*[：:]\s*)?\d{1,2})([、．，,])")
_ATTACH_END = lazy(r"[。；;，,.]+$")


@rule("ELE04", "附件说明的序号或末尾标点不对", fix=SAFE, roles=("attachments", "attachment"))
def attachment_form(span):
    """检查：附件说明的序号用了“1、”“1．”，或附件名称后加了句号等标点。
    原因：GB/T 9704-2012 7.3.4：附件说明写作“附件：1.××××”，序号用阿拉伯数字和半角句点，
    附件名称后不加标点。
    示例：附件：1、示例区重点任务分工表。 → 附件：1.示例区重点任务分工表
    修复：安全。换序号后的标点，删去末尾的标点。
    """
    text = span.text.rstrip()
    match = _ATTACH_NUMBER.match(text)
    if match:
        yield Hit(match.start(2), match.end(2), f"附件序号后应为“.”，不是“{match.group(2)}”",
                  replace(match.start(2), match.end(2), "."))
    end = _ATTACH_END.search(text)
    if end and end.start() and not text[:end.start()].rstrip().endswith(("附件", "：", ":")):
        yield Hit(end.start(), end.end(), "附件名称后不加标点", replace(end.start(), end.end(), ""))


_CC = lazy(r"^\s*抄送\s*([：:]?)(.*?)([。.，,；;]?)\s*$")


@rule("ELE05", "抄送机关一行的写法不对", fix=SAFE, roles=("imprint", "cc", "paragraph"))
def cc_line(span):
    """检查：版记的“抄送”行缺冒号、机关之间用了顿号，或末尾不是句号；计划文件的 cc 条目末尾带了标点。
    原因：GB/T 9704-2012 7.4.2：抄送机关间用逗号隔开，回行时与冒号后的首字对齐，最后一个抄送机关
    后标句号。
    示例：抄送：区委办公室、区政府办公室 → 抄送：区委办公室，区政府办公室。
    修复：安全。补冒号和句号，顿号换逗号。计划文件中印出时句号自动加上，条目本身不带标点。
    """
    text = span.text
    if span.role == "cc":
        end = _ATTACH_END.search(text)
        if end:
            yield Hit(end.start(), end.end(), "抄送机关名称后不加标点", replace(end.start(), end.end(), ""))
        return
    match = _CC.match(text)
    if not match or not match.group(2):
        return
    if not match.group(1):
        yield Hit(match.start(2), match.start(2), "“抄送”后缺少“：”", replace(match.start(2), match.start(2), "："))
    names = match.group(2)
    for index, ch in enumerate(names):
        if ch == "、":
            at = match.start(2) + index
            yield Hit(at, at + 1, "抄送机关之间用逗号", replace(at, at + 1, "，"))
    if match.group(3) != "。":
        start, end = match.span(3)
        yield Hit(start, end, "抄送机关最后应标句号", replace(start, end, "。"))


_PRINTED = lazy(r"^\s*\S+?(?:室|处|局|厅|办|委|会|部|中心)\s+\d{4}年\d{1,2}月\d{1,2}日\s*$")


@rule("ELE06", "印发日期后缺少“印发”", fix=SAFE, roles=("imprint",),
       chars='日')
def printed_date(span):
    """检查：版记中印发机关和印发日期一行，日期后没有“印发”二字。
    原因：GB/T 9704-2012 7.4.3：印发日期后加“印发”二字。
    示例：示例区民政局办公室 2021年3月6日 → 示例区民政局办公室 2021年3月6日印发
    修复：安全。补“印发”。
    """
    text = span.text.rstrip()
    if _PRINTED.match(text):
        yield Hit(len(text) - 1, len(text), "印发日期后缺少“印发”", replace(len(text), len(text), "印发"))


_ISSUE = lazy(r"关于印发(?!《)(.+?)的通知")


@rule("ELE07", "印发通知的标题中文件名没有书名号", fix=UNSAFE, roles=("title",),
       scan=r"关于印发(?!《)")
def title_without_marks(span):
    """检查：“关于印发……的通知”中被印发的文件名没有加书名号。
    原因：印发、转发类通知的标题中，被印发的文件名称加书名号（GB/T 9704-2012 7.3.1 的通行写法）。
    示例：关于印发示例区2021年民政工作要点的通知 → 关于印发《示例区2021年民政工作要点》的通知
    修复：不安全（需 --unsafe-fixes）：印发的若不止一个文件，书名号要分别加。
    """
    for match in _ISSUE.finditer(span.text):
        start, end = match.span(1)
        yield Hit(start, end, "被印发的文件名应加书名号",
                  replace(start, end, f"《{match.group(1)}》", safe=False))
