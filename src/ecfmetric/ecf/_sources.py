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
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, BinaryIO, Protocol, TypeAlias

from ..base._errors import EcfError, EcfFormatError
from ..base._i18n import Message, tr
from ..base._printable import printable
from ._limits import Limits

if TYPE_CHECKING:
    import zipfile

Source: TypeAlias = "str | bytes | os.PathLike[str] | os.PathLike[bytes] | BinaryIO"

#: The most bytes a compressed input (ZIP or gzip) may expand to: 4 GiB, ten times the largest
#: ECF files seen. More is refused (code ``EXPANSION_LIMIT``): a small upload cannot make the
#: reader decompress without end.
MAX_EXPANDED_SIZE = 4 << 30

#: The most a compressed input may expand per compressed byte, once past
#: :data:`RATIO_CHECKED_AFTER` bytes: ECF text compresses about 10 to 20 times; deflate cannot do
#: better than about 1000, which only a file made to be small (a "zip bomb") reaches. Refused
#: above it, early, with code ``EXPANSION_LIMIT``.
MAX_EXPANSION_RATIO = 500

#: Below this many expanded bytes the ratio is not checked (small inputs can compress very well).
RATIO_CHECKED_AFTER = 64 << 20

#: Bytes looked at to say what an input is (a tar header's magic is at offset 257).
_HEAD_SIZE = 512

#: The first bytes of what is opened as gzip or ZIP (see _Input._start).
COMPRESSED_MAGIC = (b"\x1f\x8b", b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


class Readable(Protocol):
    """What the reader reads from: ``read(size)`` returns up to ``size`` bytes, ``b""`` at the end."""

    def read(self, size: int, /) -> bytes: ...


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


def _read_exactly(stream: Readable, size: int) -> bytes:
    """Up to ``size`` bytes, fewer only at the end (a pipe or socket may return short reads)."""
    parts = []
    left = size
    while left > 0:
        part = stream.read(left)
        if not part:
            break
        if not isinstance(part, bytes):
            raise TypeError("the source must be opened in binary mode ('rb'), not text mode")
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


class _Counting:
    """A raw stream that counts the bytes read from it (the compressed side of a gzip input)."""

    def __init__(self, head: bytes, stream: Readable) -> None:
        self.head = head
        self.stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        if self.head:
            part, self.head = (self.head, b"") if size < 0 else (self.head[:size], self.head[size:])
        else:
            part = self.stream.read(size)
            if part and not isinstance(part, bytes):
                raise TypeError("the source must be opened in binary mode ('rb'), not text mode")
        self.count += len(part)
        return part

    def seek(self, offset: int, /) -> int:  # pragma: no cover - GzipFile seeks only to rewind
        raise io.UnsupportedOperation("a gzip input is read once, from its start")


class _TrailingData(Exception):
    """Bytes after the end of a gzip stream: a second stream (a concatenated gzip) or garbage."""


class _Gunzip:
    """One gzip stream, decompressed in pieces; zlib checks its CRC-32 and length at its end.

    Not ``gzip.GzipFile``: it reads concatenated streams as one, and a file holds one ECF.
    """

    def __init__(self, raw: _Counting) -> None:
        self.raw = raw
        self.inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def read(self, size: int) -> bytes:
        inflater = self.inflater
        while True:
            if inflater.eof:
                if inflater.unused_data or self.raw.read(1):
                    raise _TrailingData
                return b""
            data = inflater.unconsumed_tail or self.raw.read(1 << 16)
            if not data:
                raise EOFError("the compressed stream ends before its end-of-stream marker")
            part = inflater.decompress(data, size)
            if part:
                return part


class _Input:
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
        self.inner: Readable | None = None
        self.container: Message | str = ""
        self.member = ""
        self.expanded = 0
        self.compressed_size = 0
        self.counting: _Counting | None = None

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
        head = _read_exactly(self.stream, _HEAD_SIZE)
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

    def _open_gzip(self, head: bytes) -> None:
        self.container = tr("gzip stream")
        self.counting = _Counting(head, self.stream)
        self.inner = _Gunzip(self.counting)

    def _open_zip(self, head: bytes) -> None:
        import zipfile

        self.container = tr("ZIP archive")
        seekable = getattr(self.stream, "seekable", None)
        if not (callable(seekable) and seekable()):
            raise self._error(
                tr(
                    "this is a ZIP archive read from a stream that cannot seek: a ZIP's list of "
                    "files is at its end; pass the path, or the bytes with ecfmetric.read_bytes()"
                ),
                "BAD_ARCHIVE",
            )
        stream: BinaryIO = self.stream  # type: ignore[assignment]
        stream.seek(-len(head), io.SEEK_CUR)
        try:
            archive = zipfile.ZipFile(stream)
            files = [info for info in archive.infolist() if not _ignored(info)]
        except Exception as error:
            raise self._archive_error(error) from None
        office = _office_kind(archive.namelist())
        if office is not None:
            raise self._error(
                tr("this is {what}, not an ECF file{advice}", what=office[0], advice=office[1]),
                "NOT_ECF",
            )
        if not files:
            raise self._error(
                tr("the ZIP archive holds no file: it must hold the ECF file, alone"),
                "ZIP_MEMBERS",
            )
        if len(files) > 1:
            shown = ", ".join(printable(info.filename) for info in files[:5])
            raise self._error(
                tr(
                    "the ZIP archive holds {count} files ({shown} and {more} more): it must hold "
                    "exactly one, the ECF file; give each ECF on its own",
                    count=len(files),
                    shown=shown,
                    more=len(files) - 5,
                )
                if len(files) > 5
                else tr(
                    "the ZIP archive holds {count} files ({shown}): it must hold exactly one, "
                    "the ECF file; give each ECF on its own",
                    count=len(files),
                    shown=shown,
                ),
                "ZIP_MEMBERS",
            )
        try:
            self._check_ignored(archive)
        except Exception as error:
            raise self._archive_error(error) from None
        info = files[0]
        self.member = f" ({printable(info.filename)})"
        if info.flag_bits & 0x1:
            raise self._error(
                tr(
                    "the file inside the ZIP archive{member} is password-protected: give it "
                    "unencrypted",
                    member=self.member,
                ),
                "BAD_ARCHIVE",
            )
        if info.file_size > self._max_expanded():
            raise self._too_large()
        self.compressed_size = info.compress_size
        try:
            self.inner = archive.open(info)
        except NotImplementedError as error:
            raise self._error(
                tr(
                    "the file inside the ZIP archive{member} is compressed with a method Python "
                    "cannot read ({error}): compress it again with the usual method (deflate)",
                    member=self.member,
                    error=str(error),
                ),
                "BAD_ARCHIVE",
            ) from None
        except Exception as error:
            raise self._archive_error(error) from None

    def _check_ignored(self, archive: zipfile.ZipFile) -> None:
        """Refuse a ZIP whose ignored entries (what macOS adds, folders) hide an ECF or an archive.

        A genuine signed ECF saved as ``.DS_Store`` beside an edited ``ECF.txt`` must not pass
        for the signature of the edited text: an ignored entry that holds bytes is looked at.
        """
        hidden = [info for info in archive.infolist() if _ignored(info) and info.file_size > 0]
        if len(hidden) > _MAX_IGNORED:
            raise self._error(
                tr(
                    "the ZIP archive holds {count} entries besides the ECF file (folders, "
                    "__MACOSX/, .DS_Store, ._ files); at most {limit} are accepted",
                    count=len(hidden),
                    limit=_MAX_IGNORED,
                ),
                "ZIP_MEMBERS",
            )
        for info in hidden:
            if info.flag_bits & 0x1:
                raise self._error(
                    tr(
                        "the ZIP archive's entry {member} is password-protected: it cannot be "
                        "checked; give the ECF file alone",
                        member=printable(info.filename),
                    ),
                    "BAD_ARCHIVE",
                )
            with archive.open(info) as member:
                head = _read_exactly(member, 16)
            text = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
            if text.startswith(b"|0000|") or head.startswith((b"\x1f\x8b", b"PK\x03\x04")):
                raise self._error(
                    tr(
                        "the ZIP archive hides a file in {member}, an entry that is normally "
                        "ignored, and it is {what}: give the ECF file alone",
                        member=printable(info.filename),
                        what=tr("an archive")
                        if head[:1] in (b"\x1f", b"P")
                        else tr("a SPED file (|0000|)"),
                    ),
                    "ZIP_MEMBERS",
                )

    def _max_expanded(self) -> int:
        return MAX_EXPANDED_SIZE if self.limits is None else self.limits.expanded_bytes

    # -- decompressing -----------------------------------------------------------------------

    def _inflate(self, size: int, *, exactly: bool = False) -> bytes:
        assert self.inner is not None
        try:
            part = _read_exactly(self.inner, size) if exactly else self.inner.read(size)
        except _TrailingData:
            raise self._error(
                tr(
                    "the gzip stream is followed by more data (a second gzip stream, or bytes "
                    "that are not gzip): a gzip input holds one ECF file, compressed once"
                ),
                "BAD_ARCHIVE",
                line_number=None,
            ) from None
        except Exception as error:
            raise self._archive_error(error) from None
        self.expanded += len(part)
        if self.expanded > self._max_expanded():
            raise self._too_large()
        if self.expanded > RATIO_CHECKED_AFTER:
            compressed = self.counting.count if self.counting is not None else self.compressed_size
            if self.expanded > max(compressed, 1) * MAX_EXPANSION_RATIO:
                raise self._error(
                    tr(
                        "the {container} expands more than {ratio} times its size "
                        "(MAX_EXPANSION_RATIO: {expanded} bytes out of {compressed}): an ECF does "
                        "not compress that well; this looks like a file made to be small",
                        container=self.container,
                        ratio=MAX_EXPANSION_RATIO,
                        expanded=self.expanded,
                        compressed=compressed,
                    ),
                    "EXPANSION_LIMIT",
                    line_number=None,
                )
        return part

    # -- errors ------------------------------------------------------------------------------

    def _error(self, reason: Message, code: str, *, line_number: int | None = 1) -> EcfFormatError:
        return EcfFormatError(reason, line_number=line_number, source=self.name, code=code)

    def _too_large(self) -> EcfFormatError:
        return self._error(
            tr(
                "the {container}{member} expands to more than {limit} bytes "
                "(MAX_EXPANDED_SIZE), far more than any ECF",
                container=self.container,
                member=self.member,
                limit=self._max_expanded(),
            ),
            "EXPANSION_LIMIT",
            line_number=None,
        )

    def _archive_error(self, error: Exception) -> EcfFormatError:
        """What the standard library raised on a damaged archive, as ``BAD_ARCHIVE``.

        zipfile and zlib raise many kinds (BadZipFile, zlib.error, EOFError, NotImplementedError
        for an unknown method, bz2's OSError, lzma.LZMAError, RuntimeError …): every one of them
        is the archive's fault, except an OSError with an errno (the disk or the network) and
        an EcfError (a refusal already made), which pass through.
        """
        if isinstance(error, EcfError) or (isinstance(error, OSError) and error.errno is not None):
            raise error
        if isinstance(error, TypeError) and "binary mode" in str(error):
            raise error
        detail = str(error) or type(error).__name__
        return self._error(
            tr(
                "the {container} is damaged or incomplete ({detail}): make it again, or give the "
                "ECF file itself",
                container=self.container,
                detail=detail,
            ),
            "BAD_ARCHIVE",
            line_number=None,
        )


#: The most non-empty entries a ZIP may hold besides the ECF (folders, __MACOSX/, .DS_Store, ._).
_MAX_IGNORED = 16


def _ignored(info: zipfile.ZipInfo) -> bool:
    # Folders, and what macOS adds when it zips a file (__MACOSX/._name, .DS_Store).
    base = info.filename.rsplit("/", 1)[-1]
    return (
        info.is_dir()
        or info.filename.startswith("__MACOSX/")
        or base.startswith("._")
        or base == ".DS_Store"
    )


def _office_kind(names: list[str]) -> tuple[Message, Message] | None:
    """What a ZIP is when it is an office document (they are ZIPs of many XML files)."""
    advice = tr(
        ": export the ECF from the ECF program (a .txt file), not a spreadsheet or document"
    )
    if "[Content_Types].xml" in names:
        for prefix, kind in (
            ("xl/", tr("an Excel spreadsheet (XLSX)")),
            ("word/", tr("a Word document (DOCX)")),
            ("ppt/", tr("a PowerPoint presentation (PPTX)")),
        ):
            if any(name.startswith(prefix) for name in names):
                return kind, advice
        return tr("an Office document (Office Open XML)"), advice
    if "mimetype" in names and "content.xml" in names:
        return tr("an OpenDocument file (ODS, ODT…)"), advice
    return None


_UPLOAD = tr(": use the .txt file the ECF program saved")
_NOT_A_PICTURE = tr(": use the .txt file the ECF program saved, not a picture of it")
_ARCHIVE = tr(": only ZIP and gzip are read; extract the ECF file (or zip it instead)")


def describe(head: bytes) -> tuple[Message, Message] | None:
    """What the first bytes of an input say it is, when that is not an ECF: ``(what, advice)``
    such as ``("a PDF document", ": use the .txt file …")``; ``None`` for an ECF or bytes not recognised."""
    text = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    if text.startswith(b"|0000|LECF"):
        return None  # an ECF, or one whose 0000 the reader will say what is wrong with
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return tr("UTF-32 text"), _RESAVE
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:2] in (b"|\x00", b"\x00|"):
        return tr("UTF-16 text"), _RESAVE
    if text.startswith(b"|0000|LECD|"):
        return tr("an ECD (Escrituração Contábil Digital)"), _OTHER_SPED
    if text.startswith(b"|0000|"):
        second = text.split(b"|", 3)[2]
        if len(second) == 3 and second.isdigit():  # COD_VER: the EFDs' 0000 starts with it
            return tr("an EFD (SPED Fiscal or EFD-Contribuições)"), _OTHER_SPED
        if len(second) == 4 and second.isalpha():  # LECD, LCPR…: another book's name
            return tr("another SPED file ({book})", book=second.decode("ascii")), _OTHER_SPED
    if head.startswith(b"BZh") and head[4:10] == b"1AY&SY":
        return tr("a bzip2 stream"), _ARCHIVE
    for magic, what, advice in _MAGIC:
        if head.startswith(magic):
            return what, advice
    if head[257:262] == b"ustar":
        return tr("a tar archive"), _ARCHIVE
    lowered = text.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return (
            tr("a web page (HTML)"),
            tr(": the download probably saved an error or login page instead of the ECF file"),
        )
    if lowered.startswith(b"<?xml"):
        return tr("an XML file"), _UPLOAD
    return None


_OTHER_SPED = tr(
    ": the ECF (Escrituração Contábil Fiscal) is the SPED file whose first line starts |0000|LECF|"
)
_RESAVE = tr(
    ": save it as the ECF program wrote it (Latin-1, also called ISO 8859-1 or ANSI), or "
    "take the file the program saved, unchanged"
)
_MAGIC: tuple[tuple[bytes, Message, Message], ...] = (
    (
        b"%PDF",
        tr("a PDF document"),
        tr(": use the .txt file the ECF program saved, not a printed report or receipt"),
    ),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        tr("an Office 97-2003 file (such as .xls or .doc)"),
        _UPLOAD,
    ),
    (b"{\\rtf", tr("an RTF document (a word processor's file)"), _UPLOAD),
    (b"\x89PNG", tr("an image (PNG)"), _NOT_A_PICTURE),
    (b"\xff\xd8\xff", tr("an image (JPEG)"), _NOT_A_PICTURE),
    (b"GIF8", tr("an image (GIF)"), _NOT_A_PICTURE),
    (b"Rar!\x1a\x07", tr("a RAR archive"), _ARCHIVE),
    (b"7z\xbc\xaf\x27\x1c", tr("a 7-Zip archive"), _ARCHIVE),
    (b"\xfd7zXZ\x00", tr("an xz stream"), _ARCHIVE),
    (b"\x28\xb5\x2f\xfd", tr("a Zstandard stream"), _ARCHIVE),
)

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
