"""validate(): every finding of a file, errors and warnings, without stopping at the first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, BinaryIO

import attrs

from ..base._context import in_money_context
from ..base._errors import (
    EcfFormatError,
    MetricUnavailableError,
    SignatureError,
    SignatureSupportError,
)
from ..ecf._limits import Limits, check_chunk_size, check_limits
from ..ecf._lines import scan_counted
from ..ecf._sources import CHUNK_SIZE, Source, chunks_of, name_of, opened
from ..facts._collect import Collector, NoHeader, finding_of
from ..metric._metric import compute_metric
from ..model._model import Finding, RevenueMetric
from ..model._notebook import html
from ._reader import _again, internal_error, signature_of, signature_tap

if TYPE_CHECKING:
    from ..base._errors import EcfError
    from ..ecf._signature import Signature
    from ..ecf._signature_scan import Tap
    from ..facts._collect import FileData

    #: What validate()'s pass found of the signature: the signature checked (``None``: the file
    #: is not signed), or the error that stopped its check (``SignatureError``, or
    #: ``SignatureSupportError`` without the extra).
    Signed = tuple[Signature | None, EcfError | None]

if TYPE_CHECKING:
    # Annotations only: read() need not load types.py (nor typing_extensions).
    from ..types import ValidationReportDict


@attrs.frozen
class ValidationReport:
    """What :func:`validate` found in a file.

    ``findings`` lists every error and warning in file order (file-wide ones last). ``metric`` is
    the metric the file gives when it has no error, else ``None``: a file with errors has no
    figure to trust, though its warnings (cross-checks) are still listed.
    """

    source: str | None
    findings: tuple[Finding, ...]
    metric: RevenueMetric | None
    lines_read: int

    @property
    def ok(self) -> bool:
        """Whether the file has no error (warnings allowed)."""
        return not self.errors

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings that make ``read()`` refuse the file."""
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings that leave the metric standing."""
        return tuple(f for f in self.findings if f.severity == "warning")

    def to_dict(self) -> ValidationReportDict:
        """A JSON-ready dict (:class:`~ecfmetric.types.ValidationReportDict`)."""
        return {
            "source": self.source,
            "ok": self.ok,
            "lines_read": self.lines_read,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "findings": [f.to_dict() for f in self.findings],
            "metric": None if self.metric is None else self.metric.to_dict(),
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per finding, ready for ``pandas.DataFrame``."""
        return [dict(f.to_dict()) for f in self.findings]

    def _repr_html_(self) -> str:
        return html("report_html", self)


#: Warnings that compare sums of the figures read: after an error in a record the metric reads,
#: they compare incomplete sums and would only repeat that error as noise.
_DERIVED = frozenset(
    {
        "NET_REVENUE_MISMATCH",
        "NET_REVENUE_LINE_MISSING",
        "SYNTHETIC_SUM_MISMATCH",
        "P200_P150_MISMATCH",
        "Y540_MISMATCH",
        "A12_A00_MISMATCH",
        "NO_REVENUE_LINES",
        "NEGATIVE_NET_REVENUE",
    }
)
_METRIC_RECORDS = frozenset(
    {"L030", "P030", "T030", "U030", "L300", "P150", "U150", "P200", "P300", "T120", "T150", "Y540"}
)


def _trustworthy(warnings: tuple[Finding, ...], errors: list[Finding]) -> list[Finding]:
    if not any(error.record in _METRIC_RECORDS for error in errors):
        return list(warnings)
    return [w for w in warnings if w.code not in _DERIVED]


def _signature_outcome(tap: Tap, name: str | None, again: tuple[BinaryIO, int] | None) -> Signed:
    try:
        return signature_of(tap, name, again), None
    except (SignatureError, SignatureSupportError) as error:
        return None, error


def _signature_findings(signed: Signed) -> list[Finding]:
    """The signature's verdict as errors: ``SIGNATURE_MISMATCH`` when it does not verify, its
    code (``BAD_SIGNATURE`` …) when it cannot be read; none for an unsigned file or without the
    ``signature`` extra (``--check`` says so itself)."""
    from ..ecf._signature import summarize  # seam: signature code, only when asked for
    from ..ecf._signature_finding import (  # seam: signature code, only when asked for
        mismatch,
        unreadable,
    )

    checked, error = signed
    if isinstance(error, SignatureError):
        return [unreadable(error, "error")]
    if checked is None:
        return []  # unsigned, or no signature extra
    finding = mismatch(summarize(checked), "error")
    return [] if finding is None else [finding]


@in_money_context
def validate(
    source: Source,
    *,
    strict: bool = True,
    chunk_size: int = CHUNK_SIZE,
    signature: bool = True,
    limits: Limits | None = None,
) -> ValidationReport:
    """Read the whole file and report every finding, errors and warnings, with its position.

    Unlike :func:`read`, it does not stop at the first error and it checks every line: the
    shape of each record, the ``9900`` count of every register, each block's ``x990``, the
    ``9990`` and ``9999`` totals, then the metric's cross-checks. A file that is not an ECF at
    all (its first line is not ``0000``) gives a single ``NOT_ECF`` error.

    ``strict=False`` judges the file as ``read(strict=False)`` does: the counters and the
    structure of blocks that feed no figure are warnings; everything that feeds a figure is
    still an error. ``limits`` are the budgets of :func:`read`.

    With ``signature=True`` (the default) a signature after ``9999`` that does not verify is
    the error ``SIGNATURE_MISMATCH``, and one that cannot be read is ``BAD_SIGNATURE`` (or
    ``NO_SIGNATURE_BLOB``, ``SIGNATURE_TOO_LARGE``); it is read in the same pass as the text,
    from the member of a ZIP or gzip that is validated, and needs the ``signature`` extra
    (without it the signature is not checked).
    """
    return validate_showing_signature(
        source, strict=strict, chunk_size=chunk_size, signature=signature, limits=limits
    )[0]


@in_money_context
def validate_showing_signature(
    source: Source,
    *,
    strict: bool = True,
    chunk_size: int = CHUNK_SIZE,
    signature: bool = True,
    limits: Limits | None = None,
) -> tuple[ValidationReport, Signed | None]:
    """:func:`validate`, and what its pass found of the signature, for ``--check``, which shows
    it: ``None`` when the signature was not asked for or the pass stopped before the file's end
    (the caller then reads the signature on its own)."""
    check_chunk_size(chunk_size)
    limits = check_limits(limits)
    name = name_of(source)
    tap, start = signature_tap(source, name) if signature else (None, None)
    with opened(source, limits) as stream:
        collector = Collector(strict=strict, source=name, report=True, limits=limits)
        # Whole chunks of records the collector would only count (most of block K) are counted
        # in C by scan_counted(), into the collector's own counts, and never reach feed().
        chunks = chunks_of(stream, chunk_size)
        if tap is not None:
            # The signature is found in the same pass, over the bytes validated.
            chunks = tap.tap(chunks)
        lines = scan_counted(
            chunks,
            collector.counts,
            lambda: collector.structure.plain_byte,
            collector.registers_read,
        )
        try:
            try:
                data: FileData | None = collector.feed(lines if tap is None else tap.watch(lines))
            except NoHeader:
                data = None
            if tap is not None:
                tap.unwatch()  # the rest is searched as it passes
                for _ in chunks:
                    pass
            stream.finish()
        except EcfFormatError as error:
            return ValidationReport(name, (finding_of(error),), None, 1), None
        except (ValueError, IndexError, KeyError, UnicodeError) as error:  # pragma: no cover
            return ValidationReport(name, (finding_of(internal_error(error, name)),), None, 0), None
        signed = (
            None if tap is None else _signature_outcome(tap, name, _again(source, stream, start))
        )
    findings = list(collector.errors)
    metric = None
    if data is not None:
        try:
            metric = compute_metric(data, name)
        except EcfFormatError as error:
            findings.append(finding_of(error))
        except MetricUnavailableError as error:
            findings.append(
                Finding(error.code, error.reason_message, error.line_number, error.record, "error")
            )
        except (ValueError, IndexError, KeyError, ArithmeticError) as error:  # pragma: no cover
            findings.append(finding_of(internal_error(error, name)))
        else:
            findings.extend(_trustworthy(metric.warnings, collector.errors))
    if metric is None:
        findings.extend(collector.structure.findings)
        if data is not None:
            # What the PVA itself said (9100) helps with a file refused for another reason.
            findings.extend(w for w in data.warnings if w.code == "PVA_WARNING")
    if signed is not None:
        findings.extend(_signature_findings(signed))
    findings.sort(key=lambda f: (f.line_number is None, f.line_number or 0))
    lines_read = (
        data.end_line if data is not None and data.end_line else max(collector.counts.total(), 1)
    )
    report = ValidationReport(
        source=name,
        findings=tuple(findings),
        metric=metric if not any(f.severity == "error" for f in findings) else None,
        lines_read=lines_read,
    )
    return report, signed
