"""Opening a source and streaming it through the core: ``read()`` and ``iter_records()``."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

import attrs

from ..base._context import in_money_context
from ..base._errors import EcfFormatError, MetricUnavailableError, SignatureError
from ..base._i18n import tr
from ..ecf._decoding import UTF8_BOM, TextDecoder
from ..ecf._grammar import cut_signature, is_record, not_a_record, strip_eol
from ..ecf._layout import READ_BLOCKS
from ..ecf._limits import Limits, check_chunk_size, check_limits
from ..ecf._lines import MAX_LINE_LENGTH, line_too_long, scan_lines
from ..ecf._sources import CHUNK_SIZE, Source, _Input, chunks_of, name_of, opened
from ..facts._collect import Collector
from ..metric._metric import compute_metric
from ..model._model import Record, RevenueMetric

if TYPE_CHECKING:
    from ..ecf._signature import Signature
    from ..ecf._signature_scan import Tap


@in_money_context
def read(
    source: Source,
    *,
    strict: bool = True,
    signature: bool = False,
    chunk_size: int = CHUNK_SIZE,
    limits: Limits | None = None,
) -> RevenueMetric:
    """Read an ECF file and return its revenue metric.

    ``source`` is a path or a binary file object (read from its current position, not closed).
    The file is streamed in ``chunk_size`` pieces: memory does not grow with its size. Reading
    stops at the ``9999`` record; a signature block after it is never decoded. A ZIP or gzip
    input is decompressed to its end all the same, so that its CRC and length are checked
    (``BAD_ARCHIVE``).

    ``limits`` (a :class:`Limits`) sets what the call may cost: the bytes a compressed input
    may expand to, the lines, the lines kept for the metric and their bytes; the defaults
    (``Limits()``) are far above any real ECF. Past one, the file is refused.

    With ``strict=True`` (the default) a structural problem (a counter that disagrees, a block
    left open, a malformed line) is an error; with ``strict=False`` it becomes a
    ``COUNT_MISMATCH`` or ``MALFORMED_LINE`` warning. A malformed amount, sign or date in a field
    the metric reads is an error in both modes.

    ``signature=True`` also reads and verifies the PVA signature after ``9999`` (inside a ZIP or
    gzip upload too: the member the figures come from) and puts who signed and the hashcode in
    ``metric.signature`` (``None`` for an unsigned file); it needs the ``signature`` extra. It is
    found in the same pass as the figures, over the same bytes, so any stream will do (a
    digest other than SHA-1 or SHA-256 needs a path or a seekable stream, to read the text
    again). A signature that does not verify adds the warning ``SIGNATURE_MISMATCH`` to the
    metric; a blob that cannot be read adds its code (``BAD_SIGNATURE`` …) as a warning, with
    ``metric.signature`` ``None``. :func:`validate` reports both as errors.

    Raises :class:`EcfFormatError` for a file that is not a well-formed ECF and
    :class:`MetricUnavailableError` when the metric cannot be computed from it. Both are
    :class:`EcfError`; any other exception on any input bytes is a bug. ``OSError`` from opening
    or reading the source passes through.
    """
    check_chunk_size(chunk_size)
    limits = check_limits(limits)
    name = name_of(source)
    tap, start = signature_tap(source, name) if signature else (None, None)
    try:
        return _read(source, name, strict, chunk_size, limits, tap, start)
    finally:
        if tap is not None:
            tap.stop()  # a reading given up half way lets go of the hashing thread


def _read(
    source: Source,
    name: str | None,
    strict: bool,
    chunk_size: int,
    limits: Limits | None,
    tap: Tap | None,
    start: int | None,
) -> RevenueMetric:
    with opened(source, limits) as stream:
        collector = Collector(strict=strict, source=name, limits=limits)
        collector.full_blocks = frozenset(chr(b) for b in READ_BLOCKS)
        skip = frozenset(range(256)) - READ_BLOCKS
        try:
            chunks = chunks_of(stream, chunk_size)
            if tap is not None:
                # The signature is found in the same pass, over the very bytes the figures come
                # from; the rest of the input (the signature block) then goes through it too.
                chunks = tap.tap(chunks)
            lines = scan_lines(chunks, skip)
            data = collector.feed(lines if tap is None else tap.watch(lines))
            if tap is not None:
                tap.unwatch()  # the rest (the signature block) is searched as it passes
                for _ in chunks:
                    pass
            stream.finish()
            metric = compute_metric(data, name)
        except (EcfFormatError, MetricUnavailableError) as error:
            if error.source is None and name is not None:
                raise error.with_source(name) from None
            raise
        except (ValueError, IndexError, KeyError, UnicodeError) as error:  # pragma: no cover
            raise internal_error(error, name) from error
        if tap is None:
            return metric
        from ..ecf._signature import summarize  # seam: signature code, only when asked for
        from ..ecf._signature_finding import (  # seam: signature code, only when asked for
            mismatch,
            unreadable,
        )

        try:
            checked = signature_of(tap, name, _again(source, stream, start))
        except SignatureError as error:
            # Unreadable: a warning beside the figures (an error in validate()), not a refusal.
            warnings = (*metric.warnings, unreadable(error))
            return attrs.evolve(metric, signature=None, warnings=warnings)
    if checked is None:
        return attrs.evolve(metric, signature=None)
    summary = summarize(checked)
    finding = mismatch(summary)
    if finding is None:
        return attrs.evolve(metric, signature=summary)
    return attrs.evolve(metric, signature=summary, warnings=(*metric.warnings, finding))


def signature_of(
    tap: Tap, name: str | None, again: tuple[BinaryIO, int] | None
) -> Signature | None:
    """The signature the tap found while the file was read, checked (``None``: unsigned).

    Raises :class:`SignatureError` for a block that cannot be read, and
    :class:`SignatureSupportError` without the ``signature`` extra."""
    found = tap.close()
    if found is None:
        return None
    from ..ecf._signature import verified  # seam: signature code, only when asked for

    return verified(found, name, again)


def signature_tap(source: Source, name: str | None) -> tuple[Tap, int | None]:
    """A tap that finds the signature while the text is read, and where the source's reading
    starts (to read the signed bytes again when the digest is not computed on the way). The
    tap hashes the text only when the file may be signed (``hashing_needed``), and is told
    where the 9999 line is by the reader's lines (``Tap.watch``)."""
    from ..ecf._signature_scan import (  # seam: signature code, only when asked for
        Tap,
        hashing_needed,
    )

    return Tap(name, hashing=hashing_needed(source), watched=True), _position(source)


def _position(source: Source) -> int | None:
    """Where a file object's reading starts, if it can seek back there (``0`` for a path)."""
    if isinstance(source, (str, bytes, os.PathLike)):
        return 0
    try:
        return source.tell() if source.seekable() else None
    except (OSError, AttributeError, ValueError):
        return None


def _again(source: Source, stream: _Input, start: int | None) -> tuple[BinaryIO, int] | None:
    """Where the covered bytes can be read again, for a digest not computed on the way: a plain
    file from where its reading started; ``None`` for a member of an archive or a stream that
    cannot seek (the signer is then not verified, with that reason)."""
    if stream.compressed or start is None:
        return None
    raw: BinaryIO = stream.stream  # type: ignore[assignment]
    return raw, start


def iter_records(source: Source, *, chunk_size: int = CHUNK_SIZE) -> Iterator[Record]:
    """Yield every record of an ECF file up to ``9999``, as :class:`Record` values.

    Text is decoded with the file's encoding (cp1252 by default, UTF-8 when the file is UTF-8).
    The signature block after ``9999`` is never read. Raises :class:`EcfFormatError` for a line
    that is not a record.
    """
    check_chunk_size(chunk_size)
    name = name_of(source)
    decoder = TextDecoder()
    with opened(source) as stream:
        for number, raw in scan_lines(chunks_of(stream, chunk_size), frozenset()):
            line = cut_signature(strip_eol(raw))
            if number == 1 and line.startswith(UTF8_BOM):
                line = line[len(UTF8_BOM) :]
                decoder.encoding = "utf-8"
            if len(line) > MAX_LINE_LENGTH:
                raise line_too_long(number, source=name)
            if not is_record(line):
                raise EcfFormatError(
                    not_a_record(),
                    line_number=number,
                    text=decoder.decode(line, number, line)[:60],
                    source=name,
                    code="MALFORMED_LINE",
                )
            parts = line[1:-1].split(b"|")
            fields = tuple(decoder.decode(part, number, line) for part in parts)
            if fields[0] == "9999":
                stream.finish()
                yield Record(number, fields[0], fields)
                return
            yield Record(number, fields[0], fields)
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
