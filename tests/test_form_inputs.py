"""The form's strings as people type them: the largest amount, foreign digits, blanks inside."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import ecfmetric
from ecfmetric import EcfFormatError, FormInputError, from_form
from ecfmetric import strategies as ecf_st
from ecfmetric.base._money import MAX_FORM_AMOUNT, parse_money
from ecfmetric.ecf._fields import parse_amount, parse_date, parse_signed_amount


def _gross(value: object) -> Decimal | None:
    return from_form(gross_revenue=value, cancellations=0, taxes=0, discounts=0).gross_revenue  # type: ignore[arg-type]


def _refused(value: object, fragment: str, field: str = "taxes") -> FormInputError:
    kwargs: dict[str, object] = {
        "gross_revenue": "1000,00",
        "cancellations": 0,
        "taxes": 0,
        "discounts": 0,
    }
    kwargs[field] = value
    with pytest.raises(FormInputError) as caught:
        from_form(**kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert fragment in str(caught.value), str(caught.value)
    assert str(caught.value).startswith(ecfmetric.LABELS_EN[field] + ": ")
    return caught.value


def test_the_largest_amount_is_accepted() -> None:
    """17 integer digits and 2 decimals: the ECF's N 19,2, in every notation."""
    assert _gross("99.999.999.999.999.999,99") == MAX_FORM_AMOUNT
    assert _gross("99999999999999999,99") == MAX_FORM_AMOUNT
    assert _gross(MAX_FORM_AMOUNT) == MAX_FORM_AMOUNT
    assert _gross(10**17 - 1) == Decimal("99999999999999999.00")
    assert _gross("000099999999999999999,99") == MAX_FORM_AMOUNT


@pytest.mark.parametrize(
    "value",
    [
        "1" + "0" * 26,  # 27 digits: a bare decimal.InvalidOperation before
        "1" + "0" * 40 + ",00",
        "100.000.000.000.000.000,00",
        "100000000000000000",  # 18 digits
        10**17,
        Decimal("1E+17"),
        Decimal("99999999999999999.991"),
        Decimal("1E+999999"),
    ],
)
def test_larger_amounts_are_refused_saying_the_largest(value: object) -> None:
    error = _refused(value, "too large")
    assert "99.999.999.999.999.999,99" in str(error)


@pytest.mark.parametrize(
    "value",
    [
        "١٢٣",  # Arabic-Indic
        "١٢٣,٤٥",
        "۱۲۳",  # Extended Arabic-Indic (Persian)
        "１２３,４５",  # full-width
        "R$ １.０００,００",
        "१२३",  # Devanagari
        "12३",
    ],
)
def test_digits_other_than_ascii_are_refused(value: str) -> None:
    _refused(value, "digits other than 0-9")


@pytest.mark.parametrize(
    "value", ["12,3 4", "1 000,00", "12.000. 000,00", "12\u00a0000,00", "1\t0"]
)
def test_blanks_inside_the_number_are_refused(value: str) -> None:
    _refused(value, "blank inside the number")


@pytest.mark.parametrize(
    "value", [" 12,34 ", "R$ 12,34", "R$\u00a012,34", "\u00a0R$\u202f12,34\u00a0", "r$12,34"]
)
def test_blanks_around_the_number_and_after_the_currency_are_fine(value: str) -> None:
    assert _gross(value) == Decimal("12.34")


def test_negative_zero_comes_out_as_zero() -> None:
    amount = parse_money(Decimal("-0.000"), "taxes")
    assert str(amount) == "0.00"


def _ascii_digits(text: str) -> str:
    return "".join(char for char in text if "0" <= char <= "9")


MONEYISH = st.text(
    alphabet=st.sampled_from([*"0123456789.,+-R$r ", "\u00a0", "١", "１", "\t", "e", "E"]),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(
        MONEYISH,
        st.text(max_size=30),
        ecf_st.brl_money(max_value=MAX_FORM_AMOUNT).map(lambda pair: pair[0]),
    )
)
@example(text="1" + "0" * 30)
@example(text="12,3 4")
@example(text="١٢٣")
@example(text="NaN")
@example(text="1e5")
@example(text="Infinity")
def test_any_string_parses_to_exactly_its_value_or_is_refused(text: str) -> None:
    """Never another exception; an accepted string's ASCII digits are the amount's, in cents."""
    try:
        amount = parse_money(text, "gross_revenue")
    except FormInputError as error:
        refused: FormInputError | None = error
    else:
        refused = None
    if refused is not None:
        assert refused.field == "gross_revenue"
        return
    assert isinstance(amount, Decimal)
    assert amount.as_tuple().exponent == -2
    assert Decimal(0) <= amount <= MAX_FORM_AMOUNT
    digits = _ascii_digits(text)
    assert not any(char.isdigit() and not char.isascii() for char in text)
    # The digits typed are the amount's: with two decimals, one, or none (cents added).
    cents = int(amount * 100)
    decimals = re.search(r"[.,]([0-9]{1,2})\s*$", text)
    places = len(decimals.group(1)) if decimals and not _grouped_whole(text) else 0
    assert int(digits) * 10 ** (2 - places) == cents


def _grouped_whole(text: str) -> bool:
    # "1.234.567": every separator is a thousands separator; the last group has three digits.
    return re.search(r"[.,][0-9]{3}\s*$", text) is not None


@settings(max_examples=100, deadline=None)
@given(pair=ecf_st.brl_money(max_value=MAX_FORM_AMOUNT))
def test_every_brazilian_notation_up_to_the_largest_amount_parses(
    pair: tuple[str, Decimal],
) -> None:
    text, value = pair
    assert parse_money(text, "gross_revenue") == value


@pytest.mark.parametrize("text", ["١٢٣,٤٥", "１２３", "12٣,00", "123,٤٥"])
def test_the_ecf_amount_parser_takes_ascii_digits_only(text: str) -> None:
    """``\\d`` in a Python regex matches any Unicode digit; the ECF's amounts are 0-9 only."""
    for parse in (parse_amount, parse_signed_amount):
        with pytest.raises(EcfFormatError) as caught:
            parse(text, line_number=7, record="L300", field="VALOR")
        assert caught.value.code == "BAD_AMOUNT"
    assert parse_amount("123,45", line_number=7, record="L300", field="VALOR") == Decimal("123.45")


def test_the_ecf_date_parser_takes_ascii_digits_only() -> None:
    with pytest.raises(EcfFormatError) as caught:
        parse_date("٣١١٢٢٠٢٥", line_number=1, record="0000", field="DT_FIN")
    assert caught.value.code == "BAD_DATE"
