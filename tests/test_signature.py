"""read_signature(): the PVA signature block after 9999, found while streaming and verified.

The signed fixtures (fixtures/signed/, made offline by make_signed.py) carry sidecars worked out
from the script's inputs; this file checks read_signature against them, the hashcode against
hashlib, and the cases the fixtures do not cover against blobs built here with asn1crypto and
signed with cryptography.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from asn1crypto import algos, cms, core
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, padding, rsa
from cryptography.utils import CryptographyDeprecationWarning
from cryptography.x509.oid import NameOID
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ecfmetric
from ecfmetric.cli import _cli
from ecfmetric.ecf import _signature_scan

ROOT = Path(__file__).parent.parent
SIGNED = ROOT / "fixtures" / "signed"
CASES = sorted(SIGNED.glob("*.ecf"))
UNSIGNED = [
    p for p in sorted((ROOT / "fixtures").rglob("*.txt")) if p.name != "real_annual_0012_signed.txt"
]
BASE = (ROOT / "fixtures" / "real_annual_0012_crlf_latin1.txt").read_bytes()
MARKER = b"SBRCAAEPDR"


def _expected(case: Path) -> dict[str, Any]:
    return json.loads(case.with_suffix(".expected.json").read_text(encoding="utf-8"))


def _blob(case: str) -> bytes:
    data = (SIGNED / f"{case}.ecf").read_bytes()
    return data[data.index(MARKER) + len(MARKER) :]


def test_signed_fixtures_were_found() -> None:
    assert len(CASES) >= 15
    assert all(case.with_suffix(".expected.json").exists() for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_signed_fixture(case: Path) -> None:
    """read_signature gives the sidecar's signers, hashcode and verdict, or its error."""
    expected = _expected(case)
    data = case.read_bytes()
    if "error" in expected:
        with pytest.raises(ecfmetric.SignatureError) as caught:
            ecfmetric.read_signature(case)
        assert caught.value.code == expected["error"]["code"]
        assert caught.value.offset == expected["error"]["offset"]
        assert f"byte offset {expected['error']['offset']}" in str(caught.value)
        assert caught.value.source == str(case)
        return
    signature = ecfmetric.read_signature(case)
    assert signature is not None
    covered = expected["covered_bytes"]
    assert data[covered : covered + len(MARKER)] == MARKER
    assert signature.covered_bytes == covered
    assert signature.hashcode == hashlib.sha1(data[:covered]).hexdigest().upper()
    assert signature.hashcode == expected["hashcode"]
    assert signature.verified is expected["verified"]
    assert (signature.reason is None) is expected["verified"]
    assert signature.blocks == expected.get("blocks", 1)
    assert signature.file_type == expected.get("file_type", "LECF")
    assert signature.blob_offset == covered + len(MARKER)
    assert signature.blob_size == len(data) - covered - len(MARKER)
    assert signature.chain_checked is False
    assert "chain not checked" in signature.chain_note
    got = [
        {
            "name": s.name,
            "cnpj": s.cnpj,
            "cpf": s.cpf,
            "kind": s.kind,
            "serial": s.serial,
            "issuer_cn": s.issuer.split(",")[0].removeprefix("CN="),
            "valid_from": s.valid_from.isoformat() if s.valid_from else None,
            "valid_until": s.valid_until.isoformat() if s.valid_until else None,
            "digest_algorithm": s.digest_algorithm,
            "verified": s.verified,
            "covers": s.covers,
            "countersigns": s.countersigns,
        }
        for s in signature.signers
    ]
    assert got == expected["signers"]
    for signer in signature.signers:
        assert (signer.reason is None) is signer.verified


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_read_ignores_the_signature(case: Path) -> None:
    """read() of a signed file gives the metric of the unsigned original."""
    original = _expected(case)["metric_of"]
    if original is None:
        return
    signed = ecfmetric.read(case).to_dict()
    unsigned = ecfmetric.read(ROOT / "fixtures" / f"{original}.txt").to_dict()
    for name in ("source", "file_name"):
        signed.pop(name, None)  # type: ignore[misc]
        unsigned.pop(name, None)  # type: ignore[misc]
    assert signed == unsigned


def test_ecd_is_read_and_refused_by_read() -> None:
    """An ECD is signed the same way: read_signature reads it and names it; read() refuses it."""
    signature = ecfmetric.read_signature(SIGNED / "ecd_like.ecf")
    assert signature is not None
    assert signature.file_type == "LECD"
    assert signature.verified
    with pytest.raises(ecfmetric.EcfFormatError):
        ecfmetric.read(SIGNED / "ecd_like.ecf")


def test_tampered_digit_names_the_messagedigest() -> None:
    signature = ecfmetric.read_signature(SIGNED / "tampered_digit.ecf")
    assert signature is not None
    assert not signature.verified
    assert signature.reason is not None
    assert "messageDigest" in signature.reason
    assert "signer 1 (PADARIA" in signature.reason
    assert (
        "NOT verified (2 of 2 signatures fail; signer 1: the sha256 digest" in signature.summary()
    )


@pytest.mark.parametrize("case", UNSIGNED, ids=[c.name for c in UNSIGNED])
def test_unsigned_file_gives_none(case: Path) -> None:
    assert ecfmetric.read_signature(case) is None


def test_made_up_blob_is_an_error_with_offset() -> None:
    """fixtures/real_annual_0012_signed.txt has a marker and made-up bytes, not a CMS."""
    path = ROOT / "fixtures" / "real_annual_0012_signed.txt"
    data = path.read_bytes()
    with pytest.raises(ecfmetric.SignatureError) as caught:
        ecfmetric.read_signature(path)
    assert caught.value.code == "BAD_SIGNATURE"
    assert caught.value.offset == data.index(MARKER) + len(MARKER)
    assert isinstance(caught.value, ecfmetric.EcfFormatError)


@pytest.mark.parametrize("chunk_size", [1, 2, 3, 7, 10, 11, 4096])
def test_chunk_size_does_not_matter(chunk_size: int) -> None:
    """The 9999 line and the marker may straddle chunk boundaries anywhere."""
    case = SIGNED / "two_blocks_marker.ecf"
    assert ecfmetric.read_signature(case, chunk_size=chunk_size) == ecfmetric.read_signature(case)


def test_file_object_from_its_position() -> None:
    """A binary file object is read from where it stands; a second digest rewinds there."""
    data = (SIGNED / "one_ecdsa_sha512.ecf").read_bytes()
    stream = io.BytesIO(b"junk before" + data)
    stream.seek(len(b"junk before"))
    signature = ecfmetric.read_signature(stream)
    assert signature is not None
    assert signature.verified
    assert signature.source is None
    assert signature.covered_bytes == data.index(MARKER)


class _NoSeek(io.RawIOBase):
    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        return self._data.read(size)


def test_unseekable_source_and_a_digest_not_streamed() -> None:
    """SHA-1 and SHA-256 are hashed on the way; SHA-512 needs a rewind a pipe cannot do."""
    sha512 = ecfmetric.read_signature(_NoSeek((SIGNED / "one_ecdsa_sha512.ecf").read_bytes()))
    assert sha512 is not None
    assert not sha512.verified
    assert "cannot seek" in (sha512.signers[0].reason or "")
    sha256 = ecfmetric.read_signature(_NoSeek((SIGNED / "two_signerinfos.ecf").read_bytes()))
    assert sha256 is not None
    assert sha256.verified


def test_stream_without_seekable() -> None:
    class Bare:
        def __init__(self, data: bytes) -> None:
            self.read = io.BytesIO(data).read

    result = ecfmetric.read_signature(Bare((SIGNED / "one_rsa_sha1.ecf").read_bytes()))  # type: ignore[arg-type]
    assert result is not None
    assert result.verified


def test_only_a_marker_after_the_9999_line_counts() -> None:
    """A marker in the text before 9999 is text; the first one after the 9999 line counts."""
    early = BASE.replace(b"|0001|0|", b"|0001|0SBRCAAEPDR|", 1)
    assert early != BASE
    assert ecfmetric.read_signature(io.BytesIO(early)) is None
    blob = _blob("one_rsa_sha1")
    signature = ecfmetric.read_signature(io.BytesIO(early + MARKER + blob))
    assert signature is not None
    assert signature.covered_bytes == len(early)
    assert not signature.verified  # signed over BASE, not over the changed text


def test_no_9999_line_is_unsigned() -> None:
    cut = BASE[: BASE.index(b"|9999|")]
    assert ecfmetric.read_signature(io.BytesIO(cut + MARKER + _blob("one_rsa_sha1"))) is None
    assert ecfmetric.read_signature(io.BytesIO(b"")) is None


def test_9999_line_at_the_start() -> None:
    blob = _blob("one_rsa_sha1")
    signature = ecfmetric.read_signature(io.BytesIO(b"|9999|1|\r\n" + MARKER + blob))
    assert signature is not None
    assert signature.covered_bytes == 10
    assert signature.hashcode == hashlib.sha1(b"|9999|1|\r\n").hexdigest().upper()
    assert signature.file_type is None
    assert not signature.verified


def test_trailing_line_break_after_the_blob_is_ignored() -> None:
    data = (SIGNED / "one_rsa_sha256.ecf").read_bytes()
    signature = ecfmetric.read_signature(io.BytesIO(data + b"\r\n\x00"))
    assert signature is not None
    assert signature.verified
    assert signature.blocks == 1


def test_junk_after_the_blob_is_an_error_at_its_offset() -> None:
    data = (SIGNED / "one_rsa_sha256.ecf").read_bytes()
    with pytest.raises(ecfmetric.SignatureError) as caught:
        ecfmetric.read_signature(io.BytesIO(data + b"|9999|2|"))
    assert caught.value.offset == len(data)
    assert "0x7C" in caught.value.reason


def test_marker_followed_by_blanks_only() -> None:
    with pytest.raises(ecfmetric.SignatureError) as caught:
        ecfmetric.read_signature(io.BytesIO(BASE + MARKER + b"\r\n"))
    assert caught.value.code == "NO_SIGNATURE_BLOB"


def test_blob_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_signature_scan, "MAX_BLOB", 100)
    with pytest.raises(ecfmetric.SignatureError) as caught:
        ecfmetric.read_signature(SIGNED / "one_rsa_sha1.ecf", chunk_size=64)
    assert caught.value.code == "SIGNATURE_TOO_LARGE"
    assert caught.value.offset == len(BASE) + len(MARKER)


def test_real_bound_is_one_mib() -> None:
    with pytest.raises(ecfmetric.SignatureError) as caught:
        ecfmetric.read_signature(io.BytesIO(BASE + MARKER + b"\x30" * (1 << 20) + b"\x30"))
    assert caught.value.code == "SIGNATURE_TOO_LARGE"


def test_not_signed_data_is_an_error() -> None:
    data_info = cms.ContentInfo({"content_type": "data", "content": b"hello"}).dump()
    with pytest.raises(ecfmetric.SignatureError, match="not signedData"):
        ecfmetric.read_signature(io.BytesIO(BASE + MARKER + data_info))


def test_well_formed_ber_that_is_not_a_content_info() -> None:
    with pytest.raises(ecfmetric.SignatureError, match="cannot be read") as caught:
        ecfmetric.read_signature(io.BytesIO(BASE + MARKER + b"\x30\x03\x02\x01\x05"))
    assert caught.value.code == "BAD_SIGNATURE"


def test_bad_length_is_an_error() -> None:
    with pytest.raises(ecfmetric.SignatureError, match="cannot be read"):
        ecfmetric.read_signature(io.BytesIO(BASE + MARKER + b"\x30\x80\x04\x80\x00\x00\x00\x00"))


def test_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without asn1crypto/cryptography: a clear error that is also an ImportError."""
    monkeypatch.setitem(sys.modules, "ecfmetric.ecf._cms", None)
    monkeypatch.delattr("ecfmetric.ecf._cms", raising=False)
    with pytest.raises(ecfmetric.SignatureSupportError, match=r"ecfmetric\[signature\]") as caught:
        ecfmetric.read_signature(SIGNED / "one_rsa_sha1.ecf")
    assert isinstance(caught.value, ImportError)
    assert caught.value.code == "SIGNATURE_EXTRA_MISSING"
    # An unsigned file needs no extra.
    assert ecfmetric.read_signature(ROOT / "fixtures" / "real_annual_0012_crlf_latin1.txt") is None


def test_import_does_not_load_the_extra() -> None:
    """``import ecfmetric`` does not pay for asn1crypto and cryptography."""
    import subprocess

    code = "import sys, ecfmetric; print(sorted(m for m in sys.modules if m.split('.')[0] in ('asn1crypto', 'cryptography')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_error_pickles_with_its_offset() -> None:
    import pickle

    error = ecfmetric.SignatureError("bad", offset=12, code="BAD_SIGNATURE")
    again = pickle.loads(pickle.dumps(error.with_source("f.txt")))
    assert (again.offset, again.code, again.source) == (12, "BAD_SIGNATURE", "f.txt")
    assert str(again) == "f.txt, byte offset 12: bad"


def test_to_dict_and_summary() -> None:
    signature = ecfmetric.read_signature(SIGNED / "two_signerinfos.ecf")
    assert signature is not None
    out = signature.to_dict()
    assert json.loads(json.dumps(out)) == out
    assert out["signers"][0]["valid_from"] == "2025-01-02T12:00:00+00:00"
    assert out["chain_checked"] is False
    assert out["covers"].startswith(f"bytes 0 to {signature.covered_bytes - 1} ")
    text = signature.summary()
    assert "CNPJ 67.890.123/0001-16" in text
    assert "CPF 987.654.321-00" in text
    assert signature.hashcode in text
    assert "certificate chain not checked" in text


# --- blobs built here: the cases openssl does not make -------------------------------------------

NOW = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)


def _cert(
    key: Any,
    *,
    cn: str | None = "FULANO DE TAL:12345678909",
    others: tuple[tuple[str, bytes], ...] = (),
    serial: int = 7,
    extra_cn: str | None = None,
) -> x509.Certificate:
    attributes = [x509.NameAttribute(NameOID.ORGANIZATION_NAME, "ICP-Brasil")]
    attributes.append(x509.NameAttribute(NameOID.DN_QUALIFIER, "teste"))
    if cn is not None:
        attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    if extra_cn is not None:
        attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, extra_cn))
    name = x509.Name(attributes)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(serial)
        .not_valid_before(NOW)
        .not_valid_after(NOW + dt.timedelta(days=30))
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if others:
        builder = builder.add_extension(
            x509.SubjectAlternativeName(
                [x509.OtherName(x509.ObjectIdentifier(oid), value) for oid, value in others]
            ),
            critical=False,
        )
    return builder.sign(key, hashes.SHA256())


_RSA = rsa.generate_private_key(public_exponent=65537, key_size=2048)
_EC = ec.generate_private_key(ec.SECP256R1())


def _blob_for(
    content: bytes,
    key: Any = _RSA,
    *,
    cert: x509.Certificate | None = None,
    md: str = "sha256",
    sig_algo: str = "rsassa_pkcs1v15",
    sid: str = "issuer_and_serial_number",
    attrs: str = "normal",
    include_cert: bool = True,
    more_certs: tuple[x509.Certificate, ...] = (),
    signers: int = 1,
    pss: dict[str, Any] | None = None,
) -> bytes:
    cert = cert or _cert(key)
    parsed = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    digest = hashlib.new(md if md in hashlib.algorithms_available else "sha256", content).digest()
    values: list[Any] = [cms.CMSAttribute({"type": "content_type", "values": ["data"]})]
    if attrs != "no_digest":
        values.append(cms.CMSAttribute({"type": "message_digest", "values": [digest]}))
    signed_attrs = cms.CMSAttributes(values)
    chosen = getattr(hashes, md.upper(), hashes.SHA256)()
    if attrs == "none":
        to_sign, prehashed = digest, True
    else:
        to_sign, prehashed = signed_attrs.dump(), False
    from cryptography.hazmat.primitives.asymmetric import utils

    algorithm: Any = utils.Prehashed(chosen) if prehashed else chosen
    if isinstance(key, rsa.RSAPrivateKey) and pss is not None:
        signature = key.sign(
            to_sign,
            padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32),
            algorithm,
        )
    elif isinstance(key, rsa.RSAPrivateKey):
        signature = key.sign(to_sign, padding.PKCS1v15(), algorithm)
    elif isinstance(key, ec.EllipticCurvePrivateKey):
        signature = key.sign(to_sign, ec.ECDSA(algorithm))
    elif isinstance(key, ed448.Ed448PrivateKey):
        signature = key.sign(to_sign)
    else:
        # DSA, named only through the key itself: cryptography >= 51 warns on any use of its
        # dsa module's names, and the suite turns warnings into errors.
        signature = key.sign(to_sign, algorithm)
    if sid == "issuer_and_serial_number":
        identifier = cms.SignerIdentifier(
            {
                "issuer_and_serial_number": {
                    "issuer": parsed.issuer,
                    "serial_number": parsed.serial_number,
                }
            }
        )
    else:
        identifier = cms.SignerIdentifier({"subject_key_identifier": parsed.key_identifier})
    algo: dict[str, Any] = {"algorithm": sig_algo}
    if pss is not None:
        algo["parameters"] = pss
    info: dict[str, Any] = {
        "version": "v1" if sid == "issuer_and_serial_number" else "v3",
        "sid": identifier,
        "digest_algorithm": {"algorithm": md},
        "signature_algorithm": algos.SignedDigestAlgorithm(algo),
        "signature": signature,
    }
    if attrs != "none":
        info["signed_attrs"] = signed_attrs
    signed: dict[str, Any] = {
        "version": "v1" if sid == "issuer_and_serial_number" else "v3",
        "digest_algorithms": [{"algorithm": md}],
        "encap_content_info": {"content_type": "data"},
        "signer_infos": [cms.SignerInfo(info)] * signers,
    }
    if include_cert:
        signed["certificates"] = [
            *(
                asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
                for c in more_certs
            ),
            parsed,
        ]
    return cms.ContentInfo({"content_type": "signed_data", "content": signed}).dump()


def _read(blob: bytes, content: bytes = BASE) -> ecfmetric.Signature:
    signature = ecfmetric.read_signature(io.BytesIO(content + MARKER + blob))
    assert signature is not None
    return signature


def test_built_blob_verifies() -> None:
    """The builder itself is right: a plain RSA signature over BASE verifies."""
    signature = _read(_blob_for(BASE))
    assert signature.verified
    signer = signature.signers[0]
    assert signer.name == "FULANO DE TAL"
    # Most specific first; a type without a short name keeps asn1crypto's name.
    assert signer.issuer == "CN=FULANO DE TAL:12345678909, dn_qualifier=teste, O=ICP-Brasil"
    assert signer.cnpj is None
    assert signer.cpf is None  # no otherName: the CN's digits are not taken as a CPF
    assert signer.kind is None
    assert signer.label() == "FULANO DE TAL"


def test_subject_key_identifier_finds_the_certificate() -> None:
    other = _cert(_EC, cn="OUTRO")
    signature = _read(_blob_for(BASE, sid="subject_key_identifier", more_certs=(other,)))
    assert signature.verified
    assert signature.signers[0].serial == "7"


def test_subject_key_identifier_without_certificate() -> None:
    signature = _read(_blob_for(BASE, sid="subject_key_identifier", include_cert=False))
    signer = signature.signers[0]
    assert not signer.verified
    assert signer.serial == ""
    assert "subject key identifier" in signer.issuer
    assert signer.label().startswith("certificate serial  of (unknown")


def test_missing_certificate() -> None:
    signature = _read(_blob_for(BASE, include_cert=False))
    signer = signature.signers[0]
    assert not signer.verified
    assert "does not carry the certificate" in (signer.reason or "")
    assert signer.name is None
    assert signer.valid_from is None
    assert signer.serial == "7"
    assert signer.issuer.startswith("CN=FULANO DE TAL")
    assert signer.to_dict()["valid_from"] is None


def test_changed_signature_value() -> None:
    blob = cms.ContentInfo.load(_blob_for(BASE))
    info = blob["content"]["signer_infos"][0]
    value = bytearray(info["signature"].native)
    value[-1] ^= 1
    info["signature"] = bytes(value)
    signer = _read(blob.dump()).signers[0]
    assert not signer.verified
    assert "does not verify" in (signer.reason or "")


def test_no_signed_attributes_over_other_bytes() -> None:
    signature = _read(_blob_for(BASE, attrs="none"), content=BASE.replace(b"|0|", b"|1|", 1))
    assert not signature.verified
    assert "does not verify" in (signature.reason or "")


def test_no_message_digest_attribute() -> None:
    signer = _read(_blob_for(BASE, attrs="no_digest")).signers[0]
    assert "no messageDigest" in (signer.reason or "")


def test_md5_is_not_accepted() -> None:
    signer = _read(_blob_for(BASE, md="md5")).signers[0]
    assert not signer.verified
    assert signer.reason == "digest algorithm md5 is not supported"


def test_ecdsa_with_attributes_built_here() -> None:
    signature = _read(_blob_for(BASE, _EC, sig_algo="sha256_ecdsa"))
    assert signature.verified
    assert signature.signers[0].signature_algorithm == "sha256_ecdsa"


def test_key_and_algorithm_that_do_not_match() -> None:
    signer = _read(_blob_for(BASE, _EC, sig_algo="sha256_rsa")).signers[0]
    assert not signer.verified
    assert "not supported" in (signer.reason or "")


def test_unknown_signature_algorithm() -> None:
    blob = cms.ContentInfo.load(_blob_for(BASE))
    info = blob["content"]["signer_infos"][0]
    info["signature_algorithm"] = algos.SignedDigestAlgorithm({"algorithm": "1.2.3.4.5"})
    signer = _read(blob.dump()).signers[0]
    assert signer.reason == "signature algorithm 1.2.3.4.5 is not supported"


def test_dsa_key_is_not_supported() -> None:
    # A DSA signer must still be reported, not crash, while cryptography deprecates DSA (51+):
    # its warning is expected here and only here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        key = dsa.generate_private_key(key_size=2048)
    signer = _read(_blob_for(BASE, key, sig_algo="sha256_dsa")).signers[0]
    assert not signer.verified
    assert "dsa" in (signer.reason or "")


def test_pss_with_other_hash_is_refused() -> None:
    params = {
        "hash_algorithm": {"algorithm": "sha512"},
        "mask_gen_algorithm": {"algorithm": "mgf1", "parameters": {"algorithm": "sha512"}},
        "salt_length": 32,
    }
    signer = _read(_blob_for(BASE, sig_algo="rsassa_pss", pss=params)).signers[0]
    assert "RSASSA-PSS with sha512/sha512" in (signer.reason or "")


def test_pss_built_here() -> None:
    params = {
        "hash_algorithm": {"algorithm": "sha256"},
        "mask_gen_algorithm": {"algorithm": "mgf1", "parameters": {"algorithm": "sha256"}},
        "salt_length": 32,
    }
    assert _read(_blob_for(BASE, sig_algo="rsassa_pss", pss=params)).verified


def test_unusable_public_key() -> None:
    ed = ed448.Ed448PrivateKey.generate()
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ED")]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ED")]))
        .public_key(ed.public_key())
        .serial_number(9)
        .not_valid_before(NOW)
        .not_valid_after(NOW + dt.timedelta(days=1))
        .sign(ed, None)
    )
    signer = _read(_blob_for(BASE, ed, cert=cert, sig_algo="ed448")).signers[0]
    assert not signer.verified
    assert "not supported" in (signer.reason or "")


def test_certificate_public_key_that_cannot_load(monkeypatch: pytest.MonkeyPatch) -> None:
    from ecfmetric.ecf import _cms_verify

    def refuse(data: bytes) -> Any:
        raise ValueError("bad key")

    monkeypatch.setattr(_cms_verify, "load_der_public_key", refuse)
    signer = _read(_blob_for(BASE)).signers[0]
    assert signer.reason == "the certificate's public key cannot be used: bad key"


def test_no_signer_info() -> None:
    signature = _read(_blob_for(BASE, signers=0))
    assert not signature.verified
    assert signature.signers == ()
    assert signature.reason == "the blob holds no signature (no SignerInfo)"
    assert "Signed by nobody" in signature.summary()


def test_icp_brasil_other_names() -> None:
    """CNPJ (alphanumeric too) in 2.16.76.1.3.3; the CPF after a birth date; zeros are no value."""
    key = _EC
    others = (
        ("2.16.76.1.3.3", core.UTF8String("12ABC34501DE35").dump()),
        ("2.16.76.1.3.4", core.PrintableString("01011980" + "00000000000" + "0" * 32).dump()),
        ("1.2.3.4", core.OctetString(b"ignored").dump()),
    )
    cert = _cert(key, cn="EMPRESA NOVA SA", others=others)
    signer = _read(_blob_for(BASE, key, cert=cert, sig_algo="sha256_ecdsa")).signers[0]
    assert signer.verified
    assert signer.name == "EMPRESA NOVA SA"
    assert signer.cnpj == "12ABC34501DE35"
    assert signer.cpf is None
    assert signer.kind == "e-CNPJ"
    assert signer.label() == "EMPRESA NOVA SA (CNPJ 12.ABC.345/01DE-35)"


def test_e_cpf_holder_and_two_common_names() -> None:
    others = (("2.16.76.1.3.1", core.OctetString(b"0101198011144477735" + b"0" * 32).dump()),)
    cert = _cert(_EC, cn="JOSE:11144477735", extra_cn="SEGUNDO", others=others)
    signer = _read(_blob_for(BASE, _EC, cert=cert, sig_algo="sha256_ecdsa")).signers[0]
    assert signer.name == "JOSE"
    assert signer.cpf == "11144477735"
    assert signer.kind == "e-CPF"
    assert signer.label() == "JOSE (CPF 111.444.777-35)"


def test_certificate_without_common_name() -> None:
    cert = _cert(_EC, cn=None)
    signer = _read(_blob_for(BASE, _EC, cert=cert, sig_algo="sha256_ecdsa")).signers[0]
    assert signer.name is None
    assert signer.label() == f"certificate serial 7 of {signer.issuer}"


def test_nested_content_that_is_not_a_signed_data() -> None:
    signed = cms.ContentInfo.load(_blob_for(BASE))
    encap = cms.EncapsulatedContentInfo(
        {"content_type": "signed_data", "content": core.ParsableOctetString(b"\x30\x00")}
    )
    content = signed["content"]
    content["version"] = "v3"
    content["encap_content_info"] = encap
    with pytest.raises(ecfmetric.SignatureError, match="cannot be read"):
        _read(signed.dump())


def test_nested_pkcs7_style() -> None:
    """A version-1 SignedData whose ContentInfo content is itself a SignedData (PKCS#7 style)."""
    inner = cms.ContentInfo.load(_blob_for(BASE))["content"]
    outer = cms.ContentInfo.load(_blob_for(inner.dump()))
    outer["content"]["encap_content_info"] = cms.ContentInfo(
        {"content_type": "signed_data", "content": inner}
    )
    signature = _read(outer.dump())
    assert [s.covers for s in signature.signers] == ["content", "signed_data"]
    assert signature.verified


def test_nested_without_content() -> None:
    outer = cms.ContentInfo.load(_blob_for(BASE))
    content = outer["content"]
    content["version"] = "v3"
    content["encap_content_info"] = cms.EncapsulatedContentInfo({"content_type": "signed_data"})
    with pytest.raises(ecfmetric.SignatureError, match="without its SignedData"):
        _read(outer.dump())


def test_other_unsigned_attribute_is_ignored() -> None:
    blob = cms.ContentInfo.load(_blob_for(BASE))
    info = blob["content"]["signer_infos"][0]
    info["unsigned_attrs"] = cms.CMSAttributes(
        [cms.CMSAttribute({"type": "signing_time", "values": [cms.Time({"utc_time": NOW})]})]
    )
    assert _read(blob.dump()).verified


def test_indefinite_signed_attributes_are_re_encoded() -> None:
    """A signed attribute stored with an indefinite length: checked over the DER form."""
    blob = _blob_for(BASE)
    info = cms.ContentInfo.load(blob)["content"]["signer_infos"][0]
    attribute = info["signed_attrs"][0]
    stored = attribute.dump()
    indefinite = b"\x30\x80" + attribute.contents + b"\x00\x00"
    # Lengths around it are definite: rebuild them with asn1crypto's parser.
    patched = _replace_definite(blob, stored, indefinite)
    assert patched != blob
    assert _read(patched).verified
    # And a changed value still fails over both forms.
    parsed = cms.ContentInfo.load(patched)
    value = bytearray(parsed["content"]["signer_infos"][0]["signature"].native)
    value[0] ^= 1
    parsed["content"]["signer_infos"][0]["signature"] = bytes(value)
    assert not _read(parsed.dump()).verified


def _replace_definite(blob: bytes, old: bytes, new: bytes) -> bytes:
    """``blob`` with the element ``old`` replaced by ``new``, every enclosing length fixed."""
    from asn1crypto import parser

    def rebuild(data: bytes) -> bytes:
        if data == old:
            return new
        class_, method, tag, _header, contents, _trailer = parser.parse(data)
        if method == 0 or old not in contents:
            return data
        parts = []
        pos = 0
        while pos < len(contents):
            length = parser.peek(contents[pos:])
            parts.append(rebuild(contents[pos : pos + length]))
            pos += length
        return parser.emit(class_, method, tag, b"".join(parts))

    return rebuild(blob)


# --- the command line ------------------------------------------------------------------------


def test_cli_check_reports_the_signature(capsys: pytest.CaptureFixture[str]) -> None:
    status = _cli.main(["--lang", "en", "--check", str(SIGNED / "two_signerinfos.ecf")])
    out = capsys.readouterr().out
    assert status == 0
    assert "Signature:" in out
    assert "PADARIA E CONFEITARIA PAO DOURADO LTDA (CNPJ 67.890.123/0001-16" in out
    assert "495E5D596B75C3B317ED092C54D60F03F21DF36A" in out
    assert "certificate chain not checked" in out


def test_cli_check_tampered_and_unsigned(capsys: pytest.CaptureFixture[str]) -> None:
    status = _cli.main(
        [
            "--lang",
            "en",
            "--check",
            str(SIGNED / "tampered_digit.ecf"),
            str(ROOT / "fixtures" / "real_annual_0012_crlf_latin1.txt"),
        ]
    )
    out = capsys.readouterr().out
    assert status == 1
    assert "NOT verified" in out
    assert "Signature: none" in out


def test_cli_check_bad_blob(capsys: pytest.CaptureFixture[str]) -> None:
    status = _cli.main(["--lang", "en", "--check", str(SIGNED / "truncated_blob.ecf")])
    out = capsys.readouterr().out
    assert status == 1
    assert "Signature: unreadable" in out
    assert "byte offset" in out


def test_cli_without_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without the extra, --check still runs: the signature is reported as not checked
    ("não verificada", in Portuguese, the CLI's default)."""
    monkeypatch.setitem(sys.modules, "ecfmetric.ecf._cms", None)
    monkeypatch.delattr("ecfmetric.ecf._cms", raising=False)
    status = _cli.main(["--check", str(SIGNED / "one_rsa_sha256.ecf")])
    out = capsys.readouterr().out
    assert status == 0
    assert "não verificada" in out
    assert "ecfmetric[signature]" in out


def test_cli_signature_flag(capsys: pytest.CaptureFixture[str]) -> None:
    status = _cli.main(["--lang", "en", "--signature", str(SIGNED / "one_rsa_sha256.ecf")])
    out = capsys.readouterr().out
    assert status == 0
    assert "Signed by PADARIA" in out


def test_cli_signature_json(capsys: pytest.CaptureFixture[str]) -> None:
    status = _cli.main(
        [
            "--lang",
            "en",
            "--signature",
            "--json",
            str(SIGNED / "one_rsa_sha256.ecf"),
            str(SIGNED / "marker_no_blob.ecf"),
            str(ROOT / "fixtures" / "not_ecf.txt"),
            str(ROOT / "missing.ecf"),
        ]
    )
    rows = json.loads(capsys.readouterr().out)
    assert status == 1
    assert rows[0]["signature"]["verified"] is True
    assert rows[1]["error"].endswith(
        "the signature marker SBRCAAEPDR is not followed by a signature"
    )
    assert rows[2]["signature"] is None
    assert "error" in rows[3]


def test_cli_signature_json_one_file(capsys: pytest.CaptureFixture[str]) -> None:
    status = _cli.main(["--signature", "--json", str(SIGNED / "tampered_digit.ecf")])
    row = json.loads(capsys.readouterr().out)
    assert status == 1
    assert row["signature"]["verified"] is False


# --- hostile blobs -----------------------------------------------------------------------------


_FUZZ_BASES = {
    name: (SIGNED / f"{name}.ecf").read_bytes()
    for name in ("two_signerinfos", "countersigned", "one_ecdsa_sha512")
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(_FUZZ_BASES)),
    where=st.floats(min_value=0, max_value=1),
    edit=st.sampled_from(["flip", "cut", "insert", "delete"]),
    byte=st.integers(0, 255),
)
def test_damaged_blob_is_a_result_or_an_ecf_error(
    name: str, where: float, edit: str, byte: int
) -> None:
    """Any damage to the blob gives a Signature or an EcfError, never another exception."""
    data = _FUZZ_BASES[name]
    start = data.index(MARKER) + len(MARKER)
    at = start + int(where * (len(data) - start - 1))
    if edit == "flip":
        damaged = data[:at] + bytes([data[at] ^ (byte or 1)]) + data[at + 1 :]
    elif edit == "cut":
        damaged = data[:at]
    elif edit == "insert":
        damaged = data[:at] + bytes([byte]) + data[at:]
    else:
        damaged = data[:at] + data[at + 1 :]
    failure: ecfmetric.EcfError | None = None
    try:
        signature = ecfmetric.read_signature(io.BytesIO(damaged))
    except ecfmetric.EcfError as error:
        failure = error
    if failure is not None:
        assert isinstance(failure, ecfmetric.SignatureError)
        assert start <= failure.offset <= len(damaged)
        return
    assert signature is not None
    assert signature.hashcode == hashlib.sha1(data[: start - len(MARKER)]).hexdigest().upper()
