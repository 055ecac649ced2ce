"""Finding the PVA signature block while a file streams: ``Tap``.

The reader's own chunks go through a :class:`Tap`: it finds the first ``SBRCAAEPDR`` marker after
the start of the ``9999`` line, hashes the bytes before it (SHA-1, the PVA's hashcode, and
SHA-256) and keeps the blob after it, so that ``read(signature=True)`` and ``validate()`` read
the file once. What costs little here:

- the reader's own lines say where the ``9999`` line is (``Tap(watched=True)``): the text before
  it is not searched, only hashed; without a reader (``read_signature``) each chunk is searched
  where it lies, never copied;
- the hashing runs on a second thread: hashlib lets go of the GIL while it hashes, so with a
  free core the reading does not wait for it;
- a file that can be read again and whose last ``MAX_BLOB`` bytes hold no marker is not hashed at
  all (:func:`hashing_needed`): a marker before those is followed by more than ``MAX_BLOB``
  bytes, which is refused before any digest is needed.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import deque
from typing import TYPE_CHECKING, BinaryIO

import attrs

from ..base._errors import SignatureError
from ..base._i18n import tr
from ._layout import SIGNATURE_MARKER
from ._lines import MAX_LINE_LENGTH
from ._sources import CHUNK_SIZE, COMPRESSED_MAGIC, Source

if TYPE_CHECKING:
    import queue
    import threading
    from collections.abc import Generator, Iterator

#: The PVA's marker between the text and the signature blob.
MARKER = SIGNATURE_MARKER
#: The most bytes read after the marker. A PVA blob is a few KB (certificates and signer infos).
MAX_BLOB = 1 << 20
#: Digests computed while streaming; any other one the blob asks for needs a second pass.
STREAMED_DIGESTS = ("sha1", "sha256")

_NEEDLE = b"\n|9999|"
# (The regular expression engine finds it faster than bytes.find, whose search stops at each "|".)
_NEEDLE_PATTERN = re.compile(re.escape(_NEEDLE))
_HEAD = 256
_PADDING = b"\r\n\t \x00"
#: Bytes hashed on the calling thread before a second one takes over (a small file is done first).
THREAD_AFTER = 1 << 20
#: Bytes handed to the hashing thread at once, and how many such batches may be in flight.
_BATCH = 1 << 19
_BATCHES = 2


@attrs.define
class Found:
    """What a scan found: where the marker is, the blob after it, the file's first bytes, and
    the digests of the bytes before the marker (empty when they were not hashed on the way)."""

    marker_offset: int
    tail: bytes
    head: bytes
    digests: dict[str, bytes]


def hashing_needed(source: Source) -> bool:
    """Whether the signed bytes must be hashed as they stream: ``False`` only for a plain file
    that can be read again (a path, a seekable file object) whose last ``MAX_BLOB`` bytes and
    marker hold no marker. A file that changes under the reader still gets its digests, from a
    second pass (``verified``'s ``again``)."""
    try:
        if isinstance(source, (str, bytes, os.PathLike)):
            with open(source, "rb") as stream:
                return _may_hold_marker(stream, 0)
        if not source.seekable():
            return True
        start = source.tell()
        try:
            return _may_hold_marker(source, start)
        finally:
            source.seek(start)
    except (OSError, ValueError, AttributeError, TypeError):
        return True


def _may_hold_marker(stream: BinaryIO, start: int) -> bool:
    head = stream.read(4)
    if head.startswith(COMPRESSED_MAGIC):
        return True  # its text is not seen here, nor can it be read again
    end = stream.seek(0, os.SEEK_END)
    stream.seek(max(start, end - MAX_BLOB - len(MARKER)))
    return MARKER in stream.read()


class _Digests:
    """The streamed digests of the bytes given, in order: on the calling thread for the first
    :data:`THREAD_AFTER` bytes, then on a second thread, in batches of :data:`_BATCH` bytes.

    Why batches: the thread needs the GIL between its steps (the queue, then after each of the
    two digests), and gets it only when the reading lets go of it (at each read from the file,
    once a chunk); handed each 64 KiB chunk, it needed two such turns a chunk and fell behind.
    Copying into a batch costs the reading about a tenth of a bare loop's time; the buffers are
    reused, and at most :data:`_BATCHES` are in flight, so memory stays bounded."""

    def __init__(self) -> None:
        self.hashers = [hashlib.new(algorithm) for algorithm in STREAMED_DIGESTS]
        self.inline = THREAD_AFTER
        self.work: queue.SimpleQueue[tuple[bytearray, int] | None] | None = None
        self.free: queue.SimpleQueue[bytearray] | None = None
        self.batch: bytearray | None = None
        self.filled = 0
        self.thread: threading.Thread | None = None

    def update(self, data: bytes | memoryview) -> None:
        if self.work is None or self.free is None:
            if self.inline > 0:
                self.inline -= len(data)
                for hasher in self.hashers:
                    hasher.update(data)
                return
            self.work, self.free = self._start()
        view = memoryview(data)
        done = 0
        while done < len(view):
            if self.batch is None:
                self.batch = self.free.get()  # waits while every batch is being hashed
                self.filled = 0
            size = min(len(view) - done, _BATCH - self.filled)
            self.batch[self.filled : self.filled + size] = view[done : done + size]
            self.filled += size
            done += size
            if self.filled == _BATCH:
                self.work.put((self.batch, _BATCH))
                self.batch = None

    def _start(
        self,
    ) -> tuple[queue.SimpleQueue[tuple[bytearray, int] | None], queue.SimpleQueue[bytearray]]:
        import queue  # seam: the hashing thread, only when a big file may be signed
        import threading  # seam: the hashing thread, only when a big file may be signed

        work: queue.SimpleQueue[tuple[bytearray, int] | None] = queue.SimpleQueue()
        free: queue.SimpleQueue[bytearray] = queue.SimpleQueue()
        for _ in range(_BATCHES):
            free.put(bytearray(_BATCH))
        updates = [hasher.update for hasher in self.hashers]

        def run() -> None:
            while (item := work.get()) is not None:
                batch, size = item
                with memoryview(batch)[:size] as view:
                    for update in updates:
                        update(view)
                free.put(batch)

        self.thread = threading.Thread(target=run, name="ecfmetric-digests", daemon=True)
        self.thread.start()
        return work, free

    def stop(self) -> None:
        """Hash what is left and let the thread end (idempotent); the digests are then final."""
        if self.work is not None:
            if self.batch is not None and self.filled:
                self.work.put((self.batch, self.filled))
            self.batch = None
            self.work.put(None)
            self.work = self.free = None
            if self.thread is not None:
                self.thread.join()

    def digests(self) -> dict[str, bytes]:
        self.stop()
        return {
            algorithm: hasher.digest()
            for algorithm, hasher in zip(STREAMED_DIGESTS, self.hashers, strict=True)
        }


class Tap:
    """The signature scan fed chunk by chunk, as the reader reads them: ``read(signature=True)``
    and ``validate()`` find the signature in the same pass, over the same bytes as the figures.

    ``hashing=False`` (see :func:`hashing_needed`) finds the block without hashing the text.

    ``watched=True``: the reader passes its lines through :meth:`watch` and calls
    :meth:`unwatch` when it stops taking them; the text is then not searched for the ``9999``
    line, which the reader sees. Chunks are searched only from the first line that starts with
    ``|9999|`` (or from where the reader stopped), and back to :data:`MAX_LINE_LENGTH` bytes
    before the chunk that line ends in; the chunks before are only hashed. Why no 9999 line can
    begin in them: when the reader asks for a chunk it has taken every line that ended before
    it, and a line still open then is at most MAX_LINE_LENGTH bytes long (else the reader
    refuses the file, ``LINE_TOO_LONG``); and no line that starts with ``|9999|`` is ever
    skipped or only counted (block 9 is read, and 9999 field by field)."""

    def __init__(self, name: str | None, *, hashing: bool = True, watched: bool = False) -> None:
        self._digests = _Digests() if hashing else None
        self._scanner = _scanner(name, self._digests, self)
        next(self._scanner)
        self._found: Found | None = None
        self._error: SignatureError | None = None
        self._closed = False
        self._watching = watched
        self._held: deque[bytes] = deque()
        self._held_size = 0
        #: Set while the scanner is sent a chunk known to hold no 9999 line.
        self.clean = False

    def feed(self, chunk: bytes) -> None:
        """One more chunk. A block that cannot be read is kept for :meth:`close` to raise: the
        figures are read all the same (it is a finding beside them, not a refusal of the file)."""
        if not self._watching:
            self._send(chunk)
            return
        held = self._held
        held.append(chunk)
        self._held_size += len(chunk)
        while self._held_size - len(held[0]) - len(chunk) > MAX_LINE_LENGTH:
            old = held.popleft()
            self._held_size -= len(old)
            self.clean = True
            self._send(old)
            self.clean = False

    def _send(self, chunk: bytes) -> None:
        if self._error is not None or self._closed:
            return
        try:
            self._scanner.send(chunk)
        except SignatureError as error:
            self._error = error
            self.stop()
        except StopIteration:  # pragma: no cover - the scanner ends only when closed
            self._closed = True

    def tap(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        """``chunks``, each fed to the scan on its way."""
        try:
            for chunk in chunks:
                self.feed(chunk)
                yield chunk
        finally:
            self.stop()  # the thread's work is done, or the reading was given up

    def watch(self, lines: Iterator[tuple[int, bytes]]) -> Iterator[tuple[int, bytes]]:
        """The reader's lines, looked at for the first that starts with ``|9999|``."""
        for item in lines:
            if self._watching and item[1].startswith(b"|9999|"):
                self.unwatch()
            yield item

    def unwatch(self) -> None:
        """The reader takes no more lines (or met the 9999 line): the chunks held, and every
        chunk after them, are searched."""
        self._watching = False
        while self._held:
            self._send(self._held.popleft())
        self._held_size = 0

    def stop(self) -> None:
        """Let go of the hashing thread (a read given up half way); idempotent."""
        if self._digests is not None:
            self._digests.stop()

    def close(self) -> Found | None:
        """The end of the input: what was found (``None``: no signature block); raises the
        :class:`SignatureError` of a block that could not be read."""
        self.unwatch()
        if self._error is None and not self._closed:
            self._closed = True
            try:
                self._scanner.send(None)
            except StopIteration as stop:
                self._found = stop.value
            except SignatureError as error:
                self._error = error
        self.stop()
        if self._error is not None:
            raise self._error
        return self._found


def _scanner(
    name: str | None, digests: _Digests | None, tap: Tap
) -> Generator[None, bytes | None, Found | None]:
    """The scan as a coroutine: sent each chunk, then ``None`` at the end; returns what it found."""
    hash_ = digests.update if digests is not None else _no_hash
    head = b""
    # The last bytes before the chunk, to find a needle cut by a chunk's edge. A virtual b"\n"
    # before the file lets a 9999 line at its very start be found like any other.
    seam = b"\n"
    offset = 0  # the chunk's first byte in the file
    keep = len(_NEEDLE) - 1
    while True:
        chunk = yield
        if chunk is None:
            return None
        if len(head) < _HEAD:
            head += chunk[: _HEAD - len(head)]
        if not tap.clean:
            # A needle cut by the chunk's edge begins in the seam (longer than chunk[:keep]).
            at = (seam + chunk[:keep]).find(_NEEDLE)
            if at >= 0:
                at -= len(seam)
                break
            needle = _NEEDLE_PATTERN.search(chunk)
            if needle is not None:
                at = needle.start()
                break
        # No 9999 line begins before the chunk's end, so no marker that counts does either.
        hash_(chunk)
        offset += len(chunk)
        seam = chunk[-keep:] if len(chunk) >= keep else (seam + chunk)[-keep:]
    # The 9999 line begins at chunk[at + 1] (at < 0: in the bytes before, already hashed); the
    # marker, if any, comes after its "|9999|".
    start = max(0, at + 1)
    if start:
        hash_(memoryview(chunk)[:start])
    buf = chunk[start:]
    base = offset + start  # buf's first byte in the file
    while (found := buf.find(MARKER)) < 0:
        cut = max(0, len(buf) - len(MARKER) + 1)
        if cut:
            hash_(memoryview(buf)[:cut])
        base += cut
        buf = buf[cut:]
        chunk = yield
        if chunk is None:
            return None
        if len(head) < _HEAD:
            head += chunk[: _HEAD - len(head)]
        buf += chunk
    if found:
        hash_(memoryview(buf)[:found])
    marker_offset = base + found
    tail = bytearray(buf[found + len(MARKER) :])
    while len(tail) <= MAX_BLOB:
        chunk = yield
        if chunk is None:
            break
        tail += chunk
    if len(tail) > MAX_BLOB:
        raise SignatureError(
            tr(
                "more than {limit} bytes after the signature marker: not a PVA signature block",
                limit=MAX_BLOB,
            ),
            offset=marker_offset + len(MARKER),
            source=name,
            code="SIGNATURE_TOO_LARGE",
        )
    if not bytes(tail).strip(_PADDING):
        raise SignatureError(
            tr("the signature marker SBRCAAEPDR is not followed by a signature"),
            offset=marker_offset + len(MARKER),
            source=name,
            code="NO_SIGNATURE_BLOB",
        )
    found_digests = {} if digests is None else digests.digests()
    return Found(marker_offset, bytes(tail), head, found_digests)


def _no_hash(data: bytes | memoryview) -> None:
    pass


def rehash(stream: BinaryIO, start: int, size: int, algorithm: str) -> bytes:
    """The digest of the ``size`` bytes from ``start``: a second pass, for a digest not streamed."""
    hasher = hashlib.new(algorithm)
    stream.seek(start)
    left = size
    while left and (chunk := stream.read(min(left, CHUNK_SIZE))):
        hasher.update(chunk)
        left -= len(chunk)
    return hasher.digest()
