"""Numbers and dates (GB/T 15835-2011, GB/T 9704-2012)."""
from __future__ import annotations

import re

from generator.lint.chars import guard_of, lazy
from generator.lint.model import Hit, replace
from generator.lint.registry import SAFE, UNSAFE, rule

_FULL_DIGITS = lazy(r"[０-９]+(?:[．.][０-９]+)?")
_TO_ASCII = str.maketrans("０１２３４５６７８９．", "0123456789.")


@rule("NUM01", "全角数字", fix=SAFE,
       chars='０１２３４５６７８９')
def full_width_digits(span):
    """检查：全角阿拉伯数字 ０１２…９。
    原因：GB/T 15835-2011 要求阿拉伯数字用半角形式；全角数字宽窄不一，检索也找不到。
    示例：２０２１年 → 2021年
    修复：安全。换成半角数字，数值不变。
    """
    for match in _FULL_DIGITS.finditer(span.text):
        yield Hit(match.start(), match.end(), f"全角数字“{match.group()}”应为半角",
                  replace(match.start(), match.end(), match.group().translate(_TO_ASCII)))


_PADDED = lazy(r"(?<![\d.])0(?=[1-9]月)|(?<=月)0(?=[1-9][日号])")


@rule("NUM02", "月或日前多了“0”", fix=SAFE,
       scan=r"0[1-9][月日号]")
def zero_padded(span):
    """检查：“月”“日”前补了 0 的一位数（03月、05日）。
    原因：GB/T 9704-2012 7.3.5 与 GB/T 15835-2011：年份写全，月、日不编虚位（1月不写 01月）。
    示例：2021年03月05日 → 2021年3月5日
    修复：安全。删去这个 0。2021-03-05 这样的日期写法不算。
    """
    for match in _PADDED.finditer(span.text):
        yield Hit(match.start(), match.end() + 2, "月、日不补“0”", replace(match.start(), match.end(), ""))


_HAO = lazy(r"(?<=\d月)(\d{1,2})号(?![文楼院线令房室码])")


@rule("NUM03", "日期用“号”表示日", fix=SAFE,
       scan=r"月\d{1,2}号")
def hao_for_day(span):
    """检查：“×月×号”的日期写法。
    原因：公文中日期写作“×月×日”；“号”是口语。
    示例：3月5号前报送 → 3月5日前报送
    修复：安全。“号”换为“日”；“5号文”“3号楼”这样的编号不算。
    """
    for match in _HAO.finditer(span.text):
        end = match.end()
        yield Hit(match.start(), end, "日期应写“日”，不写“号”", replace(end - 1, end, "日"))


_SHORT_YEAR = lazy(r"(?<![\d〇零一二三四五六七八九十第近前后这每])(\d{2})年(?=底|初|末|年底|上半年|下半年|\d{1,2}月|度)")


@rule("NUM04", "年份只写了两位", fix=UNSAFE,
       scan=r"(?<![\d〇零一二三四五六七八九十第近前后这每])\d{2}年")
def two_digit_year(span):
    """检查：“21年底”“22年3月”这样只写后两位的年份。
    原因：GB/T 15835-2011 5.2.2：年份不能简写，应写全四位。
    示例：力争21年底前完成 → 力争2021年底前完成
    修复：不安全（需 --unsafe-fixes）：补“20”成四位，世纪由作者确认。
    """
    for match in _SHORT_YEAR.finditer(span.text):
        yield Hit(match.start(), match.end(), f"年份“{match.group(1)}年”应写全四位",
                  replace(match.start(), match.start(), "20", safe=False))


_NUM = r"\d+(?:\.\d+)?"
_PERCENT = lazy(rf"(?<![\d.%])({_NUM})(\s*[～~\-－—–]\s*){_NUM}%")
_MAGNITUDE = lazy(rf"(?<![\d.万亿])({_NUM})(\s*[～~\-－—–]\s*){_NUM}(万亿|亿|万)")


@rule("NUM05", "数值范围前一个数漏了“%”或“万”“亿”", fix=SAFE,
       chars='～~-－—–')
def range_unit_dropped(span):
    """检查：范围的后一个数带 % 或 万、亿，前一个数却没有（20～30%、3～5亿元）。
    原因：GB/T 15835-2011 5.1.7：两个数都是百分数或带万、亿时，前一个数的 % 和万、亿不能省，
    否则“20～30%”可读成 20 到 30%。
    示例：20～30% → 20%～30%；3～5亿元 → 3亿～5亿元
    修复：安全。给前一个数补上同样的 % 或万、亿。
    """
    text, guard = span.text, guard_of(span)
    for pattern, name in ((_PERCENT, None), (_MAGNITUDE, 3)):
        for match in pattern.finditer(text):
            if guard.covers(match.start(), match.end()) and "%" not in match.group():
                continue
            mark = "%" if name is None else match.group(name)
            end = match.end(1)
            yield Hit(match.start(), match.end(), f"范围的前一个数也要写“{mark}”",
                      replace(end, end, mark))


_BARE_POINT = lazy(r"(?<![A-Za-z0-9_.%])\.(?=\d)")


@rule("NUM06", "小数点前漏了“0”", fix=SAFE,
       chars='.')
def bare_point(span):
    """检查：以小数点开头的小数（.5）。
    原因：GB/T 15835-2011：纯小数的整数位写 0。
    示例：增长.5个百分点 → 增长0.5个百分点
    修复：安全。补“0”。
    """
    for match in _BARE_POINT.finditer(span.text):
        yield Hit(match.start(), match.end() + 1, "小数点前应写“0”", replace(match.start(), match.start(), "0"))


_CN_YEAR = lazy(r"[一二三四五六七八九〇零○ＯO０0]{4}(?=年)")
_O_YEAR = lazy(r"(?<![A-Za-z\d])[12][0-9Oo]{3}(?=年)")


@rule("NUM07", "年份中的“〇”写成“零”、“○”或字母 O", fix=SAFE,
       chars='零○ＯOo０')
def wrong_zero(span):
    """检查：汉字年份中写成“零”“○”或字母“O”的〇，阿拉伯数字年份中写成字母“O”的 0。
    原因：汉字数字的零在年份中写“〇”（GB/T 15835-2011 4.1.2）；字母 O 与数字 0 检索、排版都不同。
    示例：二零二一年 → 二〇二一年；2O21年 → 2021年
    修复：安全。只换这个字符。
    """
    text = span.text
    for match in _CN_YEAR.finditer(text):
        chinese = any(ch in "一二三四五六七八九" for ch in match.group())
        if chinese and any(ch in "零○ＯO０0" for ch in match.group()):
            fixed = re.sub("[零○ＯO０0]", "〇", match.group())
            yield Hit(match.start(), match.end(), "年份中的零应写“〇”",
                      replace(match.start(), match.end(), fixed))
    for match in _O_YEAR.finditer(text):
        if any(ch in "Oo" for ch in match.group()):
            yield Hit(match.start(), match.end(), "年份中的字母“O”应为数字“0”",
                      replace(match.start(), match.end(), re.sub("[Oo]", "0", match.group())))


_MIXED_DATE = lazy(r"[〇零一二三四五六七八九]{4}年\d{1,2}月|(?<!\d)\d{4}年[一二三四五六七八九十]{1,2}月(?![份度])")


@rule("NUM08", "同一日期混用汉字数字和阿拉伯数字", fix="none",
       scan=r"[〇零一二三四五六七八九]{4}年\d|\d{4}年[一二三四五六七八九十]")
def mixed_date(span):
    """检查：一个日期里年份用汉字、月日用阿拉伯数字，或反过来（二〇二一年3月、2021年三月）。
    原因：GB/T 15835-2011：同一日期中的数字形式要一致；公文日期用阿拉伯数字。
    示例：二〇二一年3月 → 2021年3月
    修复：无。改成哪种写法请作者决定（成文日期见 ELE02）。
    """
    for match in _MIXED_DATE.finditer(span.text):
        yield Hit(match.start(), match.end(), "同一日期混用汉字数字和阿拉伯数字")


_ABOUT = lazy(r"(?:大约|约)(?=[\d０-９一二三四五六七八九十百千万两][^，。；！？]{0,12}?左右)")
_LEFT_RIGHT = lazy(r"左右")


@rule("NUM09", "“约”与“左右”同用", fix=UNSAFE,
       chars='左')
def about_left_right(span):
    """检查：同一数量前有“约”、后有“左右”（约5000万元左右）。
    原因：“约”和“左右”都表示概数，同用语义重复。
    示例：约5000万元左右 → 约5000万元
    修复：不安全（需 --unsafe-fixes）：删去“左右”。
    """
    text = span.text
    for match in _ABOUT.finditer(text):
        tail = _LEFT_RIGHT.search(text, match.end())
        if tail and tail.start() - match.end() <= 14:
            yield Hit(match.start(), tail.end(), "“约”与“左右”不同用",
                      replace(tail.start(), tail.end(), "", safe=False))
