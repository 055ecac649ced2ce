"""Proof: a contract's companies, one figure each for one reference year, then concluded."""

from __future__ import annotations

import doctest
import json
import pickle
from decimal import Decimal, localcontext
from pathlib import Path

import attrs
import pytest

import ecfmetric
from ecf_helpers import ecf_bytes, read_bytes, real_annual
from ecfmetric import (
    BadProofDataError,
    CompanyNotInProofError,
    ConcludedProof,
    FigureExistsError,
    Finding,
    Proof,
    ProofError,
    ProofRow,
    RevenueMetric,
    from_form,
)
from ecfmetric.present._html import proof_html

D = Decimal
HEAD = "11222333000181"  # ACME's head office
BRANCH = "11222333000262"  # one of ACME's branches (same root 11222333)
BRANCH_3 = "11222333000343"  # another
OTHER = "33444555000181"
ALNUM = "12ABC345000188"  # an alphanumeric CNPJ
UNLISTED = "12345678000195"


def _html_pt(shown: object) -> str:
    """The notebook HTML in Portuguese, the language people read (tests run in English)."""
    with ecfmetric.language("pt"):
        return shown._repr_html_()  # type: ignore[attr-defined, no-any-return]


def form(
    cnpj: str | None = HEAD, gross: str = "1000,00", taxes: str = "150,00", year: int | None = 2024
) -> RevenueMetric:
    """A form metric: net revenue is gross − taxes."""
    return from_form(
        gross_revenue=gross,
        cancellations=0,
        taxes=taxes,
        discounts=0,
        cnpj=cnpj,
        reference_year=year,
    )


def ecf(
    cnpj: str | None = HEAD,
    fingerprint: str = "f1",
    *,
    gross: str = "1000,00",
    rectifying: bool = False,
    receipt: str | None = None,
    year: int = 2024,
) -> RevenueMetric:
    """A metric as read() would give it: source ecf, a fingerprint, the company's name."""
    return attrs.evolve(
        form(cnpj, gross, year=year),
        source="ecf",
        company_name="ACME LTDA",
        fingerprint=fingerprint,
        rectifying=rectifying,
        receipt=receipt,
    )


#: The figure of form(): 1000,00 gross, 150,00 taxes.
FORM_FIGURE = {
    "gross_revenue": D("1000.00"),
    "cancellations": D("0.00"),
    "discounts": D("0.00"),
    "taxes": D("150.00"),
    "other_deductions": D("0.00"),
    "net_revenue": D("850.00"),
}


def refusal(error: pytest.ExceptionInfo[ProofError]) -> str:
    return str(error.value)


# Listing companies


def test_companies_formatted_bare_pairs_and_alphanumeric() -> None:
    """Companies given formatted, bare, as (CNPJ, name) pairs or alphanumeric are listed bare, pending."""
    proof = Proof(
        2024,
        companies=[
            "11.222.333/0001-81",
            OTHER,
            ("12.ABC.345/0001-88", "  Alfa SA "),
            ["11222333000262", "Filial"],  # type: ignore[list-item]  # a pair as JSON gives it
        ],
    )
    assert [(r.cnpj, r.name, r.status, r.reference_year) for r in proof.rows] == [
        (HEAD, None, "pending", 2024),
        (OTHER, None, "pending", 2024),
        (ALNUM, "Alfa SA", "pending", 2024),
        (BRANCH, "Filial", "pending", 2024),
    ]
    assert proof.pending == (HEAD, OTHER, ALNUM, BRANCH)
    assert proof.reference_year == 2024
    assert proof.concluded is False


def test_invalid_cnpj_is_refused() -> None:
    """A listed CNPJ with wrong check digits is refused, showing what was given."""
    with pytest.raises(ProofError) as error:
        Proof(2024, companies=["11.222.333/0001-82"])
    assert refusal(error) == "not a valid CNPJ: '11.222.333/0001-82'"


def test_same_company_listed_twice_is_refused() -> None:
    """The same company listed twice (formatted and bare) is refused."""
    with pytest.raises(ProofError) as error:
        Proof(2024, companies=["11.222.333/0001-81", HEAD])
    assert refusal(error) == "company '11.222.333/0001-81' is already in the proof"


@pytest.mark.parametrize(
    ("year", "companies", "message"),
    [
        (True, [], "the reference year must be an int such as 2024, got True"),
        ("2024", [], "the reference year must be an int such as 2024, got '2024'"),
        (2024, [12345], "a company is a CNPJ string or a (cnpj, name) pair, got 12345"),
        (
            2024,
            [(HEAD, "A", "B")],
            "a company is a CNPJ string or a (cnpj, name) pair, got ('11222333000181', 'A', 'B')",
        ),
        (2024, [(HEAD, 7)], "a company name must be a string, got 7"),
        (2024, [(11222333000181, "A")], "not a valid CNPJ: 11222333000181"),
    ],
)
def test_malformed_construction_is_refused(
    year: object, companies: list[object], message: str
) -> None:
    """A year that is not an int, or a company that is not a CNPJ or a (CNPJ, name) pair, is refused."""
    with pytest.raises(ProofError) as error:
        Proof(year, companies)  # type: ignore[arg-type]
    assert refusal(error) == message


# add()


def test_add_saves_the_figure() -> None:
    """add() attaches a form metric to its company, marks it saved and returns its row."""
    proof = Proof(2024, companies=[(HEAD, "ACME"), OTHER])
    metric = form()
    row = proof.add(metric)
    assert row == ProofRow(
        name="ACME", cnpj=HEAD, reference_year=2024, status="saved", metric=metric
    )
    assert (row.net_revenue, row.source) == (D("850.00"), "form")
    assert proof.pending == (OTHER,)
    assert proof.row("11.222.333/0001-81") == row


def test_row_of_a_pending_company() -> None:
    """A pending row has no metric, net revenue or source."""
    row = Proof(2024, [OTHER]).row(OTHER)
    assert (row.status, row.metric, row.net_revenue, row.source) == ("pending", None, None, None)


def test_row_name_falls_back_to_the_metric() -> None:
    """A company listed without a name shows the name its ECF states."""
    proof = Proof(2024, [HEAD])
    assert proof.add(ecf()).name == "ACME LTDA"


def test_company_not_in_proof_is_refused() -> None:
    """A metric of a company not listed raises CompanyNotInProofError carrying its CNPJ."""
    proof = Proof(2024, [OTHER])
    with pytest.raises(CompanyNotInProofError) as error:
        proof.add(form(UNLISTED))
    assert refusal(error) == "company '12.345.678/0001-95' is not in the proof"
    assert error.value.cnpj == UNLISTED
    assert proof.pending == (OTHER,)


def test_scp_not_in_proof_names_its_managing_partner() -> None:
    """An SCP's file for a proof that lists only its managing partner says whose SCP it is."""
    proof = Proof(2024, [OTHER])
    scp = attrs.evolve(ecf(UNLISTED), managing_partner_cnpj=OTHER)
    with pytest.raises(CompanyNotInProofError) as error:
        proof.add(scp)
    assert refusal(error) == (
        "company '12.345.678/0001-95' (an SCP whose managing partner is '33.444.555/0001-81') "
        "is not in the proof"
    )


def test_other_reference_year_is_refused() -> None:
    """A metric for another year than the proof's is refused."""
    proof = Proof(2024, [HEAD])
    with pytest.raises(ProofError) as error:
        proof.add(ecf(year=2023))
    assert refusal(error) == (
        "the metric is for 2023, but the proof is for 2024 (company '11.222.333/0001-81')"
    )
    assert proof.pending == (HEAD,)


def test_form_without_a_year_counts_as_the_proofs_year() -> None:
    """A form filled without a reference year is accepted for the proof's year."""
    proof = Proof(2024, [HEAD])
    assert proof.add(form(year=None)).status == "saved"


def test_metric_without_net_revenue_is_refused() -> None:
    """A metric whose net revenue is unknown (cash-book presumido) is refused, saying to fill the form."""
    proof = Proof(2024, [HEAD])
    cash_book = attrs.evolve(ecf(), taxes=None, net_revenue=None)
    with pytest.raises(ProofError) as error:
        proof.add(cash_book)
    assert refusal(error) == (
        "the metric of '11.222.333/0001-81' has no net revenue: its source states the gross "
        "revenue but not the deductions (such as a cash-book Lucro Presumido or a Lucro Arbitrado "
        "file); fill the form for this company instead"
    )


def test_same_file_twice_is_refused() -> None:
    """The same file (same fingerprint) added twice is refused, even with replace=True."""
    proof = Proof(2024, [HEAD])
    proof.add(ecf())
    for replace in (False, True):
        with pytest.raises(ProofError) as error:
            proof.add(ecf(), replace=replace)
        assert refusal(error) == "this file is already saved in the proof"


def test_same_file_for_another_company_is_refused() -> None:
    """One file cannot be the figure of two listed companies (no revenue counted twice)."""
    proof = Proof(2024, [HEAD, BRANCH])
    proof.add(ecf())
    with pytest.raises(ProofError) as error:
        proof.add(ecf(), cnpj=BRANCH)
    assert refusal(error) == "this file is already saved in the proof for '11.222.333/0001-81'"


def test_head_office_file_for_a_listed_branch_is_accepted_with_a_note() -> None:
    """The head office's ECF is the figure of a listed branch of the same root, with a note."""
    proof = Proof(2024, [BRANCH, OTHER])
    row = proof.add(ecf(HEAD))
    assert (row.cnpj, row.status, row.net_revenue) == (BRANCH, "saved", D("850.00"))
    assert row.notes == (
        Finding(
            "HEAD_OFFICE_FILE",
            "the metric is of CNPJ '11.222.333/0001-81', not the listed '11.222.333/0002-62' but "
            "the same company (root '11222333'): an ECF is filed by the head office and its "
            "figure covers every establishment",
        ),
    )


def test_head_office_of_several_listed_branches_needs_cnpj() -> None:
    """With two listed branches of the file's root, add() asks which; cnpj= then chooses."""
    proof = Proof(2024, [BRANCH, BRANCH_3])
    with pytest.raises(ProofError) as error:
        proof.add(ecf(HEAD))
    assert refusal(error) == (
        "the metric is of CNPJ '11.222.333/0001-81', the head office of several listed companies "
        "('11.222.333/0002-62', '11.222.333/0003-43'): pass cnpj= to say which"
    )
    row = proof.add(ecf(HEAD), cnpj="11.222.333/0003-43")
    assert (row.cnpj, [n.code for n in row.notes]) == (BRANCH_3, ["HEAD_OFFICE_FILE"])


def test_form_without_cnpj_needs_the_company() -> None:
    """A form filled without a CNPJ is refused unless cnpj= names the company."""
    proof = Proof(2024, [HEAD, OTHER])
    with pytest.raises(ProofError) as error:
        proof.add(form(None))
    assert refusal(error) == (
        "the metric names no company (a form filled without a CNPJ): pass cnpj= to say whose it is"
    )
    row = proof.add(form(None), cnpj="33.444.555/0001-81")
    assert (row.cnpj, row.net_revenue, row.notes) == (OTHER, D("850.00"), ())


def test_cnpj_that_conflicts_with_the_metric_is_refused() -> None:
    """cnpj= naming another company than the metric's own CNPJ is refused."""
    proof = Proof(2024, [HEAD, OTHER])
    with pytest.raises(ProofError) as error:
        proof.add(form(HEAD), cnpj=OTHER)
    assert refusal(error) == (
        "the metric is of CNPJ '11.222.333/0001-81', another company than '33.444.555/0001-81'"
    )
    assert proof.pending == (HEAD, OTHER)


def test_cnpj_keyword_must_be_valid_and_listed() -> None:
    """cnpj= that is not a valid CNPJ, or not listed, is refused."""
    proof = Proof(2024, [HEAD])
    with pytest.raises(ProofError, match=r"^not a valid CNPJ: '123'$"):
        proof.add(form(None), cnpj="123")
    with pytest.raises(CompanyNotInProofError) as error:
        proof.add(form(None), cnpj=UNLISTED)
    assert error.value.cnpj == UNLISTED


def test_rectifying_ecf_replaces_the_earlier_one() -> None:
    """A rectifying ECF replaces the company's earlier ECF, says so and keeps the earlier one."""
    proof = Proof(2024, [HEAD])
    original = ecf()
    proof.add(original)
    rectifying = ecf("11.222.333/0001-81", "f2", gross="1200,00", rectifying=True, receipt="R1")
    row = proof.add(rectifying)
    assert (row.metric, row.net_revenue, row.replaced) == (rectifying, D("1050.00"), (original,))
    assert row.notes == (
        Finding(
            "RECTIFIED",
            "a rectifying ECF (receipt 'R1') replaced the earlier ECF's net revenue 850.00",
        ),
    )


def test_later_rectifying_ecf_replaces_an_earlier_rectifying_one() -> None:
    """A second rectifying ECF replaces the first; both earlier figures stay in order."""
    proof = Proof(2024, [HEAD])
    first, second, third = (
        ecf(),
        ecf(fingerprint="f2", rectifying=True),
        ecf(fingerprint="f3", gross="900,00", rectifying=True),
    )
    for metric in (first, second, third):
        row = proof.add(metric)
    assert (row.metric, row.replaced) == (third, (first, second))
    assert row.notes == (
        Finding("RECTIFIED", "a rectifying ECF replaced the earlier ECF's net revenue 850.00"),
    )


def test_second_original_ecf_needs_replace() -> None:
    """Another original ECF for a company with a figure is refused until replace=True."""
    proof = Proof(2024, [HEAD])
    first = ecf()
    proof.add(first)
    with pytest.raises(FigureExistsError) as error:
        proof.add(ecf(fingerprint="f2"))
    assert refusal(error) == (
        "company '11.222.333/0001-81' already has a figure (850.00, from an ECF): pass "
        "replace=True to replace it"
    )
    assert error.value.cnpj == HEAD
    row = proof.add(ecf(fingerprint="f2", gross="2000,00"), replace=True)
    assert (row.net_revenue, row.replaced) == (D("1850.00"), (first,))
    assert row.notes == (
        Finding("REPLACED", "replaced on request the earlier figure (850.00, from an ECF)"),
    )


def test_original_after_rectifying_needs_replace() -> None:
    """An original ECF does not replace a rectifying one unless replace=True."""
    proof = Proof(2024, [HEAD])
    proof.add(ecf(rectifying=True))
    with pytest.raises(FigureExistsError) as error:
        proof.add(ecf(fingerprint="f2"))
    assert refusal(error) == (
        "company '11.222.333/0001-81' already has a figure (850.00, from a rectifying ECF): "
        "pass replace=True to replace it"
    )


def test_form_and_ecf_never_replace_each_other_silently() -> None:
    """A form over an ECF, or a rectifying ECF over a form, needs replace=True."""
    proof = Proof(2024, [HEAD, OTHER])
    proof.add(ecf())
    with pytest.raises(FigureExistsError):
        proof.add(form())
    row = proof.add(form(), replace=True)
    assert (row.source, [n.code for n in row.notes]) == ("form", ["REPLACED"])
    proof.add(form(OTHER))
    with pytest.raises(FigureExistsError, match=r"\(850\.00, from the form\)"):
        proof.add(ecf(OTHER, rectifying=True))
    assert proof.row(OTHER).source == "form"


def test_replace_without_an_earlier_figure_just_saves() -> None:
    """replace=True for a pending company saves the figure with no note."""
    proof = Proof(2024, [HEAD])
    row = proof.add(ecf(), replace=True)
    assert (row.status, row.notes, row.replaced) == ("saved", (), ())


def test_real_file_read_twice_is_refused() -> None:
    """A file read by read() is saved once; the same bytes read again are refused."""
    data = ecf_bytes(
        real_annual(["|L300|3.01.01.01.01|RECEITA BRUTA|A|5|04|3.01.01.01|1000,00|C|"])
    )
    proof = Proof(2025, [("11.222.333/0001-81", "ACME")])
    row = proof.add(read_bytes(data))
    assert (row.source, row.net_revenue, row.name) == ("ecf", D("1000.00"), "ACME")
    with pytest.raises(ProofError, match="already saved"):
        proof.add(read_bytes(data))


# include / exclude


def test_include_company_lists_it_pending() -> None:
    """include_company() adds a pending company; one already listed is refused."""
    proof = Proof(2024, [HEAD])
    proof.include_company("33.444.555/0001-81", "Beta SA")
    assert proof.pending == (HEAD, OTHER)
    assert proof.row(OTHER).name == "Beta SA"
    with pytest.raises(ProofError, match="already in the proof"):
        proof.include_company(OTHER)


def test_exclude_pending_company() -> None:
    """exclude_company() takes a pending company off the proof."""
    proof = Proof(2024, [HEAD, OTHER])
    proof.exclude_company("33.444.555/0001-81")
    assert proof.pending == (HEAD,)


def test_exclude_company_with_a_figure_needs_discard() -> None:
    """A company with a figure is excluded only with discard=True, and its file is free again."""
    proof = Proof(2024, [HEAD, BRANCH])
    proof.add(ecf())
    with pytest.raises(FigureExistsError) as error:
        proof.exclude_company(HEAD)
    assert refusal(error) == (
        "company '11.222.333/0001-81' has a saved figure: pass discard=True to exclude it with "
        "its figure"
    )
    proof.exclude_company(HEAD, discard=True)
    assert [row.cnpj for row in proof.rows] == [BRANCH]
    assert proof.add(ecf()).cnpj == BRANCH


def test_exclude_unknown_company_is_refused() -> None:
    """Excluding, or looking up, a company that is not listed raises CompanyNotInProofError."""
    proof = Proof(2024, [HEAD])
    with pytest.raises(CompanyNotInProofError, match=r"^company '33.444.555/0001-81' is not"):
        proof.exclude_company(OTHER)
    with pytest.raises(CompanyNotInProofError):
        proof.row(OTHER)


# conclude()


def test_conclude_refuses_while_pending() -> None:
    """conclude() is refused while any company has no figure, naming them."""
    proof = Proof(2024, [HEAD, OTHER, ALNUM])
    proof.add(form())
    with pytest.raises(ProofError) as error:
        proof.conclude()
    assert refusal(error) == (
        "2 company(ies) still pending: '33.444.555/0001-81', '12.ABC.345/0001-88'"
    )
    assert proof.concluded is False


def test_conclude_refuses_an_empty_proof() -> None:
    """A proof that lists no company cannot be concluded."""
    with pytest.raises(ProofError, match=r"^the proof lists no company$"):
        Proof(2024).conclude()


def test_conclude_gives_one_row_per_company_and_the_total() -> None:
    """The concluded proof has each company's name, CNPJ, year, net revenue, source and status, and the sum."""
    proof = Proof(2024, [(HEAD, "ACME"), OTHER])
    proof.add(form(None, "1.000,00", "150,00"), cnpj=OTHER)
    proof.add(ecf(gross="2.000.000,01", fingerprint="f9"))
    concluded = proof.conclude()
    assert [
        (r.name, r.cnpj, r.reference_year, r.net_revenue, r.source, r.status)
        for r in concluded.rows
    ] == [
        ("ACME", HEAD, 2024, D("1999850.01"), "ecf", "concluded"),
        (None, OTHER, 2024, D("850.00"), "form", "concluded"),
    ]
    assert concluded.total_net_revenue == D("2000700.01")
    assert concluded.reference_year == 2024
    assert proof.concluded is True
    assert [row.status for row in proof.rows] == ["concluded", "concluded"]


def test_total_is_exact_beyond_the_default_precision() -> None:
    """The total is the exact Decimal sum of the largest amounts, whatever the caller's context."""
    proof = Proof(2024, [HEAD, OTHER])
    big = "99999999999999999,99"
    proof.add(form(gross=big, taxes="0"))
    proof.add(form(OTHER, gross=big, taxes="0"))
    with localcontext() as context:
        context.prec = 5
        total = proof.conclude().total_net_revenue
    assert total == D("199999999999999999.98")


def test_concluded_proof_refuses_every_change() -> None:
    """After conclude(), add, include and exclude are refused; concluding again gives an equal result."""
    proof = Proof(2024, [HEAD])
    proof.add(form())
    concluded = proof.conclude()
    for change in (
        lambda: proof.add(form(), replace=True),
        lambda: proof.include_company(OTHER),
        lambda: proof.exclude_company(HEAD, discard=True),
    ):
        with pytest.raises(ProofError, match=r"^the proof is concluded: it can no longer change$"):
            change()
    assert proof.conclude() == concluded


def test_concluded_proof_is_frozen() -> None:
    """A ConcludedProof and its rows cannot be changed."""
    proof = Proof(2024, [HEAD])
    proof.add(form())
    concluded = proof.conclude()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        concluded.total_net_revenue = D(0)  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        concluded.rows[0].status = "saved"  # type: ignore[misc]


# Saving between requests


def busy_proof() -> Proof:
    """A proof with a pending company, a rectified figure at a branch and a form."""
    proof = Proof(2024, [(BRANCH, "ACME filial"), OTHER, ALNUM])
    proof.add(ecf(HEAD))
    proof.add(ecf(HEAD, "f2", rectifying=True, receipt="R1"), cnpj=BRANCH)
    proof.add(form(None), cnpj=OTHER)
    return proof


def test_to_dict_of_a_new_proof() -> None:
    """A proof's dict lists the year, whether it is concluded, and each company."""
    assert Proof(2024, [(HEAD, "ACME")]).to_dict() == {
        "reference_year": 2024,
        "concluded": False,
        "companies": [
            {
                "cnpj": HEAD,
                "name": "ACME",
                "metric": None,
                "notes": [],
                "replaced": [],
                "contested": [],
            }
        ],
    }


def test_proof_round_trips_through_json() -> None:
    """from_dict(to_dict()) rebuilds an equal proof, through JSON, and it goes on working."""
    proof = busy_proof()
    again = Proof.from_dict(json.loads(json.dumps(proof.to_dict())))
    assert again == proof
    assert again.rows == proof.rows
    assert again.to_dict() == proof.to_dict()
    again.add(form(ALNUM))
    assert again.conclude().total_net_revenue == D("2550.00")


def test_concluded_proof_round_trips_and_stays_concluded() -> None:
    """A concluded Proof and its ConcludedProof both round-trip; the restored Proof still refuses changes."""
    proof = busy_proof()
    proof.add(form(ALNUM))
    concluded = proof.conclude()
    restored = Proof.from_dict(json.loads(json.dumps(proof.to_dict())))
    assert restored == proof
    assert restored.concluded is True
    with pytest.raises(ProofError, match="concluded"):
        restored.include_company(UNLISTED)
    data = json.loads(json.dumps(concluded.to_dict()))
    assert data["total_net_revenue"] == "2550.00"
    assert ConcludedProof.from_dict(data) == concluded


def test_concluded_proof_from_dict_checks_the_total() -> None:
    """A stored concluded proof whose total does not match its rows is refused."""
    proof = Proof(2024, [HEAD])
    proof.add(form())
    data = proof.conclude().to_dict()
    data["total_net_revenue"] = "851.00"
    with pytest.raises(ProofError) as error:
        ConcludedProof.from_dict(data)
    assert refusal(error) == "total_net_revenue: the rows add up to 850.00, not '851.00'"
    assert (error.value.code, error.value.path) == ("BAD_PROOF_DATA", "total_net_revenue")


def test_concluded_proof_from_dict_needs_every_figure() -> None:
    """A stored concluded proof with a row that has no net revenue is refused."""
    proof = Proof(2024, [HEAD])
    proof.add(form())
    data = proof.conclude().to_dict()
    data["rows"][0]["metric"]["net_revenue"] = None
    with pytest.raises(BadProofDataError) as error:
        ConcludedProof.from_dict(data)
    assert refusal(error) == (
        "rows[0].metric.net_revenue: must be the gross revenue minus the deductions, 850.00, "
        "got None"
    )


def test_proof_from_dict_refuses_a_figure_without_net_revenue() -> None:
    """A stored proof whose saved figure has no net revenue is refused."""
    proof = Proof(2024, [HEAD])
    proof.add(form())
    data = proof.to_dict()
    data["companies"][0]["metric"].update(taxes=None, net_revenue=None)
    with pytest.raises(BadProofDataError) as error:
        Proof.from_dict(data)
    assert refusal(error) == (
        "companies[0].metric.net_revenue: a saved figure always has a net revenue"
    )
    assert error.value.path == "companies[0].metric.net_revenue"


# Notebooks and data frames


def test_to_records_of_an_open_proof() -> None:
    """to_records() gives one plain dict per company, money as Decimal, notes as their codes."""
    assert busy_proof().to_records() == [
        {
            "name": "ACME filial",
            "cnpj": BRANCH,
            "reference_year": 2024,
            **FORM_FIGURE,
            "source": "ecf",
            "status": "saved",
            "contested": "",
            "attention": "",
            "warnings": "",
            "notes": "HEAD_OFFICE_FILE, RECTIFIED",
            "signed_by": None,
            "hashcode": None,
            "signature_verified": None,
        },
        {
            "name": None,
            "cnpj": OTHER,
            "reference_year": 2024,
            **FORM_FIGURE,
            "source": "form",
            "status": "saved",
            "contested": "",
            "attention": "",
            "warnings": "",
            "notes": "",
            "signed_by": None,
            "hashcode": None,
            "signature_verified": None,
        },
        {
            "name": None,
            "cnpj": ALNUM,
            "reference_year": 2024,
            "gross_revenue": None,
            "cancellations": None,
            "discounts": None,
            "taxes": None,
            "other_deductions": None,
            "net_revenue": None,
            "source": None,
            "status": "pending",
            "contested": "",
            "attention": "",
            "warnings": "",
            "notes": "",
            "signed_by": None,
            "hashcode": None,
            "signature_verified": None,
        },
    ]


def test_to_records_of_a_concluded_proof() -> None:
    """A concluded proof's records are its rows, with status concluded."""
    proof = Proof(2024, [(HEAD, "ACME")])
    proof.add(form())
    assert proof.conclude().to_records() == [
        {
            "name": "ACME",
            "cnpj": HEAD,
            "reference_year": 2024,
            **FORM_FIGURE,
            "source": "form",
            "status": "concluded",
            "contested": "",
            "attention": "",
            "warnings": "",
            "notes": "",
            "signed_by": None,
            "hashcode": None,
            "signature_verified": None,
        }
    ]


def test_html_escapes_text_and_shows_the_rows() -> None:
    """The notebook table escapes every text and shows formatted CNPJs and amounts."""
    proof = Proof(2024, [(HEAD, "<b>A & B</b>"), OTHER])
    proof.add(form(gross="1.000.000,00", taxes="0"))
    page = _html_pt(proof)
    assert "&lt;b&gt;A &amp; B&lt;/b&gt;" in page
    assert "<b>" not in page
    assert "Comprovação de Métricas, 2024: 2 empresa(s), 1 pendente(s)" in page
    assert ">Razão Social<" in page
    assert ">RECEITA LÍQUIDA DE SERVIÇOS E VENDAS (R$)<" in page
    assert ">11.222.333/0001-81<" in page
    assert ">1.000.000,00<" in page
    assert ">Pendente<" in page
    assert ">Salvo<" in page
    english = proof_html(proof, "en")
    assert "Proof of revenue, 2024: 2 companies, 1 pending" in english
    assert ">pending<" in english
    assert ">1,000,000.00<" in english


def test_html_of_a_concluded_proof_has_the_total_and_notes() -> None:
    """A concluded proof's table ends with the total; a row shows its notes, escaped."""
    proof = Proof(2024, [BRANCH])
    proof.add(ecf(HEAD))
    page = _html_pt(proof.conclude())
    assert "Comprovação de Métricas, 2024: 1 empresa(s), concluída" in page
    assert ">Total<" in page
    assert ">850,00<" in page
    assert ">Concluído<" in page
    assert "[HEAD_OFFICE_FILE] " in page
    with ecfmetric.language("en"):
        english = proof.conclude()._repr_html_()
    assert (
        "[HEAD_OFFICE_FILE] the metric is of CNPJ &#x27;"
        '<span style="white-space:nowrap">11.222.333/0001-81</span>&#x27;'
    ) in english
    assert "2024: 1 empresa(s), concluída" in _html_pt(proof)


def test_repr() -> None:
    """repr() sums the proof up without listing every metric."""
    proof = Proof(2024, [HEAD, OTHER])
    proof.add(form())
    assert repr(proof) == "Proof(reference_year=2024, companies=2, pending=1, concluded=False)"


# Errors and documentation


@pytest.mark.parametrize("cls", [CompanyNotInProofError, FigureExistsError])
def test_errors_pickle_with_their_cnpj(
    cls: type[CompanyNotInProofError | FigureExistsError],
) -> None:
    """The proof's errors keep their message and CNPJ across pickling, and are ProofErrors."""
    error = pickle.loads(pickle.dumps(cls("reason", cnpj=HEAD)))
    assert (type(error), str(error), error.cnpj) == (cls, "reason", HEAD)
    assert isinstance(error, ProofError)
    assert isinstance(error, ecfmetric.EcfError)


def test_guide_and_docstring_examples_run() -> None:
    """The examples of docs/proof.md and of Proof's docstring run and print what they show."""
    guide = Path(__file__).parent.parent / "docs" / "proof.md"
    results = doctest.testfile(str(guide), module_relative=False)
    assert (results.failed, results.attempted > 5) == (0, True)
    from ecfmetric.proof import _proof

    results = doctest.testmod(_proof)
    assert (results.failed, results.attempted > 2) == (0, True)
