"""The public strategies added in 0.2.0, re-exported by :mod:`ecfmetric.strategies`: files the
reader must refuse, form values it must refuse, and proofs; and the helpers that draw a second
CNPJ distinct by construction and show a drawn file as text in a failing example.

Like the rest of the strategies, nothing here asks the library's rules what is legal: each
refusal is planted by hand in a valid drawn file, and the code expected is the one the reader
documents for that fault (docs/codes.md).
"""

from __future__ import annotations

import gzip
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, Final

from hypothesis import note
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .ecf._build import assemble
from .model._model import RevenueMetric

#: Every code :func:`ecfmetric.read` refuses a file with (strict reading, no signature read),
#: each drawn by :func:`refused_files`.
REFUSAL_CODES: Final = (
    "BAD_AMOUNT",
    "BAD_ARCHIVE",
    "BAD_CODE",
    "BAD_DATE",
    "BAD_PARAMETER",
    "BAD_PERIOD",
    "BLOCK_STRUCTURE",
    "COUNT_MISMATCH",
    "DUPLICATE_CODE",
    "DUPLICATE_PERIOD",
    "EMPTY_FILE",
    "EXPANSION_LIMIT",
    "LINE_TOO_LONG",
    "MALFORMED_LINE",
    "METRIC_UNAVAILABLE",
    "MISSING_FIELD",
    "NOT_ECF",
    "OUTSIDE_PERIOD",
    "TOO_MANY_FIELDS",
    "TOO_MANY_LINES",
    "TRUNCATED",
    "UNKNOWN_CODE",
    "UNKNOWN_LAYOUT",
    "ZIP_MEMBERS",
)

# Limits the reader documents (docs/api.md, "Limits"); written here, not imported, like every
# other expectation of these strategies.
_MAX_LINE_LENGTH = 65_536
_MAX_FIELDS = 512
_MAX_REGISTERS = 2_000
_RATIO_CHECKED_AFTER = 64 << 20

_ENDING = "\r\n"
_ENCODING = "latin-1"
# A revenue leaf of the general plan (L300A): any code under 3.01.01.01.01 is gross revenue.
_LEAF_CODE = "3.01.01.01.01.99999"
_LEAF = f"|L300|{_LEAF_CODE}|RECEITA INSERIDA|A|6|04|3.01.01.01.01|1,00|C|"


# -- helpers for strategies.py -------------------------------------------------------------------


def _noted(case: tuple[bytes, RevenueMetric]) -> tuple[bytes, RevenueMetric]:
    """``case`` unchanged; its file is noted as numbered text lines, for a failing example."""
    note(file_text(case[0]))
    return case


def file_text(data: bytes, *, limit: int = 400) -> str:
    """A drawn file as numbered text lines (decoded as UTF-8 if it is, else Latin-1), the bytes
    after ``9999`` summarised: what a failing example shows instead of one ``bytes`` literal."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    lines = text.splitlines()
    shown = [f"{number:5d} {line}" for number, line in enumerate(lines[:limit], start=1)]
    if len(lines) > limit:
        shown.append(f"      … {len(lines) - limit} more lines")
    return f"ECF file drawn ({len(data)} bytes):\n" + "\n".join(shown)


def _other_char(char: str) -> str:
    alphabet = "0123456789" if char.isdigit() else _base._ALPHANUMERIC
    return alphabet[(alphabet.index(char) + 1) % len(alphabet)]


def _different(cnpj: str, shift: int) -> str:
    """A valid CNPJ other than ``cnpj``: its base with one character moved on."""
    base = cnpj[:12]
    index = 11 - shift % 4  # one of the branch's characters
    other = _base._with_check_digits(base[:index] + _other_char(base[index]) + base[index + 1 :])
    if len(set(other)) == 1:  # all one digit: no CNPJ
        other = _base._with_check_digits(base[:8] + "0001" if base[8:12] != "0001" else "0002")
    return other


@st.composite
def _cnpj_other_than(draw: st.DrawFn, cnpj: str) -> str:
    """A valid CNPJ distinct from ``cnpj`` by construction (no filter, no retried draws)."""
    other = draw(_base.cnpjs(alphanumeric=not cnpj[:12].isdigit()))
    return other if other != cnpj else _different(cnpj, draw(st.integers(0, 3)))


def _given_cnpj(cnpj: object) -> str:
    """``cnpj=`` of :func:`ecf_files`, bare, or ``InvalidArgument``."""
    if not isinstance(cnpj, str):
        raise InvalidArgument(f"cnpj must be a string, got {cnpj!r}")
    bare = re.sub(r"[./-]", "", cnpj.strip()).upper()
    if (
        len(bare) != 14
        or not re.fullmatch(r"[0-9A-Z]{12}[0-9]{2}", bare)
        or _base._with_check_digits(bare[:12]) != bare
        or len(set(bare)) == 1
    ):
        raise InvalidArgument(f"cnpj must be a valid CNPJ (right check digits), got {cnpj!r}")
    return bare


def _year_of(version: str, year: int) -> bool:
    """Whether layout ``version`` is the one of calendar ``year``."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidArgument(f"year must be an int, got {year!r}")
    return 2013 + int(version) == year


# -- refused files -------------------------------------------------------------------------------


def _valid(draw: st.DrawFn, variants: Iterable[str]) -> list[str]:
    """A valid drawn file's records without block 9, its counters left to fill."""
    data, _ = draw(
        _base._ecf_file(
            variants=list(variants),
            regimes=None,
            versions=list(_base.LAYOUT_VERSIONS),
            endings=[_ENDING],
            encodings=[_ENCODING],
            partial_year=False,
            anomalies=False,
            noise=False,
            signature=False,
            max_cents=10**11,
        )
    )
    lines = data.decode(_ENCODING).removesuffix(_ENDING).split(_ENDING)
    records = lines[: lines.index("|9001|0|")]
    return [re.sub(r"^\|(\w)990\|\d+\|$", r"|\g<1>990||", line) for line in records]


def _bytes(records: list[str]) -> bytes:
    return assemble(records, line_ending=_ENDING).encode(_ENCODING)


def _index(records: list[str], start: str) -> int:
    return next(i for i, line in enumerate(records) if line.startswith(start))


def _periods(records: list[str], letter: str) -> list[tuple[int, int]]:
    """``(start, end)`` slices of each ``x030`` period of the block (end exclusive)."""
    starts = [i for i, line in enumerate(records) if line.startswith(f"|{letter}030|")]
    close = _index(records, f"|{letter}990|")
    return list(zip(starts, [*starts[1:], close], strict=True))


def _with_leaf(draw: st.DrawFn, leaf: str) -> list[str]:
    """A Lucro Real file with ``leaf`` (an L300 line) in one of the periods the metric reads
    (``A00`` or a quarter; never a balancete ``A01``…``A12``)."""
    records = _valid(draw, ("real_annual", "real_quarterly"))
    read = [p for p in _periods(records, "L") if records[p[0]].split("|")[4][:3] in _READ]
    start, _ = draw(st.sampled_from(read))
    return [*records[: start + 1], leaf, *records[start + 1 :]]


_READ = frozenset({"A00", "T01", "T02", "T03", "T04"})


def _split_0000(records: list[str]) -> list[str]:
    return records[0].split("|")


def _set_0000(records: list[str], index: int, value: str) -> list[str]:
    fields = _split_0000(records)
    fields[index] = value
    return ["|".join(fields), *records[1:]]


# 0000's fields, as split on "|" (index 0 is the text before the first bar).
_COD_VER, _DT_INI, _RETIFICADORA = 3, 10, 12


def _bad_amount(draw: st.DrawFn) -> bytes:
    amount = draw(
        st.sampled_from(["1.234,56", "-5,00", "12,345", "1,2,3", "12a,00", "R$ 1,00", "1 000,00"])
    )
    if draw(st.booleans()):
        return _bytes(_with_leaf(draw, _LEAF.replace("|1,00|C|", f"|{amount}|C|")))
    sign = draw(st.sampled_from(["X", "c", "+", "CD"]))
    return _bytes(_with_leaf(draw, _LEAF.replace("|1,00|C|", f"|1,00|{sign}|")))


def _bad_code(draw: st.DrawFn) -> bytes:
    code = draw(
        st.sampled_from(
            [
                _LEAF_CODE + " ",
                " " + _LEAF_CODE,
                "3.01.01.01.01.9a",
                "3.01..01.01.01",
                "3,01,01,01,01,01",
                "3." + "1" * 60,
            ]
        )
    )
    return _bytes(_with_leaf(draw, _LEAF.replace(_LEAF_CODE, code)))


def _bad_date(draw: st.DrawFn) -> bytes:
    records = _valid(draw, _base.VARIANTS)
    year = _split_0000(records)[_DT_INI][4:]
    day = draw(
        st.sampled_from([f"3002{year}", f"0113{year}", f"0001{year}", f"32{year}01", "01-01-20"])
    )
    return _bytes(_set_0000(records, _DT_INI, day))


def _bad_parameter(draw: st.DrawFn) -> bytes:
    records = _valid(draw, _base.VARIANTS)
    return _bytes(_set_0000(records, _RETIFICADORA, draw(st.sampled_from(["X", "1", "n", "SS"]))))


def _bad_period(draw: st.DrawFn) -> bytes:
    """A period dated a year before the file's span."""
    records = _valid(draw, _base.VARIANTS)
    letter = records[_index(records, "|0990|") + 1][1]
    start, _ = draw(st.sampled_from(_periods(records, letter)))
    _, reg, first, last, period, *rest = records[start].split("|")
    earlier = [f"{d[:4]}{int(d[4:]) - 1}" for d in (first, last)]
    records[start] = "|".join(["", reg, *earlier, period, *rest])
    return _bytes(records)


def _block_structure(draw: st.DrawFn) -> bytes:
    records = _valid(draw, _base.VARIANTS)
    letter = records[_index(records, "|0990|") + 1][1]
    if draw(st.booleans()):
        del records[_index(records, f"|{letter}990|")]  # the block is never closed
    else:  # a block-0 record inside the metric's block
        records.insert(
            _index(records, f"|{letter}001|") + 1, "|0030|2062|4711302|RUA|1||C|SP|1|1|1|a@b|"
        )
    return _bytes(records)


def _count_mismatch(draw: st.DrawFn) -> bytes:
    text = assemble(_valid(draw, _base.VARIANTS), line_ending=_ENDING)
    lines = text.removesuffix(_ENDING).split(_ENDING)
    target = draw(st.sampled_from(["|9999|", "|9990|", "|0990|"]))
    index = _index(lines, target)
    count = int(lines[index].split("|")[2])
    # One line short in 0990 is read (some writers count 0990's block without 0000), so block
    # 0 is only ever overcounted here.
    delta = draw(st.sampled_from([1, 2, 100] if target == "|0990|" else [-1, 1, 2, 100]))
    lines[index] = f"{target}{count + delta}|"
    return (_ENDING.join(lines) + _ENDING).encode(_ENCODING)


def _duplicate_code(draw: st.DrawFn) -> bytes:
    records = _with_leaf(draw, _LEAF)
    index = records.index(_LEAF)
    records.insert(index + 1, _LEAF.replace("|1,00|", f"|{draw(st.integers(0, 999))},00|"))
    return _bytes(records)


def _duplicate_period(draw: st.DrawFn) -> bytes:
    records = _valid(draw, _base.VARIANTS)
    letter = records[_index(records, "|0990|") + 1][1]
    start, end = draw(st.sampled_from(_periods(records, letter)))
    return _bytes([*records[:end], *records[start:end], *records[end:]])


def _expansion_limit(draw: st.DrawFn) -> bytes:
    """A gzip stream that inflates past the ratio the reader allows (more than 500 times its
    size beyond 64 MiB): a real header, then a skipped block of one short line repeated."""
    lines = assemble(_valid(draw, _base.VARIANTS), line_ending=_ENDING).split(_ENDING)
    head = (_ENDING.join(lines[: _index(lines, "|0990|") + 1]) + "\r\n|K001|0|\r\n").encode(
        _ENCODING
    )
    chunk = b"|K030|x|\r\n" * (1 << 17)  # 1.25 MiB
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip framing
    parts = [packer.compress(head)]
    parts += [packer.compress(chunk) for _ in range((_RATIO_CHECKED_AFTER // len(chunk)) + 4)]
    parts.append(packer.flush())
    return b"".join(parts)


def _line_too_long(draw: st.DrawFn) -> bytes:
    size = _MAX_LINE_LENGTH + draw(st.integers(1, 1000))
    padded = _LEAF.replace("RECEITA INSERIDA", "R" * size)
    return _bytes(_with_leaf(draw, padded))


def _malformed_line(draw: st.DrawFn) -> bytes:
    lines = assemble(_valid(draw, _base.VARIANTS), line_ending=_ENDING).split(_ENDING)
    index = draw(st.integers(1, len(lines) - 2))
    how = draw(st.sampled_from(["empty", "no bar", "lower"]))
    if how == "empty":
        lines.insert(index, "")
    elif how == "no bar":
        lines[index] = lines[index][1:]
    elif lines[index][1].isalpha():  # a register in lower case: l300
        lines[index] = lines[index][:1] + lines[index][1].lower() + lines[index][2:]
    else:  # nothing to lower-case (0000…9999): a NUL before the bar instead
        lines[index] = "\x00" + lines[index]
    return _ENDING.join(lines).encode(_ENCODING)


def _metric_unavailable(draw: st.DrawFn) -> bytes:
    """A quarterly file with one quarter left out."""
    records = _valid(draw, ("real_quarterly",))
    start, end = draw(st.sampled_from(_periods(records, "L")))
    return _bytes(records[:start] + records[end:])


def _missing_field(draw: st.DrawFn) -> bytes:
    if draw(st.booleans()):
        return _bytes(_with_leaf(draw, _LEAF.removesuffix("1,00|C|")))
    records = _valid(draw, _base.VARIANTS)
    fields = _split_0000(records)
    keep = draw(st.integers(3, 8))
    return _bytes(["|".join([*fields[:keep], ""]), *records[1:]])


def _not_ecf(draw: st.DrawFn) -> bytes:
    body = _bytes(_valid(draw, _base.VARIANTS))
    start = draw(
        st.sampled_from(
            [
                b"%PDF-1.7\n",
                b"|0000|LECD|",
                b"|0000|017|0|",
                b"PK\x03\x04",
                b"\xff\xfe|\x000\x00",
                b"nome;cnpj;receita\r\n",
            ]
        )
    )
    if start == b"PK\x03\x04":  # a ZIP whose one member is no ECF
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("planilha.csv", b"nome;cnpj;receita\r\n")
        return buffer.getvalue()
    return start + body.split(b"\r\n", 1)[1]


def _outside_period(draw: st.DrawFn) -> bytes:
    records = _valid(draw, ("real_annual", "real_quarterly"))
    records.insert(_index(records, "|L001|") + 1, _LEAF)
    return _bytes(records)


def _too_many_fields(draw: st.DrawFn) -> bytes:
    extra = "|" * (_MAX_FIELDS + draw(st.integers(1, 50)))
    return _bytes(_with_leaf(draw, _LEAF + extra))


def _too_many_lines(draw: st.DrawFn) -> bytes:
    """9900 listing more registers than any file has."""
    text = assemble(_valid(draw, _base.VARIANTS), line_ending=_ENDING)
    count = _MAX_REGISTERS + draw(st.integers(1, 100))
    fake = "".join(f"|9900|{chr(65 + n // 1000)}{n % 1000:03d}|0|\r\n" for n in range(count))
    return text.replace("\r\n|9990|", "\r\n" + fake + "|9990|").encode(_ENCODING)


def _truncated(draw: st.DrawFn) -> bytes:
    lines = assemble(_valid(draw, _base.VARIANTS), line_ending=_ENDING).split(_ENDING)
    keep = draw(st.integers(1, len(lines) - 2))  # at least 0000, never 9999
    return (_ENDING.join(lines[:keep]) + _ENDING).encode(_ENCODING)


def _unknown_code(draw: st.DrawFn) -> bytes:
    """A line under RECEITA LIQUIDA (3.01.01.01) that is neither revenue nor a deduction."""
    child = draw(st.sampled_from(["03", "09", "99"]))
    leaf = f"|L300|3.01.01.01.{child}|OUTRA CONTA|A|5|04|3.01.01.01|1,00|C|"
    return _bytes(_with_leaf(draw, leaf))


def _unknown_layout(draw: st.DrawFn) -> bytes:
    records = _valid(draw, _base.VARIANTS)
    version = draw(st.sampled_from(["0000", "", "12", "V012", "00A1", "012"]))
    return _bytes(_set_0000(records, _COD_VER, version))


def _bad_archive(draw: st.DrawFn) -> bytes:
    data = _bytes(_valid(draw, _base.VARIANTS))
    packed = gzip.compress(data)
    return packed[: draw(st.integers(20, max(21, len(packed) // 2)))]


def _zip_members(draw: st.DrawFn) -> bytes:
    data = _bytes(_valid(draw, _base.VARIANTS))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(draw(st.sampled_from([0, 2, 3]))):
            archive.writestr(f"ecf_{number}.txt", data)
    return buffer.getvalue()


_PLANTERS: dict[str, Callable[[st.DrawFn], bytes]] = {
    "BAD_AMOUNT": _bad_amount,
    "BAD_ARCHIVE": _bad_archive,
    "BAD_CODE": _bad_code,
    "BAD_DATE": _bad_date,
    "BAD_PARAMETER": _bad_parameter,
    "BAD_PERIOD": _bad_period,
    "BLOCK_STRUCTURE": _block_structure,
    "COUNT_MISMATCH": _count_mismatch,
    "DUPLICATE_CODE": _duplicate_code,
    "DUPLICATE_PERIOD": _duplicate_period,
    "EMPTY_FILE": lambda draw: b"",
    "EXPANSION_LIMIT": _expansion_limit,
    "LINE_TOO_LONG": _line_too_long,
    "MALFORMED_LINE": _malformed_line,
    "METRIC_UNAVAILABLE": _metric_unavailable,
    "MISSING_FIELD": _missing_field,
    "NOT_ECF": _not_ecf,
    "OUTSIDE_PERIOD": _outside_period,
    "TOO_MANY_FIELDS": _too_many_fields,
    "TOO_MANY_LINES": _too_many_lines,
    "TRUNCATED": _truncated,
    "UNKNOWN_CODE": _unknown_code,
    "UNKNOWN_LAYOUT": _unknown_layout,
    "ZIP_MEMBERS": _zip_members,
}
assert tuple(_PLANTERS) == REFUSAL_CODES


@st.composite
def _refused(draw: st.DrawFn, codes: tuple[str, ...]) -> tuple[bytes, str]:
    code = draw(st.sampled_from(codes))
    data = _PLANTERS[code](draw)
    if code != "EXPANSION_LIMIT":
        note(f"planted: {code}\n{file_text(data)}")
    else:
        note(f"planted: {code} (a gzip stream of {len(data)} bytes)")
    return data, code


def refused_files(
    *, codes: Iterable[str] | None = None, slow: bool = False
) -> st.SearchStrategy[tuple[bytes, str]]:
    """``(data, code)`` pairs: the bytes of a file that :func:`ecfmetric.read` (strict, the
    default) must refuse, and the ``code`` of the :class:`~ecfmetric.EcfError` it must raise.

    Each file is a valid drawn file with one fault planted by hand: a malformed amount,
    ``IND_VALOR``, ``CODIGO`` or date, a parameter outside its list, a period out of the span or
    twice, a code twice, a revenue line outside a period or under RECEITA LIQUIDA but neither
    revenue nor deduction, a missing quarter, a record cut short, a line too long or with too
    many fields, a counter off, a block left open, a 9900 listing too many registers, the end
    cut before 9999, another kind of file, an empty file, a damaged gzip, a ZIP with no or
    several files. Every code of :data:`REFUSAL_CODES` can be drawn; ``codes`` keeps some.

    ``EXPANSION_LIMIT`` (a gzip stream that inflates past 64 MiB) costs about a second to build
    and read, so it is drawn only with ``slow=True`` or when named in ``codes``. A failing
    example notes the code planted and the file as numbered text lines.
    """
    if codes is None:
        chosen = tuple(c for c in REFUSAL_CODES if slow or c != "EXPANSION_LIMIT")
    else:
        chosen = tuple(codes)
        unknown = sorted(set(chosen) - set(REFUSAL_CODES))
        if unknown or not chosen:
            raise InvalidArgument(
                f"codes must be among REFUSAL_CODES ({', '.join(REFUSAL_CODES)}), got {unknown or chosen}"
            )
    return _refused(chosen)


# -- refused form values -------------------------------------------------------------------------

_AMOUNTS = ("gross_revenue", "cancellations", "taxes", "discounts", "other_deductions")
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@st.composite
def _bad_amount_text(draw: st.DrawFn) -> str:
    """A string that is no amount the form takes."""
    whole = draw(st.integers(1, 10**9))
    text = f"{whole},{draw(st.integers(0, 99)):02d}"
    kind = draw(
        st.sampled_from(
            [
                "negative",
                "three decimals",
                "ambiguous",
                "letter",
                "blank inside",
                "arabic-indic",
                "full width",
                "too large",
                "empty",
                "two commas",
            ]
        )
    )
    if kind == "negative":
        return draw(st.sampled_from(["-", "R$ -", "- "])) + text
    if kind == "three decimals":
        return f"{whole},{draw(st.integers(1, 99)) * 10 + draw(st.integers(1, 9)):03d}"
    if kind == "ambiguous":  # a dot then three digits: thousands or decimals?
        return f"{draw(st.integers(1, 999))}.{draw(st.integers(0, 999)):03d}"
    if kind == "letter":
        at = draw(st.integers(0, len(text)))
        return text[:at] + draw(st.sampled_from("aOlxE")) + text[at:]
    if kind == "blank inside":
        digits = f"{whole}{draw(st.integers(0, 99)):02d}"
        at = draw(st.integers(1, len(digits) - 1))
        spaced = digits[:at] + " " + digits[at:]
        return spaced[:-2] + "," + spaced[-2:] if spaced[-3] != " " else spaced
    if kind == "arabic-indic":
        return text.translate(_ARABIC_INDIC)
    if kind == "full width":
        return text.translate(_FULL_WIDTH)
    if kind == "too large":
        return f"{10**17 + draw(st.integers(0, 10**6))},00"
    if kind == "empty":
        return draw(st.sampled_from(["", " ", "R$", "R$ "]))
    return f"{whole},{draw(st.integers(0, 9))},{draw(st.integers(0, 99)):02d}"


@st.composite
def _bad_form(draw: st.DrawFn, fields: tuple[str, ...]) -> tuple[dict[str, Any], str]:
    kwargs, _ = draw(_base.form_inputs(identity=True, other_deductions=True))
    field = draw(st.sampled_from(fields))
    if field in _AMOUNTS:
        kwargs[field] = draw(_bad_amount_text())
        bad = field
    elif field == "cnpj":
        good = draw(_base.cnpjs(formatted=None))
        last = good[-1]
        kwargs["cnpj"] = good[:-1] + str((int(last) + draw(st.integers(1, 9))) % 10)
        bad = "cnpj"
    elif field == "reference_year":
        kwargs["reference_year"] = draw(
            st.one_of(st.integers(1, 1999), st.integers(2101, 9999), st.integers(-99, 0))
        )
        bad = "reference_year"
    else:  # deductions above the gross revenue: refused on the gross revenue
        gross = draw(st.integers(0, 10**8))
        kwargs |= {
            "gross_revenue": Decimal(gross).scaleb(-2),
            "cancellations": Decimal(gross + draw(st.integers(1, 10**6))).scaleb(-2),
        }
        bad = "gross_revenue"
    return kwargs, bad


_FORM_FIELDS = (*_AMOUNTS, "cnpj", "reference_year", "deductions")


def bad_form_inputs(
    *, fields: Iterable[str] | None = None
) -> st.SearchStrategy[tuple[dict[str, Any], str]]:
    """``(kwargs, field)`` pairs: keyword arguments that :func:`ecfmetric.from_form` must
    refuse with a :class:`~ecfmetric.FormInputError` (code ``BAD_FORM_INPUT``) whose ``field``
    is ``field``. Every argument is valid but one: an amount that is negative, has three
    decimals, is ambiguous (``"1.234"``), holds a letter, a blank inside, Arabic-Indic or
    full-width digits, is above ``MAX_FORM_AMOUNT``, empty, or has two commas; a CNPJ with a
    wrong check digit; a year outside 2000–2100; or (``"deductions"``) deductions above the
    gross revenue, refused on ``gross_revenue``. ``fields`` keeps some of
    ``gross_revenue``, ``cancellations``, ``taxes``, ``discounts``, ``other_deductions``,
    ``cnpj``, ``reference_year``, ``deductions``.
    """
    chosen = _FORM_FIELDS if fields is None else tuple(fields)
    unknown = sorted(set(chosen) - set(_FORM_FIELDS))
    if unknown or not chosen:
        raise InvalidArgument(
            f"fields must be among {', '.join(_FORM_FIELDS)}, got {unknown or chosen}"
        )
    return _bad_form(chosen)


# -- proofs --------------------------------------------------------------------------------------


@st.composite
def _proof(draw: st.DrawFn, min_companies: int, max_companies: int, complete: bool | None) -> Any:
    from .proof._proof import Proof

    count = draw(st.integers(min_companies, max_companies))
    # Distinct roots by construction: a first root, then strictly growing steps.
    root = draw(st.integers(1, 10**7))
    roots = [root]
    for _ in range(count - 1):
        roots.append(roots[-1] + draw(st.integers(1, 10**6)))
    cnpjs = [_base._with_check_digits(f"{r:08d}0001") for r in roots]
    names = [draw(st.none() | _base._company_name("utf-8")) for _ in cnpjs]
    year = draw(st.integers(2014, 2025))
    proof = Proof(year, companies=list(zip(cnpjs, names, strict=True)))
    for cnpj in cnpjs:
        if complete is False and cnpj == cnpjs[-1]:
            continue  # at least one company left pending
        if complete is None and not draw(st.booleans()):
            continue
        kwargs, expected = draw(_base.form_inputs(identity=False))
        from .reading._form import from_form

        proof.add(from_form(**kwargs), cnpj=cnpj)
        gross = expected.gross_revenue
        if gross is not None and _base._rarely(draw):
            value = gross + Decimal("0.01") * draw(st.integers(1, 10**6))
            proof.contest(cnpj, "gross_revenue", f"{value:.2f}", reason="revisado", by=None)
    return proof


def proofs(
    *, min_companies: int = 1, max_companies: int = 4, complete: bool | None = None
) -> st.SearchStrategy[Any]:
    """:class:`~ecfmetric.Proof` objects: ``min_companies`` to ``max_companies`` companies with
    distinct CNPJs (by construction), named or not, a reference year 2014–2025, and figures
    typed into the form (now and then one contested: the gross revenue raised by the person).
    ``complete=True``: every company has a figure (so ``conclude()`` works); ``False``: the last
    one is left pending; ``None``: either, company by company. Each draw is a new proof, free
    to change in the test.
    """
    if not 1 <= min_companies <= max_companies <= 50:
        raise InvalidArgument("need 1 <= min_companies <= max_companies <= 50")
    return _proof(min_companies, max_companies, complete)


# Last: strategies.py imports this module at its own end, and this one builds on it.
from . import strategies as _base  # noqa: E402
