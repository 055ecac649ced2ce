"""The year's tax regime, as record 0010 declares it."""

from __future__ import annotations

import enum


class Regime(enum.StrEnum):
    """The year's tax regime, from ``0010.FORMA_TRIB`` (its code is the enum's ``forma_trib``)."""

    LUCRO_REAL = "lucro_real"
    LUCRO_REAL_ARBITRADO = "lucro_real_arbitrado"
    LUCRO_PRESUMIDO_REAL = "lucro_presumido_real"
    LUCRO_PRESUMIDO_REAL_ARBITRADO = "lucro_presumido_real_arbitrado"
    LUCRO_PRESUMIDO = "lucro_presumido"
    LUCRO_ARBITRADO = "lucro_arbitrado"
    LUCRO_PRESUMIDO_ARBITRADO = "lucro_presumido_arbitrado"
    IMUNE = "imune"
    ISENTA = "isenta"

    @property
    def forma_trib(self) -> str:
        """The ``0010.FORMA_TRIB`` code of this regime (``"1"`` … ``"9"``)."""
        return str(list(Regime).index(self) + 1)

    @classmethod
    def from_forma_trib(cls, code: str) -> Regime:
        """The regime for a ``FORMA_TRIB`` code; ``ValueError`` for anything but 1–9."""
        if len(code) == 1 and "1" <= code <= "9":
            return list(cls)[int(code) - 1]
        raise ValueError(f"FORMA_TRIB must be 1 to 9, got {code!r}")
