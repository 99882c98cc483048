"""Source: YAML read with a source map, schema-checked, and edited as text.

sourcemap.py loads YAML safely and remembers where every value stands (line, column) so
that each finding names ``path:line:col``; schema_check.py turns cerberus errors into
located findings; text_edit.py changes values in the YAML text itself (rollover, lint
fixes), so comments, key order and wording survive.

May import: core
"""
