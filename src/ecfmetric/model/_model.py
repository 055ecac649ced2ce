"""Result types: frozen, slotted attrs classes, built once by the reader or the form."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ..base._context import in_money_context
from ..base._i18n import Localized, Message, as_message, tr
from ._notebook import html

if TYPE_CHECKING:
    # Annotations only: read() need not load types.py (nor typing_extensions).
    from ..types import (
        FindingDict,
        PeriodMetricDict,
        RevenueMetricDict,
        SignatureSummaryDict,
        SignerSummaryDict,
        SourceLineDict,
    )

#: The five components, in the order they are subtracted.
COMPONENT_FIELDS = ("gross_revenue", "cancellations", "discounts", "taxes", "other_deductions")
MONEY_FIELDS = (*COMPONENT_FIELDS, "net_revenue")

Component = Literal[
    "gross_revenue", "cancellations", "discounts", "taxes", "other_deductions", "net_revenue"
]


class Regime(enum.StrEnum):
    """The year's tax regime, from ``0010.FORMA_TRIB`` (its code is the enum's ``forma_trib``)."""

    LUCRO_REAL = "lucro_real"
    LUCRO_REAL_ARBITRADO = "lucro_real_arbitrado"
    LUCRO_PRESUMIDO_REAL = "lucro_presumido_real"
    LUCRO_PRESUMIDO_REAL_ARBITRADO = "lucro_presumido_real_arbitrado"
    LUCRO_PRESUMIDO = "lucro_presumido"
    LUCRO_ARBITRADO = "lucro_arbitrado"
    LUCRO_PRESUMIDO_ARBITRADO = "lucro_presumido_arbitrado"
    IMUNE = "imune"
    ISENTA = "isenta"

    @property
    def forma_trib(self) -> str:
        """The ``0010.FORMA_TRIB`` code of this regime (``"1"`` … ``"9"``)."""
        return str(list(Regime).index(self) + 1)

    @classmethod
    def from_forma_trib(cls, code: str) -> Regime:
        """The regime for a ``FORMA_TRIB`` code; ``ValueError`` for anything but 1–9."""
        if len(code) == 1 and "1" <= code <= "9":
            return list(cls)[int(code) - 1]
        raise ValueError(f"FORMA_TRIB must be 1 to 9, got {code!r}")


@attrs.frozen
class Record:
    """One raw record of an ECF file, as :func:`ecfmetric.iter_records` yields it.

    ``fields`` holds every field of the line *including* the register, so that the layout
    manual's field number ``n`` is ``fields[n - 1]`` (``fields[0] == register``).
    """

    line_number: int
    register: str
    fields: tuple[str, ...]

    def field(self, number: int) -> str | None:
        """The manual's field ``number`` (1-based, ``REG`` is 1), or ``None`` past the end."""
        if number < 1:
            raise IndexError("field numbers start at 1")
        return self.fields[number - 1] if number <= len(self.fields) else None


@attrs.frozen
class Finding:
    """A warning on a metric, or an error or warning of a validation report.

    ``message`` is drawn in the current language (:func:`ecfmetric.get_language`); ``code``,
    ``line_number``, ``record`` and ``severity`` never change with it. Findings compare by
    those four, not by their wording (a finding read back from a saved dict keeps the words
    it was saved in).
    """

    code: str
    _message: Message = attrs.field(converter=as_message, eq=False, alias="message")
    line_number: int | None = None
    record: str | None = None
    severity: Literal["error", "warning"] = "warning"

    @property
    def message(self) -> str:
        """What the finding says, in the current language."""
        return self._message.render()

    def render(self, lang: Literal["pt", "en"] | None = None) -> str:
        """The message in ``lang`` (``"pt"`` or ``"en"``; the current language when ``None``)."""
        return self._message.render(lang)

    def describe(self, lang: Literal["pt", "en"] | None = None) -> str:
        """The finding for a person, in ``lang`` (the current language when ``None``):
        ``aviso NET_REVENUE_MISMATCH (linha 36, L300): período A00: …``."""
        from ._labels import SEVERITY_WORDS

        severity = Localized(
            SEVERITY_WORDS["pt"][self.severity], SEVERITY_WORDS["en"][self.severity]
        )
        where: list[Message | str] = []
        if self.line_number is not None:
            where.append(tr("line {number}", number=self.line_number))
        if self.record is not None:
            where.append(self.record)
        if not where:
            text = tr(
                "{severity} {code}: {message}",
                severity=severity,
                code=self.code,
                message=self._message,
            )
        else:
            text = tr(
                "{severity} {code} ({where}): {message}",
                severity=severity,
                code=self.code,
                where=where[0]
                if len(where) == 1
                else tr("{first}, {rest}", first=where[0], rest=where[1]),
                message=self._message,
            )
        return text.render(lang)

    def __str__(self) -> str:
        """The finding for a person in the current language (:meth:`describe`)."""
        return self.describe()

    def __repr__(self) -> str:
        return (
            f"Finding(code={self.code!r}, message={self._message.render('en')!r}, "
            f"line_number={self.line_number!r}, record={self.record!r}, "
            f"severity={self.severity!r})"
        )

    def to_dict(self) -> FindingDict:
        """A JSON-ready dict (the message in the current language)."""
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "line_number": self.line_number,
            "record": self.record,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        """The inverse of :meth:`to_dict` (the message is kept as the words it was saved in).

        Checked as :meth:`RevenueMetric.from_dict` checks: :class:`~ecfmetric.BadProofDataError`
        for anything ``to_dict`` would not write.
        """
        from ._proof_load import finding

        return finding(data, "")


@attrs.frozen
class SourceLine:
    """Provenance of one amount read: where it is, what it is and which component it fed.

    ``amount`` is what the line contributed to ``component`` (a ``D`` deduction of 10000,00 is a
    cancellation of +10000.00). ``component`` is ``None`` for lines read only to cross-check
    (a synthetic line, the file's own RECEITA LIQUIDA); their ``amount`` is the signed value.
    Lines typed into the form have no ``line_number`` or ``record``.
    """

    line_number: int | None
    record: str | None
    period: str | None
    code: str | None
    description: str
    amount: Decimal
    component: Component | None

    def to_dict(self) -> SourceLineDict:
        """A JSON-ready dict (the amount as a string with two decimals)."""
        return {
            "line_number": self.line_number,
            "record": self.record,
            "period": self.period,
            "code": self.code,
            "description": self.description,
            "amount": f"{self.amount:.2f}",
            "component": self.component,
        }

    @classmethod
    @in_money_context
    def from_dict(cls, data: dict[str, Any]) -> SourceLine:
        """The inverse of :meth:`to_dict`, checked (:class:`~ecfmetric.BadProofDataError`)."""
        from ._proof_load import source_line

        return source_line(data, "")


@attrs.frozen
class PeriodMetric:
    """The metric of one period of the file (``A00``, ``T01`` …) and the block it came from."""

    period: str
    start: dt.date
    end: dt.date
    block: str
    record: str
    gross_revenue: Decimal | None
    cancellations: Decimal | None
    discounts: Decimal | None
    taxes: Decimal | None
    other_deductions: Decimal | None
    net_revenue: Decimal | None

    def to_dict(self) -> PeriodMetricDict:
        """A JSON-ready dict."""
        return {
            "period": self.period,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "block": self.block,
            "record": self.record,
            "gross_revenue": format_money(self.gross_revenue),
            "cancellations": format_money(self.cancellations),
            "discounts": format_money(self.discounts),
            "taxes": format_money(self.taxes),
            "other_deductions": format_money(self.other_deductions),
            "net_revenue": format_money(self.net_revenue),
        }

    @classmethod
    @in_money_context
    def from_dict(cls, data: dict[str, Any]) -> PeriodMetric:
        """The inverse of :meth:`to_dict`, checked (:class:`~ecfmetric.BadProofDataError`).

        A period's figures may be negative, as an ECF's may.
        """
        from ._proof_load import period

        return period(data, "", signed=True)


@attrs.frozen
class SignerSummary:
    """One signer of a signed file, as a metric or a proof row shows it."""

    name: str | None
    cnpj: str | None
    cpf: str | None
    verified: bool

    def to_dict(self) -> SignerSummaryDict:
        """A JSON-ready dict."""
        return {"name": self.name, "cnpj": self.cnpj, "cpf": self.cpf, "verified": self.verified}


@attrs.frozen
class SignatureSummary:
    """Who signed the file and its PVA hashcode, shown beside the figure.

    ``verified`` says that every signature matches the content; the certificate chain
    (ICP-Brasil roots, revocation) is not checked (``chain_checked`` is ``False``).
    :func:`ecfmetric.read_signature` gives the whole :class:`~ecfmetric.Signature`.
    """

    hashcode: str
    verified: bool
    reason: str | None
    signers: tuple[SignerSummary, ...]
    chain_checked: bool = False

    def to_dict(self) -> SignatureSummaryDict:
        """A JSON-ready dict."""
        return {
            "hashcode": self.hashcode,
            "verified": self.verified,
            "reason": self.reason,
            "signers": [signer.to_dict() for signer in self.signers],
            "chain_checked": self.chain_checked,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SignatureSummary:
        """The inverse of :meth:`to_dict`, checked (:class:`~ecfmetric.BadProofDataError`)."""
        from ._proof_load import signature_summary

        return signature_summary(data, "")

    def signed_by(self) -> str:
        """The signers' names (with their CNPJ or CPF), comma-separated."""
        return ", ".join(
            " ".join(p for p in (s.name, s.cnpj or s.cpf) if p) or "?" for s in self.signers
        )


@attrs.frozen
class RevenueMetric:
    """A company's revenue metric for one reference year, with where each figure came from.

    Money is ``Decimal`` with two decimals, or ``None`` when the source does not state it
    (never a made-up zero); ``net_revenue`` is then ``None`` too.
    """

    cnpj: str | None
    company_name: str | None
    reference_year: int | None
    period_start: dt.date | None
    period_end: dt.date | None
    regime: Regime | None
    layout_version: str | None
    rectifying: bool
    receipt: str | None
    source: Literal["ecf", "form"]
    gross_revenue: Decimal | None
    cancellations: Decimal | None
    discounts: Decimal | None
    taxes: Decimal | None
    other_deductions: Decimal | None
    net_revenue: Decimal | None
    periods: tuple[PeriodMetric, ...] = ()
    lines: tuple[SourceLine, ...] = ()
    warnings: tuple[Finding, ...] = ()
    managing_partner_cnpj: str | None = None
    partial_year: bool = False
    fingerprint: str | None = None
    #: The name of the file read (a path, or the name a caller gave), for tables of many files.
    #: Provenance, not a figure: two reads of the same content are equal whatever their names.
    file_name: str | None = attrs.field(default=None, eq=False)
    #: The file's PVA signature, when it was read (``read(..., signature=True)``).
    signature: SignatureSummary | None = None

    @property
    def complete(self) -> bool:
        """Whether every component is known (so ``net_revenue`` is too)."""
        return all(getattr(self, name) is not None for name in MONEY_FIELDS)

    def to_dict(self) -> RevenueMetricDict:
        """A JSON-ready dict: money as strings with two decimals (``"11990000.00"``) or ``None``."""
        return {
            "cnpj": self.cnpj,
            "company_name": self.company_name,
            "managing_partner_cnpj": self.managing_partner_cnpj,
            "reference_year": self.reference_year,
            "period_start": _iso(self.period_start),
            "period_end": _iso(self.period_end),
            "partial_year": self.partial_year,
            "regime": None if self.regime is None else self.regime.value,
            "layout_version": self.layout_version,
            "rectifying": self.rectifying,
            "receipt": self.receipt,
            "source": self.source,
            "gross_revenue": format_money(self.gross_revenue),
            "cancellations": format_money(self.cancellations),
            "discounts": format_money(self.discounts),
            "taxes": format_money(self.taxes),
            "other_deductions": format_money(self.other_deductions),
            "net_revenue": format_money(self.net_revenue),
            "periods": [p.to_dict() for p in self.periods],
            "warnings": [w.to_dict() for w in self.warnings],
            "lines": [line.to_dict() for line in self.lines],
            "fingerprint": self.fingerprint,
            "file_name": self.file_name,
            "signature": None if self.signature is None else self.signature.to_dict(),
        }

    def to_row(self, file: str | None = None) -> dict[str, Any]:
        """This file as one row: a plain dict with the keys of :data:`ecfmetric.FILE_COLUMNS`,
        the columns of the command line's ``--csv`` (one source for both).

        Money stays ``Decimal`` and dates ``datetime.date``, so a ``pandas.DataFrame`` of many
        rows adds its money columns up exactly; ``warnings`` is the warning codes, space
        separated; ``regime_label`` the regime's name in the language in use. ``file``
        defaults to :attr:`file_name`. A refused file's row: :func:`ecfmetric.refusal_row`.
        """
        from ._rows import metric_row

        return metric_row(self, file)

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per line read (its provenance), ready for ``pandas.DataFrame``.

        Every line is there, those read only to cross-check too (``component`` ``None``: the
        file's RECEITA LIQUIDA, synthetic lines). Each row names the company (``cnpj``), the
        ``reference_year``, the ``block`` and the ``file_name``, so that the rows of many files
        make one table. Unlike :meth:`to_dict`, amounts stay ``Decimal`` so that they add up.
        ``component_label`` names the component in the language in use (``"receita bruta"``,
        ``"só conferência"`` for a line read only to cross-check).
        """
        from ..base._i18n import get_language
        from ._labels import COMPONENT_WORDS

        words = COMPONENT_WORDS[get_language()]
        return [
            {
                "file_name": self.file_name,
                "cnpj": self.cnpj,
                "reference_year": self.reference_year,
                "block": None if line.record is None else line.record[0],
                **line.to_dict(),
                "amount": line.amount,
                "component_label": words[line.component],
            }
            for line in self.lines
        ]

    def _repr_html_(self) -> str:
        return html("metric_html", self)

    @classmethod
    @in_money_context
    def from_dict(cls, data: dict[str, Any]) -> RevenueMetric:
        """Rebuild a metric from :meth:`to_dict`'s output (``from_dict(m.to_dict()) == m``).

        Checked, as ``Proof.from_dict`` checks the metrics it holds: every key ``to_dict``
        writes and no other, each value of its type and in its canonical spelling (money as
        ``"1234.50"``, dates as ``2025-12-31``), the net equal to the gross less the deductions,
        no negative figure from a form. Anything else raises
        :class:`~ecfmetric.BadProofDataError` with the path of the value (``"lines[3].amount"``).
        """
        from ._proof_load import metric

        return metric(data, "")


def format_money(value: Decimal | None) -> str | None:
    """``Decimal('11990000')`` → ``"11990000.00"``; ``None`` stays ``None``."""
    if value is None:
        return None
    return f"{value:.2f}"


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()
