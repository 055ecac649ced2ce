"""The FastAPI example starts on this Python (3.11 included), its OpenAPI schema shows the real
fields of ecfmetric.types.RevenueMetricDict, and its answers are the library's to_dict()."""

from __future__ import annotations

import json
import typing

import pytest
from conftest import FIXTURES
from fastapi.testclient import TestClient

import ecfmetric
from ecfmetric.types import RevenueMetricDict


@pytest.fixture(scope="module")
def client() -> TestClient:
    import app  # at import, FastAPI builds the response models from the TypedDicts

    return TestClient(app.app)


def test_openapi_shows_the_fields_of_revenue_metric_dict(client: TestClient) -> None:
    """/openapi.json's RevenueMetricDict has every field of the TypedDict, with their types."""
    answer = client.get("/openapi.json")
    assert answer.status_code == 200
    schemas = answer.json()["components"]["schemas"]
    shape = schemas["RevenueMetricDict"]
    assert list(shape["properties"]) == list(typing.get_type_hints(RevenueMetricDict))
    assert set(shape["required"]) == set(shape["properties"])
    net = shape["properties"]["net_revenue"]
    assert {"type": "string"} in net["anyOf"]
    assert {"type": "null"} in net["anyOf"]
    assert shape["properties"]["periods"]["items"] == {
        "$ref": "#/components/schemas/PeriodMetricDict"
    }
    assert "gross_revenue" in schemas["PeriodMetricDict"]["properties"]
    assert shape["properties"]["source"]["enum"] == ["ecf", "form"]
    paths = answer.json()["paths"]
    for path in ("/metric", "/form"):
        (ok,) = [a for status, a in paths[path]["post"]["responses"].items() if status == "200"]
        assert ok["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/RevenueMetricDict"
        }


def test_a_file_read(client: TestClient) -> None:
    """POST /metric with a fixture: the library's to_dict(), figures as the sidecar's."""
    case = FIXTURES / "x3_real_annual_0001.txt"
    answer = client.post("/metric", content=case.read_bytes())
    assert answer.status_code == 200
    body = answer.json()
    expected = json.loads(case.with_name("x3_real_annual_0001.expected.json").read_text("utf-8"))
    assert body["net_revenue"] == expected["net_revenue"] == "6215000.00"
    assert body == {**ecfmetric.read(case).to_dict(), "file_name": "upload"}


def test_a_file_refused(client: TestClient) -> None:
    """A refused file: 422, the code, the line and a Portuguese message."""
    case = FIXTURES / "bad_amount.txt"
    expected = json.loads(case.with_name("bad_amount.expected.json").read_text("utf-8"))
    answer = client.post("/metric", content=case.read_bytes())
    assert answer.status_code == 422
    detail = answer.json()["detail"]
    assert detail["code"] == "BAD_AMOUNT"
    assert detail["line_number"] == expected["error"]["line_number"]
    assert f"linha {detail['line_number']}, L300.VALOR" in detail["message"]


def test_the_form(client: TestClient) -> None:
    """POST /form: 12.000.000,00 less 10.000,00 of cancellations is 11990000.00."""
    answer = client.post(
        "/form",
        json={
            "gross_revenue": "12.000.000,00",
            "cancellations": "10.000,00",
            "taxes": "0,00",
            "discounts": "0,00",
        },
    )
    assert answer.status_code == 200
    assert answer.json()["net_revenue"] == "11990000.00"
    assert answer.json()["source"] == "form"
    refused = client.post(
        "/form",
        json={"gross_revenue": "1,234.56", "cancellations": "0", "taxes": "0", "discounts": "0"},
    )
    assert refused.status_code == 422
    assert refused.json()["detail"]["code"] == "BAD_FORM_INPUT"
    assert refused.json()["detail"]["field"] == "gross_revenue"


def test_codes(client: TestClient) -> None:
    """GET /codes/BAD_AMOUNT: its Portuguese meaning; a string that is no code: 404."""
    answer = client.get("/codes/BAD_AMOUNT")
    assert answer.status_code == 200
    assert answer.json() == {
        "code": "BAD_AMOUNT",
        "kind": "error",
        "meaning": ecfmetric.CODES["BAD_AMOUNT"].meaning_pt,
    }
    assert client.get("/codes/NOPE").status_code == 404
