"""Derive the shipped referential tables from the RFB's own files (docs/tables.md).

Run ``python -m ecfmetric.rules._rfb_build FOLDER`` with FOLDER holding the RFB's "Tabelas Dinâmicas"
as published: ``ac-2014/`` … ``ac-2021/`` the program's table files
(``…DINAMICO_<set>$SPEDECF_DINAMICA_<table>$<version>$<id>``, Windows-1252, ``|``-separated)
and ``ac-2024/``, ``ac-2025/`` the leiaute-11/12 spreadsheets' sheets as CSV. It rewrites
``src/ecfmetric/rules/_data/rfb/<PLAN>.tsv.z``; ``tests/test_rfb_tables.py`` holds the shipped files
equal to what this produces.

Which rows make the table of a year:

- a set of the program serves its own year (the 2021 set serves 2021 and later); for its own
  year every version held counts, for the later years only its newest version;
- that year's spreadsheet (leiaute 11 for 2024, leiaute 12 for 2025) is added; where both have
  a code, the program's rows decide;
- dates mean validity only in the sets 2015–2017 and from 2021; the sets 2014 and 2018–2020
  stamp rows with the set's year, so their tables are not dated (every row covers the year);
- P200, P300, T120 and T150 have no table before 2024: 2015–2023 use the rows of both
  spreadsheets by date; 2014 has none;
- the year after the newest table (:data:`OPEN_YEAR`) holds the newest table's open-ended rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ._rfb_tables import FIRST_YEAR, NEWEST_YEAR, OPEN_YEAR, SUFFIX

#: The plans the metric reads, as the shipped tables name them.
DRE_PLANS = (
    "L300A",
    "L300B",
    "L300C",
    "P150A",
    "P150B",
    "U150A",
    "U150B",
    "U150C",
    "U150D",
    "U150E",
)
COMPUTATION_PLANS = ("P200", "P300", "T120", "T150")
ALL_PLANS = DRE_PLANS + COMPUTATION_PLANS

#: The program's table files that make each plan (plan A keeps its rural lines apart from 2018).
PROGRAM_TABLES = {
    "L300A": ("L300_A", "L300_R"),
    "L300B": ("L300_B",),
    "L300C": ("L300_C",),
    "P150A": ("P150", "P150_R"),
    "P150B": ("P150_B",),
    "U150A": ("U150_A",),
    "U150B": ("U150_B",),
    "U150C": ("U150_C",),
    "U150D": ("U150_D",),
    "U150E": ("U150_E",),
}
PROGRAM_SETS = tuple(range(2014, 2022))
#: The spreadsheets: year → (folder, leiaute).
SPREADSHEETS = {2024: ("ac-2024", "11"), 2025: ("ac-2025", "12")}
#: Sets whose dates are validity intervals (the others stamp each row with the set's year).
DATED_SETS = frozenset({2015, 2016, 2017, 2021})

PROGRAM_NAME = re.compile(
    r"SPEDCONTABIL_DINAMICO_(?P<set>\d{4})\$SPEDECF_DINAMICA_(?P<table>[A-Z0-9_]+)"
    r"\$(?P<version>\d+)\$(?P<id>\d+)$"
)
SOURCE = (
    'Receita Federal do Brasil, SPED ECF "Tabelas Dinâmicas": the program\'s table files of '
    "the sets 2014–2021 and the spreadsheets of leiaute 11 (AC 2024) and leiaute 12 (AC 2025)"
)

#: One row: code, description, DT_INI, DT_FIM (ISO dates; "" for an open end), parent, level,
#: type (S/A in the plans, R/E/CA/CNA in the computation tables).
RowTuple = tuple[str, str, str, str, str, int, str]


def _date(text: str) -> str:
    text = text.strip()
    if not text or text == "31129999":
        return ""
    return dt.date(int(text[4:]), int(text[2:4]), int(text[:2])).isoformat()


def _level(text: str) -> int:
    text = text.strip()
    return int(text) if text else 0


class _ProgramFile:
    def __init__(self, path: Path, match: re.Match[str]) -> None:
        self.path = path
        self.set = int(match["set"])
        self.table = match["table"]
        self.version = int(match["version"])
        self.label = f"{self.table} v{self.version} ({self.set})"

    def rows(self) -> list[RowTuple]:
        text = self.path.read_bytes().decode("cp1252")
        out: list[RowTuple] = []
        for line in text.splitlines()[1:]:
            if not line.strip():
                continue
            code, description, start, end, _order, kind, parent, level, _nature = line.split("|")
            out.append(
                (
                    code.strip(),
                    " ".join(description.split()),
                    _date(start),
                    _date(end),
                    parent.strip(),
                    _level(level),
                    kind.strip(),
                )
            )
        return out


def _program_files(folder: Path) -> list[_ProgramFile]:
    files = []
    for year in PROGRAM_SETS:
        for path in sorted((folder / f"ac-{year}").glob("*")):
            match = PROGRAM_NAME.search(path.name)
            if match is not None:
                files.append(_ProgramFile(path, match))
    return files


def _sheet_rows(folder: Path, year: int, plan: str) -> tuple[str, list[RowTuple]] | None:
    directory, leiaute = SPREADSHEETS[year]
    paths = sorted((folder / directory).glob(f"*Leiaute_{leiaute}__{plan}.csv"))
    if not paths:
        return None
    with paths[0].open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    rows: list[RowTuple] = []
    for record in records:
        code = (record.get("CÓDIGO") or "").strip()
        if not code:
            continue
        rows.append(
            (
                code,
                " ".join((record.get("DESCRIÇÃO") or "").split()),
                _date(record.get("DT_INI") or ""),
                _date(record.get("DT_FIM") or ""),
                (record.get("CONTA SUPERIOR") or "").strip(),
                _level(record.get("NÍVEL") or ""),
                (record.get("TIPO") or "").strip(),
            )
        )
    return f"{plan} (leiaute {leiaute}, AC {year})", rows


def _overlaps(row: RowTuple, year: int, *, open_only: bool = False) -> bool:
    start, end = row[2], row[3]
    if open_only:
        return end == ""
    return (not start or start <= f"{year}-12-31") and (not end or end >= f"{year}-01-01")


def _merge(program: Sequence[RowTuple], sheet: Sequence[RowTuple]) -> list[RowTuple]:
    """The program's rows, and the spreadsheet's for the codes the program lacks."""
    known = {row[0] for row in program}
    return [*program, *(row for row in sheet if row[0] not in known)]


def _table(year: int, dated: bool, sources: list[str], rows: Iterable[RowTuple]) -> dict[str, Any]:
    merged = sorted(set(rows))
    kept = merged if not dated else [r for r in merged if _overlaps(r, year)]
    # "all" (every row, whatever its dates) is what the open-ended table is drawn from.
    return {"year": year, "dated": dated, "sources": sources, "rows": kept, "all": merged}


def _dre_tables(folder: Path, plan: str, files: list[_ProgramFile]) -> list[dict[str, Any]]:
    mine = [f for f in files if f.table in PROGRAM_TABLES[plan]]
    tables: list[dict[str, Any]] = []

    def versions(set_year: int, newest: bool) -> list[_ProgramFile]:
        of_set = [f for f in mine if f.set == set_year]
        if not newest:
            return of_set
        top = {
            name: max(f.version for f in of_set if f.table == name)
            for name in {f.table for f in of_set}
        }
        return [f for f in of_set if f.version == top[f.table]]

    for year in range(FIRST_YEAR, NEWEST_YEAR + 1):
        set_year = min(year, PROGRAM_SETS[-1])
        chosen = versions(set_year, newest=year != set_year)
        program = [row for f in chosen for row in f.rows()]
        sources = sorted(f.label for f in chosen)
        sheet: list[RowTuple] = []
        if year in SPREADSHEETS:
            found = _sheet_rows(folder, year, plan)
            if found is not None:
                sources.append(found[0])
                sheet = found[1]
        if not program and not sheet:
            continue
        tables.append(_table(year, set_year in DATED_SETS, sources, _merge(program, sheet)))
    return tables


def _computation_tables(folder: Path, plan: str) -> list[dict[str, Any]]:
    sheets = {year: _sheet_rows(folder, year, plan) for year in SPREADSHEETS}
    tables: list[dict[str, Any]] = []
    for year in range(FIRST_YEAR + 1, NEWEST_YEAR + 1):
        chosen = [sheets[year]] if year in sheets else list(sheets.values())
        present = [found for found in chosen if found is not None]
        rows = [row for _, table_rows in present for row in table_rows]
        tables.append(_table(year, True, [label for label, _ in present], rows))
    return tables


def build(folder: Path) -> dict[str, dict[str, Any]]:
    """Every plan's tables, by year, from the RFB's files in ``folder``."""
    files = _program_files(folder)
    out: dict[str, dict[str, Any]] = {}
    for plan in ALL_PLANS:
        tables = (
            _dre_tables(folder, plan, files)
            if plan in DRE_PLANS
            else _computation_tables(folder, plan)
        )
        newest = tables[-1]
        tables.append(
            {
                "year": OPEN_YEAR,
                "dated": True,
                "sources": [*newest["sources"], "open-ended rows only"],
                "rows": [row for row in newest["all"] if _overlaps(row, 0, open_only=True)],
            }
        )
        rows = sorted({tuple(row) for table in tables for row in table["rows"]})
        index = {row: n for n, row in enumerate(rows)}
        out[plan] = {
            "plan": plan,
            "source": SOURCE,
            "rows": [list(row) for row in rows],
            "tables": [
                {
                    "year": table["year"],
                    "dated": table["dated"],
                    "sources": table["sources"],
                    "rows": [index[tuple(row)] for row in table["rows"]],
                }
                for table in tables
            ],
        }
    return out


def encode(plan: dict[str, Any]) -> bytes:
    """A plan's tables as the shipped bytes: tab-separated text (``_rfb_tables.decode`` reads
    it), zlib-compressed (deterministic: the same rows give the same bytes)."""
    out = [f"plan\t{plan['plan']}", f"source\t{plan['source']}"]
    out += [
        "\t".join(
            (
                "table",
                str(table["year"]),
                str(int(table["dated"])),
                ";".join(table["sources"]),
                " ".join(str(index) for index in table["rows"]),
            )
        )
        for table in plan["tables"]
    ]
    for row in plan["rows"]:
        fields = [str(field) for field in row]
        if any("\t" in field or "\n" in field for field in fields):
            raise ValueError(f"a tab or line break in a row of {plan['plan']}: {row!r}")
        out.append("row\t" + "\t".join(fields))
    return zlib.compress(("\n".join(out) + "\n").encode("utf-8"), 9)


def data_dir() -> Path:
    return Path(__file__).parent / "_data" / "rfb"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) not in (1, 2):
        print(
            "usage: python -m ecfmetric.rules._rfb_build RFB_FOLDER [OUT_FOLDER]", file=sys.stderr
        )
        return 2
    folder = Path(args[0])
    target = Path(args[1]) if len(args) == 2 else data_dir()
    target.mkdir(parents=True, exist_ok=True)
    for name, plan in build(folder).items():
        (target / f"{name}{SUFFIX}").write_bytes(encode(plan))
        sizes = ", ".join(f"{t['year']}: {len(t['rows'])}" for t in plan["tables"])
        print(f"{name}: {len(plan['rows'])} distinct rows; rows by year {sizes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
