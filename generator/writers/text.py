"""Plain-text writer: the Document through the Jinja template ``text/document.txt.j2``."""
from __future__ import annotations

import re

from generator.document.model import Document
from generator.document.templating import make_environment, render_template

_BLANKS = re.compile(r"\n{3,}")


def render_text(doc: Document, env=None) -> str:
    """Return the document as plain text (UTF-8 ready, one blank line between parts).

    Raises ToolError when the template is missing or fails.
    """
    env = env or make_environment()
    text = render_template(env, "text/document.txt.j2", doc=doc)
    return _BLANKS.sub("\n\n", text).strip() + "\n"
