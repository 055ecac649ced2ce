"""scan_lines() yields exactly what the line-at-a-time rule yields, however the input is cut.

The fast path (whole runs of a skipped block's lines compared as bytes in C) must never let a line
through that the rule stops, nor stop one it lets through: ``reference`` below is that rule, one
line at a time, as scan_lines had it before the fast path.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from io import BytesIO

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ecfmetric import EcfFormatError
from ecfmetric.ecf._layout import READ_BLOCKS
from ecfmetric.ecf._lines import MAX_LINE_LENGTH, scan_counted, scan_lines

READ_SKIP = frozenset(range(256)) - READ_BLOCKS


def _well_formed(line: bytes, letter: int) -> bool:
    """Whether ``line`` (with its line ending) is a record of block ``letter`` in the one record
    grammar (``ecf/_grammar.is_record``): ``|``, the letter, three ASCII digits, ``|``, and a closing
    ``|`` before the line ending (CRLF or LF)."""
    if not line.endswith(b"\n"):
        return False
    body = line[:-1]
    if body.endswith(b"\r"):
        body = body[:-1]
    return (
        len(body) >= 6
        and bytes([letter]) in b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        and body[0] == ord("|")
        and body[1] == letter
        and body[2:5].isdigit()
        and body[5] == ord("|")
        and body.endswith(b"|")
    )


def reference(chunks: Iterable[bytes], skip_blocks: frozenset[int]) -> Iterator[tuple[int, bytes]]:
    """The rule, one line at a time: a line of a skipped block is dropped when it starts with
    ``|``, its second byte is the block's letter, its third byte is not ``9``, and it is a
    well-formed record (strict means strict in skipped blocks too: a malformed line is handed
    over, and the caller refuses it)."""
    number = 0
    carry = b""
    skip = -1
    current = -1
    for chunk in chunks:
        cut = chunk.rfind(b"\n") + 1
        if cut == 0:
            carry += chunk
            if len(carry) > MAX_LINE_LENGTH:
                raise EcfFormatError("too long", line_number=number + 1)
            continue
        region = carry + chunk[:cut] if carry else chunk[:cut]
        carry = chunk[cut:]
        for line in BytesIO(region):
            number += 1
            try:
                if (
                    line[1] == skip
                    and line[2] != ord("9")
                    and line[0] == ord("|")
                    and _well_formed(line, skip)
                ):
                    continue
                letter = line[1]
                if letter != current:
                    current = letter
                    skip = letter if letter in skip_blocks and line[0] == ord("|") else -1
            except IndexError:
                yield number, b"\n"
                continue
            yield number, line
        # Only once the region's lines are handed over (the caller may stop at 9999 first).
        if len(carry) > MAX_LINE_LENGTH:
            raise EcfFormatError("too long", line_number=number + 1)
    if carry:
        yield number + 1, carry


def outcome(
    scan: object, data: bytes, cuts: list[int], skip_blocks: frozenset[int]
) -> tuple[list[tuple[int, bytes]], int | None]:
    """Everything yielded, and the line number of the error raised (None when none)."""
    bounds = sorted({0, len(data), *(c % (len(data) + 1) for c in cuts)})
    chunks = [data[a:b] for a, b in itertools.pairwise(bounds)]
    out: list[tuple[int, bytes]] = []
    try:
        out.extend(scan(chunks, skip_blocks))  # type: ignore[operator]
    except EcfFormatError as error:
        return out, error.line_number
    return out, -1


# Lines a skipped block can hold, well formed or not: records of the block, its x990, records
# of other blocks, lines that do not start with "|", third bytes above and below "9", empty
# lines, a lone "|", lines one or two bytes long.
LINES = st.sampled_from(
    [
        b"|K001|0|",
        b"|K155|1.1.01|000001|10,00|D|5,00|1,00|14,00|D|",
        b"|K156|1.01.01.01.01|14,00|D|",
        b"|K355|3.1.01.001||8,00|C|",
        b"|K030|01012025|31122025|A00|",
        b"|K990|7|",
        b"|K915|x|",
        b"|K9",
        b"|K|",
        b"|KA01|",
        b"|K",
        b"XK155|",
        b"K155|",
        b"|k155|",
        b"|L001|0|",
        b"|L300|3.01|X|S|2|04|3|1,00|C|",
        b"|M300|1|",
        b"|C155|1|",
        b"|J050|1|",
        b"|0000|LECF|",
        b"|9900|K155|3|",
        b"",
        b"|",
        b"K",
        b"\r",
        b"\xff\xfe",
        b"|\xff",
        # A record's start without a record's end, and the reverse: the skip looks at both.
        b"|K155|1.1|x",
        b"|K155|1|\r",
        b"|K155|1|\n|K156|2|",
        b"|K155|",
        b"|K1A5|1|",
        b"|K155}1|",
    ]
)
ENDINGS = st.sampled_from([b"\n", b"\r\n", b"\r\r\n"])


# Records as long as a real file's (9 and 8 fields), and short ones.
LONG_K155 = b"|K155|1.1.01.001|000001|6371642,47|D|8745216,43|2364823,01|12752035,89|D|"
LONG_K156 = b"|K156|1.01.01.01.01|6371642,47|D|8745216,43|2364823,01|12752035,89|D|"


@st.composite
def files(draw: st.DrawFn) -> bytes:
    """Runs of lines: long runs of one block's records (or of K155/K156 pairs, long lines) with
    stray lines among them."""
    parts: list[bytes] = []
    for _ in range(draw(st.integers(1, 6))):
        run = draw(
            st.sampled_from(
                [
                    [b"|K155|1|"],
                    [b"|K156|2|"],
                    [b"|M300|1|"],
                    [b"|C155|1|"],
                    [b"|L300|1|"],
                    [LONG_K155, LONG_K156],
                    [b"|K355|3.1.01|000001|10,00|D|", b"|K356|3.01.01|10,00|D|"],
                ]
            )
        )
        parts.extend(run * draw(st.integers(0, 300)))
        parts.extend(draw(st.lists(LINES, max_size=6)))
    ending = draw(ENDINGS)
    data = ending.join(parts)
    return data + draw(st.sampled_from([b"", ending]))


@given(
    data=files(),
    cuts=st.lists(st.integers(0, 1 << 16), max_size=12),
    skip_blocks=st.sampled_from([READ_SKIP, frozenset(), frozenset(b"KM"), frozenset(range(256))]),
)
@example(data=b"|K001|0|\n|K155|\n\n|K155|\n|K990|3|\n", cuts=[], skip_blocks=READ_SKIP)
@example(data=b"|\n|K155|\nX\n|K1\n", cuts=[3], skip_blocks=READ_SKIP)
@example(data=b"|\n|\n|K001|0|", cuts=[], skip_blocks=frozenset(range(256)))
# Chunks that start inside block K (the regular-expression path): a carried line completed by the
# chunk, a chunk ending in b"\n|K" whose next chunk holds "990", a cut right after a b"\n".
@example(data=b"|K001|0|\n|K155|1|\n|K155|2|\n|K990|4|\n", cuts=[13], skip_blocks=READ_SKIP)
@example(data=b"|K001|0|\n|K155|1|\n|K990|3|\n|L001|", cuts=[5, 20], skip_blocks=READ_SKIP)
@example(data=b"|K001|0|\n|K155|1|\n|K\n\n|K9|\n", cuts=[9, 18], skip_blocks=READ_SKIP)
@example(
    data=b"|K001|\n" + b"|K155|\n" * 100 + b"|L300|\n" + b"|K155|\n", cuts=[], skip_blocks=READ_SKIP
)
# A line with a record's start but not a record's end (no closing "|", another line ending), a
# record after an LF line in a CRLF file, a field holding "\r", deep inside block K, in a chunk
# that starts inside it (so that _skippable_prefix's search decides).
@example(
    data=b"|K001|0|\r\n" + b"|K155|1|\r\n" * 40 + b"|K155|1.1|x\r\n" + b"|K155|1|\r\n" * 40,
    cuts=[10, 200],
    skip_blocks=READ_SKIP,
)
@example(
    data=b"|K001|0|\r\n" + b"|K155|1|\r\n" * 40 + b"|K155|1|\r\r\n" + b"|K156|1|\r\n" * 9,
    cuts=[10, 200],
    skip_blocks=READ_SKIP,
)
@example(
    data=b"|K001|0|\r\n" + b"|K155|1|\r\n" * 40 + b"|K155|1|\n" + b"|K156|a\rb|\r\n" * 9,
    cuts=[10, 200],
    skip_blocks=READ_SKIP,
)
@example(
    data=b"|K001|0|\n" + b"|K155|1|\n" * 40 + b"|K155|1\n" + b"|K1A5|1|\n" + b"|K155|1|\n",
    cuts=[9, 200],
    skip_blocks=READ_SKIP,
)
# Long lines: a stray line, K990 and an empty line among them, a chunk cut inside a line.
@example(
    data=b"|K001|0|\r\n" + (LONG_K155 + b"\r\n") * 120 + b"|L300|1|\r\n" + LONG_K156 + b"\r\n",
    cuts=[4096, 5000],
    skip_blocks=READ_SKIP,
)
@example(
    data=b"|K001|0|\n"
    + (LONG_K156 + b"\n") * 120
    + b"\n"
    + (LONG_K156 + b"\n") * 60
    + b"|K990|9|\n",
    cuts=[5000, 9000],
    skip_blocks=READ_SKIP,
)
def test_same_lines_as_the_line_at_a_time_rule(
    data: bytes, cuts: list[int], skip_blocks: frozenset[int]
) -> None:
    """Whatever the bytes, the chunking and the skipped blocks: the same lines, numbers, errors."""
    assert outcome(scan_lines, data, cuts, skip_blocks) == outcome(
        reference, data, cuts, skip_blocks
    )


@pytest.mark.parametrize("chunk_size", [7, 4096, 1 << 16, 1 << 20])
def test_a_stray_line_in_a_long_skipped_run_is_yielded(chunk_size: int) -> None:
    """One line of another block deep inside 50,000 lines of block K comes out, with its number."""
    lines = [b"|K001|0|", *[b"|K155|1.1|000001|1,00|D|"] * 25_000]
    lines += [b"|L300|3.01|X|S|2|04|3|1,00|C|", *[b"|K156|1.01|1,00|D|"] * 25_000, b"|K990|50003|"]
    data = b"\r\n".join(lines) + b"\r\n"
    chunks = [data[i : i + chunk_size] for i in range(0, len(data), chunk_size)]
    out = list(scan_lines(chunks, READ_SKIP))
    assert [(n, line[:5]) for n, line in out] == [
        (1, b"|K001"),
        (25_002, b"|L300"),
        (25_003, b"|K156"),
        (50_003, b"|K990"),
    ]


@pytest.mark.parametrize(
    "chunks",
    [
        [b"", b"|K001|0|\n|K155|\n", b"", b"|K990|3|\n", b""],
        [b"|K001|0|\n|K", b"155|\n" + b"x" * MAX_LINE_LENGTH],
        [b"|K001|0|\n|K", b"x" * MAX_LINE_LENGTH],
        [b"|K001|0|\n" + b"x" * (MAX_LINE_LENGTH + 1)],
    ],
)
def test_empty_chunks_and_lines_too_long(chunks: list[bytes]) -> None:
    """Empty chunks change nothing; an unfinished line past MAX_LINE_LENGTH is refused at its number."""
    assert outcome(scan_lines, b"".join(chunks), [], READ_SKIP) == outcome(
        reference, b"".join(chunks), [], READ_SKIP
    )

    def run(scan: object) -> tuple[list[tuple[int, bytes]], int | None]:
        out: list[tuple[int, bytes]] = []
        try:
            out.extend(scan(chunks, READ_SKIP))  # type: ignore[operator]
        except EcfFormatError as error:
            return out, error.line_number
        return out, -1

    assert run(scan_lines) == run(reference)


# -- scan_counted(): validate()'s scan, whole chunks of plain records counted in C ---------------

HANDLED = frozenset({b"L300", b"9900", b"K355"})


class Consumer:
    """What validate()'s collector does with a line, as far as counting goes: a plain record of
    the open block is counted (the rule of Collector.feed's fast path), any other line is kept in
    ``others``, and x001/x990 open and close blocks."""

    def __init__(self) -> None:
        self.block = -1
        self.counts: Counter[bytes] = Counter()
        self.others: list[tuple[int, bytes]] = []

    def feed(self, pairs: Iterable[tuple[int, bytes]]) -> int:
        """Consume every line; the line number of the error raised (-1 when none)."""
        try:
            for number, raw in pairs:
                if (
                    number > 1
                    and raw[5:6] == b"|"
                    and raw[:1] == b"|"
                    and raw[1:5] not in HANDLED
                    and raw[1] == self.block
                    and raw[2:5] not in (b"001", b"990")
                    and raw.endswith((b"|\r\n", b"|\n"))
                    and raw[1:5].isalnum()
                    and len(raw) <= MAX_LINE_LENGTH
                ):
                    self.counts[raw[1:5]] += 1
                    continue
                self.others.append((number, raw))
                if raw[:1] == b"|" and raw[5:6] == b"|":
                    if raw[2:5] == b"001":
                        self.block = raw[1]
                    elif raw[2:5] == b"990":
                        self.block = -1
        except EcfFormatError as error:
            return error.line_number or 0
        return -1


def _counted_and_per_line(chunks: list[bytes]) -> tuple[object, object]:
    fast, slow = Consumer(), Consumer()
    fast_error = fast.feed(scan_counted(chunks, fast.counts, lambda: fast.block, HANDLED))
    slow_error = slow.feed(scan_lines(chunks, frozenset()))
    return (fast.counts, fast.others, fast_error), (slow.counts, slow.others, slow_error)


@given(data=files(), cuts=st.lists(st.integers(0, 1 << 16), max_size=60))
@example(data=b"|K001|0|\n" + b"|K155|1|\n" * 40 + b"|K990|42|\n", cuts=[9, 100, 200, 300])
@example(data=b"|K001|0|\n" + b"|K155|1|\n" * 40 + b"|K355|1|\n" * 3, cuts=[9, 300, 340])
@example(data=b"|K001|0|\r\n" + b"|K155|1|\r\n" * 40 + b"|K155|1\r\n", cuts=[10, 200])
# A chunk that starts inside the first line's end (b"|" or b"|\r" carried), pairs of registers.
@example(
    data=b"|K001|0|\r\n" + (LONG_K155 + b"\r\n" + LONG_K156 + b"\r\n") * 60, cuts=[10, 87, 400]
)
@example(
    data=b"|K001|0|\r\n" + (LONG_K155 + b"\r\n" + LONG_K156 + b"\r\n") * 60, cuts=[10, 86, 400]
)
def test_counted_chunks_count_what_the_collector_would(data: bytes, cuts: list[int]) -> None:
    """scan_counted: the same counts per register, the same other lines with their numbers, the
    same error, as every line handed over one at a time; whatever the bytes and the chunking."""
    data = b"|0000|LECF|\n|K001|0|\n" + data
    bounds = sorted({0, len(data), *(c % (len(data) + 1) for c in cuts)})
    chunks = [data[a:b] for a, b in itertools.pairwise(bounds)]
    fast, slow = _counted_and_per_line(chunks)
    assert fast == slow


# Lines handed over one by one, at most: the chunk holding line 1, and the last (K990, 9999).
LIMIT = {64: 10, 4096: 400, 1 << 16: 6_000}


@pytest.mark.parametrize("chunk_size", [64, 4096, 1 << 16])
def test_counted_chunks_are_not_handed_over(chunk_size: int) -> None:
    """50,000 plain K155/K156 lines: counted, and only the lines around them reach the consumer."""
    lines = [
        b"|0000|LECF|",
        b"|K001|0|",
        *[b"|K155|1.1|000001|1,00|D|", b"|K156|1.01|1,00|D|"] * 25_000,
    ]
    lines += [b"|K990|50003|", b"|9999|50004|"]
    data = b"\r\n".join(lines) + b"\r\n"
    chunks = [data[i : i + chunk_size] for i in range(0, len(data), chunk_size)]
    consumer = Consumer()
    handed: list[int] = []

    def watched() -> Iterator[tuple[int, bytes]]:
        for number, line in scan_counted(chunks, consumer.counts, lambda: consumer.block, HANDLED):
            handed.append(number)
            yield number, line

    assert consumer.feed(watched()) == -1
    assert consumer.counts == Counter({b"K155": 25_000, b"K156": 25_000})
    # Line by line: only the chunks that hold line 1 or a block's edge.
    assert len(handed) <= LIMIT[chunk_size], len(handed)
    assert consumer.others[-1] == (50_004, b"|9999|50004|\r\n")
    assert handed == sorted(set(handed))


@pytest.mark.parametrize(
    "chunks",
    [
        [b"", b"|K001|0|\n|K155|\n", b"", b"|K990|3|\n", b""],
        [b"|K001|0|\n|K", b"155|\n" + b"x" * MAX_LINE_LENGTH],
        [b"|K001|0|\n|K", b"x" * MAX_LINE_LENGTH],
        [b"|K001|0|\n" + b"x" * (MAX_LINE_LENGTH + 1)],
        [b"|0|\n|K001|0|\n", b"|K155|1|\n" * 9, b"|K155|1|\n" * 9 + b"x" * (MAX_LINE_LENGTH + 1)],
        [b"|0|\n|K001|0|\n", b"|K155|1|\n" * 9, b"|K155|1|\n" * 9 + b"|K155|" + b"x" * 9, b"x\n"],
        [b"|0|\n|K001|0|\n", b"|K155|1|\n" * 9, b"|K155|\n" * 9, b"|K156|1|\n" * 9],
    ],
)
def test_counted_empty_chunks_and_lines_too_long(chunks: list[bytes]) -> None:
    """scan_counted on empty chunks, carried lines and lines past MAX_LINE_LENGTH: what the
    line-at-a-time consumer gets, the same error at the same line."""
    fast, slow = _counted_and_per_line(chunks)
    assert fast == slow
