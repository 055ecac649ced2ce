"""The structure of an ECF file: its blocks, how many records of each register it holds, and the
counters that state them (``x990``, ``9900``, ``9990``, ``9999``).

Counter and structure problems are errors in strict mode and warnings in lenient mode; they never
touch a figure. What feeds a figure is the collector's (``_collect.py``), refused in every mode.
"""

from __future__ import annotations

import re
from collections import Counter

from ..base._errors import EcfFormatError
from ..base._i18n import Message, tr
from ..base._quoting import quoted
from ..model._model import Finding
from ._layout import FIGURE_BLOCK_REGISTERS, FIGURE_REGISTERS

#: The most registers 9900 may list (the layout has under two hundred).
MAX_REGISTERS = 2_000
#: The most findings of one kind kept in a list; past it they are counted, not listed.
MAX_LISTED = 1_000

_COUNT = re.compile(rb"[0-9]{1,12}")


def count_of(text: bytes) -> int | None:
    """A counter field as an int; ``None`` unless it is 1 to 12 ASCII digits."""
    return int(text) if _COUNT.fullmatch(text) else None


class Structure:
    """Tracks blocks and counts records, in file order, and checks the file's own counters."""

    def __init__(self, *, strict: bool, report: bool, source: str | None) -> None:
        self.strict = strict
        self.report = report
        self.source = source
        #: Report mode (validate()): every error, in file order.
        self.errors: list[Finding] = []
        #: Lenient mode: the structural problems, reported as warnings of the metric.
        self.findings: list[Finding] = []
        self.suppressed = 0
        #: Lines of each block read() skips unsplit (its x990 count), for the 9900 totals.
        self.skipped_lines: dict[str, int] = {}
        #: Records per register (as bytes: the hot loop does not decode them).
        self.counts: Counter[bytes] = Counter()
        self.declared: dict[str, tuple[int, int]] = {}
        self.block: str | None = None
        #: The open block's letter as a byte value (-1 when none is), for the hot loop.
        self.block_byte = -1
        #: The same, but -1 in the blocks of figures (L, P, T, U): their every line is looked
        #: at one by one, never only counted (an unknown register there may be a lost figure).
        self.plain_byte = -1
        self.block_start = 0
        self.nine_start = 0
        self.saw_nine = False
        self.saw_9990 = False
        self.finished = False
        self.end_line = 0
        #: Blocks whose every record is counted (``None``: all); others are skipped unsplit.
        self.full_blocks: frozenset[str] | None = None

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
        return EcfFormatError(
            reason,
            line_number=number,
            record=record,
            field=field,
            text=text,
            source=self.source,
            code=code,
        )

    def problem(
        self,
        reason: Message,
        number: int,
        record: str | None = None,
        field: str | None = None,
        *,
        code: str = "COUNT_MISMATCH",
        text: str | None = None,
        always: bool = False,
    ) -> None:
        """A counter or structure problem: an error when strict, a warning when lenient.

        ``always``: an error in both modes (a counter of a record that carries a figure).
        """
        if not self.strict and not always:
            self.listed(self.findings, Finding(code, reason, number, record))
        elif self.report:
            message = reason if text is None else quoted(reason, text)
            self.listed(self.errors, Finding(code, message, number, record, "error"))
        else:
            raise self.error(reason, number, record, field, text, code=code)

    def listed(self, findings: list[Finding], finding: Finding) -> None:
        # A hostile file may have millions of bad lines: list the first ones, count the rest.
        if len(findings) < MAX_LISTED:
            findings.append(finding)
        else:
            self.suppressed += 1

    # -- blocks ------------------------------------------------------------------------------

    def first_record(self) -> None:
        self.counts[b"0000"] += 1
        self.set_block("0")
        self.block_start = 1

    def open_block(self, reg: str, number: int) -> None:
        letter = reg[0]
        if letter == "0":
            if self.block != "0" or number != 2:
                self.problem(
                    tr("0001 must be the second line, right after 0000"),
                    number,
                    reg,
                    code="BLOCK_STRUCTURE",
                )
            return
        if self.block is not None:
            self.problem(
                tr(
                    "block {block} opens while block {open} is not closed by {open}990",
                    block=letter,
                    open=self.block,
                ),
                number,
                reg,
                code="BLOCK_STRUCTURE",
            )
        self.set_block(letter)
        self.block_start = number
        if letter == "9":
            self.nine_start = number
            self.saw_nine = True

    def close_block(self, reg: str, number: int, line: bytes) -> None:
        letter = reg[0]
        parts = line.split(b"|", 3)
        declared = count_of(parts[2]) if len(parts) > 3 else None
        if self.block != letter:
            self.problem(
                tr("{record} closes block {block}, which is not open", record=reg, block=letter),
                number,
                reg,
                code="BLOCK_STRUCTURE",
            )
            self.set_block(None)
            return
        if letter == "9":
            return
        counted = number - self.block_start + 1
        if not self.counted_in_full(reg):
            self.skipped_lines[letter] = self.skipped_lines.get(letter, 0) + counted
        # Block 0 counts from 0000 in SPED practice; a count from 0001 is accepted too.
        accepted = {counted, counted - 1} if letter == "0" else {counted}
        if declared not in accepted:
            self.problem(
                tr(
                    "{record} declares {declared!r} lines in block {block}, but the block has "
                    "{counted}",
                    record=reg,
                    declared=declared,
                    block=letter,
                    counted=counted,
                ),
                number,
                reg,
                "QTD_LIN",
            )
        self.set_block(None)

    def set_block(self, letter: str | None) -> None:
        self.block = letter
        self.block_byte = -1 if letter is None else ord(letter)
        self.plain_byte = -1 if letter is None or letter in FIGURE_BLOCK_REGISTERS else ord(letter)

    # -- counters ----------------------------------------------------------------------------

    def r9900(self, number: int, fields: list[bytes]) -> None:
        if len(fields) < 5:
            raise self.error(
                tr("9900 needs REG_BLC and QTD_REG_BLC"), number, "9900", code="MISSING_FIELD"
            )
        raw_reg = fields[2]
        reg = raw_reg.decode("latin-1")
        count = count_of(fields[3])
        if len(raw_reg) != 4 or not raw_reg.isalnum():
            self.problem(
                tr("9900.REG_BLC must be a 4-character register"),
                number,
                "9900",
                "REG_BLC",
                text=reg,
            )
            return
        if count is None:
            self.problem(
                tr("9900 count for {record} is not a whole number", record=reg),
                number,
                "9900",
                "QTD_REG_BLC",
            )
            return
        if reg in self.declared:
            self.problem(tr("9900 lists {record} twice", record=reg), number, "9900", "REG_BLC")
        elif len(self.declared) >= MAX_REGISTERS:
            raise self.error(
                tr("more than {limit} registers listed in 9900", limit=MAX_REGISTERS),
                number,
                "9900",
                code="TOO_MANY_LINES",
            )
        self.declared[reg] = (count, number)

    def r9990(self, number: int, line: bytes) -> None:
        self.saw_9990 = True
        parts = line.split(b"|", 3)
        declared = count_of(parts[2]) if len(parts) > 3 else None
        # 9990 comes right before 9999, which it counts too.
        counted = number + 1 - self.nine_start + 1
        if declared != counted:
            self.problem(
                tr(
                    "9990 declares {declared!r} lines in block 9, but the block has {counted}",
                    declared=declared,
                    counted=counted,
                ),
                number,
                "9990",
                "QTD_LIN",
            )

    def r9999(self, number: int, fields: list[bytes]) -> None:
        """The last record, wherever it stands: the file is whole; its counters are checked."""
        self.finished = True
        self.end_line = number
        text = fields[2].decode("latin-1") if len(fields) > 3 else ""
        if len(fields) < 4 or count_of(fields[2]) != number:
            self.problem(
                tr(
                    "9999 declares {declared!r} lines, but the file has {counted} lines up to 9999",
                    declared=text,
                    counted=number,
                ),
                number,
                "9999",
                "QTD_LIN",
            )
        if not self.saw_nine:
            self.problem(
                tr("the file has no block 9 (9001 … 9990) before 9999"),
                number,
                "9999",
                code="BLOCK_STRUCTURE",
            )
        elif self.block != "9" or not self.saw_9990:
            open_block = self.block or "9"
            self.problem(
                tr("block {block} is not closed by {block}990", block=open_block),
                number,
                "9999",
                code="BLOCK_STRUCTURE",
            )
        self.check_9900(number)

    def check_9900(self, number: int) -> None:
        # Only registers of the blocks read line by line are counted; the others are skipped
        # unsplit for speed and checked by validate().
        declared = self.declared
        counts = {reg.decode("ascii"): n for reg, n in self.counts.items()}
        for reg, counted in sorted(counts.items()):
            if not self.counted_in_full(reg):
                continue
            expected = declared.get(reg)
            # (A file without any 9900 line has no count to hold a figure's record to.)
            figure = reg in FIGURE_REGISTERS and bool(declared)
            if expected is None:
                self.problem(
                    tr(
                        "9900 has no line for {record}, which appears {counted} time(s)",
                        record=reg,
                        counted=counted,
                    ),
                    number,
                    "9900",
                    always=figure,
                )
            elif expected[0] != counted:
                self.problem(
                    tr(
                        "9900 declares {declared} {record} record(s), but the file has {counted}",
                        declared=expected[0],
                        record=reg,
                        counted=counted,
                    ),
                    expected[1],
                    "9900",
                    "QTD_REG_BLC",
                    always=figure,
                )
        self._check_skipped_totals(number)
        for reg, (count, line_number) in declared.items():
            if self.counted_in_full(reg) and reg not in counts and count != 0:
                self.problem(
                    tr(
                        "9900 declares {declared} {record} record(s), but there is none",
                        declared=count,
                        record=reg,
                    ),
                    line_number,
                    "9900",
                    always=reg in FIGURE_REGISTERS,
                )

    def _check_skipped_totals(self, number: int) -> None:
        """A block read() skips unsplit is not counted per register, but its lines are: the 9900
        counts of its registers must add up to them (as validate() checks each register)."""
        for letter, lines in sorted(self.skipped_lines.items()):
            listed = [(n, line) for reg, (n, line) in self.declared.items() if reg[0] == letter]
            total = sum(n for n, _ in listed)
            if total != lines:
                self.problem(
                    tr(
                        "9900 declares {declared} record(s) of block {block} in all, but the "
                        "block has {counted} lines",
                        declared=total,
                        block=letter,
                        counted=lines,
                    ),
                    min((line for _, line in listed), default=number),
                    "9900",
                    "QTD_REG_BLC",
                )

    def counted_in_full(self, reg: str) -> bool:
        return self.full_blocks is None or reg[0] in self.full_blocks
