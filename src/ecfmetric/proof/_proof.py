"""A contract's proof of revenue: one figure per listed company for one reference year.

:class:`Proof` is the open workflow (list companies, attach metrics, contest a value, include or
exclude companies); :meth:`Proof.conclude` freezes it into a :class:`ConcludedProof`, which
nothing changes. Both save to plain JSON-ready dicts and back, so a service can keep a proof
between requests; loading checks that the dict is one the library wrote.

How results are drawn is not decided here: ``_repr_html_`` hands over to :mod:`._html`, and
every sentence is a :func:`~._i18n.tr` template (Portuguese in :mod:`._messages_pt`).
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Final, Literal, cast

import attrs

from ..base._cnpj import format_cnpj, normalize_cnpj
from ..base._context import in_money_context, money_context
from ..base._errors import (
    BadProofDataError,
    CompanyNotInProofError,
    ContestError,
    FigureExistsError,
    FormInputError,
    ProofError,
    ProofErrorCode,
)
from ..base._i18n import Message, tr
from ..base._money import parse_money
from ..model import _proof_load as load
from ..model import _proof_mac as mac
from ..model._contest import CONTESTABLE, Contest
from ..model._labels import field_label
from ..model._model import Finding, RevenueMetric, SignatureSummary, format_money
from ..model._notebook import html
from ..types import (
    Company,
    ConcludedProofDict,
    ContestableComponent,
    ProofCompanyDict,
    ProofDict,
    ProofRowDict,
    ProofStatus,
)

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

# The first eight characters of a CNPJ are the company's root; the next four the establishment.
_ROOT = 8
_ZERO = Decimal("0.00")
_ROW_KEYS = load.keys_of(ProofRowDict)
_COMPANY_KEYS = load.keys_of(ProofCompanyDict)
_PROOF_KEYS = load.keys_of(ProofDict)
_CONCLUDED_KEYS = load.keys_of(ConcludedProofDict)
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
        return load.net_of({name: self.value(name) for name in CONTESTABLE})

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
            "gross_revenue": format_money(self.gross_revenue),
            "cancellations": format_money(self.cancellations),
            "discounts": format_money(self.discounts),
            "taxes": format_money(self.taxes),
            "other_deductions": format_money(self.other_deductions),
            "net_revenue": format_money(self.net_revenue),
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
        return _load_row(data, "", reference_year=None, status=None)


@attrs.frozen
class _Entry:
    """What the proof holds for one listed company."""

    cnpj: str
    name: str | None
    metric: RevenueMetric | None = None
    notes: tuple[Finding, ...] = ()
    replaced: tuple[RevenueMetric, ...] = ()
    contested: tuple[Contest, ...] = ()


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
    _entries: dict[str, _Entry]
    _concluded: bool
    # Indexes, so that no step scans the companies: fingerprint -> company, root -> companies.
    _files: dict[str, str] = attrs.field(eq=False)
    _roots: dict[str, dict[str, None]] = attrs.field(eq=False)

    def __init__(self, reference_year: int, companies: Iterable[Company] = ()) -> None:
        if isinstance(reference_year, bool) or not isinstance(reference_year, int):
            raise ProofError(
                tr(
                    "the reference year must be an int such as 2024, got {year!r}",
                    year=reference_year,
                ),
                code="BAD_REFERENCE_YEAR",
            )
        self._reference_year = reference_year
        self._entries = {}
        self._concluded = False
        self._files = {}
        self._roots = {}
        for company in companies:
            if isinstance(company, str):
                self._include(company, None)
            elif isinstance(company, tuple | list) and len(company) == 2:
                self._include(company[0], company[1])
            else:
                raise ProofError(
                    tr(
                        "a company is a CNPJ string or a (cnpj, name) pair, got {company!r}",
                        company=company,
                    ),
                    code="BAD_COMPANY",
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

    @property
    def contested(self) -> tuple[tuple[str, Contest], ...]:
        """Every contested component, as ``(cnpj, contest)``, in listing order."""
        return _contested(self.rows)

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
                tr(
                    "the metric of {company} cannot be saved in the proof: {detail}",
                    company="?",
                    detail=f"got {type(metric).__name__}",
                ),
                code="BAD_METRIC",
            )
        target = self._resolve(metric, cnpj)
        shown = _show(target)
        if metric.reference_year is not None and metric.reference_year != self._reference_year:
            raise ProofError(
                tr(
                    "the metric is for {metric_year}, but the proof is for {proof_year} (company {company})",
                    metric_year=metric.reference_year,
                    proof_year=self._reference_year,
                    company=shown,
                ),
                code="WRONG_YEAR",
            )
        if metric.net_revenue is None:
            raise ProofError(
                tr(
                    "the metric of {company} has no net revenue: its source states the gross revenue but not the deductions (such as a cash-book Lucro Presumido or a Lucro Arbitrado file); fill the form for this company instead",
                    company=shown,
                ),
                code="NO_NET_REVENUE",
            )
        metric = _saveable(metric, shown)
        if metric.fingerprint is not None and metric.fingerprint in self._files:
            owner = self._files[metric.fingerprint]
            if owner == target:
                raise ProofError(
                    tr("this file is already saved in the proof"), code="FILE_ALREADY_SAVED"
                )
            raise ProofError(
                tr("this file is already saved in the proof for {owner}", owner=_show(owner)),
                code="FILE_ALREADY_SAVED",
            )
        entry = self._entries[target]
        notes: list[Finding] = []
        if metric.cnpj is not None and metric.cnpj != target:
            notes.append(
                Finding(
                    "HEAD_OFFICE_FILE",
                    tr(
                        "the metric is of CNPJ {own}, not the listed {company} but the same company (root {root!r}): an ECF is filed by the head office and its figure covers every establishment",
                        own=_show(metric.cnpj),
                        company=shown,
                        root=metric.cnpj[:_ROOT],
                    ),
                )
            )
        replaced = entry.replaced
        if entry.metric is not None:
            previous = entry.metric
            notes.append(self._replacement_note(previous, metric, target, replace=replace))
            replaced = (*replaced, previous)
        self._put(
            attrs.evolve(entry, metric=metric, notes=tuple(notes), replaced=replaced, contested=())
        )
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
        self._check_open()
        target = self._listed(cnpj)
        name = _contestable(component, target)
        entry = self._entries[target]
        if entry.metric is None:
            raise _contest_error(
                "NO_FIGURE",
                tr(
                    "company {company} has no saved figure to contest: add its metric first",
                    company=_show(target),
                ),
                target,
                component,
            )
        if not isinstance(reason, str) or not reason.strip():
            raise _contest_error(
                "REASON_REQUIRED",
                tr(
                    "a contest needs a reason: say why the file's {component} is wrong",
                    component=field_label(name),
                ),
                target,
                component,
            )
        if by is not None and not isinstance(by, str):
            raise _contest_error(
                "BAD_CONTEST_AUTHOR",
                tr("by= names who contests, as a string or None, got {by!r}", by=by),
                target,
                component,
            )
        try:
            amount = parse_money(value, name, field_label(name))
        except FormInputError as error:
            raise _contest_error(
                "BAD_CONTEST_VALUE",
                tr("the contested value is refused: {detail}", detail=error.message),
                target,
                component,
            ) from error
        file_value: Decimal | None = getattr(entry.metric, name)
        if amount == file_value:
            raise _contest_error(
                "SAME_AS_FILE",
                tr(
                    "{value} is the file's own {component} for {company}: there is nothing to contest (withdraw_contest() restores the file's value)",
                    value=amount,
                    component=field_label(name),
                    company=_show(target),
                ),
                target,
                component,
            )
        contest = Contest(name, amount, file_value, reason.strip(), by)
        others = [c for c in entry.contested if c.component != name]
        if len(others) == len(entry.contested):
            contested = (*entry.contested, contest)
        else:  # the same component again: the new contest takes the old one's place
            contested = tuple(contest if c.component == name else c for c in entry.contested)
        self._put(attrs.evolve(entry, contested=contested))
        return self._row(self._entries[target])

    @in_money_context
    def withdraw_contest(self, cnpj: str, component: ContestableComponent) -> ProofRow:
        """Restore the file's value of a contested component; return the row.

        Refused with :class:`~ecfmetric.ContestError` when the component is not contested
        (``NOT_CONTESTED``) or is not a component (``UNKNOWN_COMPONENT``), and once the proof
        is concluded (``PROOF_CONCLUDED``).
        """
        self._check_open()
        target = self._listed(cnpj)
        name = _contestable(component, target)
        entry = self._entries[target]
        kept = tuple(c for c in entry.contested if c.component != name)
        if len(kept) == len(entry.contested):
            raise _contest_error(
                "NOT_CONTESTED",
                tr(
                    "{component} of company {company} is not contested",
                    component=field_label(name),
                    company=_show(target),
                ),
                target,
                component,
            )
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
                tr(
                    "company {company} has a saved figure: pass discard=True to exclude it with its figure",
                    company=_show(target),
                ),
                cnpj=target,
            )
        self._forget_file(entry)
        del self._roots[target[:_ROOT]][target]
        if not self._roots[target[:_ROOT]]:
            del self._roots[target[:_ROOT]]
        del self._entries[target]

    @in_money_context
    def conclude(self) -> ConcludedProof:
        """The concluded proof: one row per company and the total net revenue.

        Refused while the proof lists no company (``NO_COMPANIES``) or any company is
        :attr:`pending` (``COMPANIES_PENDING``). From then on the proof refuses every change;
        concluding it again gives an equal result. Warnings and contests stay on the rows.
        """
        if not self._entries:
            raise ProofError(tr("the proof lists no company"), code="NO_COMPANIES")
        pending = self.pending
        if pending:
            listed = ", ".join(_show(cnpj) for cnpj in pending)
            raise ProofError(
                tr(
                    "{count} company(ies) still pending: {listed}",
                    count=len(pending),
                    listed=listed,
                ),
                code="COMPANIES_PENDING",
            )
        self._concluded = True
        rows = self.rows
        return ConcludedProof(
            reference_year=self._reference_year,
            rows=rows,
            total_net_revenue=_total(rows),
        )

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
            "companies": [
                {
                    "cnpj": entry.cnpj,
                    "name": entry.name,
                    "metric": None if entry.metric is None else entry.metric.to_dict(),
                    "notes": [note.to_dict() for note in entry.notes],
                    "replaced": [metric.to_dict() for metric in entry.replaced],
                    "contested": [contest.to_dict() for contest in entry.contested],
                }
                for entry in self._entries.values()
            ],
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
        top = load.obj(mac.unseal(data, key), "", _PROOF_KEYS)
        year = load.integer(top["reference_year"], "reference_year")
        concluded = load.boolean(top["concluded"], "concluded")
        proof = cls(year)
        for i, item in enumerate(load.array(top["companies"], "companies")):
            path = load.at("companies", i)
            company = load.obj(item, path, _COMPANY_KEYS)
            cnpj = load.cnpj(company["cnpj"], load.at(path, "cnpj"))
            if cnpj in proof._entries:
                load.fail(
                    load.at(path, "cnpj"),
                    tr("company {company} is listed twice", company=_show(cnpj)),
                )
            name = company["name"]
            if name is not None and (
                not isinstance(name, str) or not name.strip() or name != name.strip()
            ):
                load.fail(
                    load.at(path, "name"),
                    tr("a listed name is null or a non-empty text without surrounding spaces"),
                )
            metric, notes, replaced, contested = _load_figure(company, path, year, cnpj)
            if metric is not None and metric.fingerprint in proof._files:
                load.fail(
                    load.at(load.at(path, "metric"), "fingerprint"),
                    tr(
                        "the same file is the figure of {owner} too",
                        owner=_show(proof._files[metric.fingerprint]),
                    ),
                )
            proof._put(_Entry(cnpj, name, metric, notes, replaced, contested))
        if companies is not None:
            _same_companies(proof._entries, companies, "companies")
        if concluded and not proof._entries:
            load.fail("concluded", tr("a concluded proof lists at least one company"))
        if concluded and proof.pending:
            load.fail("concluded", tr("a concluded proof has a figure for every company"))
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
            raise ProofError(
                tr("the proof is concluded: it can no longer change"), code="PROOF_CONCLUDED"
            )

    def _include(self, cnpj: object, name: object) -> None:
        target = _normalize(cnpj)
        if name is not None and not isinstance(name, str):
            raise ProofError(
                tr("a company name must be a string, got {name!r}", name=name),
                code="BAD_COMPANY_NAME",
            )
        if target in self._entries:
            raise ProofError(
                tr("company {company} is already in the proof", company=_show(target)),
                code="ALREADY_LISTED",
            )
        self._put(_Entry(cnpj=target, name=None if name is None else name.strip() or None))

    def _put(self, entry: _Entry) -> None:
        """Store an entry (new or changed) and keep the indexes right: O(1)."""
        previous = self._entries.get(entry.cnpj)
        if previous is not None:
            self._forget_file(previous)
        self._entries[entry.cnpj] = entry
        self._roots.setdefault(entry.cnpj[:_ROOT], {})[entry.cnpj] = None
        if entry.metric is not None and entry.metric.fingerprint is not None:
            self._files[entry.metric.fingerprint] = entry.cnpj

    def _forget_file(self, entry: _Entry) -> None:
        if entry.metric is not None and entry.metric.fingerprint is not None:
            self._files.pop(entry.metric.fingerprint, None)

    def _listed(self, cnpj: str) -> str:
        target = _normalize(cnpj)
        if target not in self._entries:
            raise CompanyNotInProofError(
                tr("company {company} is not in the proof", company=_show(target)), cnpj=target
            )
        return target

    def _resolve(self, metric: RevenueMetric, cnpj: str | None) -> str:
        """The listed company a metric belongs to."""
        own = metric.cnpj
        if cnpj is not None:
            target = self._listed(cnpj)
            if own is not None and own[:_ROOT] != target[:_ROOT]:
                raise ProofError(
                    tr(
                        "the metric is of CNPJ {own}, another company than {company}",
                        own=_show(own),
                        company=_show(target),
                    ),
                    code="ANOTHER_COMPANY",
                )
            return target
        if own is None:
            raise ProofError(
                tr(
                    "the metric names no company (a form filled without a CNPJ): pass cnpj= to say whose it is"
                ),
                code="NO_CNPJ",
            )
        if own in self._entries:
            return own
        branches = list(self._roots.get(own[:_ROOT], ()))
        if len(branches) > 1:
            shown = ", ".join(_show(branch) for branch in branches)
            raise ProofError(
                tr(
                    "the metric is of CNPJ {own}, the head office of several listed companies ({listed}): pass cnpj= to say which",
                    own=_show(own),
                    listed=shown,
                ),
                code="SEVERAL_BRANCHES",
            )
        if not branches:
            if metric.managing_partner_cnpj is None:
                message = tr("company {company} is not in the proof", company=_show(own))
            else:
                message = tr(
                    "company {company} (an SCP whose managing partner is {partner}) is not in the proof",
                    company=_show(own),
                    partner=_show(metric.managing_partner_cnpj),
                )
            raise CompanyNotInProofError(message, cnpj=own)
        return branches[0]

    @staticmethod
    def _replacement_note(
        previous: RevenueMetric, metric: RevenueMetric, target: str, *, replace: bool
    ) -> Finding:
        """The note for ``metric`` replacing ``previous``, or the refusal."""
        net = previous.net_revenue
        if metric.source == "ecf" and previous.source == "ecf" and metric.rectifying:
            if metric.receipt is None:
                return Finding(
                    "RECTIFIED",
                    tr("a rectifying ECF replaced the earlier ECF's net revenue {net}", net=net),
                )
            return Finding(
                "RECTIFIED",
                tr(
                    "a rectifying ECF (receipt {receipt!r}) replaced the earlier ECF's net revenue {net}",
                    receipt=metric.receipt,
                    net=net,
                ),
            )
        if not replace:
            raise FigureExistsError(
                tr(
                    "company {company} already has a figure ({net}, from {origin}): pass replace=True to replace it",
                    company=_show(target),
                    net=net,
                    origin=_origin(previous),
                ),
                cnpj=target,
            )
        return Finding(
            "REPLACED",
            tr(
                "replaced on request the earlier figure ({net}, from {origin})",
                net=net,
                origin=_origin(previous),
            ),
        )

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
            contested=entry.contested,
        )


@attrs.frozen
class ConcludedProof:
    """A concluded proof: a row per company, each with its figure, and their exact total.

    Made by :meth:`Proof.conclude`; it never changes. The rows keep their warnings and
    contests: :attr:`attention` and :attr:`contested` list what the vendor should review.
    """

    reference_year: int
    rows: tuple[ProofRow, ...]
    total_net_revenue: Decimal

    @property
    def contested(self) -> tuple[tuple[str, Contest], ...]:
        """Every contested component, as ``(cnpj, contest)``, in row order."""
        return _contested(self.rows)

    @property
    def attention(self) -> tuple[ProofRow, ...]:
        """The rows whose figure has a warning to show next to it (:data:`ATTENTION_CODES`)."""
        return tuple(row for row in self.rows if row.attention)

    @in_money_context
    def to_dict(self, *, key: bytes | None = None) -> ConcludedProofDict:
        """A JSON-ready dict that :meth:`from_dict` turns back into an equal concluded proof;
        with ``key``, sealed with an HMAC as :meth:`Proof.to_dict` does."""
        out: ConcludedProofDict = {
            "reference_year": self.reference_year,
            "total_net_revenue": f"{self.total_net_revenue:.2f}",
            "rows": [row.to_dict() for row in self.rows],
        }
        return out if key is None else cast(ConcludedProofDict, mac.seal(dict(out), key))

    @classmethod
    @in_money_context
    def from_dict(
        cls, data: Any, *, key: bytes | None = None, companies: Iterable[str] | None = None
    ) -> ConcludedProof:
        """Rebuild a concluded proof from :meth:`to_dict`'s output, checked as
        :meth:`Proof.from_dict` checks a proof (``key`` and ``companies`` too); the total
        must be the sum of the rows."""
        top = load.obj(mac.unseal(data, key), "", _CONCLUDED_KEYS)
        year = load.integer(top["reference_year"], "reference_year")
        items = load.array(top["rows"], "rows")
        if not items:
            load.fail("rows", tr("a concluded proof lists at least one company"))
        rows: list[ProofRow] = []
        listed: set[str] = set()
        files: dict[str, str] = {}
        for i, item in enumerate(items):
            path = load.at("rows", i)
            row = _load_row(item, path, reference_year=year, status="concluded")
            if row.cnpj in listed:
                load.fail(
                    load.at(path, "cnpj"),
                    tr("company {company} is listed twice", company=_show(row.cnpj)),
                )
            listed.add(row.cnpj)
            assert row.metric is not None  # a concluded row always has its figure
            fingerprint = row.metric.fingerprint
            if fingerprint is not None:
                if fingerprint in files:
                    load.fail(
                        load.at(load.at(path, "metric"), "fingerprint"),
                        tr(
                            "the same file is the figure of {owner} too",
                            owner=_show(files[fingerprint]),
                        ),
                    )
                files[fingerprint] = row.cnpj
            rows.append(row)
        if companies is not None:
            _same_companies(dict.fromkeys(listed), companies, "rows")
        total = _total(rows)
        stated = top["total_net_revenue"]
        load.money(stated, "total_net_revenue", signed=True, bounded=False)
        if stated != f"{total:.2f}":
            load.fail(
                "total_net_revenue",
                tr(
                    "the rows add up to {total}, not {got}",
                    total=total,
                    got=load.short(stated),
                ),
            )
        return cls(reference_year=year, rows=tuple(rows), total_net_revenue=total)

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per company, ready for ``pandas.DataFrame`` (money as ``Decimal``)."""
        return [row.to_record() for row in self.rows]

    def _repr_html_(self) -> str:
        return html("concluded_proof_html", self)


def _load_figure(
    data: dict[str, Any], path: str, year: int, cnpj: str
) -> tuple[
    RevenueMetric | None, tuple[Finding, ...], tuple[RevenueMetric, ...], tuple[Contest, ...]
]:
    """A company's saved figure, notes, replaced figures and contests, checked together."""
    where = load.at(path, "metric")
    metric = (
        None
        if data["metric"] is None
        else load.figure(data["metric"], where, reference_year=year, company=cnpj)
    )
    notes = load.notes(data["notes"], load.at(path, "notes"))
    replaced = load.metrics(
        data["replaced"], load.at(path, "replaced"), reference_year=year, company=cnpj
    )
    contested = load.contests(data["contested"], load.at(path, "contested"), metric)
    if metric is None and (notes or replaced):
        load.fail(path, tr("a company without a figure has no notes and replaced nothing"))
    return metric, notes, replaced, contested


def _load_row(
    value: object, path: str, *, reference_year: int | None, status: Status | None
) -> ProofRow:
    data = load.obj(value, path, _ROW_KEYS)
    cnpj = load.cnpj(data["cnpj"], load.at(path, "cnpj"))
    year = load.integer(data["reference_year"], load.at(path, "reference_year"))
    if reference_year is not None and year != reference_year:
        load.fail(
            load.at(path, "reference_year"),
            tr(
                "the row is for {got}, the proof for {year}",
                got=load.short(year),
                year=reference_year,
            ),
        )
    name = load.optional_string(data["name"], load.at(path, "name"))
    state = data["status"]
    allowed: tuple[Status, ...] = (status,) if status is not None else ("saved", "concluded")
    if data["metric"] is None and status is None:
        allowed = ("pending",)
    if state not in allowed:
        expected = " or ".join(repr(option) for option in allowed)
        load.fail(
            load.at(path, "status"),
            tr("must be {expected}, got {got}", expected=expected, got=load.short(state)),
        )
    metric, notes, replaced, contested = _load_figure(data, path, year, cnpj)
    if metric is None and state != "pending":
        load.fail(load.at(path, "metric"), tr("a saved figure always has a net revenue"))
    row = ProofRow(name, cnpj, year, state, metric, notes, replaced, contested)
    written: dict[str, Any] = dict(row.to_dict())
    for key in _DERIVED:
        if data[key] != written[key]:
            load.fail(load.at(path, key), tr("does not match the row's figure and contests"))
    return row


def _same_companies(listed: Iterable[str], companies: Iterable[str], path: str) -> None:
    """Refuse a saved proof whose companies are not the contract's (one deleted or added)."""
    if isinstance(companies, str):
        raise TypeError("companies must be an iterable of CNPJs, not one string")
    expected = {_normalize(company) for company in companies}
    have = set(listed)
    if have != expected:
        missing = ", ".join(_show(c) for c in sorted(expected - have)) or "-"
        extra = ", ".join(_show(c) for c in sorted(have - expected)) or "-"
        load.fail(
            path,
            tr(
                "the proof's companies are not the contract's: missing {missing}; not in the "
                "contract {extra}",
                missing=missing,
                extra=extra,
            ),
        )


def _contestable(component: object, cnpj: str) -> ContestableComponent:
    for name in CONTESTABLE:
        if component == name:
            return name
    raise ContestError(
        tr(
            "the net revenue cannot be contested: it is the gross revenue minus the deductions; "
            "contest the component that is wrong and the net is recomputed"
        )
        if component == "net_revenue"
        else tr(
            "{component!r} is not a component that can be contested: contest one of "
            "gross_revenue, cancellations, discounts, taxes, other_deductions",
            component=component,
        ),
        code="UNKNOWN_COMPONENT",
        cnpj=cnpj,
        component=component,
    )


def _contest_error(
    code: ProofErrorCode, message: Message, cnpj: str, given: object
) -> ContestError:
    return ContestError(message, code=code, cnpj=cnpj, component=given)


def _saveable(metric: RevenueMetric, shown: str) -> RevenueMetric:
    """The metric as the proof will save and reload it, or the refusal ``BAD_METRIC``."""
    try:
        saved = load.metric(metric.to_dict(), "")
    except BadProofDataError as error:
        raise ProofError(
            tr(
                "the metric of {company} cannot be saved in the proof: {detail}",
                company=shown,
                detail=str(error),
            ),
            code="BAD_METRIC",
        ) from error
    if saved != metric or not all(
        isinstance(getattr(metric, name), Decimal) for name in (*CONTESTABLE, "net_revenue")
    ):
        raise ProofError(
            tr(
                "the metric of {company} cannot be saved in the proof: {detail}",
                company=shown,
                detail="its amounts are not exact cents",
            ),
            code="BAD_METRIC",
        )
    return metric


def _normalize(cnpj: object) -> str:
    bare = normalize_cnpj(cnpj) if isinstance(cnpj, str) else None
    if bare is None:
        raise ProofError(tr("not a valid CNPJ: {cnpj!r}", cnpj=cnpj), code="INVALID_CNPJ")
    return bare


def _show(cnpj: str) -> str:
    return repr(format_cnpj(cnpj))


def _origin(metric: RevenueMetric) -> Message:
    if metric.source == "form":
        return tr("the form")
    return tr("a rectifying ECF") if metric.rectifying else tr("an ECF")


def _negative_net(net: Decimal) -> Finding:
    return Finding(
        "NEGATIVE_NET_REVENUE",
        tr(
            "the net revenue is negative ({net}): the deductions are larger than the gross revenue; check the figure with the company",
            net=net,
        ),
    )


def _codes(findings: Iterable[Finding]) -> list[str]:
    """The distinct codes of ``findings``, in order."""
    return list(dict.fromkeys(finding.code for finding in findings))


def _contested(rows: Iterable[ProofRow]) -> tuple[tuple[str, Contest], ...]:
    return tuple((row.cnpj, contest) for row in rows for contest in row.contested)


def _total(rows: Iterable[ProofRow]) -> Decimal:
    # The default context rounds to 28 digits; addition at the maximum precision is exact.
    values = [row.net_revenue for row in rows]
    with money_context() as context:
        context.prec = decimal.MAX_PREC
        return sum((value for value in values if value is not None), _ZERO)
