"""The portal as it is started: ``python examples/portal/app.py --port N`` on 127.0.0.1."""

from __future__ import annotations

import http.client
import http.cookiejar
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import ACME, ACUCAR, COMPANIES, FIXTURES, PORTAL, YEAR

import app as portal
import ecfmetric
from store import Store

SIGNED = FIXTURES / "signed" / "two_signerinfos.ecf"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def server(tmp_path: Path, *extra: str) -> Iterator[tuple[int, Path]]:
    port = free_port()
    command = [sys.executable, str(PORTAL / "app.py"), "--port", str(port), "--demo"]
    command += ["--db", str(tmp_path / "portal.sqlite3"), *extra]
    log = tmp_path / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=tmp_path, stdout=output, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while "Uvicorn running" not in log.read_text():
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "the server did not start in 30 s"
            time.sleep(0.2)
        yield port, log
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_real_server_signs_in_and_answers_the_list(tmp_path: Path) -> None:
    """--demo prints a password; '/' asks to sign in first, then lists the demo contract."""
    with server(tmp_path) as (port, log):
        base = f"http://127.0.0.1:{port}"
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        with opener.open(base + "/", timeout=10) as answer:
            assert answer.url.endswith("/entrar")  # redirected to the sign-in page
            token = re.search(r'name="csrf" value="([^"]+)"', answer.read().decode())
        assert token is not None
        found = re.search(r"usuário demo e a senha (\S+)", log.read_text())
        assert found is not None, log.read_text()
        form = {"csrf": token.group(1), "login": "demo", "senha": found.group(1)}
        with opener.open(
            base + "/entrar", urllib.parse.urlencode(form).encode(), timeout=10
        ) as answer:
            status, body = answer.status, answer.read().decode()
            headers = answer.headers
        # An upload through the real server: parsed by the worker process, then reviewed.
        csrf = re.search(r'name="csrf" value="([^"]+)"', body)
        assert csrf is not None
        boundary = "limite-do-teste"
        multipart = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n'
                f"{csrf.group(1)}\r\n--{boundary}\r\n"
                'Content-Disposition: form-data; name="arquivo"; filename="ecf.txt"\r\n\r\n'
            ).encode()
            + SIGNED.read_bytes()
            + f"\r\n--{boundary}--\r\n".encode()
        )
        request = urllib.request.Request(
            f"{base}/empresas/{ACUCAR}/arquivo",
            data=multipart,
            headers={"content-type": f"multipart/form-data; boundary={boundary}"},
        )
        with opener.open(request, timeout=60) as answer:
            review = " ".join(re.sub(r"<[^>]+>", " ", answer.read().decode()).split())
        # Another Host (DNS rebinding) is answered 400.
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/entrar", headers={"Host": "evil.example"})
        rebinding = connection.getresponse()
        rebinding_body = rebinding.read().decode()
        connection.close()
    assert "Uvicorn running on http://127.0.0.1:" in log.read_text()
    assert status == 200
    assert "<title>Comprovação de Métricas</title>" in body
    assert "COMÉRCIO DE AÇÚCAR SÃO JOÃO LTDA" in body
    assert "11.222.333/0001-81" in body
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert "RECEITA LÍQUIDA DE SERVIÇOS E VENDAS R$ 10.402.217,49" in review
    assert "✓ assinatura confere" in review
    assert rebinding.status == 400
    assert "UNTRUSTED_HOST" in rebinding_body


def test_demo_does_not_reuse_a_concluded_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--demo on a database whose proof is concluded stops with what to do, instead of serving
    the old concluded contract as if it were a new demo."""
    database = tmp_path / "portal.sqlite3"
    store = Store(database)
    store.create(YEAR, COMPANIES[1:])
    with store.transaction() as session:
        proof = session.proof()
        metric = ecfmetric.from_form(
            gross_revenue="100,00",
            cancellations="0",
            taxes="0",
            discounts="0",
            cnpj=ACME,
            reference_year=YEAR,
        )
        proof.add(metric)
        proof.conclude()
        session.save_proof(proof)
    with pytest.raises(SystemExit) as stopped:
        portal.main(["--demo", "--db", str(database)])
    assert stopped.value.code == 2
    said = capsys.readouterr().err
    assert "já tem uma comprovação concluída (2025)" in said
    assert "--db com um arquivo novo" in said


def test_users_py_adds_a_person_bound_to_companies(tmp_path: Path) -> None:
    """The password from standard input, stored as an Argon2id hash; the companies bare."""
    database = tmp_path / "portal.sqlite3"
    command = [sys.executable, str(PORTAL / "users.py"), "--db", str(database), "ana"]
    command += ["--nome", "Ana Souza", "--empresa", "12.345.678/0001-95"]
    done = subprocess.run(
        command, input="uma-senha-longa\n", capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert f"Usuário ana salvo em {database}." in done.stdout
    with Store(database).snapshot() as session:
        found = session.person("ana")
    assert found is not None
    person, stored = found
    assert (person.name, person.companies) == ("Ana Souza", frozenset({ACUCAR}))
    assert stored.startswith("$argon2id$")
    assert "uma-senha-longa" not in stored
    short = subprocess.run(
        [*command[:4], "beto", "--todas"],
        input="curta\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert short.returncode == 2
    assert "pelo menos 10 caracteres" in short.stderr
