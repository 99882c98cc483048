"""Helpers shared by test modules: running the CLI, importing text, reading a redline DOCX,
rendering an example and reopening it, loading a style sheet for its errors, a short plan and one that uses the hard parts of the format."""
import io
import os
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from generator.document.build import build_document
from generator.cli import main
from generator.importer.extract import extract_plan
from generator.core.location import InputError
from generator.plan.load import load_plan, parse_plan
from generator.plan.dump import dump_plan
from generator.readers.text import read_text
from generator.style.sheet import load_style
from generator.writers.docx.writer import write_docx

# A notice with five signers, three attachments and targets in Chinese numerals.
HARD_PLAN = """\
title: 示例县文化旅游局2024年工作要点
year: 2024
notice:
  issuer_mark: 示例县文化旅游局示例县财政局文件
  doc_number: 示文旅发〔2024〕7号
  signer: [周一帆, 吴二林, 郑三木, 王四海, 冯五岳]
  recipients: 各乡镇人民政府，县直各有关单位：
  body: 现将《示例县文化旅游局2024年工作要点》印发给你们，请结合实际认真贯彻落实。
  attachments: [示例县文化旅游局2024年工作要点, 示例县2024年公共文化服务重点任务分工方案及时间进度安排表, 重点指标表]
  signature: 示例县文化旅游局
  date: 2024-02-20
sections:
  - title: 提升公共文化服务效能
    tasks:
      - title: 开展文化惠民活动。
        body: 组织送戏下乡和全民阅读活动。
        owners: [公共服务股]
        deadline: 2024-11-30
        targets:
          - {name: 送戏下乡场次, value: 120, unit: 场, baseline: 96, deadline: 2024-11-30}
          - {name: 文化干部培训, value: 七十二, unit: 学时, baseline: 六十}
          - {name: 图书流转点, value: 三十, unit: 个}
"""

# A short plan with a notice, two sections and items.
SMALL = """\
title: 示例区2021年工作要点
year: 2021
notice:
  issuer_mark: 示例区民政局文件
  doc_number: {code: 示民发, year: 2021, seq: 3}
  recipients: 各街道办事处：
  signature: 示例区民政局
  date: 2021-03-05
  imprint: {cc: [区委办公室], printer: 示例区民政局办公室, date: 2021-03-06}
preamble: 总体要求。
sections:
  - title: 甲部分
    tasks:
      - title: 做好第一件事。
        body: 具体内容。
        items: [条目一。, 条目二。]
  - title: 乙部分
    tasks:
      - title: 做好第二件事。
"""

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"
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


def style_errors(path) -> list[str]:
    """Return the lines of the InputError that loading the style sheet at ``path`` raises."""
    try:
        load_style(str(path))
    except InputError as error:
        return str(error).splitlines()
    raise AssertionError(f"{path} loaded without errors")


def tool_missing(message: str) -> None:
    """Skip the test for want of an outside tool (LibreOffice, the Open XML SDK validator),
    or fail it when WORKPLAN_REQUIRE_LAYOUT is set: CI sets it, so these tests run there."""
    if os.environ.get("WORKPLAN_REQUIRE_LAYOUT"):
        pytest.fail(message + " (WORKPLAN_REQUIRE_LAYOUT is set)", pytrace=False)
    pytest.skip(message)


def reopen_example(name: str, style: str | None = None):
    """Return the bundled example ``name`` rendered to DOCX in a style sheet (default
    gbt9704) and reopened with python-docx."""
    return reopen(EXAMPLES_DIR / f"{name}.yaml", style)


def reopen(path: Path, style: str | None = None):
    """Return the plan file at ``path`` rendered to DOCX and reopened with python-docx."""
    plan, _ = load_plan(path)
    return docx.Document(io.BytesIO(write_docx(build_document(plan), load_style(style))))
