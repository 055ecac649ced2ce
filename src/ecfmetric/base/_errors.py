"""The exception hierarchy: one base, a subclass per thing a caller would do differently.

The errors of a file are defined here; the base (:mod:`._error_base`), the form's
(:mod:`._form_errors`), the proof's (:mod:`._proof_errors`) and the operating system's words
(:mod:`._os_errors`) live in their own modules and are imported from here as one hierarchy.
"""

from __future__ import annotations

from ._error_base import EcfError, placed, position
from ._form_errors import FormInputError, FormInputTypeError, RefusedField
from ._i18n import Message, as_message, tr
from ._os_errors import os_error_message
from ._proof_errors import (
    PROOF_ERROR_CODES,
    BadProofDataError,
    CompanyNotInProofError,
    ContestError,
    FigureExistsError,
    ProofError,
    ProofErrorCode,
)
from ._quoting import cut, quoted

__all__ = [
    "PROOF_ERROR_CODES",
    "BadProofDataError",
    "CompanyNotInProofError",
    "ContestError",
    "EcfError",
    "EcfFormatError",
    "FigureExistsError",
    "FormInputError",
    "FormInputTypeError",
    "MetricUnavailableError",
    "ProofError",
    "ProofErrorCode",
    "RefusedField",
    "SignatureError",
    "SignatureSupportError",
    "WorkerCrashedError",
    "os_error_message",
]


class EcfFormatError(EcfError):
    """The file is not a well-formed ECF, or disagrees with itself.

    ``line_number`` is 1-based (``None`` when the problem is the file as a whole, such as a
    missing ``9999`` record); ``record`` is the register code (``"L300"``) and ``field`` the
    layout's field name (``"VALOR"``) where they apply; ``text`` is the offending text, cut short;
    ``code`` classifies the problem as in a validation report (``"BAD_AMOUNT"``, ``"COUNT_MISMATCH"`` …).
    """

    def __init__(
        self,
        reason: Message | str,
        *,
        line_number: int | None = None,
        record: str | None = None,
        field: str | None = None,
        text: str | None = None,
        source: str | None = None,
        code: str = "FORMAT_ERROR",
    ) -> None:
        self._reason = as_message(reason)
        self.code = code
        self.line_number = line_number
        self.record = record
        self.field = field
        self.text = None if text is None else cut(text)
        self.source = source
        super().__init__(self._message())

    def _message(self) -> Message:
        record = self.record
        if record is not None and self.field is not None:
            record = f"{record}.{self.field}"
        where = position(self.source, self.line_number, record)
        return placed(where, self.reason_with_text())

    def reason_with_text(self) -> Message:
        """The reason and the offending text, without the position (a report's finding)."""
        if self.text is None:
            return self._reason
        return quoted(self._reason, self.text)

    def with_source(self, source: str) -> EcfFormatError:
        """Return the same error, naming the file it came from."""
        return type(self)(
            self._reason,
            line_number=self.line_number,
            record=self.record,
            field=self.field,
            text=self.text,
            source=source,
            code=self.code,
        )


class MetricUnavailableError(EcfError):
    """The file is well formed, but the metric cannot be computed from it.

    For example a regime whose records are missing, a quarter without its records, or a plan
    with no sales-revenue concept. The message says what the person can do (usually: fill the
    form). ``line_number`` and ``record`` point at the record involved, where there is one.
    """

    def __init__(
        self,
        reason: Message | str,
        *,
        line_number: int | None = None,
        record: str | None = None,
        period: str | None = None,
        source: str | None = None,
    ) -> None:
        self.code = "METRIC_UNAVAILABLE"
        self._reason = as_message(reason)
        self.line_number = line_number
        self.record = record
        self.period = period
        self.source = source
        super().__init__(self._message())

    def _message(self) -> Message:
        where = position(self.source, self.line_number, self.record)
        if self.period is not None:
            where.append(tr("period {period}", period=self.period))
        return placed(where, self._reason)

    def with_source(self, source: str) -> MetricUnavailableError:
        """Return the same error, naming the file it came from."""
        return type(self)(
            self._reason,
            line_number=self.line_number,
            record=self.record,
            period=self.period,
            source=source,
        )


class WorkerCrashedError(EcfError):
    """In :func:`~ecfmetric.read_many`, the process reading this file died (killed, out of
    memory), twice: once in the pool and once reading the file alone. ``code`` is
    ``"WORKER_CRASHED"``; ``source`` names the file. The other files are read as usual.
    """

    def __init__(self, reason: Message | str, *, source: str | None = None) -> None:
        self.code = "WORKER_CRASHED"
        self._reason = as_message(reason)
        self.source = source
        super().__init__(self._message())

    def _message(self) -> Message:
        return placed([] if self.source is None else [self.source], self._reason)


#: Every code a :class:`ProofError` carries, with its meaning in one line.
class SignatureError(EcfFormatError):
    """The signature block after ``9999`` cannot be read: a marker with no blob, a blob that is
    not a CMS SignedData or is cut short, or one too large.

    ``offset`` is the 0-based byte offset in the file where the unreadable part starts (the
    first byte after the ``SBRCAAEPDR`` marker, or of the blob that fails); ``code`` is
    ``NO_SIGNATURE_BLOB``, ``BAD_SIGNATURE`` or ``SIGNATURE_TOO_LARGE``.
    """

    def __init__(
        self,
        reason: Message | str,
        *,
        offset: int,
        source: str | None = None,
        code: str = "BAD_SIGNATURE",
    ) -> None:
        self.offset = offset
        super().__init__(reason, source=source, code=code)

    def _message(self) -> Message:
        where: list[Message | str] = [] if self.source is None else [self.source]
        where.append(tr("byte offset {offset}", offset=self.offset))
        return placed(where, self._reason)

    def with_source(self, source: str) -> SignatureError:
        """Return the same error, naming the file it came from."""
        return type(self)(self._reason, offset=self.offset, source=source, code=self.code)


class SignatureSupportError(EcfError, ImportError):
    """Reading a signature needs the optional ``signature`` extra:
    ``pip install 'ecfmetric[signature]'`` (asn1crypto and cryptography). Also an ``ImportError``."""

    def __init__(self, reason: Message | str) -> None:
        self.code = "SIGNATURE_EXTRA_MISSING"
        self._reason = as_message(reason)
        super().__init__(self._message())
