"""Title line breaking (GB/T 9704 7.3.1): balanced lines, split between words, numbers and
the 文种 (通知) never split off."""
import pytest

from generator.layout.metrics import text_width
from generator.layout.titles import fixed_lines, title_lines
from generator.plan.titles import split_title


@pytest.mark.parametrize("title, lines", [
    ("关于印发《示例县教育局关于全面推进县域义务教育优质均衡发展和城乡教育一体化改革的2024年工作要点》的通知",
     ["关于印发《示例县教育局关于全面推进", "县域义务教育优质均衡发展和城乡教育",
      "一体化改革的2024年工作要点》的通知"]),
    ("示例县教育局关于全面推进县域义务教育优质均衡发展和城乡教育一体化改革的2024年工作要点",
     ["示例县教育局关于全面推进县域义务教育", "优质均衡发展和城乡教育一体化", "改革的2024年工作要点"]),
])
def test_long_titles_are_balanced_and_split_between_words(title, lines):
    assert title_lines(title, 20.1) == lines


@pytest.mark.parametrize("title", [
    "关于印发《示例区民政局2021年工作要点》的通知",
    "关于印发《示例区卫生健康委员会2023年卫生健康工作要点》的通知",
    "关于转发《示例市人民政府办公室关于做好2022年基层社会治理工作的意见》的通知",
    "示例区人力资源和社会保障局2024年工作要点》的通知",
])
def test_no_title_line_is_a_bare_notice_or_a_split_number(title):
    for width in (10.1, 12.1, 15.1, 20.1):
        lines = title_lines(title, width)
        assert "".join(lines) == title
        assert all(text_width(line) <= width for line in lines)
        assert all(text_width(line) >= 4 for line in lines), lines
        assert not any(a[-1].isdigit() and (b[0].isdigit() or b[0] in "年月日")
                       for a, b in zip(lines, lines[1:])), lines


def test_a_title_is_measured_with_the_space_set_between_chinese_and_digits():
    """20 characters by count, 20.4 as set (0.2 at each side of 2024): LibreOffice and Word
    wrap it, so it is broken into balanced lines, not left with 知 alone on the second."""
    title = "关于印发《实健管示2024年工作要点》的通知"
    assert title_lines(title, 20.1) == [title]
    assert title_lines(title, 20.1, gap=0.2) == ["关于印发《实健管示2024年", "工作要点》的通知"]


@pytest.mark.parametrize("title, lines", [
    # a place name stays whole: not 《青岛西 / 海岸新区…
    ("关于印发《青岛西海岸新区2020年度民政工作要点》的通知",
     ["关于印发《青岛西海岸新区", "2020年度民政工作要点》的通知"]),
    # one line more rather than a word split: 3 lines, every break between words
    ("青岛西海岸新区民政局关于印发《青岛西海岸新区2020年度民政工作要点》的通知",
     ["青岛西海岸新区民政局关于印发", "《青岛西海岸新区2020年度", "民政工作要点》的通知"]),
    ("示例市示例区人民政府办公室关于印发《示例区2024年区域协调发展工作要点》的通知",
     ["示例市示例区人民政府办公室", "关于印发《示例区2024年", "区域协调发展工作要点》的通知"]),
    ("关于印发《示例自治区人民政府办公厅2023年全区民政系统社会救助和养老服务体系建设专项工作要点》的通知",
     ["关于印发《示例自治区人民政府办公厅2023年", "全区民政系统社会救助和养老服务",
      "体系建设专项工作要点》的通知"]),
])
def test_automatic_breaks_keep_place_names_and_words_whole(title, lines):
    assert title_lines(title, 20.1) == lines


def test_a_year_and_its_du_stay_together():
    lines = title_lines("关于印发《示例市示例区2020年度民政工作要点》的通知", 12.1)
    assert not any(a.endswith("年") and b.startswith("度") for a, b in zip(lines, lines[1:])), lines


def test_marked_breaks_are_kept_and_a_long_part_is_broken_further():
    parts = ("示例区民政局关于印发《青岛西海岸新区2023年", "民政工作要点》的通知")
    assert fixed_lines(parts, 20.1) == ["示例区民政局关于印发", "《青岛西海岸新区2023年",
                                        "民政工作要点》的通知"]
    assert fixed_lines(("关于印发《青岛西", "海岸新区工作要点》的通知"), 20.1) == [
        "关于印发《青岛西", "海岸新区工作要点》的通知"]          # as marked, even where unwise


@pytest.mark.parametrize("text, split", [
    ("示例区|2021年民政工作要点", ("示例区2021年民政工作要点", ("示例区", "2021年民政工作要点"))),
    ("关于印发《青岛西海岸新区｜2023年工作要点》的通知",
     ("关于印发《青岛西海岸新区2023年工作要点》的通知", ("关于印发《青岛西海岸新区", "2023年工作要点》的通知"))),
    ("示例区 | 工作要点", ("示例区工作要点", ("示例区", "工作要点"))),
    ("|示例区工作要点|", ("示例区工作要点", ())),          # nothing to break: no lines
    ("示例区工作要点", ("示例区工作要点", ())),
])
def test_break_marks_are_read_out_of_a_title(text, split):
    assert split_title(text) == split
