"""The RFB's referential tables by period: what is shipped, which table is in force, and the
refusal of a code the table in force does not hold (docs/tables.md).

The expectations below were read off the RFB's own files by hand (the program's table files and
the leiaute-11/12 spreadsheets), not produced by the code under test.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import ecfmetric
from ecf_helpers import HEADER_0012 as HEADER
from ecf_helpers import ecf_bytes, read_bytes
from ecfmetric.rules import _plans, _rfb_build, _rfb_tables

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "fixtures"


def _rfb_folder() -> Path | None:
    """The RFB's files: $ECFMETRIC_RFB_TABLES, or the shared folder beside the clone."""
    env = os.environ.get("ECFMETRIC_RFB_TABLES")
    candidates = [Path(env)] if env else []
    candidates += [
        up / "shared" / "external" / "tabelas-dinamicas-ecf"
        for up in (ROOT.parent, ROOT.parent.parent)
    ]
    return next((c for c in candidates if (c / "ac-2025").is_dir()), None)


def test_shipped_tables_are_what_the_script_derives() -> None:
    """``python -m ecfmetric.rules._rfb_build FOLDER`` regenerates exactly the shipped files."""
    folder = _rfb_folder()
    if folder is None:
        pytest.skip("the RFB's table files are not beside the clone (../shared/external)")
    built = _rfb_build.build(folder)
    suffix = _rfb_tables.SUFFIX
    shipped = sorted(p.name for p in _rfb_build.data_dir().glob(f"*{suffix}"))
    assert shipped == sorted(f"{plan}{suffix}" for plan in built)
    for plan, data in built.items():
        on_disk = (_rfb_build.data_dir() / f"{plan}{suffix}").read_bytes()
        assert on_disk == _rfb_build.encode(data), plan
        # What is read back is what was derived.
        assert _rfb_tables.decode(on_disk) == json.loads(json.dumps(data)), plan


def test_the_script_writes_the_files(tmp_path: Path) -> None:
    folder = _rfb_folder()
    if folder is None:
        pytest.skip("the RFB's table files are not beside the clone (../shared/external)")
    assert _rfb_build.main([str(folder), str(tmp_path)]) == 0
    name = f"L300B{_rfb_tables.SUFFIX}"
    assert (tmp_path / name).read_bytes() == (_rfb_build.data_dir() / name).read_bytes()
    assert _rfb_build.main([]) == 2


def test_import_does_not_load_the_tables() -> None:
    """The tables load the first time a period needs them, never at ``import ecfmetric``."""
    code = (
        "import sys, ecfmetric; from ecfmetric.rules import _rfb_tables; "
        "print(_rfb_tables._plan_data.cache_info().currsize, "
        "'ecfmetric.rules._rfb_build' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert done.stdout.split() == [b"0", b"False"]
    assert (
        "ecfmetric.rules._rfb_tables"
        not in subprocess.run(
            [sys.executable, "-c", "import sys, ecfmetric; print(*sys.modules)"],
            capture_output=True,
            check=True,
            text=True,
        ).stdout.split()
    )


def _known(plan: str, year: int, start: tuple[int, int] = (1, 1), end: tuple[int, int] = (12, 31)):  # type: ignore[no-untyped-def]
    found = _rfb_tables.known_codes(plan, dt.date(year, *start), dt.date(year, *end))
    assert found is not None
    return found


def test_cosif_codes_change_on_01_01_2025() -> None:
    """The RFB's L300B: 3.1.7.1.0.00.00 and the old tax codes end 31/12/2024, 710000000 and
    819250000/819300000/819330000 start 01/01/2025 (the spreadsheet's 30129999 is a typo the
    program's file corrects)."""
    old = ("3.1.7.1.0.00.00", "3.1.8.1.9.25.00", "3.1.8.1.9.30.00", "3.1.8.1.9.33.00")
    new = ("710000000", "819250000", "819300000", "819330000")
    for plan in ("L300B", "P150B", "U150B"):
        for year in (2021, 2022, 2023, 2024):
            assert all(code in _known(plan, year) for code in old), (plan, year)
            assert not any(code in _known(plan, year) for code in new), (plan, year)
        for year in (2025, 2026, 2030):
            assert not any(code in _known(plan, year) for code in old), (plan, year)
            assert all(code in _known(plan, year) for code in new), (plan, year)
    table = _rfb_tables.table_for("L300B", 2024)
    assert table is not None
    assert {row.end for row in table.rows["3.1.7.1.0.00.00"]} == {dt.date(2024, 12, 31)}
    # The plan's rows carry the same dates as the table.
    for row in _plans.PLAN_COSIF.rows:
        if row.until is not None:
            assert row.code in _known("L300B", row.until.year)
            assert row.code not in _known("L300B", row.until.year + 1)
        else:
            assert row.since is not None
            assert row.code in _known("L300B", row.since.year)
            assert row.code not in _known("L300B", row.since.year - 1)


def test_which_set_serves_a_year() -> None:
    """Dates decide only where they are validity; the newest version serves later years."""
    # The CPC 47 deductions (.60 to .80) come in 2018.
    assert "3.01.01.01.02.60" not in _known("L300A", 2017)
    assert "3.01.01.01.02.60" in _known("L300A", 2018)
    # 3.01.01.05.01.47 is in the 2015 table and dropped from the 2016 one.
    assert "3.01.01.05.01.47" in _known("L300A", 2015)
    assert "3.01.01.05.01.47" not in _known("L300A", 2016)
    # The 2019 set keeps 2018 stamps on carried-over rows: not validity, the row counts in 2019.
    table_2019 = _rfb_tables.table_for("L300A", 2019)
    assert table_2019 is not None
    assert not table_2019.dated
    assert "3.01.01.01.01" in _known("L300A", 2019)
    # Any version for the set's own year: 3.1.8.1.9.19.00 starts 01/01/2021 in the older
    # versions of the 2021 set and 01/01/2022 in the newest; a 2021 file may use it.
    assert "3.1.8.1.9.19.00" in _known("L300B", 2021)
    table_2022 = _rfb_tables.table_for("L300B", 2022)
    assert table_2022 is not None
    assert [row.start for row in table_2022.rows["3.1.8.1.9.19.00"]] == [dt.date(2022, 1, 1)]
    # 2026 and later: the newest table's open-ended rows (711951000 starts 01/02/2026).
    assert "711951000" in _known("L300B", 2026, (1, 1), (3, 31))
    assert "711951000" not in _known("L300B", 2025)
    # PERSE (P300 11.20) ends 31/03/2025 in leiaute 12: in 2025, not in 2026.
    assert "11.20" in _known("P300", 2025)
    assert "11.20" not in _known("P300", 2026)


def test_the_programs_rows_count_where_the_spreadsheet_lacks_them() -> None:
    """The four rural P150A codes the leiaute-11/12 spreadsheets lack are in the program's P150_R:
    known in 2024 and 2025."""
    rural = ("3.11.01.11.01.03", "3.11.01.11.01.06", "3.11.01.11.01.07", "3.11.01.11.01.08")
    for year in (2024, 2025):
        table = _rfb_tables.table_for("P150A", year)
        assert table is not None
        assert any("P150_R" in source for source in table.sources)
        assert all(code in _known("P150A", year) for code in rural), year


def test_years_and_plans_without_a_table() -> None:
    assert _rfb_tables.table_for("P200", 2014) is None
    assert _rfb_tables.table_for("T150", 2014) is None
    assert _rfb_tables.table_for("P200", 2015) is not None
    assert _rfb_tables.table_for("L300A", 2013) is None
    assert _rfb_tables.table_for("P150B", 2015) is None
    assert _rfb_tables.check_plan("P150", "02", "", 2015) == "P150A"
    assert _rfb_tables.check_plan("P150", "02", "", 2016) == "P150B"
    assert _rfb_tables.check_plan("U150", "", "11", 2020) == "U150B"
    assert _rfb_tables.check_plan("T120", "", "", 2020) == "T120"


def test_revenue_rows_are_in_every_years_table() -> None:
    """The rows the metric maps (section 3) are codes of every year's table of their plan."""
    for year in range(2014, 2027):
        for row in _plans.PLAN_A.rows:
            assert row.code in _known("L300A", year), (row.code, year)
            assert row.code in _known("P150A", year), (row.code, year)
        for row in _plans.PLAN_U_A.rows:
            assert row.code in _known("U150A", year), (row.code, year)
        for row in _plans.PLAN_INSURER.rows:
            assert row.code in _known("L300C", year), (row.code, year)
    for year in range(2015, 2027):
        for record, rule in _plans.TABLES.items():
            for code in rule.revenue | rule.checked:
                # P200 9 (38,4 %) starts 01/01/2019 in the RFB's table.
                assert (code in _known(record, year)) == (
                    (record, code) != ("P200", "9") or year >= 2019
                ), (record, code, year)


# -- reading ---------------------------------------------------------------------------------

DROPPED = FIXTURES / "dropped_code_plan_a_2016_0003.txt"
MADE_UP = FIXTURES / "made_up_codes_2025_0012.txt"


@pytest.mark.parametrize("strict", [True, False])
def test_unknown_code_is_refused_in_every_mode(strict: bool) -> None:
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        ecfmetric.read(DROPPED, strict=strict)
    error = caught.value
    assert (error.code, error.line_number, error.record, error.field) == (
        "UNKNOWN_CODE",
        16,
        "L300",
        "CODIGO",
    )
    with ecfmetric.language("en"):
        text = str(error)
    assert "3.01.01.05.01.47" in text
    assert "table L300A" in text
    assert "period A00 (2016-01-01 to 2016-12-31)" in text or "A00" in text
    assert "Update ecfmetric, or fill the form" in text
    with ecfmetric.language("pt"):
        text = str(error)
    assert "tabela L300A de 2016 (01/01/2016 a 31/12/2016" in text
    assert "Atualize o ecfmetric ou preencha o formulário" in text


def test_validate_lists_every_unknown_code() -> None:
    report = ecfmetric.validate(MADE_UP)
    assert not report.ok
    assert [(f.code, f.line_number) for f in report.errors if f.code == "UNKNOWN_CODE"] == [
        ("UNKNOWN_CODE", 9),
        ("UNKNOWN_CODE", 10),
        ("UNKNOWN_CODE", 11),
    ]


def test_cli_refuses_an_unknown_code() -> None:
    for args in ([], ["--lenient"], ["--check"], ["--json"]):
        done = subprocess.run(
            [sys.executable, "-m", "ecfmetric", *args, str(MADE_UP)], capture_output=True
        )
        assert done.returncode != 0, args
        assert b"UNKNOWN_CODE" in done.stdout + done.stderr, args


def _file(year: int, qualif: str, *lines: str) -> bytes:
    records = [
        HEADER.replace("01012025", f"0101{year}").replace("31122025", f"3112{year}"),
        "|0001|0|",
        f"|0010||N|1|A|{qualif}|RRRR|000000000000|||||2|",
        "|0990||",
        "|L001|0|",
        f"|L030|0101{year}|3112{year}|A00|",
        *lines,
        "|L990||",
    ]
    return ecf_bytes(records)


def test_a_2025_bank_in_the_old_codes_is_refused_not_zero() -> None:
    """Zero needs proof: the 2021-2024 codes in a 2025 file are unknown, never a gross of 0."""
    data = _file(
        2025, "02", "|L300|3.1.7.1.0.00.00|RECEITAS OPERACIONAIS|S|4|04|3.1.7.0.0.00.00|10,00|C|"
    )
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        read_bytes(data)
    assert caught.value.code == "UNKNOWN_CODE"
    with ecfmetric.language("en"):
        assert "the table holds it only from 2021-01-01 to 2024-12-31" in str(caught.value)
    with ecfmetric.language("pt"):
        assert "a tabela só o tem de 01/01/2021 a 31/12/2024" in str(caught.value)


def test_a_year_after_the_newest_table_says_the_rfb_may_have_a_newer_one() -> None:
    data = _file(2026, "01", "|L300|3.01.01.01.01.99|Receita|A|6|04|3.01.01.01.01|10,00|C|")
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        read_bytes(data)
    with ecfmetric.language("en"):
        assert "the RFB may have published a newer table" in str(caught.value)
    known = _file(2026, "01", "|L300|3.01.01.01.01.06|Receita|A|6|04|3.01.01.01.01|10,00|C|")
    assert read_bytes(known).gross_revenue == Decimal("10.00")


def test_type_mismatch_is_a_warning_and_the_file_decides() -> None:
    """3.01.01.01.01 is S in the table; given as A with no children it is a leaf and counts."""
    data = _file(2025, "01", "|L300|3.01.01.01.01|RECEITA BRUTA|A|5|04|3.01.01.01|70,00|C|")
    metric = read_bytes(data)
    assert metric.gross_revenue == Decimal("70.00")
    mismatches = [w for w in metric.warnings if w.code == "TYPE_MISMATCH"]
    assert [(w.line_number, w.record) for w in mismatches] == [(7, "L300")]


def test_an_empty_type_is_a_type_mismatch() -> None:
    data = _file(2025, "01", "|L300|3.01.01.01.01.06|Receita||6|04|3.01.01.01.01|10,00|C|")
    metric = read_bytes(data)
    assert metric.gross_revenue == Decimal("10.00")
    assert "TYPE_MISMATCH" in {w.code for w in metric.warnings}


def test_2025_presumido_bank_p200_against_receitas_operacionais() -> None:
    """A presumido bank (P150B) compares P200 with the quarter's RECEITAS OPERACIONAIS: no false
    P200_P150_MISMATCH when they agree, a true one when they do not."""

    def bank(p200: str) -> bytes:
        records = [
            HEADER,
            "|0001|0|",
            "|0010||N|5|T|02|PPPP||C||||1|",
            "|0990||",
            "|P001|0|",
        ]
        quarters = (("0101", "3103"), ("0104", "3006"), ("0107", "3009"), ("0110", "3112"))
        for n, (start, end) in enumerate(quarters, 1):
            records += [
                f"|P030|{start}2025|{end}2025|T0{n}|",
                "|P150|710000000|RECEITAS OPERACIONAIS|S|4|04|700000000|100,00|C|",
                "|P150|719990000|OUTRAS RENDAS OPERACIONAIS|A|6|04|719000000|100,00|C|",
                f"|P200|8|Receita Bruta Sujeita ao Percentual de 32%|{p200}|",
            ]
        return ecf_bytes([*records, "|P990||"])

    metric = read_bytes(bank("100,00"))
    assert metric.gross_revenue == Decimal("400.00")
    assert "P200_P150_MISMATCH" not in {w.code for w in metric.warnings}
    metric = read_bytes(bank("90,00"))
    mismatches = [w for w in metric.warnings if w.code == "P200_P150_MISMATCH"]
    assert len(mismatches) == 4
    with ecfmetric.language("en"):
        assert "RECEITAS OPERACIONAIS (COSIF) is 100.00" in str(mismatches[0].message)


def test_table_not_checked_for_p200_in_2014() -> None:
    metric = ecfmetric.read(FIXTURES / "presumido_p150_quarterly_0001_utf8bom.txt")
    found = [w for w in metric.warnings if w.code == "TABLE_NOT_CHECKED"]
    assert len(found) == 1
    with ecfmetric.language("en"):
        assert "P200 in 2014" in str(found[0].message)


def test_a_2015_presumido_bank_has_no_p150b_so_cosif_codes_are_unknown() -> None:
    """P150B starts in 2016: a 2015 presumido with COD_QUALIF_PJ 02 is checked against P150A, and
    its COSIF code is UNKNOWN_CODE, never the COSIF zero."""
    records = [
        "|0000|LECF|0002|11222333000181|EMPRESA TESTE LTDA|0|0|||01012015|31122015|N||0||",
        "|0001|0|",
        "|0010||N|N|5|T|02|PPPP||C||||2|",
        "|0990||",
        "|P001|0|",
        "|P030|01012015|31032015|T01|",
        "|P150|3.1.7.1.0.00.00|RECEITAS OPERACIONAIS|S|4|04|3.1.7.0.0.00.00|100,00|C|",
        "|P990||",
    ]
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        read_bytes(ecf_bytes(records))
    assert (caught.value.code, caught.value.line_number) == ("UNKNOWN_CODE", 7)
    with ecfmetric.language("en"):
        assert "table P150A" in str(caught.value)


@pytest.mark.parametrize(
    ("record", "code"),
    [("T120", "3"), ("T150", "99"), ("P200", "9")],
)
def test_table_records_are_checked(record: str, code: str) -> None:
    """T120 3 and T150 99 are no code of their tables; P200 9 starts 01/01/2019 (not in 2018)."""
    block = record[0]
    header = "|0000|LECF|0005|11222333000181|EMPRESA TESTE LTDA|0|0|||01012018|31122018|N||0||"
    params = "|0010||N|N|6|T|01|AAAA|||||||" if block == "T" else "|0010||N|N|5|T|01|PPPP||L||||1|"
    records = [header, "|0001|0|", params, "|0990||"]
    records.append(f"|{block}001|0|")
    records.append(f"|{block}030|01012018|31032018|T01|")
    first = (
        "|T120|2|Receita Bruta Sujeita ao Percentual de 1,92%|10,00|"
        if block == "T"
        else ("|P200|8|Receita Bruta Sujeita ao Percentual de 32%|10,00|")
    )
    records += [first, f"|{record}|{code}|Linha|5,00|", f"|{block}990||"]
    for strict in (True, False):
        with pytest.raises(ecfmetric.EcfFormatError) as caught:
            read_bytes(ecf_bytes(records), strict=strict)
        assert (caught.value.code, caught.value.line_number, caught.value.record) == (
            "UNKNOWN_CODE",
            8,
            record,
        )
