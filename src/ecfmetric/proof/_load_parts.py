"""Checked loading of what a saved proof holds for one company: its figure, the notes on it,
the figures it replaced and the contests, checked together (:class:`BadProofDataError`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from ..base._i18n import tr
from ..model._components import format_money
from ..model._contest import CONTESTABLE, Contest
from ..model._finding import Finding, findings
from ..model._load import (
    amount,
    array,
    at,
    fail,
    money,
    obj,
    optional_string,
    shape_keys,
    short,
    string,
)
from ..model._revenue_metric import RevenueMetric, metric
from ._cnpjs import normalize, show

#: The notes the proof writes on a row.
NOTE_CODES: Final = frozenset({"HEAD_OFFICE_FILE", "RECTIFIED", "REPLACED"})
# The first eight characters of a CNPJ are the company's root.
_ROOT = 8

Figure = tuple[
    RevenueMetric | None, tuple[Finding, ...], tuple[RevenueMetric, ...], tuple[Contest, ...]
]


def figure(value: object, path: str, *, reference_year: int, company: str) -> RevenueMetric:
    """A saved figure of ``company``: a metric with a net revenue, for the proof's year and of
    the company (or its head office, or a form without a CNPJ)."""
    saved = metric(value, path)
    if saved.net_revenue is None:
        fail(at(path, "net_revenue"), tr("a saved figure always has a net revenue"))
    if saved.reference_year is not None and saved.reference_year != reference_year:
        fail(
            at(path, "reference_year"),
            tr(
                "the figure is for {got}, the proof for {year}",
                got=short(saved.reference_year),
                year=reference_year,
            ),
        )
    if saved.cnpj is not None and saved.cnpj[:_ROOT] != company[:_ROOT]:
        fail(
            at(path, "cnpj"),
            tr(
                "the figure is of {got}, another company than {company}",
                got=saved.cnpj,
                company=company,
            ),
        )
    return saved


def notes(value: object, path: str) -> tuple[Finding, ...]:
    """A row's notes: findings with the codes the proof writes."""
    out = findings(value, path)
    for i, note in enumerate(out):
        if note.code not in NOTE_CODES:
            fail(
                at(at(path, i), "code"),
                tr("not a note the proof writes: {got}", got=short(note.code)),
            )
    return out


def _contest(item: object, where: str, saved: RevenueMetric, seen: set[str]) -> Contest:
    data = obj(item, where, shape_keys("ContestDict"))
    component = data["component"]
    if component not in CONTESTABLE:
        fail(at(where, "component"), tr("not a contestable component: {got}", got=short(component)))
    if component in seen:
        fail(at(where, "component"), tr("{component} is contested twice", component=component))
    seen.add(component)
    contested = amount(data["value"], at(where, "value"), signed=False)
    file_value = money(data["file_value"], at(where, "file_value"), signed=True)
    if data["file_value"] != format_money(getattr(saved, component)):
        fail(at(where, "file_value"), tr("not the figure's {component}", component=component))
    if contested == file_value:
        fail(at(where, "value"), tr("the file's own value: nothing is contested"))
    reason = string(data["reason"], at(where, "reason"))
    if not reason.strip() or reason != reason.strip():
        fail(at(where, "reason"), tr("a reason is a non-empty text without surrounding spaces"))
    by = optional_string(data["by"], at(where, "by"))
    return Contest(component, contested, file_value, reason, by)


def contests(value: object, path: str, saved: RevenueMetric | None) -> tuple[Contest, ...]:
    """The contests of a figure: known components, once each, each stating the file's value."""
    items = array(value, path)
    if items and saved is None:
        fail(path, tr("a company without a figure has nothing contested"))
    seen: set[str] = set()
    out: list[Contest] = []
    for i, item in enumerate(items):
        assert saved is not None  # no item without a figure
        out.append(_contest(item, at(path, i), saved, seen))
    return tuple(out)


def metrics(
    value: object, path: str, *, reference_year: int, company: str
) -> tuple[RevenueMetric, ...]:
    """The figures a row replaced."""
    return tuple(
        figure(item, at(path, i), reference_year=reference_year, company=company)
        for i, item in enumerate(array(value, path))
    )


def load_figure(data: dict[str, Any], path: str, year: int, cnpj: str) -> Figure:
    """A company's saved figure, notes, replaced figures and contests, checked together."""
    where = at(path, "metric")
    saved = (
        None
        if data["metric"] is None
        else figure(data["metric"], where, reference_year=year, company=cnpj)
    )
    noted = notes(data["notes"], at(path, "notes"))
    replaced = metrics(data["replaced"], at(path, "replaced"), reference_year=year, company=cnpj)
    contested = contests(data["contested"], at(path, "contested"), saved)
    if saved is None and (noted or replaced):
        fail(path, tr("a company without a figure has no notes and replaced nothing"))
    return saved, noted, replaced, contested


def same_companies(listed: Iterable[str], companies: Iterable[str], path: str) -> None:
    """Refuse a saved proof whose companies are not the contract's (one deleted or added)."""
    if isinstance(companies, str):
        raise TypeError("companies must be an iterable of CNPJs, not one string")
    expected = {normalize(company) for company in companies}
    have = set(listed)
    if have != expected:
        missing = ", ".join(show(c) for c in sorted(expected - have)) or "-"
        extra = ", ".join(show(c) for c in sorted(have - expected)) or "-"
        fail(
            path,
            tr(
                "the proof's companies are not the contract's: missing {missing}; not in the "
                "contract {extra}",
                missing=missing,
                extra=extra,
            ),
        )
