"""CNPJ check digits and normalisation (numeric and the alphanumeric CNPJ of IN RFB 2.229/2024)."""

from __future__ import annotations

import re

_WEIGHTS_1 = (5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)
_WEIGHTS_2 = (6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)
# From July 2026 the first twelve characters may be letters; the check digits stay numeric.
_SHAPE = re.compile(r"[0-9A-Z]{12}[0-9]{2}")
_MASK = re.compile(r"[.\-/\s]")


def _digit(base: str, weights: tuple[int, ...]) -> str:
    # Each character counts as its ASCII code minus 48: digits keep their value, "A" is 17.
    total = sum((ord(char) - 48) * weight for char, weight in zip(base, weights, strict=True))
    remainder = total % 11
    return "0" if remainder < 2 else str(11 - remainder)


def cnpj_is_valid(cnpj: str) -> bool:
    """Whether a bare 14-character CNPJ has the right shape and check digits."""
    if _SHAPE.fullmatch(cnpj) is None or len(set(cnpj)) == 1:
        return False
    first = _digit(cnpj[:12], _WEIGHTS_1)
    return cnpj[12:] == first + _digit(cnpj[:12] + first, _WEIGHTS_2)


def normalize_cnpj(text: str) -> str | None:
    """The bare 14 characters of a CNPJ typed with or without its mask; ``None`` if invalid."""
    bare = _MASK.sub("", text.strip()).upper()
    if bare.isdigit() and len(bare) < 14:
        bare = bare.zfill(14)
    return bare if cnpj_is_valid(bare) else None


def format_cnpj(cnpj: str) -> str:
    """``11222333000181`` → ``11.222.333/0001-81``."""
    return f"{cnpj[:2]}.{cnpj[2:5]}.{cnpj[5:8]}/{cnpj[8:12]}-{cnpj[12:]}"
