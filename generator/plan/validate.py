"""Validation of a plan file's data against the plan schema (generator.plan.schema)."""
from __future__ import annotations

from generator.core.codes import finding
from generator.core.location import Finding
from generator.plan import schema
from generator.plan.checks import parse_field_path
from generator.plan.shapes import plan_conforms
from generator.source.schema_check import check_schema, keys_at, make_validator
from generator.source.sourcemap import SourceMap


def validate_data(data: object, smap: SourceMap) -> list[Finding]:
    """Return the schema findings for plan data (empty when it conforms); every problem is
    a finding, nothing is raised."""
    if isinstance(data, dict) and plan_conforms(data, make_validator):
        return []                       # proved clean task shape by task shape (fast)
    return [_misspelt(f) if f.code == "W101" else f for f in check_schema(data, smap, schema.PLAN)]


# A plan key this close to a known one (difflib's ratio) is taken for a misspelling of it:
# an error (E120), since what it holds would silently not print (notcie: 0.83, recipents:
# 0.95; tags for targets, 0.73, stays a warning W101 with its "did you mean" hint). A style
# sheet reports every unknown key as an error already (E107).
MISSPELT_CUTOFF = 0.75


def _misspelt(unknown: Finding) -> Finding:
    """Return E120 in place of the unknown-key warning W101 when the key is a near miss of
    a key the schema allows there, else the warning itself."""
    import difflib  # only for an unknown key: not worth its import time on every run
    parts = parse_field_path(unknown.field)
    if not parts or not isinstance(parts[-1], str):
        return unknown                  # a key such as "" or "[0]": no known key is near it
    name = parts[-1]
    close = difflib.get_close_matches(name, keys_at(parts[:-1], schema.PLAN), n=1,
                                      cutoff=MISSPELT_CUTOFF)
    if not close:
        return unknown
    return finding("E120", unknown.location, f"未知字段“{name}”，疑为“{close[0]}”的笔误："
                                             f"请改为“{close[0]}”，否则其内容不会输出", unknown.field)
