"""The JSON shapes of ``to_dict()``, as ``TypedDict``s, and the types the public API takes.

A service can use them as response models: they are ``typing_extensions.TypedDict`` whenever
``typing_extensions`` is installed (pydantic, and so FastAPI, always installs it and accepts no
other ``TypedDict`` before Python 3.12), so a FastAPI route declared ``-> RevenueMetricDict``
starts and its OpenAPI schema lists the fields (``examples/fastapi``). mypy checks every
``to_dict()`` against them. The same shapes as JSON Schema (draft 2020-12) ship in the package:
:func:`ecfmetric.schema.load` (``docs/schema/``). Money is a string with two decimals
(``"11990000.00"``, negative as ``"-10.00"``) or ``None`` when the source does not state it;
dates are ISO strings (``"2024-12-31"``).

>>> import typing
>>> from ecfmetric.types import ProofRowDict
>>> "contested" in typing.get_type_hints(ProofRowDict)
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from .base._i18n import Message

if TYPE_CHECKING:
    from typing import TypedDict
else:
    try:
        # pydantic refuses typing.TypedDict before Python 3.12; it depends on typing_extensions,
        # so whoever uses pydantic has it, and ecfmetric itself does not need it.
        from typing_extensions import TypedDict
    except ImportError:  # pragma: no cover - typing_extensions is in the test extra
        from typing import TypedDict

__all__ = [
    "Code",
    "Company",
    "ConcludedProofDict",
    "ContestDict",
    "ContestableComponent",
    "ErrorDict",
    "FileMetricDict",
    "FindingDict",
    "Message",
    "PeriodMetricDict",
    "ProofCompanyDict",
    "ProofDict",
    "ProofRowDict",
    "ProofStatus",
    "RefusalDict",
    "RevenueMetricDict",
    "SignatureSummaryDict",
    "SignerSummaryDict",
    "SourceLineDict",
    "ValidationReportDict",
]

#: Every code an error, a warning or a proof's note carries (:data:`ecfmetric.CODES` says
#: what each means).
Code = Literal[
    "A12_A00_MISMATCH",
    "ALREADY_LISTED",
    "ANOTHER_COMPANY",
    "BAD_AMOUNT",
    "BAD_ARCHIVE",
    "BAD_CODE",
    "BAD_COMPANY",
    "BAD_COMPANY_NAME",
    "BAD_CONTEST_AUTHOR",
    "BAD_CONTEST_VALUE",
    "BAD_DATE",
    "BAD_METRIC",
    "BAD_PARAMETER",
    "BAD_PERIOD",
    "BAD_PROOF_DATA",
    "BAD_REFERENCE_YEAR",
    "BAD_SIGNATURE",
    "BLOCK_STRUCTURE",
    "CNPJ_CHECK_DIGITS",
    "COD_QUALIF_PJ_MISSING",
    "COMPANIES_PENDING",
    "COMPANY_NOT_IN_PROOF",
    "COUNT_MISMATCH",
    "UNKNOWN_RECORD",
    "DEDUCTIONS_NOT_SPLIT",
    "DUPLICATE_CODE",
    "DUPLICATE_PERIOD",
    "ECF_ERROR",
    "EMPTY_FILE",
    "ENCODING_MIXED",
    "EXPANSION_LIMIT",
    "FIGURE_EXISTS",
    "FILE_ALREADY_SAVED",
    "FILE_NOT_FOUND",
    "FORMAT_ERROR",
    "HEAD_OFFICE_FILE",
    "INSURER_RFB_REVENUE",
    "INTERNAL_ERROR",
    "INVALID_CNPJ",
    "IS_A_DIRECTORY",
    "LAYOUT_YEAR_MISMATCH",
    "LINE_TOO_LONG",
    "MALFORMED_LINE",
    "METRIC_UNAVAILABLE",
    "MISSING_FIELD",
    "MORE_FINDINGS",
    "NEGATIVE_NET_REVENUE",
    "NET_REVENUE_LINE_MISSING",
    "NET_REVENUE_MISMATCH",
    "NEWER_LAYOUT",
    "NOT_CONTESTED",
    "NOT_ECF",
    "NO_CNPJ",
    "NO_COMPANIES",
    "NO_FIGURE",
    "NO_NET_REVENUE",
    "NO_REVENUE_LINES",
    "NO_SIGNATURE_BLOB",
    "OS_ERROR",
    "OUTSIDE_PERIOD",
    "P200_DESCRIPTION_MISMATCH",
    "P200_P150_MISMATCH",
    "P200_WITHOUT_P150",
    "PARTIAL_YEAR",
    "PERIODS_NOT_CONTIGUOUS",
    "PERMISSION_DENIED",
    "PROOF_CONCLUDED",
    "PROOF_ERROR",
    "PROXY_DEFINITION",
    "REASON_REQUIRED",
    "RECTIFIED",
    "REPLACED",
    "SAME_AS_FILE",
    "SEVERAL_BRANCHES",
    "SIGNATURE_EXTRA_MISSING",
    "SIGNATURE_TOO_LARGE",
    "SYNTHETIC_SUM_MISMATCH",
    "T120_DESCRIPTION_MISMATCH",
    "T150_3_NONZERO",
    "TOO_MANY_FIELDS",
    "TOO_MANY_LINES",
    "TRUNCATED",
    "UNKNOWN_CODE",
    "UNKNOWN_COMPONENT",
    "UNKNOWN_COMPONENTS",
    "UNKNOWN_LAYOUT",
    "UNUSUAL_SIGN",
    "WORKER_CRASHED",
    "BAD_FORM_INPUT",
    "TABLE_NOT_CHECKED",
    "TYPE_MISMATCH",
    "WRONG_YEAR",
    "Y540_CNPJ",
    "Y540_MISMATCH",
    "ZIP_MEMBERS",
    "PVA_WARNING",
    "SIGNATURE_MISMATCH",
]

#: A company listed in a proof: a CNPJ (formatted or bare), a ``(cnpj, name)`` pair, a
#: ``(cnpj, None)`` pair, or the same as a two-item list (as JSON gives it).
Company = str | tuple[str, str | None] | list[str] | list[str | None]

#: The components a person can contest: every one but the net revenue, which is derived.
ContestableComponent = Literal[
    "gross_revenue", "cancellations", "discounts", "taxes", "other_deductions"
]

#: A proof row's status.
ProofStatus = Literal["pending", "saved", "concluded"]


class FindingDict(TypedDict):
    """:meth:`ecfmetric.Finding.to_dict`."""

    code: str
    severity: Literal["error", "warning"]
    message: str
    line_number: int | None
    record: str | None


class SourceLineDict(TypedDict):
    """:meth:`ecfmetric.SourceLine.to_dict`; ``component`` is ``None`` for a line read only to
    cross-check."""

    line_number: int | None
    record: str | None
    period: str | None
    code: str | None
    description: str
    amount: str
    component: (
        Literal[
            "gross_revenue",
            "cancellations",
            "discounts",
            "taxes",
            "other_deductions",
            "net_revenue",
        ]
        | None
    )


class PeriodMetricDict(TypedDict):
    """:meth:`ecfmetric.PeriodMetric.to_dict`."""

    period: str
    start: str
    end: str
    block: str
    record: str
    gross_revenue: str | None
    cancellations: str | None
    discounts: str | None
    taxes: str | None
    other_deductions: str | None
    net_revenue: str | None


class RevenueMetricDict(TypedDict):
    """:meth:`ecfmetric.RevenueMetric.to_dict`; ``regime`` is a :class:`ecfmetric.Regime`
    value."""

    cnpj: str | None
    company_name: str | None
    managing_partner_cnpj: str | None
    reference_year: int | None
    period_start: str | None
    period_end: str | None
    partial_year: bool
    regime: str | None
    layout_version: str | None
    rectifying: bool
    receipt: str | None
    source: Literal["ecf", "form"]
    gross_revenue: str | None
    cancellations: str | None
    discounts: str | None
    taxes: str | None
    other_deductions: str | None
    net_revenue: str | None
    periods: list[PeriodMetricDict]
    warnings: list[FindingDict]
    lines: list[SourceLineDict]
    fingerprint: str | None
    file_name: str | None
    signature: SignatureSummaryDict | None


class SignerSummaryDict(TypedDict):
    """One signer of :class:`SignatureSummaryDict`."""

    name: str | None
    cnpj: str | None
    cpf: str | None
    verified: bool


class SignatureSummaryDict(TypedDict):
    """:meth:`ecfmetric.SignatureSummary.to_dict`: who signed the file, its PVA hashcode, and
    whether every signature matches the content (the certificate chain is not checked)."""

    hashcode: str
    verified: bool
    reason: str | None
    signers: list[SignerSummaryDict]
    chain_checked: bool


class ContestDict(TypedDict):
    """:meth:`ecfmetric.Contest.to_dict`: the person's ``value`` for one component, the
    ``file_value`` it replaces (``None`` if the source did not state it), why and who."""

    component: ContestableComponent
    value: str
    file_value: str | None
    reason: str
    by: str | None


class ProofRowDict(TypedDict):
    """:meth:`ecfmetric.ProofRow.to_dict`.

    The money fields are the row's figure: the metric's, with each contested component
    replaced by the person's value and the net recomputed. ``metric`` is the figure as read;
    ``warnings`` are the metric's warnings (and ``NEGATIVE_NET_REVENUE`` when the figure is
    negative); ``attention`` the codes among them to show next to the figure.
    """

    name: str | None
    cnpj: str
    reference_year: int
    status: ProofStatus
    source: Literal["ecf", "form"] | None
    gross_revenue: str | None
    cancellations: str | None
    discounts: str | None
    taxes: str | None
    other_deductions: str | None
    net_revenue: str | None
    contested: list[ContestDict]
    warnings: list[FindingDict]
    attention: list[str]
    metric: RevenueMetricDict | None
    notes: list[FindingDict]
    replaced: list[RevenueMetricDict]
    signature: SignatureSummaryDict | None


class ProofCompanyDict(TypedDict):
    """One company of :meth:`ecfmetric.Proof.to_dict` (bare CNPJ)."""

    cnpj: str
    name: str | None
    metric: RevenueMetricDict | None
    notes: list[FindingDict]
    replaced: list[RevenueMetricDict]
    contested: list[ContestDict]


class ProofDict(TypedDict):
    """:meth:`ecfmetric.Proof.to_dict`."""

    reference_year: int
    concluded: bool
    companies: list[ProofCompanyDict]


class ConcludedProofDict(TypedDict):
    """:meth:`ecfmetric.ConcludedProof.to_dict`."""

    reference_year: int
    total_net_revenue: str
    rows: list[ProofRowDict]


class ValidationReportDict(TypedDict):
    """:meth:`ecfmetric.ValidationReport.to_dict`: ``errors`` and ``warnings`` are counts of
    ``findings``; ``metric`` is ``None`` when the file gives none."""

    source: str | None
    ok: bool
    lines_read: int
    errors: int
    warnings: int
    findings: list[FindingDict]
    metric: RevenueMetricDict | None


class ErrorDict(TypedDict):
    """Why the command line refused a file (``--json``): always every key. ``message`` is the
    whole message in the language in use; ``field`` is set for a field of a record."""

    code: str
    message: str
    line_number: int | None
    record: str | None
    field: str | None


class RefusalDict(TypedDict):
    """A file the command line refused (``--json``): ``{"file", "error"}``."""

    file: str
    error: ErrorDict


class FileMetricDict(RevenueMetricDict):
    """A file the command line read (``--json``): :class:`RevenueMetricDict` with the
    ``file`` given and ``"error": null``."""

    file: str
    error: None
