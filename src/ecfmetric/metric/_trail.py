"""What one computation records as it goes, beside its figures: the file's name (which its
refusals name), its warnings, and the source line of every value it read."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from ..base._i18n import Message
from ..facts._collect import DreLine, Period, TableLine
from ..model._model import Component, Finding, SourceLine


class Trail:
    """One computation's file name, warnings (the collector's first) and source lines."""

    def __init__(self, source: str | None, warnings: Iterable[Finding]) -> None:
        self.source = source
        self.warnings: list[Finding] = list(warnings)
        self.lines: list[SourceLine] = []

    def warn(
        self, code: str, message: Message, line_number: int | None = None, record: str | None = None
    ) -> None:
        self.warnings.append(Finding(code, message, line_number, record))

    def warned(self, code: str) -> bool:
        """Whether a warning with ``code`` was given (some are given once per file)."""
        return any(w.code == code for w in self.warnings)

    def dre_line(
        self,
        line: DreLine,
        record: str,
        period: Period,
        component: Component | None,
        amount: Decimal,
    ) -> None:
        """Record a DRE line read, with the component it went to and its signed amount."""
        self.lines.append(
            SourceLine(
                line.line_number,
                record,
                period.code,
                line.code,
                line.description,
                amount,
                component,
            )
        )

    def table_line(self, line: TableLine, period: Period, component: Component | None) -> None:
        """Record a P200, P300 or T120 line read, with the component it went to."""
        self.lines.append(
            SourceLine(
                line.line_number,
                line.record,
                period.code,
                line.code,
                line.description,
                line.value,
                component,
            )
        )
