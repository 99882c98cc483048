"""Layout: the pagination and line-breaking model, on plain text and style metrics.

metrics.py gives character widths and the space set between Chinese and Latin text;
lines.py breaks a paragraph into lines as the word processor does; pages.py adds lines,
spaces and table rows page by page. No XML here: writers.docx.pagination walks what the
DOCX writer wrote and feeds this model.

May import: core, style
"""
