"""What an open proof holds for one listed company, and the row it shows."""

from __future__ import annotations

import attrs

from ..base._errors import ProofError
from ..model._contest import Contest
from ..model._finding import Finding
from ..model._revenue_metric import RevenueMetric
from ..types import ProofCompanyDict
from ._cnpjs import normalize
from ._messages import says
from ._row import ProofRow, Status


@attrs.frozen
class Entry:
    """What the proof holds for one listed company."""

    cnpj: str
    name: str | None
    metric: RevenueMetric | None = None
    notes: tuple[Finding, ...] = ()
    replaced: tuple[RevenueMetric, ...] = ()
    contested: tuple[Contest, ...] = ()

    def to_dict(self) -> ProofCompanyDict:
        """The company as ``Proof.to_dict`` lists it."""
        return {
            "cnpj": self.cnpj,
            "name": self.name,
            "metric": None if self.metric is None else self.metric.to_dict(),
            "notes": [note.to_dict() for note in self.notes],
            "replaced": [metric.to_dict() for metric in self.replaced],
            "contested": [contest.to_dict() for contest in self.contested],
        }

    def row(self, reference_year: int, *, concluded: bool) -> ProofRow:
        """The company's row in a proof of ``reference_year``, concluded or not."""
        name = self.name
        status: Status = "concluded" if concluded else "saved"
        if self.metric is None:
            status = "pending"
        elif name is None:
            name = self.metric.company_name
        return ProofRow(
            name=name,
            cnpj=self.cnpj,
            reference_year=reference_year,
            status=status,
            metric=self.metric,
            notes=self.notes,
            replaced=self.replaced,
            contested=self.contested,
        )


def new_entry(cnpj: object, name: object) -> Entry:
    """A company newly listed, pending: its bare CNPJ and its name (stripped; ``None`` when
    empty), or the refusal ``INVALID_CNPJ`` or ``BAD_COMPANY_NAME``."""
    target = normalize(cnpj)
    if name is not None and not isinstance(name, str):
        raise ProofError(says("BAD_COMPANY_NAME", name=name), code="BAD_COMPANY_NAME")
    return Entry(cnpj=target, name=None if name is None else name.strip() or None)
