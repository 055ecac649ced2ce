"""The exception hierarchy: one base, a subclass per thing a caller would do differently."""

from __future__ import annotations

_SNIPPET = 60


def _cut(text: str) -> str:
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"


class EcfError(ValueError):
    """Base of every error ecfmetric raises on purpose.

    Any other exception that escapes :func:`ecfmetric.read` on some input is a bug.
    """

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.args, self.__dict__.copy()))


class EcfFormatError(EcfError):
    """The file is not a well-formed ECF, or disagrees with itself.

    ``line_number`` is 1-based (``None`` when the problem is the file as a whole, such as a
    missing ``9999`` record); ``record`` is the register code (``"L300"``) and ``field`` the
    layout's field name (``"VALOR"``) where they apply; ``text`` is the offending text, cut short;
    ``code`` classifies the problem as in a validation report (``"BAD_AMOUNT"``, ``"COUNT_MISMATCH"`` …).
    """

    def __init__(
        self,
        reason: str,
        *,
        line_number: int | None = None,
        record: str | None = None,
        field: str | None = None,
        text: str | None = None,
        source: str | None = None,
        code: str = "FORMAT_ERROR",
    ) -> None:
        self.reason = reason
        self.code = code
        self.line_number = line_number
        self.record = record
        self.field = field
        self.text = None if text is None else _cut(text)
        self.source = source
        super().__init__(self._message())

    def _message(self) -> str:
        where = []
        if self.source is not None:
            where.append(self.source)
        if self.line_number is not None:
            where.append(f"line {self.line_number}")
        if self.record is not None:
            where.append(self.record if self.field is None else f"{self.record}.{self.field}")
        prefix = ", ".join(where)
        message = f"{prefix}: {self.reason}" if prefix else self.reason
        if self.text is not None:
            message += f" (got {self.text!r})"
        return message

    def with_source(self, source: str) -> EcfFormatError:
        """Return the same error, naming the file it came from."""
        return type(self)(
            self.reason,
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
        reason: str,
        *,
        line_number: int | None = None,
        record: str | None = None,
        period: str | None = None,
        source: str | None = None,
    ) -> None:
        self.code = "METRIC_UNAVAILABLE"
        self.reason = reason
        self.line_number = line_number
        self.record = record
        self.period = period
        self.source = source
        where = [p for p in (source, None if line_number is None else f"line {line_number}") if p]
        if record is not None:
            where.append(record)
        if period is not None:
            where.append(f"period {period}")
        prefix = ", ".join(where)
        super().__init__(f"{prefix}: {reason}" if prefix else reason)

    def with_source(self, source: str) -> MetricUnavailableError:
        """Return the same error, naming the file it came from."""
        return type(self)(
            self.reason,
            line_number=self.line_number,
            record=self.record,
            period=self.period,
            source=source,
        )


class FormInputError(EcfError):
    """A value typed into the form was refused; ``field`` names it (``"gross_revenue"``)."""

    def __init__(self, field: str, reason: str, *, value: object = None) -> None:
        self.field = field
        self.reason = reason
        self.value = value
        shown = "" if value is None else f" (got {_cut(repr(value))})"
        super().__init__(f"{field}: {reason}{shown}")


class FormInputTypeError(FormInputError, TypeError):
    """A form value of the wrong type, such as a ``float``: both a ``FormInputError`` and a ``TypeError``."""


class WorkerCrashedError(EcfError):
    """In :func:`~ecfmetric.read_many`, the process reading this file died (killed, out of
    memory), twice: once in the pool and once reading the file alone. ``code`` is
    ``"WORKER_CRASHED"``; ``source`` names the file. The other files are read as usual.
    """

    def __init__(self, reason: str, *, source: str | None = None) -> None:
        self.code = "WORKER_CRASHED"
        self.reason = reason
        self.source = source
        super().__init__(f"{source}: {reason}" if source is not None else reason)


class ProofError(EcfError):
    """A proof workflow rule was broken (unknown company, wrong year, concluding too early…)."""


class CompanyNotInProofError(ProofError):
    """The company is not listed in the proof: include it, or the file is the wrong one.

    ``cnpj`` is the company asked for, bare.
    """

    def __init__(self, reason: str, *, cnpj: str) -> None:
        self.cnpj = cnpj
        super().__init__(reason)


class FigureExistsError(ProofError):
    """The company already has a figure: confirm with the person, then pass ``replace=True``
    to :meth:`Proof.add` (or ``discard=True`` to :meth:`Proof.exclude_company`).

    ``cnpj`` is the listed company, bare.
    """

    def __init__(self, reason: str, *, cnpj: str) -> None:
        self.cnpj = cnpj
        super().__init__(reason)


class SignatureError(EcfFormatError):
    """The signature block after ``9999`` cannot be read: a marker with no blob, a blob that is
    not a CMS SignedData or is cut short, or one too large.

    ``offset`` is the 0-based byte offset in the file where the unreadable part starts (the
    first byte after the ``SBRCAAEPDR`` marker, or of the blob that fails); ``code`` is
    ``NO_SIGNATURE_BLOB``, ``BAD_SIGNATURE`` or ``SIGNATURE_TOO_LARGE``.
    """

    def __init__(
        self,
        reason: str,
        *,
        offset: int,
        source: str | None = None,
        code: str = "BAD_SIGNATURE",
    ) -> None:
        self.offset = offset
        super().__init__(reason, source=source, code=code)

    def _message(self) -> str:
        where = f"byte offset {self.offset}"
        prefix = where if self.source is None else f"{self.source}, {where}"
        return f"{prefix}: {self.reason}"

    def with_source(self, source: str) -> SignatureError:
        """Return the same error, naming the file it came from."""
        return type(self)(self.reason, offset=self.offset, source=source, code=self.code)


class SignatureSupportError(EcfError, ImportError):
    """Reading a signature needs the optional ``signature`` extra:
    ``pip install 'ecfmetric[signature]'`` (asn1crypto and cryptography). Also an ``ImportError``."""

    def __init__(self, reason: str) -> None:
        self.code = "SIGNATURE_EXTRA_MISSING"
        self.reason = reason
        super().__init__(reason)


def _rebuild(cls: type[EcfError], args: tuple[object, ...], state: dict[str, object]) -> EcfError:
    # Errors cross process boundaries in read_many(): keep the message and every attribute.
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error
