"""Commands that reuse last year's plan: import, rollover, diff (see issue 4)."""
from __future__ import annotations
