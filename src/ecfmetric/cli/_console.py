"""The console: output that never crashes on any encoding, and a progress line on a terminal.

A Windows console or pipe often writes cp1252 or cp850, which have no ``→`` or ``−`` (cp850 has
no ``—`` either): printing them raised ``UnicodeEncodeError`` and the CLI exited 1 as if the file
had been refused. While the CLI runs, stdout and stderr replace what their encoding cannot
write: ``→`` becomes ``->``, dashes ``-``, accented letters their base letter when the encoding
lacks them, anything else ``?``.
"""

from __future__ import annotations

import codecs
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any, BinaryIO, TextIO

from ..model._labels import section

ERRORS = "ecfmetric-transliterate"

_ASCII = {
    "→": "->",
    "←": "<-",
    "—": "-",
    "–": "-",
    "−": "-",
    "…": "...",
    "×": "x",
    "≠": "!=",
    "≤": "<=",
    "≥": ">=",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "•": "*",
    "\u00a0": " ",
    "\u202f": " ",
}


def transliterate(error: UnicodeError) -> tuple[str, int]:
    """A codecs error handler: an ASCII stand-in for each character the encoding lacks."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for char in error.object[error.start : error.end]:
        if char in _ASCII:
            out.append(_ASCII[char])
            continue
        base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
        out.append(base or "?")
    return "".join(out), error.end


codecs.register_error(ERRORS, transliterate)


@contextmanager
def forgiving_output() -> Iterator[None]:
    """Let stdout and stderr transliterate instead of raising, while the block runs."""
    restore: list[Callable[..., object]] = []
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) == "strict":
            reconfigure(errors=ERRORS)
            restore.append(reconfigure)
    try:
        yield
    finally:
        for reconfigure in restore:
            with suppress(ValueError):  # the stream was closed (| head)
                reconfigure(errors="strict")


#: A file larger than this, or this many files, is long work: a progress line is shown.
PROGRESS_BYTES = 50 * 1000 * 1000
PROGRESS_FILES = 20
_REDRAW_SECONDS = 0.2


def wants_progress(stream: object, files: int, total_bytes: int) -> bool:
    """Whether to draw a progress line on ``stream``: a terminal, and long work ahead."""
    isatty = getattr(stream, "isatty", None)
    if not (callable(isatty) and isatty()):
        return False
    return files >= PROGRESS_FILES or total_bytes > PROGRESS_BYTES


class Progress:
    """One line on a terminal, redrawn in place: files and bytes done, and the rate.

    ``sizes`` are the files' sizes in bytes (``None`` when unknown, as for standard input).
    """

    def __init__(
        self,
        stream: TextIO,
        sizes: list[int | None],
        *,
        lang: str = "pt",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.sizes = sizes
        self.total = sum(size or 0 for size in sizes)
        self.lang = lang
        self.clock = clock
        self.started = clock()
        self.drawn_at: float | None = None
        self.files_done = 0
        self.bytes_done = 0
        self.position = 0
        self.width = 0

    def watch(self, stream: BinaryIO) -> _Watched:
        """``stream``, reporting how far it has been read on each ``read()``."""
        self.position = 0
        return _Watched(stream, self)

    def at(self, position: int) -> None:
        """The file being read is at byte ``position``."""
        self.position = position
        self._draw()

    def file_done(self) -> None:
        """One more file is done."""
        size = self.sizes[self.files_done] if self.files_done < len(self.sizes) else None
        self.bytes_done += size if size is not None else self.position
        self.files_done += 1
        self.position = 0
        self._draw()

    def close(self) -> None:
        """Wipe the line, so that what is printed next starts on a clean line."""
        if self.drawn_at is not None:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.drawn_at = None

    def text(self) -> str:
        """The progress line, such as ``3/40 arquivos, 120,0 de 800,0 MB, 45,2 MB/s``."""
        done = self.bytes_done + self.position
        elapsed = max(self.clock() - self.started, 1e-6)
        mb = 1000 * 1000
        rate = f"{done / mb / elapsed:.1f} MB/s"
        words = section("en" if self.lang == "en" else "pt", "progress")
        files, of = words["files"], words["of"]
        parts = []
        if len(self.sizes) > 1:
            parts.append(f"{self.files_done}/{len(self.sizes)} {files}")
        if self.total:
            percent = min(100 * done // self.total, 100)
            parts.append(f"{done / mb:.1f} {of} {self.total / mb:.1f} MB ({percent}%)")
        else:
            parts.append(f"{done / mb:.1f} MB")
        parts.append(rate)
        text = "ecfmetric: " + ", ".join(parts)
        return text if self.lang == "en" else text.replace(".", ",")

    def _draw(self) -> None:
        now = self.clock()
        if self.drawn_at is not None and now - self.drawn_at < _REDRAW_SECONDS:
            return
        self.drawn_at = now
        text = self.text()
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)


class _Watched:
    """A binary stream that tells a :class:`Progress` its position after each read."""

    def __init__(self, raw: BinaryIO, progress: Progress) -> None:
        self.raw = raw
        self.progress = progress
        self.name = getattr(raw, "name", None)

    def read(self, size: int = -1, /) -> bytes:
        data = self.raw.read(size)
        self.progress.at(self.raw.tell())
        return data

    def __getattr__(self, name: str) -> Any:
        # seek(), tell(), seekable(): a ZIP is read from its end, through the same file.
        return getattr(self.raw, name)
