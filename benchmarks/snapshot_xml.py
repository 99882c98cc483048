"""Normalized XML of every example, the stress plan and 50 seeded random plans, each in all
three style sheets, rendered through the ``workplan`` command: the check that a change which
should not alter the output (a restructuring, a speed-up) does not.

Usage: python benchmarks/snapshot_xml.py OUT_DIR   (run before and after, then diff -r the two,
ignoring OUT_DIR/_docx and OUT_DIR/_plans).
"""
import io
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path
import yaml
from lxml import etree
ROOT = Path(__file__).resolve().parents[1]
out = Path(sys.argv[1]); out.mkdir(parents=True, exist_ok=True)
src = (ROOT / "tests/layout/test_random_plans.py").read_text()
ns = {}
exec(compile("\n".join(l for l in src.splitlines() if not l.startswith(("import pymupdf", "import pytest", "from generator", "pytestmark", "@pytest"))).split("def test_")[0], "rp", "exec"), ns)
VOL = re.compile(r"\{[^}]*\}rsid\w*$")
def norm(data):
    z = zipfile.ZipFile(io.BytesIO(data)); o = ["# parts", *z.namelist()]
    for n in sorted(z.namelist()):
        if n.endswith(".xml") or n.endswith(".rels"):
            r = etree.fromstring(z.read(n), etree.XMLParser(remove_blank_text=True))
            for e in r.iter():
                for a in [a for a in e.attrib if VOL.match(a)]: del e.attrib[a]
            o += [f"# {n}", etree.tostring(r, encoding="unicode", pretty_print=True)]
    return "\n".join(o)
plans = [(p.stem, p) for p in sorted((ROOT / "examples").glob("*.yaml"))] + [("stress", ROOT / "tests/data/layout-stress.yaml")]
tmp = out / "_plans"; tmp.mkdir(exist_ok=True)
for seed in range(50):
    p = tmp / f"rand{seed}.yaml"; p.write_text(yaml.safe_dump(ns["random_plan"](random.Random(seed)), allow_unicode=True), encoding="utf-8")
    plans.append((f"rand{seed}", p))
for name, p in plans:
    for style in ("gbt9704", "house-28pt", "party"):
        d = out / "_docx"; d.mkdir(exist_ok=True); f = d / f"{name}-{style}.docx"
        r = subprocess.run(["workplan", "render", str(p), "-o", str(f), "--style", style], capture_output=True, text=True)
        if r.returncode: 
            r = subprocess.run(["workplan", "render", str(p), "-o", str(f), "--style", style], capture_output=True, text=True)
        (out / f"{name}-{style}.xml").write_text(norm(f.read_bytes()) if f.exists() else "RC %d %s" % (r.returncode, r.stderr), encoding="utf-8")
print("done", len(plans) * 3)
