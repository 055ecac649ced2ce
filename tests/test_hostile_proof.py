"""Saved proofs edited by someone with access to the store (issue 23): what from_dict() refuses
on its own, what only the HMAC (to_dict(key=), from_dict(key=)) or the contract's companies
(from_dict(companies=)) catch, and contests under a caller's decimal context.

Figures are forms with hand-worked nets: gross 1.000,00 − taxes 150,00 = 850,00; two companies
give 1.700,00.
"""

from __future__ import annotations

import copy
import decimal
from decimal import Decimal
from typing import Any

import attrs
import pytest

from ecfmetric import (
    BadProofDataError,
    ConcludedProof,
    Proof,
    RevenueMetric,
    SignatureSummary,
    SignerSummary,
    from_form,
)

HEAD = "11222333000181"
OTHER = "33444555000181"
KEY = b"a secret of the service, 32 b.."


def form(cnpj: str, gross: str = "1000,00") -> RevenueMetric:
    return from_form(
        gross_revenue=gross,
        cancellations=0,
        taxes="150,00",
        discounts=0,
        cnpj=cnpj,
        reference_year=2024,
    )


def signed(cnpj: str, *, verified: bool) -> RevenueMetric:
    signature = SignatureSummary(
        hashcode="A" * 40,
        verified=verified,
        reason=None if verified else "signer 1: the digest differs",
        signers=(SignerSummary("FULANO", None, "12345678909", verified),),
        chain_checked=False,
    )
    return attrs.evolve(form(cnpj), source="ecf", fingerprint=f"f-{cnpj}", signature=signature)


def concluded() -> ConcludedProof:
    proof = Proof(2024, companies=[HEAD, OTHER])
    proof.add(form(HEAD))
    proof.add(form(OTHER))
    return proof.conclude()


def refused(call: Any, path: str) -> BadProofDataError:
    with pytest.raises(BadProofDataError) as caught:
        call()
    assert caught.value.path == path
    return caught.value


# -- what from_dict refuses on its own -----------------------------------------------------------


def test_a_failed_signature_set_to_verified_is_refused() -> None:
    proof = Proof(2024, companies=[HEAD])
    proof.add(signed(HEAD, verified=False))
    data: Any = proof.to_dict()
    assert Proof.from_dict(data) == proof
    forged = copy.deepcopy(data)
    forged["companies"][0]["metric"]["signature"]["verified"] = True
    refused(lambda: Proof.from_dict(forged), "companies[0].metric.signature.verified")
    forged["companies"][0]["metric"]["signature"]["reason"] = None
    refused(lambda: Proof.from_dict(forged), "companies[0].metric.signature.verified")
    # A signer set to verified alone, the signature still failed: refused too.
    forged = copy.deepcopy(data)
    forged["companies"][0]["metric"]["signature"]["signers"][0]["verified"] = True
    refused(lambda: Proof.from_dict(forged), "companies[0].metric.signature.verified")


def test_a_verified_signature_without_signers_or_with_a_checked_chain_is_refused() -> None:
    proof = Proof(2024, companies=[HEAD])
    proof.add(signed(HEAD, verified=True))
    data: Any = proof.to_dict()
    forged = copy.deepcopy(data)
    forged["companies"][0]["metric"]["signature"]["signers"] = []
    refused(lambda: Proof.from_dict(forged), "companies[0].metric.signature.verified")
    forged = copy.deepcopy(data)
    forged["companies"][0]["metric"]["signature"]["chain_checked"] = True
    refused(lambda: Proof.from_dict(forged), "companies[0].metric.signature.chain_checked")


def test_an_amount_above_max_form_amount_is_refused_even_when_the_net_adds_up() -> None:
    proof = Proof(2024, companies=[HEAD])
    proof.add(form(HEAD))
    data: Any = proof.to_dict()
    metric = data["companies"][0]["metric"]
    # 100000000000000000.00 = MAX_FORM_AMOUNT + 0.01; net = that − 150.00.
    metric["gross_revenue"] = "100000000000000000.00"
    metric["net_revenue"] = "99999999999999850.00"
    metric["periods"] = []
    metric["lines"] = []
    refused(lambda: Proof.from_dict(data), "companies[0].metric.gross_revenue")


def test_a_form_figure_with_a_signature_is_refused() -> None:
    proof = Proof(2024, companies=[HEAD])
    proof.add(signed(HEAD, verified=True))
    data: Any = proof.to_dict()
    data["companies"][0]["metric"]["source"] = "form"
    with pytest.raises(BadProofDataError):
        Proof.from_dict(data)


# -- consistent edits: the contract's companies and the HMAC -----------------------------------


def _without_other(data: Any) -> Any:
    """OTHER's row deleted and the total adjusted: 1.700,00 − 850,00 = 850,00."""
    forged = copy.deepcopy(data)
    forged["rows"] = [row for row in forged["rows"] if row["cnpj"] != OTHER]
    forged["total_net_revenue"] = "850.00"
    return forged


def test_a_company_deleted_with_the_total_adjusted() -> None:
    data = concluded().to_dict()
    assert data["total_net_revenue"] == "1700.00"
    forged = _without_other(data)
    assert ConcludedProof.from_dict(forged).total_net_revenue == Decimal("850.00")  # consistent
    error = refused(lambda: ConcludedProof.from_dict(forged, companies=[HEAD, OTHER]), "rows")
    assert "33.444.555/0001-81" in str(error)
    assert ConcludedProof.from_dict(data, companies=[OTHER, HEAD]) == concluded()
    sealed = concluded().to_dict(key=KEY)
    refused(lambda: ConcludedProof.from_dict(_without_other(sealed), key=KEY), "hmac")


def test_a_figure_and_its_net_changed_together_fail_the_hmac() -> None:
    proof = Proof(2024, companies=[HEAD])
    proof.add(form(HEAD))
    sealed: Any = proof.to_dict(key=KEY)
    assert Proof.from_dict(sealed, key=KEY) == proof
    forged = copy.deepcopy(sealed)
    metric = forged["companies"][0]["metric"]
    metric["gross_revenue"] = "9000.00"
    metric["net_revenue"] = "8850.00"
    for period in metric["periods"]:
        period["gross_revenue"], period["net_revenue"] = "9000.00", "8850.00"
    refused(lambda: Proof.from_dict(forged, key=KEY), "hmac")


def test_the_hmac_is_required_once_a_key_is_given_and_refused_without_one() -> None:
    proof = Proof(2024, companies=[HEAD])
    proof.add(form(HEAD))
    plain = proof.to_dict()
    sealed: Any = proof.to_dict(key=KEY)
    assert sealed["hmac"].startswith("hmac-sha256:")
    assert {k: v for k, v in sealed.items() if k != "hmac"} == plain
    refused(lambda: Proof.from_dict(plain, key=KEY), "hmac")
    refused(lambda: Proof.from_dict(sealed), "hmac")
    refused(lambda: Proof.from_dict(sealed, key=b"another key of 16 bytes"), "hmac")
    sealed["hmac"] = 12
    refused(lambda: Proof.from_dict(sealed, key=KEY), "hmac")
    with pytest.raises(TypeError, match="key"):
        proof.to_dict(key="text")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="key"):
        proof.to_dict(key=b"short")


# -- the caller's decimal context ---------------------------------------------------------------


def test_contest_and_conclude_are_exact_under_a_five_digit_context() -> None:
    """gross 12.345.678,91 − taxes contested to 1.234,57 = 12.344.444,34 (11 digits: a context
    of 5 digits would round it to 1.2344E+7 or raise)."""
    proof = Proof(2024, companies=[HEAD])
    proof.add(form(HEAD, gross="12.345.678,91"))
    with decimal.localcontext() as context:
        context.prec = 5
        context.traps[decimal.Inexact] = True
        row = proof.contest(HEAD, "taxes", "1.234,57", reason="guia paga")
        assert row.net_revenue == Decimal("12344444.34")
        data = proof.to_dict(key=KEY)
        assert Proof.from_dict(data, key=KEY) == proof
        result = proof.conclude()
        assert result.total_net_revenue == Decimal("12344444.34")
        assert ConcludedProof.from_dict(result.to_dict()) == result
        assert context.prec == 5


def test_a_figure_changed_with_its_net_but_not_its_lines_is_refused() -> None:
    """The form's lines: gross 1000.00, taxes 150.00. The figure edited to 9000.00 with its net
    8850.00 still adds up, but no longer equals the line that fed it."""
    proof = Proof(2024, companies=[HEAD])
    proof.add(form(HEAD))
    data: Any = proof.to_dict()
    metric = data["companies"][0]["metric"]
    metric["gross_revenue"], metric["net_revenue"] = "9000.00", "8850.00"
    error = refused(lambda: Proof.from_dict(data), "companies[0].metric.gross_revenue")
    assert "1000.00" in str(error)
