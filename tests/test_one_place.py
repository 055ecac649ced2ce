"""One place per fact: the record grammar, the line length limit's refusal, the signature
marker, and the collector's table of records.

Each was written more than once and the copies had begun to disagree: a line over
MAX_LINE_LENGTH was refused as "line longer than N bytes" when the whole line fit in one chunk
and as "line longer than N bytes (MAX_LINE_LENGTH)" when it did not, and iter_records() gave it
the code FORMAT_ERROR where read() gave LINE_TOO_LONG. The tests below hold them together.
"""

from __future__ import annotations

import io
from datetime import date

import pytest

import ecfmetric
from ecf_helpers import ecf_bytes, real_annual
from ecfmetric.base._i18n import Language
from ecfmetric.cli import _modes
from ecfmetric.ecf import _grammar, _layout, _signature
from ecfmetric.ecf._lines import MAX_LINE_LENGTH, line_too_long
from ecfmetric.facts import _collect, _records

#: An L300 line one byte longer than MAX_LINE_LENGTH without its CRLF: "|L300|" (6 bytes) and
#: "|" are wrapped round MAX_LINE_LENGTH - 6 X's, which leaves MAX_LINE_LENGTH + 1 bytes.
LONG = "|L300|" + "X" * (MAX_LINE_LENGTH - 6) + "|"
#: The file: 0000, 0001, 0010, 0990, L001, L030, then the long line, so it is line 7.
LONG_FILE = ecf_bytes(real_annual([LONG]))
LONG_LINE = 7


def test_the_long_line_is_one_byte_too_long() -> None:
    """The fixture's arithmetic: the line is MAX_LINE_LENGTH + 1 bytes, at line 7."""
    assert len(LONG) == MAX_LINE_LENGTH + 1
    assert LONG_FILE.split(b"\r\n")[LONG_LINE - 1] == LONG.encode("ascii")


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_a_long_line_is_refused_in_one_way_wherever_it_is_found(lang: Language) -> None:
    """read() with a chunk smaller than the line (the line scanner refuses it), read() with one
    chunk for the whole file (the collector refuses it) and iter_records() all give the same
    error: code LINE_TOO_LONG, line 7, the same words."""
    expected = line_too_long(LONG_LINE).render(lang)
    assert "MAX_LINE_LENGTH" in expected
    assert str(MAX_LINE_LENGTH) in expected
    caught = []
    for chunk_size in (1000, 1 << 20):
        with pytest.raises(ecfmetric.EcfFormatError) as raised:
            ecfmetric.read(io.BytesIO(LONG_FILE), chunk_size=chunk_size)
        caught.append(raised.value)
    with pytest.raises(ecfmetric.EcfFormatError) as raised:
        list(ecfmetric.iter_records(io.BytesIO(LONG_FILE)))
    caught.append(raised.value)
    for error in caught:
        assert (error.code, error.line_number) == ("LINE_TOO_LONG", LONG_LINE)
        assert error.render(lang) == expected


def test_validate_reports_a_long_line_with_the_same_words() -> None:
    """validate() lists the long line as an error finding with the same code and reason."""
    report = ecfmetric.validate(io.BytesIO(LONG_FILE), chunk_size=1 << 20)
    found = [f for f in report.findings if f.code == "LINE_TOO_LONG"]
    assert [(f.line_number, f.severity) for f in found] == [(LONG_LINE, "error")]
    assert found[0].render("en") == line_too_long(LONG_LINE).reason_message.render("en")


def test_the_signature_marker_is_defined_once() -> None:
    """The marker the command line looks for, the one the signature reader finds, and the one
    the record grammar cuts a glued 9999 line at are the same object."""
    assert _layout.SIGNATURE_MARKER == b"SBRCAAEPDR"
    assert _signature.MARKER is _layout.SIGNATURE_MARKER
    assert vars(_modes)["SIGNATURE_MARKER"] is _layout.SIGNATURE_MARKER
    glued = b"|9999|10|" + _layout.SIGNATURE_MARKER + b"\x30\x80"
    assert _grammar.cut_signature(glued) == b"|9999|10|"
    # Only the 9999 line is cut: the marker inside another record is text.
    other = b"|0000|" + _layout.SIGNATURE_MARKER + b"|"
    assert _grammar.cut_signature(other) == other


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (b"|L300|3.01|X|A|6|04|3.01|1,00|C|", True),
        (b"|0000|", True),  # a register and nothing else
        (b"|9999|10|", True),
        (b"|l300|3.01|", False),  # a lower-case letter is no register
        (b"|L30|3.01|", False),  # three characters
        (b"|L3000|3.01|", False),  # five characters before the second "|"
        (b"|LA00|3.01|", False),  # a letter where a digit goes
        (b"|L300|3.01", False),  # no closing "|"
        (b" |L300|3.01|", False),  # a blank before the first "|"
        (b"|L\xb300|3.01|", False),  # a superscript three in Latin-1 is not an ASCII digit
        (b"", False),
    ],
)
def test_the_record_grammar(line: bytes, expected: bool) -> None:
    """``|``, a digit or capital letter and three ASCII digits, ``|``, fields, a closing ``|``."""
    assert _grammar.is_record(line) is expected


def test_read_and_iter_records_share_the_grammar() -> None:
    """A line the grammar refuses (a lower-case register) is refused by iter_records() with
    the grammar's words, and by read() in the block that feeds the metric (MALFORMED_LINE)."""
    data = ecf_bytes(real_annual(["|l300|3.01.01.01.01.06|X|A|6|04|3.01.01.01.01|1,00|C|"]))
    with pytest.raises(ecfmetric.EcfFormatError) as by_records:
        list(ecfmetric.iter_records(io.BytesIO(data)))
    with pytest.raises(ecfmetric.EcfFormatError) as by_read:
        ecfmetric.read(io.BytesIO(data))
    for error in (by_records.value, by_read.value):
        assert (error.code, error.line_number) == ("MALFORMED_LINE", 7)
        assert _grammar.not_a_record().render("en") in error.render("en")


def test_the_collector_reads_the_records_of_its_table() -> None:
    """The registers the collector splits are the keys of the one table of readers."""
    collector = _collect.Collector(strict=True)
    assert collector.registers_read == {reg.encode("ascii") for reg in _records.READERS}
    assert set(_records.READERS) >= {"0010", "L300", "P150", "U150", "P200", "T120", "9999"}


def test_every_to_dict_writes_the_six_amounts_from_one_place() -> None:
    """money_dict() writes the six amounts in MONEY_FIELDS' order; the metric, a period and a proof
    row take them from it, so their dicts hold them in that order, each as format_money gives it."""
    from decimal import Decimal

    from ecfmetric.model._components import MONEY_FIELDS, MoneyDict, format_money, money_dict
    from ecfmetric.model._period import PeriodMetric

    assert tuple(MoneyDict.__annotations__) == MONEY_FIELDS
    period = PeriodMetric(
        "A00",
        date(2025, 1, 1),
        date(2025, 12, 31),
        "L",
        "L300",
        Decimal("100"),
        Decimal("1.5"),
        Decimal("0"),
        None,
        Decimal("2.25"),
        None,
    )
    written = money_dict(period)
    assert list(written) == list(MONEY_FIELDS)
    assert written == {name: format_money(getattr(period, name)) for name in MONEY_FIELDS}
    assert written["cancellations"] == "1.50"
    assert written["taxes"] is None
    as_dict = period.to_dict()
    assert [key for key in as_dict if key in MONEY_FIELDS] == list(MONEY_FIELDS)
    assert {key: as_dict[key] for key in MONEY_FIELDS} == written  # type: ignore[literal-required]
