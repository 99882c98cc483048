"""Word's automatic list numbering (w:numPr) turned into the labels a reader would see:
numbering.xml's abstractNum levels give the format (numFmt: chineseCounting, decimal, …),
the text around the number (lvlText such as "%1、" or "（%1）") and the start value; the
counters run per list (w:num) and restart below a level when that level advances.

Works on lxml elements only (no python-docx)."""
from __future__ import annotations

from generator.core.numerals import chinese_numeral
from generator.readers.docx_safety import xml_int

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CHINESE = ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
            "ideographTraditional", "taiwaneseCounting", "taiwaneseCountingThousand",
            "japaneseCounting")


MAX_START = 32767      # the largest start value Word accepts (ST_DecimalNumber in practice)


def _level(value: str | None) -> int:
    """Return a list level 0–8 read from untrusted XML (0 when it is not a plain number)."""
    return xml_int(value, 0, 0, 8)


def _val(element, tag: str, default: str = "") -> str:
    child = element.find(W + tag) if element is not None else None
    return child.get(W + "val", default) if child is not None else default


def format_number(n: int, fmt: str) -> str:
    """Return n written in a Word number format (decimal, chineseCounting, …)."""
    if fmt in _CHINESE and n > 0:
        return chinese_numeral(n)
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalEnclosedCircle" and 0 < n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt in ("lowerLetter", "upperLetter") and 0 < n <= 26:
        letter = chr(ord("a") + n - 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


class ListNumbering:
    """Computes the label of each numbered paragraph, in document order."""

    def __init__(self, numbering_root=None):
        self.abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if numbering_root is not None:
            self._load(numbering_root)

    def _load(self, root) -> None:
        for abstract in root.iter(W + "abstractNum"):
            levels = {}
            for lvl in abstract.iter(W + "lvl"):
                levels[_level(lvl.get(W + "ilvl"))] = (
                    _val(lvl, "numFmt", "decimal"), _val(lvl, "lvlText", ""),
                    xml_int(_val(lvl, "start", "1"), 1, 0, MAX_START))
            self.abstract[abstract.get(W + "abstractNumId", "")] = levels
        for num in root.iter(W + "num"):
            overrides = {}
            for override in num.iter(W + "lvlOverride"):
                start = xml_int(_val(override, "startOverride"), -1, 0, MAX_START)
                if start >= 0:
                    overrides[_level(override.get(W + "ilvl"))] = start
            self.nums[num.get(W + "numId", "")] = (_val(num, "abstractNumId"), overrides)

    def label(self, num_id: str, ilvl: int) -> str:
        """Return the label of the next paragraph of list ``num_id`` at level ``ilvl``
        ("" for bullets, unknown lists and numId 0), advancing the counters."""
        if num_id in ("", "0") or num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        start = overrides.get(ilvl, levels[ilvl][2])
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt, text, _ = levels[ilvl]
        if fmt in ("bullet", "none"):
            return ""
        for level in range(8, -1, -1):
            if f"%{level + 1}" in text:
                value = counters.get(level, overrides.get(level, levels.get(level, ("", "", 1))[2]))
                text = text.replace(f"%{level + 1}", format_number(value, levels.get(level, (fmt,))[0]))
        return text


def paragraph_numbering(p, style_numbering: dict[str, tuple[str, int]], style_id: str) -> tuple[str, int]:
    """Return (numId, ilvl) of a w:p from its own w:numPr, else from its style's ("" if none)."""
    num_pr = p.find(f"{W}pPr/{W}numPr")
    if num_pr is not None:
        num_id = _val(num_pr, "numId")
        ilvl = _level(_val(num_pr, "ilvl", "0"))
        if not num_id and style_id in style_numbering:
            return style_numbering[style_id][0], ilvl
        return num_id, ilvl
    return style_numbering.get(style_id, ("", 0))


def style_numberings(styles_root) -> dict[str, tuple[str, int]]:
    """Return style id -> (numId, ilvl) for paragraph styles that carry list numbering."""
    out = {}
    if styles_root is None:
        return out
    for style in styles_root.iter(W + "style"):
        num_pr = style.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            out[style.get(W + "styleId", "")] = (_val(num_pr, "numId"), _level(_val(num_pr, "ilvl", "0")))
    return out
