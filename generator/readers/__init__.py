"""Readers: input files -> Document blocks. Only the DOCX reader imports python-docx."""
