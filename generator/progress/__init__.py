"""The plan through the year: the 台账 ledger out and in (openpyxl only in ledger_write and
ledger_read), progress files beside the plan, status, and the 工作总结 built as a Document.

May import: core, source, plan, document, readers
"""
