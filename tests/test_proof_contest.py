"""A proof's figures as a person sees them: accepted, contested, withdrawn; warnings beside them."""

from __future__ import annotations

import json
import pickle
import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import ecfmetric
from ecf_helpers import ecf_bytes, read_bytes, real_annual
from ecfmetric import (
    PROOF_ERROR_CODES,
    ConcludedProof,
    Contest,
    ContestError,
    Finding,
    Proof,
    ProofError,
    ProofRow,
    RevenueMetric,
    from_form,
)

D = Decimal
HEAD = "11222333000181"
OTHER = "33444555000181"
ALNUM = "12ABC345000188"
ROOT = Path(__file__).parent.parent


def _html_pt(shown: object) -> str:
    """The notebook HTML in Portuguese, the language people read (tests run in English)."""
    with ecfmetric.language("pt"):
        return shown._repr_html_()  # type: ignore[attr-defined, no-any-return]


def form(cnpj: str | None = HEAD, gross: str = "1000,00", taxes: str = "150,00") -> RevenueMetric:
    return from_form(
        gross_revenue=gross,
        cancellations="10,00",
        taxes=taxes,
        discounts=0,
        cnpj=cnpj,
        reference_year=2024,
    )


def saved(*companies: str) -> Proof:
    """A proof of ``companies`` (HEAD by default), each with a form figure of net 840,00."""
    listed = companies or (HEAD,)
    proof = Proof(2024, listed)
    for cnpj in listed:
        proof.add(form(cnpj))
    return proof


def mismatch_metric() -> RevenueMetric:
    """A real read of a file whose RECEITA LIQUIDA contradicts its lines."""
    data = ecf_bytes(
        real_annual(
            [
                "|L300|3.01.01.01|RECEITA LIQUIDA|S|4|04|3.01.01|900,00|C|",
                "|L300|3.01.01.01.01|RECEITA BRUTA|S|5|04|3.01.01.01|1000,00|C|",
                "|L300|3.01.01.01.01.01|VENDAS|A|6|04|3.01.01.01.01|1000,00|C|",
            ]
        )
    )
    return read_bytes(data)


# Accepting and contesting


def test_saving_accepts_the_figure_as_read() -> None:
    """A saved figure has nothing contested; the row's components are the metric's."""
    row = saved().row(HEAD)
    assert row.contested == ()
    assert (row.gross_revenue, row.cancellations, row.discounts, row.taxes) == (
        D("1000.00"),
        D("10.00"),
        D("0.00"),
        D("150.00"),
    )
    assert (row.other_deductions, row.net_revenue) == (D("0.00"), D("840.00"))
    assert row.to_dict()["contested"] == []


def test_contest_replaces_one_component_and_recomputes_the_net() -> None:
    """contest() parses the value like the form, keeps the file's value, the reason and who."""
    proof = saved(HEAD, OTHER)
    row = proof.contest("11.222.333/0001-81", "taxes", "R$ 100,50", reason=" DARF paid ", by="ana")
    assert row.contested == (Contest("taxes", D("100.50"), D("150.00"), "DARF paid", "ana"),)
    assert (row.taxes, row.net_revenue) == (D("100.50"), D("889.50"))
    assert row.metric is not None
    assert row.metric.taxes == D("150.00")
    assert row.to_dict()["contested"] == [
        {
            "component": "taxes",
            "value": "100.50",
            "file_value": "150.00",
            "reason": "DARF paid",
            "by": "ana",
        }
    ]
    assert (row.to_dict()["taxes"], row.to_dict()["net_revenue"]) == ("100.50", "889.50")
    assert proof.row(HEAD) == row
    assert proof.row(OTHER).contested == ()


def test_contest_every_component_and_exact_net() -> None:
    """Each of the five components can be contested; the net is exact at the largest amount."""
    proof = saved()
    big = "9" * 17 + ",00"
    proof.contest(HEAD, "gross_revenue", big, reason="books")
    proof.contest(HEAD, "cancellations", D("1.25"), reason="r")
    proof.contest(HEAD, "discounts", 3, reason="r")
    proof.contest(HEAD, "taxes", "0", reason="r")
    row = proof.contest(HEAD, "other_deductions", "2.000,00", reason="r", by=None)
    assert [c.component for c in row.contested] == [
        "gross_revenue",
        "cancellations",
        "discounts",
        "taxes",
        "other_deductions",
    ]
    assert row.net_revenue == D("9" * 13 + "7994.75")
    assert proof.conclude().total_net_revenue == row.net_revenue


def test_contesting_again_replaces_the_contest_in_place() -> None:
    """A second contest of the same component replaces the first, keeping the file's value."""
    proof = saved()
    proof.contest(HEAD, "taxes", "100,00", reason="first")
    proof.contest(HEAD, "discounts", "5,00", reason="d")
    row = proof.contest(HEAD, "taxes", "120,00", reason="second", by="bo")
    assert row.contested == (
        Contest("taxes", D("120.00"), D("150.00"), "second", "bo"),
        Contest("discounts", D("5.00"), D("0.00"), "d"),
    )
    assert row.net_revenue == D("1000.00") - D("10.00") - D("5.00") - D("120.00")


def test_withdraw_contest_restores_the_files_value() -> None:
    """withdraw_contest() puts the file's value back; withdrawing again is refused."""
    proof = saved()
    proof.contest(HEAD, "taxes", "100,00", reason="r")
    row = proof.withdraw_contest("11.222.333/0001-81", "taxes")
    assert (row.contested, row.taxes, row.net_revenue) == ((), D("150.00"), D("840.00"))
    assert row == saved().row(HEAD)
    with pytest.raises(ContestError) as error:
        proof.withdraw_contest(HEAD, "taxes")
    assert (error.value.code, error.value.cnpj, error.value.component) == (
        "NOT_CONTESTED",
        HEAD,
        "taxes",
    )
    assert (
        str(error.value)
        == "(-) Taxes on sales and services of company '11.222.333/0001-81' is not contested"
    )


@pytest.mark.parametrize(
    ("component", "value", "reason", "by", "code", "message"),
    [
        (
            "net_revenue",
            "1,00",
            "r",
            None,
            "UNKNOWN_COMPONENT",
            "the net revenue cannot be contested: it is the gross revenue minus the deductions; "
            "contest the component that is wrong and the net is recomputed",
        ),
        (
            "revenue",
            "1,00",
            "r",
            None,
            "UNKNOWN_COMPONENT",
            "'revenue' is not a component that can be contested: contest one of gross_revenue, "
            "cancellations, discounts, taxes, other_deductions",
        ),
        (
            "taxes",
            "-1,00",
            "r",
            None,
            "BAD_CONTEST_VALUE",
            "the contested value is refused: (-) Taxes on sales and services: must not be negative (got '-1,00')",
        ),
        (
            "taxes",
            "1234.56",
            "r",
            None,
            "BAD_CONTEST_VALUE",
            "the contested value is refused: (-) Taxes on sales and services: has a '.' that does "
            "not group thousands",
        ),
        (
            "taxes",
            1.5,
            "r",
            None,
            "BAD_CONTEST_VALUE",
            "the contested value is refused: (-) Taxes on sales and services: float is not accepted",
        ),
        (
            "taxes",
            "1,00",
            "  ",
            None,
            "REASON_REQUIRED",
            "a contest needs a reason: say why the file's (-) Taxes on sales and services is wrong",
        ),
        (
            "taxes",
            "1,00",
            None,
            None,
            "REASON_REQUIRED",
            "a contest needs a reason: say why the file's (-) Taxes on sales and services is wrong",
        ),
        (
            "taxes",
            "1,00",
            "r",
            7,
            "BAD_CONTEST_AUTHOR",
            "by= names who contests, as a string or None, got 7",
        ),
        (
            "taxes",
            "150",
            "r",
            None,
            "SAME_AS_FILE",
            "150.00 is the file's own (-) Taxes on sales and services for '11.222.333/0001-81': there is nothing to "
            "contest (withdraw_contest() restores the file's value)",
        ),
    ],
)
def test_refused_contests(
    component: str, value: object, reason: object, by: object, code: str, message: str
) -> None:
    """Each refused contest is a ContestError with its code, the company and the component."""
    proof = saved()
    with pytest.raises(ContestError) as error:
        proof.contest(HEAD, component, value, reason=reason, by=by)  # type: ignore[arg-type]
    assert (error.value.code, error.value.cnpj, error.value.component) == (code, HEAD, component)
    assert str(error.value).startswith(message)
    assert proof.row(HEAD) == saved().row(HEAD)


def test_bad_contest_value_keeps_the_form_error_as_cause() -> None:
    """The form's refusal is the ContestError's cause, so its field and value stay at hand."""
    with pytest.raises(ContestError) as error:
        saved().contest(HEAD, "discounts", "abc", reason="r")
    cause = error.value.__cause__
    assert isinstance(cause, ecfmetric.FormInputError)
    assert (cause.field, cause.value) == ("discounts", "abc")


def test_contest_of_a_pending_or_unlisted_company_is_refused() -> None:
    """A company without a figure has nothing to contest; an unlisted one is not in the proof."""
    proof = Proof(2024, [HEAD])
    with pytest.raises(ContestError) as error:
        proof.contest(HEAD, "taxes", "1,00", reason="r")
    assert error.value.code == "NO_FIGURE"
    assert str(error.value) == (
        "company '11.222.333/0001-81' has no saved figure to contest: add its metric first"
    )
    with pytest.raises(ecfmetric.CompanyNotInProofError) as not_listed:
        proof.contest(OTHER, "taxes", "1,00", reason="r")
    assert not_listed.value.code == "COMPANY_NOT_IN_PROOF"
    with pytest.raises(ecfmetric.CompanyNotInProofError):
        proof.withdraw_contest(OTHER, "taxes")


def test_contest_and_withdraw_refused_once_concluded() -> None:
    """A concluded proof refuses contests and withdrawals (PROOF_CONCLUDED)."""
    proof = saved()
    proof.contest(HEAD, "taxes", "1,00", reason="r")
    proof.conclude()
    for change in (
        lambda: proof.contest(HEAD, "taxes", "2,00", reason="r"),
        lambda: proof.withdraw_contest(HEAD, "taxes"),
    ):
        with pytest.raises(ProofError) as error:
            change()
        assert error.value.code == "PROOF_CONCLUDED"


def test_a_new_figure_starts_uncontested() -> None:
    """Replacing the figure (replace=True) drops the contests of the old one."""
    proof = saved()
    proof.contest(HEAD, "taxes", "1,00", reason="r")
    row = proof.add(form(gross="2000,00"), replace=True)
    assert (row.contested, row.net_revenue) == ((), D("1840.00"))


def test_contest_of_a_hand_built_figure_without_that_component() -> None:
    """A contest of a component the figure does not state keeps file_value None (null)."""
    proof = saved()
    entry = proof._entries[HEAD]
    proof._entries[HEAD] = attrs.evolve(entry, metric=attrs.evolve(entry.metric, taxes=None))
    row = proof.contest(HEAD, "taxes", "150,00", reason="the file omits it")
    assert row.contested[0].file_value is None
    assert row.to_dict()["contested"][0]["file_value"] is None
    assert row.net_revenue == D("840.00")


def test_concluded_proof_lists_every_contest() -> None:
    """The vendor reviews every contested component of a concluded proof, by company."""
    proof = saved(HEAD, OTHER, ALNUM)
    proof.contest(ALNUM, "discounts", "1,00", reason="credit note")
    proof.contest(HEAD, "taxes", "100,00", reason="DARF", by="ana")
    proof.contest(HEAD, "gross_revenue", "1100,00", reason="books")
    assert proof.contested == (
        (HEAD, Contest("taxes", D("100.00"), D("150.00"), "DARF", "ana")),
        (HEAD, Contest("gross_revenue", D("1100.00"), D("1000.00"), "books")),
        (ALNUM, Contest("discounts", D("1.00"), D("0.00"), "credit note")),
    )
    concluded = proof.conclude()
    assert concluded.contested == proof.contested
    assert concluded.total_net_revenue == D("990.00") + D("840.00") + D("839.00")
    assert [row.status for row in concluded.rows] == ["concluded"] * 3
    again = ConcludedProof.from_dict(json.loads(json.dumps(concluded.to_dict())))
    assert again == concluded
    assert again.contested == concluded.contested


# Warnings travel


def test_metric_warnings_are_in_the_row() -> None:
    """A file's warnings are the row's warnings, in to_dict(), to_records() and the HTML."""
    metric = mismatch_metric()
    assert "NET_REVENUE_MISMATCH" in [w.code for w in metric.warnings]
    proof = Proof(2025, [HEAD])
    row = proof.add(metric)
    assert row.warnings == metric.warnings
    assert [w.code for w in row.attention] == ["NET_REVENUE_MISMATCH"]
    data = row.to_dict()
    assert data["warnings"] == [w.to_dict() for w in metric.warnings]
    mismatch = next(w for w in data["warnings"] if w["code"] == "NET_REVENUE_MISMATCH")
    assert mismatch["line_number"] is not None
    assert "NET_REVENUE_MISMATCH" in mismatch["message"] or mismatch["message"]
    assert data["attention"] == ["NET_REVENUE_MISMATCH"]
    record = proof.to_records()[0]
    assert "NET_REVENUE_MISMATCH" in record["warnings"].split(", ")
    assert record["attention"] == "NET_REVENUE_MISMATCH"
    assert [r.cnpj for r in proof.attention] == [HEAD]


def test_warnings_survive_concluding_and_reloading() -> None:
    """Concluding hides nothing: the concluded rows keep their warnings and attention."""
    proof = Proof(2025, [HEAD, OTHER])
    proof.add(mismatch_metric())
    proof.add(attrs.evolve(form(OTHER), reference_year=2025))
    concluded = proof.conclude()
    assert [row.cnpj for row in concluded.attention] == [HEAD]
    assert concluded.rows[0].warnings == proof.row(HEAD).warnings
    again = ConcludedProof.from_dict(json.loads(json.dumps(concluded.to_dict())))
    assert [row.cnpj for row in again.attention] == [HEAD]
    page = _html_pt(concluded)
    assert "⚠" in page
    assert "[NET_REVENUE_MISMATCH]" in page


def test_negative_net_is_flagged_in_the_row() -> None:
    """A row whose figure is negative carries NEGATIVE_NET_REVENUE, beside the figure."""
    proof = saved()
    row = proof.contest(HEAD, "taxes", "2.000,00", reason="assessment")
    assert row.net_revenue == D("-1010.00")
    assert row.attention == (
        Finding(
            "NEGATIVE_NET_REVENUE",
            "the net revenue is negative (-1010.00): the deductions are larger than the gross "
            "revenue; check the figure with the company",
        ),
    )
    assert row.to_dict()["attention"] == ["NEGATIVE_NET_REVENUE"]
    assert proof.to_records()[0]["attention"] == "NEGATIVE_NET_REVENUE"
    concluded = proof.conclude()
    assert concluded.attention == concluded.rows
    assert concluded.total_net_revenue == D("-1010.00")
    page = _html_pt(concluded)
    assert '<tr style="background:#fde7dc">' in page
    assert re.search(r'title="NEGATIVE_NET_REVENUE">⚠ -1.010,00<', page)


def test_negative_net_is_decided_on_the_row_figure() -> None:
    """An ECF's negative net is flagged once; a contest that makes it positive clears it."""
    metric = attrs.evolve(
        form(),
        source="ecf",
        fingerprint="f1",
        gross_revenue=D("-5.00"),
        net_revenue=D("-165.00"),
        warnings=(Finding("NEGATIVE_NET_REVENUE", "from the reader"),),
        lines=(),  # (the form's lines add up to its own gross, not to -5.00)
    )
    proof = Proof(2024, [HEAD])
    row = proof.add(metric)
    assert [w.code for w in row.warnings] == ["NEGATIVE_NET_REVENUE"]
    assert row.warnings[0].message.startswith("the net revenue is negative (-165.00)")
    row = proof.contest(HEAD, "gross_revenue", "1000,00", reason="the sign is wrong")
    assert (row.net_revenue, row.warnings, row.attention) == (D("840.00"), (), ())


# Records and HTML


def test_records_mark_contested_components() -> None:
    """to_records() carries the row's figure and names the contested components."""
    proof = saved()
    proof.contest(HEAD, "taxes", "100,00", reason="r")
    proof.contest(HEAD, "discounts", "1,00", reason="r")
    record = proof.to_records()[0]
    assert record["contested"] == "taxes, discounts"
    assert (record["taxes"], record["discounts"], record["net_revenue"]) == (
        D("100.00"),
        D("1.00"),
        D("889.00"),
    )
    assert (record["attention"], record["warnings"]) == ("", "")


def test_html_marks_contested_components_and_escapes_reasons() -> None:
    """The proof table marks a contested cell and shows the file's value and the reason, escaped."""
    proof = saved()
    proof.contest(HEAD, "taxes", "100,00", reason="<script>x</script>", by="Ana & Bo")
    page = _html_pt(proof)
    assert "<script>" not in page
    assert (
        'title="contestado: o arquivo informa 150,00; &lt;script&gt;x&lt;/script&gt;">✎ 100,00<'
        in (page)
    )
    assert (
        "✎ (-) Impostos Sobre Serviços e Vendas: 100,00 (arquivo: 150,00) — "
        "&lt;script&gt;x&lt;/script&gt; (Ana &amp; Bo)" in page
    )
    assert ">890,00<" in page  # the recomputed net, unmarked
    assert "Comprovação de Métricas, 2024: 1 empresa(s), 0 pendente(s)" in page


def test_html_of_pending_rows_has_empty_figures() -> None:
    """A pending company's money cells are empty, not 'unknown'."""
    page = _html_pt(Proof(2024, [HEAD]))
    assert "unknown" not in page
    assert "não informado" not in page
    assert ">Pendente<" in page


def test_proof_model_does_not_import_the_html() -> None:
    """The proof types do not know how they are drawn: they reach the HTML renderer only through
    the notebook seam (model/_notebook.py), which imports it when a notebook asks."""
    src = ROOT / "src" / "ecfmetric"
    source = (src / "proof" / "_proof.py").read_text(encoding="utf-8")
    imports = [line.strip() for line in source.splitlines() if "import" in line and "html" in line]
    assert imports == ["from ..model._notebook import html"]
    reaching = sorted(
        path.relative_to(src).as_posix()
        for path in src.rglob("*.py")
        if "_html import" in path.read_text(encoding="utf-8")
        or "import _html" in path.read_text(encoding="utf-8")
    )
    assert reaching == ["model/_notebook.py"]


# Codes


def _raised_codes() -> set[str]:
    package = ROOT / "src" / "ecfmetric"
    files = [*sorted((package / "proof").glob("*.py")), package / "base" / "_proof_errors.py"]
    source = "".join(path.read_text(encoding="utf-8") for path in files)
    return set(re.findall(r'code="([A-Z_]+)"', source)) | set(
        re.findall(r'_contest_error\(\s*"([A-Z_]+)"', source)
    )


def test_every_code_raised_is_in_the_catalogue_with_a_message() -> None:
    """Each code the proof raises is listed with a meaning, in the library's catalogue too."""
    raised = _raised_codes()
    assert len(raised) >= 20
    assert raised <= set(PROOF_ERROR_CODES)
    for code, meaning in PROOF_ERROR_CODES.items():
        assert meaning
        assert "\n" not in meaning
        info = ecfmetric.CODES[code]
        assert info.meaning_en, code
        assert info.meaning_pt, code
    assert set(PROOF_ERROR_CODES) == set(ecfmetric.ProofErrorCode.__args__)  # type: ignore[attr-defined]


def test_every_code_is_documented() -> None:
    """docs/proof.md lists every ProofError code with its meaning."""
    guide = (ROOT / "docs" / "proof.md").read_text(encoding="utf-8")
    for code in PROOF_ERROR_CODES:
        assert f"| `{code}` |" in guide, code


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda: Proof(True), "BAD_REFERENCE_YEAR"),  # type: ignore[arg-type]
        (lambda: Proof(2024, [7]), "BAD_COMPANY"),  # type: ignore[list-item]
        (lambda: Proof(2024, [(HEAD, 7)]), "BAD_COMPANY_NAME"),  # type: ignore[list-item]
        (lambda: Proof(2024, ["11.222.333/0001-82"]), "INVALID_CNPJ"),
        (lambda: Proof(2024, [HEAD, HEAD]), "ALREADY_LISTED"),
        (lambda: Proof(2024, [OTHER]).add(form()), "COMPANY_NOT_IN_PROOF"),
        (lambda: Proof(2024, [HEAD]).add(form(None)), "NO_CNPJ"),
        (lambda: Proof(2024, [HEAD, OTHER]).add(form(), cnpj=OTHER), "ANOTHER_COMPANY"),
        (
            lambda: Proof(2024, ["11222333000262", "11222333000343"]).add(form()),
            "SEVERAL_BRANCHES",
        ),
        (
            lambda: Proof(2024, [HEAD]).add(attrs.evolve(form(), reference_year=2023)),
            "WRONG_YEAR",
        ),
        (
            lambda: Proof(2024, [HEAD]).add(attrs.evolve(form(), taxes=None, net_revenue=None)),
            "NO_NET_REVENUE",
        ),
        (lambda: saved().add(form()), "FIGURE_EXISTS"),
        (lambda: saved().exclude_company(HEAD), "FIGURE_EXISTS"),
        (lambda: Proof(2024).conclude(), "NO_COMPANIES"),
        (lambda: Proof(2024, [HEAD]).conclude(), "COMPANIES_PENDING"),
    ],
)
def test_each_refusal_has_its_code(make: object, code: str) -> None:
    """A service can switch on the code of each refusal instead of matching sentences."""
    with pytest.raises(ProofError) as error:
        make()  # type: ignore[operator]
    assert error.value.code == code
    assert code in PROOF_ERROR_CODES


def test_file_already_saved_and_concluded_codes() -> None:
    """The same file twice is FILE_ALREADY_SAVED; a change after concluding PROOF_CONCLUDED."""
    proof = Proof(2024, [HEAD, "11222333000262"])
    metric = attrs.evolve(form(), source="ecf", fingerprint="f1")
    proof.add(metric)
    with pytest.raises(ProofError) as error:
        proof.add(metric, cnpj="11222333000262")
    assert error.value.code == "FILE_ALREADY_SAVED"
    proof.exclude_company("11222333000262")
    proof.conclude()
    with pytest.raises(ProofError) as error:
        proof.include_company(OTHER)
    assert error.value.code == "PROOF_CONCLUDED"


@pytest.mark.parametrize(
    "metric",
    [
        attrs.evolve(form(), taxes=D("150.001"), net_revenue=D("839.999")),
        attrs.evolve(form(), net_revenue=D("1.00")),
        attrs.evolve(form(), taxes=D("NaN")),
        attrs.evolve(form(), taxes=150.0, net_revenue=840.0),
    ],
    ids=["sub-cent", "does-not-add-up", "nan", "float"],
)
def test_add_refuses_a_metric_it_could_not_reload(metric: RevenueMetric) -> None:
    """add() keeps only figures that save and reload exactly (BAD_METRIC), so from_dict can be strict."""
    proof = Proof(2024, [HEAD])
    with pytest.raises(ProofError) as error:
        proof.add(metric)
    assert error.value.code == "BAD_METRIC"
    assert str(error.value).startswith("the metric of '11.222.333/0001-81' cannot be saved")
    assert proof.pending == (HEAD,)


def test_add_refuses_what_is_not_a_metric() -> None:
    """add() of something that is not a RevenueMetric is BAD_METRIC, not an AttributeError."""
    with pytest.raises(ProofError) as error:
        Proof(2024, [HEAD]).add({"net_revenue": "1.00"})  # type: ignore[arg-type]
    assert error.value.code == "BAD_METRIC"


def test_a_proof_error_made_outside_has_the_generic_code() -> None:
    """ProofError("…") keeps working for callers and has the code PROOF_ERROR."""
    error = ProofError("custom")
    assert (error.code, str(error), error.reason) == ("PROOF_ERROR", "custom", "custom")


@pytest.mark.parametrize(
    "error",
    [
        ProofError("r", code="WRONG_YEAR"),
        ContestError("r", code="NO_FIGURE", cnpj=HEAD, component="taxes"),
        ecfmetric.BadProofDataError("r", path="rows[3].gross_revenue"),
    ],
)
def test_errors_pickle_with_their_code(error: ProofError) -> None:
    """Codes and attributes survive pickling."""
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), str(again), again.code, again.__dict__) == (
        type(error),
        str(error),
        error.code,
        error.__dict__,
    )


def test_bad_proof_data_error_message_has_the_path() -> None:
    """A BadProofDataError names where the bad value is."""
    error = ecfmetric.BadProofDataError("must be a string, got int", path="rows[3].name")
    assert (str(error), error.path, error.reason, error.code) == (
        "rows[3].name: must be a string, got int",
        "rows[3].name",
        "must be a string, got int",
        "BAD_PROOF_DATA",
    )
    assert str(ecfmetric.BadProofDataError("whole", path="")) == "whole"


def test_row_value_and_contest_of() -> None:
    """ProofRow.value() and contest_of() give one component and its contest."""
    proof = saved()
    row = proof.contest(HEAD, "cancellations", "0,00", reason="none")
    assert (row.value("cancellations"), row.value("taxes")) == (D("0.00"), D("150.00"))
    assert row.contest_of("cancellations") == row.contested[0]
    assert row.contest_of("taxes") is None
    pending = ProofRow(None, OTHER, 2024, "pending")
    assert (pending.value("taxes"), pending.warnings, pending.attention) == (None, (), ())


def test_real_file_through_contest_conclude_and_reload() -> None:
    """A file read by read(), contested, concluded, saved and reloaded keeps everything."""
    data = ecf_bytes(
        real_annual(["|L300|3.01.01.01.01|RECEITA BRUTA|A|5|04|3.01.01.01|1000,00|C|"])
    )
    proof = Proof(2025, [("11.222.333/0001-81", "ACME")])
    proof.add(read_bytes(data))
    proof.contest(HEAD, "taxes", "90,00", reason="ISS", by="contador")
    reopened = Proof.from_dict(json.loads(json.dumps(proof.to_dict())))
    assert reopened == proof
    concluded = reopened.conclude()
    assert concluded.total_net_revenue == D("910.00")
    assert ConcludedProof.from_dict(json.loads(json.dumps(concluded.to_dict()))) == concluded
