"""Declared, not inferred: properties over the public strategies' files.

Each property starts from a valid file whose metric is known (``ecfmetric.strategies``) and
changes one thing the policy speaks of: a declared field set outside its closed list, a blank in
a referential code, a quarter's records deleted. The reader must refuse each, in both modes,
never return a figure. The last property ties the modes together: whenever strict and lenient
both give a figure, it is the same one.
"""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ecfmetric
from ecfmetric import strategies as ecfst
from ecfmetric.ecf._layout import F0000, fields_0010
from ecfmetric.rules._parameters import CLOSED_LISTS

SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
METRIC_RECORDS = (b"L300", b"P150", b"U150", b"P200", b"P300", b"T120", b"T150")


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


def _read(data: bytes, *, strict: bool) -> ecfmetric.RevenueMetric:
    return ecfmetric.read(io.BytesIO(data), strict=strict)


def _out_of_list(field: str) -> st.SearchStrategy[str]:
    allowed = CLOSED_LISTS[field][0]
    return st.text("0123456789ACDEFLNPRTXZ", min_size=1, max_size=3).filter(
        lambda v: v not in allowed
    )


def _replace_field(line: bytes, index: int, value: str) -> bytes:
    body = line.rstrip(b"\r\n")
    ending = line[len(body) :]
    fields = body.split(b"|")
    fields[index] = value.encode("ascii")
    return b"|".join(fields) + ending


@SETTINGS
@given(
    ecfst.ecf_files(signature=False, anomalies=False),
    st.sampled_from(sorted(CLOSED_LISTS)),
    st.data(),
)
def test_a_declared_field_outside_its_list_is_refused(
    case: tuple[bytes, ecfmetric.RevenueMetric], field: str, data: st.DataObject
) -> None:
    """Any 0000/0010 field the metric depends on, set outside its closed list: BAD_PARAMETER
    naming that field, in strict and lenient mode alike."""
    raw, expected = case
    value = data.draw(_out_of_list(field))
    lines = _lines(raw)
    record, name = field.split(".")
    if record == "0000":
        lines[0] = _replace_field(lines[0], F0000[name], value)
    else:
        index = next(i for i, line in enumerate(lines) if line.startswith(b"|0010|"))
        lines[index] = _replace_field(
            lines[index], fields_0010(expected.layout_version)[name], value
        )
    changed = b"".join(lines)
    for strict in (True, False):
        with pytest.raises(ecfmetric.EcfFormatError) as caught:
            _read(changed, strict=strict)
        assert (caught.value.code, caught.value.record, caught.value.field) == (
            "BAD_PARAMETER",
            record,
            name,
        ), caught.value


@SETTINGS
@given(ecfst.ecf_files(signature=False), st.data())
def test_a_blank_in_any_code_of_a_metric_record_is_refused(
    case: tuple[bytes, ecfmetric.RevenueMetric], data: st.DataObject
) -> None:
    """A blank (or a NUL, or a tab) anywhere in the CODIGO of L300/P150/U150/P200/P300/T120/T150:
    BAD_CODE at that line, in both modes (before, such a line was "not revenue")."""
    raw, _ = case
    lines = _lines(raw)
    candidates = [i for i, line in enumerate(lines) if line[1:5] in METRIC_RECORDS]
    index = data.draw(st.sampled_from(candidates))
    fields = lines[index].split(b"|")
    code = fields[2]
    where = data.draw(st.integers(0, len(code)))
    blank = data.draw(st.sampled_from([b" ", b"\x00", b"\t", b"\xa0"]))
    fields[2] = code[:where] + blank + code[where:]
    lines[index] = b"|".join(fields)
    changed = b"".join(lines)
    for strict in (True, False):
        with pytest.raises(ecfmetric.EcfFormatError) as caught:
            _read(changed, strict=strict)
        assert (caught.value.code, caught.value.line_number, caught.value.field) == (
            "BAD_CODE",
            index + 1,
            "CODIGO",
        )


QUARTERLY_VARIANTS = (
    "real_quarterly",
    "presumido_p150_quarterly",
    "presumido_cash_book",
    "presumido_books_without_p150",
    "arbitrado",
    "u150_quarterly",
)


@SETTINGS
@given(
    st.one_of(*(ecfst.ecf_files(variant=v, signature=False) for v in QUARTERLY_VARIANTS)),
    st.data(),
)
def test_deleting_a_quarter_leaves_no_metric(
    case: tuple[bytes, ecfmetric.RevenueMetric], data: st.DataObject
) -> None:
    """Delete one quarter (its x030 and every record under it) from a file whose year is the sum
    of its quarters: MetricUnavailableError naming that quarter, never a smaller year. Read in
    lenient mode, so that the counters the deletion breaks are only warnings."""
    raw, expected = case
    quarters = [p.period for p in expected.periods]
    if not quarters or not all(q.startswith("T") for q in quarters):
        return  # an annual year (A00): not made of quarters
    lines = _lines(raw)
    quarter = data.draw(st.sampled_from(quarters))
    block = expected.periods[0].block
    start = next(
        i
        for i, line in enumerate(lines)
        if line.startswith(f"|{block}030|".encode()) and f"|{quarter}|".encode() in line
    )
    end = start + 1
    while not re.match(rb"\|" + block.encode() + rb"(030|990)\|", lines[end]):
        end += 1
    kept = lines[:start] + lines[end:]
    changed = b"".join(_recount_9900(kept))
    with pytest.raises(ecfmetric.MetricUnavailableError) as caught:
        _read(changed, strict=False)
    assert caught.value.period == quarter
    # Without 9900 recounted, the counts of the figure records deleted are refused first, even
    # leniently (COUNT_MISMATCH): never a smaller year either.
    with pytest.raises(ecfmetric.EcfFormatError) as refused:
        _read(b"".join(kept), strict=False)
    assert refused.value.code == "COUNT_MISMATCH"


def _recount_9900(lines: list[bytes]) -> list[bytes]:
    """``lines`` with each ``9900`` count set to the records of its register that are left."""
    counts: dict[bytes, int] = {}
    for line in lines:
        counts[line[1:5]] = counts.get(line[1:5], 0) + 1
    out = []
    for line in lines:
        match = re.match(rb"\|9900\|([0-9A-Z]{4})\|[0-9]+\|", line)
        if match is not None and match.group(1) != b"9900":
            line = line.replace(
                match.group(0), b"|9900|%s|%d|" % (match.group(1), counts.get(match.group(1), 0)), 1
            )
        out.append(line)
    return out


_MUTATIONS = ("delete", "duplicate", "recount", "swap")


@SETTINGS
@given(ecfst.ecf_files(noise=True), st.sampled_from(_MUTATIONS), st.data())
def test_strict_and_lenient_agree_whenever_both_give_a_figure(
    case: tuple[bytes, ecfmetric.RevenueMetric], mutation: str, data: st.DataObject
) -> None:
    """One random change (a line deleted, duplicated, a counter changed, two lines swapped): when
    strict mode gives a figure lenient gives the same; when both do, they are equal. Lenient mode
    relaxes counters, never what feeds a number."""
    raw, _ = case
    lines = _lines(raw)
    end = next(i for i, line in enumerate(lines) if line.startswith(b"|9999|"))
    index = data.draw(st.integers(1, end - 1))
    if mutation == "delete":
        del lines[index]
    elif mutation == "duplicate":
        lines.insert(index, lines[index])
    elif mutation == "swap":
        lines[index], lines[index + 1] = lines[index + 1], lines[index]
    else:
        lines[index] = re.sub(rb"\|([0-9]+)\|(\r?\n)$", rb"|9\1|\2", lines[index])
    changed = b"".join(lines)
    results = []
    for strict in (True, False):
        try:
            results.append(_read(changed, strict=strict))
        except ecfmetric.EcfError:
            results.append(None)
    strict_metric, lenient_metric = results
    if strict_metric is not None:
        assert lenient_metric is not None
    if strict_metric is not None and lenient_metric is not None:
        for name in ("gross_revenue", "cancellations", "discounts", "taxes", "net_revenue"):
            assert getattr(strict_metric, name) == getattr(lenient_metric, name), name
