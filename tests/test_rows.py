"""One row per file in Python (RevenueMetric.to_row, ecfmetric.refusal_row, ReadResult.to_row):
the columns and values of ``--csv``, money as Decimal, and a pandas DataFrame that adds up.

Hand-worked sums (from the fixtures' sidecars, themselves worked out by hand):
net revenue 10402217.49 (real_annual_0012_crlf_latin1) + 6215000.00 (x3_real_annual_0001)
+ 273800.00 (x3_imune_0007) = 16891017.49, x3_presumido_cash_0011 having none (None, skipped);
gross revenue 13001097.90 + 8000000.00 + 300000.00 + 847000.00 = 22148097.90.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest

import ecfmetric
from ecfmetric.cli._cli import main

FIXTURES = Path(__file__).parent.parent / "fixtures"
SAMPLE = FIXTURES / "real_annual_0012_crlf_latin1.txt"
FILES = [
    SAMPLE,
    FIXTURES / "x3_real_annual_0001.txt",
    FIXTURES / "x3_imune_0007.txt",
    FIXTURES / "x3_presumido_cash_0011.txt",
]
BAD_AMOUNT = FIXTURES / "bad_amount.txt"


def test_to_row_has_the_columns_and_python_values() -> None:
    """Keys are FILE_COLUMNS in order; money Decimal, dates date, the year int."""
    row = ecfmetric.read(SAMPLE).to_row()
    assert tuple(row) == ecfmetric.FILE_COLUMNS
    assert row["file"] == str(SAMPLE)  # the metric's file_name
    assert row["status"] == "ok"
    assert row["cnpj"] == "12345678000195"
    assert row["reference_year"] == 2025
    assert row["period_start"] == dt.date(2025, 1, 1)
    assert row["period_end"] == dt.date(2025, 12, 31)
    assert row["gross_revenue"] == Decimal("13001097.90")
    assert row["net_revenue"] == Decimal("10402217.49")
    assert isinstance(row["net_revenue"], Decimal)
    assert row["regime"] == "lucro_real"
    assert row["error_code"] is None
    assert ecfmetric.read(SAMPLE).to_row("upload.txt")["file"] == "upload.txt"


def test_regime_label_is_in_the_language_in_use() -> None:
    """regime_label: the portal's name in Portuguese, English on request; codes stay."""
    imune = ecfmetric.read(FIXTURES / "x3_imune_0007.txt")
    with ecfmetric.language("pt"):
        assert imune.to_row()["regime_label"] == "Imune do IRPJ"
        assert ecfmetric.read(SAMPLE).to_row()["regime_label"] == "Lucro Real"
    with ecfmetric.language("en"):
        assert imune.to_row()["regime_label"] == "Immune from IRPJ"
        assert imune.to_row()["regime"] == "imune"
    form = ecfmetric.from_form(gross_revenue="1,00", cancellations=0, taxes=0, discounts=0)
    assert form.to_row()["regime_label"] is None


def test_refusal_row() -> None:
    """A refused file: status refused, its code and message, every figure None."""
    try:
        ecfmetric.read(BAD_AMOUNT)
    except ecfmetric.EcfError as error:
        with ecfmetric.language("en"):
            row = ecfmetric.refusal_row(str(BAD_AMOUNT), error)
    assert tuple(row) == ecfmetric.FILE_COLUMNS
    assert row["status"] == "refused"
    assert row["error_code"] == "BAD_AMOUNT"
    assert "expected an amount" in row["error"]
    assert all(row[name] is None for name in ("cnpj", "gross_revenue", "net_revenue"))
    missing = ecfmetric.refusal_row("nope.txt", FileNotFoundError(2, "No such file"))
    assert missing["error_code"] == "FILE_NOT_FOUND"


def test_rows_are_what_csv_writes(capsys: pytest.CaptureFixture[str]) -> None:
    """--csv's header is FILE_COLUMNS and each of its cells is the row's value as text."""
    assert main(["--csv", "--lang", "pt", str(SAMPLE), str(BAD_AMOUNT)]) == 1
    written = list(csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")))
    assert tuple(written[0]) == ecfmetric.FILE_COLUMNS
    with ecfmetric.language("pt"):
        rows = [ecfmetric.read(SAMPLE).to_row()]
        try:
            ecfmetric.read(BAD_AMOUNT)
        except ecfmetric.EcfError as error:
            rows.append(ecfmetric.refusal_row(str(BAD_AMOUNT), error))

    def text(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, Decimal):
            return f"{value:.2f}"
        return value.isoformat() if isinstance(value, dt.date) else str(value)

    assert written == [{k: text(v) for k, v in row.items()} for row in rows]


def test_read_many_results_give_rows() -> None:
    """ReadResult.to_row(): the metric's row or the refusal's, named by the source."""
    results = list(ecfmetric.read_many([SAMPLE, BAD_AMOUNT], workers=1))
    rows = [result.to_row() for result in results]
    assert [row["file"] for row in rows] == [str(SAMPLE), str(BAD_AMOUNT)]
    assert rows[0] == ecfmetric.read(SAMPLE).to_row()
    assert rows[1]["error_code"] == "BAD_AMOUNT"


def test_a_dataframe_of_rows_adds_its_money_up() -> None:
    """pandas: the money columns sum as numbers (Decimal, exactly), a refused file's and an
    unknown figure's None skipped. See the module's docstring for the hand-worked sums."""
    pd = pytest.importorskip("pandas")
    rows = [ecfmetric.read(path).to_row() for path in FILES]
    try:
        ecfmetric.read(BAD_AMOUNT)
    except ecfmetric.EcfError as error:
        rows.append(ecfmetric.refusal_row(str(BAD_AMOUNT), error))
    df = pd.DataFrame(rows)
    assert list(df.columns) == list(ecfmetric.FILE_COLUMNS)
    net = df["net_revenue"].sum()
    assert net == Decimal("16891017.49")
    assert isinstance(net, Decimal)
    assert df["gross_revenue"].sum() == Decimal("22148097.90")
    ok = df[df["status"] == "ok"]
    assert len(ok) == 4
    assert ok.groupby("regime")["net_revenue"].sum()["lucro_real"] == Decimal("16617217.49")
    # For float arithmetic (plots, statistics), convert explicitly; the cents stay right here.
    assert round(df["net_revenue"].astype(float).sum(), 2) == 16891017.49


def test_line_records_name_the_component_in_the_language_in_use() -> None:
    """to_records(): component_label beside the component code."""
    metric = ecfmetric.read(SAMPLE)
    with ecfmetric.language("pt"):
        records = metric.to_records()
    labels = {(r["component"], r["component_label"]) for r in records}
    assert ("gross_revenue", "receita bruta") in labels
    assert (None, "só conferência") in labels
    with ecfmetric.language("en"):
        assert {r["component_label"] for r in metric.to_records()} >= {"taxes", "cross-check only"}
