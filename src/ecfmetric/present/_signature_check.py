"""A file's signature as the command line shows it: ``--check`` reports it, ``--signature`` shows
only it."""

from __future__ import annotations

from typing import Any

import attrs

from ..base._errors import EcfError, SignatureSupportError, os_error_message
from ..base._i18n import tr
from ..ecf._signature import Signature, read_signature
from ..ecf._sources import Source


@attrs.frozen
class SignatureCheck:
    """What the CLI found about one file's signature."""

    path: str
    signature: Signature | None
    error: str | None
    ok: bool

    def text(self, lang: str = "pt") -> str:
        """``Assinatura: …`` lines for the text report (``Signature: …`` with ``lang="en"``)."""
        if lang == "en":
            return self._english()
        if self.error is not None:
            return f"Assinatura: ilegível: {self.error}"
        if self.signature is None:
            return "Assinatura: nenhuma (não há bloco SBRCAAEPDR após o 9999)"
        signature = self.signature
        who = "; ".join(signer.label() for signer in signature.signers) or "ninguém"
        if signature.verified:
            state = f"Assinaturas verificadas sobre os {signature.covered_bytes} bytes antes do marcador"
        else:
            failed = sum(not signer.verified for signer in signature.signers)
            state = f"NÃO verificada ({failed} de {len(signature.signers)} assinaturas falham)"
            if not failed:
                state = f"NÃO verificada: {signature.reason}"
        lines = [
            f"Assinatura: assinado por {who}. Hashcode {signature.hashcode}. {state}; "
            "cadeia de certificados não verificada."
        ]
        for index, signer in enumerate(signature.signers, 1):
            verdict = "verificada" if signer.verified else f"NÃO verificada: {signer.reason}"
            until = (
                "" if signer.valid_until is None else f", válido até {signer.valid_until:%d/%m/%Y}"
            )
            lines.append(
                f"  {index}. {signer.label()} [{signer.kind or 'certificado'}{until}, "
                f"{signer.digest_algorithm}]: {verdict}"
            )
        return "\n".join(lines)

    def _english(self) -> str:
        if self.error is not None:
            return f"Signature: unreadable: {self.error}"
        if self.signature is None:
            return "Signature: none (no SBRCAAEPDR block after 9999)"
        lines = [f"Signature: {self.signature.summary()}"]
        for index, signer in enumerate(self.signature.signers, 1):
            state = "verified" if signer.verified else f"NOT verified: {signer.reason}"
            until = (
                "" if signer.valid_until is None else f", valid until {signer.valid_until:%Y-%m-%d}"
            )
            lines.append(
                f"  {index}. {signer.label()} [{signer.kind or 'certificate'}{until}, "
                f"{signer.digest_algorithm}, over {signer.covers}]: {state}"
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
    except SignatureSupportError as error:
        return SignatureCheck(
            path, None, tr("not checked: {error}", error=error.reason_message).render(), True
        )
    except EcfError as error:
        return SignatureCheck(path, None, str(error), False)
    except OSError as error:
        return SignatureCheck(path, None, f"{path}: {os_error_message(error)}", False)
    return SignatureCheck(path, signature, None, signature is None or signature.verified)
