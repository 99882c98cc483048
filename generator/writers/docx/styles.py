"""Named Word styles from a style sheet: docDefaults, Normal and one style per role.

Every style carries its East-Asian font in ``w:rFonts/@w:eastAsia`` (with ``w:hint``), so
Word, WPS and LibreOffice pick the CJK font whatever the run holds. Only what a role sets
is written on its style; the rest is inherited from Normal, which is the ``body`` role.
"""
from __future__ import annotations

from generator.style.sheet import Role, StyleSheet
from generator.layout.metrics import char_twips, effective, line_twips
from generator.style.names import CONTEXTUAL, CONTINUED, DERIVED, OPTIONAL_ROLES, STYLES
from generator.writers.docx.wordml import el, indent, jc, ppr, rpr, spacing, w

# Template styles kept as they are (Normal is rebuilt from the sheet).
KEPT_STYLES = ("DefaultParagraphFont", "TableNormal", "NoList")
_BASED_ON = {"lead2": "WpLead", "lead3": "WpLead", "page_odd": "WpPageNumber",
             "page_even": "WpPageNumber", "table_header": "WpTable"}
# Roles written as paragraph styles whose runs keep the body font (their role's font is
# used by the matching character style for label and lead sentence).
_PARAGRAPH_ONLY = {"heading2", "heading3"}


def run_props(role: Role, latin_default: str | None = None) -> dict:
    """Return the rPr children (local name -> element) a role sets."""
    out = {}
    latin = role.latin or latin_default
    if role.font or latin:
        out["rFonts"] = el("rFonts", ascii=latin, hAnsi=latin, eastAsia=role.font,
                           cs=latin, hint="eastAsia" if role.font else None)
    if role.bold is not None:
        out["b"] = el("b", val=int(role.bold))
        out["bCs"] = el("bCs", val=int(role.bold))
    if role.color:
        out["color"] = el("color", val=role.color.upper())
    if role.char_spacing is not None:
        out["spacing"] = el("spacing", val=round(role.char_spacing * 20))
    if role.size:
        out["sz"] = el("sz", val=round(role.size * 2))
        out["szCs"] = el("szCs", val=round(role.size * 2))
    return out


def paragraph_props(sheet: StyleSheet, name: str, role: Role) -> dict:
    """Return the pPr children a role sets (indents in the role's own character width)."""
    out = {}
    if role.keep_next:
        out["keepNext"] = el("keepNext")
    line = line_twips(sheet, name) if role.line or role.size else None
    if role.before is not None or role.after is not None or line:
        out["spacing"] = spacing(role.before, role.after, line)
    if any(v is not None for v in (role.indent, role.left, role.right)):
        unit = char_twips(sheet, name)
        out["ind"] = indent(round((role.indent or 0) * unit), round((role.left or 0) * unit),
                            round((role.right or 0) * unit))
    if name in CONTEXTUAL:
        out["contextualSpacing"] = el("contextualSpacing")
    if role.align:
        out["jc"] = jc(role.align)
    return out


def _style(kind: str, sid: str, name: str, based_on: str | None):
    style = el("style", type={"p": "paragraph", "c": "character"}[kind], styleId=sid)
    el("name", style, val=name)
    if based_on:
        el("basedOn", style, val=based_on)
    el("qFormat", style)
    return style


def role_style(sheet: StyleSheet, role_name: str):
    """Return the w:style element of one role (see docx_names.STYLES)."""
    sid, name, kind = STYLES[role_name]
    data_role = DERIVED.get(role_name, role_name)
    role = sheet.roles[data_role]
    if role_name == "page_odd":
        role = Role(align="right", right=role.right or 0, left=0, indent=0)
    elif role_name == "page_even":
        role = Role(align="left", left=role.left or 0, right=0, indent=0)
    elif role_name == "page_number":
        role = role._replace(left=None, right=None)
    elif role_name == CONTINUED:          # based on 公文正文: only the indent differs
        role = Role(indent=0)
    based = _BASED_ON.get(role_name, None if kind == "c" else
                          "Normal" if role_name == "body" else "WpBody")
    style = _style(kind, sid, name, based)
    if kind == "p":
        props = paragraph_props(sheet, data_role, role)
        if props:
            style.append(ppr(props))
    # Every style names its fonts (inherited ones too), so each shows its East-Asian font.
    fonts = effective(sheet, "body" if role_name in _PARAGRAPH_ONLY else data_role)
    if role_name in _PARAGRAPH_ONLY:      # the paragraph's own text is body text
        role = Role()
    box = rpr(run_props(role._replace(font=role.font or fonts.font,
                                      latin=role.latin or fonts.latin)))
    style.append(box)
    return style


def normal_props(sheet: StyleSheet) -> tuple:
    """Return (pPr, rPr) of Normal and the docDefaults: the body role, exact grid lines,
    no grid snapping, no widow control (22-line discipline), 禁则 on and punctuation allowed
    past the margin stated explicitly (see ``overflow_punct``)."""
    body = effective(sheet, "body")
    p = ppr({"widowControl": el("widowControl", val=0), "kinsoku": el("kinsoku"),
             "overflowPunct": overflow_punct(),
             "adjustRightInd": el("adjustRightInd", val=0),
             "snapToGrid": el("snapToGrid", val=0),
             "spacing": spacing(0, 0, sheet.pitch), "jc": jc(body.align or "justify")})
    props = run_props(Role(font=body.font, latin=body.latin, size=body.size,
                           char_spacing=body.char_spacing, color=body.color))
    props["lang"] = el("lang", val="en-US", eastAsia="zh-CN")
    props["kern"] = el("kern", val=0)
    return p, rpr(props)


def overflow_punct():
    """Return ``<w:overflowPunct/>``: punctuation may extend past the margin (ECMA-376
    17.3.1.21; the value Word and WPS take when it is left out, 允许标点溢出边界).

    Written explicitly for LibreOffice: it reads the element inverted (writerfilter sets
    "hanging punctuation" to ``val == 0``), so an explicit true turns its hanging off and
    it moves a line-end mark to the next line with the character before it, while the
    default (hanging on) makes LibreOffice 7.4 drop a mark that hangs at the end of a
    justified line from the page. Every program prints every mark either way; Word and WPS
    hang it, LibreOffice sets it on the next line (layout.lines models LibreOffice).
    """
    return el("overflowPunct")


def kept_style(element) -> bool:
    """Return whether a child of the template's styles part is kept (``KEPT_STYLES``)."""
    return element.tag == w("style") and element.get(w("styleId")) in KEPT_STYLES


def install_styles(styles_element, sheet: StyleSheet, optional: frozenset = frozenset()) -> None:
    """Replace the template's styles by docDefaults, Normal and the role styles of
    ``sheet``, keeping only the template styles ``kept_style`` accepts. Of the roles in
    names.OPTIONAL_ROLES only those in ``optional`` (the ones the document uses) get a style."""
    for child in list(styles_element):
        if not kept_style(child):
            styles_element.remove(child)
    p, r = normal_props(sheet)
    defaults = el("docDefaults")
    el("rPrDefault", defaults).append(r)
    el("pPrDefault", defaults).append(p)
    styles_element.insert(0, defaults)
    normal = el("style", type="paragraph", default=1, styleId="Normal")
    el("name", normal, val="Normal")
    el("qFormat", normal)
    normal.append(ppr({k: v for k, v in _copy_children(p).items()}))
    normal.append(_copy(r))
    styles_element.insert(1, normal)
    for role_name in STYLES:
        if role_name not in OPTIONAL_ROLES or role_name in optional:
            styles_element.append(role_style(sheet, role_name))


def install_fonts(fonts_element, sheet: StyleSheet) -> None:
    """Replace the template's font table by the fonts the sheet's roles name, in name
    order: East-Asian fonts with the GB2312 character set (86), Latin ones with 00, and a
    font the sheet gives a substitute for with it as w:altName, the name Word and WPS try
    when the font itself is not installed (ECMA-376 §17.8.3.1)."""
    for child in list(fonts_element):
        fonts_element.remove(child)
    east = {role.font for role in sheet.roles.values() if role.font}
    latin = {role.latin for role in sheet.roles.values() if role.latin}
    for name in sorted(east | latin):
        font = el("font", fonts_element, name=name)
        if substitute := sheet.fonts.get(name):
            el("altName", font, val=substitute)
        el("charset", font, val="86" if name in east else "00")


def _copy(element):
    from copy import deepcopy
    return deepcopy(element)


def _copy_children(box) -> dict:
    return {child.tag.split("}")[1]: _copy(child) for child in box}
