"""scan_lines() yields exactly what the line-at-a-time rule yields, however the input is cut.

The fast path (whole runs of a skipped block's lines compared as bytes in C) must never let a line
through that the rule stops, nor stop one it lets through: ``reference`` below is that rule, one
line at a time, as scan_lines had it before the fast path.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from io import BytesIO

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ecfmetric import EcfFormatError
from ecfmetric._layout import READ_BLOCKS
from ecfmetric._lines import MAX_LINE_LENGTH, scan_lines

READ_SKIP = frozenset(range(256)) - READ_BLOCKS


def reference(chunks: Iterable[bytes], skip_blocks: frozenset[int]) -> Iterator[tuple[int, bytes]]:
    """The rule, one line at a time: a line of a skipped block is dropped when it starts with
    ``|``, its second byte is the block's letter and its third byte is not ``9``."""
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
                if line[1] == skip and line[2] != ord("9") and line[0] == ord("|"):
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
    ]
)
ENDINGS = st.sampled_from([b"\n", b"\r\n", b"\r\r\n"])


@st.composite
def files(draw: st.DrawFn) -> bytes:
    """Runs of lines: long runs of one block's records with stray lines among them."""
    parts: list[bytes] = []
    for _ in range(draw(st.integers(1, 6))):
        run = draw(
            st.sampled_from([b"|K155|1|", b"|K156|2|", b"|M300|1|", b"|C155|1|", b"|L300|1|"])
        )
        parts.extend([run] * draw(st.integers(0, 300)))
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
@example(
    data=b"|K001|\n" + b"|K155|\n" * 100 + b"|L300|\n" + b"|K155|\n", cuts=[], skip_blocks=READ_SKIP
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
