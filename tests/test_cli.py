"""python -m ecfmetric as a person at a terminal and a shell script use it.

Each behaviour is driven at least once in a real process (``run``); its variations run in this
process (``cli``), which is quicker and measured by coverage.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import ecfmetric
from ecfmetric.cli._cli import main

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "fixtures"
SAMPLE = FIXTURES / "real_annual_0012_crlf_latin1.txt"
QUARTERLY = FIXTURES / "real_quarterly_0008_lf_utf8.txt"
MISMATCH = FIXTURES / "real_annual_0012_mismatch.txt"
BAD_AMOUNT = FIXTURES / "bad_amount.txt"
BAD_COUNT = FIXTURES / "bad_9999_count.txt"
MISSING_QUARTER = FIXTURES / "x3_missing_quarter_0011.txt"
SIGNED = FIXTURES / "signed" / "one_rsa_sha256.ecf"
ERROR_KEYS = {"code", "message", "line_number", "record", "field"}
Cli = Callable[..., subprocess.CompletedProcess[bytes]]


def run(
    *args: str | Path, stdin: bytes | None = None, encoding: str = "utf-8"
) -> subprocess.CompletedProcess[bytes]:
    """The CLI in its own process, its output in a pipe."""
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    env.pop("PYTHONUTF8", None)
    return subprocess.run(
        [sys.executable, "-m", "ecfmetric", *map(str, args)],
        input=stdin,
        capture_output=True,
        env=env,
        check=False,
        timeout=60,
    )


@pytest.fixture
def cli(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., subprocess.CompletedProcess[bytes]]:
    """The CLI in this process (quick, and measured by coverage), shaped like :func:`run`."""

    def call(*args: str | Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        argv = list(map(str, args))
        try:
            status = main(argv)
        except SystemExit as done:  # argparse's usage errors, --version
            status = done.code if isinstance(done.code, int) else 1
        out, err = capsysbinary.readouterr()
        return subprocess.CompletedProcess(argv, status, out, err)

    return call


def as_json(done: subprocess.CompletedProcess[bytes]) -> tuple[int, Any]:
    assert done.stderr == b"", done.stderr
    return done.returncode, json.loads(done.stdout)


def expected(path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
    return data


# -- --version, standard input -----------------------------------------------------------------


def test_version() -> None:
    """--version prints the package's version and exits 0, naming the program as invoked:
    ``python -m ecfmetric`` here."""
    done = run("--version")
    assert done.returncode == 0
    assert done.stdout.decode().split() == ["python", "-m", "ecfmetric", ecfmetric.__version__]


def test_version_names_the_installed_script() -> None:
    """Run as the installed ``ecfmetric`` script, --version says ``ecfmetric`` (not
    ``python -m ecfmetric``)."""
    script = Path(sys.executable).with_name("ecfmetric")
    assert script.exists(), "the project is installed (pip install -e) with its script"
    done = subprocess.run([str(script), "--version"], capture_output=True, check=False, timeout=60)
    assert done.returncode == 0
    assert done.stdout.decode().split() == ["ecfmetric", ecfmetric.__version__]


def test_dash_reads_standard_input_as_bytes() -> None:
    """'-' reads the bytes on standard input, Latin-1 and CRLF untouched: the same metric."""
    status, row = as_json(run("--json", "-", stdin=SAMPLE.read_bytes()))
    assert status == 0
    assert isinstance(row, dict)
    assert row["file"] == "-"
    assert row["error"] is None
    assert row["net_revenue"] == expected(SAMPLE)["net_revenue"]
    assert row["company_name"] == "COMÉRCIO DE AÇÚCAR SÃO JOÃO LTDA"


def test_dash_among_files_and_a_zip_from_a_pipe(tmp_path: Path) -> None:
    """Standard input can sit among paths; a ZIP piped in is read (its index is at its end)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ecf.txt", QUARTERLY.read_bytes())
    status, rows = as_json(run("--json", SAMPLE, "-", stdin=buffer.getvalue()))
    assert status == 0
    assert isinstance(rows, list)
    assert [row["file"] for row in rows] == [str(SAMPLE), "-"]
    assert rows[1]["net_revenue"] == expected(QUARTERLY)["net_revenue"]


def test_dash_with_check_reads_the_report_and_the_signature(cli: Cli) -> None:
    """--check on standard input: the report and the signature, from one reading, see every byte."""
    status, row = as_json(cli("--json", "--check", "-", stdin=SIGNED.read_bytes()))
    assert status == 0
    assert isinstance(row, dict)
    assert row["ok"] is True
    assert row["signature"]["verified"] is True
    assert row["signature_error"] is None


def test_check_shows_the_signature_found_in_validates_own_pass(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--check takes the signature from validate()'s pass instead of reading the file again. For
    every signed fixture (verified, tampered, unreadable blobs, countersigned...) its JSON is the
    same as when the signature is read on its own (read_signature()), and the file is read a
    second time only when validate() stopped before its end: the ECD, refused as NOT_ECF at once.
    """
    from ecfmetric.base._i18n import language
    from ecfmetric.present import _signature_check

    read_signature = _signature_check.read_signature
    read_twice: list[str] = []

    def counted(source: Any, **kwargs: Any) -> Any:
        read_twice.append(Path(source.name).name)
        return read_signature(source, **kwargs)

    monkeypatch.setattr(_signature_check, "read_signature", counted)
    paths = sorted((FIXTURES / "signed").glob("*.ecf"))
    assert len(paths) >= 15
    for path in paths:
        with language("pt"), path.open("rb") as stream:  # the CLI's language
            expected = _signature_check.check_signature(str(path), stream).to_dict()
        read_twice.remove(path.name)  # that was the test's own reading
        status, row = as_json(cli("--json", "--check", path))
        assert isinstance(row, dict)
        assert row["signature"] == expected["signature"], path.name
        assert row["signature_error"] == expected["error"], path.name
        assert status == (0 if row["ok"] else 1)
    assert read_twice == ["ecd_like.ecf"]


def test_check_reads_the_signature_again_when_validate_stops_early(
    cli: Cli, tmp_path: Path
) -> None:
    """A file validate() gives up on before its end (here a line longer than MAX_LINE_LENGTH)
    still gets its signature read, by a reading of its own."""
    damaged = tmp_path / "long_line.ecf"
    text = SIGNED.read_bytes()
    at = text.index(b"\n") + 1
    damaged.write_bytes(text[:at] + b"|0001|" + b"x" * (1 << 17) + b"|\r\n" + text[at:])
    status, row = as_json(cli("--json", "--check", damaged))
    assert status == 1
    assert isinstance(row, dict)
    assert row["findings"][0]["code"] == "LINE_TOO_LONG"
    # Its hashcode is of the damaged bytes, so the signature no longer verifies: read it was.
    assert row["signature"]["verified"] is False


def test_dash_twice_is_a_usage_error(cli: Cli) -> None:
    done = cli("-", "-", stdin=b"")
    assert done.returncode == 2
    assert "só pode ser dado uma vez".encode() in done.stderr


def test_empty_standard_input_is_refused() -> None:
    done = run("-", stdin=b"")
    assert done.returncode == 1
    assert done.stdout == b""
    assert done.stderr.decode().strip() == (
        "ecfmetric: <stdin>: recusado [EMPTY_FILE]: o arquivo está vazio (0 bytes)"
    )


# -- --json refusals -----------------------------------------------------------------------------


def test_json_refusal_has_code_position_and_message() -> None:
    """A refusal is {"file", "error": {code, message, line_number, record, field}}; the
    message is in Portuguese by default, the rest never changes with the language."""
    status, row = as_json(run("--json", BAD_AMOUNT))
    assert status == 1
    assert isinstance(row, dict)
    message = row["error"].pop("message")
    assert row == {
        "file": str(BAD_AMOUNT),
        "error": {"code": "BAD_AMOUNT", "line_number": 16, "record": "L300", "field": "VALOR"},
    }
    assert message.startswith(
        "esperado um valor com vírgula decimal e no máximo duas casas decimais, sem sinal e "
        "sem separador de milhar (como 12000000,00)"
    )
    assert "'1.524.380,15'" in message


def test_json_refusals_have_the_same_keys_every_time(tmp_path: Path, cli: Cli) -> None:
    """A format error, a metric that cannot be computed and a missing file: the same keys."""
    missing = tmp_path / "nope.txt"
    status, rows = as_json(
        cli("--json", SAMPLE, BAD_COUNT, MISSING_QUARTER, missing, FIXTURES / "not_ecf.txt")
    )
    assert status == 1
    assert isinstance(rows, list)
    assert rows[0]["error"] is None
    refused = rows[1:]
    assert all(set(row) == {"file", "error"} for row in refused)
    assert all(set(row["error"]) == ERROR_KEYS for row in refused)
    assert [row["error"]["code"] for row in refused] == [
        "COUNT_MISMATCH",
        "METRIC_UNAVAILABLE",
        "FILE_NOT_FOUND",
        "NOT_ECF",
    ]
    assert refused[0]["error"]["field"] == "QTD_LIN"
    assert refused[1]["error"]["field"] is None
    assert refused[2]["error"]["line_number"] is None
    assert refused[3]["error"]["line_number"] == 1


# -- the human mode and exit statuses --------------------------------------------------------------


def test_a_refused_file_writes_one_line_on_stderr_and_nothing_on_stdout() -> None:
    done = run(BAD_AMOUNT)
    assert done.returncode == 1
    assert done.stdout == b""
    err = done.stderr.decode()
    assert err.count("\n") == 1
    assert err.startswith(f"ecfmetric: {BAD_AMOUNT}: recusado, linha 16, L300.VALOR [BAD_AMOUNT]: ")


def test_several_files_read_ones_on_stdout_refused_ones_on_stderr(tmp_path: Path, cli: Cli) -> None:
    done = cli(SAMPLE, BAD_AMOUNT, QUARTERLY, tmp_path / "nope.txt")
    assert done.returncode == 1
    out = done.stdout.decode().splitlines()
    assert [line.split("\t")[0] for line in out] == [str(SAMPLE), str(QUARTERLY)]
    assert out[0].split("\t")[1:] == [
        "12.345.678/0001-95",
        "2025",
        "receita bruta 13.001.097,90",
        "receita líquida 10.402.217,49",
    ]
    err = done.stderr.decode().splitlines()
    assert len(err) == 2
    assert "[BAD_AMOUNT]" in err[0]
    assert (
        err[1]
        == f"ecfmetric: {tmp_path / 'nope.txt'}: recusado [FILE_NOT_FOUND]: arquivo ou diretório não encontrado"
    )


@pytest.mark.parametrize(
    ("args", "status"),
    [
        ([SAMPLE, QUARTERLY], 0),
        ([SAMPLE, BAD_AMOUNT], 1),
        (["--check", SAMPLE], 0),
        (["--check", BAD_AMOUNT], 1),
        (["--no-such-option", SAMPLE], 2),
        ([], 2),
        (["--json", "--csv", SAMPLE], 2),
        (["--lang", "fr", SAMPLE], 2),
    ],
    ids=["read", "refused", "check", "check-errors", "bad-option", "no-file", "two-modes", "lang"],
)
def test_exit_status(args: list[str | Path], status: int, cli: Cli) -> None:
    """0 all read, 1 some refused, 2 a usage error."""
    done = cli(*args)
    assert done.returncode == status
    assert b"Traceback" not in done.stderr


def test_exit_status_in_a_real_process() -> None:
    assert run("--no-such-option", SAMPLE).returncode == 2
    assert run(SAMPLE, BAD_AMOUNT).returncode == 1


CRASH = """
import sys
from ecfmetric.cli import _cli, _modes
def crash(*args, **kwargs):
    raise ZeroDivisionError("a bug")
_modes.{name} = crash
sys.exit(_cli.main(sys.argv[1:]))
"""


def test_a_bug_exits_3_with_a_note_and_the_traceback() -> None:
    """A crash is not a refused file: exit 3, "internal error, please report" and the traceback."""
    done = subprocess.run(
        [sys.executable, "-c", CRASH.format(name="read"), str(SAMPLE)],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 3
    assert done.stdout == b""
    err = done.stderr.decode()
    assert err.startswith("ecfmetric: erro interno (um defeito do ecfmetric): por favor, informe")
    assert "Traceback (most recent call last)" in err
    assert err.rstrip().endswith("ZeroDivisionError: a bug")


def test_a_bug_while_checking(monkeypatch: pytest.MonkeyPatch, cli: Cli) -> None:
    from ecfmetric.reading import _validate

    def crash(*args: object, **kwargs: object) -> object:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(_validate, "validate_showing_signature", crash)
    done = cli("--lang", "en", "--check", SAMPLE)
    assert done.returncode == 3
    assert done.stderr.decode().startswith("ecfmetric: internal error (a bug in ecfmetric)")
    assert b"ZeroDivisionError: a bug" in done.stderr


def test_the_library_safety_net_is_a_bug_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """A refusal with code INTERNAL_ERROR (the reader's safety net) exits 3, not 1."""
    from ecfmetric.base._errors import EcfFormatError
    from ecfmetric.cli import _cli, _modes

    def broken(*args: object, **kwargs: object) -> object:
        raise EcfFormatError("a bug", code="INTERNAL_ERROR")

    monkeypatch.setattr(_modes, "read", broken)
    assert _cli.main(["--json", str(SAMPLE)]) == 3


# -- --excel, --csv, --lines -----------------------------------------------------------------------


def test_excel_is_csv_that_excel_in_portuguese_reads(cli: Cli) -> None:
    """UTF-8 with BOM, ';', Portuguese headings and words (codes unchanged), decimal comma with
    two decimals always, dd/mm/aaaa with four-digit years, the masked CNPJ; the columns of --csv
    in the same order. Read back from the file: the values are the fixture's (13.001.097,90 of
    gross revenue, 01/01/2025 to 31/12/2025, as its expected.json says)."""
    done = run("--excel", SAMPLE, BAD_AMOUNT, encoding="cp1252")
    assert done.returncode == 1
    assert done.stdout.startswith("\ufeffArquivo;Situação;CNPJ;Nome empresarial;".encode())
    text = done.stdout.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert list(rows[0]) == [
        "Arquivo",
        "Situação",
        "CNPJ",
        "Nome empresarial",
        "Ano",
        "Início",
        "Fim",
        "Regime (código)",
        *ecfmetric.LABELS.values(),
        "Avisos",
        "Código do erro",
        "Erro",
        "Regime",
    ]
    assert rows[0]["Nome empresarial"] == "COMÉRCIO DE AÇÚCAR SÃO JOÃO LTDA"
    assert rows[0]["CNPJ"] == "12.345.678/0001-95"
    assert rows[0]["Início"] == "01/01/2025"
    assert rows[0]["Fim"] == "31/12/2025"
    assert rows[0]["Situação"] == "lido"
    assert (rows[0]["Regime (código)"], rows[0]["Regime"]) == ("lucro_real", "Lucro Real")
    assert rows[0]["TOTAL RECEITA BRUTA"] == "13001097,90"
    assert rows[0]["(-) Outras Deduções"] == "12407,66"
    assert rows[0]["RECEITA LÍQUIDA DE SERVIÇOS E VENDAS"] == "10402217,49"
    amounts = [rows[0][label] for label in ecfmetric.LABELS.values()]
    assert all(re.fullmatch(r"[0-9]+,[0-9]{2}", amount) for amount in amounts), amounts
    assert rows[1]["Situação"] == "recusado"
    assert rows[1]["Código do erro"] == "BAD_AMOUNT"
    assert rows[1]["Erro"].startswith("esperado um valor com vírgula decimal")
    assert "\r\n" in text
    plain = cli("--csv", SAMPLE, BAD_AMOUNT)
    machine = list(csv.DictReader(io.StringIO(plain.stdout.decode(), newline="")))
    assert list(machine[0]) == [
        "file",
        "status",
        "cnpj",
        "company_name",
        "reference_year",
        "period_start",
        "period_end",
        "regime",
        *ecfmetric.LABELS,
        "warnings",
        "error_code",
        "error",
        "regime_label",
    ]
    assert machine[0]["cnpj"] == "12345678000195"
    assert machine[0]["period_start"] == "2025-01-01"
    assert machine[0]["net_revenue"] == "10402217.49"
    assert (machine[0]["status"], machine[0]["regime"]) == ("ok", "lucro_real")
    assert [machine[0][key] for key in ecfmetric.LABELS] == [
        amount.replace(",", ".") for amount in amounts
    ]


def test_excel_in_english_on_request(cli: Cli) -> None:
    """--lang en: the headings and words in English, the codes as always."""
    done = cli("--excel", "--lang", "en", SAMPLE, BAD_AMOUNT)
    rows = list(
        csv.DictReader(io.StringIO(done.stdout.decode("utf-8-sig"), newline=""), delimiter=";")
    )
    assert list(rows[0])[:3] == ["File", "Status", "CNPJ"]
    assert rows[0]["GROSS REVENUE"] == "13001097,90"
    assert (rows[0]["Status"], rows[1]["Status"]) == ("read", "refused")
    assert rows[1]["Error code"] == "BAD_AMOUNT"


def test_lines_writes_every_line_read(tmp_path: Path) -> None:
    """--lines: one row per line of metric.lines, the cross-check lines included."""
    out = tmp_path / "linhas.csv"
    done = run("--lines", out, SAMPLE, QUARTERLY, BAD_AMOUNT)
    assert done.returncode == 1
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"), newline="")))
    assert list(rows[0]) == [
        "file",
        "cnpj",
        "reference_year",
        "period",
        "line_number",
        "record",
        "code",
        "description",
        "amount",
        "component",
    ]
    metrics = [ecfmetric.read(SAMPLE), ecfmetric.read(QUARTERLY)]
    assert len(rows) == sum(len(m.lines) for m in metrics)
    assert {row["file"] for row in rows} == {str(SAMPLE), str(QUARTERLY)}
    first = rows[0]
    line = metrics[0].lines[0]
    assert first["line_number"] == str(line.line_number)
    assert first["code"] == line.code
    assert first["amount"] == f"{line.amount:.2f}"
    checks = [row for row in rows if row["component"] == ""]
    assert checks, "the lines read only to cross-check are listed"
    assert any(row["description"] == "RECEITA LIQUIDA" for row in checks)
    taxes = [row for row in rows if row["component"] == "taxes" and row["file"] == str(SAMPLE)]
    assert sum(Decimal(row["amount"]) for row in taxes) == metrics[0].taxes


def test_lines_with_excel_uses_the_excel_dialect(tmp_path: Path, cli: Cli) -> None:
    out = tmp_path / "linhas.csv"
    assert cli("--excel", "--lines", out, SAMPLE).returncode == 0
    data = out.read_bytes()
    assert data.startswith("\ufeffArquivo;CNPJ;Ano;".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0]["CNPJ"] == "12.345.678/0001-95"
    assert rows[0]["Valor"] == "10402217,49"
    assert any(row["Valor"].startswith("-") for row in rows)  # the signed DEDUÇÕES line
    assert {row["Componente (código)"] for row in rows} >= {"gross_revenue", "taxes", ""}


def test_lines_with_check(tmp_path: Path, cli: Cli) -> None:
    """--check --lines exports the lines of each file without an error."""
    out = tmp_path / "linhas.csv"
    assert cli("--check", "--json", "--lines", out, MISMATCH, BAD_AMOUNT).returncode == 1
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"), newline="")))
    assert {row["file"] for row in rows} == {str(MISMATCH)}


def test_lines_does_not_go_with_signature(tmp_path: Path, cli: Cli) -> None:
    assert cli("--signature", "--lines", tmp_path / "x.csv", SIGNED).returncode == 2


def test_lines_to_a_path_that_cannot_be_written_is_a_usage_error(tmp_path: Path, cli: Cli) -> None:
    """Found before any file is read: exit 2 with the reason, not a crash."""
    done = cli("--lines", tmp_path / "no" / "such" / "dir.csv", SAMPLE)
    assert done.returncode == 2
    assert "--lines: não é possível gravar".encode() in done.stderr
    assert done.stdout == b""


# -- --check ---------------------------------------------------------------------------------------


def test_check_honours_lenient(cli: Cli) -> None:
    """--check --lenient: the counter problem is a warning, the metric is given, exit 0."""
    strict = cli("--check", BAD_COUNT)
    assert strict.returncode == 1
    assert "ERRO  COUNT_MISMATCH" in strict.stdout.decode()
    lenient = run("--check", "--lenient", BAD_COUNT)
    assert lenient.returncode == 0, lenient.stdout
    out = lenient.stdout.decode()
    assert "OK, nenhum erro, 1 aviso(s)" in out
    assert "AVISO COUNT_MISMATCH" in out
    assert "RECEITA LÍQUIDA DE SERVIÇOS E VENDAS: 1.442.649,05" in out


def test_check_lenient_keeps_what_lenient_reading_refuses(cli: Cli) -> None:
    """A file refused even leniently keeps its errors under --check --lenient."""
    assert cli("--check", "--lenient", BAD_AMOUNT).returncode == 1


def test_check_json_keeps_its_shape(tmp_path: Path, cli: Cli) -> None:
    """Strict, lenient, refused or missing: the same keys for every file."""
    status, rows = as_json(
        run("--json", "--check", "--lenient", SAMPLE, BAD_COUNT, BAD_AMOUNT, tmp_path / "x")
    )
    assert status == 1
    assert isinstance(rows, list)
    keys = {
        "file",
        "source",
        "ok",
        "lines_read",
        "errors",
        "warnings",
        "findings",
        "metric",
        "signature",
        "signature_error",
    }
    assert all(set(row) == keys for row in rows)
    assert [row["ok"] for row in rows] == [True, True, False, False]
    assert rows[1]["metric"]["net_revenue"] == "1442649.05"
    assert rows[1]["findings"][0]["severity"] == "warning"
    assert rows[3]["findings"][0]["code"] == "FILE_NOT_FOUND"
    status, row = as_json(cli("--json", "--check", BAD_COUNT))
    assert isinstance(row, dict)
    assert set(row) == keys
    assert row["metric"] is None


def test_check_csv_and_excel(cli: Cli) -> None:
    done = cli("--check", "--excel", BAD_AMOUNT, MISMATCH)
    assert done.returncode == 1
    rows = list(
        csv.DictReader(io.StringIO(done.stdout.decode("utf-8-sig"), newline=""), delimiter=";")
    )
    assert [(row["Gravidade"], row["Código"]) for row in rows] == [
        ("erro", "BAD_AMOUNT"),
        ("aviso", "NET_REVENUE_MISMATCH"),
        ("aviso", "SYNTHETIC_SUM_MISMATCH"),
    ]
    plain = cli("--check", "--csv", BAD_AMOUNT)
    assert plain.stdout.decode().splitlines()[0] == "file,severity,code,line_number,record,message"


def test_check_missing_file_in_human_mode(tmp_path: Path, cli: Cli) -> None:
    done = cli("--check", SAMPLE, tmp_path / "nope.txt")
    assert done.returncode == 1
    assert "OK, nenhum erro" in done.stdout.decode()
    assert str(tmp_path / "nope.txt") not in done.stdout.decode()
    assert "[FILE_NOT_FOUND]" in done.stderr.decode()


# -- Portuguese for people ----------------------------------------------------------------------


def test_the_breakdown_is_in_portuguese() -> None:
    """Portal labels, 1.234.567,89, dd/mm/aaaa, the masked CNPJ, every line read."""
    done = run(SAMPLE)
    assert done.returncode == 0
    out = done.stdout.decode()
    assert out.startswith("COMÉRCIO DE AÇÚCAR SÃO JOÃO LTDA — CNPJ 12.345.678/0001-95\n")
    assert "ano-calendário 2025, 01/01/2025 a 31/12/2025, Lucro Real, leiaute 0012" in out
    for label, amount in [
        ("TOTAL RECEITA BRUTA", "13.001.097,90"),
        ("(-) Cancelamento de Serviços e Vendas", "187.432,15"),
        ("(-) Impostos Sobre Serviços e Vendas", "2.334.121,87"),
        ("(-) Descontos Incondicionais", "64.918,73"),
        ("RECEITA LÍQUIDA DE SERVIÇOS E VENDAS", "10.402.217,49"),
    ]:
        line = next(line for line in out.splitlines() if label in line)
        assert line.split()[-1] == amount
    assert out.index("Impostos") < out.index("Descontos Incondicionais   ")
    assert "linha 36 A00 L300 3.01.01.01 RECEITA LIQUIDA: 10.402.217,49 → só conferência" in out
    assert "(-) ICMS: 1.402.336,58 → impostos" in out


def test_periods_and_warnings_in_portuguese(cli: Cli) -> None:
    out = cli(QUARTERLY).stdout.decode()
    assert "Períodos:" in out
    assert "T01 01/01/2021 a 31/03/2021, bloco L (L300): receita bruta 2.055.688,05" in out
    out = cli(MISMATCH).stdout.decode()
    assert "Avisos:" in out
    assert "[NET_REVENUE_MISMATCH] (linha 19)" in out


def test_lang_en_is_the_english_text(cli: Cli) -> None:
    out = run("--lang", "en", SAMPLE).stdout.decode()
    assert "ECF file, calendar year 2025, 2025-01-01 to 2025-12-31" in out
    assert "→ gross revenue" in out
    assert cli("--lang", "en", SAMPLE).stdout.decode() == out
    assert "Periods:" in cli("--lang", "en", QUARTERLY).stdout.decode()
    assert "Warnings:" in cli("--lang", "en", MISMATCH).stdout.decode()
    err = cli("--lang", "en", BAD_AMOUNT).stderr.decode()
    assert "refused, line 16, L300.VALOR [BAD_AMOUNT]" in err
    check = cli("--lang", "en", "--check", SIGNED).stdout.decode()
    assert "OK, no error" in check
    assert "Signature: Signed by PADARIA" in check
    table = cli("--lang", "en", SAMPLE, QUARTERLY).stdout.decode()
    assert "gross revenue 13,001,097.90\tnet revenue 10,402,217.49" in table


def test_signature_in_portuguese(cli: Cli) -> None:
    out = cli("--signature", SIGNED).stdout.decode()
    assert "Assinatura: Assinado por PADARIA E CONFEITARIA PAO DOURADO LTDA" in out
    assert "Assinaturas verificadas sobre os 6360 bytes antes do marcador" in out
    assert "cadeia de certificados não verificada" in out
    assert "válido até 02/01/2028" in out
    tampered = cli("--signature", FIXTURES / "signed" / "tampered_digit.ecf")
    assert tampered.returncode == 1
    # As in English: which signer fails first and why, and what each signature was checked over.
    assert "NÃO verificada (2 de 2 assinaturas falham; signatário 1: " in tampered.stdout.decode()
    assert "sha256, sobre o conteúdo]: NÃO verificada: " in tampered.stdout.decode()
    unsigned = cli("--check", SAMPLE).stdout.decode()
    assert "Assinatura: nenhuma" in unsigned
    broken = cli("--check", FIXTURES / "signed" / "truncated_blob.ecf").stdout.decode()
    assert "Assinatura: ilegível:" in broken


def test_help_is_in_portuguese() -> None:
    """--help describes each option in Portuguese, the language people read."""
    done = run("--help")
    assert done.returncode == 0
    out = done.stdout.decode()
    assert "mostra esta ajuda e sai" in out
    assert "leitura tolerante" in out
    assert "Código de saída" in out
