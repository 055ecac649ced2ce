"""The streaming core: chunks of bytes in, numbered lines out, skipping blocks nobody reads.

No I/O here: the caller hands over chunks of any size (h11's habit). Memory is bounded by one
chunk, its lines, and one line carried over, whatever the size of the input.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from io import BytesIO
from itertools import repeat
from operator import itemgetter

from ..base._errors import EcfFormatError
from ..base._i18n import tr

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
        if skip >= 0:
            taken = _skippable_prefix(chunk, carry, skip)
            if taken:
                # The chunk's first lines, up to its first line that needs the rule below, are
                # counted without making a line object of them; the rest, if any, goes on.
                number += chunk.count(b"\n", 0, taken)
                carry = b""
                chunk = chunk[taken:]
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
                # A run of a skipped block's lines after a line of this chunk that needed the
                # rule (the block's first line, a stray line) is counted without a Python step
                # per line (see _run_length); it stops at the first line that needs one.
                run = _run_length(lines, index, low, high, skip)
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
                if (
                    line[1] == skip
                    and line[2] != _NINE
                    and line[0] == _PIPE
                    and _record_pattern(skip).fullmatch(line)
                ):
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


def _skippable_prefix(chunk: bytes, carry: bytes, skip: int) -> int:
    """How many bytes from the start of ``chunk`` hold only lines scan_lines skips in block
    ``skip``, the first of them being ``carry`` followed by the chunk's first line; 0 if none.

    The prefix ends after a b"\\n": every line it holds is complete. A line is skipped when it is a
    well-formed record of the block (see _record_body). The first line is matched whole; for the
    others, one search finds, in C, without a Python step or a bytes object per line, the first
    b"\\n" that does not end a record (``|`` and the first line's ending before it) or is not
    followed by a record's start (``|``, the letter, three digits the first not ``9``, ``|``):
    each line between two b"\\n" that pass both is a record, and the search never matches inside
    a line (matching each line whole, as _record_pattern does, costs about twice as much).
    """
    first = chunk.find(b"\n") + 1
    if not first:
        return 0
    line = carry + chunk[:first] if carry else chunk[:first]
    if _record_pattern(skip).fullmatch(line) is None:
        return 0
    crlf = line.endswith(b"\r\n")
    stop = _stop_pattern(skip, crlf).search(chunk, first - 1)
    if stop is None:
        return chunk.rfind(b"\n") + 1
    at = stop.start()
    if at == first - 1 or chunk.endswith(b"|\r\n" if crlf else b"|\n", 0, at + 1):
        return at + 1  # the line ending here is a record; the next one is not
    return chunk.rfind(b"\n", 0, at) + 1  # the line ending here is not a record


_STOP_PATTERNS: dict[tuple[int, bool], re.Pattern[bytes]] = {}
_RECORD_PATTERNS: dict[int, re.Pattern[bytes]] = {}


def _record_body(letter: int) -> bytes:
    # The one record grammar (see ecf/_grammar.is_record), for a skipped block's line: "|", the
    # block's letter, three ASCII digits (the first not 9: x990 and K915-like codes go to the
    # caller), "|", then its fields and a closing "|" (or none: "|K155|"), and the line ending.
    if not bytes([letter]).isalnum() or bytes([letter]).islower():
        return rb"(?!)"  # not a register's first byte: no line of it is ever skipped
    return rb"\|" + re.escape(bytes([letter])) + rb"[0-8][0-9][0-9]\|(?:[^\n]*\|)?\r?\n"


def _stop_pattern(letter: int, crlf: bool) -> re.Pattern[bytes]:
    """A b"\\n" that does not end a record of block ``letter`` (``|`` and the line ending, CRLF
    or LF, before it) or is not followed by a record's start (see _skippable_prefix)."""
    pattern = _STOP_PATTERNS.get((letter, crlf))
    if pattern is None:
        if not bytes([letter]).isalnum() or bytes([letter]).islower():
            pattern = re.compile(rb"\n")  # no line of such a "block" is ever skipped
        else:
            end = rb"\|\r\n" if crlf else rb"\|\n"
            start = rb"\|" + re.escape(bytes([letter])) + rb"[0-8][0-9][0-9]\|"
            # One lookahead holding both tests (a lookbehind at the line's end, then the next
            # line's start) costs less than two lookarounds in alternation.
            pattern = re.compile(rb"\n(?!(?<=" + end + rb")" + start + rb")")
        _STOP_PATTERNS[letter, crlf] = pattern
    return pattern


def _record_pattern(letter: int) -> re.Pattern[bytes]:
    """A whole line (with its line ending) that scan_lines may skip in block ``letter``: a
    well-formed record. A malformed line is handed to the caller, which refuses it strictly."""
    pattern = _RECORD_PATTERNS.get(letter)
    if pattern is None:
        pattern = re.compile(_record_body(letter))
        _RECORD_PATTERNS[letter] = pattern
    return pattern


#: Lines tried at once by _run_length before it doubles; small, so that a stray line costs little.
_FIRST_WINDOW = 32


def _run_length(lines: list[bytes], start: int, low: bytes, high: bytes, skip: int) -> int:
    """How many lines from ``lines[start]`` on are records scan_lines skips in block ``skip``.

    With ``low = b"|K"`` and ``high = b"|K9"``, a line ending with ``b"\\n"`` lies in that range
    exactly when it starts with ``|K`` and its third byte sorts below ``9``. ``min`` and ``max``
    compare whole windows of lines in C, windows doubling while they hold only such lines; a
    window in range is then checked whole by _skippable_prefix's search over its bytes (about a
    fifth of the cost of matching each line), or line by line when that search stops early (a
    window that mixes CRLF and LF lines); the first window that holds another line is searched
    line by line.
    """
    record = _record_pattern(skip)
    index = start
    end = len(lines)
    size = _FIRST_WINDOW
    while index < end:
        window = lines[index : index + size]
        if not (low <= min(window) and max(window) < high and _all_records(window, skip, record)):
            # Some line of this window is outside the range or malformed: stop at the first.
            return (
                index
                - start
                + next(
                    k
                    for k, line in enumerate(window)
                    if not (low <= line < high and record.fullmatch(line))
                )
            )
        index += len(window)
        size *= 2
    return index - start


def _all_records(window: list[bytes], skip: int, record: re.Pattern[bytes]) -> bool:
    """Whether every line of ``window`` (whole lines, each ending with b"\\n") is a record of
    block ``skip``."""
    joined = b"".join(window)
    return _skippable_prefix(joined, b"", skip) == len(joined) or all(map(record.fullmatch, window))


def scan_counted(
    chunks: Iterable[bytes],
    counts: Counter[bytes],
    open_block: Callable[[], int],
    handled: frozenset[bytes],
) -> Iterator[tuple[int, bytes]]:
    """Yield ``(line_number, line)`` for every line, as ``scan_lines(chunks, frozenset())`` does,
    except the lines of a chunk made only of plain records: those are added to ``counts``, per
    register, and not yielded.

    A plain record is what validate() only counts: it starts ``|REG|`` with an alphanumeric
    register of the block now open (``open_block()``, the letter's byte value, asked when the
    chunk starts, after every line before it was handled; ``-1`` when none is), it is neither the
    block's ``x001`` nor its ``x990``, its register is not in ``handled`` (the records read field by
    field), it ends with ``|`` and a line ending, and it is at most :data:`MAX_LINE_LENGTH` long.
    A chunk with any other line, or the chunk holding line 1, is yielded line by line.

    No Python step per line: a chunk of the registers met in the chunk before is counted with one
    ``bytes.count`` per register (see _count_known); any other chunk is split into lines and
    checked once per register found in it (_count_plain), which also learns its registers.
    """
    number = 0
    carry = b""
    known: list[bytes] = []  # heads of plain records of block known_letter, met in a chunk before
    known_letter = -1
    for chunk in chunks:
        cut = chunk.rfind(b"\n") + 1
        if cut == 0:
            carry += chunk
            if len(carry) > MAX_LINE_LENGTH:
                raise _too_long(number + 1)
            continue
        # The chunk's whole lines, the one carried over first; what follows the last b"\n" is
        # carried to the next chunk.
        letter = open_block() if number else -1
        if letter == known_letter >= 0 and known and len(chunk) <= MAX_LINE_LENGTH:
            counted = _count_known(chunk, cut, carry, known, counts)
            if counted:
                number += counted
                carry = chunk[cut:]
                continue  # (the carry, part of a chunk at most MAX_LINE_LENGTH long, is not too long)
        region = carry + chunk[:cut] if carry else chunk[:cut]
        carry = chunk[cut:]
        lines = BytesIO(region).readlines()
        heads = _count_plain(lines, letter, handled, counts) if letter >= 0 else None
        if heads is not None:
            number += len(lines)
            known, known_letter = heads, letter
        else:
            for line in lines:
                number += 1
                yield number, line
        if len(carry) > MAX_LINE_LENGTH:
            raise _too_long(number + 1)
    if carry:
        yield number + 1, carry


# Each line's first six bytes, |REG|: what a plain record is told by (and counted under).
_HEAD = itemgetter(slice(0, 6))
# A block's opening and closing records (x001, x990): never plain, they change the open block.
BLOCK_EDGES = frozenset({b"001", b"990"})
# A record ends with its closing "|" and a line ending (CRLF or LF).
RECORD_ENDS = (b"|\r\n", b"|\n")
# At most this many registers are tried by _count_known (a block's plain records come in a few).
_MAX_KNOWN = 8


def _plain_head(head: bytes, letter: int, handled: frozenset[bytes]) -> bool:
    """Whether a line starting with ``head`` (its first six bytes) starts a plain record."""
    return (
        head[:1] == b"|"
        and head[5:6] == b"|"
        and head[1] == letter
        and head[2:5] not in BLOCK_EDGES
        and head[1:5] not in handled
        and head[2:5].isdigit()
    )


def _count_plain(
    lines: list[bytes], letter: int, handled: frozenset[bytes], counts: Counter[bytes]
) -> list[bytes] | None:
    """Count ``lines`` into ``counts`` if every one is a plain record of block ``letter``;
    return the heads found (``None``, counting nothing, when some line is not plain)."""
    heads = Counter(map(_HEAD, lines))
    if not all(_plain_head(head, letter, handled) for head in heads):
        return None
    if not all(map(bytes.endswith, lines, repeat(RECORD_ENDS))):
        return None
    if max(map(len, lines)) > MAX_LINE_LENGTH:
        return None
    for head, count in heads.items():
        counts[head[1:5]] += count
    return [head for head, _ in heads.most_common(_MAX_KNOWN)]


def _count_known(
    chunk: bytes,
    cut: int,
    carry: bytes,
    known: list[bytes],
    counts: Counter[bytes],
) -> int:
    """Count the whole lines of ``carry + chunk[:cut]`` into ``counts`` if each is a plain record
    whose head is in ``known`` (heads of plain records of the block now open, as _count_plain
    found them), all with the same line ending; return how many (0, counting
    nothing, if not). ``known`` is put in the order of the counts found, largest first.

    Every b"\n" ends a line, so each match of ``end + head`` (``b"|\r\n|K155|"``) is the boundary
    between a line ending in ``end`` and one starting with ``head``, and no boundary matches two
    heads. When the matches add up to one fewer than the lines, every line but the first starts
    with a known head and every line but the last ends with ``end``: the first line's head and
    the last line's end are checked on their own. The heads are counted in turn until their
    matches add up to that: the others then have none (a chunk of block K holds two or three of
    its registers, not all). A match the count misses (two boundaries that share a byte, as
    around a record with no field, ``|K155|``) only sends the chunk to _count_plain. The caller
    has checked the chunk is at most MAX_LINE_LENGTH long, so only the first line, which holds
    what was carried over, can be longer. The chunk is searched in place (``carry`` holds no
    b"\n"): the first line is the only one that can hold carried bytes.
    """
    first = chunk.find(b"\n", 0, cut) + 1
    line = carry + chunk[:first] if carry else chunk[:first]
    # (first < 3: the first line's end may begin in the carry; left to _count_plain.)
    if line[:6] not in known or len(line) > MAX_LINE_LENGTH or first < 3:
        return 0
    end = b"|\r\n" if chunk.endswith(b"|\r\n", 0, cut) else b"|\n"
    if not chunk.endswith(end, 0, cut) or not line.endswith(end):
        return 0
    lines = chunk.count(b"\n", 0, cut)
    boundaries = lines - 1
    start = first - len(end)  # the first boundary's match starts there
    found = [0] * len(known)
    for index, head in enumerate(known):
        if not boundaries:
            break
        found[index] = count = chunk.count(end + head, start, cut)
        boundaries -= count
    if boundaries:
        return 0
    found[known.index(line[:6])] += 1  # the first line
    for head, count in zip(known, found, strict=True):
        if count:
            counts[head[1:5]] += count
    if found != sorted(found, reverse=True):
        # The registers of this chunk first: the next chunk likely holds the same.
        known[:] = [
            head
            for _, head in sorted(zip(found, known, strict=True), key=itemgetter(0), reverse=True)
        ]
    return lines


def line_too_long(
    line_number: int, record: str | None = None, *, source: str | None = None
) -> EcfFormatError:
    """The one refusal of a line longer than :data:`MAX_LINE_LENGTH`, wherever it is found: here
    (a line with no end in sight), in the collector and in iter_records() (a whole line)."""
    return EcfFormatError(
        tr("line longer than {limit} bytes (MAX_LINE_LENGTH)", limit=MAX_LINE_LENGTH),
        line_number=line_number,
        record=record,
        source=source,
        code="LINE_TOO_LONG",
    )


_too_long = line_too_long  # the name scan_lines and scan_counted raise it by
