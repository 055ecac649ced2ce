"""The JSON Schemas shipped in ``ecfmetric/schema`` (and ``docs/schema``): drawn from
``ecfmetric.types``, valid draft 2020-12, and every ``to_dict()`` the library and the command
line write validates against them: each fixture read (or refused), each validation report, the
signed fixtures' signatures, form results, proofs (saved, contested, concluded) and ``--json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import ecfmetric
from ecfmetric import schema
from ecfmetric.cli._cli import main
from ecfmetric.model import _schema_gen
from ecfmetric.strategies import form_inputs

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "fixtures"
CASES = sorted([*FIXTURES.rglob("*.txt"), *FIXTURES.rglob("*.ecf")])
IDS = [str(c.relative_to(FIXTURES)) for c in CASES]


def _validator(shape: str) -> Any:
    loaded = schema.load(shape)
    return jsonschema.Draft202012Validator(loaded)


def _valid(shape: str, data: object) -> None:
    errors = sorted(_validator(shape).iter_errors(data), key=lambda e: list(e.path))
    assert errors == [], "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def _sidecar(case: Path) -> dict[str, Any]:
    name = case.name.rsplit(".", 1)[0] + ".expected.json"
    data: dict[str, Any] = json.loads(case.with_name(name).read_text(encoding="utf-8"))
    return data


# -- the files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", _schema_gen.SHAPES)
def test_shipped_and_documented_files_are_the_rendered_ones(shape: str) -> None:
    """src/ecfmetric/schema and docs/schema hold what ``python -m ecfmetric.model._schema_gen``
    renders from ecfmetric.types."""
    name = _schema_gen.file_name(shape)
    rendered = _schema_gen.render_text(shape)
    assert (ROOT / "src" / "ecfmetric" / "schema" / name).read_text("utf-8") == rendered
    assert (ROOT / "docs" / "schema" / name).read_text("utf-8") == rendered
    assert schema.load(shape) == schema.load(name) == json.loads(rendered)


def test_every_shape_of_types_has_a_file() -> None:
    """Each TypedDict of ecfmetric.types has its schema, and nothing else is shipped."""
    typed = {
        name
        for name in ecfmetric.types.__all__
        if _schema_gen._is_typed_dict(getattr(ecfmetric.types, name))
    }
    assert typed == set(_schema_gen.SHAPES)
    assert schema.names() == sorted(_schema_gen.file_name(s) for s in typed)
    with pytest.raises(KeyError, match="no schema"):
        schema.load("NoSuchDict")


@pytest.mark.parametrize("shape", _schema_gen.SHAPES)
def test_each_schema_is_draft_2020_12(shape: str) -> None:
    """Each file is a valid draft 2020-12 schema, closed (no key but those listed)."""
    loaded = schema.load(shape)
    assert loaded["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(loaded)
    assert loaded["additionalProperties"] is False
    assert loaded["required"] == list(loaded["properties"])


def test_the_schema_refuses_what_to_dict_never_writes() -> None:
    """Money as a number, a missing key, an extra key, an unknown regime: each is refused."""
    metric = ecfmetric.read(FIXTURES / "x3_real_annual_0001.txt").to_dict()
    validator = _validator("RevenueMetricDict")
    assert validator.is_valid(metric)
    for bad in (
        {**metric, "net_revenue": 6215000.0},
        {**metric, "net_revenue": "6.215.000,00"},
        {**metric, "regime": "lucro_inventado"},
        {**metric, "period_start": "31/12/2014"},
        {**metric, "extra": 1},
        {k: v for k, v in metric.items() if k != "lines"},
    ):
        assert not validator.is_valid(bad)


# -- what the library writes -------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_fixture_validates(case: Path) -> None:
    """Each fixture's to_dict() (or, refused, its --json refusal) and its validation report."""
    strict = _sidecar(case).get("strict", True)
    try:
        metric = ecfmetric.read(case, strict=strict, signature=case.suffix == ".ecf")
    except ecfmetric.EcfError as error:
        from ecfmetric.present._cli_export import refusal

        _valid("RefusalDict", refusal(str(case), error))
    else:
        _valid("RevenueMetricDict", metric.to_dict())
        _valid("FileMetricDict", {"file": str(case), **metric.to_dict(), "error": None})
        if metric.signature is not None:
            _valid("SignatureSummaryDict", metric.signature.to_dict())
    _valid("ValidationReportDict", ecfmetric.validate(case, strict=strict).to_dict())


def test_the_fixtures_hold_both_kinds() -> None:
    """The corpus exercises the schemas above: files read, files refused, and signed files
    whose signature summary is validated."""
    read, refused = 0, 0
    for case in CASES:
        if "error" in _sidecar(case) and _sidecar(case)["error"]:
            refused += 1
        else:
            read += 1
    assert read >= 30
    assert refused >= 30
    signed = 0
    for case in CASES:
        if case.suffix == ".ecf":
            try:
                signed += ecfmetric.read(case, signature=True).signature is not None
            except ecfmetric.EcfError:
                continue
    assert signed >= 5, "signature summaries are validated too"


@settings(max_examples=25)
@given(form_inputs())
def test_form_results_validate(case: tuple[dict[str, Any], ecfmetric.RevenueMetric]) -> None:
    """from_form()'s metrics, with or without identity, validate."""
    kwargs, _ = case
    _valid("RevenueMetricDict", ecfmetric.from_form(**kwargs).to_dict())


def test_proofs_validate() -> None:
    """A proof pending, saved (file and form), contested, concluded, and one of its rows."""
    metric = ecfmetric.read(FIXTURES / "x3_real_annual_0001.txt")
    assert metric.cnpj is not None
    assert metric.reference_year is not None
    proof = ecfmetric.Proof(
        metric.reference_year, companies=[(metric.cnpj, "AGRO"), "33444555000181"]
    )
    _valid("ProofDict", proof.to_dict())
    proof.add(metric)
    proof.add(
        ecfmetric.from_form(
            gross_revenue="500.000,00", cancellations="0,00", taxes="45.000,00", discounts="0,00"
        ),
        cnpj="33444555000181",
    )
    proof.contest(metric.cnpj, "taxes", "1.000.000,00", reason="guia paga", by="ana")
    _valid("ProofDict", proof.to_dict())
    for row in proof.rows:
        _valid("ProofRowDict", row.to_dict())
    (contest,) = [c for _, c in proof.contested]
    _valid("ContestDict", contest.to_dict())
    _valid("ConcludedProofDict", proof.conclude().to_dict())


def test_cli_json_validates(capsys: pytest.CaptureFixture[str]) -> None:
    """``--json`` over read and refused fixtures (and a file that is not there): each item a
    FileMetricDict or a RefusalDict."""
    files = [
        FIXTURES / "x3_real_annual_0001.txt",
        FIXTURES / "bad_amount.txt",
        FIXTURES / "not_ecf.txt",
        FIXTURES / "no-such-file.txt",
    ]
    assert main(["--json", *map(str, files)]) == 1
    rows = json.loads(capsys.readouterr().out)
    assert [row["error"] is None for row in rows] == [True, False, False, False]
    _valid("FileMetricDict", rows[0])
    for row in rows[1:]:
        _valid("RefusalDict", row)
    assert rows[3]["error"]["code"] == "FILE_NOT_FOUND"


def test_the_loader_s_and_the_row_s_examples_run() -> None:
    """The doctests of ecfmetric.schema and of refusal_row run as written."""
    import doctest

    from ecfmetric.model import _rows

    for module in (schema, _rows):
        results = doctest.testmod(module)
        assert results.attempted >= 2, module
        assert results.failed == 0, module
