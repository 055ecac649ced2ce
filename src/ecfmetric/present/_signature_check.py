"""A file's signature as the command line shows it: ``--check`` reports it, ``--signature`` shows
only it."""

from __future__ import annotations

from typing import Any

import attrs

from ..base._errors import EcfError, SignatureSupportError, os_error_message
from ..base._i18n import Language, language, tr
from ..ecf._signature import Signature, read_signature
from ..ecf._sources import Source
from ..model._labels import date, section


@attrs.frozen
class SignatureCheck:
    """What the CLI found about one file's signature."""

    path: str
    signature: Signature | None
    error: str | None
    ok: bool

    def text(self, lang: Language = "pt") -> str:
        """``Assinatura: …`` lines for the text report (``Signature: …`` with ``lang="en"``):
        the signature in one paragraph, then one line per signer."""
        words = section(lang, "check_signature")
        if self.error is not None:
            return words["unreadable"].format(error=self.error)
        if self.signature is None:
            return words["none"]
        with language(lang):
            summary = str(self.signature.summary())
        lines = [words["signed"].format(summary=summary)]
        for index, signer in enumerate(self.signature.signers, 1):
            until = signer.valid_until
            lines.append(
                words["signer"].format(
                    index=index,
                    label=signer.label(),
                    kind=signer.kind or words["certificate"],
                    until=""
                    if until is None
                    else words["until"].format(date=date(until.date(), lang)),
                    digest=signer.digest_algorithm,
                    covers=words[f"covers_{signer.covers}"],
                    state=words["verified"]
                    if signer.verified
                    else words["not_verified"].format(reason=signer.reason),
                )
            )
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """``{"file", "signature", "error"}``: the same keys every time."""
        return {
            "file": self.path,
            "signature": None if self.signature is None else self.signature.to_dict(),
            "error": self.error,
        }


def check_signature(path: str, source: Source | None = None) -> SignatureCheck:
    """Read one file's signature; a missing extra is reported, not fatal (``ok`` stays true).

    ``source`` is what to read (a file already open, such as standard input), ``path`` by default.
    """
    try:
        signature = read_signature(path if source is None else source)
    except (EcfError, OSError) as error:
        return signature_check(path, None, error)
    return signature_check(path, signature, None)


def signature_check(
    path: str, signature: Signature | None, error: EcfError | OSError | None
) -> SignatureCheck:
    """What the CLI shows of a signature read (``None``: the file is not signed) or of the error
    that stopped its reading: by :func:`check_signature`, or in ``validate()``'s own pass."""
    if isinstance(error, SignatureSupportError):
        return SignatureCheck(
            path, None, tr("not checked: {error}", error=error.reason_message).render(), True
        )
    if isinstance(error, EcfError):
        return SignatureCheck(path, None, str(error), False)
    if isinstance(error, OSError):
        return SignatureCheck(path, None, f"{path}: {os_error_message(error)}", False)
    return SignatureCheck(path, signature, None, signature is None or signature.verified)
