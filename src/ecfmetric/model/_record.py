"""One raw record of an ECF file, as ``iter_records()`` yields it."""

from __future__ import annotations

import attrs


@attrs.frozen
class Record:
    """One raw record of an ECF file, as :func:`ecfmetric.iter_records` yields it.

    ``fields`` holds every field of the line *including* the register, so that the layout
    manual's field number ``n`` is ``fields[n - 1]`` (``fields[0] == register``).
    """

    line_number: int
    register: str
    fields: tuple[str, ...]

    def field(self, number: int) -> str | None:
        """The manual's field ``number`` (1-based, ``REG`` is 1), or ``None`` past the end."""
        if number < 1:
            raise IndexError("field numbers start at 1")
        return self.fields[number - 1] if number <= len(self.fields) else None
