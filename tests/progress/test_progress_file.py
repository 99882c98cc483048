"""A progress file is checked like a plan: every problem one line path:line:col: CODE
field: message."""
from __future__ import annotations

from ledger_helpers import invoke, plan_copy


def test_progress_file_mistakes_are_located(tmp_path):
    plan = plan_copy(tmp_path)
    bad = tmp_path / "2021.progress-2021-H1.yaml"
    bad.write_text("""\
plan: 2021.yaml
period: 2021-Q1
tasks:
  - key: S1T1-00000000
    status: 完成
    targets:
      - {key: S1T1G1-00000000-00000000, name: 城乡低保标准, actual: 八百}
  - {task: 开展困难群众走访。, colour: 红}
""", encoding="utf-8")
    result = invoke("status", plan, "--period", "2021-H1")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{bad}:2:9: E508 period: 期间 2021-Q1 与文件名中的 2021-H1 不一致",
        f"{bad}:4:5: E101 tasks[0].task: 必填项缺失",
        f"{bad}:5:13: E103 tasks[0].status: 取值“完成”无效：应为 “已完成”、“推进中”、“未启动”、“滞后” 之一",
        f"{bad}:7:63: E102 tasks[0].targets[0].actual: 类型错误：应为整数或小数",
        f"{bad}:8:5: E101 tasks[1].key: 必填项缺失",
        f"{bad}:8:23: W101 tasks[1].colour: 未知字段“colour”",
    ]
