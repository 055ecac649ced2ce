"""What the refused files are planted in: a valid drawn file's records, a revenue leaf put in a
period the metric reads, record 0000's fields, and the limits the reader documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from hypothesis import strategies as st

from ..ecf._build import assemble
from ._file import _ecf_file
from ._variants import LAYOUT_VERSIONS

# Limits the reader documents (docs/api.md, "Limits"); written here, not imported, like every
# other expectation of these strategies.
_MAX_LINE_LENGTH = 65_536
_MAX_FIELDS = 512
_MAX_REGISTERS = 2_000
_RATIO_CHECKED_AFTER = 64 << 20

_ENDING = "\r\n"
_ENCODING = "latin-1"
# A revenue leaf of the general plan (L300A); _with_leaf gives it a code of the RFB's table.
_LEAF_CODE = "3.01.01.01.01.99999"
_LEAF = f"|L300|{_LEAF_CODE}|RECEITA INSERIDA|A|6|04|3.01.01.01.01|1,00|C|"


def _valid(draw: st.DrawFn, variants: Iterable[str]) -> list[str]:
    """A valid drawn file's records without block 9, its counters left to fill."""
    data, _ = draw(
        _ecf_file(
            variants=list(variants),
            regimes=None,
            versions=list(LAYOUT_VERSIONS),
            endings=[_ENDING],
            encodings=[_ENCODING],
            partial_year=False,
            anomalies=False,
            noise=False,
            signature=False,
            max_cents=10**11,
        )
    )
    lines = data.decode(_ENCODING).removesuffix(_ENDING).split(_ENDING)
    records = lines[: lines.index("|9001|0|")]
    return [re.sub(r"^\|(\w)990\|\d+\|$", r"|\g<1>990||", line) for line in records]


def _bytes(records: list[str]) -> bytes:
    return assemble(records, line_ending=_ENDING).encode(_ENCODING)


def _index(records: list[str], start: str) -> int:
    return next(i for i, line in enumerate(records) if line.startswith(start))


def _periods(records: list[str], letter: str) -> list[tuple[int, int]]:
    """``(start, end)`` slices of each ``x030`` period of the block (end exclusive)."""
    starts = [i for i, line in enumerate(records) if line.startswith(f"|{letter}030|")]
    close = _index(records, f"|{letter}990|")
    return list(zip(starts, [*starts[1:], close], strict=True))


def _with_leaf(draw: st.DrawFn, *leaves: str) -> list[str]:
    """A Lucro Real file with ``leaves`` (L300 lines) in one of the periods the metric reads
    (``A00`` or a quarter; never a balancete ``A01``…``A12``). ``_LEAF_CODE`` in them becomes a
    revenue code of the RFB's L300A table (every year) that the period does not hold yet, so
    only the fault planted in them is wrong; when the period holds them all, the line of the
    code taken is left out."""
    records = _valid(draw, ("real_annual", "real_quarterly"))
    read = [p for p in _periods(records, "L") if records[p[0]].split("|")[4][:3] in _READ]
    start, end = draw(st.sampled_from(read))
    held = {line.split("|")[2] for line in records[start + 1 : end]}
    code = next((c for c in _REAL_LEAVES if c not in held), _REAL_LEAVES[-1])
    body = [line for line in records[start + 1 : end] if line.split("|")[2] != code]
    planted = [leaf.replace(_LEAF_CODE, code) for leaf in leaves]
    return [*records[: start + 1], *planted, *body, *records[end:]]


# Gross revenue codes of the general plan (L300A) in every year's table.
_REAL_LEAVES = tuple(f"3.01.01.01.01.0{n}" for n in range(1, 9))


_READ = frozenset({"A00", "T01", "T02", "T03", "T04"})


def _split_0000(records: list[str]) -> list[str]:
    return records[0].split("|")


def _set_0000(records: list[str], index: int, value: str) -> list[str]:
    fields = _split_0000(records)
    fields[index] = value
    return ["|".join(fields), *records[1:]]


# 0000's fields, as split on "|" (index 0 is the text before the first bar).
_COD_VER, _DT_INI, _RETIFICADORA = 3, 10, 12
