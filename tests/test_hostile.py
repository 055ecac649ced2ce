"""Hostile inputs of issue 23: archives checked to their end, blocks of figures that lenient mode
cannot drop, per-call budgets, arguments refused as arguments.

Every file here is built from the plain sample (fixtures/real_annual_0012_crlf_latin1.txt) or
from tests/test_reader.py's BASIC file, whose figures are worked out there; a test that reads a
figure compares it with the plain file's.
"""

from __future__ import annotations

import gzip
import io
import itertools
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ecfmetric
from ecf_helpers import ecf_bytes, real_annual
from ecfmetric import EcfFormatError, Limits
from test_reader import BASIC, EXPECTED_BASIC, components

FIXTURES = Path(__file__).parent.parent / "fixtures"
SAMPLE = FIXTURES / "real_annual_0012_crlf_latin1.txt"
DATA = SAMPLE.read_bytes()
#: A signature block after 9999 longer than one 64 KiB chunk (bytes that are not text).
TAIL = b"SBRCAAEPDR" + bytes(range(256)) * 400


def zipped(*members: tuple[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in members:
            archive.writestr(name, content)
    return buffer.getvalue()


def refused(data: bytes, **kwargs: Any) -> EcfFormatError:
    """read_bytes() refuses ``data`` and validate_bytes() reports the same single error."""
    with pytest.raises(EcfFormatError) as caught:
        ecfmetric.read_bytes(data, name="upload", **kwargs)
    report = ecfmetric.validate_bytes(data, name="upload", **kwargs)
    assert [(f.code, f.line_number) for f in report.errors] == [
        (caught.value.code, caught.value.line_number)
    ]
    return caught.value


# -- archives read to their end ------------------------------------------------------------------


def _member_data_offset(archive: bytes) -> int:
    """Where the first member's data starts (after its local header, name and extra field)."""
    name_length, extra_length = struct.unpack("<HH", archive[26:30])
    return 30 + name_length + extra_length


def test_a_flipped_byte_after_9999_in_a_stored_zip_is_a_crc_error() -> None:
    """The byte changed is in the signature block, past the chunk that holds 9999: only the
    member's CRC shows it, and it is checked now (before, the figure came out as if whole)."""
    signed = DATA + TAIL
    archive = bytearray(zipped(("ECF.txt", signed), method=zipfile.ZIP_STORED))
    assert ecfmetric.read_bytes(bytes(archive)) == ecfmetric.read_bytes(signed)
    at = _member_data_offset(archive) + len(signed) - 1000  # inside TAIL
    archive[at] ^= 0x01
    error = refused(bytes(archive))
    assert error.code == "BAD_ARCHIVE"
    assert "CRC" in error.reason or "damaged" in error.reason


def test_a_gzip_with_a_wrong_crc_or_length_is_refused() -> None:
    packed = gzip.compress(DATA + TAIL)
    for at in (len(packed) - 8, len(packed) - 1):  # the CRC-32, then the length (ISIZE)
        damaged = bytearray(packed)
        damaged[at] ^= 0x01
        assert refused(bytes(damaged)).code == "BAD_ARCHIVE"


def test_iter_records_checks_the_crc_too() -> None:
    damaged = bytearray(gzip.compress(DATA + TAIL))
    damaged[-8] ^= 0x01
    with pytest.raises(EcfFormatError) as caught:
        list(ecfmetric.iter_records(io.BytesIO(bytes(damaged))))
    assert caught.value.code == "BAD_ARCHIVE"


def test_a_concatenated_gzip_is_refused() -> None:
    for data in (
        gzip.compress(DATA[:1000]) + gzip.compress(DATA[1000:]),
        gzip.compress(DATA) + gzip.compress(b"|0000|LECF|"),
        gzip.compress(DATA) + b"garbage",
    ):
        error = refused(data)
        assert error.code == "BAD_ARCHIVE"
        assert "a gzip input holds one ECF file" in error.render("en")


def _damaged_method(method: int) -> bytes:
    archive = bytearray(zipped(("ECF.txt", DATA), method=method))
    start = _member_data_offset(archive)
    archive[start : start + 8] = b"\xa5" * 8  # the compressed stream's own header
    return bytes(archive)


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA, zipfile.ZIP_DEFLATED])
def test_every_damaged_compression_is_bad_archive(method: int) -> None:
    """bz2's OSError, lzma.LZMAError and zlib.error all come out as BAD_ARCHIVE."""
    assert refused(_damaged_method(method)).code == "BAD_ARCHIVE"


def test_an_unknown_method_is_bad_archive() -> None:
    archive = bytearray(zipped(("ECF.txt", DATA), method=zipfile.ZIP_STORED))
    central = archive.index(b"PK\x01\x02")
    archive[8:10] = struct.pack("<H", 99)  # AES, which zipfile cannot read
    archive[central + 10 : central + 12] = struct.pack("<H", 99)
    assert refused(bytes(archive)).code == "BAD_ARCHIVE"


@pytest.mark.parametrize(
    "hidden", [".DS_Store", "._ECF.txt", "__MACOSX/._ECF.txt", "__MACOSX/ECF.txt", "sub/"]
)
def test_an_ecf_hidden_in_an_ignored_entry_is_refused(hidden: str) -> None:
    """The genuine signed file as .DS_Store beside an edited ECF.txt: refused, naming it."""
    signed = DATA + TAIL
    edited = DATA.replace(b"|520000,00|", b"|8520000,00|")
    error = refused(zipped(("ECF.txt", edited), (hidden, signed)))
    assert error.code == "ZIP_MEMBERS"
    assert hidden in error.reason


def test_a_hidden_archive_is_refused_and_real_mac_entries_are_not() -> None:
    assert refused(zipped(("ECF.txt", DATA), ("._ECF.txt", gzip.compress(DATA)))).code == (
        "ZIP_MEMBERS"
    )
    mac = zipped(
        ("ECF/", b""),
        ("ECF/ECF.txt", DATA),
        ("__MACOSX/ECF/._ECF.txt", b"\0\5\26\7\0\2\0\0Mac OS X        "),
        (".DS_Store", b"\0\0\0\1Bud1" + b"\0" * 100),
    )
    assert ecfmetric.read_bytes(mac) == ecfmetric.read_bytes(DATA)


def test_an_encrypted_ignored_entry_is_refused() -> None:
    archive = bytearray(zipped(("ECF.txt", DATA), (".DS_Store", b"\0\0\0\1Bud1")))
    # The second local header and the second central entry get the "encrypted" bit.
    second = archive.index(b"PK\x03\x04", 4)
    archive[second + 6] |= 0x1
    central = archive.index(b"PK\x01\x02")
    central = archive.index(b"PK\x01\x02", central + 4)
    archive[central + 8] |= 0x1
    error = refused(bytes(archive))
    assert (error.code, ".DS_Store" in error.reason) == ("BAD_ARCHIVE", True)


def test_a_second_file_is_refused_naming_both() -> None:
    error = refused(zipped(("ECF.txt", DATA), ("outro.txt", DATA)))
    assert error.code == "ZIP_MEMBERS"
    assert "ECF.txt" in error.reason
    assert "outro.txt" in error.reason


def test_plain_files_are_not_read_past_9999() -> None:
    """Reading to the end is for compressed members only: a plain file's tail is not read."""

    class Counting(io.BytesIO):
        pulled = 0

        def read(self, size: int | None = -1, /) -> bytes:
            part = super().read(size)
            self.pulled += len(part)
            return part

    big_tail = DATA + b"SBRCAAEPDR" + b"\x00" * (1 << 22)
    stream = Counting(big_tail)
    ecfmetric.read(stream, chunk_size=1 << 16)
    assert stream.pulled < len(DATA) + (1 << 17)


# -- lenient mode cannot drop a damaged figure ------------------------------------------------

SALE = b"|L300|3.01.01.01.01.04|"


@pytest.mark.parametrize(
    ("register", "code"),
    [
        (b"|L301|", "UNKNOWN_RECORD"),
        (b"|L200|", "COUNT_MISMATCH"),  # a register of block L: its 9900 count of L300 is off
        (b"|K300|", "BLOCK_STRUCTURE"),
        (b"|M200|", "BLOCK_STRUCTURE"),
    ],
)
def test_a_damaged_l300_is_an_error_in_every_mode(register: bytes, code: str) -> None:
    """|L300| of a sale (600,00) damaged into a well-formed other register: before, lenient
    mode dropped it (gross 400,00 instead of 1000,00, 'complete'); now refused in both modes."""
    assert components(ecfmetric.read_bytes(BASIC)) == EXPECTED_BASIC  # gross 1000.00
    damaged = BASIC.replace(SALE, register + SALE[6:], 1)
    assert damaged != BASIC
    for strict in (True, False):
        with pytest.raises(EcfFormatError) as caught:
            ecfmetric.read_bytes(damaged, strict=strict)
        assert caught.value.code == code, strict
        report = ecfmetric.validate_bytes(damaged, strict=strict)
        assert not report.ok
        assert code in {f.code for f in report.errors}


def test_a_wrong_9900_count_of_a_figure_record_is_an_error_when_lenient() -> None:
    damaged = BASIC.replace(b"|9900|L300|14|", b"|9900|L300|15|", 1)
    assert damaged != BASIC
    with pytest.raises(EcfFormatError) as caught:
        ecfmetric.read_bytes(damaged, strict=False)
    assert (caught.value.code, caught.value.record) == ("COUNT_MISMATCH", "9900")
    # A wrong count of a record no figure comes from is still only a warning when lenient.
    other = BASIC.replace(b"|9900|0010|1|", b"|9900|0010|2|", 1)
    assert other != BASIC
    metric = ecfmetric.read_bytes(other, strict=False)
    assert components(metric) == EXPECTED_BASIC
    assert "COUNT_MISMATCH" in {w.code for w in metric.warnings}


# -- budgets per call ---------------------------------------------------------------------------


class LazyGzip(io.RawIOBase):
    """A gzip stream made while it is read, from an iterator of lines: a hostile upload of any
    expanded size costs the test only what the reader pulls before it refuses."""

    def __init__(self, lines: Iterator[bytes]) -> None:
        self.lines = lines
        self.packer = zlib.compressobj(1, zlib.DEFLATED, 31)
        self.buffer = b""
        self.expanded = 0
        self.done = False

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1, /) -> bytes:
        while len(self.buffer) < max(size, 1) and not self.done:
            line = next(self.lines, None)
            if line is None:
                self.buffer += self.packer.flush()
                self.done = True
            else:
                self.expanded += len(line)
                self.buffer += self.packer.compress(line)
        part, self.buffer = self.buffer[:size], self.buffer[size:]
        return part


def _hostile(body: Iterable[bytes]) -> Iterator[bytes]:
    head, _, _ = BASIC.partition(b"|L300|3.01|")
    yield head
    yield from body
    yield b"|L990|1|\r\n|9001|0|\r\n|9990|3|\r\n|9999|1|\r\n"


def test_block_l_lines_past_the_read_lines_budget_are_refused() -> None:
    """4 GB of block-L lines (64 KB each, 65,536 of them) in a small gzip: refused once past
    Limits.read_lines, after reading about that many lines, not the 4 GB."""
    line = b"|L100|1.01|" + b"X" * 65_000 + b"|S|1|01||0,00|D|0,00|0,00|0,00|D|\r\n"
    stream = LazyGzip(_hostile(itertools.repeat(line, 65_536)))
    with pytest.raises(EcfFormatError) as caught:
        ecfmetric.read(stream, limits=Limits(read_lines=500))
    assert caught.value.code == "TOO_MANY_LINES"
    assert "Limits.read_lines" in caught.value.reason
    assert caught.value.line_number == 501  # refused at the first line past the budget
    assert stream.expanded < 64 << 20  # (the test's compressor buffers ahead), not 4 GB


def test_kept_lines_with_huge_descriptions_are_refused_by_their_bytes() -> None:
    """Kept L300 lines with 64 KB descriptions: refused past Limits.kept_bytes, not held.

    A period holds each code once and only the RFB table's codes (children .01 to .08 of
    3.01.01.01.01 here), so a file cannot keep 20,000 such lines any more; the bytes budget
    bounds what the codes and periods that remain could hold (4 MiB by default). Each line is
    65,054 bytes; with a budget of 5 of them, the 6th kept line is refused: BASIC's lines before
    the first L300 are 6, so at line 6 + 6 = 12."""
    line = b"|L300|3.01.01.01.01.%02d|" + b"D" * 65_000 + b"|A|6|04|3.01.01.01.01|1,00|C|\r\n"
    size = len(line % 1)
    assert size == 65_054
    lines = (line % (1 + n % 8) for n in range(20_000))
    stream = LazyGzip(_hostile(lines))
    with pytest.raises(EcfFormatError) as caught:
        ecfmetric.read(stream, limits=Limits(kept_bytes=5 * size))
    assert caught.value.code == "TOO_MANY_LINES"
    assert "Limits.kept_bytes" in caught.value.reason
    assert caught.value.line_number == 6 + 6
    assert stream.expanded < 64 << 20
    assert Limits().kept_bytes == 4 << 20


def test_lines_and_expanded_bytes_budgets() -> None:
    assert refused(BASIC, limits=Limits(lines=10)).code == "TOO_MANY_LINES"
    assert refused(gzip.compress(DATA), limits=Limits(expanded_bytes=1000)).code == (
        "EXPANSION_LIMIT"
    )
    assert refused(BASIC, limits=Limits(kept_lines=2)).code == "TOO_MANY_LINES"
    generous = Limits(expanded_bytes=1 << 40, lines=10**9, read_lines=10**9)
    assert ecfmetric.read_bytes(gzip.compress(DATA), limits=generous) == ecfmetric.read_bytes(DATA)


def test_a_long_description_is_capped() -> None:
    records = real_annual(
        [
            "|L300|3.01.01.01.01|RECEITA BRUTA|S|5|04|3.01.01.01|1000,00|C|",
            "|L300|3.01.01.01.01.04|" + "V" * 3000 + "|A|6|04|3.01.01.01.01|1000,00|C|",
        ]
    )
    metric = ecfmetric.read_bytes(ecf_bytes(records))
    (line,) = [source for source in metric.lines if source.code == "3.01.01.01.01.04"]
    assert line.description == "V" * 399 + "…"
    assert metric.gross_revenue == ecfmetric.read_bytes(ecf_bytes(records)).gross_revenue


def test_the_default_budgets() -> None:
    """The documented defaults (docs/inputs.md)."""
    assert Limits() == Limits(
        expanded_bytes=4 << 30,
        lines=50_000_000,
        read_lines=1_000_000,
        kept_lines=20_000,
        kept_bytes=4 << 20,
    )


# -- arguments refused as arguments ---------------------------------------------------------


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "64"])
def test_a_bad_chunk_size_is_the_caller_s_error(bad: Any) -> None:
    for call in (
        lambda: ecfmetric.read_bytes(DATA, chunk_size=bad),
        lambda: ecfmetric.validate_bytes(DATA, chunk_size=bad),
        lambda: list(ecfmetric.iter_records(io.BytesIO(DATA), chunk_size=bad)),
    ):
        with pytest.raises(ValueError, match="chunk_size") as caught:
            call()
        assert not isinstance(caught.value, ecfmetric.EcfError)


def test_bad_limits_are_the_caller_s_error() -> None:
    with pytest.raises(ValueError, match=r"Limits\.lines"):
        Limits(lines=0)
    with pytest.raises(TypeError, match="limits"):
        ecfmetric.read_bytes(DATA, limits={"lines": 10})  # type: ignore[arg-type]


def test_read_many_refuses_a_bad_chunk_size_at_once() -> None:
    with pytest.raises(ValueError, match="chunk_size"):
        ecfmetric.read_many([SAMPLE, SAMPLE], workers=2, chunk_size=0)


_SIGNED_PLAIN = DATA + TAIL
_PLAIN_METRIC = ecfmetric.read_bytes(_SIGNED_PLAIN)
_PACKED = {
    "gzip": gzip.compress(_SIGNED_PLAIN),
    "zip": zipped(("ECF.txt", _SIGNED_PLAIN)),
    "zip-bzip2": zipped(("ECF.txt", _SIGNED_PLAIN), method=zipfile.ZIP_BZIP2),
    "zip-lzma": zipped(("ECF.txt", _SIGNED_PLAIN), method=zipfile.ZIP_LZMA),
}


@settings(max_examples=150, deadline=None)
@given(
    how=st.sampled_from(sorted(_PACKED)),
    where=st.floats(min_value=0, max_value=1, exclude_max=True),
    xor=st.integers(1, 255),
)
def test_a_changed_byte_of_an_archive_never_gives_another_figure(
    how: str, where: float, xor: int
) -> None:
    """One byte of the archive changed, anywhere (the text, the signature block after 9999,
    the headers): the plain file's metric or an EcfError, never another figure or exception.
    The CRC-32 of the member, now checked to its end, is what catches a change past 9999."""
    data = bytearray(_PACKED[how])
    data[int(where * len(data))] ^= xor
    code: object = None
    metric = None
    try:
        metric = ecfmetric.read_bytes(bytes(data))
    except ecfmetric.EcfError as error:
        code = getattr(error, "code", None)
    assert code != "INTERNAL_ERROR"
    assert metric is None or metric == _PLAIN_METRIC


def test_read_many_passes_the_limits_to_each_file() -> None:
    """Two workers and one: the sample (more than 20 lines in the blocks read record by record)
    is refused under Limits(read_lines=20), and read as read() reads it without limits."""
    for workers in (1, 2):
        results = list(
            ecfmetric.read_many([SAMPLE, SAMPLE], workers=workers, limits=Limits(read_lines=20))
        )
        assert [getattr(r.error, "code", None) for r in results] == ["TOO_MANY_LINES"] * 2
    (result,) = ecfmetric.read_many([SAMPLE], limits=Limits())
    assert result.metric == ecfmetric.read(SAMPLE)
