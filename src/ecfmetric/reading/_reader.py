"""Opening a source and streaming it through the core: ``read()`` and ``iter_records()``."""

from __future__ import annotations

import os
from collections.abc import Iterator

import attrs

from ..base._context import in_money_context
from ..base._errors import EcfFormatError, MetricUnavailableError
from ..base._i18n import tr
from ..ecf._decoding import UTF8_BOM, TextDecoder
from ..ecf._layout import READ_BLOCKS
from ..ecf._lines import MAX_LINE_LENGTH, scan_lines
from ..ecf._sources import CHUNK_SIZE, Source, chunks_of, name_of, opened
from ..facts._collect import Collector, cut_signature, is_record, strip_eol
from ..metric._metric import compute_metric
from ..model._model import Record, RevenueMetric


@in_money_context
def read(
    source: Source, *, strict: bool = True, signature: bool = False, chunk_size: int = CHUNK_SIZE
) -> RevenueMetric:
    """Read an ECF file and return its revenue metric.

    ``source`` is a path or a binary file object (read from its current position, not closed).
    The file is streamed in ``chunk_size`` pieces: memory does not grow with its size. Reading
    stops at the ``9999`` record; a signature block after it is never decoded.

    With ``strict=True`` (the default) a structural problem (a counter that disagrees, a block
    left open, a malformed line) is an error; with ``strict=False`` it becomes a
    ``COUNT_MISMATCH`` or ``MALFORMED_LINE`` warning. A malformed amount, sign or date in a field
    the metric reads is an error in both modes.

    ``signature=True`` also reads and verifies the PVA signature after ``9999`` (inside a ZIP or
    gzip upload too) and puts who signed and the hashcode in ``metric.signature`` (``None`` for
    an unsigned file); it needs the ``signature`` extra, and a file object that can seek back.
    A signature that does not verify adds the warning ``SIGNATURE_MISMATCH`` to the metric; a
    blob that cannot be read adds its code (``BAD_SIGNATURE`` …) as a warning, with
    ``metric.signature`` ``None``. :func:`validate` reports both as errors.

    Raises :class:`EcfFormatError` for a file that is not a well-formed ECF and
    :class:`MetricUnavailableError` when the metric cannot be computed from it. Both are
    :class:`EcfError`; any other exception on any input bytes is a bug. ``OSError`` from opening
    or reading the source passes through.
    """
    name = name_of(source)
    start = _start_of(source) if signature else None
    with opened(source) as stream:
        collector = Collector(strict=strict, source=name)
        collector.full_blocks = frozenset(chr(b) for b in READ_BLOCKS)
        skip = frozenset(range(256)) - READ_BLOCKS
        try:
            data = collector.feed(scan_lines(chunks_of(stream, chunk_size), skip))
            metric = compute_metric(data, name)
        except (EcfFormatError, MetricUnavailableError) as error:
            if error.source is None and name is not None:
                raise error.with_source(name) from None
            raise
        except (ValueError, IndexError, KeyError, UnicodeError) as error:  # pragma: no cover
            raise internal_error(error, name) from error
    if not signature:
        return metric
    from ..base._errors import SignatureError
    from ..ecf._signature import read_signature, summarize
    from ..ecf._signature_finding import mismatch, unreadable

    if start is not None:
        source.seek(start)  # type: ignore[union-attr]
    with opened(source) as stream:
        try:
            found = read_signature(stream, chunk_size=chunk_size)  # type: ignore[arg-type]
        except SignatureError as error:
            # Unreadable: a warning beside the figures (an error in validate()), not a refusal.
            warnings = (*metric.warnings, unreadable(error))
            return attrs.evolve(metric, signature=None, warnings=warnings)
    if found is None:
        return attrs.evolve(metric, signature=None)
    summary = summarize(found)
    finding = mismatch(summary)
    if finding is None:
        return attrs.evolve(metric, signature=summary)
    return attrs.evolve(metric, signature=summary, warnings=(*metric.warnings, finding))


def _start_of(source: Source) -> int | None:
    """Where a file object's reading starts, to come back for the signature (``None``: a path)."""
    if isinstance(source, (str, bytes, os.PathLike)):
        return None
    try:
        return source.tell()
    except (OSError, AttributeError, ValueError) as error:
        raise TypeError(
            "read(signature=True) reads the file twice: pass a path or a file object that can "
            "seek (tell() failed)"
        ) from error


def iter_records(source: Source, *, chunk_size: int = CHUNK_SIZE) -> Iterator[Record]:
    """Yield every record of an ECF file up to ``9999``, as :class:`Record` values.

    Text is decoded with the file's encoding (cp1252 by default, UTF-8 when the file is UTF-8).
    The signature block after ``9999`` is never read. Raises :class:`EcfFormatError` for a line
    that is not a record.
    """
    name = name_of(source)
    decoder = TextDecoder()
    with opened(source) as stream:
        for number, raw in scan_lines(chunks_of(stream, chunk_size), frozenset()):
            line = cut_signature(strip_eol(raw))
            if number == 1 and line.startswith(UTF8_BOM):
                line = line[len(UTF8_BOM) :]
                decoder.encoding = "utf-8"
            if len(line) > MAX_LINE_LENGTH:
                raise EcfFormatError(
                    tr("line longer than {limit} bytes", limit=MAX_LINE_LENGTH),
                    line_number=number,
                    source=name,
                )
            if not is_record(line):
                raise EcfFormatError(
                    tr(
                        "not a record: a line must start with '|', a register (a digit or "
                        "capital letter and three digits) and '|', and end with '|'"
                    ),
                    line_number=number,
                    text=decoder.decode(line, number, line)[:60],
                    source=name,
                    code="MALFORMED_LINE",
                )
            parts = line[1:-1].split(b"|")
            fields = tuple(decoder.decode(part, number, line) for part in parts)
            yield Record(number, fields[0], fields)
            if fields[0] == "9999":
                return
    raise EcfFormatError(tr("the file ends without the 9999 record"), source=name, code="TRUNCATED")


def internal_error(error: Exception, name: str | None) -> EcfFormatError:
    """A safety net, not a code path: every known failure raises EcfError on its own. The tests
    check that no input reaches it (code INTERNAL_ERROR); users still get an EcfError."""
    return EcfFormatError(
        tr(
            "ecfmetric could not read this file ({kind}: {error}); this is a bug in ecfmetric, "
            "please report it with the file",
            kind=type(error).__name__,
            error=str(error),
        ),
        source=name,
        code="INTERNAL_ERROR",
    )
