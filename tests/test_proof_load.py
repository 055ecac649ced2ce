"""A saved proof loads only if it is what the library wrote; the JSON shapes are typed."""

from __future__ import annotations

import copy
import doctest
import json
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ecfmetric
from ecf_helpers import ecf_bytes, read_bytes, real_annual
from ecfmetric import (
    BadProofDataError,
    ConcludedProof,
    Finding,
    Proof,
    ProofError,
    ProofRow,
    RevenueMetric,
    from_form,
    types,
)
from ecfmetric.base._cnpj import _WEIGHTS_1, _WEIGHTS_2, _digit
from ecfmetric.model._load import keys_of
from ecfmetric.model._revenue_metric import metric as load_metric
from ecfmetric.strategies import ecf_files

D = Decimal
HEAD = "11222333000181"
BRANCH = "11222333000262"
OTHER = "33444555000181"
ALNUM = "12ABC345000188"


def form(cnpj: str | None = HEAD, gross: str = "1000,00") -> RevenueMetric:
    return from_form(
        gross_revenue=gross,
        cancellations=0,
        taxes="150,00",
        discounts=0,
        cnpj=cnpj,
        reference_year=2024,
    )


def ecf(cnpj: str = HEAD, fingerprint: str = "f1", **changes: Any) -> RevenueMetric:
    return attrs.evolve(
        form(cnpj),
        source="ecf",
        company_name="ACME LTDA",
        fingerprint=fingerprint,
        **changes,
    )


def real_metric() -> RevenueMetric:
    """A metric as read() gives it: periods, lines read, warnings."""
    data = ecf_bytes(
        real_annual(
            [
                "|L300|3.01.01.01|RECEITA LIQUIDA|S|4|04|3.01.01|800,00|C|",
                "|L300|3.01.01.01.01|RECEITA BRUTA|S|5|04|3.01.01.01|1000,00|C|",
                "|L300|3.01.01.01.01.01|VENDAS|A|6|04|3.01.01.01.01|1000,00|C|",
                "|L300|3.01.01.01.02|DEDUCOES|S|5|04|3.01.01.01|150,00|D|",
                "|L300|3.01.01.01.02.03|ICMS|A|6|04|3.01.01.01.02|150,00|D|",
            ]
        )
    )
    return read_bytes(data)


def busy_proof() -> Proof:
    """An open proof with every kind of entry: pending, head office's rectified file, a form,
    a real file with warnings, and contests."""
    proof = Proof(2024, [(BRANCH, "ACME filial"), OTHER, ALNUM, "44555666000181"])
    proof.add(ecf(HEAD))
    proof.add(ecf(HEAD, "f2", rectifying=True, receipt="R1"), cnpj=BRANCH)
    proof.add(form(None), cnpj=OTHER)
    proof.contest(OTHER, "taxes", "120,00", reason="DARF", by="ana")
    proof.contest(BRANCH, "gross_revenue", "900,00", reason="books")
    proof.add(attrs.evolve(real_metric(), reference_year=2024, cnpj=ALNUM))
    return proof


def concluded_proof() -> ConcludedProof:
    proof = busy_proof()
    proof.exclude_company("44555666000181")
    return proof.conclude()


def test_busy_proofs_round_trip_exactly() -> None:
    """What to_dict writes loads back equal, and writes back the same dict, through JSON."""
    proof = busy_proof()
    data = json.loads(json.dumps(proof.to_dict()))
    again = Proof.from_dict(data)
    assert again == proof
    assert again.to_dict() == data
    concluded = concluded_proof()
    data = json.loads(json.dumps(concluded.to_dict()))
    assert ConcludedProof.from_dict(data) == concluded
    assert ConcludedProof.from_dict(data).to_dict() == data
    for row in concluded.rows:
        assert ProofRow.from_dict(json.loads(json.dumps(row.to_dict()))) == row
    pending = Proof(2024, [HEAD]).row(HEAD)
    assert ProofRow.from_dict(pending.to_dict()) == pending


def _set(data: Any, path: tuple[str | int, ...], value: Any) -> Any:
    data = copy.deepcopy(data)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


def _drop(data: Any, path: tuple[str | int, ...]) -> Any:
    data = copy.deepcopy(data)
    target = data
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return data


M = ("companies", 1, "metric")  # the form figure of OTHER in busy_proof()
R = ("companies", 2, "metric")  # the real file of ALNUM


@pytest.mark.parametrize(
    ("change", "path", "reason"),
    [
        (lambda d: [], "", "must be an object, got list"),
        (lambda d: {**d, "extra": 1}, "", "unknown key(s) 'extra'"),
        (lambda d: _drop(d, ("concluded",)), "", "missing key(s) concluded"),
        (
            lambda d: _set(d, ("reference_year",), "2024"),
            "reference_year",
            "must be an integer, got str",
        ),
        (
            lambda d: _set(d, ("reference_year",), True),
            "reference_year",
            "must be an integer, got bool",
        ),
        (lambda d: _set(d, ("concluded",), 0), "concluded", "must be true or false, got int"),
        (lambda d: _set(d, ("companies",), {}), "companies", "must be a list, got dict"),
        (
            lambda d: _set(d, ("companies", 0, "cnpj"), "11.222.333/0002-62"),
            "companies[0].cnpj",
            "not a bare CNPJ with valid check digits: '11.222.333/0002-62'",
        ),
        (
            lambda d: _set(d, ("companies", 1, "cnpj"), BRANCH),
            "companies[1].cnpj",
            "company '11.222.333/0002-62' is listed twice",
        ),
        (
            lambda d: _set(d, ("companies", 0, "name"), " ACME "),
            "companies[0].name",
            "a listed name is null or a non-empty text without surrounding spaces",
        ),
        (
            lambda d: _set(d, (*M, "gross_revenue"), 1000.0),
            "companies[1].metric.gross_revenue",
            'must be an amount such as "1000.00", got float',
        ),
        (
            lambda d: _set(d, (*M, "gross_revenue"), "NaN"),
            "companies[1].metric.gross_revenue",
            "not an amount with two decimals such as \"1000.00\": 'NaN'",
        ),
        (
            lambda d: _set(d, (*M, "gross_revenue"), "Infinity"),
            "companies[1].metric.gross_revenue",
            "not an amount with two decimals such as \"1000.00\": 'Infinity'",
        ),
        (
            lambda d: _set(d, (*M, "gross_revenue"), "1000.001"),
            "companies[1].metric.gross_revenue",
            "not an amount with two decimals such as \"1000.00\": '1000.001'",
        ),
        (
            lambda d: _set(d, (*M, "gross_revenue"), "1e3"),
            "companies[1].metric.gross_revenue",
            "not an amount with two decimals such as \"1000.00\": '1e3'",
        ),
        (
            lambda d: _set(_set(d, (*M, "taxes"), "-150.00"), (*M, "net_revenue"), "1150.00"),
            "companies[1].metric.taxes",
            "this amount is never negative, got '-150.00'",
        ),
        (
            lambda d: _set(d, (*M, "gross_revenue"), "2000.00"),
            "companies[1].metric.net_revenue",
            "must be the gross revenue minus the deductions, 1850.00, got '850.00'",
        ),
        (
            lambda d: _set(d, (*R, "periods", 0, "taxes"), None),
            "companies[2].metric.periods[0].net_revenue",
            "a component is unknown, so the net revenue must be null",
        ),
        (
            lambda d: _set(d, (*R, "lines", 0, "line_number"), -(10**5000)),
            "companies[2].metric.lines[0].line_number",
            "a line number starts at 1, got int",
        ),
        (
            lambda d: _set(d, ("companies", 1, "contested", 0, "value"), None),
            "companies[1].contested[0].value",
            'must be an amount such as "1000.00", got null',
        ),
        (
            lambda d: _set(d, (*M, "source"), "portal"),
            "companies[1].metric.source",
            'must be "ecf" or "form", got \'portal\'',
        ),
        (
            lambda d: _set(d, (*M, "reference_year"), 2023),
            "companies[1].metric.reference_year",
            "the figure is for 2023, the proof for 2024",
        ),
        (
            lambda d: _set(d, (*M, "rectifying"), "false"),
            "companies[1].metric.rectifying",
            "must be true or false, got str",
        ),
        (
            lambda d: _set(d, (*M, "cnpj"), ALNUM),
            "companies[1].metric.cnpj",
            "the figure is of 12ABC345000188, another company than 33444555000181",
        ),
        (
            lambda d: _set(d, (*R, "regime"), "lucro_real_x"),
            "companies[2].metric.regime",
            "not a regime: 'lucro_real_x'",
        ),
        (
            lambda d: _set(d, (*R, "regime"), ["lucro_real"]),
            "companies[2].metric.regime",
            "not a regime: ['lucro_real']",
        ),
        (
            lambda d: _set(d, (*R, "period_end"), "20241231"),
            "companies[2].metric.period_end",
            "not a date such as \"2024-12-31\": '20241231'",
        ),
        (
            lambda d: _set(d, (*R, "period_end"), "2024-02-30"),
            "companies[2].metric.period_end",
            "not a date such as \"2024-12-31\": '2024-02-30'",
        ),
        (
            lambda d: _set(d, (*R, "periods", 0, "gross_revenue"), "999.00"),
            "companies[2].metric.periods[0].net_revenue",
            "must be the gross revenue minus the deductions, 849.00, got '850.00'",
        ),
        (
            lambda d: _set(d, (*R, "lines", 0, "component"), "revenue"),
            "companies[2].metric.lines[0].component",
            "not a component: 'revenue'",
        ),
        (
            lambda d: _set(d, (*R, "lines", 0, "line_number"), 0),
            "companies[2].metric.lines[0].line_number",
            "a line number starts at 1, got 0",
        ),
        (
            lambda d: _set(d, (*R, "lines", 0, "amount"), None),
            "companies[2].metric.lines[0].amount",
            'must be an amount such as "1000.00", got null',
        ),
        (
            lambda d: _set(d, (*R, "warnings", 0, "severity"), "info"),
            "companies[2].metric.warnings[0].severity",
            'must be "error" or "warning", got \'info\'',
        ),
        (
            lambda d: _set(d, ("companies", 0, "notes", 0, "code"), "APPROVED"),
            "companies[0].notes[0].code",
            "not a note the proof writes: 'APPROVED'",
        ),
        (
            lambda d: _set(d, ("companies", 2, "metric", "fingerprint"), "f2"),
            "companies[2].metric.fingerprint",
            "the same file is the figure of '11.222.333/0002-62' too",
        ),
        (
            lambda d: _set(d, ("companies", 3, "notes"), d["companies"][0]["notes"]),
            "companies[3]",
            "a company without a figure has no notes and replaced nothing",
        ),
        (
            lambda d: _set(d, ("companies", 3, "contested"), d["companies"][1]["contested"]),
            "companies[3].contested",
            "a company without a figure has nothing contested",
        ),
        (
            lambda d: _set(d, ("companies", 1, "contested", 0, "component"), "net_revenue"),
            "companies[1].contested[0].component",
            "not a contestable component: 'net_revenue'",
        ),
        (
            lambda d: _set(d, ("companies", 1, "contested", 0, "file_value"), "149.00"),
            "companies[1].contested[0].file_value",
            "not the figure's taxes",
        ),
        (
            lambda d: _set(d, ("companies", 1, "contested", 0, "value"), "150.00"),
            "companies[1].contested[0].value",
            "the file's own value: nothing is contested",
        ),
        (
            lambda d: _set(d, ("companies", 1, "contested", 0, "value"), "-1.00"),
            "companies[1].contested[0].value",
            "this amount is never negative, got '-1.00'",
        ),
        (
            lambda d: _set(d, ("companies", 1, "contested", 0, "reason"), ""),
            "companies[1].contested[0].reason",
            "a reason is a non-empty text without surrounding spaces",
        ),
        (
            lambda d: _set(d, ("companies", 1, "contested", 0, "by"), 3),
            "companies[1].contested[0].by",
            "must be a string, got int",
        ),
        (
            lambda d: _set(d, ("companies", 1, "contested"), d["companies"][1]["contested"] * 2),
            "companies[1].contested[1].component",
            "taxes is contested twice",
        ),
        (
            lambda d: _set(d, ("concluded",), True),
            "concluded",
            "a concluded proof has a figure for every company",
        ),
        (
            lambda d: _set(_set(d, ("concluded",), True), ("companies",), []),
            "concluded",
            "a concluded proof lists at least one company",
        ),
    ],
)
def test_proof_from_dict_refuses_what_to_dict_never_writes(
    change: Callable[[Any], Any], path: str, reason: str
) -> None:
    """Each tampered value is refused with BAD_PROOF_DATA and the path to it."""
    data = change(busy_proof().to_dict())
    with pytest.raises(BadProofDataError) as error:
        Proof.from_dict(data)
    assert (error.value.code, error.value.path, error.value.reason) == (
        "BAD_PROOF_DATA",
        path,
        reason,
    )


def test_a_masked_cnpj_given_twice_is_refused() -> None:
    """A company listed bare and again masked (two spellings, one company) is refused."""
    data = Proof(2024, [HEAD]).to_dict()
    data["companies"].append({**data["companies"][0], "cnpj": "11.222.333/0001-81"})
    with pytest.raises(BadProofDataError) as error:
        Proof.from_dict(data)
    assert error.value.path == "companies[1].cnpj"


def test_an_ecf_may_be_negative_where_the_reader_keeps_the_sign() -> None:
    """An ECF's components and net may be negative (a line's unusual sign is kept); it loads."""
    proof = Proof(2024, [HEAD])
    proof.add(
        ecf(gross_revenue=D("-5.00"), net_revenue=D("-155.00"), cancellations=D("0.00"), lines=())
    )
    data = json.loads(json.dumps(proof.to_dict()))
    assert data["companies"][0]["metric"]["net_revenue"] == "-155.00"
    assert Proof.from_dict(data) == proof


@pytest.mark.parametrize(
    ("change", "path", "reason"),
    [
        (
            lambda d: _set(d, ("total_net_revenue",), "1.00"),
            "total_net_revenue",
            "the rows add up to 2480.00, not '1.00'",
        ),
        (
            lambda d: _set(d, ("total_net_revenue",), 2480.0),
            "total_net_revenue",
            'must be an amount such as "1000.00", got float',
        ),
        (lambda d: _set(d, ("rows",), []), "rows", "a concluded proof lists at least one company"),
        (
            lambda d: _set(d, ("rows", 0, "status"), "saved"),
            "rows[0].status",
            "must be 'concluded', got 'saved'",
        ),
        (
            lambda d: _set(d, ("rows", 0, "reference_year"), 2025),
            "rows[0].reference_year",
            "the row is for 2025, the proof for 2024",
        ),
        (
            lambda d: _set(d, ("rows", 0, "net_revenue"), "1.00"),
            "rows[0].net_revenue",
            "does not match the row's figure and contests",
        ),
        (
            lambda d: _set(d, ("rows", 1, "taxes"), "150.00"),
            "rows[1].taxes",
            "does not match the row's figure and contests",
        ),
        (
            lambda d: _set(d, ("rows", 2, "warnings"), []),
            "rows[2].warnings",
            "does not match the row's figure and contests",
        ),
        (
            lambda d: _set(d, ("rows", 2, "attention"), []),
            "rows[2].attention",
            "does not match the row's figure and contests",
        ),
        (
            lambda d: _set(d, ("rows", 1), d["rows"][0]),
            "rows[1].cnpj",
            "company '11.222.333/0002-62' is listed twice",
        ),
        (
            lambda d: _set(d, ("rows", 2, "metric", "fingerprint"), "f2"),
            "rows[2].metric.fingerprint",
            "the same file is the figure of '11.222.333/0002-62' too",
        ),
        (
            lambda d: _set(_set(d, ("rows", 1, "metric"), None), ("rows", 1, "contested"), []),
            "rows[1].metric",
            "a saved figure always has a net revenue",
        ),
        (
            lambda d: _set(d, ("rows", 0, "name"), 5),
            "rows[0].name",
            "must be a string, got int",
        ),
    ],
)
def test_concluded_proof_from_dict_refuses_what_to_dict_never_writes(
    change: Callable[[Any], Any], path: str, reason: str
) -> None:
    """A tampered concluded proof is refused with the path of the bad value."""
    data = change(concluded_proof().to_dict())
    with pytest.raises(BadProofDataError) as error:
        ConcludedProof.from_dict(data)
    assert (error.value.path, error.value.reason) == (path, reason)


def test_row_from_dict_checks_status_against_the_figure() -> None:
    """A lone row is pending without a figure and saved or concluded with one."""
    data = Proof(2024, [HEAD]).row(HEAD).to_dict()
    with pytest.raises(BadProofDataError) as error:
        ProofRow.from_dict({**data, "status": "saved"})
    assert (error.value.path, error.value.reason) == ("status", "must be 'pending', got 'saved'")
    proof = Proof(2024, [HEAD])
    saved = proof.add(form()).to_dict()
    with pytest.raises(BadProofDataError) as error:
        ProofRow.from_dict({**saved, "status": "pending"})
    assert error.value.reason == "must be 'saved' or 'concluded', got 'pending'"


# Any JSON-like value: ProofError or an exact round trip, nothing else


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["1.00", "-0.00", "0.001", HEAD, "11.222.333/0001-81", "form", "ecf"]),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)

NASTY = st.sampled_from(
    [
        None,
        True,
        0,
        -1,
        2024,
        10**5000,
        1.5,
        float("nan"),
        float("inf"),
        "",
        " ",
        "x",
        "1.00",
        "-1.00",
        "-0.00",
        "01.00",
        "1.001",
        "1e3",
        "NaN",
        "2024-01-01",
        HEAD,
        "11.222.333/0001-81",
        OTHER,
        "pending",
        "saved",
        "concluded",
        "taxes",
        "net_revenue",
        "ecf",
        "form",
        [],
        {},
        [None],
        {"code": "X"},
    ]
)


def _paths(data: Any, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*prefix, index))


def _mutate(data: Any, path: tuple[str | int, ...], kind: str, value: Any) -> Any:
    if not path:
        return value
    if kind == "delete":
        return _drop(data, path)
    if kind == "add":
        parent = _set(data, path, value)
        target = parent
        for key in path[:-1]:
            target = target[key]
        if isinstance(target, dict):
            target["unexpected"] = value
        else:
            target.append(value)
        return parent
    return _set(data, path, value)


SAMPLES: dict[str, Callable[[], Any]] = {
    "proof": lambda: busy_proof().to_dict(),
    "concluded": lambda: concluded_proof().to_dict(),
    "row": lambda: concluded_proof().rows[2].to_dict(),
}
LOADERS: dict[str, Callable[[Any], Any]] = {
    "proof": Proof.from_dict,
    "concluded": ConcludedProof.from_dict,
    "row": ProofRow.from_dict,
}
CACHE = {name: make() for name, make in SAMPLES.items()}
PATHS = {name: list(_paths(data)) for name, data in CACHE.items()}


def _load_or_refuse(kind: str, data: Any) -> None:
    try:
        loaded = LOADERS[kind](data)
    except ProofError:
        return
    assert loaded.to_dict() == data  # what loads is exactly what was given


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(sorted(SAMPLES)),
    data=st.data(),
    how=st.sampled_from(["replace", "delete", "add"]),
    nasty=st.booleans(),
)
def test_mutated_saved_proofs_load_exactly_or_are_refused(
    kind: str, data: st.DataObject, how: str, nasty: bool
) -> None:
    """Any one change to a saved proof gives ProofError, or loads and writes back unchanged."""
    path = data.draw(st.sampled_from(PATHS[kind]))
    value = data.draw(NASTY if nasty else json_values)
    mutated = _mutate(CACHE[kind], path, how, value)
    _load_or_refuse(kind, mutated)


@settings(max_examples=100, deadline=None)
@given(kind=st.sampled_from(sorted(SAMPLES)), value=json_values)
def test_any_json_value_gives_proof_error_or_loads(kind: str, value: Any) -> None:
    """A random JSON-like value never raises anything but ProofError."""
    _load_or_refuse(kind, value)


@settings(max_examples=40, deadline=None)
@given(
    kind=st.sampled_from(sorted(SAMPLES)),
    keys=st.lists(st.sampled_from(sorted(keys_of(types.RevenueMetricDict))), max_size=3),
    value=NASTY,
)
def test_many_changes_to_a_figure(kind: str, keys: list[str], value: Any) -> None:
    """Several metric fields changed at once still give ProofError or an exact load."""
    data = copy.deepcopy(CACHE[kind])
    figure = (
        data["companies"][2]["metric"]
        if kind == "proof"
        else (data["rows"][2]["metric"] if kind == "concluded" else data["metric"])
    )
    for key in keys:
        figure[key] = value
    _load_or_refuse(kind, data)


# Typed JSON


@pytest.mark.parametrize(
    ("shape", "make"),
    [
        (types.ProofDict, lambda: busy_proof().to_dict()),
        (types.ConcludedProofDict, lambda: concluded_proof().to_dict()),
        (types.ProofRowDict, lambda: concluded_proof().rows[0].to_dict()),
        (types.RevenueMetricDict, lambda: real_metric().to_dict()),
        (types.ProofCompanyDict, lambda: busy_proof().to_dict()["companies"][0]),
        (types.ContestDict, lambda: busy_proof().to_dict()["companies"][1]["contested"][0]),
        (types.FindingDict, lambda: real_metric().to_dict()["warnings"][0]),
        (types.PeriodMetricDict, lambda: real_metric().to_dict()["periods"][0]),
        (types.SourceLineDict, lambda: real_metric().to_dict()["lines"][0]),
    ],
)
def test_to_dict_has_exactly_the_typed_keys(shape: type, make: Callable[[], Any]) -> None:
    """Each to_dict() output has exactly the keys of its TypedDict."""
    hints = typing.get_type_hints(shape)
    assert set(make()) == set(hints)
    # typing_extensions' TypedDict (what types.py uses when it is installed, for pydantic) is
    # one to typing_extensions.is_typeddict; typing's own is_typeddict knows only typing's.
    typing_extensions = pytest.importorskip("typing_extensions")
    assert typing_extensions.is_typeddict(shape)


def test_types_are_public_and_company_takes_what_the_docs_say() -> None:
    """ecfmetric.types lists every shape; Company takes a CNPJ, pairs, (cnpj, None), lists."""
    assert set(types.__all__) <= set(dir(types))
    assert ecfmetric.Company is types.Company
    companies: list[ecfmetric.Company] = [
        HEAD,
        (OTHER, "Beta"),
        (ALNUM, None),
        [BRANCH, "Filial"],
        ["44555666000181", None],
    ]
    proof = Proof(2024, companies)
    assert [(row.cnpj, row.name) for row in proof.rows] == [
        (HEAD, None),
        (OTHER, "Beta"),
        (ALNUM, None),
        (BRANCH, "Filial"),
        ("44555666000181", None),
    ]


# The proof scales: no step scans the companies


class _NoScan(dict[str, Any]):
    """A dict that refuses to be iterated: any scan of the proof's companies fails the test."""

    def __iter__(self) -> Iterator[str]:
        raise AssertionError("the companies were scanned")

    def values(self) -> Any:
        raise AssertionError("the companies were scanned")

    def items(self) -> Any:
        raise AssertionError("the companies were scanned")

    def keys(self) -> Any:
        raise AssertionError("the companies were scanned")


def test_changing_one_company_does_not_scan_the_others() -> None:
    """include, add (also a head office's file and a repeated file), contest and exclude are
    O(1): they look companies up in indexes instead of scanning the rows."""
    proof = Proof(2024, [BRANCH, OTHER])
    proof._entries = _NoScan(proof._entries)
    proof.include_company(ALNUM)
    proof.add(ecf(HEAD))  # resolved to BRANCH through the index of roots
    with pytest.raises(ProofError, match="already saved"):
        proof.add(ecf(HEAD), cnpj=BRANCH)
    proof.add(ecf(OTHER, "f2"))
    proof.contest(OTHER, "taxes", "1,00", reason="r")
    proof.withdraw_contest(OTHER, "taxes")
    proof.exclude_company(BRANCH, discard=True)
    proof.exclude_company(ALNUM)
    assert dict.__len__(proof._entries) == 1


def test_indexes_follow_every_change() -> None:
    """The file and root indexes are what a scan would find, after adds, replacements, excludes
    and a reload."""
    proof = busy_proof()

    def scanned(p: Proof) -> tuple[dict[str, str], dict[str, set[str]]]:
        files = {
            e.metric.fingerprint: c
            for c, e in p._entries.items()
            if e.metric is not None and e.metric.fingerprint is not None
        }
        roots: dict[str, set[str]] = {}
        for cnpj in p._entries:
            roots.setdefault(cnpj[:8], set()).add(cnpj)
        return files, roots

    def indexed(p: Proof) -> tuple[dict[str, str], dict[str, set[str]]]:
        return dict(p._index.files), {root: set(c) for root, c in p._index.roots.items()}

    assert indexed(proof) == scanned(proof)
    assert set(proof._index.files) == {"f2", real_metric().fingerprint}
    proof.exclude_company(BRANCH, discard=True)
    assert indexed(proof) == scanned(proof)
    proof.include_company(HEAD)
    proof.add(ecf(HEAD, "f2"))  # f2 is free again once its company is excluded
    assert indexed(proof) == scanned(proof)
    proof.add(ecf(HEAD, "f3"), replace=True)
    assert "f2" not in proof._index.files
    reloaded = Proof.from_dict(proof.to_dict())
    assert indexed(reloaded) == scanned(reloaded) == scanned(proof)


def test_thousands_of_companies() -> None:
    """A proof of 2,000 companies with a file each adds, concludes and reloads (the speed of
    20,000 is benchmarks/bench_proof.py's)."""
    cnpjs = _valid_cnpjs(2_000)
    proof = Proof(2024, cnpjs)
    template = ecf(cnpjs[0])
    for i, cnpj in enumerate(cnpjs):
        proof.add(attrs.evolve(template, cnpj=cnpj, fingerprint=f"f{i}"))
    concluded = proof.conclude()
    assert concluded.total_net_revenue == D("850.00") * 2_000
    assert len(proof._index.files) == 2_000
    assert Proof.from_dict(proof.to_dict()) == proof


def _valid_cnpjs(count: int) -> list[str]:
    """``count`` distinct head-office CNPJs with their check digits."""
    out = []
    for root in range(10_000_000, 10_000_000 + count):
        base = f"{root:08d}0001"
        first = _digit(base, _WEIGHTS_1)
        out.append(base + first + _digit(base + first, _WEIGHTS_2))
    return out


def test_findings_round_trip_through_the_loader() -> None:
    """Notes written by the proof (HEAD_OFFICE_FILE, RECTIFIED, REPLACED) are the ones it reloads."""
    proof = Proof(2024, [BRANCH, HEAD])
    proof.add(ecf(HEAD), cnpj=BRANCH)
    proof.add(form(HEAD))
    proof.add(form(HEAD, gross="2000,00"), replace=True)
    again = Proof.from_dict(json.loads(json.dumps(proof.to_dict())))
    assert [n.code for n in again.row(BRANCH).notes] == ["HEAD_OFFICE_FILE"]
    assert [n.code for n in again.row(HEAD).notes] == ["REPLACED"]
    assert again.row(HEAD).notes[0] == Finding(
        "REPLACED", "replaced on request the earlier figure (850.00, from the form)"
    )


# Whatever the reader writes, the loader takes back


FIXTURES = sorted((Path(__file__).parent.parent / "fixtures").glob("*.txt"))


def _readable(path: Path) -> RevenueMetric | None:
    try:
        return ecfmetric.read(path, strict=False)
    except ecfmetric.EcfError:
        return None


def test_every_fixture_metric_loads_back() -> None:
    """Each fixture's metric reloads through the proof's checked loader, equal."""
    loaded = 0
    for path in FIXTURES:
        metric = _readable(path)
        if metric is None:
            continue
        assert load_metric(json.loads(json.dumps(metric.to_dict())), "") == metric, path.name
        loaded += 1
    assert loaded >= 10


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ecf_files())
def test_generated_files_save_in_a_proof_and_reload(case: tuple[bytes, RevenueMetric]) -> None:
    """A file from the strategies, read and saved in a proof, reloads exactly."""
    metric = read_bytes(case[0])
    assert load_metric(metric.to_dict(), "") == metric
    if metric.net_revenue is None or metric.cnpj is None or metric.reference_year is None:
        return
    proof = Proof(metric.reference_year, [metric.cnpj])
    proof.add(metric)
    data = json.loads(json.dumps(proof.to_dict()))
    assert Proof.from_dict(data) == proof
    assert Proof.from_dict(data).to_dict() == data


def test_types_module_doctest() -> None:
    """The example in ecfmetric.types runs."""
    results = doctest.testmod(types)
    assert (results.failed, results.attempted) == (0, 3)


# -- the result types' own from_dict: checked as a proof's metrics are ----------------------------

SAMPLE_METRIC = Path(__file__).parent.parent / "fixtures" / "real_annual_0012_mismatch.txt"
SIGNED_METRIC = Path(__file__).parent.parent / "fixtures" / "signed" / "one_rsa_sha256.ecf"


def _refused(load: Callable[[Any], object], data: Any) -> BadProofDataError:
    with pytest.raises(BadProofDataError) as caught:
        load(data)
    return caught.value


def test_metric_from_dict_refuses_what_to_dict_never_writes() -> None:
    """RevenueMetric.from_dict takes only what to_dict writes; the error names the value's path.

    Hand-made cases: the fixture's metric (worked out in fixtures/README.md) with one value
    changed each time, and what each change breaks."""
    metric = ecfmetric.read(SAMPLE_METRIC)
    data = metric.to_dict()
    assert RevenueMetric.from_dict(copy.deepcopy(data)) == metric

    missing = copy.deepcopy(data)
    del missing["file_name"]
    assert "missing key(s) file_name" in str(_refused(RevenueMetric.from_dict, missing))

    extra = {**copy.deepcopy(data), "net": "1.00"}
    assert "unknown key(s) 'net'" in str(_refused(RevenueMetric.from_dict, extra))

    cases: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
        ("net_revenue", lambda d: d.update(net_revenue="1.00")),
        ("gross_revenue", lambda d: d.update(gross_revenue="1000,00")),
        ("period_start", lambda d: d.update(period_start="01/01/2025")),
        ("lines[2].amount", lambda d: d["lines"][2].update(amount=1000)),
        ("warnings[0].severity", lambda d: d["warnings"][0].update(severity="fatal")),
        ("periods[0].end", lambda d: d["periods"][0].update(end=None)),
        ("rectifying", lambda d: d.update(rectifying="no")),
        ("regime", lambda d: d.update(regime="simples")),
    ]
    for path, change in cases:
        broken = copy.deepcopy(data)
        change(broken)
        assert _refused(RevenueMetric.from_dict, broken).path == path, path


def test_form_metric_from_dict_refuses_a_negative_amount() -> None:
    """A form never gives a negative amount: one in a saved form metric is refused."""
    data = from_form(gross_revenue="10,00", cancellations="0", taxes="0", discounts="0").to_dict()
    data["cancellations"] = "-1.00"
    data["net_revenue"] = "11.00"
    assert _refused(RevenueMetric.from_dict, data).path == "cancellations"


def test_the_parts_from_dict_are_checked_too() -> None:
    """Finding, SourceLine, PeriodMetric and SignatureSummary round-trip and refuse bad values."""
    metric = ecfmetric.read(SAMPLE_METRIC)
    warning, line, period = metric.warnings[0], metric.lines[0], metric.periods[0]
    assert Finding.from_dict(warning.to_dict()) == warning
    assert ecfmetric.SourceLine.from_dict(line.to_dict()) == line
    assert ecfmetric.PeriodMetric.from_dict(period.to_dict()) == period
    assert _refused(Finding.from_dict, {**warning.to_dict(), "line_number": "19"}).path == (
        "line_number"
    )
    assert _refused(ecfmetric.SourceLine.from_dict, {**line.to_dict(), "component": "x"}).path == (
        "component"
    )
    assert _refused(ecfmetric.PeriodMetric.from_dict, [period.to_dict()]).path == ""
    # A period's figures may be negative (an ECF's may), but must still add up.
    zero = dict.fromkeys(("cancellations", "discounts", "taxes", "other_deductions"), "0.00")
    negative = {**period.to_dict(), **zero, "gross_revenue": "-5.00", "net_revenue": "-5.00"}
    assert ecfmetric.PeriodMetric.from_dict(negative).net_revenue == Decimal("-5.00")
    unsummed = {**negative, "net_revenue": None}
    assert _refused(ecfmetric.PeriodMetric.from_dict, unsummed).path == "net_revenue"

    signed = ecfmetric.read(SIGNED_METRIC, signature=True).signature
    assert signed is not None
    summary = signed.to_dict()
    assert ecfmetric.SignatureSummary.from_dict(summary) == signed
    lower = {**summary, "hashcode": summary["hashcode"].lower()}
    error = _refused(ecfmetric.SignatureSummary.from_dict, lower)
    assert error.path == "hashcode"
    assert "40 hexadecimal digits in capitals" in str(error)
    assert _refused(ecfmetric.SignatureSummary.from_dict, None).path == ""


def test_an_open_proof_must_list_the_contracts_companies() -> None:
    """``Proof.from_dict(companies=)``: the contract's companies in any order and spelling load;
    BRANCH listed by the contract instead of OTHER is refused at ``companies``, naming the one
    missing and the one not in the contract; one string instead of a list is a TypeError."""
    proof = Proof(2024, [HEAD, OTHER])
    proof.add(form(HEAD))
    data = json.loads(json.dumps(proof.to_dict()))
    assert Proof.from_dict(data, companies=["33.444.555/0001-81", HEAD]) == proof
    with ecfmetric.language("en"), pytest.raises(BadProofDataError) as caught:
        Proof.from_dict(data, companies=[HEAD, BRANCH])
    assert caught.value.path == "companies"
    assert "missing '11.222.333/0002-62'; not in the contract '33.444.555/0001-81'" in str(
        caught.value
    )
    with pytest.raises(TypeError, match="not one string"):
        Proof.from_dict(data, companies=HEAD)
