"""Money: cents as ECF amounts and as Brazilian strings (:func:`brl_money`), amounts drawn in
cents, arguments turned into cents.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

_DEFAULT_MAX = Decimal("99999999999.99")


def _money(cents: int | None) -> Decimal | None:
    return None if cents is None else Decimal(cents).scaleb(-2)


def _decimals_for(cents: int) -> list[int]:
    """How many decimals can write ``cents`` exactly (2 always; 1 or 0 when the tail is zero)."""
    fraction = abs(cents) % 100
    return [2] + ([1] if fraction % 10 == 0 else []) + ([0] if fraction == 0 else [])


def _ecf_amount(draw: st.DrawFn, cents: int, *, signed: bool = False) -> str:
    """An ECF amount: decimal comma, 0–2 decimals, no thousands separator (``10000``,
    ``10000,5``, ``10000,50``). Unsigned fields take the magnitude; signed (``NS``) fields may
    carry ``-`` (negative) or ``+``."""
    whole, fraction = divmod(abs(cents), 100)
    decimals = draw(st.sampled_from(_decimals_for(cents)))
    text = str(whole) + ("" if decimals == 0 else "," + f"{fraction:02d}"[:decimals])
    if signed and cents < 0:
        return "-" + text
    if signed and cents > 0 and draw(st.integers(0, 7)) == 7:
        return "+" + text
    return text


def _group(whole: int) -> str:
    return f"{whole:,}".replace(",", ".")


@st.composite
def _brl_text(draw: st.DrawFn, cents: int, prefix: bool | None, grouped: bool | None) -> str:
    whole, fraction = divmod(cents, 100)
    use_groups = draw(st.booleans()) if grouped is None else grouped
    body = _group(whole) if use_groups else str(whole)
    choices = _decimals_for(cents)
    decimals = draw(st.sampled_from(choices))
    if decimals:
        body += "," + f"{fraction:02d}"[:decimals]
    use_prefix = draw(st.booleans()) if prefix is None else prefix
    if use_prefix:
        body = draw(st.sampled_from(["R$ ", "R$", "R$\u00a0", "r$ "])) + body
    return body


@st.composite
def _brl_money(
    draw: st.DrawFn, low: int, high: int, prefix: bool | None, grouped: bool | None
) -> tuple[str, Decimal]:
    cents = draw(_cents(low, high))
    value = _money(cents)
    assert value is not None
    return draw(_brl_text(cents, prefix, grouped)), value


def _cents(low: int, high: int) -> st.SearchStrategy[int]:
    """Cents between ``low`` and ``high``, with round amounts (whole reais, thousands) often."""
    whole_low, whole_high = -(-low // 100), high // 100
    options = [st.integers(low, high)]
    if whole_low <= whole_high:
        options.append(st.integers(whole_low, whole_high).map(lambda reais: reais * 100))
    if -(-whole_low // 1000) <= whole_high // 1000:
        options.append(
            st.integers(-(-whole_low // 1000), whole_high // 1000).map(lambda k: k * 100_000)
        )
    return st.one_of(options)


def _to_cents(value: Decimal | int | str, name: str) -> int:
    try:
        amount = Decimal(value)
        exact = amount.is_finite() and amount == amount.quantize(Decimal("0.01"))
    except (ArithmeticError, ValueError, TypeError):
        exact = False
    if not exact:
        raise InvalidArgument(f"{name} must be an amount with at most two decimals, got {value!r}")
    return int(amount * 100)


def brl_money(
    *,
    min_value: Decimal | int | str = 0,
    max_value: Decimal | int | str = _DEFAULT_MAX,
    prefix: bool | None = None,
    grouped: bool | None = None,
) -> st.SearchStrategy[tuple[str, Decimal]]:
    """Brazilian money strings with the ``Decimal`` they stand for: ``("12.000.000,00",
    Decimal("12000000.00"))``, ``("R$ 1.234,56", …)``, ``("1234,5", Decimal("1234.50"))``,
    ``("10000", …)``.

    Decimal comma with 0–2 decimals; ``.`` between thousands when ``grouped`` (``None``: either);
    an ``R$`` prefix when ``prefix`` (``None``: either); ``"1.234"`` is one thousand two hundred
    and thirty-four, as the form reads it. Every string is accepted by
    :func:`ecfmetric.from_form` as exactly its value.
    """
    low, high = _to_cents(min_value, "min_value"), _to_cents(max_value, "max_value")
    if not 0 <= low <= high:
        raise InvalidArgument("brl_money needs 0 <= min_value <= max_value")
    return _brl_money(low, high, prefix, grouped)
