"""The same metric from four (or five) amounts a person typed into the portal's form."""

from __future__ import annotations

import decimal
from decimal import Decimal

from ..base._cnpj import normalize_cnpj
from ..base._context import in_money_context, money_context
from ..base._errors import FormInputError, FormInputTypeError
from ..base._i18n import Message, tr
from ..base._money import parse_money
from ..model._labels import LABELS, field_label
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

    Amounts may be ``Decimal``, ``int`` or strings as Brazilians type money: ``.`` groups the
    thousands and ``,`` separates the centavos (``"R$ 12.000.000,00"``, ``"10.000"`` is ten
    thousand, ``"12000000,00"``, ``"1234,5"``; blanks around the number and after ``R$`` are
    fine), up to :data:`MAX_FORM_AMOUNT` (``99.999.999.999.999.999,99``, the ECF's ``N 19,2``).
    Refused: negative amounts, more than two decimals, larger amounts, what cannot be read as
    Brazilian money (``"1,234.56"``, ``"1234.56"``, ``"1.23,00"``), digits other than 0-9
    (Arabic-Indic, full-width…), blanks inside the number (``"12,3 4"``), anything that is not
    an amount, deductions that add up to more than the gross revenue (each deduction typed is
    refused), a CNPJ with wrong check digits and an implausible year. All of them at once: one
    :class:`FormInputError` whose ``refused`` lists every refused field with its portal label
    and what to do. A ``float`` raises :class:`FormInputTypeError` (also a ``TypeError``): pass
    a string or a ``Decimal``, so that no binary rounding gets in.

    >>> from_form(gross_revenue="12.000.000,00", cancellations="10.000,00",
    ...           taxes="0,00", discounts="0,00").net_revenue
    Decimal('11990000.00')
    """
    typed = {
        "gross_revenue": gross_revenue,
        "cancellations": cancellations,
        "taxes": taxes,
        "discounts": discounts,
        "other_deductions": other_deductions,
    }
    refused: list[FormInputError] = []
    values: dict[str, Decimal] = {}
    for name, value in typed.items():
        try:
            values[name] = parse_money(value, name, field_label(name))
        except FormInputError as error:
            refused.append(error)
    if not refused:
        refused.extend(_deductions_above_gross(values, typed))
    normalized = _identity(cnpj, reference_year, company_name, refused)
    if refused:
        raise FormInputError.combine(refused)
    gross = values["gross_revenue"]
    with money_context() as context:  # exact, however many digits
        context.prec = decimal.MAX_PREC
        net = gross - _deductions(values)
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


def _deductions_above_gross(
    values: dict[str, Decimal], typed: dict[str, MoneyInput]
) -> list[FormInputError]:
    """Deductions that add up to more than the gross revenue: each deduction typed is refused
    (one of them is wrong; the gross revenue alone cannot be)."""
    gross = values["gross_revenue"]
    with money_context() as context:  # exact, however many digits
        context.prec = decimal.MAX_PREC
        deductions = _deductions(values)
    if deductions <= gross:
        return []
    reason = tr(
        "the deductions add up to {deductions}, more than {gross_label} {gross}",
        deductions=deductions,
        gross_label=field_label("gross_revenue"),
        gross=gross,
    )
    return [
        FormInputError(name, reason, value=typed[name], label=field_label(name))
        for name in values
        if name != "gross_revenue" and values[name] > 0
    ]


def _deductions(values: dict[str, Decimal]) -> Decimal:
    """The sum of every amount but the gross revenue (in the caller's exact context)."""
    return sum((values[name] for name in values if name != "gross_revenue"), start=Decimal(0))


def _identity(
    cnpj: object, reference_year: object, company_name: object, refused: list[FormInputError]
) -> str | None:
    """The CNPJ normalized (``None`` when not given or refused); each identity field that is
    not what it must be is added to ``refused``, with its portal label."""

    def refuse(kind: type[FormInputError], name: str, reason: Message, value: object) -> None:
        refused.append(kind(name, reason, value=value, label=field_label(name)))

    normalized = None
    if cnpj is not None:
        if not isinstance(cnpj, str):
            refuse(
                FormInputTypeError,
                "cnpj",
                tr("must be a string such as '11.222.333/0001-81'"),
                cnpj,
            )
        else:
            normalized = normalize_cnpj(cnpj)
            if normalized is None:
                refuse(
                    FormInputError,
                    "cnpj",
                    tr("is not a valid CNPJ (14 characters with two check digits)"),
                    cnpj,
                )
    if reference_year is not None:
        if isinstance(reference_year, bool) or not isinstance(reference_year, int):
            refuse(
                FormInputTypeError,
                "reference_year",
                tr("must be an int such as 2025"),
                reference_year,
            )
        elif not 2000 <= reference_year <= 2100:
            refuse(
                FormInputError,
                "reference_year",
                tr("must be a calendar year between 2000 and 2100"),
                reference_year,
            )
    if company_name is not None and not isinstance(company_name, str):
        refuse(FormInputTypeError, "company_name", tr("must be a string"), company_name)
    return normalized
