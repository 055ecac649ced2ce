"""ecfmetric: a company's revenue metric from its SPED ECF file, or from a form.

>>> import ecfmetric
>>> metric = ecfmetric.from_form(
...     gross_revenue="12.000.000,00", cancellations="10.000,00", taxes="0,00", discounts="0,00"
... )
>>> metric.net_revenue
Decimal('11990000.00')
"""

from . import types
from ._bytes import read_bytes, validate_bytes
from ._collect import MAX_FIELDS
from ._contest import Contest
from ._errors import (
    PROOF_ERROR_CODES,
    BadProofDataError,
    CompanyNotInProofError,
    ContestError,
    EcfError,
    EcfFormatError,
    FigureExistsError,
    FormInputError,
    FormInputTypeError,
    MetricUnavailableError,
    ProofError,
    ProofErrorCode,
    SignatureError,
    SignatureSupportError,
    WorkerCrashedError,
)
from ._form import from_form
from ._labels import LABELS, LABELS_EN
from ._lines import MAX_LINE_LENGTH
from ._many import ReadResult, read_many
from ._model import (
    Finding,
    PeriodMetric,
    Record,
    Regime,
    RevenueMetric,
    SignatureSummary,
    SignerSummary,
    SourceLine,
)
from ._money import MAX_FORM_AMOUNT
from ._proof import ConcludedProof, Proof, ProofRow
from ._reader import iter_records, read
from ._signature import Signature, Signer, read_signature
from ._sources import MAX_EXPANDED_SIZE, MAX_EXPANSION_RATIO
from ._validate import ValidationReport, validate
from .types import Company

__version__ = "0.1.0"

__all__ = [
    "LABELS",
    "LABELS_EN",
    "MAX_EXPANDED_SIZE",
    "MAX_EXPANSION_RATIO",
    "MAX_FIELDS",
    "MAX_FORM_AMOUNT",
    "MAX_LINE_LENGTH",
    "PROOF_ERROR_CODES",
    "BadProofDataError",
    "Company",
    "CompanyNotInProofError",
    "ConcludedProof",
    "Contest",
    "ContestError",
    "EcfError",
    "EcfFormatError",
    "FigureExistsError",
    "Finding",
    "FormInputError",
    "FormInputTypeError",
    "MetricUnavailableError",
    "PeriodMetric",
    "Proof",
    "ProofError",
    "ProofErrorCode",
    "ProofRow",
    "ReadResult",
    "Record",
    "Regime",
    "RevenueMetric",
    "Signature",
    "SignatureError",
    "SignatureSummary",
    "SignatureSupportError",
    "Signer",
    "SignerSummary",
    "SourceLine",
    "ValidationReport",
    "WorkerCrashedError",
    "__version__",
    "from_form",
    "iter_records",
    "read",
    "read_bytes",
    "read_many",
    "read_signature",
    "types",
    "validate",
    "validate_bytes",
]
