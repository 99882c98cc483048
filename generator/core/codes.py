"""The one catalogue of finding codes: code → severity, one-line summary, documentation page.

Every finding the tool reports is made by :func:`finding`, which takes its severity from
here, so a code cannot be reported with two severities or without an entry. Codes are
stable: a code is never reused for another meaning. ``tests/core/test_codes.py`` checks the
catalogue against the documentation tables and that every code is asserted by some test.

Ranges: E0xx YAML source, E1xx/W1xx schema and style sheets, E2xx/W2xx plan checks,
W3xx review, E4xx/W4xx import. Lint rules (``generator.lint``) use letter prefixes
(``PUN`` punctuation, ``NUM`` numbers and dates, ``STR`` structure, ``ELE`` document
elements, ``WRD`` wording; documented in docs/lint-rules.md) and register themselves from
their rule units.
"""
from __future__ import annotations

from typing import NamedTuple

from generator.core.location import Finding, Location, Severity

PLAN_DOC = "docs/plan-format.md"
PROGRESS_DOC = "docs/progress.md"


class Code(NamedTuple):
    """One catalogue entry: the stable code, its severity, a one-line summary (Chinese) and
    the page that documents it."""

    code: str
    severity: Severity
    summary: str
    doc: str = PLAN_DOC


_E, _W = Severity.ERROR, Severity.WARNING

_ENTRIES = (
    # YAML source (generator.source)
    ("E001", _E, "YAML 语法错误"),
    ("E002", _E, "文件过大，或展开别名后节点过多（别名炸弹）"),
    ("E003", _E, "会构造对象的 YAML 标签、合并键或复杂键"),
    ("E004", _E, "重复的键"),
    ("E005", _E, "文件顶层不是映射"),
    ("E006", _E, "文件为空"),
    ("E007", _E, "不是 UTF-8 编码"),
    ("E010", _E, "YAML 需要半角字符处用了全角字符（冒号、缩进空格、列表符号）"),
    ("E011", _E, "键的冒号后缺少空格（key:value）"),
    ("E012", _E, "以 {{ 开头的值没有加引号"),
    # schema (plan and style sheets)
    ("E100", _E, "不符合其他格式规则"),
    ("E101", _E, "必填项缺失"),
    ("E102", _E, "类型错误"),
    ("E103", _E, "取值不在允许范围内"),
    ("E104", _E, "值为空"),
    ("E105", _E, "数值超出范围"),
    ("E106", _E, "取值不符合要求的格式"),
    ("E107", _E, "样式表中的未知键"),
    ("E108", _E, "样式表 extends 循环、找不到上级样式表，或上级不是样式表"),
    ("E109", _E, "版心宽度或高度为零或负数"),
    ("E110", _E, "一行 grid.chars 个正文字放不进版心宽度"),
    ("E111", _E, "grid.lines × grid.pitch 超出版心高度"),
    ("E112", _E, "grid.pitch 小于正文字号或大于 72 磅"),
    ("E113", _E, "某角色的字号加字间距为零或负数"),
    ("E114", _E, "header.mark_top 使发文机关标志落在版心之外"),
    ("E115", _E, "页脚与页码行伸入版心"),
    ("E116", _E, "某角色的行距小于字号"),
    ("E120", _E, "未知字段与已知字段相近，疑为笔误"),
    ("W101", _W, "未知字段"),
    # plan checks (generator.plan)
    ("E201", _E, "日期无效或写法不对"),
    ("E202", _E, "发文字号不符合 代字〔年份〕序号号"),
    ("E203", _E, "发文字号序号加了“第”或前导 0"),
    ("E204", _E, "指标有数值而无计量单位"),
    ("E205", _E, "占位符不是单纯的变量，或有语法错误"),
    ("E206", _E, "未知的占位符变量"),
    ("E207", _E, "份号不是六位数字"),
    ("E208", _E, "占位符引用的指标不存在"),
    ("E209", _E, "密级和保密期限不符合 GB/T 9704 §7.2.2"),
    ("E210", _E, "紧急程度不是“特急”或“加急”"),
    ("E211", _E, "标有密级的公文附注为公开发布"),
    ("W201", _W, "标题中的年份与 year 不同"),
    ("W202", _W, "发文字号年份与 year 不同"),
    ("W203", _W, "通知日期不在计划年度内"),
    ("W204", _W, "占位符引用的指标尚无目标值"),
    ("W205", _W, "两个指标同名"),
    ("W206", _W, "任务标题句不以。？！结尾"),
    ("W207", _W, "标题末尾有标点"),
    ("E301", _E, "计划有待复核项，未加 --allow-review 不能输出 DOCX/PDF"),
    # units and who does what (generator.plan.unit_checks), the breakdown (generator.breakdown)
    ("E251", _E, "责任单位不是 units 中声明的单位"),
    ("E252", _E, "同一名称在 units 中指两个单位"),
    ("E253", _E, "任务同时写了 owners 和 lead/support"),
    ("E254", _E, "计划中没有任务，无法生成分解表"),
    ("W251", _W, "同一单位有两种写法"),
    ("W252", _W, "完成时限不在计划年度内"),
    ("W253", _W, "声明了 units 的计划中任务没有责任单位"),
    ("W301", _W, "字段待复核（rollover 或 import 标记）"),
    ("W302", _W, "unplaced 中有未放置、不会印出的文字"),
    # import (generator.readers, generator.importer)
    ("E401", _E, "文件为空"),
    ("E402", _E, "不是文本文件"),
    ("E403", _E, "文件过大"),
    ("E404", _E, "不是有效的 Word 文件"),
    ("E405", _E, "解压后过大（压缩炸弹）"),
    ("E406", _E, "含 DTD 或实体声明"),
    ("E407", _E, "没有部分标题也没有编号任务，无可导入内容"),
    ("W401", _W, "文字放入 unplaced"),
    ("W402", _W, "已忽略网页信息行"),
    ("W403", _W, "半角标点已改为全角"),
    ("W404", _W, "已删去多余空格"),
    ("W405", _W, "分页断开的句子已合并"),
    ("W406", _W, "任务后的段落已并入任务正文"),
    ("W407", _W, "部分标题缺少“一、”编号"),
    ("W408", _W, "有误的日期已修复"),
    ("W409", _W, "未找到计划标题，已补上并待复核"),
    ("W410", _W, "任务编号不连续"),
    ("W411", _W, "未找到通知字段，已补上并待复核"),
    ("W412", _W, "任务出现在部分标题之前"),
    ("W413", _W, "未找到计划年份，已补上并待复核"),
    ("W414", _W, "任务编号样式不一，已统一"),
    ("W415", _W, "发文字号括号已规范"),
    ("W416", _W, "两行标题已合并"),
    ("W417", _W, "（一）下的 1. 已作为条目导入"),
    # the 台账 ledger and progress files (generator.progress); E401, E403, E405 and E406
    # also apply to a workbook
    ("E501", _E, "不是有效的 Excel 工作簿", PROGRESS_DOC),
    ("E502", _E, "工作簿含外部链接", PROGRESS_DOC),
    ("E503", _E, "工作表过大（行数或列数超过上限）", PROGRESS_DOC),
    ("E504", _E, "找不到台账表头或键列", PROGRESS_DOC),
    ("E505", _E, "单元格含公式", PROGRESS_DOC),
    ("E506", _E, "实际完成值不是数字", PROGRESS_DOC),
    ("E507", _E, "状态无法识别", PROGRESS_DOC),
    ("E508", _E, "进展文件的期间与文件名或计划年份不符", PROGRESS_DOC),
    ("W501", _W, "状态写法已规范", PROGRESS_DOC),
    ("W502", _W, "任务或指标已修改，按相似度匹配", PROGRESS_DOC),
    ("W503", _W, "找不到对应的任务或指标，已放入 unmatched", PROGRESS_DOC),
    ("W504", _W, "同一任务或指标重复填报，后一行放入 unmatched", PROGRESS_DOC),
    ("W505", _W, "台账的期间或计划与命令不符", PROGRESS_DOC),
    ("W506", _W, "unmatched 中有未对应到任务的进展", PROGRESS_DOC),
)

CATALOGUE: dict[str, Code] = {entry[0]: Code(*entry) for entry in _ENTRIES}
if len(CATALOGUE) != len(_ENTRIES):
    raise RuntimeError("a finding code is listed twice in generator/core/codes.py")


def register(code: str, severity: Severity, summary: str, doc: str) -> Code:
    """Add a code defined by a rule unit (lint rules) to the catalogue and return its entry.

    Raises ValueError if the code is already taken with another meaning."""
    entry = Code(code, severity, summary, doc)
    known = CATALOGUE.setdefault(code, entry)
    if known != entry:
        raise ValueError(f"finding code {code} registered twice: {known} / {entry}")
    return entry


def finding(code: str, where: Location, message: str, field: str = "") -> Finding:
    """Return the finding ``code`` at ``where`` with the catalogue's severity.

    Raises KeyError if the code is not in the catalogue (a programming error)."""
    return Finding(where, code, message, field, CATALOGUE[code].severity)
