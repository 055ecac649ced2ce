"""What the command line writes for programs: refusals as data, and tables as CSV.

Two CSV dialects with the same columns. ``csv``: UTF-8, ``,``, amounts ``1234.56``, dates
``2025-12-31``, the bare CNPJ. ``excel``: what Excel in Portuguese opens as it should: UTF-8 with
a BOM, ``;``, amounts ``1234,56``, dates ``31/12/2025``, the CNPJ masked (so that Excel keeps it as
text, with its leading zeros), and a text cell that Excel would take for a formula (``=``, ``+``,
``-``, ``@``) starts with ``'``. Both are written as bytes, whatever the console's encoding.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any

from ..base._cnpj import format_cnpj
from ..base._i18n import get_language
from ..model._labels import FILE_STATUS_WORDS, SEVERITY_WORDS, column_label
from ..model._model import RevenueMetric
from ..model._rows import ERROR_KEYS, FILE_COLUMNS, refusal, refused_row
from ..model._rows import metric_row as _row
from ._outputs import Dialect, FileCheck, FileResult, Output, Renderer

if TYPE_CHECKING:
    from ..reading._validate import ValidationReport
    from ..types import RefusalDict

__all__ = [
    "CSV_COLUMNS",
    "ERROR_KEYS",
    "FINDING_COLUMNS",
    "LINE_COLUMNS",
    "Dialect",
    "Table",
    "finding_rows",
    "line_rows",
    "metric_row",
    "refusal",
    "table",
]

#: One row per file (``--csv``, ``--excel``, ``--xlsx``): :data:`ecfmetric.FILE_COLUMNS`.
CSV_COLUMNS = FILE_COLUMNS

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

# Excel runs a cell that starts with one of these as a formula (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Table:
    """Rows of cells written as CSV in one dialect."""

    def __init__(self, stream: IO[str], dialect: Dialect) -> None:
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

    def severity(self, severity: str) -> str:
        """``error``/``warning``, or ``erro``/``aviso`` for Excel."""
        return severity if self.dialect != "excel" else SEVERITY_WORDS[get_language()][severity]

    def cnpj(self, value: str | None) -> str | None:
        """The CNPJ as this dialect shows it: bare, or masked for Excel."""
        if value is None or self.dialect != "excel" or len(value) != 14:
            return value
        return format_cnpj(value)


@contextmanager
def table(binary: IO[bytes], dialect: Dialect, header: Sequence[str]) -> Iterator[Table]:
    """A :class:`Table` writing to ``binary`` (left open), its header row already written."""
    text = io.TextIOWrapper(
        binary, encoding="utf-8-sig" if dialect == "excel" else "utf-8", newline=""
    )
    try:
        out = Table(text, dialect)
        if dialect == "excel":  # for a person: the headings in the person's language
            header = [column_label(column, get_language()) for column in header]
        out.writer.writerow(header)
        yield out
    finally:
        text.flush()
        text.detach()


def metric_row(
    out: Table, path: str, metric: RevenueMetric | None, error: RefusalDict | None
) -> None:
    """One file's row of :data:`CSV_COLUMNS`: :func:`ecfmetric.RevenueMetric.to_row` (or the
    refusal's row), the CNPJ as the dialect shows it."""
    if metric is None:
        assert error is not None
        row = refused_row(error)
    else:
        row = _row(metric, path)
        row["cnpj"] = out.cnpj(metric.cnpj)
    row["status"] = out.status(row["status"])
    out.row(row[name] for name in CSV_COLUMNS)


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
                line.component,
            ]
        )


def finding_rows(out: Table, path: str, report: ValidationReport) -> None:
    """A validation report's findings, as rows of :data:`FINDING_COLUMNS`."""
    for f in report.findings:
        out.row([path, out.severity(f.severity), f.code, f.line_number, f.record, f.message])


class Csv(Renderer):
    """``--csv`` and ``--excel`` on standard output: one row per file, or (``--check``) one row
    per finding, in the dialect of the format's row."""

    def metrics(self, results: Sequence[FileResult], output: Output) -> None:
        with _stdout_table(output.dialect, CSV_COLUMNS) as out:
            for r in results:
                metric_row(out, r.path, r.metric, r.refusal)

    def checks(self, checked: Sequence[FileCheck], output: Output) -> None:
        with _stdout_table(output.dialect, FINDING_COLUMNS) as out:
            for c in checked:
                finding_rows(out, c.path, c.report)


class Lines(Renderer):
    """``--lines OUT``: every line read of every metric, in the dialect of the format chosen."""

    def metrics(self, results: Sequence[FileResult], output: Output) -> None:
        self._write([(r.path, r.metric) for r in results if r.metric is not None], output)

    def checks(self, checked: Sequence[FileCheck], output: Output) -> None:
        metrics = [(c.path, c.report.metric) for c in checked if c.report.metric is not None]
        self._write(metrics, output)

    def _write(self, metrics: Sequence[tuple[str, RevenueMetric | None]], output: Output) -> None:
        with table(output.opened(), output.dialect, LINE_COLUMNS) as out:
            for path, metric in metrics:
                assert metric is not None
                line_rows(out, path, metric)


CSV = Csv()
LINES = Lines()


@contextmanager
def _stdout_table(dialect: Dialect, header: Sequence[str]) -> Iterator[Table]:
    # CSV is bytes in a fixed encoding, whatever the console's: written under the text layer.
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stdout (tests, IDEs): the text is the same
        binary = _TextSink(sys.stdout)
        with table(binary, dialect, header) as out:  # type: ignore[arg-type]
            yield out
        return
    with table(buffer, dialect, header) as out:
        yield out
    buffer.flush()


class _TextSink:
    """A binary writer onto a text stream that has no ``buffer`` (UTF-8 decoded back)."""

    def __init__(self, text: IO[str]) -> None:
        self.text = text

    def write(self, data: bytes) -> int:
        self.text.write(data.decode("utf-8"))
        return len(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.text, name)
