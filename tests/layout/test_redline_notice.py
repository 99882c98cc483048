"""The redline (``diff --docx``) printed by LibreOffice: its notice, where the deleted text
of each change is shown beside the new, still ends on its first page instead of leaving the
署名 and a few lines alone on a second one; renumbered tasks carry no revision."""
from __future__ import annotations

import pymupdf
import pytest

from generator.diff.match import diff_plans
from generator.plan.load import parse_plan
from generator.rollover.roll import roll_over
from generator.writers.docx.redline import write_redline
from generator.writers.pdf import convert_to_pdf

pytestmark = pytest.mark.layout

# A notice that fills most of its first page; rolled over, its title, first paragraph and
# date each show the old year struck through beside the new one.
FULL = """\
title: 示例市示例新区2020年度民政和社会事务工作要点
year: 2020
notice:
  issuer_mark: 示例新区民政局文件
  doc_number: 示新民发〔2020〕36号
  title: 示例新区民政局关于印发《示例市示例新区2020年度民政和社会事务工作要点》的通知
  recipients: 各街道办事处，各镇人民政府，示例湖省级风景区管理服务中心，示例港区便民服务中心，局机关各科室、局属各单位：
  body:
    - 现将《示例市示例新区2020年度民政和社会事务工作要点》印发给你们，请结合实际认真抓好贯彻落实。
    - 各单位要对照本要点细化工作措施，明确责任人和完成时限，按时将落实方案报局办公室。
  signature: 示例新区民政局
  date: 2020-03-23
  imprint: {printer: 示例新区民政局办公室, date: 2020-03-23}
sections:
  - title: 兜牢民生底线
    tasks:
      - title: 做好困难群众救助。
        body: 落实低保、特困供养和临时救助政策。
"""


def test_the_redline_notice_ends_on_its_first_page(soffice):
    old = parse_plan(FULL)[0]
    new = parse_plan(roll_over(FULL, "full-2020.yaml").text)[0]
    pdf = pymupdf.open(stream=convert_to_pdf(write_redline(old, new, diff_plans(old, new)),
                                             "redline"), filetype="pdf")
    first, second = (page.get_text().split("\n") for page in list(pdf)[:2])
    assert "示例新区民政局" in first, "the 署名 went to the second page"
    assert second[0].startswith("示例市示例新区"), f"the notice runs on: {second[:3]}"
