"""Writers: Document -> output files. Only the DOCX writer imports python-docx."""
