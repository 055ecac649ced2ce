"""From numbered raw lines to the facts the metric needs: identity, parameters, periods, lines.

One pass, in file order. Records are dispatched through a table keyed by register; only the
records the metric reads are split, and only their fields the metric reads are parsed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from decimal import Decimal

import attrs

from ._cnpj import cnpj_is_valid
from ._decoding import UTF8_BOM, TextDecoder
from ._errors import EcfFormatError
from ._fields import parse_amount, parse_date, parse_signed_amount
from ._layout import (
    ANNUAL_PERIODS,
    F0000,
    F0000_MIN_FIELDS,
    LAYOUT_YEARS,
    NEWEST_LAYOUT,
    QUARTERS,
    fields_0010,
    quarter_span,
)
from ._lines import MAX_LINE_LENGTH
from ._model import Finding

#: The most fields a record may have; more is refused (a hostile file cannot make us split
#: a line into millions of fields). The widest ECF record has well under a hundred.
MAX_FIELDS = 512
#: The most lines of revenue subtrees kept per period; a DRE has a few hundred at most.
MAX_LINES_PER_PERIOD = 20_000
#: The most registers 9900 may list (the layout has under two hundred).
MAX_REGISTERS = 2_000
#: The most findings of one kind kept in a list; past it they are counted, not listed.
MAX_LISTED = 1_000
#: CODIGO is C 50 in the layout (L300, P150, U150, P200, T120 …).
MAX_CODE_LENGTH = 50


@attrs.define
class Header:
    """What ``0000`` says."""

    line_number: int
    cnpj: str
    name: str
    layout_version: str
    start: dt.date
    end: dt.date
    rectification: str
    receipt: str | None
    ecf_kind: str
    scp_cnpj: str | None


@attrs.define
class Parameters:
    """What ``0010`` says (field names as in the manual)."""

    line_number: int
    forma_trib: str
    forma_apur: str
    cod_qualif_pj: str
    forma_trib_per: str
    tip_esc_pre: str
    tip_ent: str
    apur_csll: str


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
    #: Whether the period has any P200/P300/T120/T150 line, kept or not.
    has_table: bool = False
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


# Which L300/P150/U150 lines are kept, by plan (docs/metric.md): the revenue subtrees, the
# lines of the proxies, and nothing else. A code is kept when it starts with one of these.
KEPT_PREFIXES = {
    "A": ("3.01.01.01", "3.11.01.01"),
    "U_A": ("4.01.01", "4.01.02"),
    "COSIF": ("3.1.7.1.", "3.1.8.1.9.25.00", "3.1.8.1.9.30.00", "3.1.8.1.9.33.00"),
    "INSURER": (
        "3.01.01.01.01.01",
        "3.01.01.01.01.02",
        "3.01.01.01.01.04.09",
        "3.01.01.01.01.04.10",
    ),
    "NONE": (),
}
#: P200/P300/T120/T150 codes that are read (docs/metric.md); other codes are not revenue.
KEPT_TABLE_CODES = {
    "P200": frozenset({"2", "4", "6", "8", "9"}),
    "P300": frozenset({"16"}),
    "T120": None,  # every line: descriptions are checked against the codes
    "T150": frozenset({"3"}),
}


class Collector:
    """Consumes ``(line_number, raw_line)`` pairs and builds :class:`FileData`."""

    def __init__(self, *, strict: bool, source: str | None = None, report: bool = False) -> None:
        self.strict = strict
        self.source = source
        #: Report mode (validate()): errors are collected in ``errors`` instead of raised.
        self.report = report
        self.errors: list[Finding] = []
        #: Structural problems in lenient mode, reported as warnings of the metric.
        self.lenient_findings: list[Finding] = []
        self.broken_period: str | None = None
        self.end_line = 0
        #: The open block's letter as a byte value (-1 when none is), for feed()'s fast path.
        self.block_byte = -1
        self.suppressed = 0
        self.decoder = TextDecoder()
        self.data: FileData | None = None
        #: Records per register (as bytes: the hot loop does not decode them).
        self.counts: Counter[bytes] = Counter()
        self.declared_counts: dict[str, tuple[int, int]] = {}
        self.block: str | None = None
        self.block_start = 0
        self.nine_start = 0
        self.period: Period | None = None
        self.seen_periods: dict[tuple[str, str], int] = {}
        self.plans: dict[str, str] = {}
        self.finished = False
        self._handlers: dict[str, Callable[[int, bytes, list[bytes]], None]] = {
            "0010": self._r0010,
            "L030": self._period,
            "P030": self._period,
            "T030": self._period,
            "U030": self._period,
            "L300": self._dre,
            "P150": self._dre,
            "U150": self._dre,
            "P200": self._table,
            "P300": self._table,
            "T120": self._table,
            "T150": self._table,
            "Y540": self._y540,
            "9900": self._r9900,
            "9990": self._r9990,
            "9999": self._r9999,
        }

    # -- driving -----------------------------------------------------------------------------

    def feed(self, lines: Iterable[tuple[int, bytes]]) -> FileData:
        """Consume lines up to the ``9999`` record and return what was collected.

        In report mode an error does not stop the reading: it is recorded in ``errors`` and the
        next line is read (a file whose ``0000`` cannot be read still has its structure checked).
        """
        counts = self.counts
        special = frozenset(reg.encode("ascii") for reg in self._handlers)
        for number, raw in lines:
            # The common case, a well-formed record that no handler reads and that neither opens
            # nor closes a block, is only counted: the same checks as _line, inline.
            register = raw[1:5]
            if (
                raw[5:6] == b"|"
                and raw[:1] == b"|"
                and register not in special
                and raw[1] == self.block_byte
                and raw[2:5] not in _BLOCK_EDGES
                and raw.endswith(_RECORD_ENDS)
                and register.isalnum()
                and len(raw) <= MAX_LINE_LENGTH
                and number > 1
            ):
                counts[register] += 1
                continue
            try:
                self._line(number, raw)
            except _SkipRecord:
                pass
            except EcfFormatError as error:
                if not self.report or error.code == "NOT_ECF":
                    raise
                self._listed(self.errors, finding_of(error))
            if self.finished:
                break
        if not self.finished:
            truncated = EcfFormatError(
                "the file ends without the 9999 record: it is truncated or not a whole ECF",
                source=self.source,
                code="TRUNCATED",
            )
            if not self.report:
                raise truncated
            self.errors.append(finding_of(truncated))
        if self.data is None:
            if self.report:
                raise NoHeader
            raise EcfFormatError(
                "not an ECF file: it is empty", line_number=1, source=self.source, code="NOT_ECF"
            )
        self.data.warnings.extend(self.lenient_findings)
        if self.suppressed:
            self.data.warnings.append(
                Finding(
                    "MORE_FINDINGS",
                    f"{self.suppressed} more finding(s) of the same kinds are not listed "
                    f"(at most {MAX_LISTED} are)",
                )
            )
        if self.decoder.mixed_lines:
            first = self.decoder.mixed_lines[0]
            self.data.warnings.append(
                Finding(
                    "ENCODING_MIXED",
                    f"text on {len(self.decoder.mixed_lines)} line(s) did not decode as "
                    f"{self.decoder.encoding}; read as cp1252 (first at line {first})",
                    first,
                )
            )
        return self.data

    def _line(self, number: int, raw: bytes) -> None:
        if number == 1:
            self._first_line(raw)
            return
        line = cut_signature(strip_eol(raw))
        if len(line) > MAX_LINE_LENGTH:
            raise self._error(
                f"line longer than {MAX_LINE_LENGTH} bytes", number, code="LINE_TOO_LONG"
            )
        if (
            len(line) < 6
            or not line.startswith(b"|")
            or not line.endswith(b"|")
            or line[5:6] != b"|"
            or not line[1:5].isalnum()
        ):
            self._malformed(number, line)
            return
        reg = line[1:5].decode("ascii")
        self.counts[line[1:5]] += 1
        kind = reg[1:]
        if kind == "001":
            self._open_block(reg, number)
        elif kind == "990":
            self._close_block(reg, number, line)
        elif reg[0] != self.block:
            where = "no block is open" if self.block is None else f"block {self.block} is open"
            self._structural(
                f"{reg} is a record of block {reg[0]}, but {where}",
                number,
                reg,
                code="BLOCK_STRUCTURE",
            )
            return
        handler = self._handlers.get(reg)
        if handler is not None:
            fields = line.split(b"|")
            if len(fields) > MAX_FIELDS + 2:
                raise self._error(
                    f"more than {MAX_FIELDS} fields (MAX_FIELDS)",
                    number,
                    reg,
                    code="TOO_MANY_FIELDS",
                )
            if self.data is None and reg[0] != "9":
                raise _SkipRecord  # report mode: 0000 was refused, nothing to attach this to
            handler(number, line, fields)

    # -- helpers -----------------------------------------------------------------------------

    def _error(
        self,
        reason: str,
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

    def _structural(
        self,
        reason: str,
        number: int,
        record: str | None = None,
        field: str | None = None,
        *,
        code: str = "COUNT_MISMATCH",
        text: str | None = None,
    ) -> None:
        """A counter or structure problem: an error when strict, a warning when lenient."""
        if self.report:
            message = reason if text is None else f"{reason} (got {text!r})"
            self._listed(self.errors, Finding(code, message, number, record, "error"))
            return
        if self.strict:
            raise self._error(reason, number, record, field, text, code=code)
        self._listed(self.lenient_findings, Finding(code, reason, number, record))

    def _listed(self, findings: list[Finding], finding: Finding) -> None:
        # A hostile file may have millions of bad lines: list the first ones, count the rest.
        if len(findings) < MAX_LISTED:
            findings.append(finding)
        else:
            self.suppressed += 1

    def _malformed(self, number: int, line: bytes) -> None:
        if not line.strip():
            reason = "empty line: every line must be a record |REG|...|"
        else:
            reason = "not a record: a line must start with '|', a 4-character register and '|', and end with '|'"
        if line[1:5] in _METRIC_REGISTERS:
            # A record the metric reads cannot be skipped, even leniently: its amount would be lost.
            raise self._error(
                reason,
                number,
                line[1:5].decode("latin-1"),
                text=line[:60].decode("latin-1"),
                code="MALFORMED_LINE",
            )
        self._structural(reason, number, code="MALFORMED_LINE", text=line[:60].decode("latin-1"))

    def _text(self, raw: bytes, number: int, line: bytes) -> str:
        return self.decoder.decode(raw, number, line)

    def _field(self, fields: list[bytes], number: int, reg: str, index: int, name: str) -> bytes:
        # fields[0] is the empty text before the first "|": manual field n is fields[n].
        if index >= len(fields) - 1:
            raise self._error(
                f"missing field {name} (field {index})", number, reg, name, code="MISSING_FIELD"
            )
        return fields[index]

    # -- block structure ---------------------------------------------------------------------

    def _first_line(self, raw: bytes) -> None:
        line = strip_eol(raw)
        if line.startswith(UTF8_BOM):
            line = line[len(UTF8_BOM) :]
            self.decoder.encoding = "utf-8"
        if not line.startswith(b"|0000|LECF|"):
            raise self._error(
                "not an ECF file: the first line must be the 0000 record, |0000|LECF|…",
                1,
                text=line[:40].decode("latin-1"),
                code="NOT_ECF",
            )
        if len(line) > MAX_LINE_LENGTH:
            raise self._error(
                f"line longer than {MAX_LINE_LENGTH} bytes", 1, "0000", code="LINE_TOO_LONG"
            )
        self.counts[b"0000"] += 1
        self.block = "0"
        self.block_byte = ord("0")
        self.block_start = 1
        self._r0000(1, line, line.split(b"|"))

    def _open_block(self, reg: str, number: int) -> None:
        letter = reg[0]
        if letter == "0":
            if self.block != "0" or number != 2:
                self._structural(
                    "0001 must be the second line, right after 0000",
                    number,
                    reg,
                    code="BLOCK_STRUCTURE",
                )
            return
        if self.block is not None:
            self._structural(
                f"block {letter} opens while block {self.block} is not closed by {self.block}990",
                number,
                reg,
                code="BLOCK_STRUCTURE",
            )
        self.block = letter
        self.block_byte = ord(letter)
        self.block_start = number
        if letter == "9":
            self.nine_start = number

    def _close_block(self, reg: str, number: int, line: bytes) -> None:
        letter = reg[0]
        declared = _int_field(line)
        if self.block != letter:
            self._structural(
                f"{reg} closes block {letter}, which is not open",
                number,
                reg,
                code="BLOCK_STRUCTURE",
            )
            self.block = None
            self.block_byte = -1
            return
        if letter == "9":
            return
        counted = number - self.block_start + 1
        # Block 0 counts from 0000 in SPED practice; a count from 0001 is accepted too
        # (the manual's wording was not available to settle it; see docs/metric.md).
        accepted = {counted, counted - 1} if letter == "0" else {counted}
        if declared not in accepted:
            self._structural(
                f"{reg} declares {declared!r} lines in block {letter}, but the block has {counted}",
                number,
                reg,
                "QTD_LIN",
            )
        self.block = None
        self.block_byte = -1

    # -- records -----------------------------------------------------------------------------

    def _r0000(self, number: int, line: bytes, fields: list[bytes]) -> None:
        if len(fields) - 2 < F0000_MIN_FIELDS:
            raise self._error(
                f"0000 has {len(fields) - 2} fields; at least {F0000_MIN_FIELDS} expected",
                number,
                "0000",
                code="MISSING_FIELD",
            )

        def get(name: str) -> bytes:
            return fields[F0000[name]]

        version = get("COD_VER").decode("latin-1")
        warnings: list[Finding] = []
        if version not in LAYOUT_YEARS:
            if len(version) == 4 and version.isdigit() and version > NEWEST_LAYOUT:
                warnings.append(
                    Finding(
                        "NEWER_LAYOUT",
                        f"layout {version} is newer than the newest known ({NEWEST_LAYOUT}); "
                        f"read with the {NEWEST_LAYOUT} field map",
                        number,
                        "0000",
                    )
                )
            else:
                self._structural(
                    "unknown layout version: COD_VER must be 0001 (2014) to 0012 (2025); "
                    f"read with the {NEWEST_LAYOUT} field map",
                    number,
                    "0000",
                    "COD_VER",
                    code="UNKNOWN_LAYOUT",
                    text=version,
                )
                version = NEWEST_LAYOUT
        start = parse_date(
            get("DT_INI").decode("latin-1"), line_number=number, record="0000", field="DT_INI"
        )
        end = parse_date(
            get("DT_FIN").decode("latin-1"), line_number=number, record="0000", field="DT_FIN"
        )
        if end < start or start.year != end.year or not 2000 <= end.year <= 2100:
            raise self._error(
                "DT_INI and DT_FIN must be in the same calendar year (2000 to 2100), DT_INI first",
                number,
                "0000",
                "DT_FIN",
                f"{start:%d%m%Y}..{end:%d%m%Y}",
                code="BAD_PARAMETER",
            )
        cnpj = get("CNPJ").decode("latin-1")
        if not cnpj:
            raise self._error("CNPJ is empty", number, "0000", "CNPJ", code="BAD_PARAMETER")
        ecf_kind = get("TIP_ECF").decode("latin-1")
        scp = get("COD_SCP").decode("latin-1") or None
        if ecf_kind == "2" and scp is None:
            raise self._error(
                "an SCP's file (TIP_ECF = 2) must give the SCP's CNPJ in COD_SCP",
                number,
                "0000",
                "COD_SCP",
                code="BAD_PARAMETER",
            )
        for name, value in (("CNPJ", cnpj), ("COD_SCP", scp)):
            if value is not None and not cnpj_is_valid(value):
                warnings.append(
                    Finding(
                        "CNPJ_CHECK_DIGITS",
                        f"0000.{name} {value!r} has invalid check digits",
                        number,
                        "0000",
                    )
                )
        if version in LAYOUT_YEARS and end.year not in (
            LAYOUT_YEARS[version],
            LAYOUT_YEARS[version] + 1,
        ):
            warnings.append(
                Finding(
                    "LAYOUT_YEAR_MISMATCH",
                    f"layout {version} is for calendar year {LAYOUT_YEARS[version]}, "
                    f"but the file ends in {end.year}",
                    number,
                    "0000",
                )
            )
        rectification = get("RETIFICADORA").decode("latin-1")
        receipt = get("NUM_REC").decode("latin-1") or None
        self.data = FileData(
            header=Header(
                line_number=number,
                cnpj=cnpj,
                name=self._text(get("NOME"), number, line),
                layout_version=version,
                start=start,
                end=end,
                rectification=rectification,
                receipt=receipt,
                ecf_kind=ecf_kind,
                scp_cnpj=scp if ecf_kind == "2" else None,
            ),
            warnings=warnings,
        )

    def _r0010(self, number: int, line: bytes, fields: list[bytes]) -> None:
        assert self.data is not None
        positions = fields_0010(self.data.header.layout_version)

        def get(name: str) -> str:
            return self._field(fields, number, "0010", positions[name], name).decode("latin-1")

        forma_trib = get("FORMA_TRIB")
        if len(forma_trib) != 1 or not "1" <= forma_trib <= "9":
            raise self._error(
                "FORMA_TRIB must be 1 to 9 (the 0010 field map follows COD_VER: is the "
                "layout version right?)",
                number,
                "0010",
                "FORMA_TRIB",
                forma_trib,
                code="BAD_PARAMETER",
            )
        forma_trib_per = get("FORMA_TRIB_PER")
        if forma_trib_per and (
            len(forma_trib_per) != 4 or any(c not in "0REPA" for c in forma_trib_per)
        ):
            raise self._error(
                "FORMA_TRIB_PER must be four characters among 0, R, E, P, A",
                number,
                "0010",
                "FORMA_TRIB_PER",
                forma_trib_per,
                code="BAD_PARAMETER",
            )
        self.data.parameters = Parameters(
            line_number=number,
            forma_trib=forma_trib,
            forma_apur=get("FORMA_APUR"),
            cod_qualif_pj=get("COD_QUALIF_PJ"),
            forma_trib_per=forma_trib_per,
            tip_esc_pre=get("TIP_ESC_PRE"),
            tip_ent=get("TIP_ENT"),
            apur_csll=get("APUR_CSLL"),
        )

    def _period(self, number: int, line: bytes, fields: list[bytes]) -> None:
        assert self.data is not None
        reg = fields[1].decode("ascii")
        block = reg[0]
        self.period = None
        self.broken_period = block
        start_text = self._field(fields, number, reg, 2, "DT_INI").decode("latin-1")
        end_text = self._field(fields, number, reg, 3, "DT_FIN").decode("latin-1")
        code = self._field(fields, number, reg, 4, "PER_APUR").decode("latin-1")
        start = parse_date(start_text, line_number=number, record=reg, field="DT_INI")
        end = parse_date(end_text, line_number=number, record=reg, field="DT_FIN")
        if code not in ANNUAL_PERIODS and code not in QUARTERS:
            raise self._error(
                "PER_APUR must be A00 to A12 or T01 to T04",
                number,
                reg,
                "PER_APUR",
                code,
                code="BAD_PERIOD",
            )
        header = self.data.header
        if end < start or start < header.start or end > header.end:
            raise self._error(
                f"period {code} ({start:%d/%m/%Y} to {end:%d/%m/%Y}) is not inside the file's "
                f"span ({header.start:%d/%m/%Y} to {header.end:%d/%m/%Y})",
                number,
                reg,
                "DT_FIN" if start <= end and start >= header.start else "DT_INI",
                code="BAD_PERIOD",
            )
        if code in QUARTERS:
            first, last = quarter_span(header.end.year, int(code[2]))
            if start < first or end > last:
                raise self._error(
                    f"period {code} ({start:%d/%m/%Y} to {end:%d/%m/%Y}) is not inside quarter "
                    f"{code[2]} ({first:%d/%m/%Y} to {last:%d/%m/%Y})",
                    number,
                    reg,
                    "DT_INI" if start < first else "DT_FIN",
                    code="BAD_PERIOD",
                )
        key = (block, code)
        if key in self.seen_periods:
            raise self._error(
                f"period {code} is given twice (first at line {self.seen_periods[key]})",
                number,
                reg,
                "PER_APUR",
                code,
                code="DUPLICATE_PERIOD",
            )
        self.seen_periods[key] = number
        self.broken_period = None
        self.period = Period(block=block, code=code, start=start, end=end, line_number=number)
        self.data.periods.append(self.period)

    def _current_period(self, number: int, reg: str) -> Period:
        period = self.period
        if period is None or period.block != reg[0]:
            if self.broken_period == reg[0]:
                raise _SkipRecord  # its period was refused already (report mode)
            raise self._error(
                f"{reg} outside a {reg[0]}030 period", number, reg, code="OUTSIDE_PERIOD"
            )
        return period

    def _plan(self, block: str) -> str:
        plan = self.plans.get(block)
        if plan is None:
            assert self.data is not None
            plan = plan_of_block(self.data.parameters, block)
            self.plans[block] = plan
        return plan

    def _dre(self, number: int, line: bytes, fields: list[bytes]) -> None:
        reg = fields[1].decode("ascii")
        period = self._current_period(number, reg)
        code = self._code(fields, number, reg)
        period.has_dre = True
        if not code.startswith(KEPT_PREFIXES[self._plan(reg[0])]):
            return
        self._check_new_line(period, (reg, code), number)
        value = parse_amount(
            self._field(fields, number, reg, 8, "VALOR").decode("latin-1"),
            line_number=number,
            record=reg,
            field="VALOR",
        )
        indicator = self._field(fields, number, reg, 9, "IND_VALOR").decode("latin-1")
        if indicator not in ("C", "D"):
            raise self._error(
                "IND_VALOR must be C or D", number, reg, "IND_VALOR", indicator, code="BAD_AMOUNT"
            )
        kind = fields[4].decode("latin-1")
        period.dre[code] = DreLine(
            line_number=number,
            code=code,
            description=self._text(fields[3], number, line),
            kind=kind,
            value=value if indicator == "C" else -value,
            indicator=indicator,
        )

    def _code(self, fields: list[bytes], number: int, reg: str) -> str:
        raw = self._field(fields, number, reg, 2, "CODIGO")
        if len(raw) > MAX_CODE_LENGTH:
            raise self._error(
                f"CODIGO longer than {MAX_CODE_LENGTH} characters (the layout's C 50)",
                number,
                reg,
                "CODIGO",
                raw[:60].decode("latin-1"),
                code="BAD_CODE",
            )
        return raw.decode("latin-1")

    def _check_new_line(self, period: Period, key: tuple[str, str], number: int) -> None:
        """Refuse a code given twice in one period, and more lines than a period may hold."""
        reg, code = key
        first = period.seen.get(key)
        if first is not None:
            raise self._error(
                f"code {code} is given twice in period {period.code} (first at line {first})",
                number,
                reg,
                "CODIGO",
                code,
                code="DUPLICATE_CODE",
            )
        if len(period.seen) >= MAX_LINES_PER_PERIOD:
            raise self._error(
                f"more than {MAX_LINES_PER_PERIOD} revenue lines in one period",
                number,
                reg,
                code="TOO_MANY_LINES",
            )
        period.seen[key] = number

    def _table(self, number: int, line: bytes, fields: list[bytes]) -> None:
        reg = fields[1].decode("ascii")
        period = self._current_period(number, reg)
        code = self._code(fields, number, reg)
        period.has_table = True
        kept = KEPT_TABLE_CODES[reg]
        if kept is not None and code not in kept:
            return
        description = self._text(self._field(fields, number, reg, 3, "DESCRICAO"), number, line)
        value_text = self._field(fields, number, reg, 4, "VALOR").decode("latin-1")
        if (
            reg == "T120"
            and code not in T120_REVENUE_CODES
            and not description.strip().lower().startswith(T120_REVENUE_DESCRIPTION)
        ):
            return
        value = parse_signed_amount(value_text, line_number=number, record=reg, field="VALOR")
        self._check_new_line(period, (reg, code), number)
        period.tables.append(TableLine(number, reg, code, description, value))

    def _y540(self, number: int, line: bytes, fields: list[bytes]) -> None:
        assert self.data is not None
        establishment = self._field(fields, number, "Y540", 2, "CNPJ_ESTAB").decode("latin-1")
        root = self.data.header.cnpj[:8]
        if (not cnpj_is_valid(establishment) or establishment[:8] != root) and not any(
            w.code == "Y540_CNPJ" for w in self.data.warnings
        ):
            self.data.warnings.append(
                Finding(
                    "Y540_CNPJ",
                    f"Y540.CNPJ_ESTAB {establishment!r} is not a valid CNPJ of this company "
                    f"(root {root})",
                    number,
                    "Y540",
                )
            )
        value = parse_signed_amount(
            self._field(fields, number, "Y540", 3, "VL_REC_ESTAB").decode("latin-1"),
            line_number=number,
            record="Y540",
            field="VL_REC_ESTAB",
        )
        self.data.y540_total = (self.data.y540_total or Decimal("0.00")) + value
        if self.data.y540_line is None:
            self.data.y540_line = number

    def _r9900(self, number: int, line: bytes, fields: list[bytes]) -> None:
        raw_reg = self._field(fields, number, "9900", 2, "REG_BLC")
        reg = raw_reg.decode("latin-1")
        count = _count(self._field(fields, number, "9900", 3, "QTD_REG_BLC"))
        if len(raw_reg) != 4 or not raw_reg.isalnum():
            self._structural(
                "9900.REG_BLC must be a 4-character register", number, "9900", "REG_BLC", text=reg
            )
            return
        if count is None:
            self._structural(
                f"9900 count for {reg} is not a whole number", number, "9900", "QTD_REG_BLC"
            )
            return
        if reg in self.declared_counts:
            self._structural(f"9900 lists {reg} twice", number, "9900", "REG_BLC")
        elif len(self.declared_counts) >= MAX_REGISTERS:
            raise self._error(
                f"more than {MAX_REGISTERS} registers listed in 9900",
                number,
                "9900",
                code="TOO_MANY_LINES",
            )
        self.declared_counts[reg] = (count, number)

    def _r9990(self, number: int, line: bytes, fields: list[bytes]) -> None:
        declared = _int_field(line)
        # 9990 comes right before 9999, which it counts too.
        counted = number + 1 - self.nine_start + 1
        if declared != counted:
            self._structural(
                f"9990 declares {declared!r} lines in block 9, but the block has {counted}",
                number,
                "9990",
                "QTD_LIN",
            )

    def _r9999(self, number: int, line: bytes, fields: list[bytes]) -> None:
        self.finished = True
        self.end_line = number
        if self.data is not None:
            self.data.end_line = number
        text = self._field(fields, number, "9999", 2, "QTD_LIN").decode("latin-1")
        if _count(fields[2]) != number:
            self._structural(
                f"9999 declares {text!r} lines, but the file has {number} lines up to 9999",
                number,
                "9999",
                "QTD_LIN",
            )
        if self.block not in (None, "9"):
            self._structural(
                f"block {self.block} is not closed by {self.block}990",
                number,
                "9999",
                code="BLOCK_STRUCTURE",
            )
        self._check_9900(number)

    def _check_9900(self, number: int) -> None:
        # Only registers of the blocks read line by line are counted; the others are skipped
        # unsplit for speed and checked by validate().
        declared = self.declared_counts
        counts = {reg.decode("ascii"): n for reg, n in self.counts.items()}
        for reg, counted in sorted(counts.items()):
            if not self._counted_in_full(reg):
                continue
            expected = declared.get(reg)
            if expected is None:
                self._structural(
                    f"9900 has no line for {reg}, which appears {counted} time(s)", number, "9900"
                )
            elif expected[0] != counted:
                self._structural(
                    f"9900 declares {expected[0]} {reg} record(s), but the file has {counted}",
                    expected[1],
                    "9900",
                    "QTD_REG_BLC",
                )
        for reg, (count, line_number) in declared.items():
            if self._counted_in_full(reg) and reg not in counts and count != 0:
                self._structural(
                    f"9900 declares {count} {reg} record(s), but there is none", line_number, "9900"
                )

    def _counted_in_full(self, reg: str) -> bool:
        return self.full_blocks is None or reg[0] in self.full_blocks

    full_blocks: frozenset[str] | None = None


T120_REVENUE_CODES = frozenset({"2", "4", "6", "8", "10"})
T120_REVENUE_DESCRIPTION = "receita bruta sujeita ao percentual"


def plan_of_block(parameters: Parameters | None, block: str) -> str:
    """Which referential plan a block's DRE follows (docs/metric.md), or ``"NONE"``."""
    if parameters is None:
        return "NONE"
    if block in ("L", "P"):
        # An empty COD_QUALIF_PJ is read with the general plan; the metric warns about it.
        plans = {"01": "A", "": "A", "02": "COSIF", "03": "INSURER"}
        return plans.get(parameters.cod_qualif_pj, "NONE")
    if block == "U":
        return {"11": "COSIF", "12": "INSURER", "06": "NONE", "15": "NONE", "": "NONE"}.get(
            parameters.tip_ent, "U_A"
        )
    return "NONE"


def strip_eol(raw: bytes) -> bytes:
    if raw.endswith(b"\n"):
        raw = raw[:-1]
    if raw.endswith(b"\r"):
        raw = raw[:-1]
    return raw


#: The PVA's signature block starts with this marker. It normally follows the 9999 line's CRLF;
#: if a writer glued it to the 9999 line, the line is cut there.
SIGNATURE_MARKER = b"SBRCAAEPDR"


def cut_signature(line: bytes) -> bytes:
    """The line without a signature block glued to its end (only the ``9999`` line can have one)."""
    if line.startswith(b"|9999|"):
        cut = line.find(SIGNATURE_MARKER)
        if cut > 0:
            return line[:cut]
    return line


_COUNT = re.compile(rb"[0-9]{1,12}")


def _count(text: bytes) -> int | None:
    """A counter field as an int; ``None`` unless it is 1 to 12 ASCII digits."""
    return int(text) if _COUNT.fullmatch(text) else None


def _int_field(line: bytes) -> int | None:
    parts = line.split(b"|")
    return _count(parts[2]) if len(parts) > 3 else None


#: Records whose fields the metric reads (a malformed one is refused even in lenient mode).
_METRIC_REGISTERS = frozenset(
    {b"0000", b"0010", b"L030", b"P030", b"T030", b"U030", b"L300", b"P150", b"U150"}
    | {b"P200", b"P300", b"T120", b"T150", b"Y540", b"9999"}
)
#: The last three characters of a register that opens or closes a block (``x001``, ``x990``).
_BLOCK_EDGES = frozenset({b"001", b"990"})
#: How a record line ends: its closing ``|`` and a line ending.
_RECORD_ENDS = (b"|\r\n", b"|\n")


class _SkipRecord(Exception):
    """A record that cannot be read because what it depends on was refused (report mode)."""


class NoHeader(Exception):
    """Report mode: the 0000 record could not be read, so there is no metric to compute."""


def finding_of(error: EcfFormatError) -> Finding:
    """An error as an error-severity finding of a validation report."""
    message = error.reason
    if error.text is not None:
        message += f" (got {error.text!r})"
    return Finding(error.code, message, error.line_number, error.record, "error")
