"""The strategies added for issue 24: refused files the reader refuses with the drawn code,
form values from_form refuses on the drawn field, proofs, cnpj=/year= on ecf_files, a second
CNPJ drawn distinct without a filter, and a failing example that shows the file as text."""

from __future__ import annotations

import ast
import io
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import ecfmetric
from ecfmetric import strategies
from ecfmetric.strategies import (
    REFUSAL_CODES,
    assert_metric_matches,
    bad_form_inputs,
    cnpjs,
    ecf_files,
    proofs,
    refused_files,
)
from ecfmetric.strategies._cnpj import _different, _given_cnpj

SRC = Path(ecfmetric.__file__).parent
#: The modules of the strategies package.
STRATEGIES = sorted((SRC / "strategies").glob("*.py"))

#: Error codes of the catalogue that read() does not raise on a file's content: the form's, the
#: command line's, the signature's (read only with read_signature), read_many's, and generic ones.
NOT_THE_READER = {
    "BAD_FORM_INPUT",
    "BAD_SIGNATURE",
    "ECF_ERROR",
    "FILE_NOT_FOUND",
    "FORMAT_ERROR",
    "INTERNAL_ERROR",
    "IS_A_DIRECTORY",
    "NO_SIGNATURE_BLOB",
    "OS_ERROR",
    "PERMISSION_DENIED",
    "SIGNATURE_EXTRA_MISSING",
    "SIGNATURE_TOO_LARGE",
    "WORKER_CRASHED",
}


def test_refusal_codes_are_every_code_the_reader_refuses_with() -> None:
    """REFUSAL_CODES is every error code of the catalogue but the proof's and NOT_THE_READER:
    a new refusal code of the reader fails here until refused_files() plants it."""
    errors = {code for code, info in ecfmetric.CODES.items() if info.kind == "error"}
    reader = errors - set(ecfmetric.PROOF_ERROR_CODES) - NOT_THE_READER
    assert set(REFUSAL_CODES) == reader
    assert len(REFUSAL_CODES) == len(set(REFUSAL_CODES))


def _refused_as_drawn(case: tuple[bytes, str]) -> None:
    data, code = case
    with pytest.raises(ecfmetric.EcfError) as caught:
        ecfmetric.read(io.BytesIO(data))
    assert caught.value.code == code, str(caught.value)  # type: ignore[attr-defined]


@pytest.mark.parametrize("code", [c for c in REFUSAL_CODES if c != "EXPANSION_LIMIT"])
@settings(max_examples=8)
@given(data=st.data())
def test_each_code_is_planted_and_refused(code: str, data: st.DataObject) -> None:
    """Each code, drawn alone: read() refuses the file with exactly that code."""
    _refused_as_drawn(data.draw(refused_files(codes=[code])))


@settings(max_examples=1, phases=[Phase.generate], suppress_health_check=list(HealthCheck))
@given(refused_files(codes=["EXPANSION_LIMIT"]))
def test_expansion_limit_is_planted_and_refused(case: tuple[bytes, str]) -> None:
    """The gzip stream past 64 MiB and 500 times its size is refused with EXPANSION_LIMIT."""
    _refused_as_drawn(case)


@given(refused_files())
def test_refused_files_mixed(case: tuple[bytes, str]) -> None:
    """Drawn from every code (EXPANSION_LIMIT aside unless slow=True)."""
    assert case[1] != "EXPANSION_LIMIT"
    _refused_as_drawn(case)


def test_refused_files_arguments() -> None:
    """Unknown codes, or none, are refused at once."""
    with pytest.raises(InvalidArgument):
        refused_files(codes=["NOPE"])
    with pytest.raises(InvalidArgument):
        refused_files(codes=[])
    with pytest.raises(InvalidArgument):
        bad_form_inputs(fields=["net_revenue"])
    with pytest.raises(InvalidArgument):
        proofs(min_companies=3, max_companies=2)


@given(bad_form_inputs())
def test_bad_form_inputs_are_refused_on_their_field(case: tuple[dict[str, object], str]) -> None:
    """from_form refuses the drawn arguments with BAD_FORM_INPUT naming the drawn field."""
    kwargs, field = case
    with pytest.raises(ecfmetric.FormInputError) as caught:
        ecfmetric.from_form(**kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert caught.value.code == "BAD_FORM_INPUT"


@settings(max_examples=25)
@given(proofs(complete=True))
def test_complete_proofs_conclude(proof: ecfmetric.Proof) -> None:
    """Every company saved; conclude()'s total is the sum of the rows' net; it saves and loads."""
    cnpjs_ = [row.cnpj for row in proof.rows]
    assert len(set(cnpjs_)) == len(cnpjs_)
    assert proof.pending == ()
    saved = proof.to_dict()
    assert ecfmetric.Proof.from_dict(saved).to_dict() == saved
    concluded = proof.conclude()
    nets = [row.net_revenue for row in concluded.rows]
    assert all(isinstance(net, Decimal) for net in nets)
    assert concluded.total_net_revenue == sum(nets, Decimal("0.00"))  # type: ignore[arg-type]


@settings(max_examples=10)
@given(proofs(min_companies=2, complete=False))
def test_incomplete_proofs_have_a_pending_company(proof: ecfmetric.Proof) -> None:
    """complete=False leaves the last company pending: conclude() is refused."""
    assert proof.pending == (proof.rows[-1].cnpj,)
    with pytest.raises(ecfmetric.ProofError) as caught:
        proof.conclude()
    assert caught.value.code == "COMPANIES_PENDING"


@settings(max_examples=15)
@given(ecf_files(cnpj="11.222.333/0001-81", year=2020))
def test_ecf_files_with_cnpj_and_year(case: tuple[bytes, ecfmetric.RevenueMetric]) -> None:
    """cnpj= and year= fix the metric's CNPJ (the SCP's, in an SCP's file) and year."""
    data, expected = case
    assert expected.cnpj == "11222333000181"
    assert expected.reference_year == 2020
    assert expected.layout_version == "0007"
    metric = ecfmetric.read(io.BytesIO(data))
    assert_metric_matches(metric, expected)
    if metric.managing_partner_cnpj is not None:
        assert metric.managing_partner_cnpj != metric.cnpj


@settings(max_examples=10)
@given(ecf_files(regime="imune", year=2016, cnpj="12.ABC.345/01DE-35"))
def test_ecf_files_with_an_alphanumeric_cnpj(case: tuple[bytes, ecfmetric.RevenueMetric]) -> None:
    """An alphanumeric CNPJ (the RFB's example 12.ABC.345/01DE-35, check digits 3 and 5 by the
    weights of cnpjs()) works too; regime= combines with the others."""
    data, expected = case
    assert expected.cnpj == "12ABC34501DE35"
    assert expected.regime is ecfmetric.Regime.IMUNE
    assert_metric_matches(ecfmetric.read(io.BytesIO(data)), expected)


def test_ecf_files_arguments() -> None:
    """A CNPJ with wrong check digits, a year without a layout, a year against the layout."""
    for kwargs in (
        {"cnpj": "11.222.333/0001-82"},
        {"cnpj": "00000000000000"},
        {"cnpj": 11222333000181},
        {"year": 2013},
        {"year": 2026},
        {"year": "2020"},
        {"year": 2020, "layout_version": "0008"},
    ):
        with pytest.raises(InvalidArgument):
            ecf_files(**kwargs).example()  # type: ignore[arg-type]


@given(cnpjs(), st.integers(0, 3))
def test_other_cnpj_is_distinct_by_construction(cnpj: str, shift: int) -> None:
    """The CNPJ drawn beside another is never equal to it, without a filter: even the fallback
    used when the draw happens to equal it gives a valid, different CNPJ."""
    other = _different(cnpj, shift)
    assert other != cnpj
    assert _given_cnpj(other) == other


def test_no_filter_in_the_strategies() -> None:
    """No .filter( in the strategies' source: every draw is valid by construction."""
    assert len(STRATEGIES) > 10  # the package's modules, not an empty glob
    for path in STRATEGIES:
        assert ".filter(" not in path.read_text("utf-8"), path.name


def _imports(path: Path) -> tuple[set[str], list[int]]:
    """The library modules ``path`` imports (relative to ``ecfmetric``, as ``floor._module``),
    and the lines of the imports that are not at the top of the file."""
    tree = ast.parse(path.read_text("utf-8"))
    top = {id(node) for node in tree.body}
    for node in tree.body:  # the guarded import of hypothesis in __init__.py
        if isinstance(node, ast.Try):
            top |= {id(inner) for inner in node.body}
    imported: set[str] = set()
    inside: list[int] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if id(node) not in top:
            inside.append(node.lineno)
        if isinstance(node, ast.Import):
            imported |= {a.name for a in node.names if a.name.startswith("ecfmetric")}
        elif node.level == 2:
            imported.add(node.module or "")
        elif node.level == 1:
            imported.add(f"strategies.{node.module}")
        elif (node.module or "").startswith("ecfmetric"):
            imported.add(node.module or "")
    return imported, inside


def test_strategies_do_not_import_the_rules() -> None:
    """The strategies work expectations out by hand: they import no rules module of the
    reader (parameters, periods, plans, the collector, the metric), only the result types, the
    file assembler and, for proofs(), the form and the proof; each module of the package is
    checked. (lint-imports holds the floors' part of this too: the "forbidden" contract on
    ecfmetric.strategies in pyproject.toml.)"""
    allowed = {"ecf._build", "model._model", "reading._form", "proof._proof"}
    own = {f"strategies.{path.stem}" for path in STRATEGIES}
    imported = set().union(*(_imports(path)[0] for path in STRATEGIES))
    assert allowed <= imported  # the walk sees the imports that are there
    assert imported <= allowed | own, imported - allowed - own


def test_no_import_inside_a_function_in_the_strategies() -> None:
    """Every import of the strategies is at the top of its module: none hides in a function."""
    for path in STRATEGIES:
        assert _imports(path)[1] == [], path.name


def test_a_failing_example_shows_the_file_as_text() -> None:
    """The note of a failing example holds the file as numbered lines, not one bytes literal."""

    @settings(max_examples=1, database=None, phases=[Phase.generate], derandomize=True)
    @given(ecf_files(regime="lucro_real", line_ending="lf"))
    def fails(case: tuple[bytes, ecfmetric.RevenueMetric]) -> None:
        raise AssertionError("planted")

    with pytest.raises(AssertionError, match="planted") as caught:
        fails()
    (shown,) = [n for n in getattr(caught.value, "__notes__", []) if "ECF file drawn" in n]
    assert "\n    1 |0000|LECF|" in shown
    assert "|9999|" in shown
    assert "b'" not in shown


def test_file_text_shortens_long_files() -> None:
    """A very long file shows its first lines and how many more there are."""
    text = strategies.file_text(b"|0000|LECF|\n" * 500, limit=10)
    assert text.count("|0000|LECF|") == 10
    assert "490 more lines" in text
