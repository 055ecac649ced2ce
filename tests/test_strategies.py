"""The public Hypothesis strategies (ecfmetric.strategies): every file drawn reads as the metric it
promises, form inputs give their promised net, money strings and CNPJs are what they claim.

The strategies work out each expected metric from the amounts they drew, with docs/metric.md;
they never call read(). The test at the end pins a case the strategies leave out on purpose.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, find, given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import ecfmetric
from ecf_helpers import HEADER_0012, ecf_bytes, read_bytes
from ecfmetric import Regime, RevenueMetric
from ecfmetric.base._cnpj import cnpj_is_valid, normalize_cnpj
from ecfmetric.base._money import parse_money
from ecfmetric.model._model import MONEY_FIELDS
from ecfmetric.strategies import (
    ENCODINGS,
    LAYOUT_VERSIONS,
    LINE_ENDINGS,
    VARIANTS,
    assert_metric_matches,
    brl_money,
    cnpjs,
    ecf_files,
    form_inputs,
    metric_matches,
    promised,
)
from ecfmetric.strategies._cnpj import _with_check_digits

DOC = Path(__file__).parent.parent / "docs" / "testing-with-hypothesis.md"
ALWAYS = {"PARTIAL_YEAR", "UNKNOWN_COMPONENTS", "TABLE_NOT_CHECKED"}
Case = tuple[bytes, RevenueMetric]


def read_as_promised(case: Case, **kwargs: Any) -> RevenueMetric:
    data, expected = case
    metric = read_bytes(data, **kwargs)
    assert_metric_matches(metric, expected)
    return metric


# -- files ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@given(data=st.data())
def test_each_variant_reads_as_promised(variant: str, data: st.DataObject) -> None:
    """Every variant, with partial years and anomalies: read() gives the promised metric."""
    case = data.draw(ecf_files(variant=variant, partial_year=None))
    metric = read_as_promised(case)
    assert case[1].regime in VARIANTS[variant]
    assert metric.regime is case[1].regime


@pytest.mark.parametrize("regime", sorted({r for fits in VARIANTS.values() for r in fits}))
@given(data=st.data())
def test_each_regime_reads_as_promised(regime: Regime, data: st.DataObject) -> None:
    """A fixed regime (as enum or string) draws files of that regime only."""
    case = data.draw(ecf_files(regime=regime.value))
    assert case[1].regime is regime
    read_as_promised(case)


@pytest.mark.parametrize("version", LAYOUT_VERSIONS)
@given(data=st.data())
def test_each_layout_version_reads_as_promised(version: str, data: st.DataObject) -> None:
    """Each leiaute has its year and its 0000/0010 shapes (FORMA_TRIB field 5 up to 0006, 4 from 0007)."""
    case = data.draw(ecf_files(layout_version=version))
    metric = read_as_promised(case)
    first = case[0].split(b"\n", 1)[0].rstrip(b"\r").removeprefix(b"\xef\xbb\xbf")
    assert first.count(b"|") - 1 == (16 if version == "0012" else 15)
    assert metric.reference_year == 2013 + int(version)
    assert "LAYOUT_YEAR_MISMATCH" not in promised(metric)["warning_codes"]


@pytest.mark.parametrize("ending", LINE_ENDINGS, ids=["crlf", "lf"])
@pytest.mark.parametrize("encoding", ENCODINGS)
@given(data=st.data())
def test_each_encoding_and_line_ending(encoding: str, ending: str, data: st.DataObject) -> None:
    """A fixed encoding and line ending: the bytes are written so, and the accented name reads back."""
    case = data.draw(ecf_files(encoding=encoding, line_ending=ending, signature=False))
    raw = case[0]
    assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    assert raw.decode(encoding).startswith("|0000|LECF|")
    assert (b"\r\n" in raw) == (ending == "\r\n")
    metric = read_as_promised(case)
    assert metric.company_name is not None
    assert "ENCODING_MIXED" not in promised(metric)["warning_codes"]


@given(ecf_files(partial_year=None), st.integers(1, 4096))
def test_any_file_any_reading(case: Case, chunk_size: int) -> None:
    """Fully drawn files read as promised whatever the chunk size, strict or lenient."""
    data, expected = case
    assert_metric_matches(ecfmetric.read(io.BytesIO(data), chunk_size=chunk_size), expected)
    assert_metric_matches(read_bytes(data, strict=False), expected)


@given(ecf_files(signature=True))
def test_signature_after_9999(case: Case) -> None:
    """A signature blob after 9999 is never read."""
    assert b"SBRCAAEPDR" in case[0]
    read_as_promised(case)


@given(ecf_files(partial_year=True))
def test_partial_years(case: Case) -> None:
    """A file that does not span 1 Jan–31 Dec reads as promised, with PARTIAL_YEAR."""
    metric = read_as_promised(case)
    assert metric.partial_year
    assert "PARTIAL_YEAR" in promised(metric)["warning_codes"]


@given(ecf_files(anomalies=False, noise=False))
def test_clean_files_warn_only_what_their_variant_always_does(case: Case) -> None:
    """Without anomalies the only warnings are the variant's own (partial year, unknown parts),
    and NEGATIVE_NET_REVENUE exactly when the drawn deductions exceed the gross revenue."""
    metric = read_as_promised(case)
    codes = set(promised(metric)["warning_codes"])
    negative = metric.net_revenue is not None and metric.net_revenue < 0
    assert ("NEGATIVE_NET_REVENUE" in codes) == negative
    assert codes - {"NEGATIVE_NET_REVENUE"} <= ALWAYS


@given(ecf_files(partial_year=None))
def test_lines_add_up_to_each_component(case: Case) -> None:
    """The provenance lines read: each known component is the sum of the amounts that fed it."""
    metric = read_as_promised(case)
    for name in MONEY_FIELDS[:5]:
        total = getattr(metric, name)
        fed = [line.amount for line in metric.lines if line.component == name]
        if total is not None:
            assert sum(fed, Decimal("0.00")) == total, name


DRE_VARIANTS = [v for v in VARIANTS if "cash" not in v and "without" not in v and v != "arbitrado"]


@given(st.sampled_from(DRE_VARIANTS).flatmap(lambda v: ecf_files(variant=v, anomalies=False)))
def test_file_and_form_give_the_same_metric(case: Case) -> None:
    """The form, given a file's five components, computes the same net revenue."""
    _, expected = case
    parts = {name: getattr(expected, name) for name in MONEY_FIELDS[:5]}
    assume(all(value >= 0 for value in parts.values()))
    assume(sum(list(parts.values())[1:]) <= parts["gross_revenue"])
    form = ecfmetric.from_form(**parts)
    assert form.net_revenue == expected.net_revenue == read_bytes(case[0]).net_revenue


# -- form inputs, money, CNPJs -------------------------------------------------------------------


@given(form_inputs())
def test_form_inputs_give_the_promised_metric(case: tuple[dict[str, Any], RevenueMetric]) -> None:
    """from_form(**kwargs) gives the promised metric, net revenue included."""
    kwargs, expected = case
    metric = ecfmetric.from_form(**kwargs)
    assert_metric_matches(metric, expected)
    assert expected.net_revenue is not None
    assert expected.net_revenue >= 0


@given(form_inputs(other_deductions=True, identity=True, max_value="1000"))
def test_form_inputs_with_everything(case: tuple[dict[str, Any], RevenueMetric]) -> None:
    """Fixed options are honoured: other deductions and identity always given."""
    kwargs, expected = case
    assert {"other_deductions", "cnpj", "company_name", "reference_year"} <= kwargs.keys()
    assert expected.gross_revenue is not None
    assert expected.gross_revenue <= 1000
    assert_metric_matches(ecfmetric.from_form(**kwargs), expected)


@given(brl_money())
def test_money_strings_parse_to_their_value(money: tuple[str, Decimal]) -> None:
    """Every Brazilian money string parses to exactly the Decimal drawn with it."""
    text, value = money
    assert parse_money(text, "gross_revenue") == value
    alone = re.fullmatch(r"(?i:R\$)?\s*([0-9]{1,3})\.([0-9]{3})", text)
    if alone:  # "1.234" is one thousand two hundred and thirty-four, as the form reads it
        assert value == int(alone[1] + alone[2])


@given(brl_money(min_value="1000.00", max_value=Decimal("999999.99"), prefix=True, grouped=True))
def test_money_strings_with_fixed_style(money: tuple[str, Decimal]) -> None:
    """prefix and grouped fix the style: R$, and '.' between thousands."""
    text, value = money
    assert text.lower().startswith("r$")
    assert "." in text
    assert Decimal("1000") <= value <= Decimal("999999.99")
    assert parse_money(text, "taxes") == value


@pytest.mark.parametrize(
    ("value", "text", "prefix"),
    [
        ("12000000.00", "12.000.000,00", False),
        ("1234.56", "R$ 1.234,56", True),
        ("1234.50", "1234,5", False),
    ],
)
def test_money_examples_are_drawn(value: str, text: str, prefix: bool) -> None:
    """The spec's examples are among the strings drawn for their value."""
    grouped = "." in text
    strategy = brl_money(min_value=value, max_value=value, prefix=prefix, grouped=grouped)
    assert find(strategy, lambda money: money[0] == text) == (text, Decimal(value))


@given(cnpjs(formatted=None, alphanumeric=False) | cnpjs(formatted=None, alphanumeric=True))
def test_cnpjs_validate(cnpj: str) -> None:
    """Every CNPJ drawn has the right check digits, masked or bare."""
    bare = normalize_cnpj(cnpj)
    assert bare is not None
    assert cnpj_is_valid(bare)
    assert len(cnpj) in (14, 18)
    if len(cnpj) == 18:
        assert re.fullmatch(r"[0-9A-Z]{2}\.[0-9A-Z]{3}\.[0-9A-Z]{3}/[0-9A-Z]{4}-\d{2}", cnpj)


@given(cnpjs())
def test_cnpjs_default_numeric_and_bare(cnpj: str) -> None:
    """By default a CNPJ is 14 digits without the mask."""
    assert re.fullmatch(r"\d{14}", cnpj)
    assert cnpj_is_valid(cnpj)


def test_check_digits_of_known_cnpjs() -> None:
    """The check digits agree with known CNPJs, numeric and alphanumeric (RFB's example)."""
    assert _with_check_digits("112223330001") == "11222333000181"
    assert _with_check_digits("12ABC34501DE") == "12ABC34501DE35"


# -- the helpers ---------------------------------------------------------------------------------


def test_assert_metric_matches_names_each_difference() -> None:
    """A metric that differs in a promised field is reported by name; unpromised fields are free."""
    metric = ecfmetric.from_form(gross_revenue="10,00", cancellations=0, taxes=0, discounts=0)
    assert metric_matches(metric, metric)
    assert metric_matches(metric, attrs.evolve(metric, lines=(), fingerprint="x"))
    other = attrs.evolve(metric, net_revenue=Decimal("9.00"), company_name="X")
    assert not metric_matches(metric, other)
    with pytest.raises(AssertionError, match=r"company_name: read None, expected 'X'") as caught:
        assert_metric_matches(metric, other)
    assert "net_revenue" in str(caught.value)
    assert "gross_revenue" not in str(caught.value)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"regime": "simples"},
        {"variant": "mixed"},
        {"regime": "imune", "variant": "arbitrado"},
        {"layout_version": "0013"},
        {"line_ending": "\r"},
        {"encoding": "utf-16"},
        {"max_amount": "1,5"},
        {"max_amount": "0.001"},
        {"max_amount": -1},
    ],
)
def test_invalid_arguments(kwargs: dict[str, Any]) -> None:
    """Arguments outside what the strategy draws are refused when it is built."""
    with pytest.raises(InvalidArgument):
        ecf_files(**kwargs)


def test_invalid_money_arguments() -> None:
    """brl_money and form_inputs refuse impossible bounds."""
    with pytest.raises(InvalidArgument):
        brl_money(min_value=10, max_value=1)
    with pytest.raises(InvalidArgument):
        brl_money(max_value="0.001")
    with pytest.raises(InvalidArgument):
        form_inputs(max_value=-1)


@pytest.mark.parametrize(("name", "ending"), [("crlf", b"\r\n"), ("lf", b"\n")])
@given(data=st.data())
def test_line_ending_names(name: str, ending: bytes, data: st.DataObject) -> None:
    """'crlf' and 'lf' name the line endings."""
    raw, _ = data.draw(ecf_files(line_ending=name, signature=False))
    assert raw.count(ending) >= raw.count(b"\n") - 1
    assert (b"\r\n" in raw) == (name == "crlf")


def test_import_ecfmetric_without_hypothesis() -> None:
    """ecfmetric imports without Hypothesis; ecfmetric.strategies says which extra to install."""
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "import ecfmetric; assert ecfmetric.from_form\n"
        "try:\n"
        "    import ecfmetric.strategies\n"
        "except ImportError as error:\n"
        "    assert 'ecfmetric[hypothesis]' in str(error), error\n"
        "else:\n"
        "    raise SystemExit('imported')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_doc_examples_run() -> None:
    """The downstream property tests of docs/testing-with-hypothesis.md run and pass."""
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    assert blocks
    namespace: dict[str, Any] = {"__name__": "doc_example"}
    exec(compile("\n".join(blocks), str(DOC), "exec"), namespace)
    tests = [value for name, value in namespace.items() if name.startswith("test_")]
    assert len(tests) >= 3
    for test in tests:
        test()


# -- a case read() once got wrong ----------------------------------------------------------------
# The case below is left out of ecf_files (see the comment in strategies/_block_p.py); read()
# follows docs/metric.md on it since the reader's fix, and this test keeps it so.

Q = [("0101", "3103"), ("0104", "3006"), ("0107", "3009"), ("0110", "3112")]
P200_QUARTERS = [
    line
    for index, (start, end) in enumerate(Q, start=1)
    for line in (
        f"|P030|{start}2025|{end}2025|T0{index}|",
        "|P200|4|Receita Bruta Sujeita ao Percentual de 8%|100,00|",
    )
]
PRESUMIDO_BOOKS = [HEADER_0012, "|0001|0|", "|0010||N|5|T|01|PPPP||C||||2|", "|0990||", "|P001|0|"]


def test_p150_without_revenue_lines_reads_as_zero() -> None:
    """P150 at A00 with only 3.01.01.05 (not revenue): gross 0 and NO_REVENUE_LINES."""
    records = [
        *PRESUMIDO_BOOKS,
        "|P030|01012025|31122025|A00|",
        "|P150|3.01.01.05.01.05|Outras Receitas Financeiras|A|6|04|3.01.01.05.01|10,00|C|",
        *P200_QUARTERS,
        "|P990||",
    ]
    metric = read_bytes(ecf_bytes(records))
    assert metric.gross_revenue == 0
    assert {w.code for w in metric.warnings} == {"NO_REVENUE_LINES", "P200_P150_MISMATCH"}
