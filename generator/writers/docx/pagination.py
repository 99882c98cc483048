"""Estimate where the body's last page ends, from the grid (python-docx cannot paginate).

The estimate walks the paragraphs and tables already written: each paragraph's text is
broken into lines at the type area width less its indents, in its style's character
advance, by the word processor's rules (layout.lines: half-width characters, autospacing,
hanging and 禁则 punctuation); each line takes its exact line height, plus space before and
after (layout.pages: Metrics and Pager). Paragraphs split across pages (widow control is
off), table rows do not. The layout tests check the result in LibreOffice.
"""
from __future__ import annotations

import math

from lxml import etree

from generator.layout.lines import break_lines, count_lines
from generator.layout.metrics import text_width
from generator.layout.pages import TABLE_TOP, Metrics, Pager, role_metrics
from generator.style.names import STYLES
from generator.style.sheet import StyleSheet
from generator.writers.docx.wordml import parse_body, w, xml_text

_P, _PPR, _PSTYLE, _VAL = w("p"), w("pPr"), w("pStyle"), w("val")
_ROLE_OF = {sid: role for role, (sid, _, kind) in STYLES.items() if kind == "p"}


def _apply_direct(m: Metrics, p_pr) -> Metrics:
    if p_pr is None:
        return m
    m.keep = m.keep or p_pr.find(w("keepNext")) is not None
    sp = p_pr.find(w("spacing"))
    if sp is not None:
        m.before = int(sp.get(w("before"), m.before))
        m.after = int(sp.get(w("after"), m.after))
        m.line = int(sp.get(w("line"), m.line))
    rule = p_pr.find(f"{w('pBdr')}/{w('bottom')}")
    if rule is not None:
        m.after += int(rule.get(w("space"), 0)) * 20 + int(rule.get(w("sz"), 0)) * 20 // 8
    ind = p_pr.find(w("ind"))
    if ind is not None:
        m.left = int(ind.get(w("left"), m.left))
        m.right = int(ind.get(w("right"), m.right))
        m.first = int(ind.get(w("firstLine"), 0)) - int(ind.get(w("hanging"), 0))
    return m


def paragraph_lines(p, sheet: StyleSheet, width: int, cache: dict) -> tuple[Metrics, int]:
    """Return (metrics, number of lines) of a paragraph in a column ``width`` twips wide: a
    w:p, or the (style id, runs) recorded for one written as text (see SplicedText).
    The result is kept in ``cache`` (one per estimate) for when it is asked again."""
    known = cache.get(id(p))
    if known is not None:
        return known
    if type(p) is tuple:                            # text as ParagraphBatch writes it
        style, p_pr, pieces = p[0], None, (xml_text("".join(text for text, _ in p[1])),)
    else:
        p_pr = p.find(_PPR)
        node = p_pr.find(_PSTYLE) if p_pr is not None else None
        style, pieces = node.get(_VAL) if node is not None else "WpBody", _pieces(p)
    role = _ROLE_OF.get(style, "body")
    if role not in cache:
        cache[role] = role_metrics(sheet, role)
    m = cache[role]
    if p_pr is not None and len(p_pr) > 1:          # direct formatting beyond the style
        m = _apply_direct(Metrics(**m.__dict__), p_pr)
    avail = max(width - m.left - m.right, m.unit)
    first, rest = max(avail - m.first, m.unit) / m.unit, avail / m.unit
    cache[id(p)] = m, sum(count_lines(piece, first, rest, m.gap, m.latin) for piece in pieces)
    return cache[id(p)]


def paragraph_breaks(p, sheet: StyleSheet) -> list[str] | None:
    """Return the lines a w:p holding one run of plain text breaks into (layout.lines, in
    the type area's width), None for any other paragraph."""
    texts = p.findall(f"{w('r')}/{w('t')}")
    if len(texts) != 1 or len(p.findall(w("r"))) != 1 or p.find(f"{w('r')}/{w('br')}") is not None:
        return None
    m, _ = paragraph_lines(p, sheet, sheet.text_width, {})
    avail = max(sheet.text_width - m.left - m.right, m.unit)
    first, rest = max(avail - m.first, m.unit) / m.unit, avail / m.unit
    return break_lines(texts[0].text or "", first, rest, m.gap, m.latin)


def _pieces(p) -> list[str]:
    """Return the paragraph's text split at line breaks (tabs count as two characters);
    text marked deleted (w:delText, in a redline) counts too, as word processors show it."""
    text = []
    for node in p.iter(w("t"), w("delText"), w("br"), w("tab")):
        if node.tag == w("t") or node.tag == w("delText"):
            text.append(node.text or "")
        elif node.tag == w("tab"):
            text.append("　　")
        elif node.get(w("type")) != "page":
            text.append("\n")
    return "".join(text).split("\n")


def estimate_end(body, sheet: StyleSheet, splices: dict[bytes, bytes] | None = None,
                 open_area: tuple[int, int] | None = None, upto: int | None = None
                 ) -> tuple[int, int]:
    """Return (last page number, twips used on it) for the body written so far, or for its
    first ``upto`` children; the paragraphs behind ``<?wp-text?>`` markers are read from
    ``splices``. Each section a paragraph ends has the type area its sectPr gives; the
    last, open one has ``open_area`` (width, height in twips; default the sheet's)."""
    pager, cache, previous = Pager(sheet.text_height), {}, None
    children = _expanded(body if upto is None else list(body)[:upto], splices or {})
    areas = _type_areas(children, sheet, open_area)
    width, pager.height = areas.pop(0)
    for i, child in enumerate(children):
        if type(child) is tuple or child.tag == _P:
            m, lines = paragraph_lines(child, sheet, width, cache)
            before, previous = m.space_before(previous), m
            if type(child) is not tuple and child.find(_SECT) is not None:
                pager.add_lines(lines, m.line)      # the paragraph that ends a section:
                pager.new_page()                    # the next one starts on a new page
                width, pager.height = areas.pop(0)
                continue
            if type(child) is not tuple and _breaks_page(child, pager):
                continue
            if m.keep and pager.used:
                kept = before + lines * m.line + m.after + _kept_height(children, i + 1, sheet, cache)
                if pager.used + kept > pager.height >= kept:
                    pager.new_page(natural=True)    # kept with the next: moves down whole
            pager.add_space(before)
            pager.add_lines(lines, m.line)
            pager.add_space(m.after)
            continue
        if child.tag is etree.PI and child.target == "wp-table" and previous is not None:
            pager.used += _BEFORE_TABLE.get(previous.role, 0)
        previous = None
        if child.tag == w("tbl"):
            _add_table(pager, child, sheet, cache)
        elif child.tag is etree.PI and child.target == "wp-table":
            pager.add_rows([int(height) for height in child.text.split()[1:]])
    return pager.page, pager.used


_SECT = f"{_PPR}/{w('sectPr')}"
# Space LibreOffice 7.4 leaves between a paragraph of a role and a table right after it,
# beyond the paragraph's lines and space after (measured: the 22 pt 附件 title, 113 twips,
# whatever its space after).
_BEFORE_TABLE = {"attachment_title": 113}


def _type_areas(children: list, sheet: StyleSheet, last: tuple[int, int] | None = None
                ) -> list[tuple[int, int]]:
    """Return the (width, height) of the type area of each section of the body, in order:
    of each section a paragraph ends (its sectPr tells), then ``last`` (default the
    sheet's) for the last."""
    areas = []
    for child in children:
        if type(child) is not tuple and child.tag == _P:
            sect = child.find(_SECT)
            if sect is not None:
                size, margins = sect.find(w("pgSz")), sect.find(w("pgMar"))
                side = [int(margins.get(w(k))) for k in ("left", "right", "top", "bottom")]
                areas.append((int(size.get(w("w"))) - side[0] - side[1],
                              int(size.get(w("h"))) - side[2] - side[3]))
    return areas + [last or (sheet.text_width, sheet.text_height)]


def _breaks_page(p, pager: Pager) -> bool:
    """Start a new page for a w:p with page break before; return True when the paragraph
    is a page break itself (it holds nothing else that takes room)."""
    if p.find(f"{_PPR}/{w('pageBreakBefore')}") is not None:
        pager.new_page()
    if any(br.get(w("type")) == "page" for br in p.iter(w("br"))):
        pager.new_page()
        return True
    return False


def _expanded(body, splices: dict[bytes, bytes]) -> list:
    """Return the body's children with each text marker replaced by its paragraphs: the
    (style id, runs) recorded with the text, else the parsed w:p elements."""
    children = []
    for child in body:
        if child.tag is etree.PI and child.target == "wp-text":
            text = splices[etree.tostring(child)]
            recorded = getattr(text, "paragraphs", None)
            children.extend(recorded if recorded is not None else parse_body(text))
        else:
            children.append(child)
    return children


def _kept_height(children: list, start: int, sheet: StyleSheet, cache: dict) -> int:
    """Return the height of what must share a page with a keep-with-next paragraph, from
    ``children[start]`` on: the paragraphs that are kept with their next too, whole (a
    chain such as body, 附件说明, 署名 moves as one), then the next one's space before and
    first line, or the next table's header row and first row (a repeated header row never
    stands alone)."""
    height = 0
    previous = _metrics_before(children, start, sheet, cache)
    for child in children[start:start + 50]:        # a chain longer than a page breaks anyway
        if type(child) is tuple or child.tag == _P:
            m, lines = paragraph_lines(child, sheet, sheet.text_width, cache)
            before, previous = m.space_before(previous), m
            if not m.keep:
                return height + before + m.line
            height += before + lines * m.line + m.after
        elif child.tag is etree.PI and child.target == "wp-table":   # header and first row
            return height + TABLE_TOP + sum(int(h) for h in child.text.split()[1:3])
        elif child.tag == w("tbl"):
            return height
    return height


def _metrics_before(children: list, start: int, sheet: StyleSheet, cache: dict):
    """Return the metrics of the paragraph just before ``children[start]`` (None if that is
    not a paragraph)."""
    child = children[start - 1] if start else None
    if child is None or (type(child) is not tuple and child.tag != _P):
        return None
    return paragraph_lines(child, sheet, sheet.text_width, cache)[0]


def _add_table(pager: Pager, tbl, sheet: StyleSheet, cache: dict) -> None:
    """Add a table row by row; a cell's lines are its text wrapped in the cell width."""
    if "table" not in cache:
        cache["table"] = role_metrics(sheet, "table")
    m = cache["table"]
    for tr in tbl.iterfind(w("tr")):
        exact = tr.find(f"{w('trPr')}/{w('trHeight')}")
        if exact is not None and exact.get(w("hRule")) == "exact":
            pager.used += int(exact.get(w("val")))
            continue
        height = 0
        for tc in tr.iterfind(w("tc")):
            width = int(tc.find(f"{w('tcPr')}/{w('tcW')}").get(w("w"))) - 114
            used = text_width("".join(tc.itertext())) * m.unit
            lines = max(1, math.ceil(used / max(width, m.unit)))
            height = max(height, lines * m.line + m.before + m.after)
        if pager.used + height > pager.height:
            pager.new_page(natural=True)
        pager.used += height + 20
