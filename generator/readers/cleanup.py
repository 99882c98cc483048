"""Line clean-up for imported text: web-page lines, half-width punctuation, stray spaces,
misprinted dates. Each function returns the cleaned text and what it changed, so the reader
can warn with line numbers."""
from __future__ import annotations

import datetime as dt
import re

CJK = r"\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201d\u2026\u2014"

# Lines a web page puts before the document (breadcrumbs, metadata, counters).
_WEB_LINE = re.compile(
    r"^\s*(当前位置|您的位置|您现在的位置|首页\s*[>》]|[>》]|索引号|发布单位|发布机构|发文机关\s*[:：]|"
    r"内容分类|主题分类|信息分类|成文日期\s*[:：]|发布日期|公开方式|公开范围|公开形式|有效性|"
    r"文号\s*[:：]|时间\s*[:：]|发布时间|点击次数|点击数|浏览次数|阅读次数|来源\s*[:：]|"
    r"信息来源|字号\s*[:：]|【\s*(打印|关闭|字体)|打印本页|关闭窗口|分享到)")
WEB_ZONE = 40          # web lines are only looked for among the first lines
_DOCUMENT_START = re.compile(r"^(一、|.{2,30}文件$|.*关于.*的通知$)")
# Lines a web page puts after the document.
_WEB_FOOTER = re.compile(r"^\s*(【?\s*(打印本页|打印|关闭窗口|关闭|收藏|返回顶部)\s*】?\s*)+$|"
                         r"^\s*(分享到|扫一扫|相关链接|相关文件|上一篇|下一篇|版权所有|主办单位|承办单位|"
                         r"网站标识码|网站地图|联系我们|.*ICP备)")

_HALF = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF_NEAR_CJK = re.compile(rf"(?<=[{CJK}])\s*([,:;?!()])|([,:;?!()])(?=\s*[{CJK}])")
_IDEOGRAPH = r"\u3400-\u9fff\uf900-\ufaff"
# a half-width full stop ending a sentence between Chinese: 抓好理论学习. 每月… -> 。
_HALF_STOP = re.compile(rf"(?<=[{_IDEOGRAPH}”’）》])\.[ \t\u00a0\u3000]*(?=[{_IDEOGRAPH}“‘（《])")
_SPACES = re.compile(rf"(?<=[{CJK}\d%])[ \t\u00a0\u3000]+(?=[{CJK}])|(?<=[{CJK}])[ \t\u00a0\u3000]+(?=[\d(（])")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\ufeff\u00ad\x00-\x08\x0b-\x1f\x7f]")
_GLUED_DATE = re.compile(r"(?<!\d)(\d{4})(\d{1,2})月(\d{1,2})日")


def web_header_end(lines: list[str], limit: int = WEB_ZONE) -> int:
    """Return how many leading lines belong to a web page around the document (0 if none):
    every line up to the last breadcrumb or metadata line among the first ``limit`` lines,
    looking no further than the document's start (an issuer mark, a notice title, 一、)."""
    end = 0
    for index, line in enumerate(lines[:min(limit, WEB_ZONE)]):
        if _WEB_LINE.match(line) or " > " in line:
            end = index + 1
        elif _DOCUMENT_START.match(line.strip()):
            break
    return end


def web_footer_start(lines: list[str], start: int = 0) -> int:
    """Return the index of the first of the web page's lines after the document (len(lines)
    when there are none): trailing lines that are blank or look like a page footer."""
    end = len(lines)
    index = end
    while index > start and (not lines[index - 1].strip() or _WEB_FOOTER.match(lines[index - 1])):
        index -= 1
    while index < end and not lines[index].strip():
        index += 1
    return index


def full_width(text: str) -> tuple[str, int]:
    """Return text with , : ; ? ! ( ) next to Chinese made full width and a . ending a
    sentence between Chinese made 。, and how many changed."""
    count = 0

    def swap(match: re.Match) -> str:
        nonlocal count
        count += 1
        return _HALF[match.group(1) or match.group(2)]

    out, count = _HALF_STOP.subn("。", text)
    out = _HALF_NEAR_CJK.sub(swap, out)
    # a bracket pair opened full width closes full width: (2020-2035年) -> （2020-2035年）
    if "（" in out and ")" in out:
        out, extra = re.subn(r"(（[^（）()]*)\)", r"\1）", out)
        count += extra
    if "(" in out and "）" in out:
        out, extra = re.subn(r"\(([^（）()]*）)", r"（\1", out)
        count += extra
    return out, count


def drop_spaces(text: str) -> tuple[str, int]:
    """Return text without half-width spaces between Chinese and Chinese or digits
    (“ 700 元” -> “700元”), and how many runs went. Full-width spaces (U+3000) alone are
    deliberate (甲类　乙类, names set apart) and stay."""
    count = 0

    def drop(match: re.Match) -> str:
        nonlocal count
        if not match[0].strip("\u3000"):
            return match[0]
        count += 1
        return ""

    return _SPACES.sub(drop, text), count


def tidy(text: str) -> tuple[str, int, int]:
    """Return (clean line, punctuation fixes, space fixes): invisible characters removed,
    ends stripped, half-width punctuation by Chinese made full width, stray spaces removed."""
    text = _INVISIBLE.sub("", text).strip(" \t\u3000\u00a0\r\n")
    text, punct = full_width(text)
    text, spaces = drop_spaces(text)
    return text, punct, spaces


def fix_glued_dates(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Return text with dates misprinted like ``20223月23日`` written ``2022年3月23日`` where
    only one reading names a real day; and the (old, new) pairs changed."""
    changes: list[tuple[str, str]] = []

    def repair(match: re.Match) -> str:
        year, month, day = int(match[1]), int(match[2]), int(match[3])
        try:
            dt.date(year, month, day)
        except ValueError:
            return match[0]
        if not 1949 <= year <= 2999:
            return match[0]
        new = f"{year}年{month}月{day}日"
        changes.append((match[0], new))
        return new

    return _GLUED_DATE.sub(repair, text), changes
