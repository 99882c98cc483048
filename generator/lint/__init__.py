"""Lint: the proofreader for official writing (``workplan lint``), with safe fixes.

Rules are small units in ``rules/`` (one module per group: PUN punctuation, NUM numbers and
dates, STR structure and numbering, ELE document elements, WRD wording), each a function
registered with ``registry.rule``: a stable code, a one-line Chinese summary, a docstring
(检查 / 原因 / 示例 / 修复) and how safe its fix is; registering enters the code in the
catalogue (core.codes). ``runner`` runs rules over spans (printed text with its place in the
input) and applies fixes; ``text_files``, ``plan_files`` (YAML: printed text after the
placeholders are filled, located and fixed through the source map) and ``docx_files`` (fixes
as Word tracked changes) are the inputs; ``config`` reads [tool.workplan.lint]; ``docs``
prints the rules page. See docs/lint-rules.md.

May import: core, source, plan, document, readers, writers, writers.docx
"""
