"""A concluded proof (``ConcludedProof``): the rows and their exact total; and its checked loading."""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, cast

import attrs

from ..base._context import in_money_context, money_context
from ..base._i18n import tr
from ..model import _proof_mac as mac
from ..model._contest import Contest
from ..model._load import array, at, fail, integer, money, obj, shape_keys, short
from ..model._notebook import html
from ..model._sums import ZERO
from ..types import ConcludedProofDict
from ._cnpjs import show
from ._load_parts import same_companies
from ._row import ProofRow, load_row


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
        return contested(self.rows)

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
        top = obj(mac.unseal(data, key), "", shape_keys("ConcludedProofDict"))
        year = integer(top["reference_year"], "reference_year")
        rows = _rows(array(top["rows"], "rows"), year, companies)
        total = total_of(rows)
        stated = top["total_net_revenue"]
        money(stated, "total_net_revenue", signed=True, bounded=False)
        if stated != f"{total:.2f}":
            fail(
                "total_net_revenue",
                tr("the rows add up to {total}, not {got}", total=total, got=short(stated)),
            )
        return cls(reference_year=year, rows=tuple(rows), total_net_revenue=total)

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per company, ready for ``pandas.DataFrame`` (money as ``Decimal``)."""
        return [row.to_record() for row in self.rows]

    def _repr_html_(self) -> str:
        return html("concluded_proof_html", self)


def _rows(items: list[Any], year: int, companies: Iterable[str] | None) -> list[ProofRow]:
    """The rows of a saved concluded proof: each company once, each file once."""
    if not items:
        fail("rows", tr("a concluded proof lists at least one company"))
    rows: list[ProofRow] = []
    listed: set[str] = set()
    files: dict[str, str] = {}
    for i, item in enumerate(items):
        path = at("rows", i)
        row = load_row(item, path, reference_year=year, status="concluded")
        if row.cnpj in listed:
            fail(at(path, "cnpj"), tr("company {company} is listed twice", company=show(row.cnpj)))
        listed.add(row.cnpj)
        assert row.metric is not None  # a concluded row always has its figure
        fingerprint = row.metric.fingerprint
        if fingerprint is not None:
            if fingerprint in files:
                fail(
                    at(at(path, "metric"), "fingerprint"),
                    tr(
                        "the same file is the figure of {owner} too", owner=show(files[fingerprint])
                    ),
                )
            files[fingerprint] = row.cnpj
        rows.append(row)
    if companies is not None:
        same_companies(dict.fromkeys(listed), companies, "rows")
    return rows


def contested(rows: Iterable[ProofRow]) -> tuple[tuple[str, Contest], ...]:
    """Every contested component of ``rows``, as ``(cnpj, contest)``."""
    return tuple((row.cnpj, contest) for row in rows for contest in row.contested)


def total_of(rows: Iterable[ProofRow]) -> Decimal:
    """The exact sum of the rows' net revenues."""
    # The default context rounds to 28 digits; addition at the maximum precision is exact.
    values = [row.net_revenue for row in rows]
    with money_context() as context:
        context.prec = decimal.MAX_PREC
        return sum((value for value in values if value is not None), ZERO)
