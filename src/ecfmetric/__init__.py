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
    from ._bytes import read_bytes, validate_bytes
    from ._codes import CODES, CodeInfo
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
    from ._i18n import get_language, language, set_language
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
    from ._rows import FILE_COLUMNS, refusal_row
    from ._signature import Signature, Signer, read_signature
    from ._sources import MAX_EXPANDED_SIZE, MAX_EXPANSION_RATIO
    from ._validate import ValidationReport, validate
    from .types import Company

__version__ = "0.2.0"

# Each public name and the module that defines it. They are imported on first use (PEP 562), so
# that `import ecfmetric` costs next to nothing and a call pays only for the modules it needs:
# read() never loads the process pool, the proof or the signature code.
_WHERE = {
    "CODES": "_codes",
    "CodeInfo": "_codes",
    "get_language": "_i18n",
    "language": "_i18n",
    "set_language": "_i18n",
    "MAX_EXPANDED_SIZE": "_sources",
    "MAX_EXPANSION_RATIO": "_sources",
    "MAX_FIELDS": "_collect",
    "MAX_FORM_AMOUNT": "_money",
    "MAX_LINE_LENGTH": "_lines",
    "PROOF_ERROR_CODES": "_errors",
    "BadProofDataError": "_errors",
    "Company": "types",
    "CompanyNotInProofError": "_errors",
    "ConcludedProof": "_proof",
    "Contest": "_contest",
    "ContestError": "_errors",
    "EcfError": "_errors",
    "EcfFormatError": "_errors",
    "FigureExistsError": "_errors",
    "Finding": "_model",
    "LABELS": "_labels",
    "LABELS_EN": "_labels",
    "FormInputError": "_errors",
    "FormInputTypeError": "_errors",
    "MetricUnavailableError": "_errors",
    "PeriodMetric": "_model",
    "Proof": "_proof",
    "ProofError": "_errors",
    "ProofErrorCode": "_errors",
    "ProofRow": "_proof",
    "ReadResult": "_many",
    "Record": "_model",
    "Regime": "_model",
    "RevenueMetric": "_model",
    "Signature": "_signature",
    "SignatureError": "_errors",
    "SignatureSupportError": "_errors",
    "SignatureSummary": "_model",
    "Signer": "_signature",
    "SignerSummary": "_model",
    "SourceLine": "_model",
    "FILE_COLUMNS": "_rows",
    "refusal_row": "_rows",
    "ValidationReport": "_validate",
    "WorkerCrashedError": "_errors",
    "from_form": "_form",
    "iter_records": "_reader",
    "read": "_reader",
    "read_bytes": "_bytes",
    "read_many": "_many",
    "read_signature": "_signature",
    "validate": "_validate",
    "validate_bytes": "_bytes",
}


# Hidden from type checkers, which see the imports above: a module __getattr__ would make them
# accept any name (a typo included) as an attribute of type `object`.
if not TYPE_CHECKING:  # pragma: no branch - false only for type checkers, which do not run it

    def __getattr__(name: str) -> object:
        from importlib import import_module

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
