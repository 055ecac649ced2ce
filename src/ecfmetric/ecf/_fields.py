"""Parsing the ECF's typed fields: amounts, signed amounts and dates (manual §2.3)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from ..base._errors import EcfFormatError
from ..base._i18n import Message, tr

# Digits are [0-9], not \d: in Python, \d also matches Arabic-Indic, full-width… digits.
# Manual §2.3.3: no thousands separator, no sign, decimal comma, decimals optional
# ("10000" or "10000,00"); VALOR fields are N 19,2, so at most 17 integer digits and 2 decimals.
_AMOUNT = re.compile(r"([0-9]{1,17})(?:,([0-9]{1,2}))?")
# Manual §2.3.1: a signed numeric field (NS) may start with one "+" or "-".
_SIGNED_AMOUNT = re.compile(r"([+-]?)([0-9]{1,17})(?:,([0-9]{1,2}))?")
# Manual §2.3.4: dates are ddmmaaaa.
_DATE = re.compile(r"([0-9]{2})([0-9]{2})([0-9]{4})")

CENT = Decimal("0.01")
#: VALOR fields are N 19,2 / NS 19,2: 19 digits, 2 of them decimals.
INTEGER_DIGITS = 17
# An amount whose only fault may be its length: digits, at most one comma, digits.
_LONG_AMOUNT = re.compile(r"[+-]?([0-9]+)(?:,([0-9]*))?")


def _specific(text: str, field: str) -> Message | None:
    """A reason that says exactly what is wrong, for the faults a person makes most."""
    if text == "":
        return tr(
            "{field} is empty: a line the metric reads must state its amount (0,00 when it is "
            "zero)",
            field=field,
        )
    match = _LONG_AMOUNT.fullmatch(text)
    if match is not None and len(match.group(1)) > INTEGER_DIGITS:
        return tr(
            "{count} digits before the comma: the field is N 19,2, so {limit} digits before "
            "the comma at most",
            count=len(match.group(1)),
            limit=INTEGER_DIGITS,
        )
    if match is not None and match.group(2) is not None and len(match.group(2)) > 2:
        return tr(
            "{count} decimals: the field is N 19,2, so 2 decimals at most",
            count=len(match.group(2)),
        )
    return None


def parse_amount(text: str, *, line_number: int, record: str, field: str) -> Decimal:
    """An unsigned ECF amount (``N``) as a ``Decimal`` with two decimals."""
    match = _AMOUNT.fullmatch(text)
    if match is None:
        raise EcfFormatError(
            (None if text[:1] in ("+", "-") else _specific(text, field))
            or tr(
                "expected an amount with a decimal comma and at most two decimals, "
                "no sign and no thousands separator (such as 12000000,00)"
            ),
            line_number=line_number,
            record=record,
            field=field,
            text=text,
            code="BAD_AMOUNT",
        )
    whole, cents = match.groups()
    return Decimal(f"{whole}.{(cents or '').ljust(2, '0')}")


def parse_signed_amount(text: str, *, line_number: int, record: str, field: str) -> Decimal:
    """A signed ECF amount (``NS``: an optional leading ``+`` or ``-``)."""
    match = _SIGNED_AMOUNT.fullmatch(text)
    if match is None:
        raise EcfFormatError(
            _specific(text, field)
            or tr(
                "expected a signed amount with a decimal comma and at most two decimals "
                "(such as -1500,00)"
            ),
            line_number=line_number,
            record=record,
            field=field,
            text=text,
            code="BAD_AMOUNT",
        )
    sign, whole, cents = match.groups()
    value = Decimal(f"{whole}.{(cents or '').ljust(2, '0')}")
    return -value if sign == "-" else value


def parse_date(text: str, *, line_number: int, record: str, field: str) -> dt.date:
    """An ECF date, ``ddmmaaaa``."""
    match = _DATE.fullmatch(text)
    if match is not None:
        day, month, year = (int(part) for part in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            pass
    raise EcfFormatError(
        tr("expected a date as ddmmaaaa (such as 31122025)"),
        line_number=line_number,
        record=record,
        field=field,
        text=text,
        code="BAD_DATE",
    )
