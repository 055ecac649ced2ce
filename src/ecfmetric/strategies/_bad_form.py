""":func:`bad_form_inputs`: form arguments valid but for one field, and the field refused."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ._cnpj import cnpjs
from ._form import form_inputs

_AMOUNTS = ("gross_revenue", "cancellations", "taxes", "discounts", "other_deductions")
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@st.composite
def _bad_amount_text(draw: st.DrawFn) -> str:
    """A string that is no amount the form takes."""
    whole = draw(st.integers(1, 10**9))
    text = f"{whole},{draw(st.integers(0, 99)):02d}"
    kind = draw(
        st.sampled_from(
            [
                "negative",
                "three decimals",
                "not brazilian",
                "letter",
                "blank inside",
                "arabic-indic",
                "full width",
                "too large",
                "empty",
                "two commas",
            ]
        )
    )
    if kind == "negative":
        return draw(st.sampled_from(["-", "R$ -", "- "])) + text
    if kind == "three decimals":
        return f"{whole},{draw(st.integers(1, 99)) * 10 + draw(st.integers(1, 9)):03d}"
    if kind == "not brazilian":  # US style (1,234.56) or a dot before the cents (5.07)
        return f"{whole:,}.{draw(st.integers(0, 99)):02d}"
    if kind == "letter":
        at = draw(st.integers(0, len(text)))
        return text[:at] + draw(st.sampled_from("aOlxE")) + text[at:]
    if kind == "blank inside":
        digits = f"{whole}{draw(st.integers(0, 99)):02d}"
        at = draw(st.integers(1, len(digits) - 1))
        spaced = digits[:at] + " " + digits[at:]
        return spaced[:-2] + "," + spaced[-2:] if spaced[-3] != " " else spaced
    if kind == "arabic-indic":
        return text.translate(_ARABIC_INDIC)
    if kind == "full width":
        return text.translate(_FULL_WIDTH)
    if kind == "too large":
        return f"{10**17 + draw(st.integers(0, 10**6))},00"
    if kind == "empty":
        return draw(st.sampled_from(["", " ", "R$", "R$ "]))
    return f"{whole},{draw(st.integers(0, 9))},{draw(st.integers(0, 99)):02d}"


@st.composite
def _bad_form(draw: st.DrawFn, fields: tuple[str, ...]) -> tuple[dict[str, Any], str]:
    kwargs, _ = draw(form_inputs(identity=True, other_deductions=True))
    field = draw(st.sampled_from(fields))
    if field in _AMOUNTS:
        kwargs[field] = draw(_bad_amount_text())
        bad = field
    elif field == "cnpj":
        good = draw(cnpjs(formatted=None))
        last = good[-1]
        kwargs["cnpj"] = good[:-1] + str((int(last) + draw(st.integers(1, 9))) % 10)
        bad = "cnpj"
    elif field == "reference_year":
        kwargs["reference_year"] = draw(
            st.one_of(st.integers(1, 1999), st.integers(2101, 9999), st.integers(-99, 0))
        )
        bad = "reference_year"
    else:  # deductions above the gross revenue: refused on the deductions, the first named
        gross = draw(st.integers(0, 10**8))
        kwargs |= {
            "gross_revenue": Decimal(gross).scaleb(-2),
            "cancellations": Decimal(gross + draw(st.integers(1, 10**6))).scaleb(-2),
        }
        bad = "cancellations"
    return kwargs, bad


_FORM_FIELDS = (*_AMOUNTS, "cnpj", "reference_year", "deductions")


def bad_form_inputs(
    *, fields: Iterable[str] | None = None
) -> st.SearchStrategy[tuple[dict[str, Any], str]]:
    """``(kwargs, field)`` pairs: keyword arguments that :func:`ecfmetric.from_form` must
    refuse with a :class:`~ecfmetric.FormInputError` (code ``BAD_FORM_INPUT``) whose ``field``
    is ``field``. Every argument is valid but one: an amount that is negative, has three
    decimals, is not Brazilian money (``"1,234.56"``, ``"5.07"``), holds a letter, a blank
    inside, Arabic-Indic or full-width digits, is above ``MAX_FORM_AMOUNT``, empty, or has two commas; a CNPJ with a
    wrong check digit; a year outside 2000–2100; or (``"deductions"``) deductions above the
    gross revenue, refused on ``cancellations`` (the first deduction). ``fields`` keeps some of
    ``gross_revenue``, ``cancellations``, ``taxes``, ``discounts``, ``other_deductions``,
    ``cnpj``, ``reference_year``, ``deductions``.
    """
    chosen = _FORM_FIELDS if fields is None else tuple(fields)
    unknown = sorted(set(chosen) - set(_FORM_FIELDS))
    if unknown or not chosen:
        raise InvalidArgument(
            f"fields must be among {', '.join(_FORM_FIELDS)}, got {unknown or chosen}"
        )
    return _bad_form(chosen)
