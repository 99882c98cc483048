"""Keep the notice's 署名 block from standing alone on a page (GB/T 9704 7.3.5.5) without
wasting the first page.

Three measures, applied to the notice's paragraphs once they are written:
- the 附件说明's last item is kept with the 署名, and the 署名 with the date
  (keep-with-next): 7.3.5.1 lets the seal stand under 正文 or under the 附件说明;
- when the estimate shows the notice running a little over its first page, the blank
  space above 附件说明 and 署名 is reduced step by step (the standard's remedy: adjust the
  spacing rather than leave the 署名 alone) until the notice fits or the steps run out;
- when it still runs over and lists no 附件, the 署名 page must carry 正文, but only what it needs: where
  the last body paragraph would not reach that page with two lines of its own, its last
  line is set apart as a paragraph of its own (style 公文正文（接上段）: no indent, read
  back as part of the paragraph) kept with the 署名; the rest of the paragraph is justified
  to its last line (w:jc distribute), which ends where the line broke. It is not
  kept with the next: LibreOffice moves a kept paragraph whole, and the first page would
  end up to nine lines short.
"""
from __future__ import annotations

from generator.style.sheet import StyleSheet
from generator.style.names import CONTINUED, style_id
from generator.writers.docx.pagination import estimate_end, paragraph_breaks
from generator.writers.docx.wordml import el, paragraph, w

_STEPS = (("signature", 1.0), ("attachments", 0.5), ("signature", 0.5), ("recipients", 0.5))
_REVIEW_STEPS = (("title", 1.0), ("recipients", 0.0), ("signature", 0.0))


def _paragraphs(body, role: str) -> list:
    sid = style_id(role)
    return [p for p in body.iterfind(w("p"))
            if p.find(f"{w('pPr')}/{w('pStyle')}") is not None
            and p.find(f"{w('pPr')}/{w('pStyle')}").get(w("val")) == sid]


def _set_before(p, twips: int) -> None:
    """Set a paragraph's space before (direct formatting), keeping its other spacing."""
    p_pr = p.find(w("pPr"))
    spacing = p_pr.find(w("spacing"))
    if spacing is None:
        spacing = el("spacing")
        after = [p_pr.find(w(t)) for t in ("ind", "contextualSpacing", "jc")]
        anchor = next((a for a in after if a is not None), None)
        if anchor is not None:
            anchor.addprevious(spacing)
        else:
            p_pr.append(spacing)
    spacing.set(w("before"), str(twips))


def keep_signature_with_text(body) -> None:
    """Give the 附件说明's last line keep-with-next (the 署名 has it from its writer): the
    seal may stand under the 附件说明 as under 正文 (GB/T 9704 7.3.5.1, "正文（或附件说明）"),
    so only its last item need go to the 署名's page and the first page stays full."""
    attachments = _paragraphs(body, "attachments")
    if attachments:
        _keep_next(attachments[-1])


def _keep_next(p) -> None:
    p_pr = p.find(w("pPr"))
    if p_pr.find(w("keepNext")) is None:
        p_pr.find(w("pStyle")).addnext(el("keepNext"))


def carry_text_to_signature(body, sheet: StyleSheet, splices: dict[bytes, bytes],
                            split: bool = True) -> None:
    """See the module docstring. When the estimate puts the notice's end on the page where
    its last body paragraph ends, with half a line to spare, nothing is done if the
    paragraph lies on that page whole or with two lines; the paragraph is kept with the
    署名 whole when it lies there whole but the page is full to the last half line (should
    the estimate be short, text still goes with the 署名). Otherwise the paragraph's last
    line is set apart and kept with the 署名; with ``split`` false, or a paragraph of one
    line or not plain text, the whole paragraph is kept with it instead."""
    signature = _paragraphs(body, "signature")
    if _paragraphs(body, "attachments"):
        return                      # the 附件说明's last item carries the 署名's page
    children = list(body)
    at = children.index(signature[0]) if signature else 0
    last = next((i for i in range(at - 1, -1, -1) if _style_of(children[i]) == style_id("body")), None)
    if last is None:
        return
    start = estimate_end(body, sheet, splices, upto=last)[0]
    page, used = estimate_end(body, sheet, splices, upto=last + 1)
    end, end_used = estimate_end(body, sheet, splices)
    roomy = end_used <= sheet.text_height - sheet.pitch // 2
    p = children[last]
    if end == page and (roomy and round(used / sheet.pitch) >= 2 or page == start):
        if not roomy:
            _keep_next(p)
        return
    lines = paragraph_breaks(p, sheet) if split else None
    if not lines or len(lines) < 2:
        _keep_next(p)
        return
    t = p.find(f"{w('r')}/{w('t')}")
    t.text = "".join(lines[:-1])
    p.find(w("pPr")).append(el("jc", val="distribute"))   # its last line is a full one
    tail = paragraph(body, style_id(CONTINUED), [(lines[-1], None)], {"keepNext": el("keepNext")})
    p.addnext(tail)


def _style_of(p) -> str:
    node = p.find(f"{w('pPr')}/{w('pStyle')}") if p.tag == w("p") else None
    return node.get(w("val")) if node is not None else ""


def _fits(body, sheet: StyleSheet, splices: dict[bytes, bytes]) -> bool:
    """Return whether the notice ends on its first page with a quarter line to spare (the
    word processor's rounding differs from the estimate's by a few twips)."""
    page, used = estimate_end(body, sheet, splices)
    return page == 1 and used <= sheet.text_height - sheet.pitch // 4


def fit_notice(body, sheet: StyleSheet, splices: dict[bytes, bytes], steps=_STEPS) -> None:
    """Reduce the blank space in the notice until it ends on its first page, when a few
    ``steps`` (role, lines of space before) can do it; leave it unchanged otherwise.
    ``splices``: see estimate_end."""
    if _fits(body, sheet, splices):
        return
    saved = {role: [(p, p.find(f"{w('pPr')}/{w('spacing')}")) for p in _paragraphs(body, role)]
             for role, _ in steps}
    originals = {id(p): None if s is None else dict(s.attrib)
                 for pairs in saved.values() for p, s in pairs}
    for role, lines in steps:
        for p, _ in saved[role][:1]:
            _set_before(p, round(lines * sheet.pitch))
        if _fits(body, sheet, splices):
            return
    for pairs in saved.values():
        for p, _ in pairs:
            _restore(p, originals[id(p)])


def _restore(p, attrib: dict | None) -> None:
    spacing = p.find(f"{w('pPr')}/{w('spacing')}")
    if attrib is None:
        if spacing is not None:
            spacing.getparent().remove(spacing)
        return
    spacing.attrib.clear()
    spacing.attrib.update(attrib)


def refit_notice(body, sheet: StyleSheet) -> None:
    """Fit the notice again in a finished body (a redline, whose deleted text shown in the
    notice takes room too): what follows the notice, from the plan title on, is set aside
    while the notice is measured, then put back. A review copy may also narrow the blank
    lines above the title and the 主送 (_REVIEW_STEPS) rather than leave the 署名 and a
    few lines alone on a second page."""
    plan_title = style_id("plan_title")
    children = list(body)
    cut = next((i for i, child in enumerate(children) if child.tag == w("p")
                and child.find(f"{w('pPr')}/{w('pStyle')}") is not None
                and child.find(f"{w('pPr')}/{w('pStyle')}").get(w("val")) == plan_title), None)
    if not cut:
        return
    rest = children[cut:]
    for child in rest:
        body.remove(child)
    try:
        fit_notice(body, sheet, {}, _STEPS + _REVIEW_STEPS)
    finally:
        body.extend(rest)
