"""One company of a proof (``ProofRow``): its figure after contests, and its checked loading."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Final, Literal

import attrs

from ..base._i18n import tr
from ..model._components import money_dict
from ..model._contest import CONTESTABLE, Contest
from ..model._finding import Finding
from ..model._load import at, fail, integer, obj, optional_string, shape_keys, short
from ..model._load import cnpj as load_cnpj
from ..model._revenue_metric import RevenueMetric
from ..model._signature_summary import SignatureSummary
from ..model._sums import net_of
from ..types import ContestableComponent, ProofRowDict, ProofStatus
from ._load_parts import load_figure
from ._messages import says

Status = ProofStatus

#: Warning codes shown next to a figure (and listed by ``attention``): the figure is negative,
#: or the file contradicts it.
ATTENTION_CODES: Final = (
    "NEGATIVE_NET_REVENUE",
    "NET_REVENUE_MISMATCH",
    # A signature that does not verify, or cannot be read, is shown beside the figure.
    "SIGNATURE_MISMATCH",
    "BAD_SIGNATURE",
    "NO_SIGNATURE_BLOB",
    "SIGNATURE_TOO_LARGE",
)

#: What a row's dict repeats from its figure; loading checks it against the figure.
_DERIVED: Final = (
    "source",
    *CONTESTABLE,
    "net_revenue",
    "warnings",
    "attention",
    "signature",
)


@attrs.frozen
class ProofRow:
    """One company of a proof: who it is, its figure and where the figure came from.

    ``name`` is the name the proof was given for the company, else the metric's own.
    ``status`` is ``"pending"`` (no figure yet), ``"saved"`` or, once the proof is concluded,
    ``"concluded"``. ``metric`` is the figure as read; ``contested`` the components a person
    replaced (see :meth:`Proof.contest`). The money properties (``gross_revenue`` …
    ``net_revenue``) are the row's figure: the metric's, with each contested component
    replaced and the net recomputed. ``notes`` say what a person should know about the current
    figure (a head office's file, a replaced figure); ``replaced`` holds the figures it
    replaced, oldest first.
    """

    name: str | None
    cnpj: str
    reference_year: int
    status: Status
    metric: RevenueMetric | None = None
    notes: tuple[Finding, ...] = ()
    replaced: tuple[RevenueMetric, ...] = ()
    contested: tuple[Contest, ...] = ()

    def value(self, component: ContestableComponent) -> Decimal | None:
        """One component of the row's figure: the contested value, else the metric's."""
        for contest in self.contested:
            if contest.component == component:
                return contest.value
        return None if self.metric is None else getattr(self.metric, component)

    def contest_of(self, component: str) -> Contest | None:
        """The contest of ``component``, or ``None`` when it is as read."""
        return next((c for c in self.contested if c.component == component), None)

    @property
    def gross_revenue(self) -> Decimal | None:
        """The row's gross revenue (contested or as read)."""
        return self.value("gross_revenue")

    @property
    def cancellations(self) -> Decimal | None:
        """The row's cancellations (contested or as read)."""
        return self.value("cancellations")

    @property
    def discounts(self) -> Decimal | None:
        """The row's discounts (contested or as read)."""
        return self.value("discounts")

    @property
    def taxes(self) -> Decimal | None:
        """The row's taxes on sales (contested or as read)."""
        return self.value("taxes")

    @property
    def other_deductions(self) -> Decimal | None:
        """The row's other deductions (contested or as read)."""
        return self.value("other_deductions")

    @property
    def net_revenue(self) -> Decimal | None:
        """The company's figure, or ``None`` while it is pending: the metric's net revenue,
        recomputed exactly from the components when one is contested."""
        if self.metric is None or not self.contested:
            return None if self.metric is None else self.metric.net_revenue
        return net_of({name: self.value(name) for name in CONTESTABLE})

    @property
    def source(self) -> Literal["ecf", "form"] | None:
        """``"ecf"`` or ``"form"``, or ``None`` while the company is pending."""
        return None if self.metric is None else self.metric.source

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The metric's warnings, and ``NEGATIVE_NET_REVENUE`` when the row's figure is
        negative (decided on the figure after contests)."""
        if self.metric is None:
            return ()
        kept = tuple(w for w in self.metric.warnings if w.code != "NEGATIVE_NET_REVENUE")
        net = self.net_revenue
        if net is not None and net < 0:
            return (*kept, _negative_net(net))
        return kept

    @property
    def attention(self) -> tuple[Finding, ...]:
        """The warnings to show next to the figure (codes in :data:`ATTENTION_CODES`)."""
        return tuple(w for w in self.warnings if w.code in ATTENTION_CODES)

    def to_dict(self) -> ProofRowDict:
        """A JSON-ready dict: the row's figure (money as strings), its contests, warnings and
        the codes needing attention, then the metric as read, notes and replaced figures."""
        return {
            "name": self.name,
            "cnpj": self.cnpj,
            "reference_year": self.reference_year,
            "status": self.status,
            "source": self.source,
            **money_dict(self),
            "contested": [contest.to_dict() for contest in self.contested],
            "warnings": [warning.to_dict() for warning in self.warnings],
            "attention": _codes(self.attention),
            "metric": None if self.metric is None else self.metric.to_dict(),
            "notes": [note.to_dict() for note in self.notes],
            "replaced": [metric.to_dict() for metric in self.replaced],
            "signature": None if self.signature is None else self.signature.to_dict(),
        }

    @property
    def signature(self) -> SignatureSummary | None:
        """Who signed the file behind the figure and its hashcode, when the file was read with
        ``signature=True`` (``None`` for a form, an unsigned file or a signature not read)."""
        return None if self.metric is None else self.metric.signature

    def to_record(self) -> dict[str, Any]:
        """A plain dict for ``pandas.DataFrame``: money as ``Decimal``, codes and contested
        components as comma-separated text."""
        return {
            "name": self.name,
            "cnpj": self.cnpj,
            "reference_year": self.reference_year,
            "gross_revenue": self.gross_revenue,
            "cancellations": self.cancellations,
            "discounts": self.discounts,
            "taxes": self.taxes,
            "other_deductions": self.other_deductions,
            "net_revenue": self.net_revenue,
            "source": self.source,
            "status": self.status,
            "contested": ", ".join(contest.component for contest in self.contested),
            "attention": ", ".join(_codes(self.attention)),
            "warnings": ", ".join(warning.code for warning in self.warnings),
            "notes": ", ".join(note.code for note in self.notes),
            "signed_by": None if self.signature is None else self.signature.signed_by(),
            "hashcode": None if self.signature is None else self.signature.hashcode,
            "signature_verified": None if self.signature is None else self.signature.verified,
        }

    @classmethod
    def from_dict(cls, data: Any) -> ProofRow:
        """Rebuild a row from :meth:`to_dict`'s output; anything else raises
        :class:`~ecfmetric.BadProofDataError`."""
        return load_row(data, "", reference_year=None, status=None)


def load_row(
    value: object, path: str, *, reference_year: int | None, status: Status | None
) -> ProofRow:
    """A row from its dict, of the proof's ``reference_year`` and ``status`` when given."""
    data = obj(value, path, shape_keys("ProofRowDict"))
    cnpj = load_cnpj(data["cnpj"], at(path, "cnpj"))
    year = integer(data["reference_year"], at(path, "reference_year"))
    if reference_year is not None and year != reference_year:
        fail(
            at(path, "reference_year"),
            tr(
                "the row is for {got}, the proof for {year}",
                got=short(year),
                year=reference_year,
            ),
        )
    name = optional_string(data["name"], at(path, "name"))
    state = data["status"]
    allowed: tuple[Status, ...] = (status,) if status is not None else ("saved", "concluded")
    if data["metric"] is None and status is None:
        allowed = ("pending",)
    if state not in allowed:
        expected = " or ".join(repr(option) for option in allowed)
        fail(
            at(path, "status"),
            tr("must be {expected}, got {got}", expected=expected, got=short(state)),
        )
    metric, notes, replaced, contested = load_figure(data, path, year, cnpj)
    if metric is None and state != "pending":
        fail(at(path, "metric"), tr("a saved figure always has a net revenue"))
    row = ProofRow(name, cnpj, year, state, metric, notes, replaced, contested)
    written: dict[str, Any] = dict(row.to_dict())
    for key in _DERIVED:
        if data[key] != written[key]:
            fail(at(path, key), tr("does not match the row's figure and contests"))
    return row


def _negative_net(net: Decimal) -> Finding:
    return Finding("NEGATIVE_NET_REVENUE", says("NEGATIVE_NET_REVENUE", net=net))


def _codes(findings: Iterable[Finding]) -> list[str]:
    """The distinct codes of ``findings``, in order."""
    return list(dict.fromkeys(finding.code for finding in findings))
