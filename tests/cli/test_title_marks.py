"""A line break marked in a title (| or ｜, docs/plan-format.md): validate and lint take it
for what it is, not for a half-width mark or a stray character, and the printed text has
no marker."""
from helpers import invoke

MARKED = """\
title: 青岛西海岸新区|2023年民政工作要点
year: 2023
notice:
  issuer_mark: 示例区民政局文件
  title: 关于印发《青岛西海岸新区｜2023年民政工作要点》的通知
  recipients: 各街道办事处：
  attachments: [青岛西海岸新区2023年民政工作要点]
  signature: 示例区民政局
  date: 2023-01-07
sections:
  - title: 兜牢民生底线
    tasks:
      - title: 提高低保标准。
        body: 同步调整城乡低保标准。
"""


def test_validate_and_lint_accept_break_marks_in_titles(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(MARKED, encoding="utf-8")
    result = invoke("validate", plan)
    assert (result.exit_code, result.stdout) == (0, "")
    result = invoke("lint", plan)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "检查了 1 个文件：0 处问题\n")


def test_text_output_prints_titles_without_marks(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(MARKED, encoding="utf-8")
    result = invoke("render", plan, "-o", tmp_path / "plan.txt")
    assert result.exit_code == 0
    text = (tmp_path / "plan.txt").read_text(encoding="utf-8")
    assert "|" not in text and "｜" not in text
    assert "关于印发《青岛西海岸新区2023年民政工作要点》的通知\n" in text
    assert "\n附件\n\n青岛西海岸新区2023年民政工作要点\n" in text
