"""Any document the model can hold becomes a DOCX that python-docx reopens, with its text."""
import io

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.document.model import Block, Document, Kind
from generator.style.sheet import load_style
from generator.writers.docx.writer import write_docx
from generator.writers.docx.wordml import xml_text

SHEET = load_style(None)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=120)
SIMPLE = [Kind.COPY_NUMBER, Kind.ISSUER_MARK, Kind.TITLE, Kind.RECIPIENTS, Kind.PARAGRAPH,
          Kind.SIGNATURE, Kind.DATE, Kind.NOTE, Kind.PLAN_TITLE, Kind.HEADING]


@st.composite
def blocks(draw):
    kind = draw(st.sampled_from(SIMPLE + [Kind.TASK, Kind.ITEM, Kind.TARGETS, Kind.IMPRINT,
                                          Kind.DOC_NUMBER, Kind.ATTACHMENTS]))
    if kind is Kind.TASK:
        return Block(kind, draw(TEXT), label="1.", lead=draw(TEXT), level=draw(st.sampled_from([2, 3])))
    if kind is Kind.TARGETS:
        rows = draw(st.lists(st.tuples(TEXT, TEXT, TEXT), min_size=1, max_size=4))
        return Block(kind, draw(TEXT), rows=tuple(rows))
    if kind is Kind.IMPRINT:
        return Block(kind, parts=(draw(TEXT), draw(TEXT), draw(TEXT)))
    if kind in (Kind.DOC_NUMBER, Kind.ATTACHMENTS):
        return Block(kind, draw(TEXT), parts=tuple(draw(st.lists(TEXT, max_size=3))))
    return Block(kind, draw(TEXT), label="", level=4 if kind is Kind.ITEM else 1)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(blocks(), max_size=12), TEXT, st.booleans())
def test_any_document_renders_and_reopens(items, title, seal):
    data = write_docx(Document(items, title, title, seal), SHEET)
    reopened = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in reopened.paragraphs)
    for block in items:
        if block.kind in (Kind.PARAGRAPH, Kind.RECIPIENTS, Kind.SIGNATURE) and block.text.strip():
            wanted = xml_text(block.text).replace("\r", "")
            assert wanted in text
    assert reopened.core_properties.title == xml_text(title)
