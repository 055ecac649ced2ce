""":func:`proofs`: proofs of a few companies with figures typed into the form."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..proof._proof import Proof
from ..reading._form import from_form
from ._cnpj import _with_check_digits
from ._draws import _rarely
from ._form import form_inputs
from ._names import _company_name


@st.composite
def _proof(draw: st.DrawFn, min_companies: int, max_companies: int, complete: bool | None) -> Proof:
    count = draw(st.integers(min_companies, max_companies))
    # Distinct roots by construction: a first root, then strictly growing steps.
    root = draw(st.integers(1, 10**7))
    roots = [root]
    for _ in range(count - 1):
        roots.append(roots[-1] + draw(st.integers(1, 10**6)))
    cnpjs = [_with_check_digits(f"{r:08d}0001") for r in roots]
    names = [draw(st.none() | _company_name("utf-8")) for _ in cnpjs]
    year = draw(st.integers(2014, 2025))
    proof = Proof(year, companies=list(zip(cnpjs, names, strict=True)))
    for cnpj in cnpjs:
        if complete is False and cnpj == cnpjs[-1]:
            continue  # at least one company left pending
        if complete is None and not draw(st.booleans()):
            continue
        kwargs, expected = draw(form_inputs(identity=False))
        proof.add(from_form(**kwargs), cnpj=cnpj)
        gross = expected.gross_revenue
        if gross is not None and _rarely(draw):
            value = gross + Decimal("0.01") * draw(st.integers(1, 10**6))
            proof.contest(
                cnpj,
                "gross_revenue",
                f"{value:.2f}".replace(".", ","),
                reason="revisado",
                by=None,
            )
    return proof


def proofs(
    *, min_companies: int = 1, max_companies: int = 4, complete: bool | None = None
) -> st.SearchStrategy[Proof]:
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
