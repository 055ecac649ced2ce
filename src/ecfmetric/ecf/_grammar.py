"""What a record line is: the one record grammar of read(), validate() and iter_records().

A line, without its line ending (:func:`strip_eol`) and without a signature block glued to the
``9999`` line (:func:`cut_signature`), is a record when it is ``|``, a register (a digit or
capital letter, then three ASCII digits), ``|``, its fields, and a closing ``|``
(:func:`is_record`). ``_lines`` skips a block's lines by a compiled form of the same grammar,
specialised for its speed (see ``_lines._record_body``).
"""

from __future__ import annotations

import re

from ..base._i18n import Message, tr
from ._layout import SIGNATURE_MARKER

__all__ = ["RECORD_START", "cut_signature", "is_record", "not_a_record", "strip_eol"]

#: A record line's start: ``|``, a register (a digit or capital letter, then three digits), ``|``.
RECORD_START = re.compile(rb"\|[0-9A-Z][0-9]{3}\|")


def is_record(line: bytes) -> bool:
    """Whether ``line`` (without its line ending) is ``|``, a register (a digit or capital
    letter, then three ASCII digits), ``|``, its fields, and a closing ``|``."""
    return line.endswith(b"|") and RECORD_START.match(line) is not None


def not_a_record() -> Message:
    """Why a line that is not empty and not a record is refused: the grammar, in words."""
    return tr(
        "not a record: a line must start with '|', a register (a digit or capital letter "
        "and three digits) and '|', and end with '|'"
    )


def strip_eol(raw: bytes) -> bytes:
    """``raw`` without its line ending (CRLF, LF or a lone CR)."""
    if raw.endswith(b"\n"):
        raw = raw[:-1]
    if raw.endswith(b"\r"):
        raw = raw[:-1]
    return raw


def cut_signature(line: bytes) -> bytes:
    """The line without a signature block glued to its end (only the ``9999`` line can have one)."""
    if line.startswith(b"|9999|"):
        cut = line.find(SIGNATURE_MARKER)
        if cut > 0:
            return line[:cut]
    return line
