"""The same metric from four (or five) amounts a person typed into the portal's form."""

from __future__ import annotations

import decimal
from decimal import Decimal

from ..base._cnpj import normalize_cnpj
from ..base._context import in_money_context, money_context
from ..base._errors import FormInputError, FormInputTypeError
from ..base._i18n import tr
from ..base._money import parse_money
from ..model._labels import LABELS
from ..model._model import RevenueMetric, SourceLine

#: The portal's labels for each component, shown as the provenance of typed values.
FORM_LABELS = {name: label for name, label in LABELS.items() if name != "net_revenue"}

MoneyInput = Decimal | int | str


@in_money_context
def from_form(
    *,
    gross_revenue: MoneyInput,
    cancellations: MoneyInput,
    taxes: MoneyInput,
    discounts: MoneyInput,
    other_deductions: MoneyInput = 0,
    cnpj: str | None = None,
    company_name: str | None = None,
    reference_year: int | None = None,
) -> RevenueMetric:
    """The revenue metric from values typed into the form, with the file path's arithmetic.

    Amounts may be ``Decimal``, ``int`` or strings such as ``"R$ 12.000.000,00"``,
    ``"12.000.000,00"``, ``"12000000,00"`` or ``"12000000.00"`` (blanks around the number and
    after ``R$`` are fine), up to :data:`MAX_FORM_AMOUNT` (``99.999.999.999.999.999,99``, the
    ECF's ``N 19,2``). Refused, with a :class:`FormInputError` naming the field and saying what
    is accepted: negative amounts, more than two decimals, larger amounts, ambiguous strings
    (``"1.234"``), digits other than 0-9 (Arabic-Indic, full-width…), blanks inside the number
    (``"12,3 4"``), anything that is not an amount, deductions that add up to more than the
    gross revenue, a CNPJ with wrong check digits and an implausible year.
    A ``float`` raises :class:`FormInputTypeError` (also a ``TypeError``): pass a string or a
    ``Decimal``, so that no binary rounding gets in.

    >>> from_form(gross_revenue="12.000.000,00", cancellations="10.000,00",
    ...           taxes="0,00", discounts="0,00").net_revenue
    Decimal('11990000.00')
    """
    values = {
        "gross_revenue": parse_money(gross_revenue, "gross_revenue"),
        "cancellations": parse_money(cancellations, "cancellations"),
        "taxes": parse_money(taxes, "taxes"),
        "discounts": parse_money(discounts, "discounts"),
        "other_deductions": parse_money(other_deductions, "other_deductions"),
    }
    gross = values["gross_revenue"]
    with money_context() as context:  # exact, however many digits
        context.prec = decimal.MAX_PREC
        deductions = (
            values["cancellations"]
            + values["taxes"]
            + values["discounts"]
            + values["other_deductions"]
        )
        net = gross - deductions
    if deductions > gross:
        raise FormInputError(
            "gross_revenue",
            tr(
                "the deductions add up to {deductions}, more than the gross revenue {gross}",
                deductions=deductions,
                gross=gross,
            ),
        )
    normalized = None
    if cnpj is not None:
        if not isinstance(cnpj, str):
            raise FormInputTypeError(
                "cnpj", tr("must be a string such as '11.222.333/0001-81'"), value=cnpj
            )
        normalized = normalize_cnpj(cnpj)
        if normalized is None:
            raise FormInputError(
                "cnpj",
                tr("is not a valid CNPJ (14 characters with two check digits)"),
                value=cnpj,
            )
    if reference_year is not None:
        if isinstance(reference_year, bool) or not isinstance(reference_year, int):
            raise FormInputTypeError(
                "reference_year", tr("must be an int such as 2025"), value=reference_year
            )
        if not 2000 <= reference_year <= 2100:
            raise FormInputError(
                "reference_year",
                tr("must be a calendar year between 2000 and 2100"),
                value=reference_year,
            )
    if company_name is not None and not isinstance(company_name, str):
        raise FormInputTypeError("company_name", tr("must be a string"), value=company_name)
    lines = tuple(
        SourceLine(None, None, None, None, FORM_LABELS[name], values[name], name)  # type: ignore[arg-type]
        for name in FORM_LABELS
    )
    return RevenueMetric(
        cnpj=normalized,
        company_name=company_name,
        reference_year=reference_year,
        period_start=None,
        period_end=None,
        regime=None,
        layout_version=None,
        rectifying=False,
        receipt=None,
        source="form",
        gross_revenue=gross,
        cancellations=values["cancellations"],
        discounts=values["discounts"],
        taxes=values["taxes"],
        other_deductions=values["other_deductions"],
        net_revenue=net,
        lines=lines,
    )
