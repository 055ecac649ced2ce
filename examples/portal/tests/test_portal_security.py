"""Issue 23, the portal safe to deploy as an example: sign-in, people bound to companies, CSRF,
trusted hosts, CSP, the reviewed draft, limited upload parsing, the audit log, and the signature
read by the library from the member it reads."""

from __future__ import annotations

import io
import re
import sqlite3
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import httpx2 as httpx
import limits_helpers
import pytest
from conftest import ACME, ACUCAR, PORTAL, PortalClient, make_client, sign_in
from test_portal_flow import SIGNED, save, stored_proof, text_of, typed, upload

import worker
from store import Store


def snapshot(database: Path) -> tuple[object, ...]:
    """Everything a request could change: the proof, drafts, evidence, the audit log."""
    with sqlite3.connect(database) as connection:
        return tuple(
            tuple(connection.execute(f"SELECT * FROM {table}").fetchall())
            for table in ("proof", "draft", "evidence", "audit")
        )


def actions(database: Path) -> list[tuple[str | None, str, str | None]]:
    with Store(database).snapshot() as session:
        return [(e.login, e.action, e.cnpj) for e in session.audit_log()]


def test_nothing_without_signing_in(database: Path) -> None:
    """Pages send to the sign-in form; a POST without a session changes nothing."""
    with make_client(database, login=None) as anonymous:
        before = snapshot(database)
        assert anonymous.get("/").headers["location"] == "/entrar"
        assert anonymous.get(f"/empresas/{ACUCAR}").headers["location"] == "/entrar"
        assert anonymous.get("/recibo").status_code == 303
        for path in ("/concluir", f"/empresas/{ACUCAR}/contestar", "/empresas"):
            assert anonymous.post(path, data={"cnpj": "33.444.555/0001-81"}).status_code == 303
        sent = anonymous.post(
            f"/empresas/{ACUCAR}/arquivo", files={"arquivo": ("ecf.txt", SIGNED.read_bytes())}
        )
        assert (sent.status_code, sent.headers["location"]) == (303, "/entrar")
        assert snapshot(database) == before
        refused = sign_in(anonymous, "gestor", "senha-errada-123")
        assert refused.status_code == 401
        assert "Usuário ou senha não conferem" in text_of(refused)
        assert "O que fazer:" in text_of(refused)
        assert sign_in(anonymous, "ninguem").status_code == 401
    assert actions(database)[-2:] == [
        ("gestor", "entrada_recusada", None),
        ("ninguem", "entrada_recusada", None),
    ]
    with sqlite3.connect(database) as connection:
        (stored,) = connection.execute("SELECT password FROM person WHERE login='ana'").fetchone()
    assert stored.startswith("$argon2id$")


def test_people_act_only_for_their_companies(database: Path) -> None:
    """Ana (AÇÚCAR) sees and changes only AÇÚCAR; Beto (ACME) cannot see AÇÚCAR's signers' CPFs;
    neither concludes nor includes nor excludes (the whole contract's)."""
    with make_client(database, "ana") as ana:
        listing = text_of(ana.get("/"))
        assert "AÇÚCAR" in listing
        assert "ACME" not in listing
        assert "Concluir comprovação" not in listing
        assert upload(ana, ACUCAR, "ecf.txt", SIGNED.read_bytes()).status_code == 303
        page = text_of(ana.get(f"/empresas/{ACUCAR}"))
        assert "CPF 987.654.321-00" in page  # a signer's CPF, to a person of that company
        assert ana.get(f"/empresas/{ACME}").status_code == 403
        before = snapshot(database)
        other = ana.post(
            f"/empresas/{ACME}/arquivo", files={"arquivo": ("ecf.txt", SIGNED.read_bytes())}
        )
        assert other.status_code == 403
        assert "Sem acesso FORBIDDEN" in text_of(other)
        assert ana.post("/concluir", data={"confirmar": "1"}).status_code == 403
        assert ana.post("/empresas", data={"cnpj": "33.444.555/0001-81"}).status_code == 403
        assert ana.post(f"/empresas/{ACUCAR}/excluir", data={"confirmar": "1"}).status_code == 403
        assert ana.get("/recibo").status_code == 403
        assert snapshot(database) == before
    with make_client(database, "beto") as beto:
        hidden = beto.get(f"/empresas/{ACUCAR}")
        assert hidden.status_code == 403
        assert "987.654.321-00" not in hidden.text
        assert "98765432100" not in hidden.text


def test_the_contest_s_author_is_the_signed_in_person(client: PortalClient, database: Path) -> None:
    """A typed "responsavel" is ignored: the contest is by the person of the session."""
    upload(client, ACUCAR, "ecf.txt", SIGNED.read_bytes())
    save(client, ACUCAR, acao="revisar")
    data = {"componente": "taxes", "valor": "1,00", "motivo": "x", "responsavel": "Mallory"}
    assert client.post(f"/empresas/{ACUCAR}/contestar", data=data).status_code == 303
    (contest,) = stored_proof(database).row(ACUCAR).contested
    assert contest.by == "Gestora do Contrato"


def _post_routes() -> list[str]:
    """Every POST route of the application, with a CNPJ in its path."""
    application = make_client.__globals__["portal"].create_app(":memory:")
    while not hasattr(application, "routes"):
        application = application.app
    paths = [
        route.path.replace("{cnpj}", ACUCAR)
        for route in application.routes
        if "POST" in (route.methods or ())
    ]
    assert len(paths) >= 11
    return paths


def test_every_post_needs_the_session_s_csrf_token(client: PortalClient, database: Path) -> None:
    """Without the token, with another one, or from another site (Origin): 403, nothing changed."""
    upload(client, ACUCAR, "ecf.txt", SIGNED.read_bytes())
    token = client.csrf
    before = snapshot(database)
    fields = {"confirmar": "1", "componente": "taxes", "valor": "1,00", "motivo": "x"}
    for path in _post_routes():
        if path == "/entrar":
            continue
        client.csrf = ""
        missing = client.post(path, data=fields)
        assert missing.status_code == 403, path
        assert "CSRF_FAILED" in missing.text
        assert "nada foi alterado" in text_of(missing)
        client.csrf = "x" * len(token)
        assert client.post(path, data=fields).status_code == 403, path
        client.csrf = token
        cross = client.post(path, data=fields, headers={"origin": "http://evil.example"})
        assert cross.status_code == 403, path
        assert "CROSS_SITE" in cross.text
        site = client.post(path, data=fields, headers={"sec-fetch-site": "cross-site"})
        assert site.status_code == 403, path
    assert snapshot(database) == before
    # The sign-in form too: its token must match the cookie set with the form.
    forged = client.post("/entrar", data={"csrf": "forged", "login": "gestor", "senha": "x"})
    assert forged.status_code == 403


def test_other_hosts_are_refused_and_pages_carry_csp(client: PortalClient) -> None:
    """DNS rebinding: a Host not listed is 400. Every answer: CSP, no framing, no inline style."""
    rebinding = client.get("/", headers={"host": "evil.example"})
    assert rebinding.status_code == 400
    assert "UNTRUSTED_HOST" in rebinding.text
    page = client.get("/")
    policy = page.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    assert "default-src 'none'" in policy
    assert "'unsafe-inline'" not in policy
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "<style" not in page.text
    assert "<script" not in page.text
    assert client.get("/estilo.css").headers["content-type"].startswith("text/css")


def test_a_draft_changed_since_it_was_shown_is_not_saved(
    client: PortalClient, database: Path
) -> None:
    """The person reviews the file's figure; another upload (a second tab, a colleague) puts
    other values in its place; "Salvar" from the first review is 409 and saves nothing."""
    upload(client, ACUCAR, "ecf.txt", SIGNED.read_bytes())
    first = client.get(f"/empresas/{ACUCAR}")
    shown = re.search(r'name="rascunho" value="([0-9a-f]{64})"', first.text)
    assert shown is not None
    values = {"gross_revenue": "100,00", "cancellations": "0", "taxes": "0", "discounts": "0"}
    assert typed(client, ACUCAR, **values).status_code == 303  # in between
    late = client.post(
        f"/empresas/{ACUCAR}/salvar", data={"acao": "sair", "rascunho": shown.group(1)}
    )
    assert late.status_code == 409
    assert "Os valores mudaram DRAFT_CHANGED" in text_of(late)
    assert "R$ 100,00" in text_of(late)  # the new values, to review
    assert stored_proof(database).pending == (ACUCAR, ACME)
    blind = client.post(f"/empresas/{ACUCAR}/salvar", data={"acao": "sair"})
    assert blind.status_code == 409
    assert stored_proof(database).pending == (ACUCAR, ACME)
    assert save(client, ACUCAR, acao="sair").status_code == 303
    assert stored_proof(database).row(ACUCAR).net_revenue is not None


def test_the_worker_enforces_memory_cpu_and_time_limits() -> None:
    """resource.setrlimit in the child: 1 GB past a 400 MB address space is "memory"; a loop
    past 1 CPU second is "cpu"; a sleep past the wall clock is killed ("time")."""
    roomy = worker.Limits(cpu_seconds=10, memory_bytes=1024**3, wall_seconds=20)
    assert worker.run_limited(limits_helpers.add, (2, 3), roomy) == worker.Outcome("ok", 5)
    tight = worker.Limits(cpu_seconds=10, memory_bytes=400 * 1024**2, wall_seconds=20)
    assert worker.run_limited(limits_helpers.allocate, (1024,), tight).kind == "memory"
    busy = worker.Limits(cpu_seconds=1, memory_bytes=1024**3, wall_seconds=20)
    assert worker.run_limited(limits_helpers.spin, (), busy).kind == "cpu"
    slow = worker.Limits(cpu_seconds=10, memory_bytes=1024**3, wall_seconds=0.5)
    assert worker.run_limited(limits_helpers.sleep, (30,), slow).kind == "time"
    assert worker.run_limited(limits_helpers.fail, (), roomy) == worker.Outcome(
        "crash", "RuntimeError"
    )


def test_an_upload_past_the_limits_is_a_refusal_not_a_500(database: Path) -> None:
    """A wall-clock limit no read can meet: the page says so, with what to do, nothing kept."""
    limits = worker.Limits(cpu_seconds=10, memory_bytes=1024**3, wall_seconds=0.001)
    with make_client(database, limits=limits) as client:
        refused = upload(client, ACUCAR, "ecf.txt", SIGNED.read_bytes())
    assert refused.status_code == 422
    text = text_of(refused)
    assert "Arquivo recusado UPLOAD_LIMIT ecf.txt: ler este arquivo passou do limite" in text
    assert "O que fazer:" in text
    assert "Traceback" not in refused.text
    assert ("gestor", "envio_recusado", ACUCAR) in actions(database)
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM draft").fetchone() == (0,)


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_genuine_signed_file_beside_an_edited_ecf_never_verifies(client: PortalClient) -> None:
    """The genuine signed ECF as ``.DS_Store`` (first in the ZIP) and an edited copy as
    ``ECF.txt``: read() reads ECF.txt, so its signature, not the ignored member's, is what the
    page may show. The edit adds 8.000.000,00 to the leaf of line 38 and to the two lines
    above it (36 and 37), so the edited net is 10.402.217,49 + 8.000.000,00 = 18.402.217,49."""
    genuine = SIGNED.read_bytes()
    edited = (
        genuine.replace(b"|1254310,47|", b"|9254310,47|")
        .replace(b"|13001097,90|", b"|21001097,90|")
        .replace(b"|10402217,49|", b"|18402217,49|")
    )
    assert edited != genuine
    for members in (
        [(".DS_Store", genuine), ("ECF.txt", edited)],
        [("__MACOSX/._ECF.txt", genuine), ("ECF.txt", edited)],
    ):
        sent = upload(client, ACUCAR, "ecf.zip", _zip(members))
        page = (
            text_of(client.get(f"/empresas/{ACUCAR}")) if sent.status_code == 303 else text_of(sent)
        )
        assert "assinatura confere" not in page
        assert "As assinaturas conferem" not in page
        if sent.status_code == 303:  # read: the edited figure, with its signature refused
            assert "R$ 18.402.217,49" in page
            assert "✗ não confere" in page or "não traz bloco de assinatura" in page
            client.post(f"/empresas/{ACUCAR}/descartar")
        else:  # refused by the library (a ZIP whose ignored member is itself an ECF)
            assert sent.status_code == 422
            assert "O que fazer:" in page
    source = (PORTAL / "app.py").read_text() + (PORTAL / "worker.py").read_text()
    assert "import zipfile" not in source
    assert "import gzip" not in source
    assert "read_signature" not in source
    assert "read(file, signature=True)" in source


def test_the_audit_log_records_each_change_and_cannot_be_rewritten(
    client: PortalClient, database: Path
) -> None:
    """Uploads, saves, contests and the conclusion, in order, with who and which company;
    the table refuses UPDATE and DELETE."""
    upload(client, ACUCAR, "ecf.txt", SIGNED.read_bytes())
    save(client, ACUCAR, acao="revisar")
    data = {"componente": "taxes", "valor": "2.300.000,00", "motivo": "DARF retificado"}
    client.post(f"/empresas/{ACUCAR}/contestar", data=data)
    values = {"gross_revenue": "1.000,00", "cancellations": "0", "taxes": "0", "discounts": "0"}
    typed(client, ACME, **values)
    save(client, ACME, acao="sair")
    client.post("/concluir", data={"confirmar": "1"})
    assert [a for a in actions(database) if a[1] != "entrada"] == [
        ("gestor", "envio", ACUCAR),
        ("gestor", "salvo", ACUCAR),
        ("gestor", "contestacao", ACUCAR),
        ("gestor", "formulario", ACME),
        ("gestor", "salvo", ACME),
        ("gestor", "conclusao", None),
    ]
    with Store(database).snapshot() as session:
        (contest,) = session.audit_log("contestacao")
        (conclusion,) = session.audit_log("conclusao")
    assert contest.detail["file_value"] == "2334121.87"
    assert contest.detail["value"] == "2300000.00"
    # 10402217.49 + 34121.87 (the contest) + 1000.00 (the form) = 10437339.36
    assert conclusion.detail["total_net_revenue"] == "10437339.36"
    with sqlite3.connect(database) as connection:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            connection.execute("UPDATE audit SET login = 'x'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            connection.execute("DELETE FROM audit")


def test_signing_out_ends_the_session(client: PortalClient) -> None:
    token = client.cookies.get("sessao")
    assert client.post("/sair").status_code == 303
    client.cookies.set("sessao", token or "")
    assert client.get("/").headers["location"] == "/entrar"


_ = httpx


def test_an_expired_session_signs_in_again(client: PortalClient, database: Path) -> None:
    """Past its 8 hours a session is refused, and the next sign-in forgets it."""
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE login_session SET expires = '2000-01-01T00:00:00+00:00'")
    assert client.get("/").headers["location"] == "/entrar"
    assert sign_in(client, "ana").status_code == 303
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM login_session").fetchone() == (1,)


def test_uploads_are_read_a_few_at_a_time(database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each upload may use its limits; with parallel_uploads=1, four uploads sent together are
    read one after the other (the reader here counts how many run at once)."""
    running, most = 0, 0
    lock = threading.Lock()
    real = worker.run_limited

    def counted(*args: Any) -> worker.Outcome:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        try:
            time.sleep(0.3)
            return real(*args)
        finally:
            with lock:
                running -= 1

    monkeypatch.setattr(worker, "run_limited", counted)
    first = make_client(database, parallel_uploads=1)
    clients = [first]
    for _ in range(3):  # the same application: four people uploading at once
        other = PortalClient(first.app, follow_redirects=False)
        assert sign_in(other, "gestor").status_code == 303
        clients.append(other)
    try:
        threads = [
            threading.Thread(target=upload, args=(c, ACUCAR, "ecf.txt", SIGNED.read_bytes()))
            for c in clients
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
    finally:
        for c in clients:
            c.close()
    assert most == 1
    assert [a[1] for a in actions(database)].count("envio") == 4
