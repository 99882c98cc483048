"""The style sheet's schema, as cerberus rules (data, not code), and the Chinese size names.

A style sheet (``styles/*.yaml``) gives the page geometry in mm, the line grid, the 版头
and 版记 geometry, substitutes for fonts a computer may lack, and per role the East-Asian
font, Latin font, size, weight, colour, alignment, indents and spacing. Every field is
optional in a sheet that ``extends`` another; the merged sheet must be complete.
"""
from __future__ import annotations

from generator.style.names import ROLES
from generator.source.typing_slips import know_keys

# Chinese size names (号) in points, Word convention (gbt9704.md §2.1).
SIZE_NAMES = {
    "初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16,
    "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9, "六号": 7.5, "小六": 6.5,
    "七号": 5.5, "八号": 5,
}

_NUMBER = {"type": "number", "min": 0}
_MM = {"type": "number", "min": 0, "max": 1000}
_LENGTH_RE = r"^\d+(\.\d+)?\s*(pt|mm|tw)$"
_SIZE = {
    "type": ["number", "string"], "min": 1, "max": 200,
    "regex": "^(" + "|".join(SIZE_NAMES) + r"|\d+(\.\d+)?\s*pt)$",
    "meta": {"hint": "应为字号名（如 三号、小二）或磅值（如 16、15.5pt）"},
}
# A vertical distance: a number of grid lines, or a length with a unit (12pt, 4mm, 240tw).
_SPACE = {"type": ["number", "string"], "min": 0, "regex": _LENGTH_RE,
          "meta": {"hint": "应为行数（如 1）或带单位的长度（如 12pt、4mm、240tw）"}}
_LINE = {"type": ["number", "string"], "min": 1, "regex": _LENGTH_RE,
         "meta": {"hint": "应为缇数（如 579）或带单位的长度（如 28.95pt）"}}
_COLOR = {"type": "string", "regex": r"^[0-9A-Fa-f]{6}$",
          "meta": {"hint": "应为六位十六进制颜色（如 FF0000）"}}
_CHARS = {"type": "number", "min": -10, "max": 30}
# A rule drawn as a paragraph border: Word draws 1/4 pt to 12 pt (w:sz 2–96 eighths).
_RULE_PT = {"type": "number", "min": 0.25, "max": 12}
_RULE_MM = {"type": "number", "min": 0.1, "max": 4.2}

ROLE = {
    "font": {"type": "string", "empty": False},        # East-Asian font (w:eastAsia)
    "latin": {"type": "string", "empty": False},       # Latin and digits (w:ascii, w:hAnsi)
    "size": _SIZE,
    "bold": {"type": "boolean"},
    "color": _COLOR,
    "align": {"type": "string", "allowed": ["left", "center", "right", "justify"]},
    "indent": _CHARS,                                   # first-line indent, characters
    "left": _CHARS,                                     # left indent, characters
    "right": _CHARS,                                    # right indent, characters
    "before": _SPACE,                                   # space before
    "after": _SPACE,                                    # space after
    "line": _LINE,                                      # exact line height (default: grid)
    "char_spacing": {"type": "number", "min": -5, "max": 20},  # points, + or -
    "keep_next": {"type": "boolean"},
}

# Columns of the 重点任务分解表 (generator.document.breakdown.cell_text fills each).
BREAKDOWN_KEYS = ("index", "section", "task", "measures", "targets", "lead", "support",
                  "deadline", "leader")
_MARGINS = {"type": "dict", "schema": {side: {**_MM, "required": True}
                                       for side in ("top", "bottom", "left", "right")}}
BREAKDOWN = {
    "orientation": {"type": "string", "allowed": ["portrait", "landscape"], "required": True},
    "margins": _MARGINS,                                # of a landscape page, mm
    "columns": {"type": "list", "required": True, "empty": False, "schema": {
        "type": "dict", "schema": {
            "key": {"type": "string", "allowed": list(BREAKDOWN_KEYS), "required": True},
            "heading": {"type": "string", "empty": False, "required": True},
        }}},
}

STYLE = {
    "extends": {"type": "string", "empty": False},
    "description": {"type": "string"},
    "page": {"type": "dict", "required": True, "schema": {
        "width": {**_MM, "required": True}, "height": {**_MM, "required": True},
        "top": {**_MM, "required": True}, "bottom": {**_MM, "required": True},
        "left": {**_MM, "required": True}, "right": {**_MM, "required": True},
        "footer": {**_MM, "required": True},            # footer distance from the page edge
    }},
    "grid": {"type": "dict", "required": True, "schema": {
        "lines": {"type": "integer", "min": 1, "max": 80, "required": True},
        "chars": {"type": "integer", "min": 1, "max": 80, "required": True},
        "pitch": {**_LINE, "required": True},           # exact line height of every line
    }},
    "header": {"type": "dict", "required": True, "schema": {
        "mark_top": {**_MM, "required": True},          # 标志 top below the type area top
        "doc_number_gap": {**_NUMBER, "required": True},  # blank lines between 标志 and 文号
        "rule_gap": {**_MM, "required": True},          # red rule below the 文号
        "rule_width": {**_RULE_PT, "required": True},   # points
        "rule_color": {**_COLOR, "required": True},
        "star": {"type": "boolean"},                    # ★ in the middle of the rule
        "title_gap": {**_NUMBER, "required": True},     # blank lines between rule and title
    }},
    "signature": {"type": "dict", "required": True, "schema": {
        "gap_seal": {**_NUMBER, "required": True},      # blank lines above 署名 with a seal
        "gap_plain": {**_NUMBER, "required": True},     # … without a seal
    }},
    "imprint": {"type": "dict", "required": True, "schema": {
        "outer_rule": {**_RULE_MM, "required": True},   # first and last rule, mm
        "inner_rule": {**_RULE_MM, "required": True},   # rules between, mm
        "even_page": {"type": "boolean"},               # put the 版记 on an even page
    }},
    # Font table: a font's substitute, which Word and WPS use where it is not installed.
    "fonts": {"type": "dict", "keysrules": {"type": "string", "empty": False},
              "valuesrules": {"type": "string", "empty": False}},
    "breakdown": {"type": "dict", "required": True, "schema": BREAKDOWN},   # 重点任务分解表
    "roles": {"type": "dict", "required": True,
              "schema": {name: {"type": "dict", "required": True, "schema": ROLE}
                         for name in ROLES}},
}
know_keys(STYLE)
