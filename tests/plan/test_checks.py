"""Semantic checks (E2xx, W2xx, W3xx) with exact lines, and a check that fails on data the
schema accepts is reported as the tool's fault (exit 2, naming the check), never swallowed."""
from __future__ import annotations

import textwrap

from click.testing import CliRunner

from generator.cli import main
from generator.plan import checks
from generator.source.schema_check import check_schema
from generator.source.sourcemap import parse_yaml

NOTICE = """\
title: 示例区民政局2024年工作要点
year: 2024
notice:
  issuer_mark: 示例区民政局文件
  doc_number: 示民发〔2023〕3号
  copy_number: "0128"
  signature: 示例区民政局
  date: 2024-02-01
sections:
  - title: 兜牢民生底线
    tasks:
      - title: 做好低保工作
        body: 按时足额发放。
unplaced:
  - 一段没有放好的文字。
"""


def validate(path):
    result = CliRunner().invoke(main, ["validate", str(path)])
    return result.exit_code, result.stdout.splitlines(), result.stderr


def test_copy_number_document_year_lead_sentence_and_unplaced(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(NOTICE, encoding="utf-8")
    code, lines, _ = validate(path)
    assert code == 1
    assert lines == [
        f"{path}:5:15: W202 notice.doc_number: 发文字号年份 2023 与 year: 2024 不一致",
        f'{path}:6:16: E207 notice.copy_number: 份号“0128”应为 6 位数字，如 "000128"',
        f"{path}:12:16: W206 sections[0].tasks[0].title: 标题句“做好低保工作”应以“。”结尾",
        f"{path}:15:3: W302 unplaced: unplaced 中有 1 段未归类的文本，不会出现在输出中；请移到合适位置后删去",
    ]


def test_a_schema_rule_without_its_own_code_is_e100():
    data, smap = parse_yaml("names: [甲]\n", "rules.yaml")
    findings = check_schema(data, smap, {"names": {"type": "list", "minlength": 2}})
    assert [f.format() for f in findings] == ["rules.yaml:1:8: E100 names: 不符合格式要求（minlength）"]


def test_a_failing_check_on_valid_data_is_reported_not_swallowed(tmp_path, monkeypatch):
    def check_broken(data, smap):
        raise KeyError("deadline")
        yield
    monkeypatch.setattr(checks, "CHECKS", (*checks.CHECKS, check_broken))
    path = tmp_path / "plan.yaml"
    path.write_text(textwrap.dedent("""\
        title: 示例区2024年工作要点
        year: 2024
        sections:
          - title: 兜牢民生底线
            tasks:
              - title: 做好低保工作。
        """), encoding="utf-8")
    code, lines, stderr = validate(path)
    assert (code, lines) == (2, [])
    assert stderr == "错误：内部错误：检查 check_broken 失败（KeyError: 'deadline'），请报告此问题\n"


def test_a_failing_check_on_malformed_data_stays_quiet(tmp_path, monkeypatch):
    def check_broken(data, smap):
        raise TypeError("not a list")
        yield
    monkeypatch.setattr(checks, "CHECKS", (check_broken,))
    path = tmp_path / "plan.yaml"
    path.write_text("title: 示例\nyear: 2024\nsections: 3\n", encoding="utf-8")
    code, lines, _ = validate(path)
    assert code == 1 and lines == [f"{path}:3:11: E102 sections: 类型错误：应为列表"]
