"""``workplan new``: a commented starting plan from the template ``new/plan.yaml.j2``."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from generator.document.templating import make_environment, render_template
from generator.writers.atomic import check_target, write_atomic


def starter_year(path: Path) -> int:
    """Return the year named in a file name (plans/2022.yaml gives 2022), else next year."""
    match = re.search(r"(?<!\d)(19|20|21)\d\d(?!\d)", path.stem)
    return int(match[0]) if match else dt.date.today().year + 1


def write_starter(path: Path, *, year: int | None = None, force: bool = False) -> Path:
    """Write a commented starting plan to ``path``; return the path.

    Raises ToolError when the file exists and ``force`` is not given.
    """
    check_target(path, force=force)
    text = render_template(make_environment(), "new/plan.yaml.j2", year=year or starter_year(path))
    write_atomic(path, text.encode("utf-8"))
    return path
