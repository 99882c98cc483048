"""Fixtures for the layout tests: each example, and tests/data/layout-stress.yaml (a joint
notice with three signers, long names and a targets table over three pages), rendered to
PDF once per session.

Without LibreOffice the layout tests skip, unless WORKPLAN_REQUIRE_LAYOUT is set (CI sets it
in .ci/run): then they fail, so a CI machine without LibreOffice cannot pass unnoticed.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pymupdf
import pytest
from helpers import tool_missing
from measure import Line, read_lines

from generator.document.build import build_document
from generator.document.model import Document
from generator.plan.load import load_plan
from generator.writers.render import render_file
from generator.document.templating import make_environment

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml")) + [
    Path(__file__).resolve().parents[1] / "data" / "layout-stress.yaml"]


@dataclass
class Rendered:
    """One example as printed: the PDF, its lines page by page, and the Document model."""

    name: str
    pdf: pymupdf.Document
    pages: list[list[Line]]     # lines of each portrait page; none of a landscape page (the
    document: Document          # 分解表, measured by tests/layout/test_breakdown_pages.py)


def require_soffice() -> None:
    """Skip (or fail, when WORKPLAN_REQUIRE_LAYOUT is set) if LibreOffice is missing."""
    if shutil.which("soffice") or shutil.which("libreoffice"):
        return
    tool_missing("LibreOffice (soffice) is not installed: layout tests cannot run")


@pytest.fixture
def soffice() -> None:
    """Require LibreOffice (see require_soffice)."""
    require_soffice()


@pytest.fixture(scope="session")
def render_example(tmp_path_factory):
    """Return a function name -> Rendered that converts each example at most once."""
    cache: dict[str, Rendered] = {}
    folder = tmp_path_factory.mktemp("layout")

    def render(name: str) -> Rendered:
        if name not in cache:
            require_soffice()
            source = next(p for p in EXAMPLES if p.stem == name)
            target = folder / f"{name}.pdf"
            render_file(source, target)
            pdf = pymupdf.open(target)
            plan, _ = load_plan(source)
            pages = [read_lines(page) if page.rect.width <= page.rect.height else []
                     for page in pdf]
            cache[name] = Rendered(name, pdf, pages,
                                   build_document(plan, make_environment(None)))
        return cache[name]

    return render


@pytest.fixture(params=[p.stem for p in EXAMPLES])
def rendered(request, render_example) -> Rendered:
    """Each example and the stress plan, rendered and measured."""
    return render_example(request.param)
