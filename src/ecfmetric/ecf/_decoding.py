"""Choosing the file's text encoding from a bounded sample, and decoding text fields with it.

The manual prescribes ISO 8859-1 (Latin-1). cp1252 decodes the same printable characters and a few
more that editors put in, so it is the default. Files saved as UTF-8 (with or without a BOM) are
common too. Only fields that hold text are decoded, and only when they are not plain ASCII; the
first such line is the sample that decides the encoding for the whole file.
"""

from __future__ import annotations

import re

UTF8_BOM = b"\xef\xbb\xbf"
_SAMPLE_LIMIT = 4096

# Valid UTF-8 is what cp1252 text almost never is: each byte C2-F4 (an accented letter in cp1252)
# must be followed by one to three bytes 80-BF (cp1252 punctuation and symbols), as in "Ã©", not
# in words. So a line that decodes as UTF-8 into letters and punctuation of Latin text is UTF-8,
# decided here. Only a line whose UTF-8 reading holds anything else (C1 controls, symbols, other
# scripts), where neither reading is plainly right, is left to chardet's statistical guess.
# The characters accepted: Latin-1's printable half and Latin Extended-A (U+00A0-U+017F), and
# those cp1252 adds in 80-9F (quotes, dashes, the ellipsis, €, ™, Œ, Š, Ž, Ÿ, ƒ, ˆ, ˜…).
_UNLIKE_LATIN_TEXT = re.compile(
    "[^\x00-\x7f\u00a0-\u017f\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e"
    "\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


class TextDecoder:
    """Decodes text fields of one file; the encoding is fixed by the first non-ASCII sample."""

    __slots__ = ("encoding", "mixed_lines")

    def __init__(self, encoding: str | None = None) -> None:
        #: ``"utf-8"`` or ``"cp1252"`` once known; ``None`` while every byte seen was ASCII.
        self.encoding = encoding
        #: Line numbers of fields that did not decode with the chosen encoding.
        self.mixed_lines: list[int] = []

    def decide(self, sample: bytes) -> str:
        """Fix the encoding from ``sample`` (a non-ASCII line) and return it."""
        try:
            text = sample.decode("utf-8")
        except UnicodeDecodeError:
            self.encoding = "cp1252"
        else:
            if _UNLIKE_LATIN_TEXT.search(text, 0, _SAMPLE_LIMIT) is None:
                self.encoding = "utf-8"
            else:
                self.encoding = "utf-8" if _chardet_says_utf8(sample[:_SAMPLE_LIMIT]) else "cp1252"
        return self.encoding

    def decode(self, raw: bytes, line_number: int, sample: bytes | None = None) -> str:
        """Decode one field; ``sample`` (its whole line) decides the encoding if not yet known."""
        if raw.isascii():
            return raw.decode("ascii")
        encoding = self.encoding or self.decide(sample if sample is not None else raw)
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            if len(self.mixed_lines) < 1000:  # enough to point at them; the rest are not listed
                self.mixed_lines.append(line_number)
            return _decode_legacy(raw)


def _decode_legacy(raw: bytes) -> str:
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        # The five bytes cp1252 leaves undefined are control characters in Latin-1.
        return raw.decode("latin-1")


def _chardet_says_utf8(sample: bytes) -> bool:
    import chardet  # seam: loaded on first need; hardly any file gets this far (see above)

    guess = chardet.detect(sample)
    encoding = (guess.get("encoding") or "").lower().replace("_", "-")
    return encoding in {"utf-8", "utf-8-sig", "ascii"} or encoding.startswith("utf")
