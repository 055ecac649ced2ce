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
from ecfmetric.present._html import metric_html, proof_html

ROOT = Path(__file__).parent.parent
SIGNED = ROOT / "fixtures" / "signed"
PLAIN = ROOT / "fixtures" / "real_annual_0012_crlf_latin1.txt"
HASHCODE = "27511CA1DB8DB59575E0AE900C6FE04B87C837A0"
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
    assert metric.signature.hashcode == "171D435D62D5A175C94035B49150DEABB492E98B"
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
    (layers,) = [c["layers"] for c in contract["tool"]["importlinter"]["contracts"]]
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
