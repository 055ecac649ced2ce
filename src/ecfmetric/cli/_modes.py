"""What the command line does with the files: read each metric, validate each file
(``--check``), or read only the signatures (``--signature``); then each output format chosen
writes what was found, and the exit status is decided."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import BinaryIO

from ..base._errors import EcfError, SignatureSupportError, os_error_message
from ..ecf._layout import SIGNATURE_MARKER
from ..model._model import Finding, RevenueMetric
from ..model._rows import refusal
from ..present._outputs import FileCheck, FileResult, Mode, Output
from ..reading._reader import read
from ._formats import OutputFormat
from ._inputs import Inputs, Opener

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_INTERNAL = 3

#: An output format chosen, with the opened file of a format written to a file.
Chosen = tuple[OutputFormat, Output]


def run(mode: Mode, inputs: Inputs, outputs: Sequence[Chosen], *, strict: bool) -> int:
    """Read the files in ``mode``, write them in each output, and give the exit status."""
    if mode == "signature":
        return _signatures(inputs, outputs)
    if mode == "check":
        return _checks(inputs, outputs, strict=strict)
    return _metrics(inputs, outputs, strict=strict)


def _metrics(inputs: Inputs, outputs: Sequence[Chosen], *, strict: bool) -> int:
    results = []
    for path, opened in inputs.each():
        try:
            results.append(FileResult(path, _read_checked(opened, strict=strict), None))
        except (EcfError, OSError) as error:
            results.append(FileResult(path, None, refusal(path, error)))
    inputs.done()
    for row, output in outputs:
        row.load().metrics(results, output)
    if any(r.bug for r in results):
        return EXIT_INTERNAL
    return EXIT_REFUSED if any(r.metric is None for r in results) else EXIT_OK


def _checks(inputs: Inputs, outputs: Sequence[Chosen], *, strict: bool) -> int:
    from ..present._signature_check import (  # seam: --check only: start-up time
        check_signature,
        signature_check,
    )
    from ..reading._validate import (  # seam: --check only: start-up time
        ValidationReport,
        validate_showing_signature,
    )

    checked: list[FileCheck] = []
    for path, opened in inputs.each():
        try:
            with opened() as stream:
                report, signed = validate_showing_signature(stream, strict=strict)
            if signed is not None:
                signature = signature_check(path, *signed)  # found in validate()'s own pass
            else:
                with opened() as stream:
                    signature = check_signature(path, stream)
        except OSError as error:
            unopened = refusal(path, error)
            detail = unopened["error"]
            finding = Finding(detail["code"], detail["message"], severity="error")
            report = ValidationReport(path, (finding,), None, 0)
            checked.append(FileCheck(path, report, None, unopened))
            continue
        checked.append(FileCheck(path, report, signature))
    inputs.done()
    for row, output in outputs:
        row.load().checks(checked, output)
    findings = [f for c in checked for f in c.report.findings]
    if any(f.code == "INTERNAL_ERROR" for f in findings):
        return EXIT_INTERNAL
    return EXIT_REFUSED if any(not c.passed for c in checked) else EXIT_OK


def _signatures(inputs: Inputs, outputs: Sequence[Chosen]) -> int:
    from ..present._signature_check import SignatureCheck, check_signature  # seam: --signature only

    checks = []
    for path, opened in inputs.each():
        try:
            with opened() as stream:
                checks.append(check_signature(path, stream))
        except OSError as error:
            checks.append(SignatureCheck(path, None, f"{path}: {os_error_message(error)}", False))
    inputs.done()
    for row, output in outputs:
        row.load().signatures(checks, output)
    return EXIT_OK if all(check.ok for check in checks) else EXIT_REFUSED


def _read_checked(opened: Opener, *, strict: bool) -> RevenueMetric:
    """The metric with its signature checked, so that a signature that does not verify is shown
    beside the figures (``SIGNATURE_MISMATCH``); without the ``signature`` extra, the figures
    alone."""
    with opened() as stream:
        signed = _may_be_signed(stream)
    if signed:
        with opened() as stream:
            try:
                return read(stream, strict=strict, signature=True)
            except SignatureSupportError:
                pass
    with opened() as stream:
        return read(stream, strict=strict)


#: A signature blob is at most 1 MiB (``_signature.MAX_BLOB``), after its 10-byte marker.
_SIGNATURE_TAIL = (1 << 20) + 16


def _may_be_signed(stream: BinaryIO) -> bool:
    """Whether the file may carry a signature: its marker in its last MiB, or a ZIP or gzip
    upload (whose text is not seen here). A plain unsigned file then loads no signature code."""
    try:
        head = stream.read(4)
        if head[:2] == b"\x1f\x8b" or head[:4] == b"PK\x03\x04":
            return True
        size = stream.seek(0, os.SEEK_END)
        stream.seek(max(0, size - _SIGNATURE_TAIL))
        return SIGNATURE_MARKER in stream.read(_SIGNATURE_TAIL)
    except (OSError, ValueError, AttributeError):
        return True
