"""Golden tests on normalized DOCX XML, and determinism.

For each example the parts list and the pretty-printed XML of document.xml, styles.xml,
the footers, settings.xml and core.xml (w:rsid* attributes removed) are compared with
tests/golden/NAME.xml. After an intended change run ``pytest --regen-golden`` and review
the diff of tests/golden/ before committing.
"""
import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from generator.document.build import build_document
from generator.plan.load import load_plan
from generator.style.sheet import load_style
from generator.writers.docx.writer import write_docx

ROOT = Path(__file__).resolve().parents[3]
GOLDEN = Path(__file__).resolve().parents[2] / "golden"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
PARTS = re.compile(r"word/(document|styles|settings|footer\d*)\.xml|docProps/core\.xml")
VOLATILE = re.compile(r"\{[^}]*\}rsid\w*$")


def render(path: Path, style: str | None = None) -> bytes:
    plan, _ = load_plan(path)
    return write_docx(build_document(plan), load_style(style))


def _pretty(xml: bytes) -> str:
    root = etree.fromstring(xml, etree.XMLParser(remove_blank_text=True))
    for element in root.iter():
        for name in [n for n in element.attrib if VOLATILE.match(n)]:
            del element.attrib[name]
    return etree.tostring(root, encoding="unicode", pretty_print=True)


def normalize(data: bytes) -> str:
    """Return the normalized text of a DOCX: parts list, then each compared part."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        out = ["# parts", *names]
        for name in sorted(n for n in names if PARTS.fullmatch(n)):
            out += [f"# {name}", _pretty(package.read(name))]
    return "\n".join(out)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_normalized_xml_matches_golden(example, request):
    golden = GOLDEN / f"{example.stem}.xml"
    text = normalize(render(example))
    if request.config.getoption("--regen-golden"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"{golden} is missing: run pytest --regen-golden"
    assert text == golden.read_text(encoding="utf-8")


def test_house_style_golden_differs_only_in_styles_and_grid(request):
    example = ROOT / "examples" / "minzheng-2021.yaml"
    base, house = normalize(render(example)), normalize(render(example, "house-28pt"))
    assert 'w:line="560"' in house and 'w:line="560"' not in base
    # the pitch moves page breaks: one of them may need the empty footer of a blank page
    def parts(text):
        return [line for line in text.split("# word/document.xml")[0].splitlines()
                if not line.startswith("word/footer")]
    assert parts(base) == parts(house)


def test_rendering_twice_gives_identical_bytes():
    example = ROOT / "examples" / "minzheng-2021.yaml"
    first, second = render(example), render(example)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {info.date_time for info in package.infolist()} == {(2000, 1, 1, 0, 0, 0)}


def test_volatile_attributes_are_removed_by_normalize():
    xml = (b'<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           b'w:rsidR="00AB12CD" w:rsidRDefault="00AB12CD"><w:r><w:t>x</w:t></w:r></w:p>')
    assert "rsid" not in _pretty(xml) and "<w:t>x</w:t>" in _pretty(xml)
