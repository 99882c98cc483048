"""Wording: confusable words (a data file users extend), 的/地/得, relative time words,
doubled characters or words, one unit named two ways, empty phrases."""
from __future__ import annotations

import re

from generator.lint.chars import lazy
from generator.lint.model import Hit, replace
from generator.lint.registry import SAFE, UNSAFE, rule


@rule("WRD01", "易混用词（其它、截止、交待……）", fix=SAFE, context=True)
def confusable_words(span, context):
    """检查：易混用词表（generator/lint/confusables.yaml，可扩充）中的错误写法，如其它、截止（后接时间）、
    交待、情况反应、台帐。
    原因：这些词在公文中有规范写法，错用会改变意思（截止与截至）或显得不规范（其它与其他）。
    示例：截止2021年底 → 截至2021年底；其它工作 → 其他工作
    修复：安全（词表中 safe: false 的项除外）。只换词表中列出的写法；有 before 条件的词（截止）
    只在条件满足时（后接时间）才算。自己的词表在配置中用 confusables 指定。
    """
    words = context.words
    if words is None or words.pattern is None:
        return
    text = span.text
    for match in words.pattern.finditer(text):
        word = words.words[match.group()]
        rest = text[match.end():]
        if word.before and not word.before.match(rest) or word.not_before and word.not_before.match(rest):
            continue
        why = f"（{word.why}）" if word.why else ""
        yield Hit(match.start(), match.end(), f"“{word.wrong}”应为“{word.right}”{why}",
                  replace(match.start(), match.end(), word.right, safe=word.safe))


_ADVERB_DE = lazy(r"(?:认真|积极|大力|深入|切实|扎实|全面|不断|稳步|有效|努力|稳妥|有序|持续|"
                        r"广泛|主动|及时|严格|充分|坚定|牢牢|高效|科学|依法|精准)(的)(?=[做抓推落开加贯实完建提强优规保统促坚执解])")
_VERB_DI = lazy(r"(?:做|搞|干|抓|办|落实|完成|推进|开展|发展|执行)(地)(?=[好很更非十不扎有])")


@rule("WRD02", "“的”“地”“得”用法可疑", fix=UNSAFE, default=False)
def de_di_de(span):
    """检查：状语后接动词却用了“的”（认真的做好），动词后接补语却用了“地”（做地好）。
    原因：状语后用“地”，补语前用“得”，定语后用“的”。
    示例：认真的做好 → 认真地做好；抓地很实 → 抓得很实
    修复：不安全（需 --unsafe-fixes）。本规则默认不运行（按词形猜测，误报多），用 --select WRD02 开启。
    """
    for pattern, right in ((_ADVERB_DE, "地"), (_VERB_DI, "得")):
        for match in pattern.finditer(span.text):
            start, end = match.span(1)
            yield Hit(match.start(), end + 1, f"此处似应用“{right}”",
                      replace(start, end, right, safe=False))


_RELATIVE = lazy(r"今年|明年|去年|前年|后年")
_PLACEHOLDERS = {"今年": "{{ year }}年", "明年": "{{ next_year }}年", "去年": "{{ last_year }}年"}


@rule("WRD03", "相对时间词（今年、明年、去年）", fix=UNSAFE,
       scan=r"今年|明年|去年|前年|后年")
def relative_time(span):
    """检查：今年、明年、去年、前年、后年等以成文时间为准的时间词。
    原因：公文要存档，日后再读时“今年”指哪一年并不清楚；计划顺延到下一年时这些词也最容易
    漏改。写明年份，或在计划文件中用占位符 {{ year }}、{{ next_year }}、{{ last_year }}，顺延时自动更新。
    示例：今年底前完成 → 2021年底前完成（计划文件中 → {{ year }}年底前完成）
    修复：计划文件中不安全（需 --unsafe-fixes）：换成年份占位符；文本和 Word 文件只报告。
    """
    for match in _RELATIVE.finditer(span.text):
        fix = None
        if span.field and match.group() in _PLACEHOLDERS:
            fix = replace(match.start(), match.end(), _PLACEHOLDERS[match.group()], safe=False)
        yield Hit(match.start(), match.end(), f"“{match.group()}”日后难以确指，应写明年份", fix)


_FUNCTION = lazy(r"([的了是在和与及对把被将为从向并也就都而或其之以于由按])\1")
_WORD = lazy(r"([\u4e00-\u9fff]{2,4})\1")
_ALLOWED = ("不了了之", "的的确确", "是是非非", "实实在在", "和和美美", "为为", "就就", "等等")
_ABAB = {"研究", "商量", "讨论", "学习", "休息", "考虑", "了解", "锻炼", "打扫", "整理", "检查", "雪白", "通红"}


@rule("WRD04", "重复的字或词", fix=UNSAFE,
       scan=r"([的了是在和与及对把被将为从向并也就都而或其之以于由按])\1|([\u4e00-\u9fff]{2,4})\2")
def doubled_words(span):
    """检查：连写两次的虚词（的的、了了、是是）和连写两次的二至四字词（进一步进一步）。
    原因：多是删改或复制粘贴留下的。“常常、人人、天天、实实在在、不了了之”这类叠词本来就对，
    所以单字只查虚词，词语叠用（研究研究）也不算。
    示例：加强的的管理 → 加强的管理；进一步进一步完善 → 进一步完善
    修复：不安全（需 --unsafe-fixes）：删去重复的一份。
    """
    text = span.text
    for pattern in (_FUNCTION, _WORD):
        for match in pattern.finditer(text):
            around = text[max(0, match.start() - 2):match.end() + 2]
            if any(allowed in around for allowed in _ALLOWED if match.group() in allowed) \
                    or match.group(1) in _ABAB:
                continue
            half = len(match.group(1))
            yield Hit(match.start(), match.end(), f"“{match.group(1)}”重复",
                      replace(match.start() + half, match.end(), "", safe=False))


_DUTY = lazy(r"(?:牵头单位|责任单位|配合单位|牵头部门|责任部门|责任科室)[：:]([^）)。；;\n]+)")
_UNIT_END = tuple("科处室股局站所队委办中心")


def _unit_names(spans):
    """Yield (span, start, name) for the unit names of owner fields and 牵头单位：… lists."""
    for span in spans:
        if span.role == "owner":
            yield span, 0, span.text.strip()
            continue
        for match in _DUTY.finditer(span.text):
            offset = match.start(1)
            for part in re.split(r"([、，,])", match.group(1)):
                if part and part not in "、，,":
                    yield span, offset, part.strip()
                offset += len(part)


@rule("WRD05", "同一单位有两种叫法", fix="none", whole=True)
def unit_two_names(spans):
    """检查：同一文件中的责任单位有全称和简称两种叫法（社会救助科 / 救助科）：一个单位名称是另一个
    的后半截。计划文件看各处 owners（声明了 units 的计划由 validate 对照声明检查，W251），文本和
    Word 文件看“牵头单位：”“责任单位：”后列的单位。
    原因：同一单位前后叫法不一，分解任务、统计进度时会被当成两个单位。
    示例：owners: [救助科] 与 owners: [社会救助科] → 都写“社会救助科”
    修复：无。该用哪个名称由作者决定。
    """
    found = list(_unit_names(spans))
    names = {name for _, _, name in found if len(name) >= 2}
    for span, start, name in found:
        longer = sorted(n for n in names if n != name and n.endswith(name) and len(name) >= 3
                        and name.endswith(_UNIT_END))
        if longer:
            yield span, Hit(start, start + len(name), f"“{name}”与“{longer[0]}”似为同一单位，全文应统一叫法")


_EMPTY = lazy(r"高度重视|扎实推进|大力推进|切实加强|全面加强|进一步加强|不断提升|全面提升|"
                    r"取得明显成效|取得显著成效|狠抓落实|常抓不懈|多措并举|持续发力")


@rule("WRD06", "空泛的套话", fix="none", default=False)
def empty_phrases(span):
    """检查：高度重视、扎实推进、多措并举等不带具体内容的套话。
    原因：工作要点应写明做什么、做到什么程度、谁负责、何时完成；套话多了，任务就虚了。
    示例：高度重视养老服务工作 → 新建社区养老服务站5个，6月底前投入使用
    修复：无。本规则默认不运行（这些说法并非错误），用 --select WRD06 开启。
    """
    for match in _EMPTY.finditer(span.text):
        yield Hit(match.start(), match.end(), f"“{match.group()}”是套话，宜写具体措施和目标")
