"""The proof's rules for one company: who a metric belongs to, whether it can be saved, what
note a replacement leaves, which component can be contested. Each refusal carries its code."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

from ..base._errors import (
    BadProofDataError,
    CompanyNotInProofError,
    ContestError,
    FigureExistsError,
    ProofError,
)
from ..base._i18n import Message, tr
from ..model._contest import CONTESTABLE
from ..model._finding import Finding
from ..model._revenue_metric import RevenueMetric
from ..model._revenue_metric import metric as load_metric
from ..types import ContestableComponent
from ._cnpjs import ROOT, not_listed, show
from ._entry import Entry
from ._messages import ORIGINS, says


def origin(metric: RevenueMetric) -> Message:
    """Where a figure came from: the form, an ECF or a rectifying ECF."""
    if metric.source == "form":
        return tr(ORIGINS["form"])
    return tr(ORIGINS["rectifying"]) if metric.rectifying else tr(ORIGINS["ecf"])


def resolve(
    metric: RevenueMetric,
    target: str | None,
    listed: Mapping[str, object],
    roots: Mapping[str, Mapping[str, None]],
) -> str:
    """The listed company a metric belongs to: ``target`` (the caller's ``cnpj=``, already
    listed) when given, else the metric's own company or the one listed branch of its head
    office."""
    own = metric.cnpj
    if target is not None:
        if own is not None and own[:ROOT] != target[:ROOT]:
            raise ProofError(
                says("ANOTHER_COMPANY", own=show(own), company=show(target)),
                code="ANOTHER_COMPANY",
            )
        return target
    if own is None:
        raise ProofError(says("NO_CNPJ"), code="NO_CNPJ")
    if own in listed:
        return own
    branches = list(roots.get(own[:ROOT], ()))
    if len(branches) > 1:
        shown = ", ".join(show(branch) for branch in branches)
        raise ProofError(
            says("SEVERAL_BRANCHES", own=show(own), listed=shown), code="SEVERAL_BRANCHES"
        )
    if not branches:
        if metric.managing_partner_cnpj is None:
            raise not_listed(own)
        raise CompanyNotInProofError(
            says(
                "COMPANY_NOT_IN_PROOF/scp",
                company=show(own),
                partner=show(metric.managing_partner_cnpj),
            ),
            cnpj=own,
        )
    return branches[0]


def saveable(metric: RevenueMetric, shown: str) -> RevenueMetric:
    """The metric as the proof will save and reload it, or the refusal ``BAD_METRIC``."""
    try:
        saved = load_metric(metric.to_dict(), "")
    except BadProofDataError as error:
        raise ProofError(
            says("BAD_METRIC", company=shown, detail=str(error)), code="BAD_METRIC"
        ) from error
    if saved != metric or not all(
        isinstance(getattr(metric, name), Decimal) for name in (*CONTESTABLE, "net_revenue")
    ):
        raise ProofError(
            says("BAD_METRIC", company=shown, detail="its amounts are not exact cents"),
            code="BAD_METRIC",
        )
    return metric


def admit(metric: RevenueMetric, target: str, year: int, owner: str | None) -> RevenueMetric:
    """``metric`` as ``target``'s figure in a proof of ``year``, or the refusal: another year,
    no net revenue, a metric that would not reload exactly, a file already saved (for
    ``owner``)."""
    shown = show(target)
    if metric.reference_year is not None and metric.reference_year != year:
        raise ProofError(
            says("WRONG_YEAR", metric_year=metric.reference_year, proof_year=year, company=shown),
            code="WRONG_YEAR",
        )
    if metric.net_revenue is None:
        raise ProofError(says("NO_NET_REVENUE", company=shown), code="NO_NET_REVENUE")
    metric = saveable(metric, shown)
    if owner == target:
        raise ProofError(says("FILE_ALREADY_SAVED"), code="FILE_ALREADY_SAVED")
    if owner is not None:
        raise ProofError(
            says("FILE_ALREADY_SAVED/other", owner=show(owner)), code="FILE_ALREADY_SAVED"
        )
    return metric


def head_office_note(metric: RevenueMetric, target: str) -> Finding | None:
    """The note on an ECF of the head office saved for a listed branch, if it is one."""
    if metric.cnpj is None or metric.cnpj == target:
        return None
    return Finding(
        "HEAD_OFFICE_FILE",
        says(
            "HEAD_OFFICE_FILE",
            own=show(metric.cnpj),
            company=show(target),
            root=metric.cnpj[:ROOT],
        ),
    )


def saved_entry(entry: Entry, metric: RevenueMetric, *, replace: bool) -> Entry:
    """``entry`` with ``metric`` as its figure (already admitted): the notes on it, the figure it
    replaced kept, nothing contested; or the refusal of a replacement not asked for."""
    notes: list[Finding] = []
    head_office = head_office_note(metric, entry.cnpj)
    if head_office is not None:
        notes.append(head_office)
    replaced = entry.replaced
    if entry.metric is not None:
        notes.append(replacement_note(entry.metric, metric, entry.cnpj, replace=replace))
        replaced = (*replaced, entry.metric)
    return attrs.evolve(entry, metric=metric, notes=tuple(notes), replaced=replaced, contested=())


def replacement_note(
    previous: RevenueMetric, metric: RevenueMetric, target: str, *, replace: bool
) -> Finding:
    """The note for ``metric`` replacing ``previous``, or the refusal."""
    net = previous.net_revenue
    if metric.source == "ecf" and previous.source == "ecf" and metric.rectifying:
        if metric.receipt is None:
            return Finding("RECTIFIED", says("RECTIFIED", net=net))
        return Finding("RECTIFIED", says("RECTIFIED/receipt", receipt=metric.receipt, net=net))
    if not replace:
        raise FigureExistsError(
            says("FIGURE_EXISTS", company=show(target), net=net, origin=origin(previous)),
            cnpj=target,
        )
    return Finding("REPLACED", says("REPLACED", net=net, origin=origin(previous)))


def contestable(component: object, cnpj: str) -> ContestableComponent:
    """``component`` if a person can contest it, or the refusal ``UNKNOWN_COMPONENT``."""
    for name in CONTESTABLE:
        if component == name:
            return name
    raise ContestError(
        says("UNKNOWN_COMPONENT/net")
        if component == "net_revenue"
        else says("UNKNOWN_COMPONENT", component=component),
        code="UNKNOWN_COMPONENT",
        cnpj=cnpj,
        component=component,
    )


def check_concludable(companies: int, pending: tuple[str, ...]) -> None:
    """Refuse to conclude a proof that lists no company (``NO_COMPANIES``) or has companies
    ``pending`` (``COMPANIES_PENDING``)."""
    if not companies:
        raise ProofError(says("NO_COMPANIES"), code="NO_COMPANIES")
    if pending:
        listed = ", ".join(show(cnpj) for cnpj in pending)
        raise ProofError(
            says("COMPANIES_PENDING", count=len(pending), listed=listed), code="COMPANIES_PENDING"
        )
