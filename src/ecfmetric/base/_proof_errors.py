"""The errors of the proof workflow (:class:`ecfmetric.Proof`): :class:`ProofError`, its
subclasses, and every code one carries with its meaning."""

from __future__ import annotations

from typing import Literal

from ._error_base import EcfError, placed
from ._i18n import Message, as_message

ProofErrorCode = Literal[
    "PROOF_ERROR",
    "BAD_REFERENCE_YEAR",
    "BAD_COMPANY",
    "BAD_COMPANY_NAME",
    "INVALID_CNPJ",
    "ALREADY_LISTED",
    "COMPANY_NOT_IN_PROOF",
    "NO_CNPJ",
    "ANOTHER_COMPANY",
    "SEVERAL_BRANCHES",
    "WRONG_YEAR",
    "NO_NET_REVENUE",
    "BAD_METRIC",
    "FILE_ALREADY_SAVED",
    "FIGURE_EXISTS",
    "PROOF_CONCLUDED",
    "NO_COMPANIES",
    "COMPANIES_PENDING",
    "NO_FIGURE",
    "UNKNOWN_COMPONENT",
    "BAD_CONTEST_VALUE",
    "REASON_REQUIRED",
    "BAD_CONTEST_AUTHOR",
    "SAME_AS_FILE",
    "NOT_CONTESTED",
    "BAD_PROOF_DATA",
]

PROOF_ERROR_CODES: dict[ProofErrorCode, str] = {
    "PROOF_ERROR": "a proof rule was broken (the code of a ProofError raised outside ecfmetric)",
    "BAD_REFERENCE_YEAR": "the proof's reference year is not an int",
    "BAD_COMPANY": "a listed company is neither a CNPJ string nor a (cnpj, name) pair",
    "BAD_COMPANY_NAME": "a listed company's name is not a string",
    "INVALID_CNPJ": "a CNPJ has the wrong shape or check digits",
    "ALREADY_LISTED": "the company is already in the proof",
    "COMPANY_NOT_IN_PROOF": "the company is not listed in the proof (CompanyNotInProofError)",
    "NO_CNPJ": "the metric names no company (a form without a CNPJ): pass cnpj=",
    "ANOTHER_COMPANY": "cnpj= names another company than the metric's own CNPJ",
    "SEVERAL_BRANCHES": "the head office's file fits several listed branches: pass cnpj=",
    "WRONG_YEAR": "the metric is for another reference year than the proof's",
    "NO_NET_REVENUE": "the metric has no net revenue (fill the form for that company)",
    "BAD_METRIC": "the metric is not one the library could save and reload exactly",
    "FILE_ALREADY_SAVED": "the same file (same fingerprint) is already saved in the proof",
    "FIGURE_EXISTS": "the company already has a figure: replace=True or discard=True (FigureExistsError)",
    "PROOF_CONCLUDED": "the proof is concluded and can no longer change",
    "NO_COMPANIES": "the proof lists no company, so it cannot be concluded",
    "COMPANIES_PENDING": "some companies have no figure yet, so the proof cannot be concluded",
    "NO_FIGURE": "the company has no saved figure to contest (ContestError)",
    "UNKNOWN_COMPONENT": "not a component that can be contested; the net revenue is derived (ContestError)",
    "BAD_CONTEST_VALUE": "the contested value is not an amount the form accepts (ContestError)",
    "REASON_REQUIRED": "a contest needs a non-empty reason (ContestError)",
    "BAD_CONTEST_AUTHOR": "a contest's by= is neither None nor a string (ContestError)",
    "SAME_AS_FILE": "the contested value is the file's own value: nothing to contest (ContestError)",
    "NOT_CONTESTED": "the component is not contested, so there is nothing to withdraw (ContestError)",
    "BAD_PROOF_DATA": "a saved proof is not what the library writes (BadProofDataError, with path)",
}


class ProofError(EcfError):
    """A proof workflow rule was broken (unknown company, wrong year, concluding too early…).

    ``code`` says which rule (one of :data:`PROOF_ERROR_CODES`); the message says what is wrong
    and what to do.
    """

    def __init__(self, reason: Message | str, *, code: ProofErrorCode = "PROOF_ERROR") -> None:
        self._reason = as_message(reason)
        self.code: ProofErrorCode = code
        super().__init__(self._message())


class CompanyNotInProofError(ProofError):
    """The company is not listed in the proof: include it, or the file is the wrong one.

    ``cnpj`` is the company asked for, bare. ``code`` is ``"COMPANY_NOT_IN_PROOF"``.
    """

    def __init__(self, reason: Message | str, *, cnpj: str) -> None:
        self.cnpj = cnpj
        super().__init__(reason, code="COMPANY_NOT_IN_PROOF")


class FigureExistsError(ProofError):
    """The company already has a figure: confirm with the person, then pass ``replace=True``
    to :meth:`Proof.add` (or ``discard=True`` to :meth:`Proof.exclude_company`).

    ``cnpj`` is the listed company, bare. ``code`` is ``"FIGURE_EXISTS"``.
    """

    def __init__(self, reason: Message | str, *, cnpj: str) -> None:
        self.cnpj = cnpj
        super().__init__(reason, code="FIGURE_EXISTS")


class ContestError(ProofError):
    """A contest (or its withdrawal) was refused: show the message next to the component.

    ``cnpj`` is the company, bare; ``component`` the component as given (``"taxes"``).
    """

    def __init__(
        self, reason: Message | str, *, code: ProofErrorCode, cnpj: str, component: object
    ) -> None:
        self.cnpj = cnpj
        self.component = component
        super().__init__(reason, code=code)


class BadProofDataError(ProofError):
    """A saved proof given to ``from_dict`` is not what ``to_dict`` writes (tampered with,
    truncated, or written by hand). ``path`` points at the value (``"rows[3].gross_revenue"``,
    ``""`` for the whole); ``code`` is ``"BAD_PROOF_DATA"``.
    """

    def __init__(self, reason: Message | str, *, path: str) -> None:
        self.path = path
        super().__init__(reason, code="BAD_PROOF_DATA")

    def _message(self) -> Message:
        return placed([self.path] if self.path else [], self._reason)
