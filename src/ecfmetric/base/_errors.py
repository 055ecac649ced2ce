"""The exception hierarchy: one base, a subclass per thing a caller would do differently."""

from __future__ import annotations

import errno
import unicodedata
from collections.abc import Sequence
from typing import Literal, NamedTuple

from ._i18n import Localized, Message, as_message, tr

_SNIPPET = 60


def _cut(text: str) -> str:
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"


#: The most characters named by their code point in one message.
_MAX_POINTS = 5


def _deceptive(char: str) -> bool:
    """A character a person may take for another: unprintable, a space or format character
    other than the blank, or one Unicode folds into something else (``５`` → ``5``, ``²`` → ``2``,
    a no-break space → a blank). Accented letters (``ç``, ``ã``) are what they look like."""
    if char.isascii():
        return not char.isprintable()
    return (
        not char.isprintable()
        or unicodedata.category(char) in ("Zs", "Cf")
        or unicodedata.normalize("NFKC", char) != char
    )


def code_points(text: str) -> str:
    """The characters of ``text`` a person cannot tell apart by eye from what they look like (a
    full-width ``５``, a superscript ``²``, a no-break space, a NUL), each with its code point:
    ``"５ U+FF15"``; empty when there is none (printable ASCII, accented letters)."""
    seen: list[str] = []
    for char in text:
        if char in seen or not _deceptive(char):
            continue
        seen.append(char)
        if len(seen) == _MAX_POINTS:
            break
    return ", ".join(
        f"{char if char.isprintable() else repr(char)[1:-1]} U+{ord(char):04X}" for char in seen
    )


def quoted(reason: Message, text: str) -> Message:
    """``reason`` followed by the offending ``text`` as the file has it, naming the code point
    of each character that only looks like ASCII."""
    points = code_points(text)
    if points:
        return tr("{reason} (got {text!r}, with {points})", reason=reason, text=text, points=points)
    return tr("{reason} (got {text!r})", reason=reason, text=text)


class EcfError(ValueError):
    """Base of every error ecfmetric raises on purpose.

    Any other exception that escapes :func:`ecfmetric.read` on some input is a bug.

    ``str(error)`` is the message in the current language (:func:`ecfmetric.get_language`,
    Portuguese by default); :meth:`render` draws it in the language given. ``reason`` is the
    message without its position, in the current language. ``code`` and the position
    attributes never change with the language.
    """

    _reason: Message

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        if "_reason" not in self.__dict__:
            # Raised as EcfError("text") (by a caller, or a subclass that does not set it).
            first = args[0] if args else ""
            self._reason = first if isinstance(first, Message) else as_message(str(first))

    @property
    def reason(self) -> str:
        """What is wrong, without the position, in the current language."""
        return self._reason.render()

    @property
    def reason_message(self) -> Message:
        """``reason`` as a :class:`~ecfmetric.types.Message`, to draw in any language."""
        return self._reason

    @property
    def message(self) -> Message:
        """The whole message (position and reason) as a :class:`~ecfmetric.types.Message`."""
        return self._message()

    def _message(self) -> Message:
        return self._reason

    def render(self, lang: Literal["pt", "en"] | None = None) -> str:
        """The message in ``lang`` (``"pt"`` or ``"en"``; the current language when ``None``)."""
        return self._message().render(lang)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.render('en')!r})"

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.args, self.__dict__.copy()))


def _position(
    source: str | None, line_number: int | None, record: str | None
) -> list[Message | str]:
    """The parts of a position that are known: the file, the line, the record (and field)."""
    where: list[Message | str] = []
    if source is not None:
        where.append(source)
    if line_number is not None:
        where.append(tr("line {number}", number=line_number))
    if record is not None:
        where.append(record)
    return where


def _placed(where: list[Message | str], reason: Message) -> Message:
    if not where:
        return reason
    prefix = (
        where[0]
        if len(where) == 1
        else tr("{first}, {rest}", first=where[0], rest=_join(where[1:]))
    )
    return tr("{where}: {reason}", where=prefix, reason=reason)


def _join(parts: list[Message | str]) -> Message | str:
    return (
        parts[0]
        if len(parts) == 1
        else tr("{first}, {rest}", first=parts[0], rest=_join(parts[1:]))
    )


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
        self.text = None if text is None else _cut(text)
        self.source = source
        super().__init__(self._message())

    def _message(self) -> Message:
        record = self.record
        if record is not None and self.field is not None:
            record = f"{record}.{self.field}"
        where = _position(self.source, self.line_number, record)
        return _placed(where, self.reason_with_text())

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
        where = _position(self.source, self.line_number, self.record)
        if self.period is not None:
            where.append(tr("period {period}", period=self.period))
        return _placed(where, self._reason)

    def with_source(self, source: str) -> MetricUnavailableError:
        """Return the same error, naming the file it came from."""
        return type(self)(
            self._reason,
            line_number=self.line_number,
            record=self.record,
            period=self.period,
            source=source,
        )


class RefusedField(NamedTuple):
    """One refused value of the form: ``field`` (``"taxes"``), ``label`` (the portal's label,
    ``(-) Impostos Sobre Serviços e Vendas``; ``str(label)`` is in the current language) and
    ``reason`` (why, with what was typed; ``str(reason)`` is in the current language)."""

    field: str
    label: Localized
    reason: Message


class FormInputError(EcfError):
    """Values typed into the form were refused: every refused field at once, in ``refused``.

    ``refused`` is a tuple of :class:`RefusedField` ``(field, label, reason)``, one per refused
    field, in the form's order: show each ``reason`` next to its field. For compatibility,
    ``field``, ``value``, ``label`` and ``reason`` are those of the first refused field.
    ``code`` is always ``"BAD_FORM_INPUT"``: the fields say which values, the reasons why.
    """

    code = "BAD_FORM_INPUT"

    def __init__(
        self,
        field: str,
        reason: Message | str,
        *,
        value: object = None,
        label: Localized | None = None,
    ) -> None:
        self.field = field
        self._reason = as_message(reason)
        self.value = value
        self.label = Localized(field, field) if label is None else label
        detail = (
            self._reason
            if value is None
            else tr("{reason} (got {text})", reason=self._reason, text=_cut(repr(value)))
        )
        self.refused: tuple[RefusedField, ...] = (RefusedField(field, self.label, detail),)
        super().__init__(self._message())

    @classmethod
    def combine(cls, errors: Sequence[FormInputError]) -> FormInputError:
        """One error carrying every field of ``errors`` (a :class:`FormInputTypeError` when
        any of them is one); the first one's ``field``, ``value`` and ``reason``."""
        first = errors[0]
        kind = (
            FormInputTypeError
            if any(isinstance(error, FormInputTypeError) for error in errors)
            else FormInputError
        )
        combined = kind(first.field, first._reason, value=first.value, label=first.label)
        combined.refused = tuple(item for error in errors for item in error.refused)
        combined.args = (combined._message(),)
        return combined

    def _message(self) -> Message:
        parts: list[Message | str] = [
            tr("{where}: {reason}", where=item.label, reason=item.reason) for item in self.refused
        ]
        if len(parts) == 1:
            return as_message(parts[0])
        return tr(
            "{count} fields were refused: {fields}",
            count=len(parts),
            fields=_semicolons(parts),
        )


def _semicolons(parts: list[Message | str]) -> Message | str:
    if len(parts) == 1:
        return parts[0]
    return tr("{first}; {rest}", first=parts[0], rest=_semicolons(parts[1:]))


class FormInputTypeError(FormInputError, TypeError):
    """A form value of the wrong type, such as a ``float``: both a ``FormInputError`` and a ``TypeError``."""


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
        return _placed([] if self.source is None else [self.source], self._reason)


#: Every code a :class:`ProofError` carries, with its meaning in one line.
ProofErrorCode = Literal[
    "PROOF_ERROR",
    "BAD_REFERENCE_YEAR",
    "BAD_COMPANY",
    "BAD_COMPANY_NAME",
    "INVALID_CNPJ",
    "ALREADY_LISTED",
    "COMPANY_NOT_IN_PROOF",
    "NO_CNPJ",
    "ANOTHER_COMPANY",
    "SEVERAL_BRANCHES",
    "WRONG_YEAR",
    "NO_NET_REVENUE",
    "BAD_METRIC",
    "FILE_ALREADY_SAVED",
    "FIGURE_EXISTS",
    "PROOF_CONCLUDED",
    "NO_COMPANIES",
    "COMPANIES_PENDING",
    "NO_FIGURE",
    "UNKNOWN_COMPONENT",
    "BAD_CONTEST_VALUE",
    "REASON_REQUIRED",
    "BAD_CONTEST_AUTHOR",
    "SAME_AS_FILE",
    "NOT_CONTESTED",
    "BAD_PROOF_DATA",
]

PROOF_ERROR_CODES: dict[ProofErrorCode, str] = {
    "PROOF_ERROR": "a proof rule was broken (the code of a ProofError raised outside ecfmetric)",
    "BAD_REFERENCE_YEAR": "the proof's reference year is not an int",
    "BAD_COMPANY": "a listed company is neither a CNPJ string nor a (cnpj, name) pair",
    "BAD_COMPANY_NAME": "a listed company's name is not a string",
    "INVALID_CNPJ": "a CNPJ has the wrong shape or check digits",
    "ALREADY_LISTED": "the company is already in the proof",
    "COMPANY_NOT_IN_PROOF": "the company is not listed in the proof (CompanyNotInProofError)",
    "NO_CNPJ": "the metric names no company (a form without a CNPJ): pass cnpj=",
    "ANOTHER_COMPANY": "cnpj= names another company than the metric's own CNPJ",
    "SEVERAL_BRANCHES": "the head office's file fits several listed branches: pass cnpj=",
    "WRONG_YEAR": "the metric is for another reference year than the proof's",
    "NO_NET_REVENUE": "the metric has no net revenue (fill the form for that company)",
    "BAD_METRIC": "the metric is not one the library could save and reload exactly",
    "FILE_ALREADY_SAVED": "the same file (same fingerprint) is already saved in the proof",
    "FIGURE_EXISTS": "the company already has a figure: replace=True or discard=True (FigureExistsError)",
    "PROOF_CONCLUDED": "the proof is concluded and can no longer change",
    "NO_COMPANIES": "the proof lists no company, so it cannot be concluded",
    "COMPANIES_PENDING": "some companies have no figure yet, so the proof cannot be concluded",
    "NO_FIGURE": "the company has no saved figure to contest (ContestError)",
    "UNKNOWN_COMPONENT": "not a component that can be contested; the net revenue is derived (ContestError)",
    "BAD_CONTEST_VALUE": "the contested value is not an amount the form accepts (ContestError)",
    "REASON_REQUIRED": "a contest needs a non-empty reason (ContestError)",
    "BAD_CONTEST_AUTHOR": "a contest's by= is neither None nor a string (ContestError)",
    "SAME_AS_FILE": "the contested value is the file's own value: nothing to contest (ContestError)",
    "NOT_CONTESTED": "the component is not contested, so there is nothing to withdraw (ContestError)",
    "BAD_PROOF_DATA": "a saved proof is not what the library writes (BadProofDataError, with path)",
}


class ProofError(EcfError):
    """A proof workflow rule was broken (unknown company, wrong year, concluding too early…).

    ``code`` says which rule (one of :data:`PROOF_ERROR_CODES`); the message says what is wrong
    and what to do.
    """

    def __init__(self, reason: Message | str, *, code: ProofErrorCode = "PROOF_ERROR") -> None:
        self._reason = as_message(reason)
        self.code: ProofErrorCode = code
        super().__init__(self._message())


class CompanyNotInProofError(ProofError):
    """The company is not listed in the proof: include it, or the file is the wrong one.

    ``cnpj`` is the company asked for, bare. ``code`` is ``"COMPANY_NOT_IN_PROOF"``.
    """

    def __init__(self, reason: Message | str, *, cnpj: str) -> None:
        self.cnpj = cnpj
        super().__init__(reason, code="COMPANY_NOT_IN_PROOF")


class FigureExistsError(ProofError):
    """The company already has a figure: confirm with the person, then pass ``replace=True``
    to :meth:`Proof.add` (or ``discard=True`` to :meth:`Proof.exclude_company`).

    ``cnpj`` is the listed company, bare. ``code`` is ``"FIGURE_EXISTS"``.
    """

    def __init__(self, reason: Message | str, *, cnpj: str) -> None:
        self.cnpj = cnpj
        super().__init__(reason, code="FIGURE_EXISTS")


class ContestError(ProofError):
    """A contest (or its withdrawal) was refused: show the message next to the component.

    ``cnpj`` is the company, bare; ``component`` the component as given (``"taxes"``).
    """

    def __init__(
        self, reason: Message | str, *, code: ProofErrorCode, cnpj: str, component: object
    ) -> None:
        self.cnpj = cnpj
        self.component = component
        super().__init__(reason, code=code)


class BadProofDataError(ProofError):
    """A saved proof given to ``from_dict`` is not what ``to_dict`` writes (tampered with,
    truncated, or written by hand). ``path`` points at the value (``"rows[3].gross_revenue"``,
    ``""`` for the whole); ``code`` is ``"BAD_PROOF_DATA"``.
    """

    def __init__(self, reason: Message | str, *, path: str) -> None:
        self.path = path
        super().__init__(reason, code="BAD_PROOF_DATA")

    def _message(self) -> Message:
        return _placed([self.path] if self.path else [], self._reason)


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
        return _placed(where, self._reason)

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


def _rebuild(cls: type[EcfError], args: tuple[object, ...], state: dict[str, object]) -> EcfError:
    # Errors cross process boundaries in read_many(): keep the message and every attribute.
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


_OS_REASONS: dict[int, Message] = {
    errno.ENOENT: tr("no such file or directory"),
    errno.EACCES: tr("permission denied"),
    errno.EPERM: tr("permission denied"),
    errno.EISDIR: tr("is a directory, not a file"),
    errno.ENOTDIR: tr("a part of the path is not a directory"),
    errno.ENOSPC: tr("no space left on the disk"),
    errno.EROFS: tr("the disk is read-only"),
    errno.ENAMETOOLONG: tr("the file name is too long"),
    errno.EIO: tr("input/output error (the disk or the network failed)"),
    errno.EMFILE: tr("too many files open"),
}


def os_error_message(error: OSError) -> Message:
    """What the operating system said, in the person's language: the usual causes by their
    ``errno``, any other one by its number and symbolic name (``errno 28, ENOSPC``)."""
    if error.errno is not None and error.errno in _OS_REASONS:
        return _OS_REASONS[error.errno]
    if error.errno is not None:
        return tr(
            "the operating system refused it (errno {number}, {name})",
            number=error.errno,
            name=errno.errorcode.get(error.errno, "?"),
        )
    return tr(
        "the operating system refused it ({kind}: {detail})",
        kind=type(error).__name__,
        detail=str(error),
    )
