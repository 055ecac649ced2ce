"""From numbered raw lines to the facts the metric needs: identity, parameters, periods, lines.

One pass, in file order. Records are dispatched through a table keyed by register; only the
records the metric reads are split, and only their fields the metric reads are parsed. The
file's structure and counters are :class:`~._structure.Structure`'s; what feeds a figure is
refused here in every mode (lenient relaxes counters, never a line that may carry an amount).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from decimal import Decimal

import attrs

from ..base._cnpj import cnpj_is_valid
from ..base._errors import EcfFormatError
from ..base._i18n import Message, tr
from ..ecf._decoding import UTF8_BOM, TextDecoder
from ..ecf._fields import parse_amount, parse_date, parse_signed_amount
from ..ecf._grammar import cut_signature, is_record, not_a_record, strip_eol
from ..ecf._layout import (
    ANNUAL_PERIODS,
    F0000,
    F0000_MIN_FIELDS,
    FIGURE_BLOCK_REGISTERS,
    LAYOUT_YEARS,
    NEWEST_LAYOUT,
    QUARTERS,
    fields_0010,
    quarter_span,
)
from ..ecf._limits import Limits
from ..ecf._lines import BLOCK_EDGES, MAX_LINE_LENGTH, RECORD_ENDS, line_too_long
from ..ecf._structure import MAX_LISTED, Structure
from ..model._model import Finding
from ..rules._parameters import IND_VALOR, Header, Parameters, check_closed, check_parameters
from ..rules._periods import NoRule, block_rule
from ..rules._plans import (
    PLANS,
    REVENUE_DESCRIPTION_PERCENT,
    TABLES,
    plan_name,
)
from ..rules._rfb_tables import FIRST_YEAR, OPEN_YEAR, check_plan, known_codes, table_for

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
#: The most revenue lines kept per period; a referential plan has well under a thousand codes
#: in the subtrees the metric reads.
MAX_LINES_PER_PERIOD = 5_000
#: The most revenue lines kept in one file (at most 17 periods per block).
MAX_LINES_PER_FILE = 20_000
#: CODIGO is C 50 in the layout (L300, P150, U150, P200, T120 …).
MAX_CODE_LENGTH = 50
#: The most characters of a kept line's DESCRICAO kept (a longer one is cut and ends with "…").
#: The layout gives DESCRICAO no size; the RFB tables' descriptions are under 200 characters.
MAX_DESCRIPTION_LENGTH = 400
#: The most bytes the kept lines may add up to, as they stand in the file (Limits.kept_bytes).
MAX_KEPT_BYTES = 4 << 20

#: ``9100`` (Avisos da Escrituração, 17 fields in leiaute 12): the rule, its message, and the
#: record and field the PVA named are shown; the other fields the PVA filled are quoted after them.
F9100_NAMED = ((2, "NOM_REGRA"), (3, "MSG_REGRA"), (4, "REGISTRO"), (5, "CAMPO"))
F9100_DETAILS = (
    (6, "CONTEÚDO"),
    (7, "VALOR_ESPERADO"),
    (8, "PER_APUR"),
    (9, "COD_CTA"),
    (10, "COD_CCUS"),
    (11, "COD_CTA_REF"),
    (12, "CODIGO"),
    (13, "NUM_ORDEM"),
    (14, "CNPJ_ESTAB"),
    (15, "CNAE"),
    (16, "COD_CTA_B"),
    (17, "COD_TRIBUTO"),
)
#: The most PVA warnings listed on a metric; the rest are counted in ``MORE_FINDINGS``.
MAX_PVA_WARNINGS = 1_000
#: ``0000.COD_VER``: four ASCII digits.
LAYOUT_VERSION = re.compile(r"[0-9]{4}")
#: A referential or table code: digits in dot-separated groups, nothing else (no blanks).
CODE_SHAPE = re.compile(rb"[0-9]+(?:\.[0-9]+)*")
#: Blocks whose records feed the metric: a malformed or misplaced line there is never skipped.
METRIC_BLOCKS = frozenset("0LPTU")
_METRIC_LETTERS = frozenset(b"LPTUlptu")


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


class Collector:
    """Consumes ``(line_number, raw_line)`` pairs and builds :class:`FileData`."""

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
        self._known: dict[tuple[str, int], tuple[str, dict[str, str] | None]] = {}
        self._not_checked: set[tuple[str, int]] = set()
        self._type_warned: set[tuple[str, str]] = set()
        self.pva_warnings = 0
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
            "9100": self._r9100,
            "9900": self._r9900,
            "9990": self._r9990,
            "9999": self._r9999,
        }

    @property
    def registers_read(self) -> frozenset[bytes]:
        """The registers read field by field (every other record is only counted)."""
        return frozenset(reg.encode("ascii") for reg in self._handlers)

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

    # -- driving -----------------------------------------------------------------------------

    def feed(self, lines: Iterable[tuple[int, bytes]]) -> FileData:
        """Consume lines up to the ``9999`` record and return what was collected.

        In report mode an error does not stop the reading: it is recorded in ``errors`` and the
        next line is read (a file whose ``0000`` cannot be read still has its structure checked).
        """
        structure = self.structure
        counts = structure.counts
        special = self.registers_read
        limits = self.limits or Limits()
        max_lines = limits.lines
        max_read = limits.read_lines
        read_lines = 0
        for number, raw in lines:
            read_lines += 1
            if number > max_lines or read_lines > max_read:
                raise self._too_many(number, read_lines > max_read)
            # The common case, a well-formed record that no handler reads and that neither opens
            # nor closes a block, is only counted: the same checks as _line, inline.
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
            except _SkipRecord:
                pass
            except EcfFormatError as error:
                # A budget spent stops the reading in report mode too (that is its point).
                if not self.report or error.code in ("NOT_ECF", "TOO_MANY_LINES"):
                    raise
                structure.listed(structure.errors, finding_of(error))
            if structure.finished:
                break
        if structure.end_line > max_lines:
            raise self._too_many(structure.end_line, False)
        if not structure.finished:
            truncated = EcfFormatError(
                tr("the file ends without the 9999 record: it is truncated or not a whole ECF"),
                source=self.source,
                code="TRUNCATED",
            )
            if not self.report:
                raise truncated
            structure.errors.append(finding_of(truncated))
        if self.data is None:
            if self.report:
                raise NoHeader
            raise EcfFormatError(
                tr("not an ECF file: it is empty"),
                line_number=1,
                source=self.source,
                code="NOT_ECF",
            )
        self.data.end_line = structure.end_line
        self.data.warnings.extend(structure.findings)
        if structure.suppressed:
            self.data.warnings.append(
                Finding(
                    "MORE_FINDINGS",
                    tr(
                        "{count} more finding(s) of the same kinds are not listed "
                        "(at most {limit} are)",
                        count=structure.suppressed,
                        limit=MAX_LISTED,
                    ),
                )
            )
        if self.decoder.mixed_lines:
            first = self.decoder.mixed_lines[0]
            self.data.warnings.append(
                Finding(
                    "ENCODING_MIXED",
                    tr(
                        "text on {count} line(s) did not decode as {encoding}; read as cp1252 "
                        "(first at line {first})",
                        count=len(self.decoder.mixed_lines),
                        encoding=self.decoder.encoding,
                        first=first,
                    ),
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
            reason = (
                tr(
                    "{record} is a record of block {block}, but no block is open",
                    record=reg,
                    block=reg[0],
                )
                if structure.block is None
                else tr(
                    "{record} is a record of block {block}, but block {open} is open",
                    record=reg,
                    block=reg[0],
                    open=structure.block,
                )
            )
            if reg[0] in METRIC_BLOCKS or structure.block in FIGURE_BLOCK_REGISTERS:
                # Out of its block, a record that may carry an amount cannot be placed; inside a
                # block of figures, another block's record may be a damaged figure: refused.
                raise self._error(reason, number, reg, code="BLOCK_STRUCTURE")
            structure.problem(reason, number, reg, code="BLOCK_STRUCTURE")
            return
        elif reg[0] in FIGURE_BLOCK_REGISTERS and reg not in FIGURE_BLOCK_REGISTERS[reg[0]]:
            raise self._error(
                tr(
                    "{record} is not a register of block {block} (the layout's are {known}): "
                    "it may be a damaged record that carries a figure",
                    record=reg,
                    block=reg[0],
                    known=", ".join(sorted(FIGURE_BLOCK_REGISTERS[reg[0]])),
                ),
                number,
                reg,
                code="UNKNOWN_RECORD",
            )
        handler = self._handlers.get(reg)
        if handler is not None:
            fields = line.split(b"|")
            if len(fields) > MAX_FIELDS + 2:
                raise self._error(
                    tr("more than {limit} fields (MAX_FIELDS)", limit=MAX_FIELDS),
                    number,
                    reg,
                    code="TOO_MANY_FIELDS",
                )
            if self.data is None and reg[0] != "9":
                raise _SkipRecord  # report mode: 0000 was refused, nothing to attach this to
            handler(number, line, fields)

    # -- helpers -----------------------------------------------------------------------------

    def _too_many(self, number: int, read: bool) -> EcfFormatError:
        limits = self.limits or Limits()
        return EcfFormatError(
            tr(
                "more than {limit} lines in the blocks read record by record (0, L, P, T, U, Y, "
                "9; Limits.read_lines): a real ECF has a few thousand",
                limit=limits.read_lines,
            )
            if read
            else tr("more than {limit} lines (Limits.lines)", limit=limits.lines),
            line_number=number,
            source=self.source,
            code="TOO_MANY_LINES",
        )

    def _error(
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

    def _malformed(self, number: int, line: bytes) -> None:
        if not line.strip():
            reason = tr("empty line: every line must be a record |REG|...|")
        else:
            reason = not_a_record()
        probe = line.lstrip(b" \t\x00")
        looks_metric = probe[:1] == b"|" and probe[1:2] != b"" and probe[1] in _METRIC_LETTERS
        record = probe[1:5].decode("latin-1") if probe[1:5].isalnum() else None
        if self.structure.block in METRIC_BLOCKS or looks_metric:
            # A line that may be a record the metric reads cannot be skipped, even leniently.
            raise self._error(
                tr(
                    "{reason} (in block {block}, whose records feed the metric)",
                    reason=reason,
                    block=self.structure.block,
                )
                if self.structure.block in METRIC_BLOCKS
                else tr(
                    "{reason} (it looks like a record of a block that feeds the metric)",
                    reason=reason,
                ),
                number,
                record,
                text=self._text(line, number, line)[:60],
                code="MALFORMED_LINE",
            )
        self.structure.problem(
            reason, number, code="MALFORMED_LINE", text=self._text(line, number, line)[:60]
        )

    def _text(self, raw: bytes, number: int, line: bytes) -> str:
        return self.decoder.decode(raw, number, line)

    def _field(self, fields: list[bytes], number: int, reg: str, index: int, name: str) -> bytes:
        # fields[0] is the empty text before the first "|": manual field n is fields[n].
        if index >= len(fields) - 1:
            raise self._error(
                tr("missing field {name} (field {index})", name=name, index=index),
                number,
                reg,
                name,
                code="MISSING_FIELD",
            )
        return fields[index]

    def _parameter_error(
        self, number: int, record: str, field: str | None, reason: Message, text: str | None
    ) -> EcfFormatError:
        return self._error(reason, number, record, field, text, code="BAD_PARAMETER")

    # -- block 0 -----------------------------------------------------------------------------

    def _first_line(self, raw: bytes) -> None:
        line = strip_eol(raw)
        if line.startswith(UTF8_BOM):
            line = line[len(UTF8_BOM) :]
            self.decoder.encoding = "utf-8"
        if not line.startswith(b"|0000|LECF|"):
            raise self._error(
                tr("not an ECF file: the first line must be the 0000 record, |0000|LECF|…"),
                1,
                text=line[:40].decode("latin-1"),
                code="NOT_ECF",
            )
        if len(line) > MAX_LINE_LENGTH:
            raise line_too_long(1, "0000", source=self.source)
        self.structure.first_record()
        self._r0000(1, line, line.split(b"|"))

    def _r0000(self, number: int, line: bytes, fields: list[bytes]) -> None:
        if len(fields) - 2 < F0000_MIN_FIELDS:
            raise self._error(
                tr(
                    "0000 has {count} fields; at least {minimum} expected",
                    count=len(fields) - 2,
                    minimum=F0000_MIN_FIELDS,
                ),
                number,
                "0000",
                code="MISSING_FIELD",
            )

        def get(name: str) -> bytes:
            return fields[F0000[name]]

        version = self._text(get("COD_VER"), number, line)
        warnings: list[Finding] = []
        if version not in LAYOUT_YEARS:
            # Four ASCII digits: str.isdigit() also takes "²" or "５", which no layout has.
            if LAYOUT_VERSION.fullmatch(version) and version > NEWEST_LAYOUT:
                warnings.append(
                    Finding(
                        "NEWER_LAYOUT",
                        tr(
                            "layout {version} is newer than the newest known ({newest}); "
                            "read with the {newest} field map",
                            version=version,
                            newest=NEWEST_LAYOUT,
                        ),
                        number,
                        "0000",
                    )
                )
            else:
                # The layout version decides where 0010's fields are: a guess would misread them.
                raise self._error(
                    tr(
                        "unknown layout version: COD_VER must be 0001 (2014) to 0012 (2025), or a "
                        "newer four-digit version"
                    ),
                    number,
                    "0000",
                    "COD_VER",
                    version,
                    code="UNKNOWN_LAYOUT",
                )
        start = parse_date(
            self._text(get("DT_INI"), number, line),
            line_number=number,
            record="0000",
            field="DT_INI",
        )
        end = parse_date(
            self._text(get("DT_FIN"), number, line),
            line_number=number,
            record="0000",
            field="DT_FIN",
        )
        if end < start or start.year != end.year or not 2000 <= end.year <= 2100:
            raise self._parameter_error(
                number,
                "0000",
                "DT_FIN",
                tr(
                    "DT_INI and DT_FIN must be in the same calendar year (2000 to 2100), "
                    "DT_INI first"
                ),
                f"{start:%d%m%Y}..{end:%d%m%Y}",
            )
        cnpj = self._text(get("CNPJ"), number, line)
        if not cnpj:
            raise self._parameter_error(number, "0000", "CNPJ", tr("CNPJ is empty"), None)
        ecf_kind = self._text(get("TIP_ECF"), number, line)
        rectification = self._text(get("RETIFICADORA"), number, line)
        for field, declared in (("TIP_ECF", ecf_kind), ("RETIFICADORA", rectification)):
            problem = check_closed("0000", field, declared)
            if problem is not None:
                raise self._parameter_error(number, "0000", field, problem.reason, declared)
        scp = self._text(get("COD_SCP"), number, line) or None
        if ecf_kind == "2" and scp is None:
            raise self._parameter_error(
                number,
                "0000",
                "COD_SCP",
                tr("an SCP's file (TIP_ECF = 2) must give the SCP's CNPJ in COD_SCP"),
                None,
            )
        for name, value in (("CNPJ", cnpj), ("COD_SCP", scp)):
            if value is not None and not cnpj_is_valid(value):
                warnings.append(
                    Finding(
                        "CNPJ_CHECK_DIGITS",
                        tr(
                            "0000.{field} {value!r} has invalid check digits",
                            field=name,
                            value=value,
                        ),
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
                    tr(
                        "layout {version} is for calendar year {year}, but the file ends in {end}",
                        version=version,
                        year=LAYOUT_YEARS[version],
                        end=end.year,
                    ),
                    number,
                    "0000",
                )
            )
        self.data = FileData(
            header=Header(
                line_number=number,
                cnpj=cnpj,
                name=self._text(get("NOME"), number, line),
                layout_version=version,
                start=start,
                end=end,
                rectification=rectification,
                receipt=self._text(get("NUM_REC"), number, line) or None,
                ecf_kind=ecf_kind,
                scp_cnpj=scp if ecf_kind == "2" else None,
                extinction=self._extinction(get, number, line, start, end),
            ),
            warnings=warnings,
        )

    def _extinction(
        self,
        get: Callable[[str], bytes],
        number: int,
        line: bytes,
        start: dt.date,
        end: dt.date,
    ) -> dt.date | None:
        """``DT_SIT_ESP`` of an extinction (``SIT_ESPECIAL`` 1) inside the span, before DT_FIN."""
        if self._text(get("SIT_ESPECIAL"), number, line) != "1":
            return None
        date = parse_date(
            self._text(get("DT_SIT_ESP"), number, line),
            line_number=number,
            record="0000",
            field="DT_SIT_ESP",
        )
        return date if start <= date < end else None

    def _r0010(self, number: int, line: bytes, fields: list[bytes]) -> None:
        assert self.data is not None
        if self.data.parameters is not None:
            raise self._parameter_error(
                number,
                "0010",
                None,
                tr(
                    "a second 0010 record (the first is at line {first}): "
                    "a file declares its parameters once",
                    first=self.data.parameters.line_number,
                ),
                None,
            )
        version = self.data.header.layout_version
        positions = fields_0010(version)
        if version > NEWEST_LAYOUT and len(fields) - 2 != len(positions) + 1:
            # A newer layout is read with the newest map only when 0010 has that map's shape.
            raise self._error(
                tr(
                    "layout {version} is newer than the newest known ({newest}) and its 0010 has "
                    "{count} fields, not the {expected} of layout {newest}: its parameters cannot "
                    "be placed; update ecfmetric or fill the form",
                    version=version,
                    newest=NEWEST_LAYOUT,
                    count=len(fields) - 2,
                    expected=len(positions) + 1,
                ),
                number,
                "0010",
                code="UNKNOWN_LAYOUT",
            )

        def get(name: str) -> str:
            return self._text(
                self._field(fields, number, "0010", positions[name], name), number, line
            )

        def optional(name: str) -> str:
            index = positions[name]
            return self._text(fields[index], number, line) if index < len(fields) - 1 else ""

        parameters = Parameters(
            line_number=number,
            forma_trib=get("FORMA_TRIB"),
            forma_apur=get("FORMA_APUR"),
            cod_qualif_pj=get("COD_QUALIF_PJ"),
            forma_trib_per=get("FORMA_TRIB_PER"),
            tip_esc_pre=get("TIP_ESC_PRE"),
            tip_ent=get("TIP_ENT"),
            apur_csll=optional("APUR_CSLL"),
            forma_apur_i=optional("FORMA_APUR_I"),
        )
        problem = check_parameters(parameters, self.data.header)
        if problem is not None:
            reason = problem.reason
            if problem.field == "FORMA_TRIB":
                reason = tr(
                    "{reason} (the 0010 field map follows COD_VER: is the layout version right?)",
                    reason=reason,
                )
            raise self._parameter_error(number, "0010", problem.field, reason, problem.text)
        self.data.parameters = parameters

    # -- periods -----------------------------------------------------------------------------

    def _period(self, number: int, line: bytes, fields: list[bytes]) -> None:
        assert self.data is not None
        reg = fields[1].decode("ascii")
        block = reg[0]
        self.period = None
        self.broken_period = block
        start_text = self._text(self._field(fields, number, reg, 2, "DT_INI"), number, line)
        end_text = self._text(self._field(fields, number, reg, 3, "DT_FIN"), number, line)
        code = self._text(self._field(fields, number, reg, 4, "PER_APUR"), number, line)
        start = parse_date(start_text, line_number=number, record=reg, field="DT_INI")
        end = parse_date(end_text, line_number=number, record=reg, field="DT_FIN")
        if code not in ANNUAL_PERIODS and code not in QUARTERS:
            raise self._period_error(
                tr("PER_APUR must be A00 to A12 or T01 to T04"), number, reg, "PER_APUR", code
            )
        parameters = self.data.parameters
        if parameters is not None:
            try:
                rule = block_rule(block, parameters)
            except NoRule as no_rule:
                raise self._period_error(
                    tr("period {period}: {reason}", period=code, reason=no_rule.reason),
                    number,
                    reg,
                    "PER_APUR",
                    code,
                ) from None
            if code not in rule.periods:
                kinds = tr("A00 to A12") if rule.annual else tr("T01 to T04")
                if rule.year == "A00 or quarters":
                    kinds = tr("A00 or T01 to T04")
                raise self._period_error(
                    tr(
                        "{field} = {value!r} gives block {block} the periods {kinds}; "
                        "{period} is not one of them",
                        field=rule.field,
                        value=rule.value,
                        block=block,
                        kinds=kinds,
                        period=code,
                    ),
                    number,
                    reg,
                    "PER_APUR",
                    code,
                )
        header = self.data.header
        if header.extinction is not None and start > header.extinction:
            raise self._period_error(
                tr(
                    "period {period} starts on {start}, after the company was extinguished on "
                    "{date} (0000.SIT_ESPECIAL 1, DT_SIT_ESP): no period follows the extinction",
                    period=code,
                    start=start,
                    date=header.extinction,
                ),
                number,
                reg,
                "DT_INI",
                None,
            )
        if end < start or start < header.start or end > header.end:
            raise self._period_error(
                tr(
                    "period {period} ({start} to {end}) is not inside the file's span "
                    "({file_start} to {file_end})",
                    period=code,
                    start=start,
                    end=end,
                    file_start=header.start,
                    file_end=header.end,
                ),
                number,
                reg,
                "DT_FIN" if start <= end and start >= header.start else "DT_INI",
                None,
            )
        if code in QUARTERS:
            first, last = quarter_span(header.end.year, int(code[2]))
            if start < first or end > last:
                raise self._period_error(
                    tr(
                        "period {period} ({start} to {end}) is not inside quarter {quarter} "
                        "({first} to {last})",
                        period=code,
                        start=start,
                        end=end,
                        quarter=code[2],
                        first=first,
                        last=last,
                    ),
                    number,
                    reg,
                    "DT_INI" if start < first else "DT_FIN",
                    None,
                )
        key = (block, code)
        if key in self.seen_periods:
            raise self._error(
                tr(
                    "period {period} is given twice (first at line {first})",
                    period=code,
                    first=self.seen_periods[key],
                ),
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

    def _period_error(
        self, reason: Message, number: int, reg: str, field: str, text: str | None
    ) -> EcfFormatError:
        return self._error(reason, number, reg, field, text, code="BAD_PERIOD")

    def _current_period(self, number: int, reg: str) -> Period:
        period = self.period
        if period is None or period.block != reg[0]:
            if self.broken_period == reg[0]:
                raise _SkipRecord  # its period was refused already (report mode)
            raise self._error(
                tr("{record} outside a {block}030 period", record=reg, block=reg[0]),
                number,
                reg,
                code="OUTSIDE_PERIOD",
            )
        return period

    # -- figures -----------------------------------------------------------------------------

    def _kept(self, block: str) -> tuple[str, ...]:
        kept = self.plans.get(block)
        if kept is None:
            assert self.data is not None
            parameters = self.data.parameters
            name = (
                None
                if parameters is None
                else plan_name(block, parameters.cod_qualif_pj, parameters.tip_ent)
            )
            kept = () if name is None else PLANS[name].kept
            self.plans[block] = kept
        return kept

    def _code(self, fields: list[bytes], number: int, reg: str) -> str:
        raw = self._field(fields, number, reg, 2, "CODIGO")
        if len(raw) > MAX_CODE_LENGTH:
            raise self._error(
                tr(
                    "CODIGO longer than {limit} characters (the layout's C 50)",
                    limit=MAX_CODE_LENGTH,
                ),
                number,
                reg,
                "CODIGO",
                self._text(raw, number, raw)[:60],
                code="BAD_CODE",
            )
        if CODE_SHAPE.fullmatch(raw) is None:
            raise self._error(
                tr(
                    "CODIGO must be digits in dot-separated groups (as 3.01.01.01.01 or 16), "
                    "with no blank, padding or other character"
                ),
                number,
                reg,
                "CODIGO",
                self._text(raw, number, raw),
                code="BAD_CODE",
            )
        return raw.decode("ascii")

    def _dre(self, number: int, line: bytes, fields: list[bytes]) -> None:
        reg = fields[1].decode("ascii")
        period = self._current_period(number, reg)
        code = self._code(fields, number, reg)
        indicator = self._text(self._field(fields, number, reg, 9, "IND_VALOR"), number, line)
        if indicator not in IND_VALOR:
            raise self._error(
                tr("IND_VALOR must be C (credit, +) or D (debit, −)"),
                number,
                reg,
                "IND_VALOR",
                indicator,
                code="BAD_AMOUNT",
            )
        self._check_code(period, reg, code, number, fields[4].decode("latin-1"))
        period.has_dre = True
        if not code.startswith(self._kept(reg[0])):
            return
        self._check_new_line(period, (reg, code), number, len(line))
        value = parse_amount(
            self._text(self._field(fields, number, reg, 8, "VALOR"), number, line),
            line_number=number,
            record=reg,
            field="VALOR",
        )
        period.dre[code] = DreLine(
            line_number=number,
            code=code,
            description=self._description(fields[3], number, line),
            kind=self._text(fields[4], number, line),
            value=value if indicator == "C" else -value,
            indicator=indicator,
        )

    def _description(self, raw: bytes, number: int, line: bytes) -> str:
        text = self._text(raw[: MAX_DESCRIPTION_LENGTH * 4], number, line)
        if len(text) > MAX_DESCRIPTION_LENGTH:
            return text[: MAX_DESCRIPTION_LENGTH - 1] + "…"
        return text

    def _check_code(
        self, period: Period, reg: str, code: str, number: int, kind: str | None
    ) -> None:
        """Refuse a code the RFB's table in force for the period does not hold (section 4c)."""
        key = (reg, period.line_number)
        entry = self._known.get(key)
        if entry is None:
            entry = self._known[key] = self._known_for(period, reg)
        plan, known = entry
        if known is None:
            return
        types = known.get(code)
        if types is None:
            raise self._unknown_code(period, reg, plan, code, number)
        mismatch = kind is not None and (len(kind) != 1 or kind not in types)
        if mismatch and (plan, code) not in self._type_warned:
            assert self.data is not None
            self._type_warned.add((plan, code))
            self.structure.listed(
                self.data.warnings,
                Finding(
                    "TYPE_MISMATCH",
                    tr(
                        "code {code} is given as type {kind!r}, but the RFB's table {plan} in "
                        "force gives it type {types}; the file's own lines decide the sums "
                        "(a line with no lines below it in the file is a leaf)",
                        code=code,
                        kind=kind,
                        plan=plan,
                        types=" / ".join(types),
                    ),
                    number,
                    reg,
                ),
            )

    def _known_for(self, period: Period, reg: str) -> tuple[str, dict[str, str] | None]:
        assert self.data is not None
        parameters = self.data.parameters
        year = period.start.year
        plan = check_plan(
            reg,
            "" if parameters is None else parameters.cod_qualif_pj,
            "" if parameters is None else parameters.tip_ent,
            year,
        )
        known = known_codes(plan, period.start, period.end)
        if known is None and (reg, year) not in self._not_checked:
            self._not_checked.add((reg, year))
            self.data.warnings.append(
                Finding(
                    "TABLE_NOT_CHECKED",
                    tr(
                        "the codes of {record} in {year} were not checked: ecfmetric holds no "
                        "RFB table {plan} for that year, so they are read as the plan's rows say",
                        record=reg,
                        year=str(year),
                        plan=plan,
                    ),
                    period.line_number,
                    period.record,
                )
            )
        return plan, known

    def _unknown_code(
        self, period: Period, reg: str, plan: str, code: str, number: int
    ) -> EcfFormatError:
        table = table_for(plan, period.start.year)
        assert table is not None
        held = table.rows.get(code, ())
        year = table.year - 1
        while not held and year >= FIRST_YEAR:
            # Where an earlier table dates the code, say so: it tells why it is refused here.
            earlier = table_for(plan, year)
            held = () if earlier is None else earlier.rows.get(code, ())
            year -= 1
        if held:
            first = held[-1]
            note = tr(
                "the table holds it only from {start} to {end}",
                start=first.start or tr("its first day"),
                end=first.end or dt.date(year + 1, 12, 31),
            )
        else:
            note = tr("the table holds no such code")
        if table.year == OPEN_YEAR:
            where = tr(
                "the newest RFB table this version of ecfmetric holds is for {year}, and in a "
                "later year only its rows with no end date are known; the RFB may have published "
                "a newer table",
                year=str(OPEN_YEAR - 1),
            )
        else:
            where = tr(
                "table {plan} for {year} ({first} to {last}; from {sources})",
                plan=plan,
                year=str(table.year),
                first=table.first_day,
                last=table.last_day,
                sources=", ".join(table.sources),
            )
        return self._error(
            tr(
                "code {code} is not in the RFB's table {plan} in force for period {period} "
                "({start} to {end}): {note}; {where}. Update ecfmetric, or fill the form with "
                "the figures",
                code=code,
                plan=plan,
                period=period.code,
                start=period.start,
                end=period.end,
                note=note,
                where=where,
            ),
            number,
            reg,
            "CODIGO",
            code,
            code="UNKNOWN_CODE",
        )

    def _check_new_line(self, period: Period, key: tuple[str, str], number: int, size: int) -> None:
        """Refuse a code given twice in one period, and more lines than the bounds allow."""
        reg, code = key
        first = period.seen.get(key)
        if first is not None:
            raise self._error(
                tr(
                    "code {code} is given twice in period {period} (first at line {first})",
                    code=code,
                    period=period.code,
                    first=first,
                ),
                number,
                reg,
                "CODIGO",
                code,
                code="DUPLICATE_CODE",
            )
        per_file = MAX_LINES_PER_FILE if self.limits is None else self.limits.kept_lines
        max_bytes = MAX_KEPT_BYTES if self.limits is None else self.limits.kept_bytes
        if self.kept_bytes + size > max_bytes:
            raise self._error(
                tr(
                    "the revenue lines kept add up to more than {limit} bytes (Limits.kept_bytes): "
                    "far more than any ECF's",
                    limit=max_bytes,
                ),
                number,
                reg,
                code="TOO_MANY_LINES",
            )
        if len(period.seen) >= MAX_LINES_PER_PERIOD or self.kept_lines >= per_file:
            raise self._error(
                tr(
                    "more revenue lines than a file may hold ({per_period} per period, "
                    "{per_file} in all): the referential plans have far fewer codes",
                    per_period=MAX_LINES_PER_PERIOD,
                    per_file=per_file,
                ),
                number,
                reg,
                code="TOO_MANY_LINES",
            )
        period.seen[key] = number
        self.kept_lines += 1
        self.kept_bytes += size

    def _table(self, number: int, line: bytes, fields: list[bytes]) -> None:
        reg = fields[1].decode("ascii")
        period = self._current_period(number, reg)
        code = self._code(fields, number, reg)
        self._check_code(period, reg, code, number, None)
        rule = TABLES[reg]
        period.table_records.add(reg)
        revenue = code in rule.revenue
        # T150 revenue (real estate) does not make an arbitrado quarter read: only a T120 line
        # does (a quarter holding only tax-calculation lines is missing).
        if (revenue and reg != "T150") or reg == "T120":
            period.has_revenue_table = True
        description_raw = self._field(fields, number, reg, 3, "DESCRICAO")
        value_text = self._text(self._field(fields, number, reg, 4, "VALOR"), number, line)
        if not revenue and code not in rule.checked:
            if reg not in ("P200", "T120"):
                return
            # Kept only to warn: a line described as receita bruta under a code that is not.
            probe = description_raw[:60].decode("latin-1").strip().lower()
            if not probe.startswith(REVENUE_DESCRIPTION_PERCENT):
                return
        value = parse_signed_amount(value_text, line_number=number, record=reg, field="VALOR")
        self._check_new_line(period, (reg, code), number, len(line))
        description = self._description(description_raw, number, line)
        period.tables.append(TableLine(number, reg, code, description, value))

    def _y540(self, number: int, line: bytes, fields: list[bytes]) -> None:
        assert self.data is not None
        establishment = self._text(
            self._field(fields, number, "Y540", 2, "CNPJ_ESTAB"), number, line
        )
        root = self.data.header.cnpj[:8]
        if (not cnpj_is_valid(establishment) or establishment[:8] != root) and not any(
            w.code == "Y540_CNPJ" for w in self.data.warnings
        ):
            self.data.warnings.append(
                Finding(
                    "Y540_CNPJ",
                    tr(
                        "Y540.CNPJ_ESTAB {cnpj!r} is not a valid CNPJ of this company (root {root})",
                        cnpj=establishment,
                        root=root,
                    ),
                    number,
                    "Y540",
                )
            )
        value = parse_signed_amount(
            self._text(self._field(fields, number, "Y540", 3, "VL_REC_ESTAB"), number, line),
            line_number=number,
            record="Y540",
            field="VL_REC_ESTAB",
        )
        self.data.y540_total = (self.data.y540_total or Decimal("0.00")) + value
        if self.data.y540_line is None:
            self.data.y540_line = number

    # -- block 9 -----------------------------------------------------------------------------

    def _r9100(self, number: int, line: bytes, fields: list[bytes]) -> None:
        """A warning the PVA wrote into the file (Avisos da Escrituração): shown, never used."""
        if self.data is None:
            raise _SkipRecord
        if len(fields) - 2 < len(F9100_NAMED) + 1:
            # It feeds no number: strictly an error, leniently a warning (like any shape problem).
            self.structure.problem(
                tr(
                    "9100 has {count} fields; at least {minimum} expected (REG, NOM_REGRA, "
                    "MSG_REGRA, REGISTRO, CAMPO)",
                    count=len(fields) - 2,
                    minimum=len(F9100_NAMED) + 1,
                ),
                number,
                "9100",
                code="MISSING_FIELD",
            )
            return
        named = [
            self._text(self._field(fields, number, "9100", index, name), number, line)
            for index, name in F9100_NAMED
        ]
        rule, message, record, field = named
        extras = [
            f"{name} {self._text(fields[index], number, line)}"
            for index, name in F9100_DETAILS
            if index < len(fields) - 1 and fields[index]
        ]
        where = f"{record}.{field}" if field else record
        finding = Finding(
            "PVA_WARNING",
            tr(
                "the PVA's own warning {rule} on {where}: {message}{details}",
                rule=rule or "?",
                where=where or "?",
                message=message,
                details=f" ({', '.join(extras)})" if extras else "",
            ),
            number,
            "9100",
        )
        self.pva_warnings += 1
        if self.pva_warnings <= MAX_PVA_WARNINGS:
            self.data.warnings.append(finding)
        else:
            self.structure.suppressed += 1

    # -- block 9 (the structure's) -----------------------------------------------------------

    def _r9900(self, number: int, line: bytes, fields: list[bytes]) -> None:
        self.structure.r9900(number, fields)

    def _r9990(self, number: int, line: bytes, fields: list[bytes]) -> None:
        self.structure.r9990(number, line)

    def _r9999(self, number: int, line: bytes, fields: list[bytes]) -> None:
        self.structure.r9999(number, fields)


class _SkipRecord(Exception):
    """A record that cannot be read because what it depends on was refused (report mode)."""


class NoHeader(Exception):
    """Report mode: the 0000 record could not be read, so there is no metric to compute."""


def finding_of(error: EcfFormatError) -> Finding:
    """An error as an error-severity finding of a validation report."""
    return Finding(error.code, error.reason_with_text(), error.line_number, error.record, "error")
