""":func:`form_inputs`: keyword arguments for ``from_form`` and the metric they must give."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..model._model import RevenueMetric
from ._cnpj import cnpjs
from ._money import _DEFAULT_MAX, _brl_text, _cents, _money, _to_cents
from ._names import _company_name


@st.composite
def _money_input(draw: st.DrawFn, cents: int) -> object:
    """``cents`` as something a person may pass to the form: a Brazilian string, a
    ``Decimal``, an ``int`` (whole amounts) or an ungrouped ``"1234,56"``."""
    value = _money(cents)
    assert value is not None
    options: list[st.SearchStrategy[object]] = [
        _brl_text(cents, None, None),
        st.just(value),
        st.just(value.normalize()),
        st.just(f"{cents // 100},{cents % 100:02d}"),
    ]
    if cents % 100 == 0:
        options.append(st.just(cents // 100))
    return draw(st.one_of(options))


@st.composite
def _form_inputs(
    draw: st.DrawFn, max_cents: int, other_deductions: bool | None, identity: bool | None
) -> tuple[dict[str, Any], RevenueMetric]:
    gross = draw(_cents(0, max_cents))
    names = ["cancellations", "taxes", "discounts"]
    if draw(st.booleans()) if other_deductions is None else other_deductions:
        names.append("other_deductions")
    parts = dict.fromkeys(("cancellations", "taxes", "discounts", "other_deductions"), 0)
    left = gross
    for deduction in draw(st.permutations(names)):
        parts[deduction] = draw(_cents(0, left))  # the deductions never exceed the gross revenue
        left -= parts[deduction]
    kwargs: dict[str, Any] = {"gross_revenue": draw(_money_input(gross))}
    kwargs.update({deduction: draw(_money_input(parts[deduction])) for deduction in names})
    cnpj: str | None = None
    name: str | None = None
    year: int | None = None
    if draw(st.booleans()) if identity is None else identity:
        typed = draw(cnpjs(formatted=None, alphanumeric=draw(st.booleans())))
        cnpj = typed.replace(".", "").replace("/", "").replace("-", "")
        name = draw(_company_name("utf-8"))
        year = draw(st.integers(2000, 2100))
        kwargs |= {"cnpj": typed, "company_name": name, "reference_year": year}
    expected = RevenueMetric(
        cnpj=cnpj,
        company_name=name,
        reference_year=year,
        period_start=None,
        period_end=None,
        regime=None,
        layout_version=None,
        rectifying=False,
        receipt=None,
        source="form",
        gross_revenue=_money(gross),
        cancellations=_money(parts["cancellations"]),
        discounts=_money(parts["discounts"]),
        taxes=_money(parts["taxes"]),
        other_deductions=_money(parts["other_deductions"]),
        net_revenue=_money(left),
    )
    return kwargs, expected


def form_inputs(
    *,
    max_value: Decimal | int | str = _DEFAULT_MAX,
    other_deductions: bool | None = None,
    identity: bool | None = None,
) -> st.SearchStrategy[tuple[dict[str, Any], RevenueMetric]]:
    """``(kwargs, expected)`` pairs: keyword arguments for :func:`ecfmetric.from_form` and the
    metric it must return, as far as :func:`promised` goes (no warnings, no periods).

    Amounts (up to ``max_value``) come as Brazilian strings (``"R$ 1.234,56"``), ``Decimal``,
    ``int`` or ``"1234,56"``; the deductions never add up to more than the gross revenue, so
    ``expected.net_revenue`` is never negative. ``other_deductions``: whether that argument is
    given (``None``: either). ``identity``: whether ``cnpj`` (masked or bare, numeric or
    alphanumeric), ``company_name`` and ``reference_year`` are given (``None``: either).
    """
    max_cents = _to_cents(max_value, "max_value")
    if max_cents < 0:
        raise InvalidArgument("max_value must not be negative")
    return _form_inputs(max_cents, other_deductions, identity)
