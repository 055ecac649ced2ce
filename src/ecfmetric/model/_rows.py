"""One row per file, as Python values: the record behind ``--csv``, ``--excel`` and ``--xlsx``,
and the way to a pandas ``DataFrame``.

A row is a plain dict with the keys of :data:`FILE_COLUMNS`, in that order. Money stays
``Decimal`` (so a column adds up exactly: ``df["net_revenue"].sum()``), dates are
``datetime.date``, the year an ``int``; ``None`` where a value is unknown or does not apply.
``regime_label`` is the regime's name in the language in use; every other text is a code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..base._errors import EcfError, EcfFormatError, MetricUnavailableError, os_error_message
from ..base._i18n import tr
from ._labels import COMPONENTS

if TYPE_CHECKING:
    from ..types import RefusalDict
    from ._revenue_metric import RevenueMetric

#: The columns of a file's row, in order (``--csv`` writes them as its header).
FILE_COLUMNS = (
    "file",
    "status",
    "cnpj",
    "company_name",
    "reference_year",
    "period_start",
    "period_end",
    "regime",
    *COMPONENTS,
    "warnings",
    "error_code",
    "error",
    "regime_label",
)

#: The keys of a refusal's ``error`` object in ``--json``, always all of them.
ERROR_KEYS = ("code", "message", "line_number", "record", "field")

# The command line's own codes, for a file that cannot be opened at all.
_OS_CODES: tuple[tuple[type[OSError], str], ...] = (
    (FileNotFoundError, "FILE_NOT_FOUND"),
    (PermissionError, "PERMISSION_DENIED"),
    (IsADirectoryError, "IS_A_DIRECTORY"),
)


def refusal(path: str, error: EcfError | OSError) -> RefusalDict:
    """``{"file": path, "error": {"code", "message", "line_number", "record", "field"}}``:
    ``message`` in the current language, without the file's name."""
    if isinstance(error, OSError):
        code = next((c for kind, c in _OS_CODES if isinstance(error, kind)), "OS_ERROR")
        detail: dict[str, Any] = {"code": code, "message": str(os_error_message(error))}
    elif isinstance(error, EcfFormatError):
        detail = {
            "code": error.code,
            "message": str(error.reason_with_text()),
            "line_number": error.line_number,
            "record": error.record,
            "field": error.field,
        }
    elif isinstance(error, MetricUnavailableError):
        detail = {
            "code": error.code,
            "message": str(error.reason_message)
            if error.period is None
            else str(
                tr("period {period}: {reason}", period=error.period, reason=error.reason_message)
            ),
            "line_number": error.line_number,
            "record": error.record,
        }
    else:
        detail = {"code": getattr(error, "code", "ECF_ERROR"), "message": str(error)}
    return {
        "file": path,
        "error": {
            "code": detail["code"],
            "message": detail["message"],
            "line_number": detail.get("line_number"),
            "record": detail.get("record"),
            "field": detail.get("field"),
        },
    }


def metric_row(metric: RevenueMetric, file: str | None = None) -> dict[str, Any]:
    """A file read: its row of :data:`FILE_COLUMNS` (``file`` defaults to the metric's
    ``file_name``): :meth:`RevenueMetric.to_row`."""
    return metric.to_row(file)


def refusal_row(file: str, error: EcfError | OSError) -> dict[str, Any]:
    """A file refused (an :class:`~ecfmetric.EcfError`) or not opened (an ``OSError``): its row
    of :data:`FILE_COLUMNS`, every figure ``None``, ``status`` ``"refused"``, the error's code
    and message (current language) in ``error_code`` and ``error``.

    >>> import ecfmetric
    >>> try:
    ...     ecfmetric.read_bytes(b"%PDF-1.7", name="recibo.pdf")
    ... except ecfmetric.EcfError as error:
    ...     row = ecfmetric.refusal_row("recibo.pdf", error)
    >>> row["status"], row["error_code"], row["net_revenue"]
    ('refused', 'NOT_ECF', None)
    """
    return refused_row(refusal(file, error))


def refused_row(refused: RefusalDict) -> dict[str, Any]:
    """The row of a refusal already made by :func:`refusal`."""
    row: dict[str, Any] = dict.fromkeys(FILE_COLUMNS)
    row |= {
        "file": refused["file"],
        "status": "refused",
        "error_code": refused["error"]["code"],
        "error": refused["error"]["message"],
    }
    return row
