"""``--xlsx OUT``: a workbook read back with openpyxl, its numbers numbers, its dates dates.

Hand-worked values (the fixtures' sidecars): real_annual_0012_crlf_latin1 gross 13001097.90,
net 10402217.49; x3_imune_0007 gross 300000.00, net 273800.00; so the total row holds gross
13301097.90 and net 10676017.49. bad_amount is refused (BAD_AMOUNT) and adds nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

import ecfmetric
from ecfmetric.cli._cli import main

openpyxl = pytest.importorskip("openpyxl")

FIXTURES = Path(__file__).parent.parent / "fixtures"
SAMPLE = FIXTURES / "real_annual_0012_crlf_latin1.txt"
IMUNE = FIXTURES / "x3_imune_0007.txt"
CASH = FIXTURES / "x3_presumido_cash_0011.txt"
BAD_AMOUNT = FIXTURES / "bad_amount.txt"


def _number(cell: object) -> Decimal:
    value = cell.value  # type: ignore[attr-defined]
    assert isinstance(value, (int, float)), value
    assert not isinstance(value, bool)
    return Decimal(str(value)).quantize(Decimal("0.01"))


def _workbook(tmp_path: Path, *files: Path, lang: str = "pt") -> object:
    out = tmp_path / "metricas.xlsx"
    status = main(["--xlsx", str(out), "--lang", lang, *map(str, files)])
    assert status == (1 if BAD_AMOUNT in files else 0)
    return openpyxl.load_workbook(out)


def test_files_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One row per file, money as numbers formatted #,##0.00, dates as dates dd/mm/yyyy, the
    masked CNPJ as text, the refused file with its code, a frozen header and a total row."""
    book = _workbook(tmp_path, SAMPLE, IMUNE, BAD_AMOUNT)
    capsys.readouterr()
    assert book.sheetnames == ["Arquivos", "Linhas"]  # type: ignore[attr-defined]
    sheet = book["Arquivos"]  # type: ignore[index]
    assert sheet.freeze_panes == "A2"
    header = [cell.value for cell in sheet[1]]
    assert len(header) == len(ecfmetric.FILE_COLUMNS)
    column = {name: index + 1 for index, name in enumerate(ecfmetric.FILE_COLUMNS)}
    assert header[column["gross_revenue"] - 1] == "TOTAL RECEITA BRUTA"
    assert header[column["file"] - 1] == "Arquivo"
    assert sheet.max_row == 5  # header, three files, total

    def at(row: int, name: str) -> object:
        return sheet.cell(row=row, column=column[name])

    gross = at(2, "gross_revenue")
    assert _number(gross) == Decimal("13001097.90")
    assert gross.number_format == "#,##0.00"  # type: ignore[attr-defined]
    assert _number(at(2, "net_revenue")) == Decimal("10402217.49")
    start = at(2, "period_start")
    assert start.is_date  # type: ignore[attr-defined]
    assert start.value == dt.datetime(2025, 1, 1)  # type: ignore[attr-defined]
    assert start.number_format == "dd/mm/yyyy"  # type: ignore[attr-defined]
    assert at(2, "period_end").value == dt.datetime(2025, 12, 31)  # type: ignore[attr-defined]
    assert at(2, "reference_year").value == 2025  # type: ignore[attr-defined]
    assert at(2, "cnpj").value == "12.345.678/0001-95"  # type: ignore[attr-defined]
    assert at(2, "cnpj").data_type == "s"  # type: ignore[attr-defined]
    assert at(2, "regime_label").value == "Lucro Real"  # type: ignore[attr-defined]
    assert at(3, "regime_label").value == "Imune do IRPJ"  # type: ignore[attr-defined]
    assert at(4, "status").value == "refused"  # type: ignore[attr-defined]
    assert at(4, "error_code").value == "BAD_AMOUNT"  # type: ignore[attr-defined]
    assert at(4, "net_revenue").value is None  # type: ignore[attr-defined]
    assert at(5, "file").value == "TOTAL dos arquivos lidos"  # type: ignore[attr-defined]
    assert _number(at(5, "gross_revenue")) == Decimal("13301097.90")
    assert _number(at(5, "net_revenue")) == Decimal("10676017.49")
    assert at(5, "net_revenue").number_format == "#,##0.00"  # type: ignore[attr-defined]


def test_lines_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every line of every metric, amounts numbers, the component in words; the taxes of the
    sample add up to its taxes."""
    book = _workbook(tmp_path, SAMPLE, IMUNE)
    capsys.readouterr()
    sheet = book["Linhas"]  # type: ignore[index]
    assert sheet.freeze_panes == "A2"
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Arquivo", "CNPJ", "Ano"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    metrics = [ecfmetric.read(SAMPLE), ecfmetric.read(IMUNE)]
    assert len(rows) == sum(len(m.lines) for m in metrics)
    index = {name: header.index(name) for name in ("Valor", "Componente (código)", "Linha")}
    taxes = [
        Decimal(str(row[index["Valor"]])).quantize(Decimal("0.01"))
        for row in rows
        if row[0] == str(SAMPLE) and row[index["Componente (código)"]] == "taxes"
    ]
    assert sum(taxes) == metrics[0].taxes
    assert all(isinstance(row[index["Linha"]], int) for row in rows)
    amount = sheet.cell(row=2, column=index["Valor"] + 1)
    assert amount.number_format == "#,##0.00"
    assert {row[-1] for row in rows} >= {"receita bruta", "impostos", "só conferência"}


def test_english_and_an_unknown_component(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--lang en names the sheets and headers in English; a total where a file read does not
    state a component is left empty (a sum without it would be wrong), the others stand."""
    book = _workbook(tmp_path, SAMPLE, CASH, lang="en")
    capsys.readouterr()
    assert book.sheetnames == ["Files", "Lines"]  # type: ignore[attr-defined]
    sheet = book["Files"]  # type: ignore[index]
    column = {name: index + 1 for index, name in enumerate(ecfmetric.FILE_COLUMNS)}
    assert sheet.cell(row=1, column=column["net_revenue"]).value == "NET REVENUE"
    total = 4
    assert sheet.cell(row=total, column=1).value == "TOTAL of the files read"
    assert sheet.cell(row=total, column=column["net_revenue"]).value is None
    # gross: 13001097.90 + 847000.00 (x3_presumido_cash_0011's sidecar) = 13848097.90
    assert _number(sheet.cell(row=total, column=column["gross_revenue"])) == Decimal("13848097.90")


def test_text_is_never_a_formula(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A company name that starts with '=' is stored as text."""
    data = SAMPLE.read_bytes().replace(
        "COMÉRCIO DE AÇÚCAR SÃO JOÃO LTDA".encode("latin-1"), b"=HYPERLINK(1)"
    )
    assert b"=HYPERLINK(1)" in data
    source = tmp_path / "formula.txt"
    source.write_bytes(data)
    book = _workbook(tmp_path, source)
    capsys.readouterr()
    cell = book["Arquivos"].cell(  # type: ignore[index]
        row=2, column=ecfmetric.FILE_COLUMNS.index("company_name") + 1
    )
    assert cell.value == "=HYPERLINK(1)"
    assert cell.data_type == "s"


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--xlsx with --check, or to a folder that does not exist: a usage error (2)."""
    with pytest.raises(SystemExit) as done:
        main(["--check", "--xlsx", str(tmp_path / "a.xlsx"), str(SAMPLE)])
    assert done.value.code == 2
    with pytest.raises(SystemExit) as done:
        main(["--xlsx", str(tmp_path / "no" / "a.xlsx"), str(SAMPLE)])
    assert done.value.code == 2
    assert "--xlsx: não é possível gravar" in capsys.readouterr().err  # the CLI speaks Portuguese
    # OUT that is one of the files read (or --lines' file) would destroy it: refused, untouched.
    copy = tmp_path / "empresa.txt"
    copy.write_bytes(SAMPLE.read_bytes())
    for argv in (
        ["--xlsx", str(copy), str(copy)],
        ["--lines", str(tmp_path / "l.csv"), "--xlsx", str(tmp_path / "l.csv"), str(SAMPLE)],
    ):
        with pytest.raises(SystemExit) as done:
            main(argv)
        assert done.value.code == 2
        assert "seria sobrescrito" in capsys.readouterr().err  # Portuguese, the default
    assert copy.read_bytes() == SAMPLE.read_bytes()


def test_without_openpyxl(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the extra: a usage error that says what to install, before any file is read."""
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "openpyxl" else real(name, *a)
    )
    with pytest.raises(SystemExit) as done:
        main(["--xlsx", str(tmp_path / "a.xlsx"), str(SAMPLE)])
    assert done.value.code == 2
    assert "pip install 'ecfmetric[xlsx]'" in capsys.readouterr().err
    assert not (tmp_path / "a.xlsx").exists()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("pt", "--xlsx precisa do openpyxl"), ("en", "--xlsx needs openpyxl")],
)
def test_without_openpyxl_the_usage_error_is_in_the_person_s_language(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    expected: str,
) -> None:
    from ecfmetric.present import _xlsx

    monkeypatch.setattr(_xlsx, "available", lambda: False)
    with pytest.raises(SystemExit) as stopped:
        main(["--lang", lang, "--xlsx", str(tmp_path / "out.xlsx"), str(SAMPLE)])
    assert stopped.value.code == 2
    assert expected in capsys.readouterr().err
    assert not (tmp_path / "out.xlsx").exists()
