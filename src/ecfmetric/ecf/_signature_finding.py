"""A signature that does not verify, or cannot be read, as a finding beside the figures.

``read(signature=True)`` puts the finding among the metric's warnings (so it is shown wherever
the figures are: text, JSON, HTML, CSV, a proof's row); ``validate()`` reports it as an error.
"""

from __future__ import annotations

from typing import Literal

from ..base._errors import SignatureError
from ..base._i18n import tr
from ..model._model import Finding, SignatureSummary


def mismatch(
    summary: SignatureSummary, severity: Literal["error", "warning"] = "warning"
) -> Finding | None:
    """``SIGNATURE_MISMATCH`` when the signature does not verify; ``None`` when it does."""
    if summary.verified:
        return None
    return Finding(
        "SIGNATURE_MISMATCH",
        tr(
            "the file's signature does not verify ({reason}): the content changed after "
            "signing, or the signature is over other bytes; the figures are the file's as it "
            "is now, not as it was signed (hashcode {hashcode})",
            reason=summary.reason or tr("a signature fails"),
            hashcode=summary.hashcode,
        ),
        None,
        "9999",
        severity,
    )


def unreadable(error: SignatureError, severity: Literal["error", "warning"] = "warning") -> Finding:
    """The finding of a signature block that cannot be read (``BAD_SIGNATURE`` …)."""
    return Finding(
        error.code,
        tr(
            "the signature after 9999 cannot be read ({reason}, byte offset {offset}): the "
            "file's integrity is not shown",
            reason=error.reason_message,
            offset=error.offset,
        ),
        None,
        "9999",
        severity,
    )
