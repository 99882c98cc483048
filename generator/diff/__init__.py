"""Diff: what changed between two plans. match.py pairs tasks by similarity (added,
dropped, moved, reworded) and compares targets; report.py prints it as text or JSON. The
tracked-changes DOCX of a diff is a writer (writers.docx.redline).

May import: core, plan, document
"""
