"""openpyxl is imported only where a workbook is written or read: not by validate, status,
or the progress model (start-up stays small); only two modules name it."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from ledger_helpers import PLAN

PACKAGE = Path(__file__).resolve().parents[2] / "generator"


def test_only_the_workbook_readers_and_writers_import_openpyxl():
    users = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n == "openpyxl" or n.startswith("openpyxl.") for n in names):
                users.add(str(path.relative_to(PACKAGE)))
    assert users == {"progress/ledger_write.py", "progress/ledger_read.py",
                     "writers/xlsx.py"}                  # the 分解表 workbook


def test_validate_and_status_do_not_import_openpyxl(tmp_path):
    progress = tmp_path / "2021.progress-2021-H1.yaml"
    progress.write_text("plan: 2021.yaml\nperiod: 2021-H1\ntasks: []\n", encoding="utf-8")
    code = ("import sys; from generator.cli import main\n"
            "for args in (['validate', %r], ['status', %r, '--progress', %r]):\n"
            "    try: main(args)\n"
            "    except SystemExit: pass\n"
            "print('openpyxl' in sys.modules)") % (str(PLAN), str(PLAN), str(progress))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"
