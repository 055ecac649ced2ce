"""CNPJs: check digits written from the RFB's rule, :func:`cnpjs`, a CNPJ other than a given
one, and ``cnpj=`` checked.
"""

from __future__ import annotations

import re

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

_WEIGHTS_1 = (5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)
_WEIGHTS_2 = (6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)
_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _check_digit(base: str, weights: tuple[int, ...]) -> str:
    # Each character is worth its code minus 48 ("0" = 0 … "9" = 9, "A" = 17 …).
    remainder = (
        sum((ord(char) - 48) * weight for char, weight in zip(base, weights, strict=True)) % 11
    )
    return "0" if remainder < 2 else str(11 - remainder)


def _with_check_digits(base: str) -> str:
    first = _check_digit(base, _WEIGHTS_1)
    return base + first + _check_digit(base + first, _WEIGHTS_2)


def _format_cnpj(cnpj: str) -> str:
    return f"{cnpj[:2]}.{cnpj[2:5]}.{cnpj[5:8]}/{cnpj[8:12]}-{cnpj[12:]}"


@st.composite
def _cnpj(draw: st.DrawFn, formatted: bool | None, alphanumeric: bool) -> str:
    if alphanumeric:
        base = draw(st.text(_ALPHANUMERIC, min_size=12, max_size=12))
    else:
        root = draw(st.text("0123456789", min_size=8, max_size=8))
        branch = draw(st.sampled_from([1, 2, 3, 10, 1234, 9999]))
        base = f"{root}{branch:04d}"
    cnpj = _with_check_digits(base)
    if len(set(cnpj)) == 1:  # 00000000000000 has right digits but is no CNPJ
        cnpj = _with_check_digits("000000000001")
    if formatted is None:
        formatted = draw(st.booleans())
    return _format_cnpj(cnpj) if formatted else cnpj


def cnpjs(*, formatted: bool | None = False, alphanumeric: bool = False) -> st.SearchStrategy[str]:
    """Valid CNPJs: 14 characters whose last two are the right check digits.

    ``formatted=True`` gives the mask (``11.222.333/0001-81``), ``False`` the bare 14 characters,
    ``None`` either. ``alphanumeric=True`` draws the first twelve characters from ``0-9A-Z`` (the
    CNPJ of IN RFB 2.229/2024); the check digits are numeric either way. Check digits: weights
    5,4,3,2,9,8,7,6,5,4,3,2 then 6,5,4,3,2,9,8,7,6,5,4,3,2, each character worth ``ord(c) - 48``,
    ``r = sum mod 11``, digit ``0`` if ``r < 2`` else ``11 - r``.
    """
    return _cnpj(formatted, alphanumeric)


def _other_char(char: str) -> str:
    alphabet = "0123456789" if char.isdigit() else _ALPHANUMERIC
    return alphabet[(alphabet.index(char) + 1) % len(alphabet)]


def _different(cnpj: str, shift: int) -> str:
    """A valid CNPJ other than ``cnpj``: its base with one character moved on."""
    base = cnpj[:12]
    index = 11 - shift % 4  # one of the branch's characters
    other = _with_check_digits(base[:index] + _other_char(base[index]) + base[index + 1 :])
    if len(set(other)) == 1:  # all one digit: no CNPJ
        other = _with_check_digits(base[:8] + "0001" if base[8:12] != "0001" else "0002")
    return other


@st.composite
def _cnpj_other_than(draw: st.DrawFn, cnpj: str) -> str:
    """A valid CNPJ distinct from ``cnpj`` by construction (no filter, no retried draws)."""
    other = draw(cnpjs(alphanumeric=not cnpj[:12].isdigit()))
    return other if other != cnpj else _different(cnpj, draw(st.integers(0, 3)))


def _given_cnpj(cnpj: object) -> str:
    """``cnpj=`` of :func:`ecf_files`, bare, or ``InvalidArgument``."""
    if not isinstance(cnpj, str):
        raise InvalidArgument(f"cnpj must be a string, got {cnpj!r}")
    bare = re.sub(r"[./-]", "", cnpj.strip()).upper()
    if (
        len(bare) != 14
        or not re.fullmatch(r"[0-9A-Z]{12}[0-9]{2}", bare)
        or _with_check_digits(bare[:12]) != bare
        or len(set(bare)) == 1
    ):
        raise InvalidArgument(f"cnpj must be a valid CNPJ (right check digits), got {cnpj!r}")
    return bare
