"""Compressed inputs: a gzip stream or the one file of a ZIP, decompressed on the fly, in pieces,
within the budgets of ``Limits``; every damage refused as ``BAD_ARCHIVE`` (``_sources._Input``
reads through :class:`Archive`'s methods)."""

from __future__ import annotations

import io
import zlib
from typing import TYPE_CHECKING, BinaryIO

from ..base._errors import EcfError, EcfFormatError
from ..base._i18n import Message, tr
from ..base._printable import printable
from ._limits import Limits
from ._readable import Readable
from ._sniff import _office_kind

if TYPE_CHECKING:
    import zipfile

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


def read_exactly(stream: Readable, size: int) -> bytes:
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


class Archive:
    """What ``_Input`` does for a ZIP or gzip input (its attributes are set by ``_Input``)."""

    stream: Readable
    name: str | None
    limits: Limits | None
    sniff: bool
    inner: Readable | None
    container: Message | str
    member: str
    expanded: int
    compressed_size: int
    counting: _Counting | None

    def _open_gzip(self, head: bytes) -> None:
        self.container = tr("gzip stream")
        self.counting = _Counting(head, self.stream)
        self.inner = _Gunzip(self.counting)

    def _open_zip(self, head: bytes) -> None:
        import zipfile  # seam: zipfile loads only for a ZIP upload, not on every read()

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
                head = read_exactly(member, 16)
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
            part = read_exactly(self.inner, size) if exactly else self.inner.read(size)
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
