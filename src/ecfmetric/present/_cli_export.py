"""What the command line writes for programs: refusals as data, and tables as CSV.

Two CSV dialects with the same columns. ``csv``, for programs: UTF-8, ``,``, the column keys
(``gross_revenue``), amounts ``1234.56``, dates ``2025-12-31``, the bare CNPJ, ``ok``/``refused``.
``excel``, for a person, what Excel or LibreOffice in Portuguese opens as it should: UTF-8 with a
BOM, ``;``, the headings and words in the person's language (``TOTAL RECEITA BRUTA``,
``recusado``, ``Lucro Real``; codes unchanged), amounts always with two decimals
(``13001097,90``), dates ``31/12/2025`` with four-digit years, the CNPJ
masked (so that Excel keeps it as text, with its leading zeros), and a text cell that Excel would
take for a formula (``=``, ``+``, ``-``, ``@``) starts with ``'``. Both are written as bytes,
whatever the console's encoding.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any, Literal

from ..base._cnpj import format_cnpj
from ..base._errors import EcfError, EcfFormatError, MetricUnavailableError, os_error_message
from ..base._i18n import get_language, tr
from ..model._labels import (
    COMPONENT_WORDS,
    COMPONENTS,
    FILE_STATUS_WORDS,
    REGIME_NAMES,
    SEVERITY_WORDS,
    column_label,
)
from ..model._model import RevenueMetric

if TYPE_CHECKING:
    from ..reading._validate import ValidationReport

Dialect = Literal["csv", "excel"]

#: One row per file (``--csv``, ``--excel``).
CSV_COLUMNS = (
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
)

#: One row per line read (``--lines FILE``): the metric's ``lines``, cross-check lines included
#: (their ``component`` is empty and their amount is signed).
LINE_COLUMNS = (
    "file",
    "cnpj",
    "reference_year",
    "period",
    "line_number",
    "record",
    "code",
    "description",
    "amount",
    "component",
)

#: One row per finding (``--check --csv``, ``--check --excel``).
FINDING_COLUMNS = ("file", "severity", "code", "line_number", "record", "message")

#: The keys of a refusal's ``error`` object in ``--json``, always all of them.
ERROR_KEYS = ("code", "message", "line_number", "record", "field")

# The command line's own codes, for a file that cannot be opened at all.
_OS_CODES: tuple[tuple[type[OSError], str], ...] = (
    (FileNotFoundError, "FILE_NOT_FOUND"),
    (PermissionError, "PERMISSION_DENIED"),
    (IsADirectoryError, "IS_A_DIRECTORY"),
)

# Excel runs a cell that starts with one of these as a formula (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def refusal(path: str, error: EcfError | OSError) -> dict[str, Any]:
    """``{"file": path, "error": {"code", "message", "line_number", "record", "field"}}``."""
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
    return {"file": path, "error": {key: detail.get(key) for key in ERROR_KEYS}}


class Table:
    """Rows of cells written as CSV in one dialect."""

    def __init__(self, stream: IO[str], dialect: Dialect) -> None:
        import csv  # only the table options need it: a plain `ecfmetric FILE` starts without

        self.dialect = dialect
        self.writer = csv.writer(stream, delimiter=";" if dialect == "excel" else ",")

    def row(self, cells: Iterable[object]) -> None:
        """Write one row; ``None`` is an empty cell."""
        self.writer.writerow([self.cell(value) for value in cells])

    def cell(self, value: object) -> str:
        """One value as this dialect writes it."""
        if value is None:
            return ""
        excel = self.dialect == "excel"
        if isinstance(value, Decimal):
            text = f"{value:.2f}"
            return text.replace(".", ",") if excel else text
        if isinstance(value, dt.date):
            return f"{value:%d/%m/%Y}" if excel else value.isoformat()
        if isinstance(value, int):
            return str(value)
        text = str(value)
        if excel and text.startswith(_FORMULA_STARTS):
            return "'" + text
        return text

    def status(self, status: str) -> str:
        """``ok``/``refused`` for programs; the word in the person's language for Excel."""
        return status if self.dialect != "excel" else FILE_STATUS_WORDS[get_language()][status]

    def regime(self, metric: RevenueMetric) -> str | None:
        """The regime's value (``lucro_real``), or its name (``Lucro Real``) for Excel."""
        if metric.regime is None:
            return None
        return metric.regime.value if self.dialect != "excel" else REGIME_NAMES[metric.regime]

    def component(self, name: str | None) -> str | None:
        """A component's key, or its words (``receita bruta``) for Excel."""
        if self.dialect != "excel":
            return name
        return COMPONENT_WORDS[get_language()][name] or None

    def severity(self, severity: str) -> str:
        """``error``/``warning``, or ``erro``/``aviso`` for Excel."""
        return severity if self.dialect != "excel" else SEVERITY_WORDS[get_language()][severity]

    def cnpj(self, value: str | None) -> str | None:
        """The CNPJ as this dialect shows it: bare, or masked for Excel."""
        if value is None or self.dialect != "excel" or len(value) != 14:
            return value
        return format_cnpj(value)


class Rows(Table):
    """The rows of the Excel dialect kept as values (``Decimal``, ``date``, text) for a
    spreadsheet that formats them itself (:mod:`._xlsx`)."""

    def __init__(self) -> None:
        self.dialect = "excel"
        self.rows: list[list[object]] = []

    def row(self, cells: Iterable[object]) -> None:
        """Keep one row as it is."""
        self.rows.append(list(cells))


def write_workbook(binary: IO[bytes], header: Sequence[str], rows: Rows, sheet: str) -> None:
    """``rows`` as an ``.xlsx`` sheet, headed in the person's language."""
    from ._xlsx import write_xlsx

    lang = get_language()
    write_xlsx(binary, [column_label(column, lang) for column in header], rows.rows, sheet)


@contextmanager
def table(binary: IO[bytes], dialect: Dialect, header: Sequence[str]) -> Iterator[Table]:
    """A :class:`Table` writing to ``binary`` (left open), its header row already written."""
    text = io.TextIOWrapper(
        binary, encoding="utf-8-sig" if dialect == "excel" else "utf-8", newline=""
    )
    try:
        out = Table(text, dialect)
        if dialect == "excel":
            header = [column_label(column, get_language()) for column in header]
        out.writer.writerow(header)
        yield out
    finally:
        text.flush()
        text.detach()


def metric_row(
    out: Table, path: str, metric: RevenueMetric | None, error: dict[str, Any] | None
) -> None:
    """One file's row of :data:`CSV_COLUMNS`."""
    if metric is None:
        assert error is not None
        detail = error["error"]
        out.row(
            [
                path,
                out.status("refused"),
                *([None] * (len(CSV_COLUMNS) - 4)),
                detail["code"],
                detail["message"],
            ]
        )
        return
    out.row(
        [
            path,
            out.status("ok"),
            out.cnpj(metric.cnpj),
            metric.company_name,
            metric.reference_year,
            metric.period_start,
            metric.period_end,
            out.regime(metric),
            *(getattr(metric, name) for name in COMPONENTS),
            " ".join(sorted({w.code for w in metric.warnings})) or None,
            None,
            None,
        ]
    )


def line_rows(out: Table, path: str, metric: RevenueMetric) -> None:
    """Every line the metric read, as rows of :data:`LINE_COLUMNS`."""
    cnpj = out.cnpj(metric.cnpj)
    for line in metric.lines:
        out.row(
            [
                path,
                cnpj,
                metric.reference_year,
                line.period,
                line.line_number,
                line.record,
                line.code,
                line.description,
                line.amount,
                out.component(line.component),
            ]
        )


def finding_rows(out: Table, path: str, report: ValidationReport) -> None:
    """A validation report's findings, as rows of :data:`FINDING_COLUMNS`."""
    for f in report.findings:
        out.row([path, out.severity(f.severity), f.code, f.line_number, f.record, f.message])
