"""Company names with accents (and cp1252 quotes where the encoding has them)."""

from __future__ import annotations

from hypothesis import strategies as st

_WORDS = (
    "COMÉRCIO",
    "INDÚSTRIA",
    "AÇÚCAR",
    "CAFÉ",
    "SÃO",
    "JOÃO",
    "ASSOCIAÇÃO",
    "SAÚDE",
    "CONSTRUÇÕES",
    "MÁQUINAS",
    "ÓTICA",
    "PÃO",
    "GAÚCHA",
    "CALÇADOS",
    "Serviços",
    "Educação",
    "e",
    "de",
    "DO",
    "DA",
    "&",
    "-",
    "SERVICOS",
    "TRANSPORTES",
    "ALFA",
    "Nº 2",
)
_SUFFIXES = ("LTDA", "S.A.", "S/A", "EIRELI", "ME", "EPP", "LTDA.")
_ASCII_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LATIN_LETTERS = "ÁÂÃÀÇÉÊÍÓÔÕÚÜáâãàçéêíóôõúü"


@st.composite
def _company_name(draw: st.DrawFn, encoding: str) -> str:
    # Every non-ASCII character is a letter from U+00C0 up, or a cp1252 mark placed right after
    # an ASCII character: such text in Latin-1 or cp1252 is never valid UTF-8, so the reader's
    # choice of encoding is not a guess (see _decoding.py).
    word = st.one_of(
        st.sampled_from(_WORDS),
        st.text(_ASCII_LETTERS, min_size=1, max_size=8),
        st.builds(
            lambda head, tail: head + tail,
            st.text(_ASCII_LETTERS + _LATIN_LETTERS, min_size=0, max_size=6),
            st.sampled_from(_ASCII_LETTERS),
        ),
    )
    words = draw(st.lists(word, min_size=1, max_size=4))
    if encoding != "latin-1" and draw(st.booleans()):
        quoted = draw(st.text(_ASCII_LETTERS + _LATIN_LETTERS, max_size=6))
        words.append(draw(st.sampled_from(["“{}X”", "‘{}X’", "– {}A"])).format(quoted))
    words.append(draw(st.sampled_from(_SUFFIXES)))
    return " ".join(words)
