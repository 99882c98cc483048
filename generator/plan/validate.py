"""Validation of a plan file's data against the plan schema (generator.plan.schema)."""
from __future__ import annotations

from generator.core.location import Finding
from generator.plan import schema
from generator.plan.shapes import plan_conforms
from generator.source.schema_check import check_schema, make_validator
from generator.source.sourcemap import SourceMap


def validate_data(data: object, smap: SourceMap) -> list[Finding]:
    """Return the schema findings for plan data (empty when it conforms); every problem is
    a finding, nothing is raised."""
    if isinstance(data, dict) and plan_conforms(data, make_validator):
        return []                       # proved clean task shape by task shape (fast)
    return check_schema(data, smap, schema.PLAN)
