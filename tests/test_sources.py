"""Inputs as they come: ZIP and gzip uploads, bytes paths, bytes in memory, refusals that say
what the bytes are."""

from __future__ import annotations

import gzip
import io
import os
import tarfile
import tracemalloc
import zipfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ecfmetric
from ecf_helpers import ecf_bytes, real_annual
from ecfmetric import EcfError, EcfFormatError
from ecfmetric.cli._cli import main
from ecfmetric.ecf import _archive

FIXTURES = Path(__file__).parent.parent / "fixtures"
CASES = sorted(FIXTURES.glob("*.txt"))
SAMPLE = FIXTURES / "real_annual_0012_crlf_latin1.txt"
DATA = SAMPLE.read_bytes()


def zipped(*members: tuple[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in members:
            archive.writestr(name, content)
    return buffer.getvalue()


def outcome(call: Callable[[], Any]) -> tuple[str, Any]:
    try:
        return "ok", call()
    except EcfError as error:
        return type(error).__name__, (vars(error).get("code"), vars(error).get("line_number"))


def refusal(data: bytes, **kwargs: Any) -> EcfFormatError:
    with pytest.raises(EcfFormatError) as caught:
        ecfmetric.read_bytes(data, name="upload", **kwargs)
    report = ecfmetric.validate_bytes(data, name="upload")
    assert [(f.code, f.line_number) for f in report.findings] == [
        (caught.value.code, caught.value.line_number)
    ]
    assert report.findings[0].message.startswith(caught.value.reason)
    assert caught.value.source == "upload"
    return caught.value


# -- compressed uploads read as the plain file -------------------------------------------------


COMPRESSIONS: dict[str, Callable[[bytes], bytes]] = {
    "gzip": gzip.compress,
    "zip": lambda data: zipped(("ECF_2025.txt", data)),
    "zip-stored": lambda data: zipped(("ecf.txt", data), method=zipfile.ZIP_STORED),
    "zip-bzip2": lambda data: zipped(("ecf.txt", data), method=zipfile.ZIP_BZIP2),
    "zip-mac": lambda data: zipped(
        ("ECF/", b""),
        ("ECF/ecf.txt", data),
        ("__MACOSX/ECF/._ecf.txt", b"\0\5\26\7"),
        (".DS_Store", b"\0\0\0\1Bud1"),
    ),
}


@pytest.mark.parametrize("how", sorted(COMPRESSIONS))
def test_every_fixture_reads_the_same_compressed(how: str) -> None:
    """read(), validate() and iter_records() give the same result for the plain and compressed."""
    compress = COMPRESSIONS[how]
    for case in CASES:
        plain = case.read_bytes()
        strict = "lenient" not in case.name
        packed = compress(plain)
        assert outcome(partial(ecfmetric.read_bytes, packed, strict=strict)) == outcome(
            partial(ecfmetric.read_bytes, plain, strict=strict)
        ), case.name
        report, expected = ecfmetric.validate_bytes(packed), ecfmetric.validate_bytes(plain)
        assert report.metric == expected.metric
        assert [(f.code, f.line_number) for f in report.findings] == [
            (f.code, f.line_number) for f in expected.findings
        ]
        assert outcome(partial(records, packed)) == outcome(partial(records, plain)), case.name


def records(data: bytes) -> list[ecfmetric.Record]:
    return list(ecfmetric.iter_records(io.BytesIO(data)))


def test_compressed_files_on_disk_read_and_with_tiny_chunks(tmp_path: Path) -> None:
    expected = ecfmetric.read(SAMPLE)
    gz = tmp_path / "ecf.txt.gz"
    gz.write_bytes(gzip.compress(DATA))
    archive = tmp_path / "ecf.zip"
    archive.write_bytes(zipped(("ecf.txt", DATA)))
    for path in (gz, archive):
        assert ecfmetric.read(path) == expected
        assert ecfmetric.read(str(path), chunk_size=7) == expected
        assert ecfmetric.validate(path).metric == expected
        with path.open("rb") as stream:
            assert ecfmetric.read(stream) == expected


def test_a_zip_read_from_the_middle_of_a_stream() -> None:
    """A file object is read from its position: a ZIP that starts there is read as one."""
    stream = io.BytesIO(b"prefix" + zipped(("ecf.txt", DATA)))
    stream.seek(6)
    assert ecfmetric.read(stream) == ecfmetric.read(SAMPLE)


def test_a_gzip_stream_that_cannot_seek_is_read_with_short_reads() -> None:
    """A pipe or socket: no seek, and reads shorter than asked."""
    assert ecfmetric.read(Trickle(gzip.compress(DATA))) == ecfmetric.read(SAMPLE)
    assert ecfmetric.read(Trickle(DATA)) == ecfmetric.read(SAMPLE)


class Trickle:
    """A non-seekable stream that returns at most 3 bytes per read."""

    def __init__(self, data: bytes) -> None:
        self.data = io.BytesIO(data)

    def read(self, size: int = -1) -> bytes:
        return self.data.read(min(size, 3) if size >= 0 else 3)


def test_a_zip_on_a_stream_that_cannot_seek_is_refused_saying_why() -> None:
    with pytest.raises(EcfFormatError) as caught:
        ecfmetric.read(Trickle(zipped(("ecf.txt", DATA))))  # type: ignore[arg-type]
    assert caught.value.code == "BAD_ARCHIVE"
    assert "cannot seek" in str(caught.value)
    assert "read_bytes" in str(caught.value)


def test_reading_a_big_gzip_keeps_memory_constant(tmp_path: Path) -> None:
    """30 MB of ECF expanded from a gzip file: the peak is one chunk, not the file."""
    records = real_annual(["|L300|3.01.01.01.01.04|Venda|A|6|04|3.01.01.01.01|9,00|C|"])
    at = records.index("|L001|0|")
    lines = [f"|K155|1.1.{n}|1|{n},00|D|1,00|1,00|{n},00|D|" for n in range(600_000)]
    records[at:at] = ["|K001|0|", *lines, "|K990||"]
    data = ecf_bytes(records)
    assert len(data) > 30_000_000
    path = tmp_path / "big.txt.gz"
    path.write_bytes(gzip.compress(data, compresslevel=1))
    del data, lines, records
    tracemalloc.start()
    try:
        metric = ecfmetric.read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (
        metric.gross_revenue
        == ecfmetric.read_bytes(
            ecf_bytes(real_annual(["|L300|3.01.01.01.01.04|Venda|A|6|04|3.01.01.01.01|9,00|C|"]))
        ).gross_revenue
    )
    assert peak < 4_000_000


# -- ZIPs that do not hold one ECF -------------------------------------------------------------


def test_a_zip_with_several_files_names_them() -> None:
    error = refusal(zipped(("a.txt", DATA), ("b.txt", DATA), ("notas.pdf", b"%PDF")))
    assert error.code == "ZIP_MEMBERS"
    assert "3 files (a.txt, b.txt, notas.pdf)" in error.reason
    many = refusal(zipped(*((f"f{n}.txt", b"x") for n in range(8))))
    assert "8 files (f0.txt, f1.txt, f2.txt, f3.txt, f4.txt and 3 more)" in many.reason


def test_an_empty_zip_says_it_holds_no_file() -> None:
    for data in (zipped(), zipped(("folder/", b""))):
        error = refusal(data)
        assert error.code == "ZIP_MEMBERS"
        assert "holds no file" in error.reason


@pytest.mark.parametrize(
    ("members", "fragment"),
    [
        ((("[Content_Types].xml", b"<x/>"), ("xl/workbook.xml", b"<x/>")), "Excel spreadsheet"),
        ((("[Content_Types].xml", b"<x/>"), ("word/document.xml", b"<x/>")), "Word document"),
        ((("[Content_Types].xml", b"<x/>"), ("ppt/slide1.xml", b"<x/>")), "PowerPoint"),
        ((("[Content_Types].xml", b"<x/>"), ("other/a.xml", b"<x/>")), "Office document"),
        ((("mimetype", b"application/vnd.oasis"), ("content.xml", b"<x/>")), "OpenDocument"),
    ],
)
def test_office_files_say_what_they_are(
    members: tuple[tuple[str, bytes], ...], fragment: str
) -> None:
    error = refusal(zipped(*members))
    assert error.code == "NOT_ECF"
    assert error.line_number == 1
    assert f"this is an {fragment}" in error.reason or f"this is a {fragment}" in error.reason


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (zipped(("ecf.txt", b"")), "the file inside the ZIP archive (ecf.txt) is empty"),
        (gzip.compress(b""), "the file inside the gzip stream is empty"),
        (zipped(("recibo.pdf", b"%PDF-1.7\n")), "(recibo.pdf) is a PDF document"),
        (gzip.compress(b"\xff\xfe|\x000\x00"), "gzip stream is UTF-16 text"),
        (zipped(("ecf.txt.gz", gzip.compress(DATA))), "is itself an archive (gzip)"),
        (gzip.compress(zipped(("ecf.txt", DATA))), "is itself an archive (ZIP)"),
    ],
)
def test_what_a_compressed_input_holds_is_said(data: bytes, fragment: str) -> None:
    error = refusal(data)
    assert fragment in error.reason
    assert error.code in {"EMPTY_FILE", "NOT_ECF"}


def test_a_tar_gz_is_a_tar_archive() -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        info = tarfile.TarInfo("ecf.txt")
        info.size = len(DATA)
        tar.addfile(info, io.BytesIO(DATA))
    assert "the file inside the gzip stream is a tar archive" in refusal(buffer.getvalue()).reason


def _with_method(data: bytes, method: int) -> bytes:
    """A stored ZIP whose compression method field says ``method`` (local and central headers)."""
    raw = bytearray(data)
    raw[8:10] = method.to_bytes(2, "little")
    central = raw.index(b"PK\x01\x02")
    raw[central + 10 : central + 12] = method.to_bytes(2, "little")
    return bytes(raw)


def test_damaged_and_unreadable_archives() -> None:
    packed = gzip.compress(DATA)
    assert refusal(packed[:200]).code == "BAD_ARCHIVE"  # cut short
    assert refusal(packed[:10] + b"\xff" * 50 + packed[60:]).code == "BAD_ARCHIVE"
    archive = zipped(("ecf.txt", DATA))
    assert refusal(archive[:300]).code == "BAD_ARCHIVE"  # no central directory
    deflate64 = refusal(_with_method(zipped(("ecf.txt", DATA), method=zipfile.ZIP_STORED), 9))
    assert deflate64.code == "BAD_ARCHIVE"
    assert "compressed with a method" in deflate64.reason
    encrypted = bytearray(zipped(("ecf.txt", DATA)))
    encrypted[6] |= 0x1  # the "encrypted" bit of the local and central headers
    encrypted[encrypted.index(b"PK\x01\x02") + 8] |= 0x1
    assert "password-protected" in refusal(bytes(encrypted)).reason
    renamed = bytearray(archive)
    renamed[30:37] = b"xcf.txt"  # the local header's name differs from the directory's
    assert "damaged" in refusal(bytes(renamed)).reason


# -- bounds on what a compressed input expands to ----------------------------------------------


def test_the_expanded_size_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_archive, "MAX_EXPANDED_SIZE", 2000)
    for data in (gzip.compress(DATA), zipped(("ecf.txt", DATA))):
        error = refusal(data)
        assert error.code == "EXPANSION_LIMIT"
        assert "MAX_EXPANDED_SIZE" in error.reason
    assert ecfmetric.read_bytes(DATA) == ecfmetric.read(SAMPLE)  # plain files are not bounded


def test_a_zip_bomb_is_stopped_early(monkeypatch: pytest.MonkeyPatch) -> None:
    """A ratio no ECF reaches, past RATIO_CHECKED_AFTER bytes: refused before the end."""
    monkeypatch.setattr(_archive, "RATIO_CHECKED_AFTER", 100_000)
    monkeypatch.setattr(_archive, "MAX_EXPANSION_RATIO", 100)
    records = real_annual(["|L300|3.01.01.01.01.04|Venda|A|6|04|3.01.01.01.01|9,00|C|"])
    at = records.index("|L001|0|")
    records[at:at] = ["|K001|0|", *["|K155|1.1|1|1,00|D|1,00|1,00|1,00|D|"] * 200_000, "|K990||"]
    bomb = ecf_bytes(records)
    for data in (gzip.compress(bomb, 9), zipped(("ecf.txt", bomb))):
        assert len(bomb) / len(data) > _archive.MAX_EXPANSION_RATIO
        error = refusal(data)
        assert error.code == "EXPANSION_LIMIT"
        assert "MAX_EXPANSION_RATIO" in error.reason
    # The fixtures, compressed, are far from the real bound.
    monkeypatch.setattr(_archive, "RATIO_CHECKED_AFTER", 0)
    monkeypatch.setattr(_archive, "MAX_EXPANSION_RATIO", ecfmetric.MAX_EXPANSION_RATIO)
    assert ecfmetric.read_bytes(gzip.compress(DATA, 9)) == ecfmetric.read(SAMPLE)


@settings(max_examples=60, deadline=None)
@given(
    how=st.sampled_from(["gzip", "zip"]),
    cut=st.integers(0, 2000),
    flips=st.lists(st.tuples(st.integers(0, 3000), st.integers(1, 255)), max_size=4),
)
def test_damaged_archives_never_escape_as_another_exception(
    how: str, cut: int, flips: list[tuple[int, int]]
) -> None:
    data = bytearray(COMPRESSIONS[how](DATA))
    for at, xor in flips:
        data[at % len(data)] ^= xor
    data = data[: len(data) - cut] if cut < len(data) else data
    code = outcome(partial(ecfmetric.read_bytes, bytes(data)))[1]
    assert not (isinstance(code, tuple) and code[0] == "INTERNAL_ERROR")
    report = ecfmetric.validate_bytes(bytes(data))
    assert "INTERNAL_ERROR" not in {f.code for f in report.findings}


# -- refusals that say what the bytes are -------------------------------------------------------


UTF16 = DATA.decode("latin-1").encode("utf-16")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "this is a PDF document, not an ECF file"),
        (UTF16, "this is UTF-16 text"),
        (DATA.decode("latin-1").encode("utf-16-be"), "this is UTF-16 text"),
        (DATA.decode("latin-1").encode("utf-16-le"), "this is UTF-16 text"),
        (DATA.decode("latin-1").encode("utf-32"), "this is UTF-32 text"),
        ((FIXTURES / "not_ecf.txt").read_bytes(), "this is an ECD (Escrituração Contábil Digital)"),
        (b"\xef\xbb\xbf|0000|LECD|01012025|", "this is an ECD"),
        (b"|0000|017|0|01012025|31012025|EMPRESA|", "this is an EFD"),
        (b"|0000|LCPR|01012025|", "this is another SPED file (LCPR)"),
        (b"\r\n  <!DOCTYPE html>\n<html><body>Erro</body></html>", "this is a web page (HTML)"),
        (b"<HTML><HEAD>", "this is a web page (HTML)"),
        (b'<?xml version="1.0"?><nfeProc>', "this is an XML file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "Office 97-2003"),
        (b"{\\rtf1\\ansi", "RTF document"),
        (b"\x89PNG\r\n\x1a\n", "an image (PNG)"),
        (b"\xff\xd8\xff\xe0\0\x10JFIF", "an image (JPEG)"),
        (b"GIF89a", "an image (GIF)"),
        (b"Rar!\x1a\x07\x01\x00", "a RAR archive, not an ECF file: only ZIP and gzip are read"),
        (b"7z\xbc\xaf\x27\x1c\0\4", "a 7-Zip archive"),
        (b"BZh91AY&SY", "a bzip2 stream"),
        (b"\xfd7zXZ\x00\x00", "an xz stream"),
        (b"\x28\xb5\x2f\xfd", "a Zstandard stream"),
    ],
)
def test_refusals_say_what_the_bytes_are(data: bytes, fragment: str) -> None:
    error = refusal(data)
    assert error.code == "NOT_ECF"
    assert error.line_number == 1
    assert error.reason.startswith(fragment) or fragment in error.reason, error.reason


def test_utf16_says_how_to_save_it() -> None:
    assert "save it as the ECF program wrote it (Latin-1" in refusal(UTF16).reason


def test_an_empty_file_is_empty_not_truncated(tmp_path: Path) -> None:
    error = refusal(b"")
    assert (error.code, error.line_number) == ("EMPTY_FILE", None)
    assert error.reason == "the file is empty (0 bytes)"
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(EcfFormatError, match="empty") as caught:
        list(ecfmetric.iter_records(path))
    assert caught.value.source == str(path)


@pytest.mark.parametrize(
    "data",
    [b"hello world\r\n", b"|0000|LECF\r\n", b"|0000||0012|\r\n", b"\xef\xbb\xbf\r\n", b"BZh9 text"],
)
def test_bytes_not_recognised_keep_the_first_line_message(data: bytes) -> None:
    error = refusal(data)
    assert error.code == "NOT_ECF"
    assert "first line must be the 0000 record" in error.reason


def test_the_sniffing_does_not_depend_on_the_chunk_size() -> None:
    assert refusal(b"%PDF-1.4 " * 10, chunk_size=1).reason.startswith("this is a PDF")
    assert ecfmetric.read_bytes(DATA, chunk_size=1) == ecfmetric.read(SAMPLE)


# -- sources: bytes paths, PathLike[bytes], bytes in memory --------------------------------------


class BytesPath(os.PathLike[bytes]):
    def __init__(self, path: Path) -> None:
        self.path = path

    def __fspath__(self) -> bytes:
        return os.fsencode(self.path)


def test_bytes_paths_and_pathlike_bytes(tmp_path: Path) -> None:
    expected = ecfmetric.read(SAMPLE)
    assert ecfmetric.read(os.fsencode(SAMPLE)) == expected
    assert ecfmetric.read(BytesPath(SAMPLE)) == expected
    assert ecfmetric.validate(os.fsencode(SAMPLE)).source == str(SAMPLE)
    assert [r.metric for r in ecfmetric.read_many([os.fsencode(SAMPLE)] * 2, workers=2)] == [
        expected,
        expected,
    ]
    assert next(ecfmetric.iter_records(BytesPath(SAMPLE))).register == "0000"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"%PDF-1.4")
    with pytest.raises(EcfFormatError) as caught:
        ecfmetric.read(os.fsencode(bad))
    assert caught.value.source == str(bad)


def test_bytes_content_given_as_a_path_says_to_use_read_bytes() -> None:
    with pytest.raises(OSError, match=r"File name too long|No such file") as caught:
        ecfmetric.read(DATA[:200])
    assert any("read_bytes()" in note for note in caught.value.__notes__)
    with pytest.raises(ValueError, match="null") as null:
        ecfmetric.read(b"a\0b")
    assert any("read_bytes()" in note for note in null.value.__notes__)


def test_read_bytes_and_validate_bytes() -> None:
    expected = ecfmetric.read(SAMPLE)
    assert ecfmetric.read_bytes(DATA) == expected
    assert ecfmetric.read_bytes(bytearray(DATA)) == expected
    assert ecfmetric.read_bytes(memoryview(DATA), strict=False) == expected
    report = ecfmetric.validate_bytes(DATA, name="ECF 2025.txt")
    assert report.source == "ECF 2025.txt"
    assert report.metric == expected
    assert ecfmetric.validate_bytes(DATA).source is None
    with pytest.raises(EcfFormatError) as caught:
        ecfmetric.read_bytes(DATA.replace(b"|9999|", b"|9998|"), name="up.txt")
    assert caught.value.source == "up.txt"


def test_read_bytes_takes_bytes_only() -> None:
    with pytest.raises(TypeError, match="takes the file's content as bytes, not str"):
        ecfmetric.read_bytes(str(SAMPLE))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="validate_bytes"):
        ecfmetric.validate_bytes(SAMPLE)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="name must be a string"):
        ecfmetric.read_bytes(DATA, name=b"x")  # type: ignore[arg-type]


def test_a_text_stream_is_still_refused() -> None:
    with pytest.raises(TypeError, match="binary mode"):
        ecfmetric.read(TextReads(DATA.decode("latin-1")))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="binary mode"):
        ecfmetric.read(GzipThenText(gzip.compress(DATA)))  # type: ignore[arg-type]


class TextReads:
    def __init__(self, text: str) -> None:
        self.text = io.StringIO(text)

    def read(self, size: int) -> str:
        return self.text.read(size)


class GzipThenText:
    """Binary for the first read (the bytes looked at), text after."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.first = True

    def read(self, size: int) -> bytes | str:
        if self.first:
            self.first = False
            return self.data[:600]
        return self.data[600:].decode("latin-1")


def test_the_cli_reads_a_zip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "ecf.zip"
    archive.write_bytes(zipped(("ecf.txt", DATA)))
    assert main(["--json", str(archive)]) == 0
    assert '"net_revenue": "10402217.49"' in capsys.readouterr().out
    pdf = tmp_path / "recibo.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    assert main(["--lang", "en", str(pdf)]) == 1
    assert "this is a PDF document" in capsys.readouterr().err
