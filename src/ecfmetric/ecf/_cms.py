"""Parsing and checking the CMS blob(s) of a signature block: asn1crypto and cryptography.

Imported by ``read_signature()`` only when a file is signed (the ``signature`` extra). No ASN.1 is
parsed by hand: asn1crypto reads the BER, cryptography checks the signature values.

Checking one SignerInfo (RFC 5652, section 5.4 and 5.6): find its certificate by issuer and
serial (or subject key identifier); with signed attributes, the digest of the content must
equal the ``messageDigest`` attribute and the signature must verify over the DER ``SET OF`` of
the signed attributes; without them, the signature must verify over the content's digest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any, Literal

from asn1crypto import cms, core, parser
from asn1crypto import tsp as _tsp  # noqa: F401 - names the signingCertificate(V2) attributes
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils
from cryptography.hazmat.primitives.serialization import load_der_public_key

from ..base._errors import SignatureError
from ..base._i18n import Message, tr
from ._signature import MARKER, Signer

#: Digests a signature may use. MD5 and anything else: the signer is not verified, with a reason.
HASHES: dict[str, Callable[[], hashes.HashAlgorithm]] = {
    "sha1": hashes.SHA1,
    "sha224": hashes.SHA224,
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}

# ICP-Brasil otherNames in subjectAltName (DOC-ICP-04).
_E_CPF_HOLDER = "2.16.76.1.3.1"
_CNPJ = "2.16.76.1.3.3"
_RESPONSIBLE = "2.16.76.1.3.4"
_SHORT = {
    "common_name": "CN",
    "organizational_unit_name": "OU",
    "organization_name": "O",
    "country_name": "C",
    "state_or_province_name": "ST",
    "locality_name": "L",
    "serial_number": "serialNumber",
    "email_address": "emailAddress",
}
_PADDING = b"\r\n\t \x00"
#: How deep counter-signatures (and SignedData nested in SignedData) may go. A PVA file has two
#: signatures side by side; deeper nesting is refused (BAD_SIGNATURE), never followed into a
#: RecursionError.
MAX_NESTING = 8
#: The most signatures one blob may hold: each costs a public-key operation.
MAX_SIGNERS = 64

Digest = Callable[[str], "bytes | None"]


def read_blocks(
    tail: bytes, offset: int, digest: Digest, name: str | None
) -> tuple[int, list[Signer]]:
    """Every CMS blob in ``tail`` (the bytes after the first marker, at file ``offset``) and the
    signers they hold. Blobs may follow one another, each after its own marker or not; trailing
    line breaks, blanks or NULs are ignored; anything else is a :class:`SignatureError`."""
    signers: list[Signer] = []
    blocks = 0
    pos = 0
    while True:
        if blocks and tail.startswith(MARKER, pos):
            pos += len(MARKER)
        rest = tail[pos:]
        if blocks and not rest.strip(_PADDING):
            return blocks, signers
        length = _element_length(rest, offset + pos, name)
        try:
            _read_blob(rest[:length], digest, signers)
        except RecursionError:
            raise _bad(
                tr("the signature blob is nested too deeply to be read"), offset + pos, name
            ) from None
        except (ValueError, TypeError, KeyError, IndexError, AttributeError) as error:
            raise _bad(
                tr(
                    "the signature blob cannot be read: {error}",
                    error=error.message if isinstance(error, _NotPva) else str(error),
                ),
                offset + pos,
                name,
            ) from None
        blocks += 1
        pos += length


def _element_length(data: bytes, offset: int, name: str | None) -> int:
    if data[:1] != b"\x30":
        raise _bad(
            tr(
                "expected a CMS ContentInfo (a BER SEQUENCE, byte 0x30), got byte {byte}",
                byte=f"0x{data[0]:02X}",
            ),
            offset,
            name,
        )
    try:
        return int(parser.peek(data))
    except ValueError as error:
        if "Insufficient data" in str(error):
            raise _bad(
                tr(
                    "the signature blob is cut short: the file ends at byte offset {end} "
                    "before the blob does",
                    end=offset + len(data),
                ),
                offset,
                name,
            ) from None
        raise _bad(
            tr("the signature blob cannot be read: {error}", error=str(error)), offset, name
        ) from None


def _bad(reason: Message, offset: int, name: str | None) -> SignatureError:
    return SignatureError(reason, offset=offset, source=name, code="BAD_SIGNATURE")


class _NotPva(ValueError):
    """A blob that parses but is not what the PVA writes; ``message`` says why, for a person."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.message = message


def _read_blob(blob: bytes, digest: Digest, signers: list[Signer]) -> None:
    info = cms.ContentInfo.load(blob, strict=True)
    kind = info["content_type"].native
    if kind != "signed_data":
        raise _NotPva(tr("a CMS {kind!r}, not signedData", kind=kind))
    _read_signed_data(info["content"], digest, signers, [], 0)


def _deeper(depth: int) -> int:
    if depth >= MAX_NESTING:
        raise _NotPva(
            tr(
                "signatures nested more than {limit} deep (counter-signatures of "
                "counter-signatures, or SignedData inside SignedData): not a PVA signature",
                limit=MAX_NESTING,
            )
        )
    return depth + 1


def _add(signers: list[Signer], signer: Signer) -> None:
    if len(signers) >= MAX_SIGNERS:
        raise _NotPva(
            tr("more than {limit} signatures in one blob: not a PVA signature", limit=MAX_SIGNERS)
        )
    signers.append(signer)


def _read_signed_data(
    signed: Any, digest: Digest, signers: list[Signer], outer_certs: list[Any], depth: int
) -> None:
    certs = [
        choice.chosen for choice in signed["certificates"] if choice.name == "certificate"
    ] + outer_certs
    encap = signed["encap_content_info"]
    inner = _nested(encap)
    content_digest = digest
    covers: Literal["content", "signed_data"] = "content"
    if inner is not None:
        # A signature over a SignedData: its own signers sign the file; the outer ones sign it.
        _read_signed_data(inner[0], digest, signers, certs, _deeper(depth))
        data = inner[1]

        def content_digest(algorithm: str) -> bytes | None:
            return hashlib.new(algorithm, data).digest()

        covers = "signed_data"
    for signer_info in signed["signer_infos"]:
        _add(signers, _check(signer_info, certs, content_digest, covers, None))
        _countersignatures(signer_info, certs, signers, len(signers), 0)


def _nested(encap: Any) -> tuple[Any, bytes] | None:
    """The SignedData nested as the eContent (of type signedData) and its bytes, or ``None``."""
    if encap["content_type"].native != "signed_data":
        return None
    content = encap["content"]
    if isinstance(content, cms.SignedData):  # in a PKCS#7-style (version 1) ContentInfo
        return content, bytes(content.dump())
    if not isinstance(content, core.OctetString | core.ParsableOctetString):
        raise ValueError("an eContent of type signedData without its SignedData")
    data = bytes(content)
    return cms.SignedData.load(data, strict=True), data


def _countersignatures(
    signer_info: Any, certs: list[Any], signers: list[Signer], index: int, depth: int
) -> None:
    """RFC 5652 section 11.4: each counter-signature is over the signature value of its parent."""
    unsigned = signer_info["unsigned_attrs"]
    if isinstance(unsigned, core.Void):
        return
    value = signer_info["signature"].native
    deeper = _deeper(depth) if len(unsigned) else depth
    for attribute in unsigned:
        if attribute["type"].native != "counter_signature":
            continue
        for counter in attribute["values"]:

            def parent_digest(algorithm: str) -> bytes | None:
                return hashlib.new(algorithm, value).digest()

            _add(signers, _check(counter, certs, parent_digest, "signature", index))
            _countersignatures(counter, certs, signers, len(signers), deeper)


def _check(
    signer_info: Any,
    certs: list[Any],
    digest: Digest,
    covers: Literal["content", "signature", "signed_data"],
    countersigns: int | None,
) -> Signer:
    sid = signer_info["sid"]
    cert = _certificate(sid, certs)
    digest_algorithm = str(signer_info["digest_algorithm"]["algorithm"].native)
    algorithm = signer_info["signature_algorithm"]
    signed_attrs = signer_info["signed_attrs"]
    has_attrs = not isinstance(signed_attrs, core.Void)
    attributes = _attributes(signed_attrs) if has_attrs else {}
    signing_time = attributes.get("signing_time")
    if sid.name == "issuer_and_serial_number":
        issuer = _name(sid.chosen["issuer"])
        serial = format(sid.chosen["serial_number"].native, "X")
    else:
        issuer = tr(
            "(unknown: the signature names its certificate by subject key identifier)"
        ).render()
        serial = ""
    if cert is not None:
        issuer = _name(cert.issuer)
        serial = format(cert.serial_number, "X")
    reason = _verify(signer_info, cert, digest, digest_algorithm, attributes, has_attrs)
    fields = _identity(cert)
    return Signer(
        name=fields["name"],
        cnpj=fields["cnpj"],
        cpf=fields["cpf"],
        kind=fields["kind"],
        subject=None if cert is None else _name(cert.subject),
        issuer=issuer,
        serial=serial,
        valid_from=None if cert is None else cert.not_valid_before,
        valid_until=None if cert is None else cert.not_valid_after,
        digest_algorithm=digest_algorithm,
        signature_algorithm=str(algorithm["algorithm"].native),
        signed_attributes=has_attrs,
        signing_time=signing_time if isinstance(signing_time, dt.datetime) else None,
        covers=covers,
        countersigns=countersigns,
        verified=reason is None,
        reason=None if reason is None else reason.render(),
    )


def _attributes(signed_attrs: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for attribute in signed_attrs:
        values = attribute["values"]
        out[str(attribute["type"].native)] = values[0].native if len(values) == 1 else None
    return out


def _certificate(sid: Any, certs: list[Any]) -> Any:
    """The certificate the SignerInfo names, by issuer and serial (never just the first one)."""
    if sid.name == "issuer_and_serial_number":
        serial = sid.chosen["serial_number"].native
        issuer = sid.chosen["issuer"]
        for cert in certs:
            if cert.serial_number == serial and cert.issuer == issuer:
                return cert
        return None
    key_id = sid.chosen.native
    for cert in certs:
        if cert.key_identifier == key_id:
            return cert
    return None


def _verify(
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


def _identity(cert: Any) -> dict[str, str | None]:
    """Name, CNPJ, CPF and kind (e-CNPJ, e-CPF) from an ICP-Brasil certificate."""
    out: dict[str, str | None] = {"name": None, "cnpj": None, "cpf": None, "kind": None}
    if cert is None:
        return out
    common = cert.subject.native.get("common_name")
    if isinstance(common, list):
        common = common[0] if common else None
    if isinstance(common, str):
        head, _, digits = common.rpartition(":")
        out["name"] = head if head and digits.isdigit() else common
    others: dict[str, str] = {}
    for general_name in cert.subject_alt_name_value or ():
        if general_name.name == "other_name":
            value = general_name.chosen["value"].native
            text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
            others[general_name.chosen["type_id"].dotted] = text.strip()
    cnpj = others.get(_CNPJ, "")[:14]
    if len(cnpj) == 14 and cnpj.isalnum() and cnpj.strip("0"):
        out["cnpj"] = cnpj.upper()
        out["kind"] = "e-CNPJ"
    person = others.get(_RESPONSIBLE) or others.get(_E_CPF_HOLDER) or ""
    cpf = person[8:19]
    if len(cpf) == 11 and cpf.isdigit() and cpf.strip("0"):
        out["cpf"] = cpf
    if out["kind"] is None and _E_CPF_HOLDER in others:
        out["kind"] = "e-CPF"
    return out


def _name(name: Any) -> str:
    """An X.500 name as ``CN=…, OU=…, O=…, C=…`` (most specific first, as RFC 4514)."""
    parts = []
    for rdn in reversed(name.chosen):
        for pair in rdn:
            key = pair["type"].native
            value = pair["value"].native
            parts.append(f"{_SHORT.get(key, key)}={value}")
    return ", ".join(parts)
