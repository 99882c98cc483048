"""Round trips that lost structure (issue 14, points 15 and 16): a task lead starting with a
digit, a target value in words with a unit, full-width spaces and ｜ inside prose. Each plan
is rendered to text and to DOCX and imported back (the shapes of rt_digit_title.yaml and
rt_text_target.yaml in ../shared/cases/reliability/)."""
import pytest

from generator.core.location import InputError
from generator.plan.load import load_plan, parse_plan
from generator.readers.labels import find_label
from helpers import invoke

DIGIT_LEADS = """\
title: 示例区2024年工作要点
year: 2024
sections:
  - title: 推进信息化建设
    tasks:
      - title: 完善政务服务平台。
        body: 推进一网通办。
      - title: 5G基站建设加快推进。
        body: 新建基站200个。
        owners: [信息化科]
        deadline: 2024-12-31
        targets:
          - {name: 新建5G基站, value: 200, unit: 个, baseline: 150}
      - title: 2024年底前完成数据中心迁移。
        body: 完成主要业务系统上云。
      - title: 100万元专项资金用于平台运维。
      - title: ５Ｇ专网覆盖重点园区。
"""

TEXT_TARGETS = """\
title: 示例区2024年工作要点
year: 2024
sections:
  - title: 兜底保障
    intro: [本部分的指标分为基本｜非基本两栏。]
    tasks:
      - title: 提高低保标准。
        body: 按时足额发放，分　甲类　乙类　两档。
        targets:
          - {name: 城乡低保标准, value: 三十, unit: 元/月}
          - {name: 政务服务事项, value: 全覆盖, unit: "%", baseline: 85}
          - {name: 覆盖乡镇, value: 全部}
"""


def _round_trip(tmp_path, text: str, fmt: str):
    source = tmp_path / "plan.yaml"
    source.write_text(text, encoding="utf-8")
    rendered, back = tmp_path / f"plan.{fmt}", tmp_path / "back.yaml"
    assert invoke("render", source, "-o", rendered).exit_code == 0
    result = invoke("import", rendered, "-o", back)
    assert result.exit_code == 0, result.output
    assert "W401" not in result.output and "W406" not in result.output
    assert invoke("validate", back).exit_code == 0
    return load_plan(source)[0], load_plan(back)[0], rendered


def _tasks(plan) -> list[tuple]:
    return [(t.title, t.body, t.owners, t.deadline.replace("-", ""),
             [(g.name, g.value, g.unit, g.baseline) for g in t.targets])
            for s in plan.sections for t in s.tasks]


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_leads_starting_with_a_digit_come_back_as_tasks(tmp_path, fmt):
    plan, again, rendered = _round_trip(tmp_path, DIGIT_LEADS, fmt)
    assert _tasks(again) == _tasks(plan)
    if fmt == "txt":
        lines = [line.strip("　") for line in rendered.read_text(encoding="utf-8").splitlines()]
        assert "1.完善政务服务平台。推进一网通办。" in lines
        assert "2. 5G基站建设加快推进。新建基站200个。（牵头单位：信息化科；完成时限：2024年12月31日）" in lines
        assert "3. 2024年底前完成数据中心迁移。完成主要业务系统上云。" in lines
        assert "5. ５Ｇ专网覆盖重点园区。" in lines
        assert "1｜2. 5G基站建设加快推进｜新建5G基站｜200个｜150个｜2024年12月31日｜信息化科" in lines


@pytest.mark.parametrize("text, label, rest", [
    ("2. 5G基站建设加快推进。", "2.", "5G基站建设加快推进。"),
    ("2、5G基站建设加快推进。", "2.", "5G基站建设加快推进。"),
    ("3．2024年底前完成。", None, None),          # a decimal point: 3．2024 is a number
    ("2.5G基站建设加快推进。", None, None),
])
def test_a_digit_right_after_the_point_is_a_number(text, label, rest):
    found = find_label(text)
    assert (found.label, found.text) == (label, rest) if label else found is None


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_words_as_target_values_and_prose_marks_come_back(tmp_path, fmt):
    plan, again, rendered = _round_trip(tmp_path, TEXT_TARGETS, fmt)
    assert [(g.name, g.value, g.unit, g.baseline) for g in again.sections[0].tasks[0].targets] == [
        ("城乡低保标准", "三十", "元/月", None), ("政务服务事项", "全覆盖", "%", 85), ("覆盖乡镇", "全部", "", None)]
    assert again.sections[0].tasks[0].body == plan.sections[0].tasks[0].body
    assert again.sections[0].intro == ["本部分的指标分为基本｜非基本两栏。"]
    if fmt == "txt":
        lines = rendered.read_text(encoding="utf-8").splitlines()
        assert "2｜1.提高低保标准｜政务服务事项｜全覆盖｜85%｜｜" in lines


def test_a_number_needs_a_unit_and_words_do_not(tmp_path):
    text = TEXT_TARGETS.replace("unit: 元/月", "unit: ''")
    with pytest.raises(InputError) as error:
        parse_plan(text, "p.yaml")
    assert str(error.value).splitlines() == [
        "p.yaml:10:35: E204 sections[0].tasks[0].targets[0].unit: 指标有数值但缺少单位（unit）"]
