"""The example's tests: app.py is imported from the folder above."""

from __future__ import annotations

import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1]
REPO = EXAMPLE.parents[1]
FIXTURES = REPO / "fixtures"
sys.path.insert(0, str(EXAMPLE))
