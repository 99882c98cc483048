"""Importer: Document blocks read from last year's file → plan data (the inverse of build).

extract.py places blocks into sections, tasks and targets; notice.py reads the red-header
notice; parts.py splits owners, deadlines, items and target figures out of the text.

May import: core, document, readers
"""
