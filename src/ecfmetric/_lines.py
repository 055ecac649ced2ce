"""The streaming core: chunks of bytes in, numbered lines out, skipping blocks nobody reads.

No I/O here: the caller hands over chunks of any size (h11's habit). Memory is bounded by one
chunk plus one line, whatever the size of the input.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from io import BytesIO

from ._errors import EcfFormatError

#: The longest line accepted, in bytes. The longest ECF record (a free-text field of a few
#: thousand characters) is far below it; a longer line is refused so that a hostile file cannot
#: make the reader hold an unbounded line in memory.
MAX_LINE_LENGTH = 1 << 16

_NINE = ord("9")
_PIPE = ord("|")


def scan_lines(chunks: Iterable[bytes], skip_blocks: frozenset[int]) -> Iterator[tuple[int, bytes]]:
    """Yield ``(line_number, line)`` for every line, raw, with its line ending.

    Lines of a block whose letter (the byte after the leading ``|``) is in ``skip_blocks`` are
    counted but not yielded, except their ``x990`` closing line and any line that does not look
    like a record of that block; so the caller still sees every block boundary and every line
    malformed at its start. An empty line comes out as ``b"\\n"``. The last line may lack its
    line ending.
    """
    number = 0
    carry = b""
    skip = -1
    current = -1
    for chunk in chunks:
        cut = chunk.rfind(b"\n") + 1
        if cut == 0:
            carry += chunk
            if len(carry) > MAX_LINE_LENGTH:
                raise _too_long(number + 1)
            continue
        region = carry + chunk[:cut] if carry else chunk[:cut]
        carry = chunk[cut:]
        if len(carry) > MAX_LINE_LENGTH:
            raise _too_long(number + region.count(b"\n") + 1)
        lines = iter(BytesIO(region))
        while True:
            try:
                for line in lines:
                    number += 1
                    # The hot path: one index and one comparison for a line of a skipped
                    # block; its x990 (third byte "9") and K915/K935-like codes fall through.
                    if line[1] == skip and line[2] != _NINE:
                        continue
                    letter = line[1]
                    if letter != current:
                        current = letter
                        skip = letter if letter in skip_blocks and line[0] == _PIPE else -1
                    yield number, line
                break
            except IndexError:
                # Only b"\n" is too short to index; hand it over and go on with the region.
                yield number, b"\n"
    if carry:
        yield number + 1, carry


def _too_long(line_number: int) -> EcfFormatError:
    return EcfFormatError(
        f"line longer than {MAX_LINE_LENGTH} bytes (MAX_LINE_LENGTH)",
        line_number=line_number,
        code="LINE_TOO_LONG",
    )
