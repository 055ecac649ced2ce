"""The streaming core: chunks of bytes in, numbered lines out, skipping blocks nobody reads.

No I/O here: the caller hands over chunks of any size (h11's habit). Memory is bounded by one
chunk, its lines, and one line carried over, whatever the size of the input.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from io import BytesIO

from ._errors import EcfFormatError
from ._i18n import tr

#: The longest line accepted, in bytes. The longest ECF record (a free-text field of a few
#: thousand characters) is far below it; a longer line is refused so that a hostile file cannot
#: make the reader hold an unbounded line in memory.
MAX_LINE_LENGTH = 1 << 16

_NINE = ord("9")
_PIPE = ord("|")
_NEWLINE = ord("\n")


def scan_lines(chunks: Iterable[bytes], skip_blocks: frozenset[int]) -> Iterator[tuple[int, bytes]]:
    """Yield ``(line_number, line)`` for every line, raw, with its line ending.

    Lines of a block whose letter (the byte after the leading ``|``) is in ``skip_blocks`` are
    counted but not yielded, except their ``x990`` closing line and any line that does not start
    with ``|`` and the block's letter; so the caller still sees every block boundary and every
    line malformed at its start. An empty line comes out as ``b"\\n"``. The last line may lack its
    line ending.
    """
    number = 0
    carry = b""
    skip = -1
    current = -1
    low = high = b""
    for chunk in chunks:
        if not chunk:
            continue
        # The chunk's lines, cut after each b"\n" by C code (memchr); the last one may be
        # incomplete: it is carried over to the next chunk.
        lines = BytesIO(chunk).readlines()
        if carry:
            lines[0] = carry + lines[0]
        carry = b"" if lines[-1].endswith(b"\n") else lines.pop()
        end = len(lines)
        index = 0
        fast = True
        while index < end:
            if skip >= 0 and fast:
                # The hot path: a run of lines of a skipped block is counted without a Python
                # step per line (see _run_length); it stops at the first line that needs one.
                run = _run_length(lines, index, low, high)
                index += run
                number += run
                if index == end:
                    break
                # A short run means stray lines here (a block's end, or a malformed file): the
                # rest of this chunk goes line by line, so that they cannot make the search cost
                # more than the lines it saves.
                fast = run >= _FIRST_WINDOW
            line = lines[index]
            index += 1
            number += 1
            try:
                # The rule, one line at a time, for every line _run_length did not take (it
                # does not start with "|", its third byte sorts above "9", or the fast path is
                # off for the rest of the chunk). A skipped block's x990 (third byte "9") and
                # K915/K935-like codes fall through to the caller.
                if line[1] == skip and line[2] != _NINE and line[0] == _PIPE:
                    continue
                letter = line[1]
                if letter != current:
                    current = letter
                    skip = letter if letter in skip_blocks and line[0] == _PIPE else -1
                    # The range of lines _run_length takes for this block: b"|K" to b"|K9".
                    # Empty when the "letter" is b"\n": a line b"|\n" has no third byte.
                    low = line[:2]
                    high = low + b"9" if letter != _NEWLINE else low
            except IndexError:
                # Only a line too short to index; hand it over as an empty line.
                yield number, b"\n"
                continue
            yield number, line
        # Checked after this chunk's lines are handed over: the caller may stop at 9999 before,
        # and a signature block after it, however long, is then never looked at.
        if len(carry) > MAX_LINE_LENGTH:
            raise _too_long(number + 1)
    if carry:
        yield number + 1, carry


#: Lines tried at once by _run_length before it doubles; small, so that a stray line costs little.
_FIRST_WINDOW = 32


def _run_length(lines: list[bytes], start: int, low: bytes, high: bytes) -> int:
    """How many lines from ``lines[start]`` on lie in ``[low, high)``, as bytes.

    With ``low = b"|K"`` and ``high = b"|K9"``, a line ending with ``b"\\n"`` lies in that range
    exactly when it starts with ``|K`` and its third byte sorts below ``9``; every such line
    is one scan_lines skips (second byte the block's letter, third byte not ``9``). ``min`` and
    ``max`` compare whole windows of lines in C, windows doubling while they hold only such
    lines; the first window that holds another line is searched line by line.
    """
    if start == 0 and low <= min(lines) and max(lines) < high:
        return len(lines)  # the usual case: a whole chunk inside a skipped block, no copy
    index = start
    end = len(lines)
    size = _FIRST_WINDOW
    while index < end:
        window = lines[index : index + size]
        if not (low <= min(window) and max(window) < high):
            # Some line of this window is outside the range: stop at the first one.
            return (
                index - start + next(k for k, line in enumerate(window) if not low <= line < high)
            )
        index += len(window)
        size *= 2
    return index - start


def _too_long(line_number: int) -> EcfFormatError:
    return EcfFormatError(
        tr("line longer than {limit} bytes (MAX_LINE_LENGTH)", limit=MAX_LINE_LENGTH),
        line_number=line_number,
        code="LINE_TOO_LONG",
    )
