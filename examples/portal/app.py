"""Comprovação de Métricas: a reference self-service portal built on ecfmetric.

Each company of a contract proves its yearly net revenue by uploading its ECF (plain text, ZIP or
gzip) or by typing four amounts; the person reviews the breakdown, may contest a component, and
concludes the proof once every company is saved. Start it with::

    python examples/portal/app.py --port 8000 --demo

and open http://127.0.0.1:8000/. See README.md beside this file.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import zipfile
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, cast

import jinja2
import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import ecfmetric
import present
from store import Draft, Session, Store

HERE = Path(__file__).resolve().parent

#: The largest request body taken, upload included: 64 MiB. A year's ECF of a large company can
#: be hundreds of MB as text, a few tens zipped; past this the answer is 413 before anything is read.
MAX_UPLOAD_BYTES = 64 * 1024 * 1024

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
    "BAD_CONTEST_AUTHOR": "responsavel",
}


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

    def __init__(self, store: Store, templates: Jinja2Templates, max_upload: int) -> None:
        self.store = store
        self.templates = templates
        self.max_upload = max_upload

    # -- rendering -------------------------------------------------------------------------

    def page(
        self, request: Request, name: str, context: dict[str, Any], status: int = 200
    ) -> Response:
        return self.templates.TemplateResponse(request, name, context, status_code=status)

    def index_context(self, session: Session, **extra: Any) -> dict[str, Any]:
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
        ]
        total = present.brl(proof.conclude().total_net_revenue) if proof.concluded else None
        context: dict[str, Any] = {
            "year": proof.reference_year,
            "rows": rows,
            "concluded": proof.concluded,
            "total": total,
            "include_values": {},
            "include_errors": {},
        }
        context.update(extra)
        return context

    def company_context(self, session: Session, cnpj: str, **extra: Any) -> dict[str, Any]:
        proof = session.proof()
        row = proof.row(cnpj)
        draft = None if proof.concluded else session.draft(row.cnpj)
        saved = None
        if row.metric is not None:
            saved = _figure(row.metric, row, session.evidence(row.metric.fingerprint))
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
            "draft": None if draft is None else _figure(draft.metric, None, draft.evidence),
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
        def build() -> dict[str, Any]:
            with self.store.snapshot() as session:
                return self.index_context(session, **extra)

        return self.page(request, "index.html", await run_in_threadpool(build), status)

    async def show_company(
        self, request: Request, cnpj: str, status: int = 200, **extra: Any
    ) -> Response:
        def build() -> dict[str, Any]:
            with self.store.snapshot() as session:
                return self.company_context(session, cnpj, **extra)

        return self.page(request, "company.html", await run_in_threadpool(build), status)

    # -- pages -----------------------------------------------------------------------------

    async def index(self, request: Request) -> Response:
        return await self.show_index(request)

    async def company(self, request: Request) -> Response:
        modo = "formulario" if request.query_params.get("modo") == "formulario" else "arquivo"
        return await self.show_company(request, request.path_params["cnpj"], modo=modo)

    # -- actions ---------------------------------------------------------------------------

    async def include(self, request: Request) -> Response:
        form = await request.form()
        values = {"cnpj": _text(form.get("cnpj")), "razao_social": _text(form.get("razao_social"))}

        def change() -> None:
            with self.store.transaction() as session:
                proof = session.proof()
                proof.include_company(values["cnpj"], values["razao_social"].strip() or None)
                session.save_proof(proof)

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
        form = await request.form()
        discard = form.get("confirmar") == "1"

        def change() -> None:
            with self.store.transaction() as session:
                proof = session.proof()
                key = proof.row(cnpj).cnpj
                proof.exclude_company(key, discard=discard)
                session.drop_draft(key)
                session.save_proof(proof)

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
        form = await request.form(max_files=1, max_fields=4)
        try:
            upload = form.get("arquivo")
            if not isinstance(upload, UploadFile) or not upload.filename:
                missing = {
                    "title": "Nenhum arquivo escolhido",
                    "code": "NO_FILE",
                    "message": "Escolha o arquivo ECF (texto, ZIP ou gzip) antes de enviar.",
                }
                return await self.show_company(request, cnpj, 422, upload_error=missing)
            await run_in_threadpool(self._receive_file, cnpj, upload.file, upload.filename)
        except ecfmetric.EcfError as error:
            return await self.show_company(
                request, cnpj, 422, upload_error=present.shown_error(error)
            )
        finally:
            await form.close()
        return _back(f"/empresas/{cnpj}")

    def _receive_file(self, cnpj: str, file: BinaryIO, filename: str) -> None:
        try:
            metric = ecfmetric.read(file)
        except (ecfmetric.EcfFormatError, ecfmetric.MetricUnavailableError) as error:
            raise (error if error.source else error.with_source(filename)) from None
        evidence: dict[str, Any] = {
            "filename": filename,
            "signature": None,
            "signature_error": None,
        }
        file.seek(0)
        try:
            with _signed_file(file) as signed:
                signature = ecfmetric.read_signature(signed)
        except (ecfmetric.SignatureError, ecfmetric.SignatureSupportError) as error:
            evidence["signature_error"] = present.shown_error(error)
        else:
            evidence["signature"] = None if signature is None else signature.to_dict()
        self._hold(cnpj, metric, evidence)

    def _hold(self, cnpj: str, metric: ecfmetric.RevenueMetric, evidence: dict[str, Any]) -> None:
        """Keep the figure for review, once the proof would take it (this copy is not saved)."""
        with self.store.transaction() as session:
            proof = session.proof()
            key = proof.row(cnpj).cnpj
            proof.add(metric, cnpj=key, replace=True)
            session.put_draft(key, Draft(metric=metric, evidence=evidence))

    async def typed(self, request: Request) -> Response:
        cnpj = request.path_params["cnpj"]
        form = await request.form()
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
            self._hold(cnpj, metric, {"filename": None, "signature": None, "signature_error": None})

        try:
            await run_in_threadpool(change)
        except ecfmetric.FormInputError as error:
            shown = present.shown_error(error)
            errors = {error.field: shown} if error.field in values else {"": shown}
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
        form = await request.form()
        replace = form.get("substituir") == "1"

        def change() -> None:
            with self.store.transaction() as session:
                proof = session.proof()
                key = proof.row(cnpj).cnpj
                draft = session.draft(key)
                if draft is None:
                    return
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

        try:
            await run_in_threadpool(change)
        except ecfmetric.ProofError as error:
            return await self.show_company(
                request, cnpj, 409, save_error=present.shown_error(error)
            )
        return _back("/" if form.get("acao") == "sair" else f"/empresas/{cnpj}")

    async def discard(self, request: Request) -> Response:
        cnpj = request.path_params["cnpj"]

        def change() -> None:
            with self.store.transaction() as session:
                session.drop_draft(session.proof().row(cnpj).cnpj)

        await run_in_threadpool(change)
        return _back(f"/empresas/{cnpj}")

    async def contest(self, request: Request) -> Response:
        cnpj = request.path_params["cnpj"]
        form = await request.form()
        values = {
            name: _text(form.get(name)) for name in ("componente", "valor", "motivo", "responsavel")
        }

        def change() -> None:
            with self.store.transaction() as session:
                proof = session.proof()
                proof.contest(
                    cnpj,
                    values["componente"],  # type: ignore[arg-type]  # the library checks it
                    values["valor"],
                    reason=values["motivo"],
                    by=values["responsavel"].strip() or None,
                )
                session.save_proof(proof)

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
        return _back(f"/empresas/{cnpj}")

    async def withdraw(self, request: Request) -> Response:
        cnpj = request.path_params["cnpj"]
        form = await request.form()
        component = _text(form.get("componente"))

        def change() -> None:
            with self.store.transaction() as session:
                proof = session.proof()
                proof.withdraw_contest(cnpj, component)  # type: ignore[arg-type]
                session.save_proof(proof)

        try:
            await run_in_threadpool(change)
        except ecfmetric.ProofError as error:
            return await self.show_company(
                request, cnpj, 409, contest_errors={"": present.shown_error(error)}
            )
        return _back(f"/empresas/{cnpj}")

    async def conclude(self, request: Request) -> Response:
        def change() -> None:
            with self.store.transaction() as session:
                proof = session.proof()
                proof.conclude()
                session.save_proof(proof)

        try:
            await run_in_threadpool(change)
        except ecfmetric.ProofError as error:
            pending = await run_in_threadpool(self._pending)
            return await self.show_index(
                request, 409, conclude_error=present.shown_error(error), pending=pending
            )
        return _back("/")

    def _pending(self) -> list[dict[str, str]]:
        with self.store.snapshot() as session:
            proof = session.proof()
            names = {row.cnpj: row.name for row in proof.rows}
            return [
                {"name": names[cnpj] or "(sem razão social)", "masked": present.cnpj_mask(cnpj)}
                for cnpj in proof.pending
            ]


def _figure(
    metric: ecfmetric.RevenueMetric,
    row: ecfmetric.ProofRow | None,
    evidence: dict[str, Any] | None,
) -> dict[str, Any]:
    """A figure as the page shows it: components (contested ones marked), lines, warnings."""
    components = []
    for name, label in present.COMPONENTS.items():
        value = getattr(metric, name) if row is None else row.value(name)  # type: ignore[arg-type]
        contest = None if row is None else row.contest_of(name)
        components.append(
            {
                "name": name,
                "label": label,
                "value": present.brl(value),
                "contest": None
                if contest is None
                else {
                    "file_value": present.brl(contest.file_value),
                    "reason": contest.reason,
                    "by": contest.by,
                },
            }
        )
    net = metric.net_revenue if row is None else row.net_revenue
    warnings = metric.warnings if row is None else row.warnings
    evidence = evidence or {}
    signature = evidence.get("signature")
    return {
        "source": metric.source,
        "source_label": present.SOURCE[metric.source],
        "filename": evidence.get("filename"),
        "file_name": metric.company_name,
        "file_cnpj": None if metric.cnpj is None else present.cnpj_mask(metric.cnpj),
        "period": None
        if metric.period_start is None or metric.period_end is None
        else f"{metric.period_start:%d/%m/%Y} a {metric.period_end:%d/%m/%Y}",
        "components": components,
        "net": present.brl(net),
        "lines": present.line_rows(metric) if metric.source == "ecf" else [],
        "warnings": [
            {
                "code": w.code,
                "message": w.message,
                "line_number": w.line_number,
                "record": w.record,
            }
            for w in warnings
        ],
        "attention": [] if row is None else [w.code for w in row.attention],
        "notes": [] if row is None else [{"code": n.code, "message": n.message} for n in row.notes],
        "signature": None if signature is None else present.signature_view(signature, metric.cnpj),
        "signature_error": evidence.get("signature_error"),
    }


@contextmanager
def _signed_file(file: BinaryIO) -> Iterator[BinaryIO]:
    """The ECF as the PVA signed it: ``read_signature`` reads the bytes as given, so a ZIP or
    gzip upload is unpacked here. ``read()`` has already accepted the archive (one member,
    within the library's expansion bounds), so this cannot expand without bound."""
    head = file.read(4)
    file.seek(0)
    if head.startswith(b"\x1f\x8b"):
        with gzip.GzipFile(fileobj=file, mode="rb") as unpacked:
            yield cast(BinaryIO, unpacked)
    elif head == b"PK\x03\x04":
        with zipfile.ZipFile(file) as archive:
            members = [
                m for m in archive.infolist() if not m.is_dir() and "__MACOSX" not in m.filename
            ]
            with archive.open(members[0]) as unpacked:
                yield cast(BinaryIO, unpacked)
    else:
        yield file


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
) -> ASGIApp:
    """The portal as an ASGI application, on the SQLite file ``database``.

    A new database is started with ``reference_year`` and ``companies``; an existing one keeps
    the contract it holds.
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
    portal = Portal(store, templates, max_upload_bytes)

    def error_page(title: str, code: str, message: str) -> str:
        return environment.get_template("error.html").render(
            error={"title": title, "code": code, "message": message}
        )

    def too_large(limit: int) -> str:
        return error_page(
            "Arquivo grande demais",
            "UPLOAD_TOO_LARGE",
            f"O envio passa de {_megabytes(limit)}, o limite deste portal. "
            "Envie o ECF compactado em ZIP ou gzip.",
        )

    async def ecf_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ecfmetric.EcfError)
        status = 422
        if isinstance(exc, ecfmetric.CompanyNotInProofError):
            status = 404
        elif isinstance(exc, ecfmetric.BadProofDataError):
            status = 500  # the database was changed behind the portal's back
        shown = present.shown_error(exc)
        return HTMLResponse(error_page(**shown), status_code=status)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 413:
            return HTMLResponse(too_large(max_upload_bytes), status_code=413)
        if exc.status_code == 404:
            return HTMLResponse(
                error_page("Página não encontrada", "NOT_FOUND", "Volte à lista de empresas."),
                status_code=404,
            )
        return HTMLResponse(
            error_page("Pedido recusado", f"HTTP_{exc.status_code}", str(exc.detail)),
            status_code=exc.status_code,
        )

    async def server_error(request: Request, exc: Exception) -> Response:
        return HTMLResponse(
            error_page(
                "Erro interno",
                "INTERNAL_ERROR",
                "Algo deu errado do nosso lado; nada foi salvo. Tente de novo.",
            ),
            status_code=500,
        )

    handlers: dict[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
        ecfmetric.EcfError: ecf_error,
        HTTPException: http_error,
        Exception: server_error,
    }
    routes = [
        Route("/", portal.index),
        Route("/concluir", portal.conclude, methods=["POST"]),
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
    return BodyLimit(app, max_upload_bytes, too_large)


def _company_arg(text: str) -> tuple[str, str | None]:
    cnpj, _, name = text.partition("=")
    return cnpj.strip(), name.strip() or None


def main(argv: list[str] | None = None) -> None:
    """``python examples/portal/app.py --port N``: serve the portal on 127.0.0.1."""
    parser = argparse.ArgumentParser(description="Comprovação de Métricas (ecfmetric portal)")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
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
    args = parser.parse_args(argv)
    companies: list[tuple[str, str | None]] = args.empresa
    year: int | None = args.year
    if args.demo:
        companies = companies or DEMO_COMPANIES
        year = year or DEMO_YEAR
    if year is None:
        year = datetime.date.today().year - 1
    try:
        app = create_app(
            args.db,
            reference_year=year,
            companies=companies,
            max_upload_bytes=args.max_upload_mb * 1024 * 1024,
        )
    except ecfmetric.ProofError as error:
        parser.error(f"{present.error_code(error)}: {error}")
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")


if __name__ == "__main__":
    main()
