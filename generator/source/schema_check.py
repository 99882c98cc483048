"""Schema validation (cerberus) turned into located findings with stable codes.

Used for every YAML input the tool reads (plans, style sheets): the schema is a cerberus
mapping, the data comes with its source map, and each cerberus error becomes one finding
located at the field it names.
"""
from __future__ import annotations

import copy

import cerberus
from cerberus import errors as ce
from cerberus.schema import DefinitionSchema

from generator.core.codes import finding
from generator.core.location import Finding, format_path
from generator.source.sourcemap import SourceMap

_TYPE_NAMES = {
    "string": "文本", "integer": "整数", "float": "小数", "number": "数字",
    "boolean": "是/否（true/false）", "list": "列表", "dict": "映射（键: 值）",
}


def _types(constraint) -> str:
    names = constraint if isinstance(constraint, (list, tuple)) else [constraint]
    return "或".join(_TYPE_NAMES.get(n, n) for n in names)


def _leaf_errors(errs):
    for err in errs:
        if err.is_group_error and err.code not in (ce.NONEOF.code, ce.ONEOF.code, ce.ANYOF.code):
            yield from _leaf_errors(err.child_errors)
        else:
            yield err


def _field_rules(rules: dict, schema_path: tuple) -> dict:
    """Return the rules of the field an error's ``schema_path`` points into ({} if unknown)."""
    node: object = rules
    for step in schema_path[:-1]:
        node = node.get(step, {}) if isinstance(node, dict) else {}
    return node if isinstance(node, dict) else {}


def _message(err, rules: dict) -> tuple[str, str]:
    """Return (code, Chinese message) for one cerberus error."""
    code = err.code
    if code == ce.REGEX_MISMATCH.code:
        hint = _field_rules(rules, tuple(err.schema_path)).get("meta", {}).get("hint", "")
        return "E106", f"取值“{err.value}”无效" + (f"：{hint}" if hint else "")
    if code == ce.REQUIRED_FIELD.code:
        return "E101", "必填项缺失"
    if code == ce.BAD_TYPE.code:
        return "E102", f"类型错误：应为{_types(err.constraint)}"
    if code == ce.UNALLOWED_VALUE.code:
        allowed = "、".join(f"“{a}”" for a in err.constraint)
        return "E103", f"取值“{err.value}”无效：应为 {allowed} 之一"
    if code == ce.EMPTY_NOT_ALLOWED.code:
        return "E104", "不能为空"
    if code == ce.NOT_NULLABLE.code:
        return "E104", "不能为空（null）"
    if code == ce.MIN_VALUE.code:
        return "E105", f"值 {err.value} 过小：不应小于 {err.constraint}"
    if code == ce.MAX_VALUE.code:
        return "E105", f"值 {err.value} 过大：不应大于 {err.constraint}"
    return "E100", f"不符合格式要求（{err.rule}）"


def _unknown(err, smap: SourceMap, rules: dict) -> Finding:
    import difflib  # only for a misspelt key: not worth its import time on every run
    parts = tuple(err.document_path)
    name = str(parts[-1])
    message = f"未知字段“{name}”"
    close = difflib.get_close_matches(name, keys_at(parts[:-1], rules), n=1, cutoff=0.6)
    if close:
        message += f"，是否想写“{close[0]}”？"
    return finding("W101", smap.locate(parts, key=True), message, format_path(parts))


class _CheckedSchema(DefinitionSchema):
    """A definition schema of the project's own, which tests/test_schemas.py checks with
    cerberus for real: not checked again (nor hashed) at every start."""

    def validate(self, schema=None) -> None:
        return None


class _NoTree:
    """Stands for cerberus's error trees, which only the rules our schemas do not use read
    (coerce, dependencies, readonly)."""

    def add(self, error) -> None:
        return None

    def fetch_errors_from(self, path):
        return ce.ErrorList()

    def fetch_node_from(self, path):
        return None


class _UnsortedErrors(ce.ErrorList):
    """An error list that is not sorted at every addition (findings are sorted once, by
    place, when reported)."""

    def sort(self, *args, **kwargs) -> None:
        return None


_NO_TREE = _NoTree()


class _Validator(cerberus.Validator):
    """cerberus's Validator without its cost per error: it sorts its whole error list and
    adds each error to two sorted error trees, so validation took time quadratic in the
    number of findings (4,000 unknown keys: 22 s). Here the list is sorted never and the
    trees are not kept; every finding is still reported."""

    _errors = property(lambda self: self.__dict__["_unsorted"],
                       lambda self, errs: self.__dict__.__setitem__("_unsorted", _UnsortedErrors(errs)))
    document_error_tree = property(lambda self: _NO_TREE, lambda self, tree: None)
    schema_error_tree = property(lambda self: _NO_TREE, lambda self, tree: None)


_VALIDATORS: dict[int, tuple[dict, cerberus.Validator]] = {}


def make_validator(rules: dict, *, trusted: bool = True) -> cerberus.Validator:
    """Return a cerberus validator for one of the project's own schemas (unknown keys refused).

    Cerberus checks a schema definition before use, hashing it whole to remember it: 10–20
    ms at every start for our schemas. They are constants that tests/test_schemas.py checks
    for real (``trusted=False``), so a trusted schema skips the check. Its validator is
    made once per process and reused (each ``validate`` call starts afresh).
    """
    if not trusted:
        return cerberus.Validator(rules, allow_unknown=False)
    known = _VALIDATORS.get(id(rules))
    if known is not None and known[0] is rules:
        return known[1]
    validator = _Validator(allow_unknown=False)
    validator.schema = _CheckedSchema(validator, copy.deepcopy(rules))
    _VALIDATORS[id(rules)] = (rules, validator)     # the schema is kept, so its id stays its own
    return validator


def check_schema(data: object, smap: SourceMap, rules: dict, *, update: bool = False) -> list[Finding]:
    """Return the findings of ``data`` against the cerberus schema ``rules`` (empty when it
    conforms). ``update`` skips required fields (for partial data such as a style sheet that
    extends another). Raises nothing for bad data: everything becomes a finding."""
    if not isinstance(data, dict):
        return [finding("E005", smap.locate(()), "文件顶层应为映射（键: 值），而不是列表或文本")]
    validator = make_validator(rules)
    validator.validate(data, update=update, normalize=False)
    findings = []
    for err in _leaf_errors(validator._errors):
        parts = tuple(err.document_path)
        if err.code == ce.UNKNOWN_FIELD.code:
            findings.append(_unknown(err, smap, rules))
            continue
        code, message = _message(err, rules)
        where = smap.locate(parts[:-1] if err.code == ce.REQUIRED_FIELD.code else parts)
        findings.append(finding(code, where, message, format_path(parts)))
    return findings


def keys_at(parts: tuple, root: dict) -> list[str]:
    """Return the field names the cerberus schema ``root`` allows in the mapping at ``parts``
    ([] if none)."""
    rules: dict = root
    for part in parts:
        if isinstance(part, int):
            continue
        rule = rules.get(part)
        if not rule or "schema" not in rule:
            return []
        inner = rule["schema"]
        kinds = inner.get("type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if ("dict" in kinds or "string" in kinds) and "schema" in inner:
            inner = inner["schema"]     # a list of mappings (or texts), such as units
        rules = inner
    return list(rules)
