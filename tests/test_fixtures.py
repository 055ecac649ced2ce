"""The hand-written fixtures: each file reads as the metric its sidecar worked out by hand.

The sidecars' figures were computed by hand from the layout (see each sidecar's ``how``), not by
this library: they are the ground truth the reader is held to.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import ecfmetric

FIXTURES = Path(__file__).parent.parent / "fixtures"
CASES = sorted(FIXTURES.rglob("*.txt"))
MONEY = ("gross_revenue", "cancellations", "discounts", "taxes", "other_deductions", "net_revenue")


def test_fixtures_were_found() -> None:
    """The corpus is not empty, and every file has its sidecar."""
    assert len(CASES) >= 10
    missing = [case.name for case in CASES if not _sidecar(case).exists()]
    assert missing == []


def _sidecar(case: Path) -> Path:
    return case.with_name(case.name[: -len(".txt")] + ".expected.json")


def _money(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


@pytest.mark.parametrize("case", CASES, ids=[str(c.relative_to(FIXTURES)) for c in CASES])
def test_fixture(case: Path) -> None:
    """read() gives exactly the sidecar's metric, warnings and errors."""
    expected: dict[str, Any] = json.loads(_sidecar(case).read_text(encoding="utf-8"))
    strict = expected.get("strict", True)
    error = expected.get("error")
    if error:
        error_type = getattr(ecfmetric, error["type"])
        with pytest.raises(error_type) as caught:
            ecfmetric.read(case, strict=strict)
        for key in ("line_number", "record", "field", "code"):
            if key in error:
                assert getattr(caught.value, key, None) == error[key], key
        return
    metric = ecfmetric.read(case, strict=strict)
    for name in MONEY:
        assert getattr(metric, name) == _money(expected[name]), name
    assert metric.net_revenue == _money(expected["net_revenue"])
    simple = {
        "cnpj": metric.cnpj,
        "company_name": metric.company_name,
        "reference_year": metric.reference_year,
        "period_start": metric.period_start.isoformat() if metric.period_start else None,
        "period_end": metric.period_end.isoformat() if metric.period_end else None,
        "regime": metric.regime.value if metric.regime else None,
        "layout_version": metric.layout_version,
        "rectifying": metric.rectifying,
        "receipt": metric.receipt,
        "managing_partner_cnpj": metric.managing_partner_cnpj,
        "partial_year": metric.partial_year,
    }
    for key, value in simple.items():
        if key in expected:
            assert value == expected[key], key
    assert sorted({w.code for w in metric.warnings}) == sorted(set(expected.get("warnings", []))), [
        (w.code, w.message) for w in metric.warnings
    ]
    if "periods" in expected:
        got = [(p.period, p.block, *(getattr(p, n) for n in MONEY)) for p in metric.periods]
        want = [
            (p["period"], p["block"], *(_money(p[n]) for n in MONEY)) for p in expected["periods"]
        ]
        assert got == want
    # Every amount that fed a component is traceable, and they add up to the component.
    for name in MONEY[:-1]:
        value = getattr(metric, name)
        fed = [line.amount for line in metric.lines if line.component == name]
        if value is not None and metric.source == "ecf":
            assert sum(fed, Decimal("0.00")) == value, name


@pytest.mark.parametrize("case", CASES, ids=[str(c.relative_to(FIXTURES)) for c in CASES])
def test_fixture_validation(case: Path) -> None:
    """validate() reports every planted finding, and says ok exactly when the sidecar does."""
    expected: dict[str, Any] = json.loads(_sidecar(case).read_text(encoding="utf-8"))
    report = ecfmetric.validate(case)
    if "ok" in expected:
        assert report.ok == expected["ok"], [(f.code, f.line_number) for f in report.findings]
    elif not expected.get("error") and expected.get("strict", True):
        assert report.ok, [(f.code, f.line_number) for f in report.errors]
        assert sorted({f.code for f in report.warnings}) == sorted(
            set(expected.get("warnings", []))
        )
    found = {(f.code, f.severity, f.line_number) for f in report.findings}
    for planted in expected.get("findings", []):
        assert (planted["code"], planted["severity"], planted.get("line_number")) in found, (
            planted,
            sorted(found, key=str),
        )
