"""A contract's proof of revenue: one figure per listed company for one reference year.

:class:`Proof` is the open workflow (list companies, attach metrics, contest a value, include or
exclude companies); :meth:`Proof.conclude` freezes it into a :class:`ConcludedProof`, which
nothing changes. Both save to plain JSON-ready dicts and back, so a service can keep a proof
between requests; loading checks that the dict is one the library wrote.

Its jobs live beside it (``_row``, ``_rules``, ``_contesting``, ``_load_proof``,
``_concluded``); its sentences are templates by code (``_messages``).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any, cast

import attrs

from ..base._context import in_money_context
from ..base._errors import FigureExistsError, ProofError
from ..model import _proof_mac as mac
from ..model._contest import Contest
from ..model._notebook import html
from ..model._revenue_metric import RevenueMetric
from ..types import Company, ContestableComponent, ProofDict
from ._cnpjs import listed_companies, normalize, not_listed, show
from ._concluded import ConcludedProof, contested, total_of
from ._contesting import contest_of, with_contest, without_contest
from ._entry import Entry, new_entry
from ._index import Index
from ._load_proof import load_proof
from ._messages import says
from ._row import ProofRow
from ._rules import admit, check_concludable, contestable, resolve, saved_entry

__all__ = ["ConcludedProof", "Proof", "ProofRow"]


@attrs.define(init=False, repr=False)
class Proof:
    """The open proof of a contract's companies for one reference year.

    ``companies`` lists each company as a CNPJ (``"11.222.333/0001-81"`` or bare
    ``"11222333000181"``; alphanumeric CNPJs too) or a ``(cnpj, name)`` pair (``name`` may be
    ``None``; a two-item list, as JSON gives it, is taken too). Attach each company's metric
    with :meth:`add` (saving a figure accepts it as read), :meth:`contest` a value a person
    disputes, and when :attr:`pending` is empty, :meth:`conclude`. Every refusal is a
    :class:`~ecfmetric.ProofError` with a ``code``.

    >>> import ecfmetric
    >>> proof = ecfmetric.Proof(2024, companies=[("11.222.333/0001-81", "ACME LTDA")])
    >>> row = proof.add(ecfmetric.from_form(gross_revenue="1.000,00", cancellations=0,
    ...     taxes="150,00", discounts=0, cnpj="11222333000181", reference_year=2024))
    >>> proof.conclude().total_net_revenue
    Decimal('850.00')
    """

    _reference_year: int
    _entries: dict[str, Entry]
    _concluded: bool
    _index: Index = attrs.field(eq=False)

    def __init__(self, reference_year: int, companies: Iterable[Company] = ()) -> None:
        if isinstance(reference_year, bool) or not isinstance(reference_year, int):
            raise ProofError(
                says("BAD_REFERENCE_YEAR", year=reference_year), code="BAD_REFERENCE_YEAR"
            )
        self._reference_year = reference_year
        self._entries = {}
        self._concluded = False
        self._index = Index()
        for cnpj, name in listed_companies(companies):
            self._include(cnpj, name)

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

    @property
    def contested(self) -> tuple[tuple[str, Contest], ...]:
        """Every contested component, as ``(cnpj, contest)``, in listing order."""
        return contested(self.rows)

    @property
    def attention(self) -> tuple[ProofRow, ...]:
        """The rows whose figure has a warning to show next to it (:data:`ATTENTION_CODES`)."""
        return tuple(row for row in self.rows if row.attention)

    def row(self, cnpj: str) -> ProofRow:
        """The row of a listed company, by its CNPJ (formatted or bare)."""
        return self._row(self._entries[self._listed(cnpj)])

    @in_money_context
    def add(
        self, metric: RevenueMetric, *, cnpj: str | None = None, replace: bool = False
    ) -> ProofRow:
        """Attach a metric (from :func:`~ecfmetric.read` or :func:`~ecfmetric.from_form`) to
        its company and mark the company saved; return the company's row. Saving a figure
        accepts it as read; a new figure starts with nothing contested.

        The company is the metric's CNPJ, or ``cnpj`` when given (needed for a form filled
        without a CNPJ); a form without a reference year counts as the proof's year. An ECF of
        the head office of a listed branch (same 8-character root) is accepted with the note
        ``HEAD_OFFICE_FILE``. A rectifying ECF replaces the company's earlier ECF, with the
        note ``RECTIFIED``. Refused: a metric for a company not in the
        proof (:class:`~ecfmetric.CompanyNotInProofError`), for another reference year, without
        a net revenue (fill the form instead), one that could not be saved and reloaded exactly
        (``BAD_METRIC``: amounts that are not exact cents, figures that do not add up), a file
        already saved in this proof, and, unless ``replace=True`` (note ``REPLACED``), any
        other metric for a company that already has one
        (:class:`~ecfmetric.FigureExistsError`).
        """
        self._check_open()
        if not isinstance(metric, RevenueMetric):
            raise ProofError(
                says("BAD_METRIC", company="?", detail=f"got {type(metric).__name__}"),
                code="BAD_METRIC",
            )
        listed = None if cnpj is None else self._listed(cnpj)
        target = resolve(metric, listed, self._entries, self._index.roots)
        metric = admit(metric, target, self._reference_year, self._index.owner(metric.fingerprint))
        self._put(saved_entry(self._entries[target], metric, replace=replace))
        return self._row(self._entries[target])

    @in_money_context
    def contest(
        self,
        cnpj: str,
        component: ContestableComponent,
        value: Decimal | int | str,
        *,
        reason: str,
        by: str | None = None,
    ) -> ProofRow:
        """Replace one component of a company's saved figure with a person's value; return
        the row, whose net revenue is recomputed exactly.

        ``component`` is ``gross_revenue``, ``cancellations``, ``discounts``, ``taxes`` or
        ``other_deductions`` (the net revenue is derived, so it cannot be contested: contest the
        component that is wrong). ``value`` is parsed as the form parses it (``"1.234,56"``,
        ``Decimal``, ``int``; never negative, at most two decimals). ``reason`` (required) says
        why; ``by`` who. The file's value is kept in the contest; contesting the same
        component again replaces the contest. A negative resulting net is allowed and flagged
        ``NEGATIVE_NET_REVENUE``. Refused with :class:`~ecfmetric.ContestError`: a company
        without a figure (``NO_FIGURE``), another component (``UNKNOWN_COMPONENT``), a value
        the form refuses (``BAD_CONTEST_VALUE``), an empty reason (``REASON_REQUIRED``), a
        ``by`` that is not a string (``BAD_CONTEST_AUTHOR``), the file's own value
        (``SAME_AS_FILE``); a concluded proof is refused (``PROOF_CONCLUDED``).
        """
        target, name, entry = self._to_contest(cnpj, component)
        made = contest_of(entry.metric, target, name, component, value, reason, by)
        self._put(attrs.evolve(entry, contested=with_contest(entry.contested, made)))
        return self._row(self._entries[target])

    @in_money_context
    def withdraw_contest(self, cnpj: str, component: ContestableComponent) -> ProofRow:
        """Restore the file's value of a contested component; return the row.

        Refused with :class:`~ecfmetric.ContestError` when the component is not contested
        (``NOT_CONTESTED``) or is not a component (``UNKNOWN_COMPONENT``), and once the proof
        is concluded (``PROOF_CONCLUDED``).
        """
        target, name, entry = self._to_contest(cnpj, component)
        kept = without_contest(entry.contested, target, name, component)
        self._put(attrs.evolve(entry, contested=kept))
        return self._row(self._entries[target])

    def include_company(self, cnpj: str, name: str | None = None) -> None:
        """List one more company, pending, before the proof is concluded."""
        self._check_open()
        self._include(cnpj, name)

    def exclude_company(self, cnpj: str, *, discard: bool = False) -> None:
        """Take a company off the proof before it is concluded.

        A company that has a figure is refused (:class:`~ecfmetric.FigureExistsError`) unless
        ``discard=True``: its figure, its contests and the figures it replaced go with it.
        """
        self._check_open()
        target = self._listed(cnpj)
        entry = self._entries[target]
        if entry.metric is not None and not discard:
            raise FigureExistsError(
                says("FIGURE_EXISTS/exclude", company=show(target)), cnpj=target
            )
        self._index.drop(entry)
        del self._entries[target]

    @in_money_context
    def conclude(self) -> ConcludedProof:
        """The concluded proof: one row per company and the total net revenue.

        Refused while the proof lists no company (``NO_COMPANIES``) or any company is
        :attr:`pending` (``COMPANIES_PENDING``). From then on the proof refuses every change;
        concluding it again gives an equal result. Warnings and contests stay on the rows.
        """
        check_concludable(len(self._entries), self.pending)
        self._concluded = True
        rows = self.rows
        return ConcludedProof(self._reference_year, rows, total_of(rows))

    @in_money_context
    def to_dict(self, *, key: bytes | None = None) -> ProofDict:
        """A JSON-ready dict that :meth:`from_dict` turns back into an equal proof.

        With ``key`` (bytes, a secret of at least 16 bytes only the service knows) the dict
        also carries ``"hmac"``, HMAC-SHA256 of the rest: ``from_dict(d, key=key)`` then refuses
        any edit, even one that keeps the figures consistent.
        """
        out: ProofDict = {
            "reference_year": self._reference_year,
            "concluded": self._concluded,
            "companies": [entry.to_dict() for entry in self._entries.values()],
        }
        return out if key is None else cast(ProofDict, mac.seal(dict(out), key))

    @classmethod
    @in_money_context
    def from_dict(
        cls, data: Any, *, key: bytes | None = None, companies: Iterable[str] | None = None
    ) -> Proof:
        """Rebuild a proof from :meth:`to_dict`'s output (``from_dict(p.to_dict()) == p``, and
        ``from_dict(d).to_dict() == d``).

        Anything :meth:`to_dict` would not have written is refused with
        :class:`~ecfmetric.BadProofDataError` (code ``BAD_PROOF_DATA``, ``path`` naming the
        value): a wrong type or key, an amount that is not a two-decimal string, figures that
        do not add up, a company listed twice, the same file for two companies, a concluded
        proof with a pending company. The rules of :meth:`add` are not replayed.

        ``key``: the dict must carry the HMAC ``to_dict(key=key)`` wrote (``hmac`` path when
        not). ``companies``: the contract's companies (CNPJs); the proof must list exactly them.
        Everything checked is listed in ``docs/proof.md``.
        """
        year, concluded, entries = load_proof(data, key, companies)
        proof = cls(year)
        for entry in entries:
            proof._put(entry)
        proof._concluded = concluded
        return proof

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per company, ready for ``pandas.DataFrame`` (money as ``Decimal``)."""
        return [row.to_record() for row in self.rows]

    def _repr_html_(self) -> str:
        return html("proof_html", self)

    def __repr__(self) -> str:
        return (
            f"Proof(reference_year={self._reference_year}, companies={len(self._entries)}, "
            f"pending={len(self.pending)}, concluded={self._concluded})"
        )

    def _check_open(self) -> None:
        if self._concluded:
            raise ProofError(says("PROOF_CONCLUDED"), code="PROOF_CONCLUDED")

    def _include(self, cnpj: object, name: object) -> None:
        entry = new_entry(cnpj, name)
        if entry.cnpj in self._entries:
            raise ProofError(
                says("ALREADY_LISTED", company=show(entry.cnpj)), code="ALREADY_LISTED"
            )
        self._put(entry)

    def _to_contest(self, cnpj: str, component: object) -> tuple[str, ContestableComponent, Entry]:
        """The company, the component and the entry a contest (or its withdrawal) is about."""
        self._check_open()
        target = self._listed(cnpj)
        return target, contestable(component, target), self._entries[target]

    def _put(self, entry: Entry) -> None:
        """Store an entry (new or changed) and keep the indexes right: O(1)."""
        self._index.put(self._entries.get(entry.cnpj), entry)
        self._entries[entry.cnpj] = entry

    def _listed(self, cnpj: str) -> str:
        target = normalize(cnpj)
        if target not in self._entries:
            raise not_listed(target)
        return target

    def _row(self, entry: Entry) -> ProofRow:
        return entry.row(self._reference_year, concluded=self._concluded)
