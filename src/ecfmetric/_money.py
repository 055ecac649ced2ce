"""Money typed by a person: Brazilian and plain notations into an exact ``Decimal``."""

from __future__ import annotations

import decimal
import re
from decimal import Decimal, InvalidOperation

from ._errors import FormInputError, FormInputTypeError

CENT = Decimal("0.01")

_PREFIX = re.compile(r"^\s*(?:R\$)?\s*", re.IGNORECASE)
_PLAIN = re.compile(r"\d+")
# "12000000,00" / "12000000.00": one separator, one or two decimals after it.
_ONE_SEPARATOR = re.compile(r"(\d+)([.,])(\d{1,2})")
# "12.000.000,00" / "12,000,000.00": grouped thousands, then the other separator.
_GROUPED_DECIMAL = re.compile(r"(\d{1,3}([.,])\d{3}(?:\2\d{3})*)([.,])(\d{1,2})")
# "12.000.000": two or more groups can only be thousands.
_GROUPED_WHOLE = re.compile(r"\d{1,3}([.,])\d{3}(?:\1\d{3})+")
# "1.234" / "1,234": thousands or three decimals? Refused rather than guessed.
_AMBIGUOUS = re.compile(r"\d{1,3}[.,]\d{3}")
_LONG_DECIMALS = re.compile(r"(?:\d{1,3}([.,])\d{3}(?:\1\d{3})*|\d+)[.,]\d{3,}")


def parse_money(value: object, field: str) -> Decimal:
    """A non-negative amount with at most two decimals, as ``Decimal`` quantized to cents.

    Accepts ``Decimal``, ``int`` and strings such as ``"R$ 12.000.000,00"``, ``"12.000.000,00"``,
    ``"12000000,00"`` and ``"12000000.00"``. Refuses floats (``FormInputTypeError``) and, with a
    ``FormInputError`` naming ``field``: negative amounts, more than two decimals, ambiguous
    strings such as ``"1.234"`` and anything else.
    """
    if isinstance(value, (bool, float)):
        raise FormInputTypeError(
            field,
            f"{type(value).__name__} is not accepted for money: pass a string "
            "(such as '12.000.000,00') or a Decimal",
            value=value,
        )
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise FormInputError(field, "must be a finite amount", value=value)
        amount = value
    elif isinstance(value, str):
        amount = _parse_text(value, field)
    else:
        raise FormInputTypeError(
            field,
            f"{type(value).__name__} is not accepted for money: pass a string or a Decimal",
            value=value,
        )
    if amount < 0:
        raise FormInputError(field, "must not be negative", value=value)
    # At the default 28 digits, quantizing a longer amount fails: use the maximum precision.
    with decimal.localcontext() as context:
        context.prec = decimal.MAX_PREC
        cents = amount.quantize(CENT)
    if amount != cents:
        raise FormInputError(field, "has more than two decimals", value=value)
    return cents


def _parse_text(value: str, field: str) -> Decimal:
    text = _PREFIX.sub("", value, count=1).strip().replace("\u00a0", "").replace(" ", "")
    if text.startswith("-"):
        raise FormInputError(field, "must not be negative", value=value)
    if text.startswith("+"):
        text = text[1:]
    number = _to_plain_number(text)
    if number is None:
        raise FormInputError(
            field,
            "is not an amount: write it as 12.000.000,00 or 12000000,00 or 12000000.00",
            value=value,
        )
    if number == "ambiguous":
        raise FormInputError(
            field,
            "is ambiguous: a single '.' or ',' followed by three digits could be a thousands "
            "separator or decimals; write the cents (1.234,00) or no separator (1234)",
            value=value,
        )
    if number == "too-many-decimals":
        raise FormInputError(field, "has more than two decimals", value=value)
    try:
        return Decimal(number)
    except InvalidOperation:  # pragma: no cover - the patterns admit only digits and one point
        raise FormInputError(field, "is not an amount", value=value) from None


def _to_plain_number(text: str) -> str | None:
    if _PLAIN.fullmatch(text):
        return text
    match = _ONE_SEPARATOR.fullmatch(text)
    if match:
        whole, _, cents = match.groups()
        return f"{whole}.{cents}"
    match = _GROUPED_DECIMAL.fullmatch(text)
    if match:
        grouped, thousands, decimal_sep, cents = match.groups()
        if thousands == decimal_sep:
            return None
        return f"{grouped.replace(thousands, '')}.{cents}"
    if _GROUPED_WHOLE.fullmatch(text):
        return re.sub(r"[.,]", "", text)
    if _AMBIGUOUS.fullmatch(text):
        return "ambiguous"
    if _LONG_DECIMALS.fullmatch(text):
        return "too-many-decimals"
    return None
