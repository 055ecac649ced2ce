"""A small FastAPI service around ecfmetric: its routes return ``ecfmetric.types``' TypedDicts,
so the OpenAPI schema (``/openapi.json``, ``/docs``) shows the real fields of each answer.

Run it with ``uvicorn app:app`` from this folder (``pip install uvicorn``); the tests use
FastAPI's ``TestClient``.

- ``POST /metric``: the ECF file as the request body (plain, ZIP or gzip) → ``RevenueMetricDict``;
  a file refused → 422 with an ``ErrorDict`` (code, message in pt-BR, line, record, field).
- ``POST /form``: the portal's form as JSON (``"1.234,56"`` amounts) → ``RevenueMetricDict``;
  a value refused → 422 with an ``ErrorDict`` naming the field.
- ``GET /codes/{code}``: what a code means, in Portuguese.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Body, FastAPI, HTTPException, Request
from typing_extensions import TypedDict

import ecfmetric
from ecfmetric.types import ErrorDict, RevenueMetricDict

#: The largest body read into memory (a real ECF can be larger: stream it to a file first).
MAX_BODY = 64 << 20

app = FastAPI(title="ecfmetric example", version=ecfmetric.__version__)


class FormDict(TypedDict, total=False):
    """The portal's form: amounts as a person types them (``"1.234,56"``)."""

    gross_revenue: str
    cancellations: str
    taxes: str
    discounts: str
    other_deductions: str
    cnpj: str
    company_name: str
    reference_year: int


class CodeDict(TypedDict):
    """A code of ecfmetric.CODES and what it means."""

    code: str
    kind: str
    meaning: str


def _refused(error: ecfmetric.EcfError) -> HTTPException:
    detail: ErrorDict = {
        "code": getattr(error, "code", "ECF_ERROR"),
        "message": error.render("pt"),  # people read Portuguese, whatever the process set
        "line_number": getattr(error, "line_number", None),
        "record": getattr(error, "record", None),
        "field": getattr(error, "field", None),
    }
    return HTTPException(status_code=422, detail=detail)


@app.post(
    "/metric",
    responses={422: {"description": "the file is refused: an ErrorDict under 'detail'"}},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/octet-stream": {"schema": {"type": "string"}}},
        }
    },
)
async def metric(request: Request) -> RevenueMetricDict:
    """The revenue metric of the ECF file sent as the body."""
    body = await request.body()
    if len(body) > MAX_BODY:
        raise HTTPException(status_code=413, detail="the file is larger than this service reads")
    try:
        return ecfmetric.read_bytes(body, name="upload").to_dict()
    except ecfmetric.EcfError as error:
        raise _refused(error) from None


@app.post("/form", responses={422: {"description": "a value is refused"}})
def form(values: Annotated[FormDict, Body()]) -> RevenueMetricDict:
    """The metric of four (or five) typed amounts."""
    kwargs: dict[str, Any] = dict(values)
    try:
        return ecfmetric.from_form(**kwargs).to_dict()
    except ecfmetric.EcfError as error:
        raise _refused(error) from None


@app.get("/codes/{code}")
def code(code: str) -> CodeDict:
    """What ``code`` means, in Portuguese (404 for a string that is no code)."""
    info = ecfmetric.CODES.get(code)
    if info is None:
        raise HTTPException(status_code=404, detail=f"no code {code!r}")
    with ecfmetric.language("pt"):
        return {"code": code, "kind": info.kind, "meaning": info.meaning}
