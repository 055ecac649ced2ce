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
