"""The facts a file gives the metric (:class:`FileData`), and how the collector stops."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from ..base._errors import EcfFormatError
from ..model._model import Finding
from ..rules._parameters import Header, Parameters

__all__ = [
    "DreLine",
    "FileData",
    "Header",
    "NoHeader",
    "Parameters",
    "Period",
    "SkipRecord",
    "TableLine",
    "finding_of",
]


@attrs.define
class DreLine:
    """One line of L300, P150 or U150, signed by ``IND_VALOR`` (``C`` +, ``D`` −)."""

    line_number: int
    code: str
    description: str
    kind: str
    value: Decimal
    indicator: str


@attrs.define
class TableLine:
    """One line of P200, P300, T120 or T150 (``CODIGO``, ``DESCRICAO``, signed ``VALOR``)."""

    line_number: int
    record: str
    code: str
    description: str
    value: Decimal


@attrs.define
class Period:
    """One ``x030`` period and the lines read under it."""

    block: str
    code: str
    start: dt.date
    end: dt.date
    line_number: int
    dre: dict[str, DreLine] = attrs.Factory(dict)
    tables: list[TableLine] = attrs.Factory(list)
    #: Whether the period has any L300/P150/U150 line, kept or not.
    has_dre: bool = False
    #: Whether the period has a revenue line of its table: P200 revenue code, P300 16, any T120.
    has_revenue_table: bool = False
    #: Records of the period's tables seen (kept or not), for the "missing" message.
    table_records: set[str] = attrs.Factory(set)
    #: (record, code) → line number of every line kept, to refuse repeats.
    seen: dict[tuple[str, str], int] = attrs.Factory(dict)

    @property
    def record(self) -> str:
        return f"{self.block}030"


@attrs.define
class FileData:
    """Everything the metric is computed from."""

    header: Header
    parameters: Parameters | None = None
    periods: list[Period] = attrs.Factory(list)
    y540_total: Decimal | None = None
    y540_line: int | None = None
    warnings: list[Finding] = attrs.Factory(list)
    end_line: int = 0


class SkipRecord(Exception):
    """A record that cannot be read because what it depends on was refused (report mode)."""


class NoHeader(Exception):
    """Report mode: the 0000 record could not be read, so there is no metric to compute."""


def finding_of(error: EcfFormatError) -> Finding:
    """An error as an error-severity finding of a validation report."""
    return Finding(error.code, error.reason_with_text(), error.line_number, error.record, "error")
