"""Comprovação de Métricas: a reference self-service portal built on ecfmetric.

Each company of a contract proves its yearly net revenue by uploading its ECF (plain text, ZIP or
gzip) or by typing four amounts; the person reviews the breakdown, may contest a component, and
concludes the proof once every company is saved. Nothing is shown or done without signing in
(access.py); each upload is read in a limited child process (worker.py). Start it with::

    python examples/portal/app.py --port 8000 --demo

open http://127.0.0.1:8000/ and sign in as ``demo`` with the password the console prints. See
README.md beside this file.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, BinaryIO

import jinja2
import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import access
import ecfmetric
import present
import views
import worker
from store import ALL, Draft, Person, Session, Store

HERE = Path(__file__).resolve().parent

#: The largest request body taken, upload included: 64 MiB. A year's ECF of a large company can
#: be hundreds of MB as text, a few tens zipped; past this the answer is 413 before anything is read.
MAX_UPLOAD_BYTES = 64 * 1024 * 1024

#: The hosts served by default (``--allowed-host`` adds others).
ALLOWED_HOSTS = ("127.0.0.1", "localhost")

#: Two companies to start with (``--demo``): the first has an ECF among the library's fixtures.
DEMO_YEAR = 2025
DEMO_COMPANIES: list[tuple[str, str | None]] = [
    ("12.345.678/0001-95", "COMÉRCIO DE AÇÚCAR SÃO JOÃO LTDA"),
    ("11.222.333/0001-81", "ACME ENGENHARIA LTDA"),
]

_CONTEST_FIELDS = {
    "BAD_CONTEST_VALUE": "valor",
    "SAME_AS_FILE": "valor",
    "REASON_REQUIRED": "motivo",
    "UNKNOWN_COMPONENT": "componente",
}


class Refused(Exception):
    """A refusal to show on the page (``shown`` is what :func:`present.shown_error` gives)."""

    def __init__(self, shown: dict[str, str], status: int = 422) -> None:
        super().__init__(shown["message"])
        self.shown = shown
        self.status = status


class SignInRequired(Exception):
    """No signed-in session: the answer is the sign-in page."""


class Forbidden(Exception):
    """Signed in, but not for this company (or not for the whole contract)."""


class BodyLimit:
    """Answer 413 to a request body over ``limit`` bytes: at once when ``Content-Length`` says
    so, or as soon as a body without one (chunked) passes the limit while it is read (an
    ``HTTPException(413)`` from ``receive``, which the application's handler turns into the page).
    """

    def __init__(self, app: ASGIApp, limit: int, page: Callable[[int], str]) -> None:
        self.app = app
        self.limit = limit
        self.page = page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            response = HTMLResponse(self.page(self.limit), status_code=413)
            await response(scope, _no_body, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise HTTPException(413)
            return message

        await self.app(scope, counting_receive, send)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}


def _megabytes(limit: int) -> str:
    return f"{limit / (1024 * 1024):.0f} MB" if limit >= 1024 * 1024 else f"{limit} bytes"


class Portal:
    """The pages and actions; each action is one transaction of the :class:`Store`."""

    def __init__(
        self,
        store: Store,
        templates: Jinja2Templates,
        max_upload: int,
        limits: worker.Limits,
        parallel_uploads: int = 2,
    ) -> None:
        self.store = store
        self.templates = templates
        self.max_upload = max_upload
        self.limits = limits
        #: At most this many uploads are read at once (each may use ``limits``); others wait.
        self.slots = threading.BoundedSemaphore(parallel_uploads)

    # -- who is asking -----------------------------------------------------------------------

    async def signed_in(self, request: Request) -> tuple[Person, str] | None:
        token = request.cookies.get(access.SESSION_COOKIE)
        if not token:
            return None

        def look() -> tuple[Person, str] | None:
            with self.store.snapshot() as session:
                return session.session_of(token)

        return await run_in_threadpool(look)

    async def require(self, request: Request, cnpj: str | None = None) -> tuple[Person, str]:
        """The signed-in person and their CSRF token; ``cnpj`` one they may act for
        (``ALL``: the whole contract)."""
        found = await self.signed_in(request)
        if found is None:
            raise SignInRequired
        person = found[0]
        if cnpj == ALL and not person.all_companies:
            raise Forbidden
        if cnpj is not None and cnpj != ALL and not person.may_act(_bare(cnpj)):
            raise Forbidden
        request.state.person = person
        request.state.csrf = found[1]
        return found

    async def form(self, request: Request, csrf: str, **limits: int) -> FormData:
        """The POST's form, once its CSRF token is the session's (else 403, nothing done)."""
        form = await request.form(**limits)
        if not access.same(csrf, form.get("csrf")):
            await form.close()
            raise HTTPException(403, "CSRF")
        return form

    # -- rendering -------------------------------------------------------------------------

    def page(
        self, request: Request, name: str, context: dict[str, Any], status: int = 200
    ) -> Response:
        context.setdefault("person", getattr(request.state, "person", None))
        context.setdefault("csrf", getattr(request.state, "csrf", ""))
        return self.templates.TemplateResponse(request, name, context, status_code=status)

    def index_context(self, session: Session, person: Person, **extra: Any) -> dict[str, Any]:
        proof = session.proof()
        rows = [
            {
                "name": row.name or "(sem razão social)",
                "cnpj": row.cnpj,
                "masked": present.cnpj_mask(row.cnpj),
                "year": row.reference_year,
                "net": present.brl(row.net_revenue),
                "status": row.status,
                "status_label": present.STATUS[row.status],
                "attention": [finding.code for finding in row.attention],
                "contested": bool(row.contested),
                "draft": row.metric is None and session.draft(row.cnpj) is not None,
            }
            for row in proof.rows
            if person.may_act(row.cnpj)
        ]
        total = present.brl(proof.conclude().total_net_revenue) if proof.concluded else None
        context: dict[str, Any] = {
            "year": proof.reference_year,
            "rows": rows,
            "concluded": proof.concluded,
            "total": total if person.all_companies else None,
            "contract": person.all_companies,
            "include_values": {},
            "include_errors": {},
        }
        context.update(extra)
        return context

    def company_context(self, session: Session, cnpj: str, **extra: Any) -> dict[str, Any]:
        proof = session.proof()
        row = proof.row(cnpj)
        draft = None if proof.concluded else session.draft(row.cnpj)
        dates = views.contest_dates(session.audit_log("contestacao"), row.cnpj)
        saved = None
        if row.metric is not None:
            evidence = session.evidence(row.metric.fingerprint)
            saved = views.figure(row.metric, row, evidence, dates)
        shown_draft = None
        if draft is not None:
            shown_draft = views.figure(draft.metric, None, draft.evidence, {})
            shown_draft["attention"] = views.draft_attention(proof, row.cnpj, draft.metric)
            shown_draft["digest"] = draft.digest
        context: dict[str, Any] = {
            "year": proof.reference_year,
            "concluded": proof.concluded,
            "company": {
                "name": row.name or "(sem razão social)",
                "cnpj": row.cnpj,
                "masked": present.cnpj_mask(row.cnpj),
                "status_label": present.STATUS[row.status],
            },
            "saved": saved,
            "draft": shown_draft,
            "modo": "arquivo",
            "form_fields": present.FORM_FIELDS,
            "components": present.COMPONENTS,
            "net_label": present.NET_LABEL,
            "form_values": {},
            "form_errors": {},
            "contest_values": {},
            "contest_errors": {},
            "max_upload": _megabytes(self.max_upload),
        }
        context.update(extra)
        return context

    async def show_index(self, request: Request, status: int = 200, **extra: Any) -> Response:
        person: Person = request.state.person

        def build() -> dict[str, Any]:
            with self.store.snapshot() as session:
                return self.index_context(session, person, **extra)

        return self.page(request, "index.html", await run_in_threadpool(build), status)

    async def show_company(
        self, request: Request, cnpj: str, status: int = 200, **extra: Any
    ) -> Response:
        def build() -> dict[str, Any]:
            with self.store.snapshot() as session:
                return self.company_context(session, cnpj, **extra)

        return self.page(request, "company.html", await run_in_threadpool(build), status)

    # -- signing in ------------------------------------------------------------------------

    async def sign_in_page(
        self, request: Request, status: int = 200, error: dict[str, str] | None = None
    ) -> Response:
        token = access.new_token()
        context = {"login_token": token, "login_error": error, "person": None, "csrf": ""}
        response = self.page(request, "login.html", context, status)
        response.set_cookie(
            access.LOGIN_COOKIE,
            token,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/entrar",
        )
        return response

    async def sign_in(self, request: Request) -> Response:
        form = await request.form(max_fields=4, max_files=0)
        if not access.same(request.cookies.get(access.LOGIN_COOKIE), form.get("csrf")):
            raise HTTPException(403, "CSRF")
        login, password = _text(form.get("login")), _text(form.get("senha"))

        def check() -> str | None:
            with self.store.transaction() as session:
                person = access.check_password(session, login, password)
                if person is None:
                    session.audit(login[:100] or None, "entrada_recusada")
                    return None
                session.audit(person.login, "entrada")
                return access.start_session(session, person)

        token = await run_in_threadpool(check)
        if token is None:
            refused = present.refusal(
                "Entrada recusada", "SIGN_IN_REFUSED", "Usuário ou senha não conferem."
            )
            refused["next"] = (
                "Confira o usuário e a senha e tente de novo; se esqueceu a senha, peça outra "
                "a quem administra o portal."
            )
            return await self.sign_in_page(request, 401, refused)
        response = _back("/")
        response.set_cookie(
            access.SESSION_COOKIE,
            token,
            max_age=access.SESSION_HOURS * 3600,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
        response.delete_cookie(access.LOGIN_COOKIE, path="/entrar")
        return response

    async def entrar(self, request: Request) -> Response:
        if request.method == "POST":
            return await self.sign_in(request)
        return await self.sign_in_page(request)

    async def sign_out(self, request: Request) -> Response:
        person, csrf = await self.require(request)
        await self.form(request, csrf)
        token = request.cookies.get(access.SESSION_COOKIE, "")

        def close() -> None:
            with self.store.transaction() as session:
                session.close_session(token)
                session.audit(person.login, "saida")

        await run_in_threadpool(close)
        response = _back("/entrar")
        response.delete_cookie(access.SESSION_COOKIE)
        return response

    # -- pages -----------------------------------------------------------------------------

    async def index(self, request: Request) -> Response:
        await self.require(request)
        return await self.show_index(request)

    async def company(self, request: Request) -> Response:
        cnpj = request.path_params["cnpj"]
        await self.require(request, cnpj)
        modo = "formulario" if request.query_params.get("modo") == "formulario" else "arquivo"
        return await self.show_company(request, cnpj, modo=modo)

    async def stylesheet(self, request: Request) -> Response:
        return Response((HERE / "static" / "portal.css").read_bytes(), media_type="text/css")

    # -- actions ---------------------------------------------------------------------------

    async def include(self, request: Request) -> Response:
        person, csrf = await self.require(request, ALL)
        form = await self.form(request, csrf)
        values = {"cnpj": _text(form.get("cnpj")), "razao_social": _text(form.get("razao_social"))}

        def change() -> None:
            with self.store.transaction() as session:
                proof = session.proof()
                proof.include_company(values["cnpj"], values["razao_social"].strip() or None)
                session.save_proof(proof)
                added = proof.rows[-1]
                session.audit(person.login, "inclusao", added.cnpj, name=added.name)

        try:
            await run_in_threadpool(change)
        except ecfmetric.ProofError as error:
            return await self.show_index(
                request,
                422,
                include_values=values,
                include_errors={"cnpj": present.shown_error(error)},
            )
        return _back("/")

    async def exclude(self, request: Request) -> Response:
        cnpj = request.path_params["cnpj"]
        person, csrf = await self.require(request, ALL)
        form = await self.form(request, csrf)
        discard = form.get("confirmar") == "1"

        def change() -> None:
            with self.store.transaction() as session:
                proof = session.proof()
                key = proof.row(cnpj).cnpj
                proof.exclude_company(key, discard=discard)
                session.drop_draft(key)
                session.save_proof(proof)
                session.audit(person.login, "exclusao", key, discarded=discard)

        try:
            await run_in_threadpool(change)
        except ecfmetric.FigureExistsError as error:
            return await self.show_index(
                request, 409, confirm_exclude=cnpj, exclude_error=present.shown_error(error)
            )
        except ecfmetric.ProofError as error:
            return await self.show_index(request, 409, exclude_error=present.shown_error(error))
        return _back("/")

    async def upload(self, request: Request) -> Response:
        cnpj = request.path_params["cnpj"]
        person, csrf = await self.require(request, cnpj)
        form = await self.form(request, csrf, max_files=1, max_fields=8)
        try:
            upload = form.get("arquivo")
            if not isinstance(upload, UploadFile) or not upload.filename:
                missing = present.refusal(
                    "Nenhum arquivo escolhido",
                    "NO_FILE",
                    "Escolha o arquivo ECF (texto, ZIP ou gzip) antes de enviar.",
                )
                return await self.show_company(request, cnpj, 422, upload_error=missing)
            await run_in_threadpool(self._receive_file, person, cnpj, upload.file, upload.filename)
        except Refused as refused:
            return await self.show_company(
                request, cnpj, refused.status, upload_error=refused.shown
            )
        except ecfmetric.EcfError as error:
            return await self.show_company(
                request, cnpj, 422, upload_error=present.shown_error(error)
            )
        finally:
            await form.close()
        return _back(f"/empresas/{cnpj}")

    def _receive_file(self, person: Person, cnpj: str, file: BinaryIO, filename: str) -> None:
        """Parse the upload in a limited child process, then hold it for review."""
        with tempfile.TemporaryDirectory(prefix="portal-upload-") as folder:
            path = os.path.join(folder, "upload")
            with open(path, "wb") as copy:
                shutil.copyfileobj(file, copy, 1024 * 1024)
            with self.slots:
                outcome = worker.run_limited(worker.read_upload, (path, filename), self.limits)
        try:
            if outcome.kind != "ok":
                raise Refused(_limit_refusal(outcome.kind, filename))
            if "error" in outcome.value:
                raise Refused(outcome.value["error"])
            metric = ecfmetric.RevenueMetric.from_dict(outcome.value["metric"])
        except Refused as refused:
            with self.store.transaction() as session:
                session.audit(
                    person.login,
                    "envio_recusado",
                    _bare(cnpj),
                    filename=filename,
                    code=refused.shown["code"],
                )
            raise
        evidence: dict[str, Any] = {
            "filename": filename,
            "signature_error": outcome.value["signature_error"],
        }
        self._hold(person, cnpj, metric, evidence, "envio")

    def _hold(
        self,
        person: Person,
        cnpj: str,
        metric: ecfmetric.RevenueMetric,
        evidence: dict[str, Any],
        action: str,
    ) -> None:
        """Keep the figure for review, once the proof would take it (this copy is not saved)."""
        with self.store.transaction() as session:
            proof = session.proof()
            key = proof.row(cnpj).cnpj
            proof.add(metric, cnpj=key, replace=True)
            draft = Draft(metric=metric, evidence=evidence)
            session.put_draft(key, draft)
            session.audit(
                person.login,
                action,
                key,
                filename=evidence.get("filename"),
                fingerprint=metric.fingerprint,
                net_revenue=str(metric.net_revenue),
                signature_verified=None if metric.signature is None else metric.signature.verified,
                draft=draft.digest,
            )

    async def typed(self, request: Request) -> Response:
        cnpj = request.path_params["cnpj"]
        person, csrf = await self.require(request, cnpj)
        form = await self.form(request, csrf)
        values = {name: _text(form.get(name)) for name in present.FORM_FIELDS}

        def change() -> None:
            with self.store.snapshot() as session:
                proof = session.proof()
                row = proof.row(cnpj)
            metric = ecfmetric.from_form(
                **values,
                cnpj=row.cnpj,
                company_name=row.name,
                reference_year=proof.reference_year,
            )
            self._hold(person, cnpj, metric, {"filename": None}, "formulario")

        try:
            await run_in_threadpool(change)
        except ecfmetric.FormInputError as error:
            errors = _form_errors(error, values)
            return await self.show_company(
                request, cnpj, 422, modo="formulario", form_values=values, form_errors=errors
            )
        except ecfmetric.ProofError as error:
            return await self.show_company(
                request,
                cnpj,
                422,
                modo="formulario",
                form_values=values,
                form_errors={"": present.shown_error(error)},
            )
        return _back(f"/empresas/{cnpj}")

    async def save(self, request: Request) -> Response:
        cnpj = request.path_params["cnpj"]
        person, csrf = await self.require(request, cnpj)
        form = await self.form(request, csrf)
        replace = form.get("substituir") == "1"
        shown = _text(form.get("rascunho"))

        def change() -> None:
            with self.store.transaction() as session:
                proof = session.proof()
                key = proof.row(cnpj).cnpj
                draft = session.draft(key)
                if draft is None:
                    raise Refused(
                        present.refusal(
                            "Nada a salvar",
                            "NO_DRAFT",
                            "Não há valores aguardando para esta empresa (já foram salvos ou "
                            "descartados).",
                        ),
                        409,
                    )
                if not access.same(draft.digest, shown):
                    raise Refused(
                        present.refusal(
                            "Os valores mudaram",
                            "DRAFT_CHANGED",
                            "Os valores a salvar não são os que foram mostrados: outro arquivo "
                            "ou formulário foi enviado para esta empresa depois. Nada foi salvo.",
                        ),
                        409,
                    )
                try:
                    proof.add(draft.metric, cnpj=key)
                except ecfmetric.FigureExistsError:
                    if not replace:
                        raise
                    proof.add(draft.metric, cnpj=key, replace=True)
                session.save_proof(proof)
                if draft.metric.fingerprint is not None:
                    session.put_evidence(draft.metric.fingerprint, draft.evidence)
                session.drop_draft(key)
                session.audit(
                    person.login,
                    "salvo",
                    key,
                    source=draft.metric.source,
                    filename=draft.evidence.get("filename"),
                    fingerprint=draft.metric.fingerprint,
                    net_revenue=str(draft.metric.net_revenue),
                    replaced=replace,
                    draft=draft.digest,
                )

        try:
            await run_in_threadpool(change)
        except Refused as refused:
            return await self.show_company(request, cnpj, refused.status, save_error=refused.shown)
        except ecfmetric.ProofError as error:
            return await self.show_company(
                request, cnpj, 409, save_error=present.shown_error(error)
            )
        if form.get("acao") == "sair":
            return _back("/")
        return _back(f"/empresas/{cnpj}#valores")

    async def discard(self, request: Request) -> Response:
        cnpj = request.path_params["cnpj"]
        person, csrf = await self.require(request, cnpj)
        await self.form(request, csrf)

        def change() -> None:
            with self.store.transaction() as session:
                key = session.proof().row(cnpj).cnpj
                session.drop_draft(key)
                session.audit(person.login, "descarte", key)

        await run_in_threadpool(change)
        return _back(f"/empresas/{cnpj}")

    async def contest(self, request: Request) -> Response:
        cnpj = request.path_params["cnpj"]
        person, csrf = await self.require(request, cnpj)
        form = await self.form(request, csrf)
        values = {name: _text(form.get(name)) for name in ("componente", "valor", "motivo")}

        def change() -> None:
            with self.store.transaction() as session:
                proof = session.proof()
                row = proof.contest(
                    cnpj,
                    values["componente"],  # type: ignore[arg-type]  # the library checks it
                    values["valor"],
                    reason=values["motivo"],
                    by=person.name,
                )
                session.save_proof(proof)
                contest = row.contest_of(values["componente"])
                assert contest is not None
                session.audit(
                    person.login,
                    "contestacao",
                    row.cnpj,
                    component=contest.component,
                    value=str(contest.value),
                    file_value=None if contest.file_value is None else str(contest.file_value),
                    reason=contest.reason,
                    by=contest.by,
                )

        try:
            await run_in_threadpool(change)
        except ecfmetric.ProofError as error:
            field = _CONTEST_FIELDS.get(error.code, "")
            return await self.show_company(
                request,
                cnpj,
                422,
                contest_values=values,
                contest_errors={field: present.shown_error(error)},
            )
        return _back(f"/empresas/{cnpj}#valores")

    async def withdraw(self, request: Request) -> Response:
        cnpj = request.path_params["cnpj"]
        person, csrf = await self.require(request, cnpj)
        form = await self.form(request, csrf)
        component = _text(form.get("componente"))

        def change() -> None:
            with self.store.transaction() as session:
                proof = session.proof()
                row = proof.withdraw_contest(cnpj, component)  # type: ignore[arg-type]
                session.save_proof(proof)
                session.audit(person.login, "retirada", row.cnpj, component=component)

        try:
            await run_in_threadpool(change)
        except ecfmetric.ProofError as error:
            return await self.show_company(
                request, cnpj, 409, contest_errors={"": present.shown_error(error)}
            )
        return _back(f"/empresas/{cnpj}#valores")

    async def confirm_conclusion(self, request: Request) -> Response:
        """The confirmation step: every company's figure and the total, before concluding."""
        await self.require(request, ALL)

        def build() -> dict[str, Any] | ecfmetric.ProofError:
            with self.store.snapshot() as session:
                proof = session.proof()
                if proof.concluded:
                    return {"already": True}
                try:
                    concluded = proof.conclude()  # on this copy only: nothing is saved
                except ecfmetric.ProofError as error:
                    return error
                return {"already": False, **views.receipt_rows(session, concluded)}

        built = await run_in_threadpool(build)
        if isinstance(built, ecfmetric.ProofError):
            pending = await run_in_threadpool(self._pending)
            return await self.show_index(
                request, 409, conclude_error=present.shown_error(built), pending=pending
            )
        if built["already"]:
            return _back("/recibo")
        return self.page(request, "confirm.html", built)

    async def conclude(self, request: Request) -> Response:
        person, csrf = await self.require(request, ALL)
        form = await self.form(request, csrf)
        if form.get("confirmar") != "1":
            return await self.confirm_conclusion(request)

        def change() -> None:
            with self.store.transaction() as session:
                proof = session.proof()
                concluded = proof.conclude()
                session.save_proof(proof)
                session.audit(
                    person.login,
                    "conclusao",
                    None,
                    by=person.name,
                    total_net_revenue=str(concluded.total_net_revenue),
                    companies=[row.cnpj for row in concluded.rows],
                )

        try:
            await run_in_threadpool(change)
        except ecfmetric.ProofError as error:
            pending = await run_in_threadpool(self._pending)
            return await self.show_index(
                request, 409, conclude_error=present.shown_error(error), pending=pending
            )
        return _back("/recibo")

    def _receipt(self) -> dict[str, Any] | None:
        with self.store.snapshot() as session:
            proof = session.proof()
            if not proof.concluded:
                return None
            data = views.receipt_rows(session, proof.conclude())
            entries = session.audit_log("conclusao")
            last = entries[-1] if entries else None
            data["concluded_at"] = None if last is None else views.when(last.at)
            data["concluded_by"] = (
                None if last is None else f"{last.detail.get('by')} ({last.login})"
            )
            return data

    async def receipt(self, request: Request) -> Response:
        await self.require(request, ALL)
        data = await run_in_threadpool(self._receipt)
        if data is None:
            return _back("/concluir")
        return self.page(request, "receipt.html", data)

    async def receipt_csv(self, request: Request) -> Response:
        await self.require(request, ALL)
        data = await run_in_threadpool(self._receipt)
        if data is None:
            return _back("/concluir")
        body = views.receipt_csv(data)
        headers = {"content-disposition": f'attachment; filename="recibo-{data["year"]}.csv"'}
        return Response(body, media_type="text/csv; charset=utf-8", headers=headers)

    def _pending(self) -> list[dict[str, str]]:
        with self.store.snapshot() as session:
            proof = session.proof()
            names = {row.cnpj: row.name for row in proof.rows}
            return [
                {"name": names[cnpj] or "(sem razão social)", "masked": present.cnpj_mask(cnpj)}
                for cnpj in proof.pending
            ]


def _bare(cnpj: str) -> str:
    return "".join(ch for ch in cnpj if ch.isalnum()).upper()


def _limit_refusal(kind: str, filename: str) -> dict[str, str]:
    what = {"memory": "de memória", "cpu": "de processamento", "time": "de tempo"}.get(kind)
    if what is None:
        return present.refusal(
            "Arquivo recusado",
            "READ_FAILED",
            f"{filename}: a leitura do arquivo falhou; nada foi salvo.",
        )
    return present.refusal(
        "Arquivo recusado",
        "UPLOAD_LIMIT",
        f"{filename}: ler este arquivo passou do limite {what} deste portal; nada foi salvo.",
    )


def _form_errors(error: ecfmetric.FormInputError, values: dict[str, str]) -> dict[str, Any]:
    """Each refused field's error next to it: every field the library refused at once (its
    ``refused`` items, when it lists them), else the one it names. The Python name of the field
    is taken off the message: the page shows it under the field's label."""
    shown = present.shown_error(error)
    errors: dict[str, Any] = {}
    for item in getattr(error, "refused", None) or ():
        field = getattr(item, "field", None)
        if field in values and field not in errors:
            errors[field] = {**shown, "message": str(getattr(item, "reason", shown["message"]))}
    if not errors and error.field in values:
        errors[error.field] = {
            **shown,
            "message": shown["message"].removeprefix(f"{error.field}: "),
        }
    return errors or {"": shown}


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _back(url: str) -> Response:
    return RedirectResponse(url, status_code=303)


def create_app(
    database: str | Path,
    *,
    reference_year: int | None = None,
    companies: list[tuple[str, str | None]] | None = None,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
    allowed_hosts: tuple[str, ...] | list[str] = ALLOWED_HOSTS,
    limits: worker.Limits | None = None,
    parallel_uploads: int = 2,
) -> ASGIApp:
    """The portal as an ASGI application, on the SQLite file ``database``.

    A new database is started with ``reference_year`` and ``companies``; an existing one keeps
    the contract it holds. Only ``allowed_hosts`` are served; each upload is read within
    ``limits`` (CPU, memory, wall-clock time), at most ``parallel_uploads`` at once.
    """
    store = Store(database)
    if reference_year is not None:
        store.create(reference_year, companies or [])
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    templates = Jinja2Templates(env=environment)
    portal = Portal(store, templates, max_upload_bytes, limits or worker.Limits(), parallel_uploads)

    def error_page(title: str, code: str, message: str, next_step: str | None = None) -> str:
        error = {
            "title": title,
            "code": code,
            "message": message,
            "next": next_step or present.next_step(code),
        }
        return environment.get_template("error.html").render(error=error)

    def too_large(limit: int) -> str:
        return error_page(
            "Arquivo grande demais",
            "UPLOAD_TOO_LARGE",
            f"O envio passa de {_megabytes(limit)}, o limite deste portal.",
        )

    async def ecf_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ecfmetric.EcfError)
        status = 422
        if isinstance(exc, ecfmetric.CompanyNotInProofError):
            status = 404
        elif isinstance(exc, ecfmetric.BadProofDataError):
            status = 500  # the database was changed behind the portal's back
        return HTMLResponse(error_page(**_page_args(present.shown_error(exc))), status_code=status)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 413:
            return HTMLResponse(too_large(max_upload_bytes), status_code=413)
        if exc.status_code == 404:
            return HTMLResponse(
                error_page(
                    "Página não encontrada",
                    "NOT_FOUND",
                    "Este endereço não existe no portal.",
                    "Volte à lista de empresas.",
                ),
                status_code=404,
            )
        if exc.status_code == 403 and exc.detail == "CSRF":
            return HTMLResponse(
                error_page(
                    "Formulário expirado",
                    "CSRF_FAILED",
                    "O envio não trouxe o código deste formulário; nada foi alterado.",
                    "Volte, recarregue a página e envie de novo.",
                ),
                status_code=403,
            )
        return HTMLResponse(
            error_page(
                "Pedido recusado",
                f"HTTP_{exc.status_code}",
                "O portal não pôde atender a este pedido; nada foi alterado.",
                "Volte à lista de empresas e tente de novo.",
            ),
            status_code=exc.status_code,
        )

    async def sign_in_required(request: Request, exc: Exception) -> Response:
        return _back("/entrar")

    async def forbidden(request: Request, exc: Exception) -> Response:
        return HTMLResponse(
            error_page(
                "Sem acesso",
                "FORBIDDEN",
                "Seu usuário não pode ver nem alterar esta página; nada foi alterado.",
                "Volte à lista: ela mostra as empresas pelas quais você responde. Para outras, "
                "peça acesso a quem administra o portal.",
            ),
            status_code=403,
        )

    async def server_error(request: Request, exc: Exception) -> Response:
        return HTMLResponse(
            error_page(
                "Erro interno",
                "INTERNAL_ERROR",
                "Algo deu errado do nosso lado; nada foi salvo.",
                "Tente de novo; se o erro continuar, avise o suporte.",
            ),
            status_code=500,
        )

    handlers: dict[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
        ecfmetric.EcfError: ecf_error,
        HTTPException: http_error,
        SignInRequired: sign_in_required,
        Forbidden: forbidden,
        Exception: server_error,
    }
    routes = [
        Route("/", portal.index),
        Route("/entrar", portal.entrar, methods=["GET", "POST"]),
        Route("/sair", portal.sign_out, methods=["POST"]),
        Route("/estilo.css", portal.stylesheet),
        Route("/concluir", portal.confirm_conclusion, methods=["GET"]),
        Route("/concluir", portal.conclude, methods=["POST"]),
        Route("/recibo", portal.receipt),
        Route("/recibo.csv", portal.receipt_csv),
        Route("/empresas", portal.include, methods=["POST"]),
        Route("/empresas/{cnpj}", portal.company),
        Route("/empresas/{cnpj}/excluir", portal.exclude, methods=["POST"]),
        Route("/empresas/{cnpj}/arquivo", portal.upload, methods=["POST"]),
        Route("/empresas/{cnpj}/formulario", portal.typed, methods=["POST"]),
        Route("/empresas/{cnpj}/salvar", portal.save, methods=["POST"]),
        Route("/empresas/{cnpj}/descartar", portal.discard, methods=["POST"]),
        Route("/empresas/{cnpj}/contestar", portal.contest, methods=["POST"]),
        Route("/empresas/{cnpj}/retirar", portal.withdraw, methods=["POST"]),
    ]
    app = Starlette(routes=routes, exception_handlers=handlers)
    guarded = access.Guard(app, allowed_hosts, lambda t, c, m: error_page(t, c, m))
    return BodyLimit(guarded, max_upload_bytes, too_large)


def _page_args(shown: dict[str, str]) -> dict[str, str]:
    return {
        "title": shown["title"],
        "code": shown["code"],
        "message": shown["message"],
        "next_step": shown["next"],
    }


def _company_arg(text: str) -> tuple[str, str | None]:
    cnpj, _, name = text.partition("=")
    return cnpj.strip(), name.strip() or None


def main(argv: list[str] | None = None) -> None:
    """``python examples/portal/app.py --port N``: serve the portal on 127.0.0.1."""
    parser = argparse.ArgumentParser(description="Comprovação de Métricas (ecfmetric portal)")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NOME",
        help="a host name the portal answers to, besides 127.0.0.1 and localhost (repeat it)",
    )
    parser.add_argument("--db", default="portal.sqlite3", help="SQLite file (created if missing)")
    parser.add_argument("--year", type=int, help="reference year of a new database")
    parser.add_argument(
        "--empresa",
        action="append",
        default=[],
        type=_company_arg,
        metavar="CNPJ=RAZÃO SOCIAL",
        help="a company of a new database (repeat it)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="start a new database with two companies"
    )
    parser.add_argument("--max-upload-mb", type=int, default=MAX_UPLOAD_BYTES // (1024 * 1024))
    parser.add_argument("--upload-cpu-s", type=int, default=worker.CPU_SECONDS)
    parser.add_argument("--upload-memory-mb", type=int, default=worker.MEMORY_BYTES // 2**20)
    parser.add_argument("--upload-timeout-s", type=float, default=worker.WALL_SECONDS)
    parser.add_argument("--parallel-uploads", type=int, default=2)
    args = parser.parse_args(argv)
    companies: list[tuple[str, str | None]] = args.empresa
    year: int | None = args.year
    existing = _existing_contract(Path(args.db))
    if args.demo:
        if existing is not None and existing.concluded:
            parser.error(
                f"{args.db} já tem uma comprovação concluída ({existing.reference_year}); "
                "--demo não a reutiliza: use --db com um arquivo novo, ou apague este"
            )
        companies = companies or DEMO_COMPANIES
        year = year or DEMO_YEAR
    if year is None:
        year = datetime.date.today().year - 1
    if existing is not None:
        state = "concluída" if existing.concluded else "em andamento"
        print(
            f"Usando a comprovação de {existing.reference_year} em {args.db} ({state}, "
            f"{len(existing.rows)} empresa(s)); --year, --empresa e --demo não a mudam.",
            file=sys.stderr,
        )
    allowed = (*ALLOWED_HOSTS, *args.allowed_host, args.host)
    limits = worker.Limits(
        cpu_seconds=args.upload_cpu_s,
        memory_bytes=args.upload_memory_mb * 1024 * 1024,
        wall_seconds=args.upload_timeout_s,
    )
    try:
        app = create_app(
            args.db,
            reference_year=year,
            companies=companies,
            max_upload_bytes=args.max_upload_mb * 1024 * 1024,
            allowed_hosts=allowed,
            limits=limits,
            parallel_uploads=max(1, args.parallel_uploads),
        )
    except ecfmetric.ProofError as error:
        parser.error(f"{present.error_code(error)}: {error}")
    if args.demo:
        _demo_person(Path(args.db))
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")


def _existing_contract(path: Path) -> ecfmetric.Proof | None:
    if not path.exists():
        return None
    try:
        with Store(path).snapshot() as session:
            return session.proof()
    except LookupError:
        return None


def _demo_person(path: Path) -> None:
    """``--demo``: a person for the whole contract, when the database has nobody yet."""
    import secrets

    with Store(path).transaction() as session:
        if session.has_people():
            return
        password = secrets.token_urlsafe(12)
        access.add_person(session, "demo", "Pessoa de demonstração", password, [ALL])
    print(f"Entre com o usuário demo e a senha {password}", file=sys.stderr)


if __name__ == "__main__":
    main()
