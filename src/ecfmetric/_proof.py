"""A contract's proof of revenue: one figure per listed company for one reference year.

:class:`Proof` is the open workflow (list companies, attach metrics, include or exclude
companies); :meth:`Proof.conclude` freezes it into a :class:`ConcludedProof`, which nothing
changes. Both save to plain JSON-ready dicts and back, so a service can keep a proof between
requests.
"""

from __future__ import annotations

import decimal
import html
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, Literal

import attrs

from ._cnpj import format_cnpj, normalize_cnpj
from ._context import money_context
from ._errors import CompanyNotInProofError, FigureExistsError, ProofError
from ._format import brl
from ._html import _table
from ._model import Finding, RevenueMetric, format_money

Status = Literal["pending", "saved", "concluded"]
Company = str | tuple[str, str]

# The first eight characters of a CNPJ are the company's root; the next four the establishment.
_ROOT = 8


@attrs.frozen
class ProofRow:
    """One company of a proof: who it is, its figure and where the figure came from.

    ``name`` is the name the proof was given for the company, else the metric's own.
    ``status`` is ``"pending"`` (no figure yet), ``"saved"`` or, once the proof is concluded,
    ``"concluded"``. ``notes`` say what a person should know about the current figure (a head
    office's file, a replaced figure); ``replaced`` holds the figures it replaced, oldest first.
    """

    name: str | None
    cnpj: str
    reference_year: int
    status: Status
    metric: RevenueMetric | None = None
    notes: tuple[Finding, ...] = ()
    replaced: tuple[RevenueMetric, ...] = ()

    @property
    def net_revenue(self) -> Decimal | None:
        """The company's figure, or ``None`` while it is pending."""
        return None if self.metric is None else self.metric.net_revenue

    @property
    def source(self) -> Literal["ecf", "form"] | None:
        """``"ecf"`` or ``"form"``, or ``None`` while the company is pending."""
        return None if self.metric is None else self.metric.source

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; ``net_revenue`` and ``source`` are repeated from the metric."""
        return {
            "name": self.name,
            "cnpj": self.cnpj,
            "reference_year": self.reference_year,
            "net_revenue": format_money(self.net_revenue),
            "source": self.source,
            "status": self.status,
            "metric": _metric_to_dict(self.metric),
            "notes": [note.to_dict() for note in self.notes],
            "replaced": [metric.to_dict() for metric in self.replaced],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProofRow:
        """Rebuild a row from :meth:`to_dict`'s output."""
        return cls(
            name=data["name"],
            cnpj=data["cnpj"],
            reference_year=data["reference_year"],
            status=data["status"],
            metric=_metric_from_dict(data["metric"]),
            notes=_notes_from_dicts(data["notes"]),
            replaced=tuple(RevenueMetric.from_dict(m) for m in data["replaced"]),
        )


@attrs.frozen
class _Entry:
    """What the proof holds for one listed company."""

    cnpj: str
    name: str | None
    metric: RevenueMetric | None = None
    notes: tuple[Finding, ...] = ()
    replaced: tuple[RevenueMetric, ...] = ()


@attrs.define(init=False, repr=False)
class Proof:
    """The open proof of a contract's companies for one reference year.

    ``companies`` lists each company as a CNPJ (``"11.222.333/0001-81"`` or bare
    ``"11222333000181"``; alphanumeric CNPJs too) or a ``(cnpj, name)`` pair (a two-item list,
    as JSON gives it, is taken too). Attach each
    company's metric with :meth:`add`; when :attr:`pending` is empty, :meth:`conclude`.
    Every refusal is a :class:`~ecfmetric.ProofError`.

    >>> import ecfmetric
    >>> proof = ecfmetric.Proof(2024, companies=[("11.222.333/0001-81", "ACME LTDA")])
    >>> row = proof.add(ecfmetric.from_form(gross_revenue="1.000,00", cancellations=0,
    ...     taxes="150,00", discounts=0, cnpj="11222333000181", reference_year=2024))
    >>> proof.conclude().total_net_revenue
    Decimal('850.00')
    """

    _reference_year: int
    _entries: dict[str, _Entry]
    _concluded: bool

    def __init__(self, reference_year: int, companies: Iterable[Company] = ()) -> None:
        if isinstance(reference_year, bool) or not isinstance(reference_year, int):
            raise ProofError(
                f"the reference year must be an int such as 2024, got {reference_year!r}"
            )
        self._reference_year = reference_year
        self._entries = {}
        self._concluded = False
        for company in companies:
            if isinstance(company, str):
                self._include(company, None)
            elif isinstance(company, tuple | list) and len(company) == 2:
                self._include(company[0], company[1])
            else:
                raise ProofError(
                    f"a company is a CNPJ string or a (cnpj, name) pair, got {company!r}"
                )

    @property
    def reference_year(self) -> int:
        """The calendar year every figure of the proof is for."""
        return self._reference_year

    @property
    def concluded(self) -> bool:
        """Whether :meth:`conclude` has been called; a concluded proof no longer changes."""
        return self._concluded

    @property
    def rows(self) -> tuple[ProofRow, ...]:
        """One row per listed company, in the order they were listed."""
        return tuple(self._row(entry) for entry in self._entries.values())

    @property
    def pending(self) -> tuple[str, ...]:
        """The bare CNPJs of the companies that have no figure yet, in listing order."""
        return tuple(cnpj for cnpj, entry in self._entries.items() if entry.metric is None)

    def row(self, cnpj: str) -> ProofRow:
        """The row of a listed company, by its CNPJ (formatted or bare)."""
        return self._row(self._entries[self._listed(cnpj)])

    def add(
        self, metric: RevenueMetric, *, cnpj: str | None = None, replace: bool = False
    ) -> ProofRow:
        """Attach a metric (from :func:`~ecfmetric.read` or :func:`~ecfmetric.from_form`) to
        its company and mark the company saved; return the company's row.

        The company is the metric's CNPJ, or ``cnpj`` when given (needed for a form filled
        without a CNPJ); a form without a reference year counts as the proof's year. An ECF of
        the head office of a listed branch (same 8-character root) is accepted with the note
        ``HEAD_OFFICE_FILE``. A rectifying ECF replaces the company's earlier ECF, with the
        note ``RECTIFIED``. Refused: a metric for a company not in the
        proof (:class:`~ecfmetric.CompanyNotInProofError`), for another reference year, without
        a net revenue (fill the form instead), a file already saved in this proof, and, unless
        ``replace=True`` (note ``REPLACED``), any other metric for a company that already has
        one (:class:`~ecfmetric.FigureExistsError`).
        """
        self._check_open()
        target = self._resolve(metric, cnpj)
        shown = _show(target)
        if metric.reference_year is not None and metric.reference_year != self._reference_year:
            raise ProofError(
                f"the metric is for {metric.reference_year}, but the proof is for "
                f"{self._reference_year} (company {shown})"
            )
        if metric.net_revenue is None:
            raise ProofError(
                f"the metric of {shown} has no net revenue: its source states the gross revenue "
                "but not the deductions (such as a cash-book Lucro Presumido or a Lucro Arbitrado "
                "file); fill the form for this company instead"
            )
        if metric.fingerprint is not None:
            for owner, entry in self._entries.items():
                if entry.metric is not None and entry.metric.fingerprint == metric.fingerprint:
                    where = "" if owner == target else f" for {_show(owner)}"
                    raise ProofError(f"this file is already saved in the proof{where}")
        entry = self._entries[target]
        notes: list[Finding] = []
        if metric.cnpj is not None and metric.cnpj != target:
            notes.append(
                Finding(
                    "HEAD_OFFICE_FILE",
                    f"the metric is of CNPJ {_show(metric.cnpj)}, not the listed {shown} but "
                    f"the same company (root {metric.cnpj[:_ROOT]!r}): an ECF is filed by the "
                    "head office and its figure covers every establishment",
                )
            )
        replaced = entry.replaced
        if entry.metric is not None:
            previous = entry.metric
            notes.append(self._replacement_note(previous, metric, target, replace=replace))
            replaced = (*replaced, previous)
        self._entries[target] = attrs.evolve(
            entry, metric=metric, notes=tuple(notes), replaced=replaced
        )
        return self._row(self._entries[target])

    def include_company(self, cnpj: str, name: str | None = None) -> None:
        """List one more company, pending, before the proof is concluded."""
        self._check_open()
        self._include(cnpj, name)

    def exclude_company(self, cnpj: str, *, discard: bool = False) -> None:
        """Take a company off the proof before it is concluded.

        A company that has a figure is refused (:class:`~ecfmetric.FigureExistsError`) unless
        ``discard=True``: its figure, and the ones it replaced, go with it.
        """
        self._check_open()
        target = self._listed(cnpj)
        if self._entries[target].metric is not None and not discard:
            raise FigureExistsError(
                f"company {_show(target)} has a saved figure: pass discard=True to exclude it "
                "with its figure",
                cnpj=target,
            )
        del self._entries[target]

    def conclude(self) -> ConcludedProof:
        """The concluded proof: one row per company and the total net revenue.

        Refused while the proof lists no company or any company is :attr:`pending`. From then
        on the proof refuses every change; concluding it again gives an equal result.
        """
        if not self._entries:
            raise ProofError("the proof lists no company")
        if self.pending:
            listed = ", ".join(_show(cnpj) for cnpj in self.pending)
            raise ProofError(f"{len(self.pending)} company(ies) still pending: {listed}")
        self._concluded = True
        rows = self.rows
        return ConcludedProof(
            reference_year=self._reference_year,
            rows=rows,
            total_net_revenue=_exact_sum(_net(row) for row in rows),
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict that :meth:`from_dict` turns back into an equal proof."""
        return {
            "reference_year": self._reference_year,
            "concluded": self._concluded,
            "companies": [
                {
                    "cnpj": entry.cnpj,
                    "name": entry.name,
                    "metric": _metric_to_dict(entry.metric),
                    "notes": [note.to_dict() for note in entry.notes],
                    "replaced": [metric.to_dict() for metric in entry.replaced],
                }
                for entry in self._entries.values()
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Proof:
        """Rebuild a proof from :meth:`to_dict`'s output (``from_dict(p.to_dict()) == p``).

        The companies are checked as the constructor checks them, and a saved figure must have
        a net revenue; the rules of :meth:`add` are not replayed.
        """
        companies = data["companies"]
        proof = cls(
            data["reference_year"],
            [c["cnpj"] if c["name"] is None else (c["cnpj"], c["name"]) for c in companies],
        )
        for company in companies:
            metric = _metric_from_dict(company["metric"])
            cnpj = _normalize(company["cnpj"])
            if metric is not None and metric.net_revenue is None:
                raise ProofError(f"the saved figure of {_show(cnpj)} has no net revenue")
            proof._entries[cnpj] = attrs.evolve(
                proof._entries[cnpj],
                metric=metric,
                notes=_notes_from_dicts(company["notes"]),
                replaced=tuple(RevenueMetric.from_dict(m) for m in company["replaced"]),
            )
        proof._concluded = data["concluded"]
        return proof

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per company, ready for ``pandas.DataFrame`` (money as ``Decimal``)."""
        return [_record(row) for row in self.rows]

    def _repr_html_(self) -> str:
        state = "concluded" if self._concluded else f"{len(self.pending)} pending"
        caption = (
            f"Proof of revenue, {self._reference_year}: {len(self._entries)} companies, {state}"
        )
        return _html(caption, self.rows, None)

    def __repr__(self) -> str:
        return (
            f"Proof(reference_year={self._reference_year}, companies={len(self._entries)}, "
            f"pending={len(self.pending)}, concluded={self._concluded})"
        )

    def _check_open(self) -> None:
        if self._concluded:
            raise ProofError("the proof is concluded: it can no longer change")

    def _include(self, cnpj: object, name: object) -> None:
        target = _normalize(cnpj)
        if name is not None and not isinstance(name, str):
            raise ProofError(f"a company name must be a string, got {name!r}")
        if target in self._entries:
            raise ProofError(f"company {_show(target)} is already in the proof")
        self._entries[target] = _Entry(
            cnpj=target, name=None if name is None else name.strip() or None
        )

    def _listed(self, cnpj: str) -> str:
        target = _normalize(cnpj)
        if target not in self._entries:
            raise CompanyNotInProofError(
                f"company {_show(target)} is not in the proof", cnpj=target
            )
        return target

    def _resolve(self, metric: RevenueMetric, cnpj: str | None) -> str:
        """The listed company a metric belongs to."""
        own = metric.cnpj
        if cnpj is not None:
            target = self._listed(cnpj)
            if own is not None and own[:_ROOT] != target[:_ROOT]:
                raise ProofError(
                    f"the metric is of CNPJ {_show(own)}, another company than {_show(target)}"
                )
            return target
        if own is None:
            raise ProofError(
                "the metric names no company (a form filled without a CNPJ): pass cnpj= to say "
                "whose it is"
            )
        if own in self._entries:
            return own
        branches = [listed for listed in self._entries if listed[:_ROOT] == own[:_ROOT]]
        if len(branches) > 1:
            shown = ", ".join(_show(branch) for branch in branches)
            raise ProofError(
                f"the metric is of CNPJ {_show(own)}, the head office of several listed "
                f"companies ({shown}): pass cnpj= to say which"
            )
        if not branches:
            scp = (
                ""
                if metric.managing_partner_cnpj is None
                else f" (an SCP whose managing partner is {_show(metric.managing_partner_cnpj)})"
            )
            raise CompanyNotInProofError(f"company {_show(own)}{scp} is not in the proof", cnpj=own)
        return branches[0]

    @staticmethod
    def _replacement_note(
        previous: RevenueMetric, metric: RevenueMetric, target: str, *, replace: bool
    ) -> Finding:
        """The note for ``metric`` replacing ``previous``, or the refusal."""
        if metric.source == "ecf" and previous.source == "ecf" and metric.rectifying:
            receipt = "" if metric.receipt is None else f" (receipt {metric.receipt!r})"
            return Finding(
                "RECTIFIED",
                f"a rectifying ECF{receipt} replaced the earlier ECF's net revenue "
                f"{format_money(previous.net_revenue)}",
            )
        earlier = f"({format_money(previous.net_revenue)}, from {_origin(previous)})"
        if not replace:
            raise FigureExistsError(
                f"company {_show(target)} already has a figure {earlier}: pass replace=True to "
                "replace it",
                cnpj=target,
            )
        return Finding("REPLACED", f"replaced on request the earlier figure {earlier}")

    def _row(self, entry: _Entry) -> ProofRow:
        name = entry.name
        status: Status = "concluded" if self._concluded else "saved"
        if entry.metric is None:
            status = "pending"
        elif name is None:
            name = entry.metric.company_name
        return ProofRow(
            name=name,
            cnpj=entry.cnpj,
            reference_year=self._reference_year,
            status=status,
            metric=entry.metric,
            notes=entry.notes,
            replaced=entry.replaced,
        )


@attrs.frozen
class ConcludedProof:
    """A concluded proof: a row per company, each with its figure, and their exact total.

    Made by :meth:`Proof.conclude`; it never changes.
    """

    reference_year: int
    rows: tuple[ProofRow, ...]
    total_net_revenue: Decimal

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict that :meth:`from_dict` turns back into an equal concluded proof."""
        return {
            "reference_year": self.reference_year,
            "total_net_revenue": format_money(self.total_net_revenue),
            "rows": [row.to_dict() for row in self.rows],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConcludedProof:
        """Rebuild a concluded proof from :meth:`to_dict`'s output; the total must add up."""
        rows = tuple(ProofRow.from_dict(row) for row in data["rows"])
        if any(row.net_revenue is None for row in rows):
            raise ProofError("every row of a concluded proof must have a net revenue")
        total = _exact_sum(_net(row) for row in rows)
        if format_money(total) != data["total_net_revenue"]:
            raise ProofError(
                f"the rows add up to {format_money(total)}, not the total "
                f"{data['total_net_revenue']!r}"
            )
        return cls(reference_year=data["reference_year"], rows=rows, total_net_revenue=total)

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per company, ready for ``pandas.DataFrame`` (money as ``Decimal``)."""
        return [_record(row) for row in self.rows]

    def _repr_html_(self) -> str:
        caption = f"Proof of revenue, {self.reference_year}: concluded"
        return _html(caption, self.rows, self.total_net_revenue)


def _normalize(cnpj: object) -> str:
    bare = normalize_cnpj(cnpj) if isinstance(cnpj, str) else None
    if bare is None:
        raise ProofError(f"not a valid CNPJ: {cnpj!r}")
    return bare


def _show(cnpj: str) -> str:
    return repr(format_cnpj(cnpj))


def _origin(metric: RevenueMetric) -> str:
    if metric.source == "form":
        return "the form"
    return "a rectifying ECF" if metric.rectifying else "an ECF"


def _net(row: ProofRow) -> Decimal:
    value = row.net_revenue
    if value is None:  # pragma: no cover - add(), conclude() and from_dict() keep this out
        raise ProofError(f"company {_show(row.cnpj)} has no net revenue")
    return value


def _exact_sum(values: Iterable[Decimal]) -> Decimal:
    # Whatever the caller's context: the library's own (no trap on a small Emax, no rounding
    # mode), at the maximum precision, where addition is exact.
    with money_context() as context:
        context.prec = decimal.MAX_PREC
        return sum(values, Decimal("0.00"))


def _metric_to_dict(metric: RevenueMetric | None) -> dict[str, Any] | None:
    return None if metric is None else metric.to_dict()


def _metric_from_dict(data: dict[str, Any] | None) -> RevenueMetric | None:
    return None if data is None else RevenueMetric.from_dict(data)


def _notes_from_dicts(data: Iterable[dict[str, Any]]) -> tuple[Finding, ...]:
    return tuple(
        Finding(
            code=note["code"],
            message=note["message"],
            line_number=note["line_number"],
            record=note["record"],
            severity=note["severity"],
        )
        for note in data
    )


def _record(row: ProofRow) -> dict[str, Any]:
    return {
        "name": row.name,
        "cnpj": row.cnpj,
        "reference_year": row.reference_year,
        "net_revenue": row.net_revenue,
        "source": row.source,
        "status": row.status,
        "notes": ", ".join(note.code for note in row.notes),
    }


_HEADERS = ["company", "CNPJ", "year", "net revenue (R$)", "source", "status", "notes"]


def _html(caption: str, rows: Sequence[ProofRow], total: Decimal | None) -> str:
    """The rows as an HTML table (every text escaped), with a total line when given."""
    cells = [
        [
            row.name or "",
            format_cnpj(row.cnpj),
            str(row.reference_year),
            "" if row.net_revenue is None else brl(row.net_revenue),
            row.source or "",
            row.status,
            " ".join(f"[{note.code}] {note.message}" for note in row.notes),
        ]
        for row in rows
    ]
    if total is not None:
        cells.append(["Total", "", "", brl(total), "", "", ""])
    table = _table(_HEADERS, cells, numeric=frozenset({3}))
    return f"<div><div><strong>{html.escape(caption)}</strong></div>{table}</div>"
