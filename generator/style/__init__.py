"""Style: style sheets as data (styles/*.yaml) and the Word style names of each role.

sheet.py loads a sheet (extends, validation) into typed records; schema.py is its schema;
checks.py the geometry checks (E109–E116); names.py the Word style id and name per role,
shared by the DOCX writer and reader.

May import: core, source
"""
