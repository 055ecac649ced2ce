"""Output that never crashes on a console that cannot show every character.

A Windows console or pipe often writes cp1252 or cp850, which have no ``→`` or ``−`` (cp850 has
no ``—`` either): printing them raised ``UnicodeEncodeError`` and the CLI exited 1 as if the file
had been refused. While the CLI runs, stdout and stderr replace what their encoding cannot
write: ``→`` becomes ``->``, dashes ``-``, accented letters their base letter when the encoding
lacks them, anything else ``?``.
"""

from __future__ import annotations

import codecs
import sys
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

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


def is_unicode(stream: object) -> bool:
    """Whether ``stream`` writes a Unicode encoding (every character fits)."""
    encoding = getattr(stream, "encoding", None) or ""
    return codecs.lookup(encoding).name.startswith("utf") if encoding else False
