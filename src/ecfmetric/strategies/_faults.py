"""One fault per refusal code, planted by hand in a valid drawn file (or in its container)."""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib

from hypothesis import strategies as st

from ..ecf._build import assemble
from ._planting import (
    _COD_VER,
    _DT_INI,
    _ENCODING,
    _ENDING,
    _LEAF,
    _LEAF_CODE,
    _MAX_FIELDS,
    _MAX_LINE_LENGTH,
    _MAX_REGISTERS,
    _RATIO_CHECKED_AFTER,
    _REAL_LEAVES,
    _RETIFICADORA,
    _bytes,
    _index,
    _periods,
    _set_0000,
    _split_0000,
    _valid,
    _with_leaf,
)
from ._variants import VARIANTS


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
    records = _valid(draw, VARIANTS)
    year = _split_0000(records)[_DT_INI][4:]
    day = draw(
        st.sampled_from([f"3002{year}", f"0113{year}", f"0001{year}", f"32{year}01", "01-01-20"])
    )
    return _bytes(_set_0000(records, _DT_INI, day))


def _bad_parameter(draw: st.DrawFn) -> bytes:
    records = _valid(draw, VARIANTS)
    return _bytes(_set_0000(records, _RETIFICADORA, draw(st.sampled_from(["X", "1", "n", "SS"]))))


def _bad_period(draw: st.DrawFn) -> bytes:
    """A period dated a year before the file's span."""
    records = _valid(draw, VARIANTS)
    letter = records[_index(records, "|0990|") + 1][1]
    start, _ = draw(st.sampled_from(_periods(records, letter)))
    _, reg, first, last, period, *rest = records[start].split("|")
    earlier = [f"{d[:4]}{int(d[4:]) - 1}" for d in (first, last)]
    records[start] = "|".join(["", reg, *earlier, period, *rest])
    return _bytes(records)


def _block_structure(draw: st.DrawFn) -> bytes:
    records = _valid(draw, VARIANTS)
    letter = records[_index(records, "|0990|") + 1][1]
    if draw(st.booleans()):
        del records[_index(records, f"|{letter}990|")]  # the block is never closed
    else:  # a block-0 record inside the metric's block
        records.insert(
            _index(records, f"|{letter}001|") + 1, "|0030|2062|4711302|RUA|1||C|SP|1|1|1|a@b|"
        )
    return _bytes(records)


def _count_mismatch(draw: st.DrawFn) -> bytes:
    text = assemble(_valid(draw, VARIANTS), line_ending=_ENDING)
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
    twice = _LEAF.replace("|1,00|", f"|{draw(st.integers(0, 999))},00|")
    return _bytes(_with_leaf(draw, _LEAF, twice))


def _duplicate_period(draw: st.DrawFn) -> bytes:
    records = _valid(draw, VARIANTS)
    letter = records[_index(records, "|0990|") + 1][1]
    start, end = draw(st.sampled_from(_periods(records, letter)))
    return _bytes([*records[:end], *records[start:end], *records[end:]])


def _expansion_limit(draw: st.DrawFn) -> bytes:
    """A gzip stream that inflates past the ratio the reader allows (more than 500 times its
    size beyond 64 MiB): a real header, then a skipped block of one short line repeated."""
    lines = assemble(_valid(draw, VARIANTS), line_ending=_ENDING).split(_ENDING)
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
    lines = assemble(_valid(draw, VARIANTS), line_ending=_ENDING).split(_ENDING)
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
    records = _valid(draw, VARIANTS)
    fields = _split_0000(records)
    keep = draw(st.integers(3, 8))
    return _bytes(["|".join([*fields[:keep], ""]), *records[1:]])


def _not_ecf(draw: st.DrawFn) -> bytes:
    body = _bytes(_valid(draw, VARIANTS))
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
    records.insert(_index(records, "|L001|") + 1, _LEAF.replace(_LEAF_CODE, _REAL_LEAVES[0]))
    return _bytes(records)


def _too_many_fields(draw: st.DrawFn) -> bytes:
    extra = "|" * (_MAX_FIELDS + draw(st.integers(1, 50)))
    return _bytes(_with_leaf(draw, _LEAF + extra))


def _too_many_lines(draw: st.DrawFn) -> bytes:
    """9900 listing more registers than any file has."""
    text = assemble(_valid(draw, VARIANTS), line_ending=_ENDING)
    count = _MAX_REGISTERS + draw(st.integers(1, 100))
    fake = "".join(f"|9900|{chr(65 + n // 1000)}{n % 1000:03d}|0|\r\n" for n in range(count))
    return text.replace("\r\n|9990|", "\r\n" + fake + "|9990|").encode(_ENCODING)


def _truncated(draw: st.DrawFn) -> bytes:
    lines = assemble(_valid(draw, VARIANTS), line_ending=_ENDING).split(_ENDING)
    keep = draw(st.integers(1, len(lines) - 2))  # at least 0000, never 9999
    return (_ENDING.join(lines[:keep]) + _ENDING).encode(_ENCODING)


def _unknown_code(draw: st.DrawFn) -> bytes:
    """A line under RECEITA LIQUIDA (3.01.01.01) that is neither revenue nor a deduction."""
    child = draw(st.sampled_from(["03", "09", "99"]))
    leaf = f"|L300|3.01.01.01.{child}|OUTRA CONTA|A|5|04|3.01.01.01|1,00|C|"
    return _bytes(_with_leaf(draw, leaf))


def _unknown_layout(draw: st.DrawFn) -> bytes:
    records = _valid(draw, VARIANTS)
    version = draw(st.sampled_from(["0000", "", "12", "V012", "00A1", "012"]))
    return _bytes(_set_0000(records, _COD_VER, version))


def _unknown_record(draw: st.DrawFn) -> bytes:
    """A register the layout does not have in the metric's block (an L300 damaged into L301)."""
    records = _valid(draw, VARIANTS)
    letter = records[_index(records, "|0990|") + 1][1]
    start, end = draw(st.sampled_from(_periods(records, letter)))
    number = draw(st.sampled_from(["301", "999", "201", "151", "121"]))
    at = draw(st.integers(start + 1, end))
    return _bytes([*records[:at], f"|{letter}{number}|1|TEXTO|", *records[at:]])


def _bad_archive(draw: st.DrawFn) -> bytes:
    data = _bytes(_valid(draw, VARIANTS))
    packed = gzip.compress(data)
    return packed[: draw(st.integers(20, max(21, len(packed) // 2)))]


def _zip_members(draw: st.DrawFn) -> bytes:
    data = _bytes(_valid(draw, VARIANTS))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(draw(st.sampled_from([0, 2, 3]))):
            archive.writestr(f"ecf_{number}.txt", data)
    return buffer.getvalue()
