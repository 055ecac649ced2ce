"""The portal's tests: app.py and its modules are imported from the folder above.

Every test database is a file under pytest's ``tmp_path`` (never the working directory), and the
clients sign in first: ``gestor`` acts for the whole contract, ``ana`` for AÇÚCAR only.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
from starlette.testclient import TestClient

PORTAL = Path(__file__).resolve().parents[1]
REPO = PORTAL.parents[1]
FIXTURES = REPO / "fixtures"
sys.path.insert(0, str(PORTAL))

import access  # noqa: E402  (needs the path above)
import app as portal  # noqa: E402
from store import ALL, Person, Store  # noqa: E402

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
PASSWORD = "senha-de-teste-1"
#: login: (name, companies)
PEOPLE: dict[str, tuple[str, list[str]]] = {
    "gestor": ("Gestora do Contrato", [ALL]),
    "ana": ("Ana Souza", [ACUCAR]),
    "beto": ("Beto Lima", [ACME]),
}
HOSTS = ("testserver",)


class PortalClient(TestClient):
    """A test client that sends the session's CSRF token with every form it posts."""

    csrf = ""

    def post(self, url: Any, *, data: Any = None, **kwargs: Any) -> httpx.Response:
        if "content" not in kwargs and self.csrf:
            data = {"csrf": self.csrf, **(data or {})}
        return super().post(url, data=data, **kwargs)


#: Argon2 is slow on purpose: the tests' people share one hash of PASSWORD.
_HASH = access.hash_password(PASSWORD)


def add_people(database: Path) -> None:
    with Store(database).transaction() as session:
        for login, (name, companies) in PEOPLE.items():
            session.put_person(Person(login, name, frozenset(companies)), _HASH)


def sign_in(client: PortalClient, login: str, password: str = PASSWORD) -> httpx.Response:
    """Sign in through the form (its double-submit token first), then keep the CSRF token."""
    client.csrf = ""
    page = client.get("/entrar")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert token is not None
    answer = client.post(
        "/entrar", data={"csrf": token.group(1), "login": login, "senha": password}
    )
    if answer.status_code == 303:
        home = client.get("/")
        found = re.search(r'name="csrf" value="([^"]+)"', home.text)
        assert found is not None
        client.csrf = found.group(1)
    return answer


def make_client(database: Path, login: str | None = "gestor", **options: Any) -> PortalClient:
    application = portal.create_app(
        database,
        reference_year=YEAR,
        companies=options.pop("companies", COMPANIES),
        max_upload_bytes=LIMIT,
        allowed_hosts=HOSTS,
        **options,
    )
    add_people(database)
    client = PortalClient(application, follow_redirects=False)
    if login is not None:
        assert sign_in(client, login).status_code == 303
    return client


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "portal.sqlite3"


@pytest.fixture
def client(database: Path) -> Iterator[PortalClient]:
    with make_client(database) as test_client:
        yield test_client
