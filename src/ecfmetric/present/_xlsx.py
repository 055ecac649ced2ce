"""``--xlsx OUT``: the files read as an Excel workbook, for people (optional extra ``xlsx``).

Sheet 1, one row per file (:data:`ecfmetric.FILE_COLUMNS`, the rows of ``--csv``) and a total
row; sheet 2, every line read (the rows of ``--lines``). Headers in the language in use, frozen.
Money cells are numbers (written from the ``Decimal``, exactly) with the format ``#,##0.00``,
which Excel in pt-BR shows as ``1.234,56``; dates are date cells shown ``dd/mm/yyyy``; the CNPJ
is masked text (its leading zeros kept). Text is always text: a company name or a description
that starts with ``=`` is never a formula.

openpyxl writes it: one well-kept library that also reads the workbook back (the tests do), with
no compiled parts.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections.abc import Sequence
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any

from ..base._cnpj import format_cnpj
from ..base._i18n import Language, noop
from ..model._labels import COLUMN_WORDS, COMPONENT_WORDS, WORDS, labels
from ..model._model import MONEY_FIELDS
from ..model._rows import FILE_COLUMNS, metric_row, refused_row
from ._cli_export import LINE_COLUMNS
from ._outputs import FileResult, Output, Renderer

if TYPE_CHECKING:
    from ..model._model import RevenueMetric
    from ..types import RefusalDict

MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "dd/mm/yyyy"

#: What is missing when the extra is not installed.
MISSING = noop("--xlsx needs openpyxl: pip install 'ecfmetric[xlsx]'")

_HEADERS: dict[Language, dict[str, str]] = COLUMN_WORDS  # the one source of the headings

#: The columns of the lines sheet.
LINE_SHEET_COLUMNS = (*LINE_COLUMNS, "component_label")

_WIDTHS = {
    "file": 40,
    "company_name": 40,
    "description": 50,
    "error": 60,
    "cnpj": 20,
    "regime_label": 28,
    "component_label": 22,
}


def available() -> bool:
    """Whether openpyxl can be imported."""
    return importlib.util.find_spec("openpyxl") is not None


class Xlsx(Renderer):
    """``--xlsx OUT``: the metrics read, as a workbook."""

    def missing(self) -> str | None:
        return None if available() else MISSING

    def metrics(self, results: Sequence[FileResult], output: Output) -> None:
        write_workbook(
            output.opened(), [(r.path, r.metric, r.refusal) for r in results], output.lang
        )


XLSX = Xlsx()


def header(column: str, lang: Language) -> str:
    """A column's header in ``lang``: the portal's label for money, else a word or two."""
    if column in MONEY_FIELDS:
        return labels(lang)[column]
    return _HEADERS[lang][column]


def write_workbook(
    out: IO[bytes],
    results: Sequence[tuple[str, RevenueMetric | None, RefusalDict | None]],
    lang: Language,
) -> None:
    """Write ``results`` (``(file, metric, refusal)``, one of the last two set) to ``out``."""
    from openpyxl import Workbook  # seam: the optional extra xlsx, needed only to write

    book = Workbook()
    files = book.active
    files.title = WORDS[lang]["xlsx.files_sheet"]
    rows = [
        metric_row(metric, path) if metric is not None else refused_row(_given(refusal))
        for path, metric, refusal in results
    ]
    _table(files, FILE_COLUMNS, rows, lang)
    _total(files, rows, lang)

    lines = book.create_sheet(WORDS[lang]["xlsx.lines_sheet"])
    words = COMPONENT_WORDS[lang]
    line_rows = [
        {
            "file": path,
            "cnpj": metric.cnpj,
            "reference_year": metric.reference_year,
            "period": line.period,
            "line_number": line.line_number,
            "record": line.record,
            "code": line.code,
            "description": line.description,
            "amount": line.amount,
            "component": line.component,
            "component_label": words[line.component],
        }
        for path, metric, _ in results
        if metric is not None
        for line in metric.lines
    ]
    _table(lines, LINE_SHEET_COLUMNS, line_rows, lang)
    book.save(out)


def _given(refusal: RefusalDict | None) -> RefusalDict:
    assert refusal is not None
    return refusal


def _table(
    sheet: Any, columns: Sequence[str], rows: Sequence[dict[str, Any]], lang: Language
) -> None:
    from openpyxl.styles import Font  # seam: the optional extra xlsx
    from openpyxl.utils import get_column_letter  # seam: the optional extra xlsx

    bold = Font(bold=True)
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=header(column, lang))
        cell.font = bold
        width = _WIDTHS.get(column, 18 if column in MONEY_FIELDS or column == "amount" else 12)
        sheet.column_dimensions[get_column_letter(index)].width = width
    for number, row in enumerate(rows, start=2):
        for index, column in enumerate(columns, start=1):
            _put(sheet.cell(row=number, column=index), column, row[column])
    sheet.freeze_panes = "A2"


def _put(cell: Any, column: str, value: object) -> None:
    if value is None:
        return
    if isinstance(value, Decimal):
        cell.value = value
        cell.number_format = MONEY_FORMAT
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, int):
        cell.value = value
    else:
        text = str(value)
        if column == "cnpj" and len(text) == 14:
            text = format_cnpj(text)
        cell.value = text
        cell.data_type = "s"  # never a formula, whatever the text starts with


def _total(sheet: Any, rows: Sequence[dict[str, Any]], lang: Language) -> None:
    """The total of each money column over the files read; empty where a file read does not
    state that component (a sum without it would be a wrong number)."""
    from openpyxl.styles import Font  # seam: the optional extra xlsx

    read = [row for row in rows if row["status"] == "ok"]
    number = len(rows) + 2
    label = sheet.cell(row=number, column=1, value=WORDS[lang]["xlsx.total"])
    label.font = Font(bold=True)
    for name in MONEY_FIELDS:
        values = [row[name] for row in read]
        if not values or None in values:
            continue
        cell = sheet.cell(row=number, column=FILE_COLUMNS.index(name) + 1)
        _put(cell, name, sum(values, Decimal("0.00")))
        cell.font = Font(bold=True)
