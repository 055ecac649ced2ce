"""Money typed by a person: Brazilian and plain notations into an exact ``Decimal``."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ._errors import FormInputError, FormInputTypeError
from ._i18n import tr

CENT = Decimal("0.01")

#: The largest amount the form takes: 17 integer digits and 2 decimals, the ECF's ``N 19,2``
#: (no figure a file can state is larger).
MAX_FORM_AMOUNT = Decimal("99999999999999999.99")

# Digits are ASCII only: in Python's re, "\d" also matches Arabic-Indic, full-width and other
# Unicode digits, which Decimal() would then read as if they were 0-9.
_PREFIX = re.compile(r"^\s*(?:R\$)?\s*", re.IGNORECASE)
_PLAIN = re.compile(r"[0-9]+")
# "12000000,00" / "12000000.00": one separator, one or two decimals after it.
_ONE_SEPARATOR = re.compile(r"([0-9]+)([.,])([0-9]{1,2})")
# "12.000.000,00" / "12,000,000.00": grouped thousands, then the other separator.
_GROUPED_DECIMAL = re.compile(r"([0-9]{1,3}([.,])[0-9]{3}(?:\2[0-9]{3})*)([.,])([0-9]{1,2})")
# "12.000.000": two or more groups can only be thousands.
_GROUPED_WHOLE = re.compile(r"[0-9]{1,3}([.,])[0-9]{3}(?:\1[0-9]{3})+")
# "1.234" / "1,234": thousands or three decimals? Refused rather than guessed.
_AMBIGUOUS = re.compile(r"[0-9]{1,3}[.,][0-9]{3}")
_LONG_DECIMALS = re.compile(r"(?:[0-9]{1,3}([.,])[0-9]{3}(?:\1[0-9]{3})*|[0-9]+)[.,][0-9]{3,}")
_NUMBER_WITH_BLANKS = re.compile(r"[+-]?[0-9.,\s]+")
_TOO_LARGE = tr(
    "is too large: the largest amount is 99.999.999.999.999.999,99 "
    "(17 digits before the cents, as in the ECF)"
)


def parse_money(value: object, field: str) -> Decimal:
    """A non-negative amount with at most two decimals, as ``Decimal`` quantized to cents.

    Accepts ``Decimal``, ``int`` and strings such as ``"R$ 12.000.000,00"``, ``"12.000.000,00"``,
    ``"12000000,00"`` and ``"12000000.00"``, up to :data:`MAX_FORM_AMOUNT`. Refuses floats
    (``FormInputTypeError``) and, with a ``FormInputError`` naming ``field``: negative amounts,
    more than two decimals, larger amounts, ambiguous strings such as ``"1.234"``, digits other
    than 0-9, blanks inside the number and anything else.
    """
    if isinstance(value, (bool, float)):
        raise FormInputTypeError(
            field,
            tr(
                "{kind} is not accepted for money: pass a string (such as '12.000.000,00') or "
                "a Decimal",
                kind=type(value).__name__,
            ),
            value=value,
        )
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise FormInputError(field, tr("must be a finite amount"), value=value)
        amount = value
    elif isinstance(value, str):
        amount = _parse_text(value, field)
    else:
        raise FormInputTypeError(
            field,
            tr(
                "{kind} is not accepted for money: pass a string or a Decimal",
                kind=type(value).__name__,
            ),
            value=value,
        )
    if amount < 0:
        raise FormInputError(field, tr("must not be negative"), value=value)
    if amount > MAX_FORM_AMOUNT:
        raise FormInputError(field, _TOO_LARGE, value=value)
    # At most 19 digits now: quantize cannot exceed the context's precision.
    cents = amount.quantize(CENT)
    if amount != cents:
        raise FormInputError(field, tr("has more than two decimals"), value=value)
    return cents if cents else CENT * 0  # Decimal("-0") comes out as 0.00, not -0.00


def _parse_text(value: str, field: str) -> Decimal:
    # Blanks (including the no-break space a browser puts after "R$") may surround the number
    # and follow "R$", never sit inside it: "12,3 4" is a typo, not 12,34.
    text = _PREFIX.sub("", value, count=1).strip()
    if any(char.isdigit() and not char.isascii() for char in text):
        raise FormInputError(
            field,
            tr(
                "has digits other than 0-9 (such as Arabic-Indic or full-width digits): type the "
                "amount with the digits 0-9; write it as 12.000.000,00 or 12000000,00 or "
                "12000000.00"
            ),
            value=value,
        )
    if any(char.isspace() for char in text) and _NUMBER_WITH_BLANKS.fullmatch(text):
        raise FormInputError(
            field,
            tr(
                "has a blank inside the number: write it as 12.000.000,00 or 12000000,00 or "
                "12000000.00, with no spaces"
            ),
            value=value,
        )
    if text.startswith("-"):
        raise FormInputError(field, tr("must not be negative"), value=value)
    if text.startswith("+"):
        text = text[1:]
    number = _to_plain_number(text)
    if number is None:
        raise FormInputError(
            field,
            tr("is not an amount: write it as 12.000.000,00 or 12000000,00 or 12000000.00"),
            value=value,
        )
    if number == "ambiguous":
        raise FormInputError(
            field,
            tr(
                "is ambiguous: a single '.' or ',' followed by three digits could be a thousands "
                "separator or decimals; write the cents (1.234,00) or no separator (1234)"
            ),
            value=value,
        )
    if number == "too-many-decimals":
        raise FormInputError(field, tr("has more than two decimals"), value=value)
    if len(number.partition(".")[0].lstrip("0")) > 17:
        raise FormInputError(field, _TOO_LARGE, value=value)
    try:
        return Decimal(number)
    except InvalidOperation:  # pragma: no cover - the patterns admit only digits and one point
        raise FormInputError(field, tr("is not an amount"), value=value) from None


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
