"""Title line breaking (GB/T 9704 7.3.1): balanced lines, split between words, numbers and
the 文种 (通知) never split off."""
import pytest

from generator.layout.metrics import text_width, title_lines


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
