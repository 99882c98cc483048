"""A quick proof that a plan's tasks conform: one cerberus validation per task *shape*.

Cerberus costs tens of microseconds a field, over half a second for a 10,000-task plan. The
task rules (schema.TASK, schema.TARGET) only test what a value's shape shows: its type,
whether it is empty, which keys a mapping has (required, unknown) and the same of the items
it holds. Tasks of one shape therefore pass or fail together, so a plan is proved clean by
validating it without its tasks' contents plus one task of each shape. When that finds
anything, the caller validates in full, which reports every finding with its path as ever.
"""
from __future__ import annotations

from generator.plan import schema

# Rules whose outcome depends on a value's shape only (no length, value or pattern rules).
_SHAPE_RULES = {"type", "empty", "required", "nullable", "schema", "meta"}


def _rules_by_shape(rules: dict) -> bool:
    """Return whether one field's rules depend on shapes only (recursively)."""
    if not set(rules) <= _SHAPE_RULES:
        return False
    inner = rules.get("schema")
    if inner is None:
        return True
    types = rules.get("type")
    if types == "dict":                      # a mapping schema: field -> rules
        return all(_rules_by_shape(r) for r in inner.values())
    return _rules_by_shape(inner)            # the rules of each item of a list


def _plan_without_task_contents(plan: dict) -> dict:
    """Return the plan schema with each section's tasks checked only for being a list."""
    section = dict(plan["sections"]["schema"]["schema"])
    section["tasks"] = {k: v for k, v in section["tasks"].items() if k != "schema"}
    sections = {**plan["sections"], "schema": {**plan["sections"]["schema"], "schema": section}}
    return {**plan, "sections": sections}


_USABLE = all(_rules_by_shape(r) for r in schema.TASK.values()) and \
    schema.SECTION["tasks"] == {"type": "list", "schema": {"type": "dict", "schema": schema.TASK}}
_PLAN_OUTLINE = _plan_without_task_contents(schema.PLAN)


_TEXT, _EMPTY_TEXT = (str, False), (str, True)


def shape(value) -> object:
    """Return a hashable summary of what the task rules can test in a value: the exact
    type, for text whether it is empty, for a mapping its keys (in order) with their
    values' shapes, for a list the set of its items' shapes (no task rule counts items)."""
    kind = type(value)
    if kind is str:
        return _TEXT if value else _EMPTY_TEXT      # (str, whether empty), made once
    if kind is dict:
        return (dict, tuple([(key, shape(item)) for key, item in value.items()]))
    if kind is list:
        return (list, frozenset([shape(item) for item in value]))
    return kind


def plan_conforms(data: dict, make_validator) -> bool:
    """Return True when plan data certainly has no schema findings; False when it may have
    some (validate it in full then). ``make_validator(rules)`` returns a cerberus validator."""
    if not _USABLE or not make_validator(_PLAN_OUTLINE).validate(data, normalize=False):
        return False
    examples: dict = {}
    for section in data["sections"]:
        for task in section.get("tasks") or ():
            if type(task) is not dict:
                return False
            examples.setdefault(shape(task), task)
    validator = make_validator(schema.TASK)
    return all(validator.validate(task, normalize=False) for task in examples.values())
