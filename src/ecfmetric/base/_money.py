"""Money typed by a person: Brazilian and plain notations into an exact ``Decimal``."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from ._form_errors import FormInputError, FormInputTypeError
from ._i18n import Localized, Message, tr

CENT = Decimal("0.01")

#: The largest amount the form takes: 17 integer digits and 2 decimals, the ECF's ``N 19,2``
#: (no figure a file can state is larger).
MAX_FORM_AMOUNT = Decimal("99999999999999999.99")

# Digits are ASCII only: in Python's re, "\d" also matches Arabic-Indic, full-width and other
# Unicode digits, which Decimal() would then read as if they were 0-9.
_PREFIX = re.compile(r"^\s*(?:R\$)?\s*", re.IGNORECASE)
# "12000000" / "12000000,5" / "12000000,00": digits, then ',' and the centavos.
_UNGROUPED = re.compile(r"[0-9]+(?:,[0-9]{1,2})?")
# "12.000.000" / "12.000.000,00": '.' between groups of three digits, then ',' and the centavos.
_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]{1,2})?")
# "1.234,567" / "1234,567": more than two digits after the ','.
_LONG_CENTS = re.compile(r"(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+),[0-9]{3,}")
# "1,234.56" / "12,000,000.00": ',' before '.', as in the United States.
_US_STYLE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?")
_SEPARATORS_ONLY = re.compile(r"[0-9.,]+")
_NUMBER_WITH_BLANKS = re.compile(r"[+-]?[0-9.,\s]+")
_TOO_LARGE = tr(
    "is too large: the largest amount is 99.999.999.999.999.999,99 "
    "(17 digits before the cents, as in the ECF)"
)


def parse_money(value: object, field: str, label: Localized | None = None) -> Decimal:
    """A non-negative amount with at most two decimals, as ``Decimal`` quantized to cents.

    Accepts ``Decimal``, ``int`` and strings as Brazilians type money: ``.`` groups thousands
    and ``,`` separates the centavos (``"R$ 12.000.000,00"``, ``"10.000"``, ``"12000000,00"``,
    ``"1234,5"``), up to :data:`MAX_FORM_AMOUNT`. Refuses floats (``FormInputTypeError``) and,
    with a ``FormInputError`` naming ``field`` and its ``label`` (the portal's, from the caller):
    negative amounts, more than two decimals, larger amounts, what cannot be read as Brazilian
    money (``"1,234.56"``, ``"1234.56"``, ``"1.23,00"``), digits other than 0-9, blanks inside
    the number and anything else; the message says how to write it.
    """
    label = Localized(field, field) if label is None else label

    def refuse(reason: Message, kind: type[FormInputError] = FormInputError) -> FormInputError:
        return kind(field, reason, value=value, label=label)

    if isinstance(value, (bool, float)):
        raise refuse(
            tr(
                "{kind} is not accepted for money: pass a string (such as '12.000.000,00') or "
                "a Decimal",
                kind=type(value).__name__,
            ),
            FormInputTypeError,
        )
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise refuse(tr("must be a finite amount"))
        amount = value
    elif isinstance(value, str):
        amount = _parse_text(value, refuse)
    else:
        raise refuse(
            tr(
                "{kind} is not accepted for money: pass a string or a Decimal",
                kind=type(value).__name__,
            ),
            FormInputTypeError,
        )
    if amount < 0:
        raise refuse(tr("must not be negative"))
    if amount > MAX_FORM_AMOUNT:
        raise refuse(_TOO_LARGE)
    # At most 19 digits now: quantize cannot exceed the context's precision.
    cents = amount.quantize(CENT)
    if amount != cents:
        raise refuse(tr("has more than two decimals"))
    return cents if cents else CENT * 0  # Decimal("-0") comes out as 0.00, not -0.00


def _parse_text(value: str, refuse: Callable[[Message], FormInputError]) -> Decimal:
    # Blanks (including the no-break space a browser puts after "R$") may surround the number
    # and follow "R$", never sit inside it: "12,3 4" is a typo, not 12,34.
    text = _PREFIX.sub("", value, count=1).strip()
    if any(char.isdigit() and not char.isascii() for char in text):
        raise refuse(
            tr(
                "has digits other than 0-9 (such as Arabic-Indic or full-width digits): type the "
                "amount with the digits 0-9, as 12.000.000,00 or 12000000,00"
            )
        )
    if any(char.isspace() for char in text) and _NUMBER_WITH_BLANKS.fullmatch(text):
        raise refuse(
            tr(
                "has a blank inside the number: write it as 12.000.000,00 or 12000000,00, "
                "with no spaces"
            )
        )
    if text.startswith("-"):
        raise refuse(tr("must not be negative"))
    if text.startswith("+"):
        text = text[1:]
    if _UNGROUPED.fullmatch(text) or _GROUPED.fullmatch(text):
        whole, _, cents = text.partition(",")
        digits = whole.replace(".", "")
        if len(digits.lstrip("0")) > 17:
            raise refuse(_TOO_LARGE)
        return Decimal(f"{digits}.{cents or '0'}")
    raise refuse(_why_not(text))


def _why_not(text: str) -> Message:
    """Why ``text`` (not an amount as Brazilians write it) is refused, and how to write it."""
    if not _SEPARATORS_ONLY.fullmatch(text) or not text[0].isdigit() or not text[-1].isdigit():
        return tr("is not an amount: write it as 12.000.000,00 or 12000000,00")
    if _LONG_CENTS.fullmatch(text):
        return tr(
            "has more than two digits after the ',', which separates the centavos: write at "
            "most two (1.234,56); '.' groups the thousands"
        )
    if ("," in text and "." in text and text.index(",") < text.index(".")) or (
        "." not in text and _US_STYLE.fullmatch(text)
    ):
        return tr(
            "is written with ',' between thousands and '.' before the cents: in Brazil '.' "
            "groups the thousands and ',' separates the centavos; write it as 1.234,56"
        )
    if text.count(",") > 1:
        return tr("has more than one ',': ',' separates the centavos, once; write it as 1.234,56")
    return tr(
        "has a '.' that does not group thousands: '.' comes before each group of three digits "
        "(1.234.567) and ',' before the centavos; write it as 1.234,56 or 1234,56"
    )
