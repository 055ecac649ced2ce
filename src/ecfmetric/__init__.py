"""ecfmetric: a company's revenue metric from its SPED ECF file, or from a form.

>>> import ecfmetric
>>> metric = ecfmetric.from_form(
...     gross_revenue="12.000.000,00", cancellations="10.000,00", taxes="0,00", discounts="0,00"
... )
>>> metric.net_revenue
Decimal('11990000.00')
"""

# Not `from typing import TYPE_CHECKING`: typing alone takes longer to import than this module.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from . import types
    from .base._codes import CODES, CodeInfo
    from .base._errors import (
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
        RefusedField,
        SignatureError,
        SignatureSupportError,
        WorkerCrashedError,
    )
    from .base._i18n import get_language, language, set_language
    from .base._money import MAX_FORM_AMOUNT
    from .ecf._limits import Limits
    from .ecf._lines import MAX_LINE_LENGTH
    from .ecf._signature import Signature, Signer, read_signature
    from .ecf._sources import MAX_EXPANDED_SIZE, MAX_EXPANSION_RATIO
    from .facts._collect import MAX_FIELDS
    from .model._contest import Contest
    from .model._labels import LABELS, LABELS_EN
    from .model._model import (
        Finding,
        PeriodMetric,
        Record,
        Regime,
        RevenueMetric,
        SignatureSummary,
        SignerSummary,
        SourceLine,
    )
    from .model._rows import FILE_COLUMNS, refusal_row
    from .proof._proof import ConcludedProof, Proof, ProofRow
    from .reading._bytes import read_bytes, validate_bytes
    from .reading._form import from_form
    from .reading._many import ReadResult, read_many
    from .reading._reader import iter_records, read
    from .reading._validate import ValidationReport, validate
    from .types import Company

__version__ = "0.2.0"

# Each public name and the module that defines it. They are imported on first use (PEP 562), so
# that `import ecfmetric` costs next to nothing and a call pays only for the modules it needs:
# read() never loads the process pool, the proof or the signature code.
_WHERE = {
    "CODES": "base._codes",
    "CodeInfo": "base._codes",
    "get_language": "base._i18n",
    "language": "base._i18n",
    "set_language": "base._i18n",
    "MAX_EXPANDED_SIZE": "ecf._sources",
    "MAX_EXPANSION_RATIO": "ecf._sources",
    "MAX_FIELDS": "facts._collect",
    "MAX_FORM_AMOUNT": "base._money",
    "MAX_LINE_LENGTH": "ecf._lines",
    "PROOF_ERROR_CODES": "base._errors",
    "BadProofDataError": "base._errors",
    "Company": "types",
    "CompanyNotInProofError": "base._errors",
    "ConcludedProof": "proof._proof",
    "Contest": "model._contest",
    "ContestError": "base._errors",
    "EcfError": "base._errors",
    "EcfFormatError": "base._errors",
    "FigureExistsError": "base._errors",
    "Finding": "model._model",
    "LABELS": "model._labels",
    "LABELS_EN": "model._labels",
    "Limits": "ecf._limits",
    "FormInputError": "base._errors",
    "FormInputTypeError": "base._errors",
    "MetricUnavailableError": "base._errors",
    "PeriodMetric": "model._model",
    "Proof": "proof._proof",
    "ProofError": "base._errors",
    "ProofErrorCode": "base._errors",
    "ProofRow": "proof._proof",
    "RefusedField": "base._errors",
    "ReadResult": "reading._many",
    "Record": "model._model",
    "Regime": "model._model",
    "RevenueMetric": "model._model",
    "Signature": "ecf._signature",
    "SignatureError": "base._errors",
    "SignatureSupportError": "base._errors",
    "SignatureSummary": "model._model",
    "Signer": "ecf._signature",
    "SignerSummary": "model._model",
    "SourceLine": "model._model",
    "FILE_COLUMNS": "model._rows",
    "refusal_row": "model._rows",
    "ValidationReport": "reading._validate",
    "WorkerCrashedError": "base._errors",
    "from_form": "reading._form",
    "iter_records": "reading._reader",
    "read": "reading._reader",
    "read_bytes": "reading._bytes",
    "read_many": "reading._many",
    "read_signature": "ecf._signature",
    "validate": "reading._validate",
    "validate_bytes": "reading._bytes",
}


# Hidden from type checkers, which see the imports above: a module __getattr__ would make them
# accept any name (a typo included) as an attribute of type `object`.
if not TYPE_CHECKING:  # pragma: no branch - false only for type checkers, which do not run it

    def __getattr__(name: str) -> object:
        from importlib import import_module  # seam: `import ecfmetric` alone loads nothing

        if name == "types":
            value: object = import_module(".types", __name__)
        elif name in _WHERE:
            value = getattr(import_module(f".{_WHERE[name]}", __name__), name)
        else:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        globals()[name] = value  # the next lookup finds it without calling __getattr__
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})


__all__ = [
    "CODES",
    "FILE_COLUMNS",
    "LABELS",
    "LABELS_EN",
    "MAX_EXPANDED_SIZE",
    "MAX_EXPANSION_RATIO",
    "MAX_FIELDS",
    "MAX_FORM_AMOUNT",
    "MAX_LINE_LENGTH",
    "PROOF_ERROR_CODES",
    "BadProofDataError",
    "CodeInfo",
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
    "Limits",
    "MetricUnavailableError",
    "PeriodMetric",
    "Proof",
    "ProofError",
    "ProofErrorCode",
    "ProofRow",
    "ReadResult",
    "Record",
    "RefusedField",
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
    "get_language",
    "iter_records",
    "language",
    "read",
    "read_bytes",
    "read_many",
    "read_signature",
    "refusal_row",
    "set_language",
    "types",
    "validate",
    "validate_bytes",
]
