"""The signature in the command line: ``--check`` reports it, ``--signature`` shows only it."""

from __future__ import annotations

import json
import sys
from typing import Any

import attrs

from ._errors import EcfError, SignatureSupportError
from ._signature import Signature, read_signature


@attrs.frozen
class SignatureCheck:
    """What the CLI found about one file's signature."""

    path: str
    signature: Signature | None
    error: str | None
    ok: bool

    def text(self) -> str:
        """``Signature: …`` lines for the text report."""
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
        if self.error is not None:
            return {"file": self.path, "error": self.error}
        return {
            "file": self.path,
            "signature": None if self.signature is None else self.signature.to_dict(),
        }


def check_signature(path: str) -> SignatureCheck:
    """Read one file's signature; a missing extra is reported, not fatal (``ok`` stays true)."""
    try:
        signature = read_signature(path)
    except SignatureSupportError as error:
        return SignatureCheck(path, None, f"not checked: {error}", True)
    except EcfError as error:
        return SignatureCheck(path, None, str(error), False)
    except OSError as error:
        return SignatureCheck(path, None, f"{path}: {error.strerror or error}", False)
    return SignatureCheck(path, signature, None, signature is None or signature.verified)


def run_signature(files: list[str], as_json: bool) -> int:
    """``--signature``: each file's signature only. Exit 1 if any is unreadable or not verified."""
    checks = [check_signature(path) for path in files]
    if as_json:
        rows = [check.to_dict() for check in checks]
        json.dump(rows[0] if len(rows) == 1 else rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print("\n\n".join(f"{check.path}\n{check.text()}" for check in checks))
    return 0 if all(check.ok for check in checks) else 1
