"""Parsing the CMS blob(s) of a signature block with asn1crypto, and checking each signer.

Imported by ``read_signature()`` only when a file is signed (the ``signature`` extra). No ASN.1 is
parsed by hand: asn1crypto reads the BER, cryptography checks the signature values.

This module walks the blobs: SignedData, a SignedData nested in one, counter-signatures, each
SignerInfo becoming a :class:`~._signature.Signer`. Checking one SignerInfo (RFC 5652, section
5.4 and 5.6): find its certificate by issuer and serial (or subject key identifier) and read
its holder (:mod:`._cms_certificate`); with signed attributes, the digest of the content must
equal the ``messageDigest`` attribute and the signature must verify over the DER ``SET OF`` of
the signed attributes; without them, the signature must verify over the content's digest
(:mod:`._cms_verify`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, Literal

from asn1crypto import cms, core, parser
from asn1crypto import tsp as _tsp  # noqa: F401 - names the signingCertificate(V2) attributes

from ..base._errors import SignatureError
from ..base._i18n import Message, tr
from ._cms_certificate import certificate, identity, x500_name
from ._cms_verify import Digest, verify
from ._signature_scan import MARKER
from ._signer import Signer

_PADDING = b"\r\n\t \x00"
#: How deep counter-signatures (and SignedData nested in SignedData) may go. A PVA file has two
#: signatures side by side; deeper nesting is refused (BAD_SIGNATURE), never followed into a
#: RecursionError.
MAX_NESTING = 8
#: The most signatures one blob may hold: each costs a public-key operation.
MAX_SIGNERS = 64


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
    cert = certificate(sid, certs)
    digest_algorithm = str(signer_info["digest_algorithm"]["algorithm"].native)
    algorithm = signer_info["signature_algorithm"]
    signed_attrs = signer_info["signed_attrs"]
    has_attrs = not isinstance(signed_attrs, core.Void)
    attributes = _attributes(signed_attrs) if has_attrs else {}
    signing_time = attributes.get("signing_time")
    if sid.name == "issuer_and_serial_number":
        issuer = x500_name(sid.chosen["issuer"])
        serial = format(sid.chosen["serial_number"].native, "X")
    else:
        issuer = tr(
            "(unknown: the signature names its certificate by subject key identifier)"
        ).render()
        serial = ""
    if cert is not None:
        issuer = x500_name(cert.issuer)
        serial = format(cert.serial_number, "X")
    reason = verify(signer_info, cert, digest, digest_algorithm, attributes, has_attrs)
    fields = identity(cert)
    return Signer(
        name=fields["name"],
        cnpj=fields["cnpj"],
        cpf=fields["cpf"],
        kind=fields["kind"],
        subject=None if cert is None else x500_name(cert.subject),
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
