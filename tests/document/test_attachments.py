"""The 附件 label of an attachment (GB/T 9704 7.3.7)."""
import pytest

from generator.document.attachments import attachment_label, label_for


def test_one_attachment_is_labelled_without_a_number():
    assert attachment_label(1, 1) == "附件"


def test_several_attachments_are_numbered_in_order():
    assert [attachment_label(n, 3) for n in (1, 2, 3)] == ["附件1", "附件2", "附件3"]


def test_a_number_outside_the_list_is_refused():
    with pytest.raises(ValueError):
        attachment_label(3, 2)


def test_the_label_follows_the_position_in_the_attachment_list():
    listed = ["示例区2021年民政工作要点", "《示例区2021年重点任务分解表》"]
    assert label_for("示例区2021年重点任务分解表", listed) == "附件2"
    assert label_for("示例区2021年 民政工作要点", listed) == "附件1"
    assert label_for("示例区2021年民政工作要点", listed[:1]) == "附件"


def test_an_attachment_not_listed_has_no_label():
    assert label_for("示例区2021年民政工作要点", ["另一份文件"]) == ""
