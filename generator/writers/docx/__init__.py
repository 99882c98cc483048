"""The DOCX writer: a Document and a style sheet → WordprocessingML in the GB/T 9704 layout.

wordml.py is the one module of hand-built WordprocessingML (element builders in schema
order, get-or-add, escaping, splicing); writer.py drives the write; blocks.py, tables.py,
styles.py write blocks, tables and the named styles; package.py the zip; pagination.py and
fit.py place the 版记 and fit the notice with the layout model; redline.py writes a diff as
Word tracked changes. With readers/docx*, the only code that imports python-docx.

May import: core, plan, document, style, layout, diff, writers
"""
