"""Choosing a file's encoding: decided from the bytes when they are plain, chardet only otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ecfmetric
from ecfmetric.ecf import _decoding
from ecfmetric.ecf._decoding import TextDecoder

ROOT = Path(__file__).parent.parent
FIXTURES = sorted(
    p for p in (ROOT / "fixtures").rglob("*") if p.is_file() and p.suffix not in {".json", ".md"}
)

# Latin text as ECF files hold it: Portuguese letters, the marks cp1252 adds, Latin Extended-A.
LATIN_TEXT = st.text(
    st.sampled_from("ABCÇÃÉÊÍÓÔÕÚÜçãéêíóôõúüàº ª°§-.,/&“”‘’–—…€™ŒœŠšŽžŸŁłĀā0123456789"),
    min_size=1,
    max_size=80,
)


def _line(text: str) -> str:
    return f"|0000|LECF|0012|12345678000195|{text}|"


def _refuse(sample: bytes) -> bool:
    raise AssertionError(f"chardet was asked about {sample[:60]!r}")


@pytest.fixture
def no_chardet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if chardet is asked."""
    monkeypatch.setattr(_decoding, "_chardet_says_utf8", _refuse)


@given(LATIN_TEXT.filter(lambda text: not text.isascii()))
def test_latin_text_in_utf8_is_utf8_without_chardet(text: str) -> None:
    """Latin text saved as UTF-8 is read as UTF-8, back to the same characters, chardet unasked."""
    real = _decoding._chardet_says_utf8
    _decoding._chardet_says_utf8 = _refuse  # not the fixture: Hypothesis runs this many times
    try:
        line = _line(text).encode("utf-8")
        decoder = TextDecoder()
        assert decoder.decode(text.encode("utf-8"), 1, line) == text
        assert decoder.encoding == "utf-8"
    finally:
        _decoding._chardet_says_utf8 = real


@pytest.mark.usefixtures("no_chardet")
@pytest.mark.parametrize(
    "text", ["AÇÚCAR & CAFÉ LTDA", "SÃO JOÃO", "“ÚNICO”", "Nº 2 – SALA 3", "RECEITA LÍQUIDA"]
)
def test_latin_text_in_cp1252_is_cp1252_without_chardet(text: str) -> None:
    """cp1252 text is not valid UTF-8: it is read as cp1252, with no guess."""
    decoder = TextDecoder()
    assert decoder.decode(text.encode("cp1252"), 1, _line(text).encode("cp1252")) == text
    assert decoder.encoding == "cp1252"


@pytest.mark.parametrize(
    ("text", "guess", "expected"),
    [
        ("\u0080\u0081 CONTROLE", True, "utf-8"),  # C1 controls: odd in either reading
        ("\u0080\u0081 CONTROLE", False, "cp1252"),
        ("日本語 LTDA", True, "utf-8"),
        ("EMPRESA ∑ LTDA", False, "cp1252"),
    ],
)
def test_chardet_decides_only_what_the_bytes_do_not(
    monkeypatch: pytest.MonkeyPatch, text: str, guess: bool, expected: str
) -> None:
    """Valid UTF-8 that reads as neither Latin text nor cp1252 words goes to chardet, once."""
    asked: list[bytes] = []

    def chardet(sample: bytes) -> bool:
        asked.append(sample)
        return guess

    monkeypatch.setattr(_decoding, "_chardet_says_utf8", chardet)
    decoder = TextDecoder()
    line = _line(text).encode("utf-8")
    decoder.decode(text.encode("utf-8"), 1, line)
    decoder.decode("MAIS TEXTO É".encode(), 2, b"")
    assert decoder.encoding == expected
    assert asked == [line]


def test_the_sample_given_to_chardet_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """chardet sees at most 4096 bytes of the deciding line."""
    asked: list[bytes] = []

    def chardet(sample: bytes) -> bool:
        asked.append(sample)
        return True

    monkeypatch.setattr(_decoding, "_chardet_says_utf8", chardet)
    line = _line("日本" * 5000).encode("utf-8")
    TextDecoder().decide(line)
    assert [len(s) for s in asked] == [4096]


def test_only_the_first_4096_characters_are_searched(no_chardet: None) -> None:
    """A line whose odd characters come after the bounded sample is decided from the sample."""
    line = _line("É" * 4100 + "日本").encode("utf-8")
    assert TextDecoder().decide(line) == "utf-8"


@pytest.mark.usefixtures("no_chardet")
@pytest.mark.parametrize("case", FIXTURES, ids=[p.name for p in FIXTURES])
def test_no_fixture_needs_chardet(case: Path) -> None:
    """Every fixture is decided from its bytes, chardet unasked."""
    ecfmetric.validate(case)


def test_a_utf8_file_reads_its_names(no_chardet: None) -> None:
    """The UTF-8 fixture's accented names come out right, chardet unasked."""
    metric = ecfmetric.read(ROOT / "fixtures" / "real_quarterly_0008_lf_utf8.txt")
    assert metric.company_name == "INDÚSTRIA DE CALÇADOS GAÚCHA LTDA"


def test_chardet_itself_reads_other_scripts_as_utf8() -> None:
    """The fallback, unpatched: a line of Japanese in UTF-8 is UTF-8 to chardet too."""
    decoder = TextDecoder()
    text = "株式会社 日本の会社 LTDA"
    assert decoder.decode(text.encode("utf-8"), 1, _line(text).encode("utf-8")) == text
    assert decoder.encoding == "utf-8"
