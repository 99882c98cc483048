"""Commands for import_commands (see issue 4); each adds itself to the main group."""
from __future__ import annotations
