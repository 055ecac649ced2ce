"""How the proof names a company: its bare CNPJ, its root, and the CNPJ as a refusal shows it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..base._cnpj import format_cnpj, normalize_cnpj
from ..base._errors import CompanyNotInProofError, ProofError
from ._messages import says

# The first eight characters of a CNPJ are the company's root; the next four the establishment.
ROOT = 8


def normalize(cnpj: object) -> str:
    """The bare CNPJ, or the refusal ``INVALID_CNPJ``."""
    bare = normalize_cnpj(cnpj) if isinstance(cnpj, str) else None
    if bare is None:
        raise ProofError(says("INVALID_CNPJ", cnpj=cnpj), code="INVALID_CNPJ")
    return bare


def show(cnpj: str) -> str:
    """A CNPJ as a refusal shows it: formatted, quoted."""
    return repr(format_cnpj(cnpj))


def not_listed(cnpj: str) -> CompanyNotInProofError:
    """The refusal of a company the proof does not list."""
    return CompanyNotInProofError(says("COMPANY_NOT_IN_PROOF", company=show(cnpj)), cnpj=cnpj)


def listed_companies(companies: Iterable[object]) -> Iterator[tuple[object, object]]:
    """Each company listed as ``(cnpj, name)``: a CNPJ alone, or a pair (a tuple or a
    two-item list); anything else is the refusal ``BAD_COMPANY``."""
    for company in companies:
        if isinstance(company, str):
            yield company, None
        elif isinstance(company, tuple | list) and len(company) == 2:
            yield company[0], company[1]
        else:
            raise ProofError(says("BAD_COMPANY", company=company), code="BAD_COMPANY")
