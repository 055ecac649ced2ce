"""No caller's decimal context changes a number: every entry point computes in its own context."""

from __future__ import annotations

import decimal
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ecfmetric
from ecfmetric import strategies as ecf_st

FIXTURES = Path(__file__).parent.parent / "fixtures"
CASES = sorted(FIXTURES.glob("*.txt"))
ROUNDINGS = [
    decimal.ROUND_DOWN,
    decimal.ROUND_UP,
    decimal.ROUND_CEILING,
    decimal.ROUND_FLOOR,
    decimal.ROUND_HALF_UP,
    decimal.ROUND_HALF_DOWN,
    decimal.ROUND_05UP,
]
SIGNALS = [decimal.Inexact, decimal.Rounded, decimal.Subnormal, decimal.Underflow, decimal.Clamped]


@st.composite
def hostile_contexts(draw: st.DrawFn) -> decimal.Context:
    """Contexts a caller could have set: tiny precision and exponents, odd roundings, traps."""
    emax = draw(st.integers(0, 12))
    return decimal.Context(
        prec=draw(st.integers(1, 6)),
        rounding=draw(st.sampled_from(ROUNDINGS)),
        Emax=emax,
        Emin=-draw(st.integers(0, 12)),
        capitals=draw(st.integers(0, 1)),
        clamp=draw(st.integers(0, 1)),
        traps=[
            *draw(st.lists(st.sampled_from(SIGNALS), unique=True)),
            *([decimal.InvalidOperation] if draw(st.booleans()) else []),
        ],
    )


@contextmanager
def caller_context(context: decimal.Context) -> Iterator[None]:
    with decimal.localcontext(context):
        yield
    # The library restored the caller's context as it found it.


def outcome(call: Callable[[], Any]) -> tuple[str, Any]:
    try:
        result = call()
    except ecfmetric.EcfError as error:
        return type(error).__name__, (str(error), getattr(error, "code", None))
    return "ok", result


def read_outcome(case: Path) -> tuple[str, Any]:
    strict = "lenient" not in case.name
    return outcome(lambda: ecfmetric.read(case, strict=strict).to_dict())


def validate_outcome(case: Path) -> tuple[str, Any]:
    return outcome(lambda: ecfmetric.validate(case).to_dict())


BASELINE_READ = {case: read_outcome(case) for case in CASES}
BASELINE_VALIDATE = {case: validate_outcome(case) for case in CASES}


def test_a_small_precision_used_to_change_the_figure() -> None:
    """The issue's example: prec = 3 gave 1.04E+7 for 10,402,217.49 (validate() said ok)."""
    case = FIXTURES / "real_annual_0012_crlf_latin1.txt"
    with decimal.localcontext() as context:
        context.prec = 3
        metric = ecfmetric.read(case)
        report = ecfmetric.validate(case)
        assert decimal.getcontext().prec == 3
    assert metric.net_revenue == decimal.Decimal("10402217.49")
    assert report.metric == metric


def test_a_small_emax_does_not_escape_as_overflow() -> None:
    case = FIXTURES / "real_annual_0012_crlf_latin1.txt"
    with decimal.localcontext() as context:
        context.Emax = 5
        context.traps[decimal.Inexact] = True
        metric = ecfmetric.read(case)
    assert metric.gross_revenue is not None
    assert metric.to_dict() == BASELINE_READ[case][1]


@settings(max_examples=15, deadline=None)
@given(context=hostile_contexts())
def test_every_fixture_reads_the_same_under_any_context(context: decimal.Context) -> None:
    """read() and validate() give the same metric, report or error under any caller context."""
    for case in CASES:
        with caller_context(context):
            got_read = read_outcome(case)
            got_validate = validate_outcome(case)
        assert got_read == BASELINE_READ[case], case.name
        assert got_validate == BASELINE_VALIDATE[case], case.name


@settings(max_examples=30, deadline=None)
@given(drawn=ecf_st.form_inputs(), context=hostile_contexts())
def test_from_form_is_the_same_under_any_context(
    drawn: tuple[dict[str, Any], ecfmetric.RevenueMetric], context: decimal.Context
) -> None:
    kwargs, expected = drawn
    with caller_context(context):
        metric = ecfmetric.from_form(**kwargs)
    ecf_st.assert_metric_matches(metric, expected)


@settings(max_examples=20, deadline=None)
@given(context=hostile_contexts())
def test_from_dict_and_the_proof_under_any_context(context: decimal.Context) -> None:
    """Rebuilding a metric, concluding a proof and rebuilding it add up in the library's context."""
    first = ecfmetric.read(FIXTURES / "real_annual_0012_crlf_latin1.txt")
    second = ecfmetric.from_form(
        gross_revenue="98.765.432.109.876,54",
        cancellations="1,01",
        taxes="0",
        discounts="0",
        cnpj="11.444.777/0001-61",
        reference_year=2025,
    )
    data = first.to_dict()
    with caller_context(context):
        proof = ecfmetric.Proof(2025, companies=[first.cnpj or "", "11444777000161"])
        proof.add(ecfmetric.RevenueMetric.from_dict(data))
        proof.add(second)
        concluded = proof.conclude()
        again = ecfmetric.ConcludedProof.from_dict(concluded.to_dict())
        restored = ecfmetric.Proof.from_dict(proof.to_dict())
    assert ecfmetric.RevenueMetric.from_dict(data) == first
    assert first.net_revenue == decimal.Decimal("10402217.49")
    assert concluded.total_net_revenue == decimal.Decimal("98765442512093.02")
    assert again == concluded
    assert restored.rows == proof.rows


def test_from_dict_refuses_garbage_money_even_without_the_invalid_operation_trap() -> None:
    """With the caller's InvalidOperation trap off, Decimal('x') would be NaN, silently: the
    amount's spelling is checked before it becomes a Decimal."""
    data = ecfmetric.from_form(
        gross_revenue="10,00", cancellations="0", taxes="0", discounts="0"
    ).to_dict()
    data["gross_revenue"] = "ten"
    with decimal.localcontext() as context:
        context.traps[decimal.InvalidOperation] = False
        with pytest.raises(ecfmetric.BadProofDataError) as caught:
            ecfmetric.RevenueMetric.from_dict(data)
    assert caught.value.path == "gross_revenue"


def test_read_many_in_process_under_a_small_precision() -> None:
    case = FIXTURES / "real_annual_0012_crlf_latin1.txt"
    with decimal.localcontext() as context:
        context.prec = 2
        results = list(ecfmetric.read_many([case, io.BytesIO(case.read_bytes())], workers=1))
    # The figures, not the provenance: the second source is a BytesIO, with no file name.
    got = [{**r.metric.to_dict(), "file_name": None} if r.metric else None for r in results]
    assert got == [{**BASELINE_READ[case][1], "file_name": None}] * 2
