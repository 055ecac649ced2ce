"""Properties of the metric over many files: what must not change it, and what must move it exactly."""

from __future__ import annotations

import io
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

import ecfmetric
from ecf_helpers import HEADER_0012, ecf_bytes, read_bytes, real_annual
from test_reader import SIGNATURE

CENTS = st.integers(min_value=0, max_value=10**13)

LEAVES = {
    "3.01.01.01.01.04": ("gross_revenue", "C"),
    "3.01.01.01.01.06": ("gross_revenue", "C"),
    "3.01.01.01.02.01": ("cancellations", "D"),
    "3.01.01.01.02.02": ("discounts", "D"),
    "3.01.01.01.02.03": ("taxes", "D"),
    "3.01.01.01.02.05": ("taxes", "D"),
    "3.01.01.01.02.10": ("other_deductions", "D"),
}


def _amount(cents: int) -> str:
    whole, cent = divmod(cents, 100)
    return f"{whole},{cent:02d}"


def _dre(values: dict[str, int]) -> list[str]:
    """A consistent A00 DRE: leaves with the drawn amounts, synthetic lines with their sums."""
    gross = sum(v for code, v in values.items() if code.startswith("3.01.01.01.01."))
    deductions = sum(v for code, v in values.items() if code.startswith("3.01.01.01.02."))
    net = gross - deductions
    lines = [
        f"|L300|3.01.01.01|RECEITA LIQUIDA|S|4|04|3.01.01|{_amount(abs(net))}|{'C' if net >= 0 else 'D'}|",
        f"|L300|3.01.01.01.01|RECEITA BRUTA|S|5|04|3.01.01.01|{_amount(gross)}|C|",
        f"|L300|3.01.01.01.02|DEDUÇÕES|S|5|04|3.01.01.01|{_amount(deductions)}|D|",
    ]
    lines += [
        f"|L300|{code}|X|A|6|04|{code[:-3]}|{_amount(v)}|{LEAVES[code][1]}|"
        for code, v in values.items()
    ]
    return lines


values_strategy = st.fixed_dictionaries(dict.fromkeys(LEAVES, CENTS))


def _expected(values: dict[str, int]) -> dict[str, Decimal]:
    out = dict.fromkeys(
        ("gross_revenue", "cancellations", "discounts", "taxes", "other_deductions"),
        Decimal("0.00"),
    )
    for code, cents in values.items():
        out[LEAVES[code][0]] += Decimal(cents) / 100
    return out


@given(values_strategy)
def test_components_are_the_sums_of_their_lines(values: dict[str, int]) -> None:
    """For any amounts, each component is the sum of its lines and net = gross − deductions."""
    metric = read_bytes(ecf_bytes(real_annual(_dre(values))))
    expected = _expected(values)
    for name, value in expected.items():
        assert getattr(metric, name) == value, name
    assert metric.net_revenue == expected["gross_revenue"] - sum(
        v for k, v in expected.items() if k != "gross_revenue"
    )
    codes = {w.code for w in metric.warnings}
    assert ("NEGATIVE_NET_REVENUE" in codes) == (metric.net_revenue < 0)
    assert codes - {"NEGATIVE_NET_REVENUE"} <= {"UNUSUAL_SIGN"}


@given(
    values_strategy,
    st.sampled_from(sorted(LEAVES)),
    st.integers(min_value=-(10**6), max_value=10**6),
)
def test_changing_one_line_by_d_moves_the_metric_by_d(
    values: dict[str, int], code: str, d: int
) -> None:
    """Changing one line's amount by d cents changes its component by exactly d and the net by ±d."""
    changed = dict(values)
    changed[code] = max(0, values[code] + d)
    delta = Decimal(changed[code] - values[code]) / 100
    before = read_bytes(ecf_bytes(real_annual(_dre(values))))
    after = read_bytes(ecf_bytes(real_annual(_dre(changed))))
    component = LEAVES[code][0]
    assert getattr(after, component) - getattr(before, component) == delta
    sign = 1 if component == "gross_revenue" else -1
    assert after.net_revenue - before.net_revenue == sign * delta  # type: ignore[operator]


@given(values_strategy)
def test_form_with_the_files_amounts_gives_the_same_net(values: dict[str, int]) -> None:
    """Typing a file's components into the form (as a person types them: 1234,56) gives the
    file's net revenue."""
    metric = read_bytes(ecf_bytes(real_annual(_dre(values))))
    gross = metric.gross_revenue
    deductions = [metric.cancellations, metric.taxes, metric.discounts, metric.other_deductions]
    if sum(deductions, Decimal(0)) > gross:  # type: ignore[operator,arg-type]
        return  # the form refuses deductions above the gross revenue (tested elsewhere)
    form = ecfmetric.from_form(
        gross_revenue=str(gross).replace(".", ","),
        cancellations=str(metric.cancellations).replace(".", ","),
        taxes=str(metric.taxes).replace(".", ","),
        discounts=str(metric.discounts).replace(".", ","),
        other_deductions=str(metric.other_deductions).replace(".", ","),
    )
    assert form.net_revenue == metric.net_revenue


unknown_record = st.builds(
    lambda reg, text: f"|{reg}|{text}|",
    # Registers of the layout's shape (a letter and three digits) that the metric does not read,
    # in block K: inside blocks L/P/T/U an unknown register is refused in every mode (it may be a
    # damaged figure, test_hostile.py).
    st.from_regex(r"K[4-8][0-9]{2}", fullmatch=True),
    st.text(alphabet="ABC 0123456789,.", max_size=20),
)


@given(
    values_strategy,
    st.lists(unknown_record, max_size=5),
    st.lists(st.text(alphabet="XYZ0123456789,", max_size=8), max_size=3),
    st.booleans(),
    st.sampled_from(["\r\n", "\n"]),
    st.sampled_from(["latin-1", "utf-8", "utf-8-sig", "cp1252"]),
    st.integers(min_value=1, max_value=4096),
)
def test_irrelevant_changes_do_not_change_the_metric(
    values: dict[str, int],
    unknown: list[str],
    trailing: list[str],
    signed: bool,
    ending: str,
    encoding: str,
    chunk_size: int,
) -> None:
    """Unknown records, extra trailing fields, a signature, line endings, encoding, chunk size: same metric."""
    base = read_bytes(ecf_bytes(real_annual(_dre(values))))
    suffix = "".join(f"{t}|" for t in trailing)
    dre = [line + suffix for line in _dre(values)]
    records = real_annual(dre, header=HEADER_0012.replace("EMPRESA TESTE", "EMPRESA AÇÃO"))
    records[4:4] = ["|K001|0|", *unknown, "|K990||"]
    data = ecf_bytes(records, line_ending=ending, encoding=encoding) + (
        SIGNATURE if signed else b""
    )
    metric = ecfmetric.read(io.BytesIO(data), chunk_size=chunk_size)
    for name in (
        "gross_revenue",
        "cancellations",
        "discounts",
        "taxes",
        "other_deductions",
        "net_revenue",
    ):
        assert getattr(metric, name) == getattr(base, name)
    assert metric.company_name == "EMPRESA AÇÃO LTDA"
