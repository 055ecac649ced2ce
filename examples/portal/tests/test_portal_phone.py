"""Every page of the flow at 390 px in a real browser: nothing wider than the screen.

Needs Chromium, its driver and Selenium (requirements-screenshots.txt). Skipped without them,
except where PORTAL_BROWSER_REQUIRED is set (CI installs them and sets it), so that a missing
browser fails there instead of passing unseen. test_portal_pages.py checks the stylesheet and
the tables without a browser.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

if not os.environ.get("PORTAL_BROWSER_REQUIRED"):
    pytest.importorskip("selenium")
    if shutil.which("chromium") is None or shutil.which("chromedriver") is None:
        pytest.skip("Chromium and chromedriver are not installed", allow_module_level=True)

import screenshots


def test_no_page_scrolls_sideways_at_390_px(tmp_path: Path) -> None:
    """The same walk as screenshots.py (15 pages, sign-in to receipt) in a 390 px viewport."""
    overflow = screenshots.run(tmp_path, widths=(390,))
    assert overflow == []
    assert len(list((tmp_path / "390").glob("*.png"))) == 15
