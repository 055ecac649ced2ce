"""The RFB's referential tables, by year, as shipped in ``_data/rfb`` (docs/tables.md).

The files are derived from the RFB's "Tabelas Dinâmicas" by :mod:`._rfb_build`; a plan's file is
read the first time a period needs it, never at import. :func:`known_codes` gives, for one plan
and one period, the codes the table in force holds, as a dict (code → the S/A types its rows in
force give), so that checking a line is one lookup.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import zlib
from typing import Any

import attrs

__all__ = [
    "FIRST_YEAR",
    "NEWEST_YEAR",
    "OPEN_YEAR",
    "Table",
    "TableRow",
    "check_plan",
    "known_codes",
    "table_for",
]


#: The first year a table covers (the ECF began with calendar year 2014).
FIRST_YEAR = 2014
#: The newest year the project holds a table for.
NEWEST_YEAR = 2025
#: Every year from this one on is checked against the newest table's open-ended rows.
OPEN_YEAR = NEWEST_YEAR + 1
#: The shipped files: ``_data/rfb/<PLAN>.tsv.z`` (zlib-compressed tab-separated text; zlib and
#: plain text keep gzip, json and zipfile out of the reading path).
SUFFIX = ".tsv.z"


@attrs.frozen
class TableRow:
    """One row of the RFB's table: what a code means, and from when to when."""

    code: str
    description: str
    start: dt.date | None
    end: dt.date | None
    parent: str
    level: int
    kind: str

    def covers(self, start: dt.date, end: dt.date) -> bool:
        """Whether the row is in force on any day from ``start`` to ``end``."""
        return (self.start is None or self.start <= end) and (self.end is None or self.end >= start)


@attrs.frozen
class Table:
    """A plan's table for one year (or, for :data:`OPEN_YEAR`, for every year from it on)."""

    plan: str
    year: int
    #: Whether the rows' dates are validity (else every row covers the whole year).
    dated: bool
    sources: tuple[str, ...]
    rows: dict[str, tuple[TableRow, ...]]

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    @property
    def last_day(self) -> dt.date | None:
        """The table's last day; ``None`` for the open-ended table past the newest one."""
        return None if self.year == OPEN_YEAR else dt.date(self.year, 12, 31)

    def in_force(self, code: str, start: dt.date, end: dt.date) -> tuple[TableRow, ...]:
        """The rows of ``code`` in force on some day from ``start`` to ``end``."""
        rows = self.rows.get(code, ())
        if not self.dated:
            return rows
        return tuple(row for row in rows if row.covers(start, end))

    def parent(self, code: str) -> str | None:
        rows = self.rows.get(code)
        return rows[-1].parent if rows else None


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def decode(raw: bytes) -> dict[str, Any]:
    """A shipped file's bytes as the plan's data (``_rfb_build.encode``'s inverse)."""
    plan: dict[str, Any] = {"rows": [], "tables": []}
    for line in zlib.decompress(raw).decode("utf-8").splitlines():
        kind, _, rest = line.partition("\t")
        if kind == "row":
            code, description, start, end, parent, level, type_ = rest.split("\t")
            plan["rows"].append([code, description, start, end, parent, int(level), type_])
        elif kind == "table":
            year, dated, sources, rows = rest.split("\t")
            plan["tables"].append(
                {
                    "year": int(year),
                    "dated": dated == "1",
                    "sources": sources.split(";") if sources else [],
                    "rows": [int(index) for index in rows.split()],
                }
            )
        else:
            plan[kind] = rest
    return plan


@functools.cache
def _plan_data(plan: str) -> dict[str, Any]:
    # os.path, not pathlib: pathlib costs the command line's start-up about 5 ms of imports.
    path = os.path.join(os.path.dirname(__file__), "_data", "rfb", f"{plan}{SUFFIX}")
    with open(path, "rb") as stream:
        return decode(stream.read())


@functools.cache
def _table(plan: str, year: int) -> Table | None:
    data = _plan_data(plan)
    entry = next((t for t in data["tables"] if t["year"] == year), None)
    if entry is None:
        return None
    rows: dict[str, list[TableRow]] = {}
    all_rows = data["rows"]
    for index in entry["rows"]:
        code, description, start, end, parent, level, kind = all_rows[index]
        rows.setdefault(code, []).append(
            TableRow(code, description, _date(start), _date(end), parent, level, kind)
        )
    return Table(
        plan,
        year,
        entry["dated"],
        tuple(entry["sources"]),
        {code: tuple(found) for code, found in rows.items()},
    )


def table_for(plan: str, year: int) -> Table | None:
    """The table of ``plan`` in force in ``year``; ``None`` when the project holds none."""
    if year < FIRST_YEAR:
        return None
    return _table(plan, min(year, OPEN_YEAR))


def check_plan(record: str, cod_qualif_pj: str, tip_ent: str, year: int) -> str:
    """The RFB table a record's codes are checked against, from the file's declared values."""
    if record == "L300":
        return {"02": "L300B", "03": "L300C"}.get(cod_qualif_pj, "L300A")
    if record == "P150":
        if cod_qualif_pj == "02" and table_for("P150B", year) is not None:
            return "P150B"
        # Before 2016 there is no P150B: the year's only P150 table is plan A's.
        return "P150A"
    if record == "U150":
        return {"11": "U150B", "12": "U150C", "06": "U150D", "15": "U150E"}.get(tip_ent, "U150A")
    return record


@functools.lru_cache(maxsize=512)
def known_codes(plan: str, start: dt.date, end: dt.date) -> dict[str, str] | None:
    """Code → the types (``"S"``, ``"A"``, ``"SA"`` …) of its rows in force from ``start`` to
    ``end``, in the table of ``start``'s year; ``None`` when no table covers that year."""
    table = table_for(plan, start.year)
    if table is None:
        return None
    out: dict[str, str] = {}
    for code in table.rows:
        rows = table.in_force(code, start, end)
        if rows:
            out[code] = "".join(sorted({row.kind for row in rows}))
    return out
