"""workplan breakdown on the command line: the summary on screen, one unit, per-unit files,
and bad input (no tasks, unknown unit, output over the input, wrong suffix)."""
from pathlib import Path

import docx

from helpers import invoke

ROOT = Path(__file__).resolve().parents[2]
MINZHENG = ROOT / "examples" / "minzheng-2021.yaml"


def test_summary_per_unit_on_screen():
    result = invoke("breakdown", MINZHENG)
    assert result.exit_code == 0
    assert result.output == (
        "示例区2021年民政工作要点重点任务分解表：重点任务 10 项，责任单位 7 个\n"
        "\n"
        "单位            牵头  配合  最近完成时限\n"
        "机关党委           2     0  2021年12月31日\n"
        "办公室             0     2  2021年12月31日\n"
        "社会救助科         2     0  2021年7月1日\n"
        "财务科             0     1  —\n"
        "社会事务科         3     0  —\n"
        "基层政权建设科     2     0  —\n"
        "养老服务科         1     0  2021年11月30日\n")


def test_one_unit_by_its_short_name_and_tasks_without_owners(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINZHENG.read_text(encoding="utf-8").replace(
        "        owners: [社会事务科, 办公室]\n", ""), encoding="utf-8")
    result = invoke("breakdown", plan, "--unit", "救助科")
    assert result.output.splitlines() == [       # the warning (stderr) first
        f"{plan}:118:16: W253 sections[3].tasks[2]: 任务没有写责任单位（owners，或 lead/support）",
        "示例区2021年民政工作要点重点任务分解表：重点任务 2 项，责任单位 1 个",
        "",
        "单位        牵头  配合  最近完成时限",
        "社会救助科     2     0  2021年7月1日"]
    lines = invoke("breakdown", plan).output.splitlines()
    assert lines[-2:] == ["", "未写责任单位的任务：1 项"]


def test_unknown_unit_is_refused_with_a_suggestion():
    result = invoke("breakdown", MINZHENG, "--unit", "社会救济科")
    assert result.exit_code == 2
    assert result.output == ("错误：--unit：计划中没有单位“社会救济科”，是否想写“社会救助科”？（有：机关党委、"
                             "办公室、社会救助科、财务科、社会事务科、基层政权建设科、养老服务科）\n")


def test_a_plan_without_tasks_gives_a_located_message_and_exit_1(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text("title: 示例区2021年工作要点\nyear: 2021\nsections:\n  - title: 总体安排\n"
                    "    intro: 全年工作按计划推进。\n", encoding="utf-8")
    for args in (["breakdown", plan], ["render", plan, "--breakdown"]):
        result = invoke(*args)
        assert (result.exit_code, result.output) == (
            1, f"{plan}: E254 计划中没有任务（sections 下没有 tasks），无法生成重点任务分解表\n")


def test_unknown_units_in_the_plan_stop_the_breakdown(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINZHENG.read_text(encoding="utf-8").replace(
        "owners: [社会事务科, 办公室]", "owners: [社会事务科, 办公司]"), encoding="utf-8")
    result = invoke("breakdown", plan, "-o", tmp_path / "out.xlsx")
    assert result.exit_code == 1 and not (tmp_path / "out.xlsx").exists()
    assert result.output == (f"{plan}:120:25: E251 sections[3].tasks[2].owners[1]: “办公司”不是 units 中声明的"
                             "单位，是否想写“办公室”？\n")


def test_outputs_never_over_the_input_and_suffix_must_agree(tmp_path):
    plan = tmp_path / "plan.csv"
    plan.write_text(MINZHENG.read_text(encoding="utf-8"), encoding="utf-8")
    before = plan.read_bytes()
    result = invoke("breakdown", plan, "-o", plan)
    assert (result.exit_code, result.output) == (2, f"错误：{plan}: 输出文件不能与输入文件相同\n")
    assert plan.read_bytes() == before
    result = invoke("breakdown", MINZHENG, "-o", tmp_path / "out.xlsx", "-f", "csv")
    assert (result.exit_code, result.output) == (2, f"错误：{tmp_path / 'out.xlsx'}: 输出文件的后缀与 -f csv 不一致\n")
    result = invoke("breakdown", MINZHENG, "-o", tmp_path / "out.pdf")
    assert result.exit_code == 2 and "不支持的输出格式“.pdf”" in result.output


def test_per_unit_docx_and_text_lists(tmp_path):
    result = invoke("breakdown", MINZHENG, "--by-unit", "-o", tmp_path / "units")
    assert result.exit_code == 0 and len(list((tmp_path / "units").iterdir())) == 7
    assert result.output.splitlines()[0] == f"已写出 {tmp_path / 'units' / '机关党委.docx'}"
    assert len(result.output.splitlines()) == 7          # each file written, on stderr
    document = docx.Document(tmp_path / "units" / "社会救助科.docx")
    assert document.paragraphs[0].text == "示例区2021年民政工作要点重点任务分解表（社会救助科）"
    assert len(document.sections) == 1 and document.sections[0].page_width > document.sections[0].page_height
    rows = [[c.text for c in row.cells][:3] for row in document.tables[0].rows]
    assert rows == [["分工", "序号", "重点任务"], ["牵头", "3", "3.提高城乡低保标准"],
                    ["牵头", "4", "4.加强临时救助"]]          # by deadline: none last
    target = tmp_path / "jz.txt"
    assert invoke("breakdown", MINZHENG, "--unit", "社会救助科", "-o", target).exit_code == 0
    assert target.read_text(encoding="utf-8").splitlines()[2:] == [
        "分工｜序号｜重点任务｜具体措施或目标｜牵头单位｜责任单位｜完成时限｜责任领导",
        "牵头｜3｜3.提高城乡低保标准｜城乡低保标准：820元/月｜社会救助科｜｜2021年7月1日｜陈立新",
        "牵头｜4｜4.加强临时救助｜临时救助办结时限：3个工作日｜社会救助科｜财务科｜｜陈立新"]
