"""Keep the notice's 署名 block from standing alone on a page (GB/T 9704 7.3.5.5).

Two measures, applied to the notice's paragraphs once they are written:
- the last body paragraph and the 附件说明 are kept with the next paragraph, so at least a
  line of text always accompanies the 署名 and date;
- when the estimate shows the notice running a little over its first page, the blank
  space above 附件说明 and 署名 is reduced step by step (the standard's remedy: adjust the
  spacing rather than leave the 署名 alone) until the notice fits or the steps run out.
"""
from __future__ import annotations

from generator.style.sheet import StyleSheet
from generator.style.names import style_id
from generator.writers.docx.pagination import estimate_end
from generator.writers.docx.wordml import el, w

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
    """Give the last notice body paragraph and the 附件说明 keep-with-next."""
    signature = _paragraphs(body, "signature")
    if not signature:
        return
    candidates = [p for p in body.iterfind(w("p"))
                  if p.getparent() is body and _before(p, signature[0])]
    for p in reversed(candidates):
        p_pr = p.find(w("pPr"))
        if p_pr.find(w("keepNext")) is None:
            p_pr.find(w("pStyle")).addnext(el("keepNext"))
        if p_pr.find(w("pStyle")).get(w("val")) != style_id("attachments"):
            break


def _before(p, other) -> bool:
    parent = p.getparent()
    return parent.index(p) < parent.index(other)


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
