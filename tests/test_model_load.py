"""Each result type loads its own saved dict (``X.from_dict``), and the floors that hold the
results, the proof and ``read_many`` import one way only: no circle, even inside a function
or under ``TYPE_CHECKING``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import grimp
import pytest

import ecfmetric
from ecfmetric import (
    BadProofDataError,
    Finding,
    PeriodMetric,
    RevenueMetric,
    SignatureSummary,
    SourceLine,
)

ROOT = Path(__file__).parent.parent
# Its L300 states a net revenue that is not gross less deductions, and its synthetic sum is off:
# two warnings, ten lines read, one annual period A00 (see the fixture's expected JSON).
MISMATCH = ROOT / "fixtures" / "real_annual_0012_mismatch.txt"
SIGNED = ROOT / "fixtures" / "signed" / "lf_utf8.ecf"


def _json(data: Any) -> Any:
    return json.loads(json.dumps(data))


def test_each_result_type_loads_its_own_dict() -> None:
    """Finding, SourceLine and PeriodMetric of a real file, and the summary of a signed one,
    come back equal from their JSON; a finding keeps the words it was saved in."""
    metric = ecfmetric.read(MISMATCH)
    assert [w.code for w in metric.warnings] == ["SYNTHETIC_SUM_MISMATCH", "NET_REVENUE_MISMATCH"]
    assert (len(metric.lines), len(metric.periods)) == (10, 1)
    for warning in metric.warnings:
        saved = _json(warning.to_dict())
        again = Finding.from_dict(saved)
        assert again == warning
        assert again.render("en") == again.render("pt") == saved["message"]
    for line in metric.lines:
        assert SourceLine.from_dict(_json(line.to_dict())) == line
    (period,) = metric.periods
    assert PeriodMetric.from_dict(_json(period.to_dict())) == period
    signature = ecfmetric.read(SIGNED, signature=True).signature
    assert signature is not None
    assert signature.verified
    assert SignatureSummary.from_dict(_json(signature.to_dict())) == signature
    assert RevenueMetric.from_dict(_json(metric.to_dict())) == metric


def _first(kind: str) -> Any:
    metric = ecfmetric.read(MISMATCH)
    if kind == "signature":
        return ecfmetric.read(SIGNED, signature=True).signature
    return {"metric": metric, "finding": metric.warnings[0], "line": metric.lines[1]}.get(
        kind, metric.periods[0]
    )


@pytest.mark.parametrize(
    ("kind", "load"),
    [
        ("metric", RevenueMetric.from_dict),
        ("finding", Finding.from_dict),
        ("line", SourceLine.from_dict),
        ("period", PeriodMetric.from_dict),
        ("signature", SignatureSummary.from_dict),
    ],
)
def test_an_unknown_key_is_refused_at_the_top(kind: str, load: Any) -> None:
    """A key ``to_dict`` never writes is refused with the whole dict's path (``""``)."""
    data = {**_json(_first(kind).to_dict()), "extra": 1}
    with ecfmetric.language("en"), pytest.raises(BadProofDataError) as caught:
        load(data)
    assert caught.value.path == ""
    assert str(caught.value) == "unknown key(s) 'extra'"


def test_a_loader_names_the_path_of_the_value_it_refuses() -> None:
    """A nested value is refused with its path: the second line's amount written with one
    decimal, and a period's net that is not its gross less its deductions (5204118.30 −
    27405.12 − 9880.00 − 1093125.89 − 0.00 = 4073707.29, not 4073707.30)."""
    saved = _json(ecfmetric.read(MISMATCH).to_dict())
    saved["lines"][1]["amount"] = "5240118.3"
    with ecfmetric.language("en"), pytest.raises(BadProofDataError) as caught:
        RevenueMetric.from_dict(saved)
    assert caught.value.path == "lines[1].amount"
    assert "not an amount with two decimals" in str(caught.value)
    period = _json(ecfmetric.read(MISMATCH).periods[0].to_dict())
    period["net_revenue"] = "4073707.30"
    with ecfmetric.language("en"), pytest.raises(BadProofDataError) as caught:
        PeriodMetric.from_dict(period)
    assert caught.value.path == "net_revenue"
    assert "4073707.29" in str(caught.value)


def test_read_does_not_load_the_shapes_of_types() -> None:
    """The loaders read the ``TypedDict`` keys through one seam: read() alone never loads
    ``ecfmetric.types``; a from_dict does."""
    script = (
        "import sys, ecfmetric\n"
        "metric = ecfmetric.read(sys.argv[1])\n"
        "print('ecfmetric.types' in sys.modules)\n"
        "ecfmetric.Finding.from_dict(metric.warnings[0].to_dict())\n"
        "print('ecfmetric.types' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(MISMATCH)], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", "True"]


def test_no_import_circle_in_the_model_proof_and_reading_floors() -> None:
    """No module of model, proof or reading can reach itself again through its imports (at the
    top, inside a function or under TYPE_CHECKING), the notebook's seam up aside."""
    graph = grimp.build_graph("ecfmetric")
    graph.remove_import(importer="ecfmetric.model._notebook", imported="ecfmetric.present._html")
    floors = ("ecfmetric.model.", "ecfmetric.proof.", "ecfmetric.reading.")
    circles = [
        (module, imported)
        for module in sorted(graph.modules)
        if module.startswith(floors)
        for imported in sorted(graph.find_modules_directly_imported_by(module))
        if graph.chain_exists(importer=imported, imported=module)
    ]
    assert circles == []
    # The pool is the one import inside a function here: a marked seam, one way.
    assert graph.direct_import_exists(
        importer="ecfmetric.reading._many", imported="ecfmetric.reading._pool"
    )
    assert not graph.chain_exists(
        importer="ecfmetric.reading._pool", imported="ecfmetric.reading._many"
    )
