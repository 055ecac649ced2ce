"""The signature scan (``ecf/_signature_scan.Tap``) against its definition, whatever the chunks.

The definition, worked out on the whole input at once: put a virtual b"\\n" before the bytes; the
first ``\\n|9999|`` starts the 9999 line; the first ``SBRCAAEPDR`` after that line's b"\\n" is the
marker; the digests are those of every byte before the marker; the blob is every byte after it
(at most MAX_BLOB, not only blanks). The Tap finds it chunk by chunk, looking for the 9999 line
through ``|99``, hashing on a second thread: these tests cut the same bytes anywhere, make the
thread take over from the first byte, and fill the text with ``|99`` and near-misses.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ecfmetric
from ecfmetric.ecf import _lines, _signature_scan
from ecfmetric.ecf._signature_scan import MARKER, MAX_BLOB, Found, Tap, hashing_needed

SIGNED = Path(__file__).parent.parent / "fixtures" / "signed"
UNSIGNED = Path(__file__).parent.parent / "fixtures" / "real_annual_0012_crlf_latin1.txt"

_PIECES = [b"\n", b"|", b"9", b"|99", b"|999", b"\n|9999|", b"|9999|", b"\n|9999", MARKER]
_PIECES += [b"SBRC", b"AAEPDR", b"x", b"\r\n", b"|K155|1|", b" ", b"\x00"]


def _expected(data: bytes) -> Found | str | None:
    """The definition above, on the whole input (an error code for a block that is refused)."""
    virtual = b"\n" + data
    needle = virtual.find(b"\n|9999|")
    if needle < 0:
        return None
    marker = virtual.find(MARKER, needle + 1)
    if marker < 0:
        return None
    offset = marker - 1
    tail = data[offset + len(MARKER) :]
    if len(tail) > MAX_BLOB:
        return "SIGNATURE_TOO_LARGE"
    if not tail.strip(b"\r\n\t \x00"):
        return "NO_SIGNATURE_BLOB"
    digests = {name: hashlib.new(name, data[:offset]).digest() for name in ("sha1", "sha256")}
    return Found(offset, tail, data[:256], digests)


def _tapped(data: bytes, cuts: list[int], hashing: bool) -> Found | str | None:
    tap = Tap("x", hashing=hashing)
    edges = sorted({0, len(data), *(cut % (len(data) + 1) for cut in cuts)})
    chunks = [data[a:b] for a, b in itertools.pairwise(edges)]
    for _ in tap.tap(iter(chunks)):
        pass
    try:
        found = tap.close()
    except ecfmetric.SignatureError as error:
        return error.code
    if found is not None:
        # The head is kept up to the chunk of the marker at least (it says the file's type):
        # compared as the definition's when it holds every byte up to the marker's end.
        assert data.startswith(found.head)
        assert len(found.head) >= min(256, found.marker_offset + len(MARKER))
        found.head = data[:256]
    return found


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=60).map(b"".join),
    st.lists(st.integers(min_value=0, max_value=400), max_size=30),
    st.booleans(),
)
def test_tap_finds_what_the_definition_says(data: bytes, cuts: list[int], threaded: bool) -> None:
    if threaded:
        _signature_scan.THREAD_AFTER = 0
    try:
        expected = _expected(data)
        assert _tapped(data, cuts, hashing=True) == expected
        unhashed = _tapped(data, cuts, hashing=False)
        if isinstance(expected, Found):
            assert isinstance(unhashed, Found)
            assert unhashed.digests == {}
            unhashed.digests = expected.digests
        assert unhashed == expected
    finally:
        _signature_scan.THREAD_AFTER = 1 << 20


_LINES = [b"|K155|1|\r\n", b"|K156|2|\r\n", b"|0000|LECF|\r\n", b"|9999|9|\r\n", b"|9999|"]
_LINES += [b"|9999|" + MARKER + b"x\r\n", b"x|9999|\n", b"\n", MARKER, b"blob", b"|99|\r\n"]


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.sampled_from(_LINES), max_size=40).map(b"".join),
    st.lists(st.integers(min_value=0, max_value=300), max_size=30),
    st.booleans(),
    st.booleans(),
)
def test_watched_tap_finds_what_the_definition_says(
    data: bytes, cuts: list[int], skip_k: bool, stop_at_9999: bool
) -> None:
    # The reader's lines say where the 9999 line is: the chunks before are only hashed. With a
    # small MAX_LINE_LENGTH, chunks are held and let go all along; the reader stops at the first
    # 9999 line (as read() does) or takes every line (as validate() may), skipping block K's
    # records or not. A file the reader refuses (LINE_TOO_LONG) has no signature to compare.
    limit = 24
    saved = (_lines.MAX_LINE_LENGTH, _signature_scan.MAX_LINE_LENGTH)
    _lines.MAX_LINE_LENGTH = _signature_scan.MAX_LINE_LENGTH = limit
    try:
        tap = Tap("x", watched=True)
        edges = sorted({0, len(data), *(cut % (len(data) + 1) for cut in cuts)})
        chunks = tap.tap(iter([data[a:b] for a, b in itertools.pairwise(edges)]))
        skip = frozenset({ord("K")}) if skip_k else frozenset()
        refused = None
        try:
            for _, line in tap.watch(_lines.scan_lines(chunks, skip)):
                if stop_at_9999 and line.startswith(b"|9999|"):
                    break
        except ecfmetric.EcfFormatError as error:
            refused = error.code
        if refused is not None:
            assert refused == "LINE_TOO_LONG"
            return
        tap.unwatch()
        for _ in chunks:
            pass
        try:
            found: Found | str | None = tap.close()
        except ecfmetric.SignatureError as error:
            found = error.code
        if isinstance(found, Found):
            found.head = data[:256]
        assert found == _expected(data)
    finally:
        _lines.MAX_LINE_LENGTH, _signature_scan.MAX_LINE_LENGTH = saved


def test_threaded_digests_of_a_large_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # Past THREAD_AFTER the hashing thread takes over; the digests are those of the whole text.
    monkeypatch.setattr(_signature_scan, "THREAD_AFTER", 100_000)
    text = b"|K155|1|2|\r\n" * 100_000 + b"|9999|100001|\r\n"
    data = text + MARKER + b"blob"
    found = _tapped(data, list(range(0, len(data), 65536)), hashing=True)
    assert isinstance(found, Found)
    assert found.digests["sha1"] == hashlib.sha1(text).digest()
    assert found.digests["sha256"] == hashlib.sha256(text).digest()


def test_hashing_needed(tmp_path: Path) -> None:
    # A path or seekable file: hashed only when its tail holds the marker.
    assert hashing_needed(UNSIGNED) is False
    assert hashing_needed(SIGNED / "one_rsa_sha1.ecf") is True
    far = tmp_path / "far.ecf"
    far.write_bytes(b"|9999|1|\r\n" + MARKER + b"x" * (MAX_BLOB + 1))
    assert hashing_needed(far) is False  # its blob is too large: no digest is ever needed
    near = tmp_path / "near.ecf"
    near.write_bytes(b"|9999|1|\r\n" + MARKER + b"x" * (MAX_BLOB - 10))
    assert hashing_needed(near) is True
    # A compressed input is always hashed: its text is not seen, nor can it be read again.
    packed = tmp_path / "packed.gz"
    packed.write_bytes(gzip.compress(UNSIGNED.read_bytes()))
    assert hashing_needed(packed) is True
    # A file object is put back where it was; one that cannot seek is hashed.
    stream = io.BytesIO(b"abc" + UNSIGNED.read_bytes())
    stream.seek(3)
    assert hashing_needed(stream) is False
    assert stream.tell() == 3

    class Unseekable(io.RawIOBase):
        def seekable(self) -> bool:
            return False

    assert hashing_needed(Unseekable()) is True  # type: ignore[arg-type]
    assert hashing_needed(tmp_path / "missing.ecf") is True


@pytest.mark.parametrize("name", ["one_rsa_sha1.ecf", "tampered_digit.ecf"])
def test_unhashed_scan_verifies_the_same(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Digests not computed on the way are computed from the file again: the same verdict.
    hashed = ecfmetric.read_signature(SIGNED / name)
    monkeypatch.setattr("ecfmetric.ecf._signature.hashing_needed", lambda source: False)
    assert ecfmetric.read_signature(SIGNED / name) == hashed


def test_unsigned_file_is_not_hashed(monkeypatch: pytest.MonkeyPatch) -> None:
    # read(signature=True) and validate() on an unsigned file compute no digest.
    def refuse(self: object) -> None:
        raise AssertionError("hashed an unsigned file")

    monkeypatch.setattr(_signature_scan._Digests, "__init__", refuse)
    assert ecfmetric.read(UNSIGNED, signature=True).signature is None
    assert ecfmetric.validate(UNSIGNED).ok
