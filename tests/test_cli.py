"""python -m ecfmetric: the readable breakdown, --json, and refusals without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ecfmetric._cli import main
from test_reader import BASIC


@pytest.fixture
def ecf_file(tmp_path: Path) -> Path:
    path = tmp_path / "empresa.txt"
    path.write_bytes(BASIC)
    return path


def test_text_output(ecf_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The breakdown shows each component in Brazilian notation and the lines behind it."""
    assert main([str(ecf_file)]) == 0
    out = capsys.readouterr().out
    assert "TOTAL RECEITA BRUTA" in out
    assert "1.000,00" in out
    assert "847,00" in out
    assert "3.01.01.01.02.03" in out
    assert "line 15" in out


def test_json_output(ecf_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints one object with the documented top-level keys and money as strings."""
    assert main(["--json", str(ecf_file)]) == 0
    out = json.loads(capsys.readouterr().out)
    for key in (
        "cnpj",
        "company_name",
        "reference_year",
        "period_start",
        "period_end",
        "regime",
        "source",
        "warnings",
        "lines",
    ):
        assert key in out
    assert out["net_revenue"] == "847.00"
    assert out["taxes"] == "136.50"
    assert out["source"] == "ecf"


def test_refused_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A refused file: exit 1, one line on stderr naming file, line and reason."""
    path = tmp_path / "bad.txt"
    path.write_bytes(BASIC.replace(b"|600,00|", b"|600.00|"))
    assert main([str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err
    assert str(path) in err
    assert "line 10" in err
    assert "VALOR" in err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that does not exist: exit 1 and a message, no traceback."""
    assert main([str(tmp_path / "nope.txt")]) == 1
    assert "nope.txt" in capsys.readouterr().err


def test_as_a_module(ecf_file: Path) -> None:
    """`python -m ecfmetric` runs the CLI in a real process."""
    done = subprocess.run(
        [sys.executable, "-m", "ecfmetric", "--json", str(ecf_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["gross_revenue"] == "1000.00"
    bad = subprocess.run(
        [sys.executable, "-m", "ecfmetric", str(ecf_file) + ".missing"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr


def test_many_files(ecf_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Several files: one row each; a refused file is reported in its row; exit 1 if any refused."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"not an ecf\r\n")
    assert main([str(ecf_file), str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2
    assert "847,00" in out[0]
    assert "REFUSED" in out[1]
    assert "not an ECF" in out[1]
    assert main([str(ecf_file), str(ecf_file)]) == 0


def test_many_files_json_and_csv(
    ecf_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json prints an array for several files; --csv one row per file, refused ones included."""
    import csv
    import io

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"not an ecf\r\n")
    assert main(["--json", str(ecf_file), str(bad)]) == 1
    rows = json.loads(capsys.readouterr().out)
    assert [row["file"] for row in rows] == [str(ecf_file), str(bad)]
    assert rows[0]["net_revenue"] == "847.00"
    assert "not an ECF" in rows[1]["error"]
    assert main(["--csv", str(ecf_file), str(bad)]) == 1
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["status"], r["net_revenue"]) for r in table] == [("ok", "847.00"), ("refused", "")]
    assert table[0]["taxes"] == "136.50"


def test_check(ecf_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--check prints the report; exit 0 without errors, 1 with; --json gives the report."""
    assert main(["--check", str(ecf_file)]) == 0
    assert "no error" in capsys.readouterr().out
    bad = tmp_path / "bad.txt"
    bad.write_bytes(BASIC.replace(b"|600,00|", b"|600.00|"))
    assert main(["--check", str(bad)]) == 1
    assert "BAD_AMOUNT" in capsys.readouterr().out
    assert main(["--check", "--json", str(bad)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    assert report["findings"][-1]["code"] == "BAD_AMOUNT"
    assert main(["--check", "--csv", str(bad), str(ecf_file)]) == 1
    assert "BAD_AMOUNT" in capsys.readouterr().out
    assert main(["--check", str(tmp_path / "missing.txt")]) == 1


def test_lenient(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--lenient reads a file whose counters disagree, with a warning."""
    path = tmp_path / "counts.txt"
    path.write_bytes(BASIC.replace(b"|9999|", b"|9999|1"))
    assert main([str(path)]) == 1
    capsys.readouterr()
    assert main(["--lenient", str(path)]) == 0
    assert "COUNT_MISMATCH" in capsys.readouterr().out


def test_metric_html_and_records() -> None:
    """The metric renders as an HTML table with its warnings set apart; to_records() lists lines."""
    import ecfmetric
    from ecf_helpers import ecf_bytes, read_bytes, real_annual
    from test_reader import L300_BASIC

    metric = read_bytes(
        ecf_bytes(real_annual([line.replace("|847,00|C|", "|850,00|C|") for line in L300_BASIC]))
    )
    html = metric._repr_html_()
    assert "RECEITA LÍQUIDA" in html
    assert "847,00" in html
    assert "NET_REVENUE_MISMATCH" in html
    assert html.index("Warnings") > html.index("3.01.01.01.02.03")
    records = metric.to_records()
    assert len(records) == len(metric.lines)
    assert records[0]["amount"] == metric.lines[0].amount
    assert sum(r["amount"] for r in records if r["component"] == "taxes") == metric.taxes
    form = ecfmetric.from_form(
        gross_revenue="1,00", cancellations=0, taxes=0, discounts=0, company_name="<b>x</b>"
    )
    assert "&lt;b&gt;" in form._repr_html_()
