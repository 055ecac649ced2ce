"""Checking one signature value of a CMS SignerInfo (RFC 5652, sections 5.4 and 5.6) with
cryptography: the digest against the ``messageDigest`` attribute, the certificate against the
signed ``signingCertificate(V2)`` attribute, the signature against the certificate's key.

Part of the ``signature`` extra, imported with :mod:`._cms` only when a file is signed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from asn1crypto import core
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils
from cryptography.hazmat.primitives.serialization import load_der_public_key

from ..base._i18n import Message, tr

#: Digests a signature may use. MD5 and anything else: the signer is not verified, with a reason.
HASHES: dict[str, Callable[[], hashes.HashAlgorithm]] = {
    "sha1": hashes.SHA1,
    "sha224": hashes.SHA224,
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}

Digest = Callable[[str], "bytes | None"]


def verify(
    signer_info: Any,
    cert: Any,
    digest: Digest,
    digest_algorithm: str,
    attributes: dict[str, Any],
    has_attrs: bool,
) -> Message | None:
    """``None`` when the signature checks, else why not."""
    if digest_algorithm not in HASHES:
        return tr("digest algorithm {name} is not supported", name=digest_algorithm)
    if cert is None:
        return tr(
            "the blob does not carry the certificate this signature names (issuer and serial)"
        )
    content = digest(digest_algorithm)
    if content is None:
        return tr(
            "the {name} digest needs a second pass over the file and the source cannot seek: "
            "pass a path or a seekable file",
            name=digest_algorithm,
        )
    if has_attrs:
        wrong = _signing_certificate(signer_info["signed_attrs"], cert)
        if wrong is not None:
            return wrong
        expected = attributes.get("message_digest")
        if not isinstance(expected, bytes):
            return tr("the signed attributes have no messageDigest")
        if expected != content:
            return tr(
                "the {name} digest of the signed bytes differs from the messageDigest the "
                "signature holds: the content changed after signing (or the signature is over "
                "other bytes)",
                name=digest_algorithm,
            )
        candidates = _signed_attrs_der(signer_info["signed_attrs"])
        prehashed = False
    else:
        candidates = [content]
        prehashed = True
    key_algorithm = cert.public_key.algorithm
    if key_algorithm not in _USABLE_KEYS:
        # Checked before loading: cryptography 51+ warns on loading a DSA key, and a caller
        # running with warnings as errors would get that instead of this answer.
        return tr("a {name} key is not supported (RSA or EC only)", name=key_algorithm)
    try:
        key = load_der_public_key(cert.public_key.dump())
    except (ValueError, UnsupportedAlgorithm) as error:
        return tr("the certificate's public key cannot be used: {error}", error=str(error))
    for data in candidates:
        reason = _check_value(key, signer_info, digest_algorithm, data, prehashed)
        if reason is None:
            break
    return reason


def _signing_certificate(signed_attrs: Any, cert: Any) -> Message | None:
    """RFC 5035 / RFC 2634: a signed signingCertificateV2 (or signingCertificate) attribute
    binds the signature to one certificate by its hash; the certificate found must be that one,
    or another certificate (another name) could be put beside the same signature value.

    ``None`` when the attribute is absent or names the certificate found; else why not.
    """
    der = bytes(cert.dump())
    for attribute in signed_attrs:
        kind = attribute["type"].native
        if kind not in ("signing_certificate_v2", "signing_certificate"):
            continue
        for value in attribute["values"]:
            ids = value["certs"]
            if not len(ids):
                return tr("the {kind} attribute names no certificate", kind=kind)
            first = ids[0]
            if kind == "signing_certificate_v2":
                algorithm = str(first["hash_algorithm"]["algorithm"].native)
            else:
                algorithm = "sha1"
            if algorithm not in HASHES:
                return tr(
                    "the {kind} attribute uses {algorithm}, which is not supported",
                    kind=kind,
                    algorithm=algorithm,
                )
            if hashlib.new(algorithm, der).digest() != bytes(first["cert_hash"].native):
                return tr(
                    "the {kind} signed attribute names another certificate than the one the "
                    "blob carries for this signature (its hash differs)",
                    kind=kind,
                )
            serial = first["issuer_serial"]
            if not isinstance(serial, core.Void) and serial["serial_number"].native != (
                cert.serial_number
            ):
                return tr("the {kind} attribute names another certificate serial number", kind=kind)
    return None


def _signed_attrs_der(signed_attrs: Any) -> list[bytes]:
    """The ``SET OF`` the signature is over: the stored bytes with the ``[0]`` tag turned into
    ``SET`` (0x31); then, if that is not DER (an attribute stored with an indefinite length),
    asn1crypto's DER re-encoding (it sorts the set)."""
    stored = b"\x31" + bytes(signed_attrs.dump())[1:]
    der = bytes(signed_attrs.untag().dump(force=True))
    return [stored] if der == stored else [stored, der]


_USABLE_KEYS = frozenset({"rsa", "rsassa_pss", "ec"})


def _check_value(
    key: Any, signer_info: Any, digest_algorithm: str, data: bytes, prehashed: bool
) -> Message | None:
    algorithm = signer_info["signature_algorithm"]
    signature = signer_info["signature"].native
    chosen: hashes.HashAlgorithm = HASHES[digest_algorithm]()
    hashed: hashes.HashAlgorithm | utils.Prehashed = (
        utils.Prehashed(chosen) if prehashed else chosen
    )
    try:
        kind = algorithm.signature_algo
    except ValueError:
        return tr("signature algorithm {name} is not supported", name=algorithm["algorithm"].native)
    try:
        if isinstance(key, rsa.RSAPublicKey) and kind == "rsassa_pkcs1v15":
            key.verify(signature, data, padding.PKCS1v15(), hashed)
        elif isinstance(key, rsa.RSAPublicKey) and kind == "rsassa_pss":
            params = algorithm["parameters"]
            pss_hash = str(params["hash_algorithm"]["algorithm"].native)
            mgf_hash = str(params["mask_gen_algorithm"]["parameters"]["algorithm"].native)
            if pss_hash != digest_algorithm or mgf_hash not in HASHES:
                return tr(
                    "RSASSA-PSS with {pss}/{mgf} for a {name} digest is not supported",
                    pss=pss_hash,
                    mgf=mgf_hash,
                    name=digest_algorithm,
                )
            pss = padding.PSS(
                mgf=padding.MGF1(HASHES[mgf_hash]()), salt_length=params["salt_length"].native
            )
            key.verify(signature, data, pss, hashed)
        elif isinstance(key, ec.EllipticCurvePublicKey) and kind == "ecdsa":
            key.verify(signature, data, ec.ECDSA(hashed))
        else:
            return tr(
                "a {kind} signature with a {key} key is not supported",
                kind=kind,
                key=type(key).__name__.lstrip("_"),
            )
    except InvalidSignature:
        return tr("the signature value does not verify with the certificate's public key")
    return None
