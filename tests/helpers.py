"""Helpers shared by test modules: running the CLI, importing text, reading a redline DOCX."""
import io
import zipfile

from click.testing import CliRunner
from lxml import etree

from generator.cli import main
from generator.extract import extract_plan
from generator.plan import parse_plan
from generator.plan_yaml import dump_plan
from generator.readers.text import read_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def invoke(*args, **kwargs):
    """Run ``workplan ARGS`` through CliRunner; return the result. An exception other than
    the command's exit is raised again, so a traceback fails the test."""
    result = CliRunner().invoke(main, [str(a) for a in args], **kwargs)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def resolved(docx_bytes: bytes, accept: bool) -> list[str]:
    """Return the paragraph texts (body and table cells) after accepting or rejecting all."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx_bytes)).read("word/document.xml"))
    gone, kept = ("del", "ins") if accept else ("ins", "del")
    for p in list(root.iter(W + "p")):
        if p.find(f"{W}pPr/{W}rPr/{W}{gone}") is not None:
            p.getparent().remove(p)
    for tr in list(root.iter(W + "tr")):
        if tr.find(f"{W}trPr/{W}{gone}") is not None:
            tr.getparent().remove(tr)
    for mark in list(root.iter(W + gone)):
        if mark.getparent().tag == W + "p":
            mark.getparent().remove(mark)
    for mark in list(root.iter(W + kept)):
        if mark.getparent().tag == W + "p":
            for child in list(mark):
                mark.addprevious(child)
            mark.getparent().remove(mark)
    return [text for p in root.iter(W + "p")
            if (text := "".join(t.text or "" for t in p.iter(W + "t", W + "delText")))]


def import_text(text: str, name: str):
    """Return (data, plan, warning lines) for a text imported as file ``name``; the YAML
    written from it must load back cleanly."""
    result = read_text(text, name)
    data, findings = extract_plan(result.blocks, result.warnings, lines=result.lines, path=name)
    plan, _ = parse_plan(dump_plan(data, name), "plan.yaml")
    return data, plan, [f.format() for f in findings]
