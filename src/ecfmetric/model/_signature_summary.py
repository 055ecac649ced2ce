"""Who signed a file, as a metric or a proof row shows it; and its checked loading."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import attrs

from ..base._i18n import tr
from ._load import array, at, boolean, fail, obj, optional_string, shape_keys, short, string

if TYPE_CHECKING:
    # Annotations only: read() need not load types.py (nor typing_extensions).
    from ..types import SignatureSummaryDict, SignerSummaryDict

_HASHCODE = re.compile(r"[0-9A-F]{40}")


@attrs.frozen
class SignerSummary:
    """One signer of a signed file, as a metric or a proof row shows it."""

    name: str | None
    cnpj: str | None
    cpf: str | None
    verified: bool

    def to_dict(self) -> SignerSummaryDict:
        """A JSON-ready dict."""
        return {"name": self.name, "cnpj": self.cnpj, "cpf": self.cpf, "verified": self.verified}


@attrs.frozen
class SignatureSummary:
    """Who signed the file and its PVA hashcode, shown beside the figure.

    ``verified`` says that every signature matches the content; the certificate chain
    (ICP-Brasil roots, revocation) is not checked (``chain_checked`` is ``False``).
    :func:`ecfmetric.read_signature` gives the whole :class:`~ecfmetric.Signature`.
    """

    hashcode: str
    verified: bool
    reason: str | None
    signers: tuple[SignerSummary, ...]
    chain_checked: bool = False

    def to_dict(self) -> SignatureSummaryDict:
        """A JSON-ready dict."""
        return {
            "hashcode": self.hashcode,
            "verified": self.verified,
            "reason": self.reason,
            "signers": [signer.to_dict() for signer in self.signers],
            "chain_checked": self.chain_checked,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SignatureSummary:
        """The inverse of :meth:`to_dict`, checked (:class:`~ecfmetric.BadProofDataError`)."""
        return signature_summary(data, "")

    def signed_by(self) -> str:
        """The signers' names (with their CNPJ or CPF), comma-separated."""
        return ", ".join(
            " ".join(p for p in (s.name, s.cnpj or s.cpf) if p) or "?" for s in self.signers
        )


def _signer(value: object, path: str) -> SignerSummary:
    signer = obj(value, path, shape_keys("SignerSummaryDict"))
    return SignerSummary(
        optional_string(signer["name"], at(path, "name")),
        optional_string(signer["cnpj"], at(path, "cnpj")),
        optional_string(signer["cpf"], at(path, "cpf")),
        boolean(signer["verified"], at(path, "verified")),
    )


def signature_summary(value: object, path: str) -> SignatureSummary:
    """A :class:`SignatureSummary` from its dict."""
    data = obj(value, path, shape_keys("SignatureSummaryDict"))
    hashcode = string(data["hashcode"], at(path, "hashcode"))
    if not _HASHCODE.fullmatch(hashcode):
        fail(
            at(path, "hashcode"),
            tr("must be 40 hexadecimal digits in capitals, got {got}", got=short(hashcode)),
        )
    signers = [
        _signer(item, at(at(path, "signers"), i))
        for i, item in enumerate(array(data["signers"], at(path, "signers")))
    ]
    verified = boolean(data["verified"], at(path, "verified"))
    reason = optional_string(data["reason"], at(path, "reason"))
    # What read_signature() gives: verified exactly when there is a signer and every one
    # verifies, a reason exactly when not, and the chain never checked.
    if verified != (bool(signers) and all(signer.verified for signer in signers)):
        fail(
            at(path, "verified"),
            tr("must be true exactly when there is a signer and every signer is verified"),
        )
    if (reason is None) != verified:
        fail(at(path, "reason"), tr("a reason is given exactly when the signature is not verified"))
    chain_checked = boolean(data["chain_checked"], at(path, "chain_checked"))
    if chain_checked:
        fail(at(path, "chain_checked"), tr("the library never checks the certificate chain"))
    return SignatureSummary(
        hashcode=hashcode,
        verified=verified,
        reason=reason,
        signers=tuple(signers),
        chain_checked=chain_checked,
    )
