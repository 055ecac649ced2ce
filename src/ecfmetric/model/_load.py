"""Checked reading of a saved dict: the checks every loader of a saved result shares.

Only what ``to_dict()`` writes comes back: every value is checked for its type and canonical
spelling (so that what loads writes back identically), and anything else raises
:class:`BadProofDataError` with the path of the value (``"companies[3].metric.gross_revenue"``).
Whatever JSON-like value comes in, nothing but that error escapes. Each result type loads itself
beside its class (``_finding``, ``_source_line``, ``_period``, ``_signature_summary``,
``_revenue_metric``); the proof's rows load on the proof floor.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from decimal import Decimal
from typing import Any, NoReturn, get_type_hints

from ..base._cnpj import normalize_cnpj
from ..base._errors import BadProofDataError
from ..base._i18n import Message, tr
from ..base._money import MAX_FORM_AMOUNT

#: A money string as ``format_money`` writes it: no leading zeros, exactly two decimals.
_MONEY = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]{2}")


def keys_of(shape: type) -> frozenset[str]:
    """The keys of a ``TypedDict``."""
    return frozenset(get_type_hints(shape))


@functools.cache
def shape_keys(name: str) -> frozenset[str]:
    """The keys of :mod:`ecfmetric.types`' ``TypedDict`` called ``name`` (``"FindingDict"``)."""
    from .. import types  # seam: read() never loads types.py; only loading a saved dict needs it

    return keys_of(getattr(types, name))


def fail(path: str, problem: Message) -> NoReturn:
    """Refuse the value at ``path``: ``problem`` says what is wrong with it."""
    raise BadProofDataError(problem, path=path)


def kind(value: object) -> str:
    """The JSON name of ``value``'s type, as a refusal names what it got."""
    return "null" if value is None else type(value).__name__


def short(value: object) -> str:
    """``repr(value)`` cut to 40 characters (the type's name if it has no short repr)."""
    try:
        shown = repr(value)
    except (ValueError, RecursionError):  # an int past the digit limit, a nested list
        return type(value).__name__
    return shown if len(shown) <= 40 else shown[:39] + "…"


def at(path: str, key: str | int) -> str:
    """The path of ``key`` (a dict key or a list index) inside ``path``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def obj(value: object, path: str, keys: frozenset[str]) -> dict[str, Any]:
    """A dict with exactly ``keys`` (string keys only)."""
    if not isinstance(value, dict):
        fail(path, tr("must be an object, got {got}", got=kind(value)))
    present = set(value)
    unknown = sorted(short(key) for key in present - keys)
    if unknown:
        fail(path, tr("unknown key(s) {keys}", keys=", ".join(unknown)))
    missing = sorted(keys - present)
    if missing:
        fail(path, tr("missing key(s) {keys}", keys=", ".join(missing)))
    return value


def array(value: object, path: str) -> list[Any]:
    """A list."""
    if not isinstance(value, list):
        fail(path, tr("must be a list, got {got}", got=kind(value)))
    return value


def integer(value: object, path: str) -> int:
    """An int, not a bool."""
    if isinstance(value, bool) or not isinstance(value, int):
        fail(path, tr("must be an integer, got {got}", got=kind(value)))
    return value


def boolean(value: object, path: str) -> bool:
    """A bool."""
    if not isinstance(value, bool):
        fail(path, tr("must be true or false, got {got}", got=kind(value)))
    return value


def string(value: object, path: str) -> str:
    """A str."""
    if not isinstance(value, str):
        fail(path, tr("must be a string, got {got}", got=kind(value)))
    return value


def optional_string(value: object, path: str) -> str | None:
    """A str or None."""
    return None if value is None else string(value, path)


def line_number(value: object, path: str) -> int | None:
    """A line number (from 1), or None."""
    if value is None:
        return None
    number = integer(value, path)
    if number < 1:
        fail(path, tr("a line number starts at 1, got {got}", got=short(number)))
    return number


def money(value: object, path: str, *, signed: bool, bounded: bool = True) -> Decimal | None:
    """An amount as ``format_money`` writes it, or None; negative only where ``signed``; at
    most :data:`MAX_FORM_AMOUNT` in size where ``bounded`` (every amount read or typed; a net
    revenue or a total is checked by what it adds up from instead)."""
    if value is None:
        return None
    if not isinstance(value, str):
        fail(path, tr('must be an amount such as "1000.00", got {got}', got=kind(value)))
    if _MONEY.fullmatch(value) is None:
        fail(path, tr('not an amount with two decimals such as "1000.00": {got}', got=short(value)))
    if bounded and len(value) > 24:  # far above 17 digits: not worth making a Decimal of it
        _too_large(value, path)
    amount = Decimal(value)
    if not signed and value.startswith("-"):
        fail(path, tr("this amount is never negative, got {got}", got=short(value)))
    if bounded and abs(amount) > MAX_FORM_AMOUNT:
        _too_large(value, path)
    return amount


def _too_large(value: str, path: str) -> NoReturn:
    fail(
        path,
        tr(
            "larger than the largest amount ({limit}), got {got}",
            limit=MAX_FORM_AMOUNT,
            got=short(value),
        ),
    )


def amount(value: object, path: str, *, signed: bool) -> Decimal:
    """An amount that is never null."""
    found = money(value, path, signed=signed)
    if found is None:
        fail(path, tr('must be an amount such as "1000.00", got {got}', got=kind(None)))
    return found


def date(value: object, path: str) -> dt.date:
    """A date as ``to_dict`` writes it (``2024-12-31``)."""
    shown = string(value, path)
    try:
        day = dt.date.fromisoformat(shown)
    except ValueError:
        fail(path, tr('not a date such as "2024-12-31": {got}', got=short(shown)))
    if day.isoformat() != shown:
        fail(path, tr('not a date such as "2024-12-31": {got}', got=short(shown)))
    return day


def optional_date(value: object, path: str) -> dt.date | None:
    """A date or None."""
    return None if value is None else date(value, path)


def cnpj(value: object, path: str) -> str:
    """A bare CNPJ with valid check digits, as ``to_dict`` writes it."""
    shown = string(value, path)
    if normalize_cnpj(shown) != shown:
        fail(path, tr("not a bare CNPJ with valid check digits: {got}", got=short(shown)))
    return shown


def optional_cnpj(value: object, path: str) -> str | None:
    """A CNPJ or None."""
    return None if value is None else cnpj(value, path)
