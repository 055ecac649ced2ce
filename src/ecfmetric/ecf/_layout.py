"""Layout facts the reader depends on, each next to its source in docs/ and shared/docs/."""

from __future__ import annotations

import datetime as dt

#: The PVA's marker between the text and the signature blob (docs/signature.md). It normally
#: follows the 9999 line's line break; a writer may glue it to the 9999 line.
SIGNATURE_MARKER = b"SBRCAAEPDR"

#: Layout versions known, ``0000.COD_VER`` → calendar year (ecf-layout-confirmations §3.2).
LAYOUT_YEARS = {f"{version:04d}": 2013 + version for version in range(1, 13)}
NEWEST_LAYOUT = "0012"

#: ``0000`` fields (manual numbering, REG = 1): 15 up to leiaute 0011, 16 in 0012 (EVENTO_SCP).
F0000_MIN_FIELDS = 15
F0000 = {
    "NOME_ESC": 2,
    "COD_VER": 3,
    "CNPJ": 4,
    "NOME": 5,
    "IND_SIT_INI_PER": 6,
    "SIT_ESPECIAL": 7,
    "DT_SIT_ESP": 9,
    "DT_INI": 10,
    "DT_FIN": 11,
    "RETIFICADORA": 12,
    "NUM_REC": 13,
    "TIP_ECF": 14,
    "COD_SCP": 15,
}

_F0010_COMMON = ("HASH_ECF_ANTERIOR", "OPT_REFIS")
_F0010_TAIL = (
    "FORMA_TRIB",
    "FORMA_APUR",
    "COD_QUALIF_PJ",
    "FORMA_TRIB_PER",
    "MES_BAL_RED",
    "TIP_ESC_PRE",
    "TIP_ENT",
    "FORMA_APUR_I",
    "APUR_CSLL",
)


def _numbered(names: tuple[str, ...]) -> dict[str, int]:
    return {name: number for number, name in enumerate(names, start=2)}


# ecf-layout.md §2.2 and confirmations §3.1: OPT_PAES sits at field 4 up to leiaute 0006 and is
# gone from 0007, so FORMA_TRIB moves from field 5 to field 4.
_F0010_WITH_PAES = _numbered((*_F0010_COMMON, "OPT_PAES", *_F0010_TAIL))
_F0010_WITHOUT_PAES = _numbered((*_F0010_COMMON, *_F0010_TAIL, "IND_REC_RECEITA"))


def fields_0010(version: str) -> dict[str, int]:
    """The ``0010`` field numbers for a (known or newer) ``COD_VER``."""
    return _F0010_WITH_PAES if version <= "0006" else _F0010_WITHOUT_PAES


#: The last leiaute with ``Y540`` (removed by leiaute 0007, confirmations §3.1).
LAST_Y540_LAYOUT = "0006"

#: Block letters whose records the metric reads; every other block is only counted.
READ_BLOCKS = frozenset(b"0LPTUY9")

#: Every register of the blocks whose records carry the metric's figures, from the layout's
#: register table (ecf-layout.md: L030 is the parent of L100/L200/L210/L300, P030 of
#: P100…P500, T030 of T120…T181, U030 of U100…U182). Inside these blocks any other register
#: (a damaged ``L300`` read as ``L301``) is refused in every mode: it may be a lost figure.
FIGURE_BLOCK_REGISTERS: dict[str, frozenset[str]] = {
    "L": frozenset({"L001", "L030", "L100", "L200", "L210", "L300", "L990"}),
    "P": frozenset(
        {"P001", "P030", "P100", "P130", "P150", "P200", "P230", "P300", "P400", "P500", "P990"}
    ),
    "T": frozenset({"T001", "T030", "T120", "T150", "T170", "T181", "T990"}),
    "U": frozenset({"U001", "U030", "U100", "U150", "U180", "U182", "U990"}),
}
#: The registers of those blocks the metric reads: their 9900 count must agree in every mode
#: (a damaged ``L300`` read as ``L200`` leaves one ``L300`` fewer than 9900 declares).
FIGURE_REGISTERS = frozenset(
    {"L030", "P030", "T030", "U030", "L300", "P150", "U150", "P200", "P300", "T120", "T150"}
)

#: Period codes of the x030 records (ecf-layout.md §2.6).
ANNUAL_PERIODS = ("A00", *(f"A{month:02d}" for month in range(1, 13)))
QUARTERS = ("T01", "T02", "T03", "T04")


def quarter_span(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """First and last day of quarter 1–4 of ``year``."""
    first_month = 3 * (quarter - 1) + 1
    start = dt.date(year, first_month, 1)
    end_month = first_month + 2
    next_first = dt.date(year + (end_month == 12), end_month % 12 + 1, 1)
    return start, next_first - dt.timedelta(days=1)


#: FORMA_TRIB_PER letter → block holding that quarter (ecf-layout.md §4).
BLOCK_OF_QUARTER_LETTER = {"R": "L", "E": "L", "P": "P", "A": "T"}
#: The period record of each block and the record that holds its figures.
PERIOD_RECORD = {"L": "L030", "P": "P030", "T": "T030", "U": "U030"}
DRE_RECORD = {"L": "L300", "P": "P150", "U": "U150"}
