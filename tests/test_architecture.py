"""The layering holds: every module's imports (read with ast) follow the rule its subpackage's
docstring states ("May import: …"); the two models import nothing from the package; only the
DOCX reader and writer import python-docx; nothing imports the command line."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "generator"
MODELS = ("plan/model.py", "document/model.py")
PYTHON_DOCX = re.compile(r"(readers/docx[\w]*|writers/docx/\w+)\.py")
RULE = re.compile(r"^May import: (.+)$", re.M)


def subpackage(parts: tuple[str, ...]) -> str:
    """Return the subpackage a module path (inside generator/) belongs to: ``writers/docx``
    for the DOCX writer, else the first folder ("" for modules at the top)."""
    if parts[:2] == ("writers", "docx") and len(parts) > 2:
        return "writers/docx"
    return parts[0] if len(parts) > 1 else ""


def allowed_imports() -> dict[str, set[str] | None]:
    """Return, per subpackage, the subpackages its docstring allows (None: anything)."""
    rules = {}
    for init in PACKAGE.rglob("__init__.py"):
        name = str(init.parent.relative_to(PACKAGE))
        if name == ".":
            continue
        match = RULE.search(ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or "")
        assert match, f"generator/{name}/__init__.py does not say what it may import"
        text = match[1]
        if text.startswith("anything"):
            rules[name] = None
        elif text.startswith("(nothing"):
            rules[name] = set()
        else:
            rules[name] = {part.strip().rstrip(".").replace(".", "/") for part in text.split(",")}
    return rules


def imports(path: Path) -> list[str]:
    """Return the absolute module names a file imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import; write generator.… in full"
            names += [node.module or ""]
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def target(name: str) -> str | None:
    """Return the subpackage an imported generator module belongs to (None outside it)."""
    parts = name.split(".")
    if parts[0] != "generator" or len(parts) < 2:
        return None
    found = [p for p in parts[1:] if not p[0].isupper()]
    module = PACKAGE.joinpath(*found)
    while found and not (module.is_dir() or module.with_suffix(".py").exists()):
        found, module = found[:-1], module.parent       # "from generator.x import name"
    return subpackage(tuple(found) + ("_",)) if found else ""


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_follow_the_layering(path):
    rules = allowed_imports()
    parts = path.relative_to(PACKAGE).parts
    own = subpackage(parts)
    allowed = rules.get(own, None) if own else {"cli"}
    assert own == "" or own in rules, f"generator/{own} has no __init__ docstring rule"
    wrong = []
    for name in imports(path):
        other = target(name)
        if other is None or other == own:
            continue
        if other == "cli" and own != "":
            wrong.append(f"{name} (nothing imports cli)")
        elif allowed is not None and other not in allowed and other != "":
            wrong.append(f"{name} ({own} may import {sorted(allowed) or 'nothing'})")
    assert wrong == []


@pytest.mark.parametrize("model", MODELS)
def test_the_models_import_nothing_from_the_package(model):
    assert [n for n in imports(PACKAGE / model) if n.startswith("generator")] == []


def test_only_the_docx_reader_and_writer_import_python_docx():
    users = sorted(str(p.relative_to(PACKAGE)) for p in MODULES
                   if any(n == "docx" or n.startswith("docx.") for n in imports(p)))
    assert users and all(PYTHON_DOCX.fullmatch(u) for u in users), users


def test_the_checker_sees_a_forbidden_import(tmp_path):
    """The rule check itself: a readers module importing a writer is reported."""
    rules = allowed_imports()
    assert "writers" not in rules["readers"] and "cli" not in rules["writers"]
    assert target("generator.writers.docx.writer") == "writers/docx"
    assert target("generator.plan.model.Plan") == "plan"
    assert target("generator.core") == "core"
