"""The portal's tests: app.py and its modules are imported from the folder above."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

PORTAL = Path(__file__).resolve().parents[1]
REPO = PORTAL.parents[1]
FIXTURES = REPO / "fixtures"
sys.path.insert(0, str(PORTAL))

import app as portal  # noqa: E402  (needs the path above)

#: The contract of the tests: the first company's ECF is fixtures/signed/two_signerinfos.ecf.
YEAR = 2025
ACUCAR = "12345678000195"
ACME = "11222333000181"
COMPANIES: list[tuple[str, str | None]] = [
    ("12.345.678/0001-95", "COMÉRCIO DE AÇÚCAR SÃO JOÃO LTDA"),
    ("11.222.333/0001-81", "ACME ENGENHARIA LTDA"),
]
#: Small, so that the 413 tests need not send 64 MiB.
LIMIT = 256 * 1024


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "portal.sqlite3"


@pytest.fixture
def client(database: Path) -> Iterator[TestClient]:
    application = portal.create_app(
        database, reference_year=YEAR, companies=COMPANIES, max_upload_bytes=LIMIT
    )
    with TestClient(application, follow_redirects=False) as test_client:
        yield test_client
