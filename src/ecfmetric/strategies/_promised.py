"""What an expected metric promises (:func:`promised`) and the comparisons built on it."""

from __future__ import annotations

from typing import Any

from ..model._model import MONEY_FIELDS, RevenueMetric

_PROMISED_MESSAGE = "promised by ecfmetric.strategies (only the code is promised)"

_IDENTITY = (
    "cnpj",
    "company_name",
    "managing_partner_cnpj",
    "reference_year",
    "period_start",
    "period_end",
    "partial_year",
    "regime",
    "layout_version",
    "rectifying",
    "receipt",
    "source",
)


def promised(metric: RevenueMetric) -> dict[str, Any]:
    """The part of a metric an expected value from this module promises, as a plain dict.

    Identity (``cnpj``, ``company_name``, ``managing_partner_cnpj``, ``reference_year``,
    ``period_start``, ``period_end``, ``partial_year``, ``regime``, ``layout_version``,
    ``rectifying``, ``receipt``, ``source``), the six money fields, the ``periods`` breakdown
    (period, dates, block, record and money of each, in order) and ``warning_codes``, the sorted
    set of warning codes. ``lines``, ``fingerprint`` and the warnings' messages, line numbers and
    order are not part of it.
    """
    out: dict[str, Any] = {name: getattr(metric, name) for name in _IDENTITY}
    out.update({name: getattr(metric, name) for name in MONEY_FIELDS})
    out["periods"] = list(metric.periods)
    out["warning_codes"] = sorted({warning.code for warning in metric.warnings})
    return out


def metric_matches(actual: RevenueMetric, expected: RevenueMetric) -> bool:
    """Whether ``actual`` is ``expected`` as far as :func:`promised` goes."""
    return promised(actual) == promised(expected)


def assert_metric_matches(actual: RevenueMetric, expected: RevenueMetric) -> None:
    """Raise ``AssertionError`` naming each promised field where ``actual`` differs from
    ``expected`` (see :func:`promised` for what is compared)."""
    got, want = promised(actual), promised(expected)
    if got != want:
        differences = [
            f"{name}: read {got[name]!r}, expected {want[name]!r}"
            for name in want
            if got[name] != want[name]
        ]
        raise AssertionError(
            "the metric differs from the one promised:\n  " + "\n  ".join(differences)
        )
