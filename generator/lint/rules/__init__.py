"""The lint rules, one module per group: importing this package registers them all.

May import: core, source, plan, document, readers, writers, writers.docx
"""
from generator.lint.rules import punctuation, spacing, numbers, structure, elements, wording  # noqa: F401
