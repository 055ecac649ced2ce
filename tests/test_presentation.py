"""What a person sees beside the figure: every line read, the signature, Portuguese by default.

The hashcodes and signers below are those of the signed fixtures' sidecars
(fixtures/signed/*.expected.json, made by fixtures/signed/make_signed.py).
"""

from __future__ import annotations

import gzip
import io
import json
import re
import tomllib
import zipfile
from pathlib import Path

import attrs
import pytest

import ecfmetric
from ecfmetric.base._cnpj import format_cnpj
from ecfmetric.present._html import metric_html, proof_html

ROOT = Path(__file__).parent.parent
SIGNED = ROOT / "fixtures" / "signed"
PLAIN = ROOT / "fixtures" / "real_annual_0012_crlf_latin1.txt"
HASHCODE = "495E5D596B75C3B317ED092C54D60F03F21DF36A"
COMPANY_SIGNER = ("PADARIA E CONFEITARIA PAO DOURADO LTDA", "67890123000116")


def test_read_with_signature_puts_who_signed_in_the_metric() -> None:
    """read(signature=True): who signed, the hashcode, verified; the figures are the file's."""
    metric = ecfmetric.read(SIGNED / "one_rsa_sha256.ecf", signature=True)
    assert metric.signature is not None
    assert metric.signature.hashcode == HASHCODE
    assert metric.signature.verified
    assert not metric.signature.chain_checked
    [signer] = metric.signature.signers
    assert (signer.name, signer.cnpj, signer.verified) == (*COMPANY_SIGNER, True)
    plain = ecfmetric.read(SIGNED / "one_rsa_sha256.ecf")
    assert plain.signature is None  # not asked for
    assert attrs.evolve(metric, signature=None) == plain


def test_signature_through_zip_gzip_and_a_stream() -> None:
    """The signature is read inside a ZIP or gzip upload, and from a seekable stream (from its
    position) or a pipe; an unsigned file gives None."""
    data = (SIGNED / "one_rsa_sha256.ecf").read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ecf.txt", data)
    for payload in (buffer.getvalue(), gzip.compress(data)):
        metric = ecfmetric.read(io.BytesIO(payload), signature=True)
        assert metric.signature is not None
        assert metric.signature.hashcode == HASHCODE
    stream = io.BytesIO(b"junk" + data)
    stream.seek(4)
    summary = ecfmetric.read(stream, signature=True).signature
    assert summary is not None
    assert summary.verified
    assert ecfmetric.read(PLAIN, signature=True).signature is None

    class NoSeek(io.RawIOBase):
        """A pipe: read once, no seek (the signature is found in the same pass as the figures)."""

        def __init__(self, data: bytes) -> None:
            self.data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, b: bytearray) -> int:  # type: ignore[override]
            return self.data.readinto(b)

        def tell(self) -> int:
            raise OSError("not seekable")

    piped = ecfmetric.read(NoSeek(data), signature=True).signature  # type: ignore[arg-type]
    assert piped is not None
    assert (piped.hashcode, piped.verified) == (HASHCODE, True)


def test_a_tampered_file_shows_not_verified() -> None:
    """A changed digit: the metric still reads, its signature says NOT verified, with a reason."""
    metric = ecfmetric.read(SIGNED / "tampered_digit.ecf", signature=True)
    assert metric.signature is not None
    assert not metric.signature.verified
    assert metric.signature.hashcode == "350E8F16D153DCEAED28BCFBBAF47B1317F42FA2"
    page = metric_html(metric, "pt")
    assert "NÃO confere" in page
    assert "cadeia de certificados não verificada" in page


def test_signature_round_trips_and_travels_into_the_proof() -> None:
    """to_dict/from_dict keep the signature; the proof row shows it, and a saved proof whose
    signature was edited is refused on load."""
    metric = ecfmetric.read(SIGNED / "one_rsa_sha256.ecf", signature=True)
    again = ecfmetric.RevenueMetric.from_dict(json.loads(json.dumps(metric.to_dict())))
    assert again == metric
    assert again.file_name == metric.file_name
    proof = ecfmetric.Proof(2025, [metric.cnpj])
    row = proof.add(metric)
    assert row.signature == metric.signature
    assert row.to_dict()["signature"] == metric.signature.to_dict()  # type: ignore[union-attr]
    record = row.to_record()
    assert record["hashcode"] == HASHCODE
    assert record["signed_by"] == " ".join(COMPANY_SIGNER)
    assert record["signature_verified"] is True
    page = proof_html(proof, "pt")
    assert f"Hashcode {HASHCODE}" in page
    assert COMPANY_SIGNER[0] in page
    saved = json.loads(json.dumps(proof.to_dict()))
    assert ecfmetric.Proof.from_dict(saved).row(metric.cnpj).signature == metric.signature  # type: ignore[arg-type]
    saved["companies"][0]["metric"]["signature"]["hashcode"] = "not a hashcode"
    with pytest.raises(ecfmetric.BadProofDataError, match="hashcode"):
        ecfmetric.Proof.from_dict(saved)


def test_every_line_read_is_visible_with_its_context() -> None:
    """The breakdown (HTML and records) shows every line read, the cross-check lines too (the
    file's RECEITA LIQUIDA, synthetic lines), and each record row names file, CNPJ, year, block."""
    metric = ecfmetric.read(PLAIN)
    checks = [line for line in metric.lines if line.component is None]
    assert any(line.code == "3.01.01.01" for line in checks)  # the file's RECEITA LIQUIDA
    records = metric.to_records()
    assert len(records) == len(metric.lines)
    assert {(r["file_name"], r["cnpj"], r["reference_year"], r["block"]) for r in records} == {
        (str(PLAIN), metric.cnpj, 2025, "L")
    }
    page = metric_html(metric, "pt")
    assert page.count("só conferência") == len(checks)
    assert ">RECEITA LÍQUIDA DE SERVIÇOS E VENDAS<" in page
    assert ">Linha<" in page
    english = metric_html(metric, "en")
    assert english.count("cross-check only") == len(checks)
    assert ">NET REVENUE<" in english


def test_file_name_is_provenance_not_a_figure() -> None:
    """Two reads of the same content under two names are equal metrics, with their own names."""
    data = PLAIN.read_bytes()
    first = ecfmetric.read_bytes(data, name="a.txt")
    second = ecfmetric.read_bytes(data, name="b.txt")
    assert first == second
    assert (first.file_name, second.file_name) == ("a.txt", "b.txt")


def test_every_module_is_on_a_floor() -> None:
    """The import-linter contract (pyproject.toml) holds the whole package: each module is in a
    floor it names, or one of the public modules it places; no flat module escapes it."""
    contract = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = contract["tool"]["importlinter"]["contracts"]
    (layers,) = [c["layers"] for c in contracts if c["type"] == "layers"]
    named = {part.strip() for layer in layers for part in re.split(r"[|:]", layer)}
    assert "ecfmetric.present" in named
    src = ROOT / "src" / "ecfmetric"
    for path in src.rglob("*.py"):
        parts = path.relative_to(src).with_suffix("").parts
        if parts == ("__init__",):
            continue
        assert f"ecfmetric.{parts[0]}" in named, path


def test_labels_are_the_portal_s() -> None:
    """One public table of the portal's labels, used by the form, the HTML and the CLI."""
    assert ecfmetric.LABELS == {
        "gross_revenue": "TOTAL RECEITA BRUTA",
        "cancellations": "(-) Cancelamento de Serviços e Vendas",
        "taxes": "(-) Impostos Sobre Serviços e Vendas",
        "discounts": "(-) Descontos Incondicionais",
        "other_deductions": "(-) Outras Deduções",
        "net_revenue": "RECEITA LÍQUIDA DE SERVIÇOS E VENDAS",
    }
    form = ecfmetric.from_form(
        gross_revenue="12.000.000,00", cancellations="10.000,00", taxes="0", discounts="0"
    )
    assert [line.description for line in form.lines][:2] == [
        "TOTAL RECEITA BRUTA",
        "(-) Cancelamento de Serviços e Vendas",
    ]
    assert set(ecfmetric.LABELS_EN) == set(ecfmetric.LABELS)


# -- the notebook's HTML fits a notebook ------------------------------------------------------


def test_notebook_html_fits_and_never_breaks_a_cnpj() -> None:
    """Every table is at most the output's width and wraps its text; a CNPJ and each amount
    stay on one line (white-space:nowrap), so '12.345.678/0001-95' is never cut in two."""
    from ecfmetric.present._html import report_html

    metric = ecfmetric.read(ROOT / "fixtures" / "real_annual_0012_mismatch.txt")
    html = metric_html(metric, "pt")
    tables = re.findall(r'<table style="([^"]*)"', html)
    assert tables
    assert all("max-width:100%" in style for style in tables)
    assert "white-space:normal" in html
    shown = "78.901.234/0001-05"  # the fixture's 0000 CNPJ 78901234000105, masked
    assert metric.cnpj is not None
    assert format_cnpj(metric.cnpj) == shown
    assert f'<span style="white-space:nowrap">{shown}</span>' in html
    assert shown not in html.replace(f'<span style="white-space:nowrap">{shown}</span>', "")
    # The amount cells never wrap.
    assert re.search(r'white-space:nowrap">[0-9.]+,[0-9]{2}</td>', html)
    report = report_html(ecfmetric.validate(ROOT / "fixtures" / "bad_amount.txt"), "pt")
    assert "max-width:100%" in report


def test_an_error_row_looks_like_an_error() -> None:
    """validate()'s HTML: an error row is red, a warning row amber, and the bar is red when the
    report has an error."""
    from ecfmetric.present._html import report_html

    both = ecfmetric.validate(ROOT / "fixtures" / "broken" / "bad_amount_signed.txt")
    assert {f.severity for f in both.findings} == {"error", "warning"}
    html = report_html(both, "pt")
    rows = re.findall(r'<tr style="([^"]*)"><td[^>]*>(erro|aviso)</td>', html)
    assert {(style, word) for style, word in rows} == {
        ("background:#fde2e2;color:#8b0000", "erro"),
        ("background:#fff4e0", "aviso"),
    }
    assert "border-left:4px solid #c00" in html
    warnings_only = report_html(
        ecfmetric.validate(ROOT / "fixtures" / "real_annual_0012_mismatch.txt"), "pt"
    )
    assert "border-left:4px solid #c60" in warnings_only
    assert "#fde2e2" not in warnings_only


def test_typed_values_are_reviewed_as_typed() -> None:
    """A form's metric shows its values under "Valores digitados no formulário", by field, not
    as lines of a file (no line, record or code columns)."""
    metric = ecfmetric.from_form(
        gross_revenue="1.000,00", cancellations="0", taxes="10,00", discounts="0"
    )
    shown = metric_html(metric, "pt")
    assert "Valores digitados no formulário" in shown
    assert "Campo do formulário" in shown
    assert "Registro" not in shown
    assert "arquivo" not in shown


def test_one_order_and_wording_of_the_components_everywhere() -> None:
    """_labels.COMPONENTS is the one order (the portal's), and LABELS its wording: the CLI's text,
    the notebook's HTML, --csv's keys and --excel's headings all follow it."""
    from ecfmetric.model import _labels
    from ecfmetric.present import _text
    from ecfmetric.present._cli_export import CSV_COLUMNS, column_label

    order = list(_labels.COMPONENTS)
    assert order == list(ecfmetric.LABELS) == list(ecfmetric.LABELS_EN)
    assert order[:4] == ["gross_revenue", "cancellations", "taxes", "discounts"]
    metric = ecfmetric.read(ROOT / "fixtures" / "real_annual_0012_crlf_latin1.txt")
    for lang in ("pt", "en"):
        labels = [_labels.labels(lang)[name] for name in order]
        text = _text.render_metric(metric, lang)
        assert [text.index(label) for label in labels] == sorted(
            text.index(label) for label in labels
        )
        shown = metric_html(metric, lang)
        assert [shown.index(f">{label}<") for label in labels] == sorted(
            shown.index(f">{label}<") for label in labels
        )
        money_columns = [c for c in CSV_COLUMNS if c in order]
        assert money_columns == order
        assert [column_label(c, lang) for c in money_columns] == labels
