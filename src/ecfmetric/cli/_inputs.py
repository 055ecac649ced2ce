"""The files given to the command line, opened one at a time, with a progress line on long work.

Standard input (``-``) is copied once, to memory up to :data:`_STDIN_IN_MEMORY` and to a
temporary file past it, so that it can be read more than once (``--check`` reads it for the
report and the signature) and a ZIP, whose index is at its end, can be read from a pipe.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Iterator
from typing import IO, Any, BinaryIO

from ..base._printable import printable
from ._console import Progress, wants_progress

STDIN = "-"
_STDIN_NAME = "<stdin>"
_STDIN_IN_MEMORY = 64 << 20

#: ``open()``: a file from its start, each time it is called.
Opener = Callable[[], contextlib.AbstractContextManager[BinaryIO]]


class Inputs:
    """The files given, opened one at a time, with a progress line on long work."""

    def __init__(self, paths: list[str], *, progress: bool, lang: str) -> None:
        self.paths = paths
        self.stdin: IO[bytes] | None = None
        sizes = [_size(path) for path in self.paths]
        self.progress: Progress | None = None
        if progress and wants_progress(sys.stderr, len(sizes), sum(s or 0 for s in sizes)):
            self.progress = Progress(sys.stderr, sizes, lang=lang)

    def __enter__(self) -> Inputs:
        return self

    def __exit__(self, *exc: object) -> None:
        self.done()
        if self.stdin is not None:
            self.stdin.close()

    def done(self) -> None:
        """Every file is read: wipe the progress line before the output is written."""
        if self.progress is not None:
            self.progress.close()

    def each(self) -> Iterator[tuple[str, Opener]]:
        """``(path, open)`` for each file; ``open()`` gives it from its start, each time."""
        for path in self.paths:
            # Shown with its control characters escaped; opened by its real name.
            yield printable(path), functools.partial(self._opened, path)
            if self.progress is not None:
                self.progress.file_done()

    @contextlib.contextmanager
    def _opened(self, path: str) -> Iterator[BinaryIO]:
        if path == STDIN:
            stream = self._stdin()
            stream.seek(0)
            yield _watched(stream, self.progress)
            return
        with open(path, "rb", buffering=0) as stream:
            stream.name = printable(path)  # what messages name the file by
            yield _watched(stream, self.progress)

    def _stdin(self) -> IO[bytes]:
        if self.stdin is None:
            import shutil  # seam: only standard input needs them: start-up time
            import tempfile  # seam: only standard input needs them: start-up time

            copy = tempfile.SpooledTemporaryFile(max_size=_STDIN_IN_MEMORY)  # noqa: SIM115
            shutil.copyfileobj(sys.stdin.buffer, copy)
            self.stdin = copy
        return _Named(self.stdin)  # type: ignore[return-value]


class _Named:
    """Standard input's copy, named as Python names standard input."""

    name = _STDIN_NAME

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


def _watched(stream: Any, progress: Progress | None) -> BinaryIO:
    return stream if progress is None else progress.watch(stream)  # type: ignore[return-value]


def _size(path: str) -> int | None:
    if path == STDIN:
        return None
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return None
