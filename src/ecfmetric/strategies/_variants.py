"""What :func:`ecf_files` draws from: layout versions, line endings, encodings and the kinds
of file, each with the regimes it fits.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ..model._model import Regime

#: Layout versions drawn, ``0000.COD_VER``; version ``n`` is for calendar year ``2013 + n``.
LAYOUT_VERSIONS: Final = tuple(f"{n:04d}" for n in range(1, 13))
#: Line endings drawn: CRLF (what the PVA writes) and LF.
LINE_ENDINGS: Final = ("\r\n", "\n")
#: Encodings drawn: Latin-1 (the manual's), cp1252, UTF-8 with and without a BOM.
ENCODINGS: Final = ("latin-1", "cp1252", "utf-8", "utf-8-sig")

#: The kinds of file :func:`ecf_files` draws, each with the regimes it fits (docs/metric.md,
#: "Which periods make the year" and "Regimes without a DRE in the file").
VARIANTS: Final[Mapping[str, tuple[Regime, ...]]] = {
    # Lucro Real, annual: L030 A00, optionally with cumulative balancetes A01…A12 (never added).
    "real_annual": (Regime.LUCRO_REAL,),
    # Lucro Real, quarterly: L030 T01…T04, summed.
    "real_quarterly": (Regime.LUCRO_REAL,),
    # Lucro Presumido with books: P150 at P030 A00 (P200 per quarter, consistent with it).
    "presumido_p150_annual": (Regime.LUCRO_PRESUMIDO,),
    # Lucro Presumido with books: P150 per quarter, summed.
    "presumido_p150_quarterly": (Regime.LUCRO_PRESUMIDO,),
    # Lucro Presumido on a cash book (TIP_ESC_PRE = L): P200 codes 2, 4, 6, 8, 9 + P300 16.
    "presumido_cash_book": (Regime.LUCRO_PRESUMIDO,),
    # Kept for compatibility: a books filer (TIP_ESC_PRE = C) without P150 is now refused, so this
    # draws a cash-book filer (TIP_ESC_PRE = L) whose file also has a P030 A00 without P150.
    "presumido_books_without_p150": (Regime.LUCRO_PRESUMIDO,),
    # Lucro Arbitrado: T120 codes 2, 4, 6, 8, 10 per quarter.
    "arbitrado": (Regime.LUCRO_ARBITRADO,),
    # Imunes and isentas, plan U150A: U030 A00 (optionally with balancetes A01…A12).
    "u150_annual": (Regime.IMUNE, Regime.ISENTA),
    # Imunes and isentas, plan U150A: U030 T01…T04, summed.
    "u150_quarterly": (Regime.IMUNE, Regime.ISENTA),
}
