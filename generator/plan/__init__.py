"""Plan: the model users edit (model.py) and everything that reads it from a file.

model.py holds the Plan dataclasses and imports nothing from the package; load.py reads
a plan file (source map, schema, checks) into a Plan; schema.py is the cerberus schema,
validate.py and shapes.py validate it fast, checks.py and placeholders.py are the
semantic checks (E2xx, W2xx), dump.py writes plan data back as YAML.

May import: core, source
"""
