"""The project's cerberus schemas are valid cerberus schemas, checked for real.

At run time source.schema_check.make_validator registers them as already checked (saving cerberus'
per-process schema check); this test is what makes that safe.
"""
import cerberus
import pytest

from generator.plan import schema
from generator.source.schema_check import make_validator


def _schemas():
    from generator.plan.shapes import _PLAN_OUTLINE
    from generator.progress.schema import PROGRESS
    found = [("plan", schema.PLAN), ("task", schema.TASK), ("plan-outline", _PLAN_OUTLINE),
             ("progress", PROGRESS)]
    try:
        from generator.style import schema as style_schema
        found += [(f"style.{name}", value) for name, value in vars(style_schema).items()
                  if name.isupper() and isinstance(value, dict) and value
                  and all(isinstance(v, dict) for v in value.values())]
    except ImportError:
        pass
    return found


@pytest.mark.parametrize("name, rules", _schemas(), ids=[n for n, _ in _schemas()])
def test_schema_is_valid_for_cerberus(name, rules, monkeypatch):
    monkeypatch.setattr(cerberus.Validator, "_valid_schemas", set())
    make_validator(rules, trusted=False)  # raises cerberus.SchemaError when invalid


def test_an_invalid_schema_is_caught(monkeypatch):
    monkeypatch.setattr(cerberus.Validator, "_valid_schemas", set())
    with pytest.raises(cerberus.SchemaError):
        make_validator({"title": {"type": "strnig"}}, trusted=False)
