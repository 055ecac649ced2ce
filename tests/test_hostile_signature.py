"""Signatures of issue 23: read from the member read() reads, through ZIP and gzip and in the
CLI; counter-signatures nested deep refused; signingCertificateV2 checked.

Blobs are built here with asn1crypto and signed with cryptography (test_signature.py's helpers);
the signed fixture is fixtures/signed/one_rsa_sha256.ecf, whose sidecar says it verifies.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from asn1crypto import algos, cms
from asn1crypto import tsp as _tsp  # noqa: F401 - registers signing_certificate(_v2)
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

import ecfmetric
from ecfmetric.cli import _cli
from test_signature import _RSA, BASE, MARKER, _blob_for, _cert, _read, _replace_definite

SIGNED = Path(__file__).parent.parent / "fixtures" / "signed" / "one_rsa_sha256.ecf"


def zipped(*members: tuple[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members:
            archive.writestr(name, content)
    return buffer.getvalue()


# -- one signature, from the member read() reads --------------------------------------------


@pytest.mark.parametrize("pack", ["zip", "gzip"])
def test_read_signature_and_the_cli_see_the_member_read(
    pack: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    signed = SIGNED.read_bytes()
    data = zipped(("ECF.txt", signed)) if pack == "zip" else gzip.compress(signed)
    path = tmp_path / f"upload.{pack}"
    path.write_bytes(data)
    plain = ecfmetric.read_signature(SIGNED)
    assert plain is not None
    assert plain.verified
    found = ecfmetric.read_signature(path)
    assert found is not None
    assert (found.hashcode, found.verified) == (plain.hashcode, True)
    metric = ecfmetric.read(path, signature=True)
    assert metric.signature is not None
    assert (metric.signature.hashcode, metric.signature.verified) == (plain.hashcode, True)
    # The CLI says the same (before, --signature on a ZIP said "no signature").
    status = _cli.main(["--signature", "--json", str(path)])
    row = json.loads(capsys.readouterr().out)
    assert status == 0
    assert row["signature"]["verified"] is True
    assert row["signature"]["hashcode"] == plain.hashcode


def test_a_signed_file_hidden_beside_an_edited_one_is_refused_by_the_signature_reader() -> None:
    signed = SIGNED.read_bytes()
    edited = signed[: signed.index(MARKER)].replace(b"|L300|", b"|L300|", 1)
    archive = zipped(("ECF.txt", edited), (".DS_Store", signed))
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        ecfmetric.read_signature(io.BytesIO(archive))
    assert caught.value.code == "ZIP_MEMBERS"
    with pytest.raises(ecfmetric.EcfFormatError):
        ecfmetric.read_bytes(archive, signature=True)


# -- nesting ------------------------------------------------------------------------------------


def _emit(tag: int, content: bytes) -> bytes:
    size = len(content)
    if size < 0x80:
        return bytes([tag, size]) + content
    length = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(length)]) + length + content


_COUNTER_SIGNATURE = bytes(cms.CMSAttributeType("counter_signature").dump())


def _nested_counter_signatures(depth: int) -> bytes:
    """The blob of _blob_for(BASE) whose SignerInfo is counter-signed ``depth`` times over, each
    counter-signature counter-signed again (DER built by hand: asn1crypto would recurse)."""
    blob = _blob_for(BASE)
    info = bytes(cms.ContentInfo.load(blob)["content"]["signer_infos"][0].dump())
    header = 4 if info[1] == 0x82 else (3 if info[1] == 0x81 else 2)
    contents = info[header:]
    nested = info
    for _ in range(depth):
        attribute = _emit(0x30, _COUNTER_SIGNATURE + _emit(0x31, nested))
        nested = _emit(0x30, contents + _emit(0xA1, attribute))
    return _replace_definite(blob, info, nested)


def test_counter_signatures_nested_deep_are_bad_signature_not_recursion_error() -> None:
    blob = _nested_counter_signatures(1_000)
    with pytest.raises(ecfmetric.SignatureError) as caught:
        _read(blob)
    assert caught.value.code == "BAD_SIGNATURE"
    assert "nested" in str(caught.value)


def test_the_cli_says_bad_signature_for_deep_nesting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "deep.txt"
    path.write_bytes(BASE + MARKER + _nested_counter_signatures(1_000))
    status = _cli.main(["--signature", str(path)])
    assert status == 1
    assert "aninhadas em mais de" in capsys.readouterr().out  # Portuguese, the CLI's default


# -- signingCertificateV2 -------------------------------------------------------------------


def _blob_with_signing_certificate(cert_der_for_hash: bytes, *, v2: bool = True) -> bytes:
    cert = _cert(_RSA)
    der = cert.public_bytes(serialization.Encoding.DER)
    parsed = asn1_x509.Certificate.load(der)
    attributes: list[Any] = [
        cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
        cms.CMSAttribute({"type": "message_digest", "values": [hashlib.sha256(BASE).digest()]}),
    ]
    if v2:
        attributes.append(
            cms.CMSAttribute(
                {
                    "type": "signing_certificate_v2",
                    "values": [
                        {
                            "certs": [
                                {
                                    "hash_algorithm": {"algorithm": "sha256"},
                                    "cert_hash": hashlib.sha256(cert_der_for_hash).digest(),
                                }
                            ]
                        }
                    ],
                }
            )
        )
    else:
        attributes.append(
            cms.CMSAttribute(
                {
                    "type": "signing_certificate",
                    "values": [
                        {"certs": [{"cert_hash": hashlib.sha1(cert_der_for_hash).digest()}]}
                    ],
                }
            )
        )
    signed_attrs = cms.CMSAttributes(attributes)
    signature = _RSA.sign(signed_attrs.dump(), padding.PKCS1v15(), hashes.SHA256())
    info = cms.SignerInfo(
        {
            "version": "v1",
            "sid": {
                "issuer_and_serial_number": {
                    "issuer": parsed.issuer,
                    "serial_number": parsed.serial_number,
                }
            },
            "digest_algorithm": {"algorithm": "sha256"},
            "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": "rsassa_pkcs1v15"}),
            "signature": signature,
            "signed_attrs": signed_attrs,
        }
    )
    signed = {
        "version": "v1",
        "digest_algorithms": [{"algorithm": "sha256"}],
        "encap_content_info": {"content_type": "data"},
        "signer_infos": [info],
        "certificates": [parsed],
    }
    return bytes(cms.ContentInfo({"content_type": "signed_data", "content": signed}).dump())


def test_signing_certificate_v2_naming_the_certificate_verifies() -> None:
    der = _cert(_RSA).public_bytes(serialization.Encoding.DER)
    assert _read(_blob_with_signing_certificate(der)).verified
    assert _read(_blob_with_signing_certificate(der, v2=False)).verified


def test_signing_certificate_v2_naming_another_certificate_fails() -> None:
    """The signature binds another certificate (another name): the one beside it is not the
    signer's, whatever the signature value says."""
    other = _cert(_RSA, cn="OUTRA PESSOA:98765432100", serial=8)
    blob = _blob_with_signing_certificate(other.public_bytes(serialization.Encoding.DER))
    signature = _read(blob)
    assert not signature.verified
    assert "names another certificate" in (signature.signers[0].reason or "")
    blob = _blob_with_signing_certificate(other.public_bytes(serialization.Encoding.DER), v2=False)
    assert not _read(blob).verified
