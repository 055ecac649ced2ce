"""The PVA signature block after ``9999``: ``read_signature()`` and its result types.

The layout (see ``docs/signature.md``): the bytes of the file up to the line break that ends the
``|9999|`` line, then the 10 ASCII bytes ``SBRCAAEPDR``, then one CMS ``SignedData`` blob (BER) to
the end of the file. This module finds the marker while streaming and hashing the text; the
blob is parsed and checked by ``_cms`` (asn1crypto and cryptography, the ``signature`` extra),
imported only when a file is signed.
"""

from __future__ import annotations

import os
import re
from typing import Any, BinaryIO

import attrs

from ..base._errors import SignatureSupportError
from ..base._i18n import noop, tr
from ..model._model import SignatureSummary, SignerSummary
from ._limits import Limits, check_chunk_size, check_limits
from ._signature_scan import MARKER, MAX_BLOB, Found, Tap, hashing_needed, rehash
from ._signer import Signer
from ._sources import CHUNK_SIZE, Source, chunks_of, name_of, opened

__all__ = ["MARKER", "MAX_BLOB", "Signature", "Signer", "Tap", "read_signature", "verified"]

CHAIN_NOTE = noop(
    "signature matches the content; certificate chain not checked (no ICP-Brasil root, "
    "revocation or validity-at-signing-time check)"
)

_FILE_TYPE = re.compile(rb"(?:\xef\xbb\xbf)?\|0000\|([A-Z0-9]{4})\|")


@attrs.frozen
class Signature:
    """The signature block of a signed file, as ``read_signature()`` found it.

    ``hashcode`` is the PVA's "hashcode do arquivo": the SHA-1, 40 upper-case hex digits, of
    the first ``covered_bytes`` bytes of the file (every byte before the ``SBRCAAEPDR`` marker).
    ``verified`` is true when there is at least one signer and every signature checks: the
    digest of those bytes equals each signature's messageDigest (or the signature is over that
    digest directly), and each signature value verifies with its certificate's public key.
    ``reason`` says why not (in the language current when the file was read; ``chain_note``
    too). ``blocks`` counts the CMS blobs read (several may follow one
    another, each after its own marker or not); ``blob_offset`` is the first byte after the
    first marker and ``blob_size`` the bytes from there to the end. ``file_type`` is the second
    field of the ``0000`` line (``"LECF"``; ``"LECD"`` for an ECD), ``None`` if there is none.
    ``chain_checked`` is always ``False``: who issued the certificates is reported, not trusted.
    """

    hashcode: str
    signers: tuple[Signer, ...]
    verified: bool
    reason: str | None
    covered_bytes: int
    blob_offset: int
    blob_size: int
    blocks: int
    file_type: str | None
    source: str | None = None
    chain_checked: bool = False
    chain_note: str = attrs.field(factory=lambda: tr(CHAIN_NOTE).render(), eq=False)

    @property
    def covers(self) -> str:
        """What the digest was computed over, in words (in the current language)."""
        return tr(
            "bytes 0 to {last} of the file: everything before the SBRCAAEPDR marker at byte "
            "{marker}",
            last=self.covered_bytes - 1,
            marker=self.covered_bytes,
        ).render()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; datetimes in ISO 8601."""
        out: dict[str, Any] = {
            field.name: getattr(self, field.name) for field in attrs.fields(Signature)
        }
        out["signers"] = [signer.to_dict() for signer in self.signers]
        out["covers"] = self.covers
        return out

    def summary(self) -> str:
        """One short paragraph, in the current language: who signed, the hashcode, verified or
        why not, chain not checked."""
        who = "; ".join(signer.label() for signer in self.signers) or tr("nobody")
        failed = [signer for signer in self.signers if not signer.verified]
        if self.verified:
            state = tr(
                "Signatures verified over the {count} bytes before the marker",
                count=self.covered_bytes,
            )
        elif failed:
            state = tr(
                "NOT verified ({failed} of {count} signatures fail; signer {first}: {reason})",
                failed=len(failed),
                count=len(self.signers),
                first=self.signers.index(failed[0]) + 1,
                reason=failed[0].reason,
            )
        else:
            state = tr("NOT verified: {reason}", reason=self.reason)
        return tr(
            "Signed by {who}. Hashcode {hashcode}. {state}; certificate chain not checked.",
            who=who,
            hashcode=self.hashcode,
            state=state,
        ).render()


def summarize(signature: Signature) -> SignatureSummary:
    """What a metric and a proof row show of a signature: who signed, the hashcode, verified."""
    return SignatureSummary(
        hashcode=signature.hashcode,
        verified=signature.verified,
        reason=signature.reason,
        signers=tuple(
            SignerSummary(signer.name, signer.cnpj, signer.cpf, signer.verified)
            for signer in signature.signers
        ),
        chain_checked=signature.chain_checked,
    )


def read_signature(
    source: Source, *, chunk_size: int = CHUNK_SIZE, limits: Limits | None = None
) -> Signature | None:
    """Read and verify the PVA signature block of a SPED file (ECF; an ECD is read the same way).

    ``source`` is a path or a binary file object (read from its current position, not closed).
    The text is streamed in ``chunk_size`` pieces and hashed on the way: memory does not grow
    with the file. Only the first ``SBRCAAEPDR`` after the start of the ``9999`` line counts;
    the blob after it is bounded at :data:`MAX_BLOB` bytes.

    A ZIP or gzip is opened as :func:`~ecfmetric.read` opens it: the signature is read from the
    member whose figures ``read()`` gives (an archive that hides another ECF is refused), the
    bytes hashed are that member's, and the archive is read to its end (CRC checked).
    ``limits`` are :func:`~ecfmetric.read`'s.

    Returns ``None`` for a file without a signature block (no ``9999`` line, or no marker after
    it). A signature that does not check (a changed byte, a wrong key) gives a result with
    ``verified = False`` and a ``reason``, never an exception. Raises :class:`SignatureError`
    (an :class:`EcfFormatError`, with the byte ``offset``) for a marker with no blob
    (``NO_SIGNATURE_BLOB``), a blob that cannot be parsed (``BAD_SIGNATURE``) or too large a
    one (``SIGNATURE_TOO_LARGE``), and :class:`SignatureSupportError` (an :class:`EcfError`
    and an ``ImportError``) when the ``signature`` extra is not installed.
    """
    check_chunk_size(chunk_size)
    limits = check_limits(limits)
    name = name_of(source)
    raw_start = None if isinstance(source, (str, bytes, os.PathLike)) else _tell(source)
    with opened(source, limits, sniff=False) as readable:
        hashing = hashing_needed(source)
        found = _scan(readable, chunk_size, name, hashing)  # type: ignore[arg-type]
        readable.finish()
        # A plain file can seek (a second digest pass); a decompressed member cannot.
        stream: BinaryIO = readable.stream  # type: ignore[assignment]
        start = None
        if not readable.compressed:
            start = 0 if isinstance(source, (str, bytes, os.PathLike)) else raw_start
        if found is None:
            return None
        return verified(found, name, None if start is None else (stream, start))


def verified(
    found: Found, name: str | None, again: tuple[BinaryIO, int] | None = None
) -> Signature:
    """The signature ``found`` by a scan, checked (``_cms``); ``again`` is where the covered
    bytes can be read a second time (a stream and its start), for a digest not streamed."""
    try:
        from . import (
            _cms,
        )  # seam: the signature extra (asn1crypto, cryptography), only for a signed file
    except ImportError as error:
        raise SignatureSupportError(
            tr(
                "reading a signature needs asn1crypto and cryptography ({error}): "
                "pip install 'ecfmetric[signature]'",
                error=str(error),
            )
        ) from error

    def digest(algorithm: str) -> bytes | None:
        if algorithm in found.digests:
            return found.digests[algorithm]
        if again is None:
            return None
        stream, start = again
        found.digests[algorithm] = rehash(stream, start, found.marker_offset, algorithm)
        return found.digests[algorithm]

    blocks, signers = _cms.read_blocks(found.tail, found.marker_offset + len(MARKER), digest, name)
    reason = _reason(signers)
    sha1 = digest("sha1")
    if sha1 is None:  # pragma: no cover - a Tap hashes what cannot be read again
        raise ValueError("the signed bytes were neither hashed nor can be read again")
    return Signature(
        hashcode=sha1.hex().upper(),
        signers=tuple(signers),
        verified=reason is None,
        reason=reason,
        covered_bytes=found.marker_offset,
        blob_offset=found.marker_offset + len(MARKER),
        blob_size=len(found.tail),
        blocks=blocks,
        file_type=_file_type(found.head),
        source=name,
    )


def _scan(stream: BinaryIO, chunk_size: int, name: str | None, hashing: bool) -> Found | None:
    """Find the first marker after the start of the 9999 line, hashing every byte before it."""
    tap = Tap(name, hashing=hashing)
    for chunk in chunks_of(stream, chunk_size):
        tap.feed(chunk)
    return tap.close()


def _tell(stream: BinaryIO) -> int | None:
    """Where the stream starts, if it can be read again from there (for a second digest)."""
    try:
        return stream.tell() if stream.seekable() else None
    except (AttributeError, OSError, ValueError):
        return None


def _reason(signers: list[Signer]) -> str | None:
    if not signers:
        return tr("the blob holds no signature (no SignerInfo)").render()
    failed = [
        tr(
            "signer {index} ({who}): {reason}",
            index=index,
            who=signer.name or tr("serial {serial}", serial=signer.serial),
            reason=signer.reason,
        ).render()
        for index, signer in enumerate(signers, 1)
        if not signer.verified
    ]
    return "; ".join(failed) if failed else None


def _file_type(head: bytes) -> str | None:
    match = _FILE_TYPE.match(head)
    return match.group(1).decode("ascii") if match else None
