"""What build prints, the importer reads back: the wording module's two directions agree."""
from hypothesis import given, strategies as st

from generator.document.wording import attachment_lines, attachment_names, duty_remark
from generator.importer.parts import parse_table, split_duty

NAME = st.text(st.sampled_from("示例区民政局办公室科股中心《》"), min_size=1, max_size=12)


@given(st.lists(NAME, max_size=4), st.sampled_from(["", "2021-06-30", "2021-12-31"]))
def test_a_duty_remark_reads_back_as_owners_and_deadline(owners, deadline):
    printed = f"{deadline[:4]}年{int(deadline[5:7])}月{int(deadline[8:])}日" if deadline else ""
    body, read_owners, read_deadline = split_duty("按时足额发放。" + duty_remark(owners, printed))
    assert (body, read_owners, read_deadline) == ("按时足额发放。", owners, deadline)


def test_the_remark_as_printed():
    assert duty_remark(["社会救助科", "财务科"], "2021年6月30日") == "（牵头单位：社会救助科、财务科；完成时限：2021年6月30日）"
    assert duty_remark([], "") == ""


@given(st.lists(NAME, min_size=1, max_size=5))
def test_attachment_lines_read_back_as_the_names(names):
    assert attachment_names(attachment_lines(names)) == names


def test_the_targets_header_reads_back_as_fields():
    from generator.document.wording import TARGET_HEADER
    row = ("1", "1.做好低保工作", "低保标准", "820元", "800元", "2021年12月31日", "社会救助科")
    assert parse_table((TARGET_HEADER, row)) == [{"task": "1.做好低保工作", "name": "低保标准", "value": "820元",
                                                  "baseline": "800元", "deadline": "2021年12月31日",
                                                  "owners": "社会救助科"}]
