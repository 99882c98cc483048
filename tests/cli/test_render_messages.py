"""What render says: the files it wrote, warnings on stderr, the format a batch chose, a
one-line summary; and a plan with open review items refused as DOCX/PDF (E301) unless
--allow-review."""
import pytest

from helpers import SMALL, invoke

REVIEWED = SMALL + """\
review:
  - "notice.doc_number.seq: 发文字号序号沿用上年的 3，请改为本年序号"
  - "notice.date: 日期由 2020-03-05 顺延为 2021-03-05，请核对"
"""


@pytest.fixture
def reviewed(tmp_path):
    path = tmp_path / "2021.yaml"
    path.write_text(REVIEWED, encoding="utf-8")
    return path


def _open_items(path) -> list[str]:
    return [f"{path}:5:44: W301 notice.doc_number.seq: 待复核：发文字号序号沿用上年的 3，请改为本年序号"
            "（复核后从 review 中删去此项）",
            f"{path}:8:9: W301 notice.date: 待复核：日期由 2020-03-05 顺延为 2021-03-05，请核对"
            "（复核后从 review 中删去此项）"]


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_open_review_items_refuse_docx_and_pdf(reviewed, tmp_path, suffix):
    out = tmp_path / f"out{suffix}"
    result = invoke("render", reviewed, "-o", out)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        f"{reviewed}: E301 计划有 2 项待复核（review），不能输出 DOCX/PDF：逐项核对，改好后从 review 中删去；"
        "确需先出一份草稿时加 --allow-review", *_open_items(reviewed)]
    assert not out.exists()


NOTE = "（见上面的 W301），此输出仅供核对；核对后从 review 中删去各项"


def test_allow_review_writes_a_draft_and_says_so(reviewed, tmp_path):
    out = tmp_path / "out.docx"
    result = invoke("render", reviewed, "-o", out, "--allow-review")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.splitlines() == [*_open_items(reviewed),
                                          f"注意：{reviewed} 还有 2 项待复核{NOTE}", f"已写出 {out}"]
    assert out.read_bytes()[:2] == b"PK"


def test_text_with_open_review_items_is_printed_with_a_note(reviewed):
    result = invoke("render", reviewed)
    assert result.exit_code == 0
    assert result.stdout.startswith("示例区民政局文件\n")
    assert result.stderr.splitlines() == [*_open_items(reviewed),
                                          f"注意：{reviewed} 还有 2 项待复核{NOTE}"]


def test_render_says_what_it_wrote(tmp_path):
    plan = tmp_path / "2021.yaml"
    plan.write_text(SMALL, encoding="utf-8")
    out = tmp_path / "out.docx"
    result = invoke("render", plan, "-o", out)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"已写出 {out}\n")


def test_warnings_go_to_stderr_beside_a_written_file(tmp_path):
    plan = tmp_path / "2021.yaml"
    plan.write_text(SMALL.replace("preamble:", "memo: 备忘\npreamble:"), encoding="utf-8")
    out = tmp_path / "out.txt"
    result = invoke("render", plan, "-o", out)
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.splitlines() == [f"{plan}:10:1: W101 memo: 未知字段“memo”", f"已写出 {out}"]


def test_a_batch_names_its_format_and_sums_up_failures(tmp_path):
    good, bad = tmp_path / "a.yaml", tmp_path / "b.yaml"
    good.write_text(SMALL, encoding="utf-8")
    bad.write_text(SMALL.replace("year: 2021\n", ""), encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("render", good, bad, "-o", out)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        f"未指定 -f：按默认格式 txt 输出到 {out}（可用 -f docx 或 -f pdf）",
        f"{bad}:1:1: E101 year: 必填项缺失",
        f"渲染完成：2 个计划，写出 1 个文件到 {out}，1 个计划有错误未输出"]
    assert [p.name for p in out.iterdir()] == ["a.txt"]


def test_a_batch_with_a_format_does_not_name_it(tmp_path):
    plan = tmp_path / "a.yaml"
    plan.write_text(SMALL, encoding="utf-8")
    result = invoke("render", plan, "-o", f"{tmp_path}/out/", "-f", "docx")
    assert result.stderr.splitlines() == [f"渲染完成：1 个计划，写出 1 个文件到 {tmp_path}/out/"]
