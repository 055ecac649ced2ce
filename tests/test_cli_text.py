"""The pieces behind the CLI's output: Portuguese text, CSV cells, refusals, and the CLI's
paths that a real process does not reach quickly (progress inside one process, the extra missing)."""

from __future__ import annotations

import io
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import ecfmetric
from ecfmetric.base._errors import EcfError, EcfFormatError, WorkerCrashedError
from ecfmetric.cli import _cli
from ecfmetric.model import _labels
from ecfmetric.model._model import Finding
from ecfmetric.present import _text
from ecfmetric.present._cli_export import Table, refusal
from ecfmetric.reading import _validate
from ecfmetric.reading._validate import ValidationReport

FIXTURES = Path(__file__).parent.parent / "fixtures"
SAMPLE = FIXTURES / "real_annual_0012_crlf_latin1.txt"
SIGNED = FIXTURES / "signed" / "one_rsa_sha256.ecf"


def test_a_form_metric_in_portuguese() -> None:
    """A form without CNPJ or name: said so in words; its values are reviewed as typed into the
    form, not as lines of a file."""
    metric = ecfmetric.from_form(
        gross_revenue="1.234.567,89", cancellations="0,00", taxes="1.000,00", discounts="0,00"
    )
    text = _text.render_metric(metric, "pt")
    assert text.splitlines()[0] == "(sem nome) — CNPJ (não informado)"
    assert text.splitlines()[1] == "formulário"
    assert "1.234.567,89" in text
    net = next(line for line in text.splitlines() if "RECEITA LÍQUIDA" in line)
    assert net.split()[-1] == "1.233.567,89"
    assert "Linhas lidas" not in text
    typed = text.split("Valores digitados no formulário:\n")[1].splitlines()
    assert typed[0] == "  TOTAL RECEITA BRUTA: 1.234.567,89"
    assert typed[2] == "  (-) Impostos Sobre Serviços e Vendas: 1.000,00"


def test_an_scp_and_a_rectifying_file_in_portuguese() -> None:
    scp = _text.render_metric(ecfmetric.read(FIXTURES / "x3_scp_0012.txt"), "pt")
    assert "SCP do sócio ostensivo CNPJ 13.579.246/0001-01" in scp
    rural = _text.render_metric(ecfmetric.read(FIXTURES / "real_rural_0006.txt"), "pt")
    assert "retificadora (substitui o recibo 5E1A9C3B" in rural


def test_amounts_not_stated_are_said_so() -> None:
    text = _text.render_metric(ecfmetric.read(FIXTURES / "x3_presumido_cash_0011.txt"), "pt")
    assert "(-) Impostos Sobre Serviços e Vendas          não informado" in text
    assert _labels.money(None, "pt") == "não informado"
    assert _labels.money(Decimal("-1234567.8"), "pt") == "-1.234.567,80"
    assert _labels.cnpj("123") == "123"
    bare = attrs.evolve(ecfmetric.read(SAMPLE), lines=(), warnings=())
    assert "Linhas lidas" not in _text.render_metric(bare, "pt")


def test_every_regime_has_a_portuguese_name() -> None:
    assert set(_labels.REGIME_NAMES) == set(ecfmetric.Regime)


def test_excel_cells() -> None:
    """Excel's dialect: decimal comma, dd/mm/aaaa, masked CNPJ, no formula from a text cell."""
    import datetime as dt

    excel = Table(io.StringIO(), "excel")
    plain = Table(io.StringIO(), "csv")
    assert excel.cell(Decimal("-1234.5")) == "-1234,50"
    assert plain.cell(Decimal("-1234.5")) == "-1234.50"
    assert excel.cell(dt.date(2025, 1, 31)) == "31/01/2025"
    assert plain.cell(dt.date(2025, 1, 31)) == "2025-01-31"
    assert excel.cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert excel.cell("- Vendas") == "'- Vendas"
    assert plain.cell("=1") == "=1"
    assert excel.cell(None) == ""
    assert excel.cnpj("12345678000195") == "12.345.678/0001-95"
    assert plain.cnpj("12345678000195") == "12345678000195"
    assert excel.cnpj(None) is None


def test_refusal_of_any_library_error() -> None:
    """Every refusal has the five keys, whatever raised it."""
    crashed = refusal("a.txt", WorkerCrashedError("killed", source="a.txt"))
    assert crashed == {
        "file": "a.txt",
        "error": {
            "code": "WORKER_CRASHED",
            "message": "a.txt: killed",
            "line_number": None,
            "record": None,
            "field": None,
        },
    }
    assert refusal("b", EcfError("odd"))["error"]["code"] == "ECF_ERROR"
    assert refusal("c", PermissionError(13, "Permission denied"))["error"]["code"] == (
        "PERMISSION_DENIED"
    )
    assert refusal("d", OSError("disk"))["error"] == {
        "code": "OS_ERROR",
        "message": "the operating system refused it (OSError: disk)",
        "line_number": None,
        "record": None,
        "field": None,
    }
    line = _text.refusal_line(
        refusal("e.txt", EcfFormatError("bad", line_number=3, record="L300", code="X")), "pt"
    )
    assert line == "e.txt: recusado, linha 3, L300 [X]: bad"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "args", [["--csv"], ["--check", "--csv"], ["--signature"]], ids=["read", "check", "signature"]
)
def test_progress_in_every_mode(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    assert _cli.main([*args, *[str(SAMPLE)] * 20]) == 0
    assert "20/20 arquivos" in err.getvalue() or "/20 arquivos" in err.getvalue()
    assert err.getvalue().endswith("\r")
    assert "arquivos" not in capsys.readouterr().out


def test_check_lenient_in_this_process(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--check --lenient --json: the tolerated error is a warning, the metric is the lenient one."""
    assert _cli.main(["--check", "--lenient", "--json", str(FIXTURES / "bad_9999_count.txt")]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["ok"] is True
    assert row["metric"]["net_revenue"] == "1442649.05"


def test_check_lenient_agrees_with_lenient_reading(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A malformed line in block J, which read() skips: --lenient reads the file, and
    --check --lenient lists the problem (and the counters it throws off) as warnings."""
    path = tmp_path / "j050.txt"
    data = (FIXTURES / "bad_9999_count.txt").read_bytes()
    path.write_bytes(data.replace(b"|J050|01012024|04|S|1|3||RESULTADO|", b"J050 RESULTADO", 1))
    assert _cli.main(["--lenient", "--json", str(path)]) == 0
    capsys.readouterr()
    assert _cli.main(["--check", "--json", str(path)]) == 1
    assert json.loads(capsys.readouterr().out)["errors"] == 3
    assert _cli.main(["--check", "--lenient", "--json", str(path)]) == 0
    row = json.loads(capsys.readouterr().out)
    assert [(f["code"], f["severity"]) for f in row["findings"]] == [
        ("MALFORMED_LINE", "warning"),
        ("COUNT_MISMATCH", "warning"),
        ("COUNT_MISMATCH", "warning"),
    ]
    assert row["metric"]["net_revenue"] == "1442649.05"


def test_check_lenient_keeps_other_errors(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An error that is not structural stays an error, and the report has no metric."""
    bad_date = Finding("BAD_DATE", "not a date", 13, "L030", "error")
    monkeypatch.setattr(
        _validate,
        "validate_showing_signature",
        lambda *args, **kwargs: (ValidationReport("x", (bad_date,), None, 45), None),
    )
    assert _cli.main(["--check", "--lenient", "--json", str(SAMPLE)]) == 1
    row = json.loads(capsys.readouterr().out)
    assert row["findings"][0]["severity"] == "error"
    assert row["metric"] is None


def test_check_reports_the_safety_net_as_a_bug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    finding = Finding("INTERNAL_ERROR", "a bug", None, None, "error")
    monkeypatch.setattr(
        _validate,
        "validate_showing_signature",
        lambda *args, **kwargs: (ValidationReport("x", (finding,), None, 1), None),
    )
    assert _cli.main(["--check", str(SAMPLE)]) == 3


def test_signature_json_and_unreadable_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--signature --json: {"file", "signature", "error"} for every file, missing ones too."""
    assert _cli.main(["--signature", "--json", str(SIGNED), str(tmp_path / "nope")]) == 1
    rows = json.loads(capsys.readouterr().out)
    assert [set(row) for row in rows] == [{"file", "signature", "error"}] * 2
    assert rows[0]["signature"]["verified"] is True
    assert rows[1]["signature"] is None
    assert "arquivo ou diretório não encontrado" in rows[1]["error"]
    assert _cli.main(["--signature", "--lang", "en", str(tmp_path / "nope")]) == 1
    assert "Signature: unreadable" in capsys.readouterr().out
    assert _cli.main(["--signature", "--lang", "en", str(SAMPLE)]) == 0
    assert "Signature: none" in capsys.readouterr().out
    from ecfmetric.present._signature_check import check_signature

    assert check_signature(str(tmp_path / "nope")).error == (
        f"{tmp_path / 'nope'}: no such file or directory"
    )
    assert _cli.main(["--check", str(tmp_path / "nope")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "[FILE_NOT_FOUND]" in err


def test_signature_without_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "ecfmetric.ecf._cms", None)
    monkeypatch.delattr("ecfmetric.ecf._cms", raising=False)
    assert _cli.main(["--check", str(SIGNED)]) == 0
    assert "Assinatura: ilegível: não verificada: " in capsys.readouterr().out


def test_a_signature_that_does_not_verify_with_no_signer() -> None:
    from ecfmetric.ecf._signature import Signature
    from ecfmetric.present._signature_check import SignatureCheck

    signature = Signature("AB" * 20, (), False, "no signer", 10, 20, 5, 1, "LECF")
    text = SignatureCheck("x", signature, None, False).text()
    assert "Assinado por ninguém" in text
    assert "NÃO verificada: no signer" in text


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["x3_scp_0012.txt"], "SCP of managing partner CNPJ 13.579.246/0001-01"),
        (["real_rural_0006.txt"], "rectifying (replaces receipt 5E1A9C3B"),
        (["x3_presumido_cash_0011.txt"], "(-) Taxes on sales and services            not stated"),
        (["--check", "real_annual_0012_mismatch.txt"], "WARNING NET_REVENUE_MISMATCH"),
        (["x3_presumido_cash_0011.txt", "real_rural_0006.txt"], "net revenue not stated"),
    ],
    ids=["scp", "rectifying", "unknown", "check", "table"],
)
def test_lang_en(args: list[str], shown: str, capsys: pytest.CaptureFixture[str]) -> None:
    """--lang en draws the same output with the English words, amounts and dates."""
    files = [arg if arg.startswith("--") else str(FIXTURES / arg) for arg in args]
    assert _cli.main(["--lang", "en", *files]) == 0
    assert shown in capsys.readouterr().out


def test_english_text_of_a_form_and_a_file_wide_error() -> None:
    metric = ecfmetric.from_form(gross_revenue="1.234,50", cancellations=0, taxes=0, discounts=0)
    text = _text.render_metric(metric, "en")
    assert text.splitlines()[:2] == ["(no name) — CNPJ (not given)", "form"]
    net = next(line for line in text.splitlines() if "NET REVENUE" in line)
    assert net.split()[-1] == "1,234.50"
    assert "Lines read" not in text
    assert text.split("Values typed into the form:\n")[1].startswith("  GROSS REVENUE: 1,234.50")
    bare = _text.render_metric(attrs.evolve(metric, lines=()), "en")
    assert "Values typed" not in bare
    truncated = ecfmetric.validate(FIXTURES / "truncated_no_9999.txt")
    assert "ERROR   TRUNCATED                file" in _text.render_report(truncated, "en")
    assert "ERRO  TRUNCATED                arquivo" in _text.render_report(truncated, "pt")
    assert "NET REVENUE" not in _text.render_report(truncated, "en")


def test_both_languages_draw_the_same_breakdown() -> None:
    """The same lines in the same order in Portuguese and English, only the words, amounts and
    dates differ: every amount of one is the other's with the separators swapped."""
    metric = ecfmetric.read(FIXTURES / "real_quarterly_0008_lf_utf8.txt")
    pt = _text.render_metric(metric, "pt").splitlines()
    en = _text.render_metric(metric, "en").splitlines()
    assert len(pt) == len(en)
    amount = re.compile(r"(?<![\d.,])-?\d{1,3}(?:[.,]\d{3})*[.,]\d{2}(?![\d.,])")
    swap = str.maketrans(".,", ",.")
    for pt_line, en_line in zip(pt, en, strict=True):
        assert [a.translate(swap) for a in amount.findall(pt_line)] == amount.findall(en_line)
    assert "ano-calendário 2021, 01/01/2021 a 31/12/2021" in pt[1]
    assert "calendar year 2021, 2021-01-01 to 2021-12-31" in en[1]
    row_pt = _text.table_row("a.txt", metric, "pt").split("\t")
    row_en = _text.table_row("a.txt", metric, "en").split("\t")
    assert row_pt[:3] == row_en[:3] == ["a.txt", "23.456.789/0001-95", "2021"]
    assert row_pt[4] == "receita líquida 7.233.907,31"
    assert row_en[4] == "net revenue 7,233,907.31"


def test_a_signed_metric_shows_who_signed_in_either_language() -> None:
    """read(signature=True) puts the signature in the breakdown, in the words of the language."""
    metric = ecfmetric.read(SIGNED, signature=True)
    assert metric.signature is not None
    pt = _text.render_metric(metric, "pt")
    en = _text.render_metric(metric, "en")
    assert f"Hashcode {metric.signature.hashcode}" in pt
    assert "Assinado por" in pt
    assert "cadeia de certificados não verificada" in pt
    assert "Signed by" in en
    assert "certificate chain not checked" in en
