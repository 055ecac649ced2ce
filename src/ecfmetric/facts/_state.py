"""What the collector holds while it reads a file, and the helpers every record's reader uses.

The record readers (``_header``, ``_periods``, ``_figures``, ``_known``, ``_block9``) are
functions of a :class:`State`; :class:`~._collect.Collector` is a State that drives them.
"""

from __future__ import annotations

from ..base._errors import EcfFormatError
from ..base._i18n import Message
from ..ecf._decoding import TextDecoder
from ..ecf._limits import Limits
from ..ecf._structure import Structure
from ._data import FileData, Period
from ._messages_lines import missing_field


class State:
    """The collector's state: the file's facts so far, the period open, the budgets spent."""

    def __init__(
        self,
        *,
        strict: bool,
        source: str | None = None,
        report: bool = False,
        limits: Limits | None = None,
    ) -> None:
        self.strict = strict
        self.limits = limits
        self.source = source
        #: Report mode (validate()): errors are collected in ``errors`` instead of raised.
        self.report = report
        self.structure = Structure(strict=strict, report=report, source=source)
        self.broken_period: str | None = None
        self.decoder = TextDecoder()
        self.data: FileData | None = None
        self.period: Period | None = None
        self.seen_periods: dict[tuple[str, str], int] = {}
        self.plans: dict[str, tuple[str, ...]] = {}
        self.kept_lines = 0
        self.kept_bytes = 0
        #: (record, period line) → (RFB plan, code → S/A types in force), or no table.
        self.known: dict[tuple[str, int], tuple[str, dict[str, str] | None]] = {}
        self.not_checked: set[tuple[str, int]] = set()
        self.type_warned: set[tuple[str, str]] = set()
        self.pva_warnings = 0

    def error(
        self,
        reason: Message,
        number: int | None,
        record: str | None = None,
        field: str | None = None,
        text: str | None = None,
        *,
        code: str,
    ) -> EcfFormatError:
        return self.structure.error(reason, number, record, field, text, code=code)

    def text(self, raw: bytes, number: int, line: bytes) -> str:
        return self.decoder.decode(raw, number, line)

    def field(self, fields: list[bytes], number: int, reg: str, index: int, name: str) -> bytes:
        # fields[0] is the empty text before the first "|": manual field n is fields[n].
        if index >= len(fields) - 1:
            raise self.error(missing_field(name, index), number, reg, name, code="MISSING_FIELD")
        return fields[index]

    def field_text(
        self, fields: list[bytes], number: int, reg: str, index: int, name: str, line: bytes
    ) -> str:
        """Field ``index`` (called ``name``) of ``reg``, decoded; refused when missing."""
        return self.text(self.field(fields, number, reg, index, name), number, line)
