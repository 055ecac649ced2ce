"""The library's own ``decimal`` context: no caller setting changes a number.

``decimal`` arithmetic rounds to the *current* context's precision and raises on its traps, and
that context belongs to the caller: ``decimal.getcontext().prec = 3`` turns 10402217.49 into
``1.04E+7``, a small ``Emax`` raises ``Overflow``, a trap on ``Inexact`` or a disabled trap on
``InvalidOperation`` (``Decimal("x")`` is then ``NaN``) change what the library does. Every
public entry point that builds or adds money runs in :data:`MONEY_CONTEXT` instead, through
:func:`in_money_context`; the caller's context is restored on return, flags untouched.
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import ParamSpec, TypeVar

#: Amounts are at most 17 integer digits and 2 decimals (the ECF's N 19,2); a sum of millions of
#: them stays under 30 digits, so additions in this precision are exact. ``Emax``/``Emin`` are
#: the widest there are, and the traps are the default ones: an invalid operation, a division by
#: zero or an overflow raises rather than giving a wrong value.
MONEY_CONTEXT = decimal.Context(
    prec=60,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=decimal.MIN_EMIN,
    Emax=decimal.MAX_EMAX,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)

_P = ParamSpec("_P")
_R = TypeVar("_R")


def money_context() -> AbstractContextManager[decimal.Context]:
    """A fresh copy of :data:`MONEY_CONTEXT` as the current context, for a ``with`` block."""
    return decimal.localcontext(MONEY_CONTEXT)


def in_money_context(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``function`` in a fresh copy of :data:`MONEY_CONTEXT` (not for generators: the
    context would leak to the caller between items)."""

    @functools.wraps(function)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with decimal.localcontext(MONEY_CONTEXT):
            return function(*args, **kwargs)

    return wrapper
