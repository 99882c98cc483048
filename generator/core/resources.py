"""Where the bundled templates and style sheets live (source checkout or installed wheel)."""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]     # generator/


def data_dir(name: str) -> Path:
    """Return the folder ``templates`` or ``styles``: the checkout's top-level one when the
    package runs from a checkout, else the copy installed inside the package."""
    checkout = _PACKAGE.parent / name
    if checkout.is_dir():
        return checkout
    return _PACKAGE / "_data" / name
