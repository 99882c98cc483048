"""Word style names and ids of the DOCX writer, one per style-sheet role.

Kept apart from python-docx so that readers (import of our own DOCX output) and tests can
use the names without importing the writer. Ids are ASCII; names are what a user sees in
Word's style gallery.
"""
from __future__ import annotations

# Roles whose paragraphs in a row ignore their space before and after (Word's "don't add
# space between paragraphs of the same style"): the 附件 lines follow each other.
CONTEXTUAL = frozenset({"attachments"})

# role -> (style id, style name, type); type "p" paragraph, "c" character.
STYLES: dict[str, tuple[str, str, str]] = {
    "body": ("WpBody", "公文正文", "p"),
    "copy_number": ("WpCopyNumber", "份号", "p"),
    "secrecy": ("WpSecrecy", "密级和保密期限", "p"),
    "urgency": ("WpUrgency", "紧急程度", "p"),
    "issuer_mark": ("WpIssuerMark", "发文机关标志", "p"),
    "doc_number": ("WpDocNumber", "发文字号", "p"),
    "signer": ("WpSigner", "签发人姓名", "c"),
    "title": ("WpTitle", "公文标题", "p"),
    "recipients": ("WpRecipients", "主送机关", "p"),
    "attachments": ("WpAttachments", "附件说明", "p"),
    "signature": ("WpSignature", "发文机关署名", "p"),
    "date": ("WpDate", "成文日期", "p"),
    "note": ("WpNote", "附注", "p"),
    "plan_title": ("WpPlanTitle", "要点标题", "p"),
    "heading1": ("WpHeading1", "一级标题", "p"),
    "heading2": ("WpHeading2", "二级标题", "p"),
    "heading3": ("WpHeading3", "三级标题", "p"),
    "heading4": ("WpHeading4", "四级标题", "p"),
    "lead": ("WpLead", "标题句", "c"),
    "lead2": ("WpLead2", "二级标题句", "c"),
    "lead3": ("WpLead3", "三级标题句", "c"),
    "table_caption": ("WpTableCaption", "表格标题", "p"),
    "table": ("WpTable", "表格文字", "p"),
    "table_header": ("WpTableHeader", "表格表头", "p"),
    "imprint": ("WpImprint", "版记", "p"),
    "page_number": ("WpPageNumber", "页码", "p"),
    "page_odd": ("WpPageOdd", "奇数页页码", "p"),
    "page_even": ("WpPageEven", "偶数页页码", "p"),
    "attachment_label": ("WpAttachmentLabel", "附件标识", "p"),
    "attachment_title": ("WpAttachmentTitle", "附件标题", "p"),
    "body_continued": ("WpBodyContinued", "公文正文（接上段）", "p"),
}


# Styles whose data comes from another role's (no entry of their own in a style sheet).
DERIVED = {"lead2": "heading2", "lead3": "heading3", "page_odd": "page_number", "page_even": "page_number",
           "body_continued": "body"}
# The roles a style sheet sets, each once (styles/*.yaml ``roles:``).
ROLES = tuple(role for role in STYLES if role not in DERIVED)
# Roles whose styles are written only into documents that use them (attachments, and the
# line of a notice paragraph set apart).
OPTIONAL_ROLES = frozenset({"attachment_label", "attachment_title", "body_continued"})
# The last lines of a notice paragraph set apart to go with the 署名 (writers.docx.fit):
# body text without the first-line indent, read back as part of the paragraph above.
CONTINUED = "body_continued"


def style_id(role: str) -> str:
    """Return the Word style id of a role."""
    return STYLES[role][0]
