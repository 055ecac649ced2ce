"""A company's revenue metric for one year (``RevenueMetric``), and its checked loading."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ..base._context import in_money_context
from ..base._i18n import get_language, tr
from ._components import COMPONENT_FIELDS, MONEY_FIELDS, iso, money_dict
from ._finding import Finding, findings
from ._labels import COMPONENT_WORDS, COMPONENTS, regime_name
from ._load import (
    array,
    at,
    boolean,
    fail,
    integer,
    obj,
    optional_cnpj,
    optional_date,
    optional_string,
    shape_keys,
    short,
)
from ._notebook import html
from ._period import PeriodMetric, period
from ._regime import Regime
from ._signature_summary import SignatureSummary, signature_summary
from ._source_line import SourceLine, source_line
from ._sums import ZERO, exact, figures

if TYPE_CHECKING:
    # Annotations only: read() need not load types.py (nor typing_extensions).
    from ..types import RevenueMetricDict

_SOURCES = ("ecf", "form")
_REGIMES = frozenset(regime.value for regime in Regime)


@attrs.frozen
class RevenueMetric:
    """A company's revenue metric for one reference year, with where each figure came from.

    Money is ``Decimal`` with two decimals, or ``None`` when the source does not state it
    (never a made-up zero); ``net_revenue`` is then ``None`` too.
    """

    cnpj: str | None
    company_name: str | None
    reference_year: int | None
    period_start: dt.date | None
    period_end: dt.date | None
    regime: Regime | None
    layout_version: str | None
    rectifying: bool
    receipt: str | None
    source: Literal["ecf", "form"]
    gross_revenue: Decimal | None
    cancellations: Decimal | None
    discounts: Decimal | None
    taxes: Decimal | None
    other_deductions: Decimal | None
    net_revenue: Decimal | None
    periods: tuple[PeriodMetric, ...] = ()
    lines: tuple[SourceLine, ...] = ()
    warnings: tuple[Finding, ...] = ()
    managing_partner_cnpj: str | None = None
    partial_year: bool = False
    fingerprint: str | None = None
    #: The name of the file read (a path, or the name a caller gave), for tables of many files.
    #: Provenance, not a figure: two reads of the same content are equal whatever their names.
    file_name: str | None = attrs.field(default=None, eq=False)
    #: The file's PVA signature, when it was read (``read(..., signature=True)``).
    signature: SignatureSummary | None = None

    @property
    def complete(self) -> bool:
        """Whether every component is known (so ``net_revenue`` is too)."""
        return all(getattr(self, name) is not None for name in MONEY_FIELDS)

    def to_dict(self) -> RevenueMetricDict:
        """A JSON-ready dict: money as strings with two decimals (``"11990000.00"``) or ``None``."""
        return {
            "cnpj": self.cnpj,
            "company_name": self.company_name,
            "managing_partner_cnpj": self.managing_partner_cnpj,
            "reference_year": self.reference_year,
            "period_start": iso(self.period_start),
            "period_end": iso(self.period_end),
            "partial_year": self.partial_year,
            "regime": None if self.regime is None else self.regime.value,
            "layout_version": self.layout_version,
            "rectifying": self.rectifying,
            "receipt": self.receipt,
            "source": self.source,
            **money_dict(self),
            "periods": [p.to_dict() for p in self.periods],
            "warnings": [w.to_dict() for w in self.warnings],
            "lines": [line.to_dict() for line in self.lines],
            "fingerprint": self.fingerprint,
            "file_name": self.file_name,
            "signature": None if self.signature is None else self.signature.to_dict(),
        }

    def to_row(self, file: str | None = None) -> dict[str, Any]:
        """This file as one row: a plain dict with the keys of :data:`ecfmetric.FILE_COLUMNS`,
        the columns of the command line's ``--csv`` (one source for both).

        Money stays ``Decimal`` and dates ``datetime.date``, so a ``pandas.DataFrame`` of many
        rows adds its money columns up exactly; ``warnings`` is the warning codes, space
        separated; ``regime_label`` the regime's name in the language in use. ``file``
        defaults to :attr:`file_name`. A refused file's row: :func:`ecfmetric.refusal_row`.
        """
        regime = None if self.regime is None else self.regime.value
        return {
            "file": self.file_name if file is None else file,
            "status": "ok",
            "cnpj": self.cnpj,
            "company_name": self.company_name,
            "reference_year": self.reference_year,
            "period_start": self.period_start,
            "period_end": self.period_end,
            "regime": regime,
            **{name: getattr(self, name) for name in COMPONENTS},
            "warnings": " ".join(sorted({w.code for w in self.warnings})) or None,
            "error_code": None,
            "error": None,
            "regime_label": regime_name(regime, get_language()),
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per line read (its provenance), ready for ``pandas.DataFrame``.

        Every line is there, those read only to cross-check too (``component`` ``None``: the
        file's RECEITA LIQUIDA, synthetic lines). Each row names the company (``cnpj``), the
        ``reference_year``, the ``block`` and the ``file_name``, so that the rows of many files
        make one table. Unlike :meth:`to_dict`, amounts stay ``Decimal`` so that they add up.
        ``component_label`` names the component in the language in use (``"receita bruta"``,
        ``"só conferência"`` for a line read only to cross-check).
        """
        words = COMPONENT_WORDS[get_language()]
        return [
            {
                "file_name": self.file_name,
                "cnpj": self.cnpj,
                "reference_year": self.reference_year,
                "block": None if line.record is None else line.record[0],
                **line.to_dict(),
                "amount": line.amount,
                "component_label": words[line.component],
            }
            for line in self.lines
        ]

    def _repr_html_(self) -> str:
        return html("metric_html", self)

    @classmethod
    @in_money_context
    def from_dict(cls, data: dict[str, Any]) -> RevenueMetric:
        """Rebuild a metric from :meth:`to_dict`'s output (``from_dict(m.to_dict()) == m``).

        Checked, as ``Proof.from_dict`` checks the metrics it holds: every key ``to_dict``
        writes and no other, each value of its type and in its canonical spelling (money as
        ``"1234.50"``, dates as ``2025-12-31``), the net equal to the gross less the deductions,
        no negative figure from a form. Anything else raises
        :class:`~ecfmetric.BadProofDataError` with the path of the value (``"lines[3].amount"``).
        """
        return metric(data, "")


def metric(value: object, path: str) -> RevenueMetric:
    """A :class:`RevenueMetric` from :meth:`RevenueMetric.to_dict`'s output, checked.

    A form's amounts are never negative; an ECF's may be (a line with an unusual sign is kept).
    """
    data = obj(value, path, shape_keys("RevenueMetricDict"))
    source = data["source"]
    if source not in _SOURCES:
        fail(at(path, "source"), tr('must be "ecf" or "form", got {got}', got=short(source)))
    signed = source == "ecf"
    values = figures(data, path, signed=signed)
    year = data["reference_year"]
    if year is not None:
        integer(year, at(path, "reference_year"))
    regime = data["regime"]
    if regime is not None and (not isinstance(regime, str) or regime not in _REGIMES):
        fail(at(path, "regime"), tr("not a regime: {got}", got=short(regime)))
    signature = (
        None
        if data["signature"] is None
        else signature_summary(data["signature"], at(path, "signature"))
    )
    if signature is not None and source == "form":
        fail(at(path, "signature"), tr("a form's figure has no signature"))
    periods = tuple(
        period(item, at(at(path, "periods"), i), signed=signed)
        for i, item in enumerate(array(data["periods"], at(path, "periods")))
    )
    lines = tuple(
        source_line(item, at(at(path, "lines"), i))
        for i, item in enumerate(array(data["lines"], at(path, "lines")))
    )
    _add_up(values, periods, lines, path)
    return RevenueMetric(
        cnpj=optional_cnpj(data["cnpj"], at(path, "cnpj")),
        company_name=optional_string(data["company_name"], at(path, "company_name")),
        reference_year=year,
        period_start=optional_date(data["period_start"], at(path, "period_start")),
        period_end=optional_date(data["period_end"], at(path, "period_end")),
        regime=None if regime is None else Regime(regime),
        layout_version=optional_string(data["layout_version"], at(path, "layout_version")),
        rectifying=boolean(data["rectifying"], at(path, "rectifying")),
        receipt=optional_string(data["receipt"], at(path, "receipt")),
        source=source,
        **values,
        periods=periods,
        lines=lines,
        warnings=findings(data["warnings"], at(path, "warnings")),
        managing_partner_cnpj=optional_cnpj(
            data["managing_partner_cnpj"], at(path, "managing_partner_cnpj")
        ),
        partial_year=boolean(data["partial_year"], at(path, "partial_year")),
        fingerprint=optional_string(data["fingerprint"], at(path, "fingerprint")),
        file_name=optional_string(data["file_name"], at(path, "file_name")),
        signature=signature,
    )


def _add_up(
    values: Mapping[str, Decimal | None],
    periods: tuple[PeriodMetric, ...],
    lines: tuple[SourceLine, ...],
    path: str,
) -> None:
    """What the reader and the form keep: each known component is the sum of the lines that fed
    it (when there are lines) and of its periods (when every period states it)."""
    for name in COMPONENT_FIELDS:
        value = values[name]
        if value is None:
            continue
        if lines:
            fed = exact(ZERO, (-line.amount for line in lines if line.component == name))
            if fed != value:
                fail(
                    at(path, name),
                    tr(
                        "must be the sum of the lines that feed it, {total}, got {got}",
                        total=f"{fed:.2f}",
                        got=f"{value:.2f}",
                    ),
                )
        stated = [getattr(item, name) for item in periods]
        if stated and None not in stated:
            total = exact(ZERO, (-amount for amount in stated))
            if total != value:
                fail(
                    at(path, name),
                    tr(
                        "must be the sum of the periods, {total}, got {got}",
                        total=f"{total:.2f}",
                        got=f"{value:.2f}",
                    ),
                )
