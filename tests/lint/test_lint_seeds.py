"""The real documents in ../shared/seeds/ through lint: per file, how many findings of each
code. The web copy full of half-width marks (001) lights up; the PDF extract (000) shows its
spaces around numbers and the two ranges written 1-2, 3-5; the half-year summary (003) has
a handful. Counts are pinned: a rule that starts to drown a real document in noise, or goes
blind, fails here. Skipped when the seeds are not beside the checkout."""
from collections import Counter
from pathlib import Path

import pytest

from generator.lint.files import lint_file

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
COUNTS = {
    "000_c02b90f1f28d811e.txt": {"PUN06": 2, "PUN08": 2, "PUN12": 41},
    "001_43c9c3ec74ba0f29.txt": {"PUN01": 299, "PUN07": 2, "PUN08": 2, "STR04": 35},
    "003_8b54dc3369413eb1.txt": {"PUN01": 5, "WRD03": 1},
}


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_seed_findings_per_code(name):
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"{path} is not here")
    results = lint_file(path).results
    assert dict(Counter(r.finding.code for r in results)) == COUNTS[name]


def test_the_web_copy_lights_up_and_the_others_do_not_drown():
    if not SEEDS.exists():
        pytest.skip(f"{SEEDS} is not here")
    lines = {name: sum(1 for _ in (SEEDS / name).open(encoding="utf-8")) for name in COUNTS}
    per_line = {name: sum(COUNTS[name].values()) / lines[name] for name in COUNTS}
    assert per_line["001_43c9c3ec74ba0f29.txt"] > 1.5
    assert per_line["000_c02b90f1f28d811e.txt"] < 0.5 and per_line["003_8b54dc3369413eb1.txt"] < 0.5
