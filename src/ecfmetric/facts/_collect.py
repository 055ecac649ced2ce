"""From numbered raw lines to the facts the metric needs: identity, parameters, periods, lines.

One pass, in file order. Each line is checked against the record grammar (``ecf/_grammar``) and
the block structure; the records the metric reads are split and handed to their reader, one per
register in the table ``_records.READERS``; every other record is only counted. The file's
structure and counters are :class:`~ecfmetric.ecf._structure.Structure`'s; what feeds a figure
is refused here in every mode (lenient relaxes counters, never a line that may carry an amount).

Where the rest lives: the first line, 0000 and 0010 in ``_header``; the periods in ``_periods``;
the figures in ``_figures`` and the RFB's tables in ``_known``; block 9 in ``_block9``; the end
of the reading in ``_report``; the facts themselves in ``_data``; every message in ``_messages_*``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..base._errors import EcfFormatError
from ..ecf._grammar import cut_signature, is_record, not_a_record, strip_eol
from ..ecf._layout import FIGURE_BLOCK_REGISTERS
from ..ecf._limits import Limits
from ..ecf._lines import BLOCK_EDGES, MAX_LINE_LENGTH, RECORD_ENDS, line_too_long
from ..model._model import Finding
from . import _messages_lines as say
from ._data import (
    DreLine,
    FileData,
    Header,
    NoHeader,
    Parameters,
    Period,
    SkipRecord,
    TableLine,
    finding_of,
)
from ._header import first_line
from ._records import READERS, REGISTERS_READ
from ._report import finish, too_many_lines
from ._state import State

__all__ = [
    "MAX_FIELDS",
    "Collector",
    "DreLine",
    "FileData",
    "Header",
    "NoHeader",
    "Parameters",
    "Period",
    "TableLine",
    "finding_of",
]

#: The most fields a record may have; more is refused (a hostile file cannot make us split
#: a line into millions of fields). The widest ECF record has well under a hundred.
MAX_FIELDS = 512

#: Blocks whose records feed the metric: a malformed or misplaced line there is never skipped.
METRIC_BLOCKS = frozenset("0LPTU")
_METRIC_LETTERS = frozenset(b"LPTUlptu")


class Collector(State):
    """Consumes ``(line_number, raw_line)`` pairs and builds :class:`FileData`."""

    @property
    def registers_read(self) -> frozenset[bytes]:
        """The registers read field by field (every other record is only counted)."""
        return REGISTERS_READ

    @property
    def errors(self) -> list[Finding]:
        """Report mode: every error found, in file order."""
        return self.structure.errors

    @property
    def counts(self) -> Counter[bytes]:
        return self.structure.counts

    @property
    def full_blocks(self) -> frozenset[str] | None:
        return self.structure.full_blocks

    @full_blocks.setter
    def full_blocks(self, blocks: frozenset[str] | None) -> None:
        self.structure.full_blocks = blocks

    def feed(self, lines: Iterable[tuple[int, bytes]]) -> FileData:
        """Consume lines up to the ``9999`` record and return what was collected.

        In report mode an error does not stop the reading: it is recorded in ``errors`` and the
        next line is read (a file whose ``0000`` cannot be read still has its structure checked).
        """
        structure = self.structure
        counts = structure.counts
        special = REGISTERS_READ
        limits = self.limits or Limits()
        max_lines = limits.lines
        max_read = limits.read_lines
        read_lines = 0
        for number, raw in lines:
            read_lines += 1
            if number > max_lines or read_lines > max_read:
                raise too_many_lines(self, number, read_lines > max_read)
            # The common case, a well-formed record that no reader reads and that neither opens
            # nor closes a block, is only counted: the same checks as _line, inline (a record of
            # the grammar, ecf/_grammar.is_record, whose register's letter is the open block's).
            register = raw[1:5]
            if (
                raw[5:6] == b"|"
                and raw[:1] == b"|"
                and register not in special
                and raw[1] == structure.plain_byte
                and raw[2:5] not in BLOCK_EDGES
                and raw.endswith(RECORD_ENDS)
                and register[1:].isdigit()
                and len(raw) <= MAX_LINE_LENGTH
                and number > 1
            ):
                counts[register] += 1
                continue
            try:
                self._line(number, raw)
            except SkipRecord:
                pass
            except EcfFormatError as error:
                # A budget spent stops the reading in report mode too (that is its point).
                if not self.report or error.code in ("NOT_ECF", "TOO_MANY_LINES"):
                    raise
                structure.listed(structure.errors, finding_of(error))
            if structure.finished:
                break
        if structure.end_line > max_lines:
            raise too_many_lines(self, structure.end_line, False)
        return finish(self)

    def _line(self, number: int, raw: bytes) -> None:
        if number == 1:
            first_line(self, raw)
            return
        line = cut_signature(strip_eol(raw))
        if len(line) > MAX_LINE_LENGTH:
            raise line_too_long(number, source=self.source)
        if not is_record(line):
            self._malformed(number, line)
            return
        reg = line[1:5].decode("ascii")
        structure = self.structure
        structure.counts[line[1:5]] += 1
        kind = reg[1:]
        if reg == "9999":
            pass  # the last record, wherever it stands
        elif kind == "001":
            structure.open_block(reg, number)
        elif kind == "990":
            structure.close_block(reg, number, line)
        elif reg[0] != structure.block:
            reason = say.out_of_block(reg, structure.block)
            if reg[0] in METRIC_BLOCKS or structure.block in FIGURE_BLOCK_REGISTERS:
                # Out of its block, a record that may carry an amount cannot be placed; inside a
                # block of figures, another block's record may be a damaged figure: refused.
                raise self.error(reason, number, reg, code="BLOCK_STRUCTURE")
            structure.problem(reason, number, reg, code="BLOCK_STRUCTURE")
            return
        elif reg[0] in FIGURE_BLOCK_REGISTERS and reg not in FIGURE_BLOCK_REGISTERS[reg[0]]:
            known = ", ".join(sorted(FIGURE_BLOCK_REGISTERS[reg[0]]))
            raise self.error(say.unknown_register(reg, known), number, reg, code="UNKNOWN_RECORD")
        reader = READERS.get(reg)
        if reader is not None:
            fields = line.split(b"|")
            if len(fields) > MAX_FIELDS + 2:
                raise self.error(
                    say.too_many_fields(MAX_FIELDS), number, reg, code="TOO_MANY_FIELDS"
                )
            if self.data is None and reg[0] != "9":
                raise SkipRecord  # report mode: 0000 was refused, nothing to attach this to
            reader(self, number, line, fields)

    def _malformed(self, number: int, line: bytes) -> None:
        reason = say.empty_line() if not line.strip() else not_a_record()
        probe = line.lstrip(b" \t\x00")
        looks_metric = probe[:1] == b"|" and probe[1:2] != b"" and probe[1] in _METRIC_LETTERS
        record = probe[1:5].decode("latin-1") if probe[1:5].isalnum() else None
        block = self.structure.block
        if block in METRIC_BLOCKS or looks_metric:
            # A line that may be a record the metric reads cannot be skipped, even leniently.
            raise self.error(
                say.malformed_in_metric_block(reason, block)
                if block in METRIC_BLOCKS
                else say.malformed_like_metric(reason),
                number,
                record,
                text=self.text(line, number, line)[:60],
                code="MALFORMED_LINE",
            )
        self.structure.problem(
            reason, number, code="MALFORMED_LINE", text=self.text(line, number, line)[:60]
        )
