"""The offending text in a message: cut short, and each character that only looks like what it
seems named by its code point (a full-width ``５``, a no-break space)."""

from __future__ import annotations

import unicodedata

from ._i18n import Message, tr

_SNIPPET = 60


def cut(text: str) -> str:
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"


#: The most characters named by their code point in one message.
_MAX_POINTS = 5


def _deceptive(char: str) -> bool:
    """A character a person may take for another: unprintable, a space or format character
    other than the blank, or one Unicode folds into something else (``５`` → ``5``, ``²`` → ``2``,
    a no-break space → a blank). Accented letters (``ç``, ``ã``) are what they look like."""
    if char.isascii():
        return not char.isprintable()
    return (
        not char.isprintable()
        or unicodedata.category(char) in ("Zs", "Cf")
        or unicodedata.normalize("NFKC", char) != char
    )


def code_points(text: str) -> str:
    """The characters of ``text`` a person cannot tell apart by eye from what they look like (a
    full-width ``５``, a superscript ``²``, a no-break space, a NUL), each with its code point:
    ``"５ U+FF15"``; empty when there is none (printable ASCII, accented letters)."""
    seen: list[str] = []
    for char in text:
        if char in seen or not _deceptive(char):
            continue
        seen.append(char)
        if len(seen) == _MAX_POINTS:
            break
    return ", ".join(
        f"{char if char.isprintable() else repr(char)[1:-1]} U+{ord(char):04X}" for char in seen
    )


def quoted(reason: Message, text: str) -> Message:
    """``reason`` followed by the offending ``text`` as the file has it, naming the code point
    of each character that only looks like ASCII."""
    points = code_points(text)
    if points:
        return tr("{reason} (got {text!r}, with {points})", reason=reason, text=text, points=points)
    return tr("{reason} (got {text!r})", reason=reason, text=text)
