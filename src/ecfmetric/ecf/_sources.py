"""Opening a source as it comes: a path, a binary file, a ZIP holding one file, a gzip stream.

:func:`opened` gives the reader something to ``read(size)`` from, whatever the source is. On the
first read it looks at the first bytes: a ZIP (``PK``) or gzip (``1f 8b``) input is decompressed
on the fly, in pieces, so memory stays one chunk whatever the size; an empty input or one whose
first bytes say what it is instead of an ECF (a PDF, UTF-16 text, an ECD, a spreadsheet, a web
page…) is refused with a message that says so. Every refusal is an :class:`EcfFormatError`
raised from ``read()``, inside the reader's loop, so that ``validate()`` reports it as a finding.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO, TypeAlias

from ..base._i18n import tr
from ._archive import (
    MAX_EXPANDED_SIZE,
    MAX_EXPANSION_RATIO,
    RATIO_CHECKED_AFTER,
    Archive,
    read_exactly,
)
from ._limits import Limits
from ._readable import Readable
from ._sniff import describe

__all__ = [
    "CHUNK_SIZE",
    "COMPRESSED_MAGIC",
    "MAX_EXPANDED_SIZE",
    "MAX_EXPANSION_RATIO",
    "RATIO_CHECKED_AFTER",
    "Readable",
    "Source",
    "chunks_of",
    "describe",
    "name_of",
    "opened",
]

Source: TypeAlias = "str | bytes | os.PathLike[str] | os.PathLike[bytes] | BinaryIO"

#: Bytes looked at to say what an input is (a tar header's magic is at offset 257).
_HEAD_SIZE = 512

#: The first bytes of what is opened as gzip or ZIP (see _Input._start).
COMPRESSED_MAGIC = (b"\x1f\x8b", b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def name_of(source: Source) -> str | None:
    """The name a source goes by in messages: its path, or the file object's ``name``."""
    if isinstance(source, (str, bytes, os.PathLike)):
        return os.fsdecode(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else None


@contextmanager
def opened(source: Source, limits: Limits | None = None, *, sniff: bool = True) -> Iterator[_Input]:
    """The source, opened if it is a path (closed on exit), ready to be read as an ECF.

    ``sniff=False`` (the signature reader): a ZIP or gzip is still opened and its one member
    chosen the same way, but bytes that are not an ECF (an ECD, an empty file) are not refused.
    """
    name = name_of(source)
    if isinstance(source, (str, bytes, os.PathLike)):
        try:
            stream = open(source, "rb", buffering=0)  # noqa: SIM115 - closed below
        except (OSError, ValueError) as error:
            if isinstance(source, bytes):
                error.add_note(
                    "ecfmetric takes bytes as a path, as open() does; to read an ECF held in "
                    "memory, use ecfmetric.read_bytes() or validate_bytes()"
                )
            raise
        with stream:
            yield _Input(stream, name, limits, sniff=sniff)
        return
    if isinstance(source, io.TextIOBase):  # type: ignore[unreachable]
        raise TypeError("the source must be a path or a binary file object, not a text stream")
    if not hasattr(source, "read"):
        raise TypeError(
            f"the source must be a path or a binary file object, not {type(source).__name__}"
        )
    yield _Input(source, name, limits, sniff=sniff)


class _Input(Archive):
    """The reader's view of one source: plain bytes, or the one file of a ZIP, or a gzip stream."""

    def __init__(
        self,
        stream: Readable,
        name: str | None,
        limits: Limits | None = None,
        *,
        sniff: bool = True,
    ) -> None:
        self.stream = stream
        self.name = name
        self.limits = limits
        self.sniff = sniff
        self.started = False
        self.head = b""
        # Set for compressed inputs: the decompressing reader, what it is, how much came out.
        self.inner = None
        self.container = ""
        self.member = ""
        self.expanded = 0
        self.compressed_size = 0
        self.counting = None

    @property
    def compressed(self) -> bool:
        """Whether the input is a ZIP or gzip (its text is decompressed on the fly)."""
        return self.inner is not None

    def finish(self) -> None:
        """Read a compressed input to its end, so that its CRC and length are checked.

        Called once the reader has what it needs (the ``9999`` record): bytes after it (a
        signature block) still belong to the member, and a flipped bit there, or in the part
        already read, only shows in the CRC at the member's end. Plain inputs are left as they
        are (nothing to check, and a large file's signature block need not be read).
        """
        if self.inner is None:
            return
        if not self.started:
            self.read(0)
        while self.read(1 << 16):
            pass

    def read(self, size: int) -> bytes:
        if not self.started:
            self.started = True
            self._start()
        if self.head:
            part, self.head = self.head[:size], self.head[size:]
            return part
        if size <= 0:
            return b""
        if self.inner is None:
            return self.stream.read(size)
        return self._inflate(size)

    # -- the first bytes -------------------------------------------------------------------

    def _start(self) -> None:
        head = read_exactly(self.stream, _HEAD_SIZE)
        if not head and not self.sniff:
            return
        if not head:
            raise self._error(tr("the file is empty (0 bytes)"), "EMPTY_FILE", line_number=None)
        if head.startswith(b"\x1f\x8b"):
            self._open_gzip(head)
        elif head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
            self._open_zip(head)
        else:
            what = describe(head) if self.sniff else None
            if what is not None:
                raise self._error(
                    tr("this is {what}, not an ECF file{advice}", what=what[0], advice=what[1]),
                    "NOT_ECF",
                )
            self.head = head
            return
        # A compressed input: look at the first bytes of what it holds, the same way.
        head = self._inflate(_HEAD_SIZE, exactly=True)
        inside = tr(
            "the file inside the {container}{member}", container=self.container, member=self.member
        )
        if not head and not self.sniff:
            return
        if not head:
            raise self._error(
                tr("{inside} is empty (0 bytes)", inside=inside), "EMPTY_FILE", line_number=None
            )
        if head.startswith((b"\x1f\x8b", b"PK\x03\x04", b"PK\x05\x06")):
            raise self._error(
                tr(
                    "{inside} is itself an archive ({kind}): extract it, then give the ECF file "
                    "(compressed once at most)",
                    inside=inside,
                    kind="ZIP" if head[:1] == b"P" else "gzip",
                ),
                "NOT_ECF",
            )
        what = describe(head) if self.sniff else None
        if what is not None:
            raise self._error(
                tr(
                    "{inside} is {what}, not an ECF file{advice}",
                    inside=inside,
                    what=what[0],
                    advice=what[1],
                ),
                "NOT_ECF",
            )
        self.head = head

    # gzip and zipfile are imported here, not at the top: most inputs are plain text, and the
    # two (with pathlib, shutil…) cost more to import than a small ECF takes to read.


#: Bytes read at a time. Memory use is about one chunk plus one line, whatever the file size.
#: 64 KiB: a chunk's lines (about 1,300 line objects) stay in the CPU cache while scan_lines
#: compares them, which measured faster than 1 MiB (benchmarks/bench_read.py, docs/performance.md).
CHUNK_SIZE = 1 << 16


def chunks_of(stream: Readable, size: int) -> Iterator[bytes]:
    read = stream.read
    while True:
        chunk = read(size)
        if not chunk:
            return
        if not isinstance(chunk, bytes):
            raise TypeError("the source must be opened in binary mode ('rb'), not text mode")
        yield chunk
