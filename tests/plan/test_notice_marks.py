"""密级, 紧急程度 and 附注 checked against GB/T 9704-2012 §7.2.2–7.2.3 (E209–E211)."""
import pytest

from helpers import SMALL, invoke


def _plan(tmp_path, **notice):
    extra = "".join(f"  {key}: {value}\n" for key, value in notice.items())
    path = tmp_path / "2021.yaml"
    path.write_text(SMALL.replace("notice:\n", "notice:\n" + extra, 1), encoding="utf-8")
    return path


def _lines(path):
    result = invoke("validate", str(path))
    return result.exit_code, result.stdout.splitlines()


@pytest.mark.parametrize("secrecy", ["秘密", "机密★1年", "绝密★长期", "秘密★6个月", "机密★10年"])
def test_secrecy_the_standard_allows(tmp_path, secrecy):
    assert _lines(_plan(tmp_path, secrecy=secrecy)) == (0, [])


LEVELS = "密级只能是“绝密”“机密”或“秘密”（GB/T 9704 §7.2.2），后面可加“★”和保密期限，如 机密★1年；不涉密的公文请删去 secrecy"


@pytest.mark.parametrize("secrecy, why", [
    ("内部★1年", LEVELS),
    ("内部", LEVELS),
    ("秘密*1年", "密级与保密期限之间应为实心五角星“★”，不是“*”，如 秘密★1年"),
    ("机密★一年", "保密期限中的数字用阿拉伯数字（GB/T 9704 §7.2.2），如 机密★1年、机密★6个月"),
    ("秘密★", "密级“秘密”后只能接“★”和保密期限（如 秘密★1年、秘密★6个月、秘密★长期）"),
    ("机密1年", "密级“机密”后只能接“★”和保密期限（如 机密★1年、机密★6个月、机密★长期）"),
])
def test_secrecy_not_in_the_standard_is_an_error(tmp_path, secrecy, why):
    path = _plan(tmp_path, secrecy=secrecy)
    assert _lines(path) == (1, [f"{path}:4:12: E209 notice.secrecy: 密级“{secrecy}”无效：{why}"])


@pytest.mark.parametrize("urgency", ["平急", "特提", "紧急", "急"])
def test_urgency_other_than_te_ji_or_jia_ji_is_an_error(tmp_path, urgency):
    path = _plan(tmp_path, urgency=urgency)
    assert _lines(path) == (1, [
        f"{path}:4:12: E210 notice.urgency: 紧急程度“{urgency}”无效：公文只标“特急”或“加急”（GB/T 9704 §7.2.3；"
        "“特提”“平急”只用于电报）；不紧急的公文请删去 urgency"])


@pytest.mark.parametrize("urgency", ["特急", "加急"])
def test_urgency_the_standard_allows(tmp_path, urgency):
    assert _lines(_plan(tmp_path, urgency=urgency)) == (0, [])


@pytest.mark.parametrize("note", ["此件公开发布", "此件主动公开"])
def test_a_secret_document_marked_for_public_release_is_an_error(tmp_path, note):
    path = _plan(tmp_path, secrecy="秘密★1年", note=note)
    assert _lines(path) == (1, [
        f"{path}:5:9: E211 notice.note: 附注“{note}”表明公开发布，但公文标有密级“秘密★1年”："
        "涉密公文不能公开发布，请删去密级或改写附注"])


@pytest.mark.parametrize("notice", [{"note": "此件公开发布"},
                                    {"secrecy": "秘密★1年", "note": "此件不予公开"},
                                    {"secrecy": "秘密★1年", "note": "此件不公开"}])
def test_public_release_without_secrecy_or_not_public_is_fine(tmp_path, notice):
    assert _lines(_plan(tmp_path, **notice)) == (0, [])


def test_the_bundled_example_carries_a_standard_secrecy():
    from pathlib import Path
    from generator.plan.load import load_plan
    plan, warnings = load_plan(Path(__file__).resolve().parents[2] / "examples" / "minzheng-2021.yaml")
    assert (plan.notice.secrecy, warnings) == ("秘密★1年", [])
