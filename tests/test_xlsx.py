"""--xlsx OUT: a spreadsheet that Excel and LibreOffice in pt-BR show as 13.001.097,90 and
01/01/2025 (a CSV cannot carry how to show a value: LibreOffice shows 13001097,9 and 01/01/25).

The expected values are the fixture's (fixtures/real_annual_0012_crlf_latin1.expected.json:
gross revenue 13001097.90, net 10402217.49, 2025-01-01 to 2025-12-31). A date is stored as the
count of days since 1899-12-30: 2025-01-01 is 45658 = 2 (1899-12-30 to 1900-01-01) + 125 × 365
(1900 to 2025) + 31 leap days (1904, 1908, …, 2024; 1900 is not one)."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

import ecfmetric
from ecfmetric.cli._cli import main

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "fixtures" / "real_annual_0012_crlf_latin1.txt"
BAD_AMOUNT = ROOT / "fixtures" / "bad_amount.txt"
MISMATCH = ROOT / "fixtures" / "real_annual_0012_mismatch.txt"
NS = {"x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def _cells(path: Path) -> tuple[list[list[tuple[str | None, str]]], dict[str, str]]:
    """Each row's cells as (style, text), and each style index's number format code."""
    with zipfile.ZipFile(path) as archive:
        sheet = ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
        styles = ElementTree.fromstring(archive.read("xl/styles.xml"))
    formats = {
        item.get("numFmtId"): item.get("formatCode")
        for item in styles.iterfind("x:numFmts/x:numFmt", NS)
    }
    by_style = {
        str(index): formats.get(xf.get("numFmtId"), "General")
        for index, xf in enumerate(styles.iterfind("x:cellXfs/x:xf", NS))
    }
    rows = []
    for row in sheet.iterfind("x:sheetData/x:row", NS):
        cells = []
        for cell in row.iterfind("x:c", NS):
            value = cell.find("x:v", NS)
            text = cell.find("x:is/x:t", NS)
            shown = value.text if value is not None else text.text if text is not None else ""
            cells.append((cell.get("s"), shown or ""))
        rows.append(cells)
    return rows, by_style


def test_days_since_the_spreadsheet_epoch() -> None:
    assert (dt.date(2025, 1, 1) - dt.date(1899, 12, 30)).days == 45658


def test_xlsx_holds_numbers_and_dates_with_their_brazilian_formats(tmp_path: Path) -> None:
    out = tmp_path / "receitas.xlsx"
    assert main(["--xlsx", str(out), str(SAMPLE), str(BAD_AMOUNT)]) == 1
    rows, formats = _cells(out)
    header = [text for _, text in rows[0]]
    assert header[:4] == ["Arquivo", "Situação", "CNPJ", "Razão social"]
    assert header[8:14] == list(ecfmetric.LABELS.values())
    first = dict(zip(header, rows[1], strict=False))
    assert first["TOTAL RECEITA BRUTA"][1] == "13001097.90"
    assert formats[first["TOTAL RECEITA BRUTA"][0] or "0"] == "#,##0.00"
    assert first["RECEITA LÍQUIDA DE SERVIÇOS E VENDAS"][1] == "10402217.49"
    assert first["Início do período"][1] == "45658"  # 01/01/2025
    assert formats[first["Início do período"][0] or "0"] == "dd/mm/yyyy"
    assert first["Fim do período"][1] == str(45658 + 364)  # 31/12/2025
    assert first["CNPJ"][1] == "12.345.678/0001-95"  # text: Excel keeps it as typed
    assert (first["Situação"][1], first["Forma de tributação"][1]) == ("lido", "Lucro Real")
    refused = [text for _, text in rows[2]]
    assert "recusado" in refused
    assert "BAD_AMOUNT" in refused


def test_xlsx_with_check_lists_the_findings(tmp_path: Path) -> None:
    out = tmp_path / "achados.xlsx"
    assert main(["--check", "--xlsx", str(out), str(BAD_AMOUNT), str(MISMATCH)]) == 1
    rows, _ = _cells(out)
    assert [text for _, text in rows[0]] == [
        "Arquivo",
        "Gravidade",
        "Código",
        "Linha",
        "Registro",
        "Mensagem",
    ]
    assert [(row[1][1], row[2][1]) for row in rows[1:]] == [
        ("erro", "BAD_AMOUNT"),
        ("aviso", "NET_REVENUE_MISMATCH"),
        ("aviso", "SYNTHETIC_SUM_MISMATCH"),
    ]


def test_xlsx_to_a_path_that_cannot_be_written_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--xlsx", str(tmp_path / "no" / "such.xlsx"), str(SAMPLE)])
    assert caught.value.code == 2
    with pytest.raises(SystemExit):
        main(["--signature", "--xlsx", str(tmp_path / "x.xlsx"), str(SAMPLE)])


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_in_portuguese_shows_brazilian_amounts_and_dates(tmp_path: Path) -> None:
    """Converted by LibreOffice Calc in pt-BR to CSV "as shown": 13.001.097,90 and 01/01/2025."""
    out = tmp_path / "receitas.xlsx"
    assert main(["--xlsx", str(out), str(SAMPLE)]) == 0
    env = {**os.environ, "HOME": str(tmp_path), "LANG": "pt_BR.UTF-8"}
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):59,34,76,1,,1046,false,true,true,false",
            "--outdir",
            str(tmp_path / "shown"),
            str(out),
        ],
        env=env,
        capture_output=True,
        timeout=120,
        check=True,
    )
    shown = (tmp_path / "shown" / "receitas.csv").read_text("utf-8").splitlines()[1]
    assert re.search(r";01/01/2025;31/12/2025;Lucro Real;13\.001\.097,90;187\.432,15;", shown)
    assert shown.split(";")[13] == "10.402.217,49"
