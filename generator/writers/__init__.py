"""Writers: Document → output files, at the edge of the pipeline.

text.py prints a Document as plain text through a Jinja template; docx/ writes the
GB/T 9704 DOCX (with readers/docx*, the only code that imports python-docx); pdf.py
converts a DOCX through LibreOffice; atomic.py writes every output atomically and refuses
to overwrite; render.py drives load → build → write for the ``render`` command;
starter.py writes the commented starting plan of ``workplan new``. render.py reports the
default lint rules' findings as warnings (lint.files.plan_warnings).

May import: core, plan, document, style, layout, diff, writers.docx
"""
