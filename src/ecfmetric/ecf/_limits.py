"""What one read may cost: :class:`Limits`, the budgets a service sets per call.

The defaults are far above any real ECF (see ``docs/inputs.md``) and low enough that no input,
however it was made, holds more memory or time than they allow. A service that reads uploads
from people it does not know may lower them; one that reads very large files it trusts may
raise them.
"""

from __future__ import annotations

import attrs

#: The most bytes a compressed input may expand to by default: 4 GiB.
DEFAULT_EXPANDED_BYTES = 4 << 30
#: The most lines a file may have by default (the 9999 record's line included).
DEFAULT_LINES = 50_000_000
#: The most lines of the blocks read record by record (0, L, P, T, U, Y and 9) by default.
DEFAULT_READ_LINES = 1_000_000
#: The most revenue lines kept for the metric by default (L300, P150, U150, P200, P300, T120, T150).
DEFAULT_KEPT_LINES = 20_000
#: The most bytes of the lines kept for the metric, added up, by default: 4 MiB.
DEFAULT_KEPT_BYTES = 4 << 20


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(
            f"Limits.{attribute.name} must be a whole number of at least 1, not {value!r}"
        )


@attrs.frozen
class Limits:
    """Budgets of one ``read()`` or ``validate()`` call; past any of them the file is refused.

    ``expanded_bytes``: the most bytes a ZIP or gzip input may expand to (``EXPANSION_LIMIT``).
    ``lines``: the most lines the file may have (``TOO_MANY_LINES``). ``read_lines``: the most
    lines read one by one: those of the blocks read record by record (``0``, ``L``, ``P``,
    ``T``, ``U``, ``Y``, ``9``; in a real file a few thousand) and, in ``validate()``, any line of
    another block that is not a well-formed record of it; they cost the most per line
    (``TOO_MANY_LINES``).
    ``kept_lines``: the most revenue lines kept for the metric (``TOO_MANY_LINES``).
    ``kept_bytes``: the most bytes those kept lines may add up to, as they stand in the file
    (``TOO_MANY_LINES``). Each is a whole number of at least 1.
    """

    expanded_bytes: int = attrs.field(default=DEFAULT_EXPANDED_BYTES, validator=_positive)
    lines: int = attrs.field(default=DEFAULT_LINES, validator=_positive)
    read_lines: int = attrs.field(default=DEFAULT_READ_LINES, validator=_positive)
    kept_lines: int = attrs.field(default=DEFAULT_KEPT_LINES, validator=_positive)
    kept_bytes: int = attrs.field(default=DEFAULT_KEPT_BYTES, validator=_positive)


def check_limits(limits: object) -> Limits | None:
    """``limits`` as given to read(): a :class:`Limits` or ``None`` (the defaults)."""
    if limits is not None and not isinstance(limits, Limits):
        raise TypeError(f"limits must be an ecfmetric.Limits, not {type(limits).__name__}")
    return limits


def check_chunk_size(chunk_size: object) -> int:
    """``chunk_size`` as given to read(): a whole number of bytes, at least 1."""
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise ValueError(
            f"chunk_size must be a whole number of bytes, at least 1, not {chunk_size!r}"
        )
    return chunk_size
