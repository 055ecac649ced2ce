"""Each way the metric refuses a file, as the exception it raises: its text, its code, and the
line, record and field it points at. The logic decides when; these only say it.

``EcfFormatError`` is a declaration the file contradicts or a value outside its closed list;
``MetricUnavailableError`` a well-formed file whose revenue cannot be read (fill the form).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ..base._errors import EcfFormatError, MetricUnavailableError
from ..base._i18n import Message, tr
from ..ecf._layout import DRE_RECORD
from ..facts._collect import DreLine, Period
from ..rules._parameters import Header, Parameters
from ..rules._periods import BlockRule, NoRule
from ..rules._plans import REFUSED_TIP_ENT, Plan, Row

# -- the year ------------------------------------------------------------------------------------


def no_regime(header: Header, source: str | None) -> MetricUnavailableError:
    return MetricUnavailableError(
        tr("the file has no 0010 record, so its tax regime is unknown"),
        line_number=header.line_number,
        record="0000",
        source=source,
    )


def no_quarter(parameters: Parameters, source: str | None) -> MetricUnavailableError:
    return MetricUnavailableError(
        tr("no quarter of the year lies inside the file's span"),
        line_number=parameters.line_number,
        record="0010",
        source=source,
    )


def no_revenue_concept(parameters: Parameters, source: str | None) -> MetricUnavailableError:
    """A TIP_ENT whose plan (U150D, U150E) has no sales-revenue concept."""
    return MetricUnavailableError(
        tr(
            "the file is of {entity}, whose plan has no sales-revenue concept: there "
            "is no honest revenue metric to read; fill the form instead",
            entity=tr(REFUSED_TIP_ENT[parameters.tip_ent]),
        ),
        line_number=parameters.line_number,
        record="0010",
        source=source,
    )


# -- the declaration (record 0010) ---------------------------------------------------------------


def _at_0010(
    reason: Message,
    parameters: Parameters,
    field: str,
    text: str | None,
    source: str | None,
    code: str = "BAD_PARAMETER",
) -> EcfFormatError:
    return EcfFormatError(
        reason,
        line_number=parameters.line_number,
        record="0010",
        field=field,
        text=text,
        source=source,
        code=code,
    )


def no_rule(
    cause: NoRule, block: str, parameters: Parameters, source: str | None
) -> EcfFormatError:
    """The declared parameters give ``block`` no periods (``cause`` says why)."""
    field = "APUR_CSLL" if block == "U" else "FORMA_TRIB"
    return _at_0010(cause.reason, parameters, field, None, source)


def qualification_not_allowed(
    parameters: Parameters, block: str, allowed: Collection[str], source: str | None
) -> EcfFormatError:
    return _at_0010(
        tr(
            "COD_QUALIF_PJ must be one of {allowed} for block {block} (there is no "
            "insurer plan for Lucro Presumido)",
            allowed=", ".join(c for c in allowed if c),
            block=block,
        ),
        parameters,
        "COD_QUALIF_PJ",
        parameters.cod_qualif_pj,
        source,
    )


def _tip_esc_pre(reason: Message, parameters: Parameters, source: str | None) -> EcfFormatError:
    return _at_0010(reason, parameters, "TIP_ESC_PRE", parameters.tip_esc_pre, source)


def books_without_p150(parameters: Parameters, source: str | None) -> EcfFormatError:
    """TIP_ESC_PRE = C, and no P150 line."""
    return _tip_esc_pre(
        tr(
            "TIP_ESC_PRE = 'C' (books kept) makes P150 the presumido quarters' DRE, "
            "but the file has no P150 line; P200 is only its cross-check. Correct "
            "TIP_ESC_PRE (L for a cash book) or give the P150 lines"
        ),
        parameters,
        source,
    )


def cash_book_with_p150(
    parameters: Parameters, with_dre: Period, source: str | None
) -> EcfFormatError:
    """TIP_ESC_PRE = L, and a period with P150 lines."""
    return _tip_esc_pre(
        tr(
            "TIP_ESC_PRE = 'L' (cash book) reads the presumido quarters from P200, "
            "but period {period} (line {line}) holds P150 lines, the DRE of a filer "
            "that keeps books: the file contradicts its declaration",
            period=with_dre.code,
            line=with_dre.line_number,
        ),
        parameters,
        source,
    )


def books_not_declared(parameters: Parameters, source: str | None) -> EcfFormatError:
    """TIP_ESC_PRE neither C nor L."""
    return _tip_esc_pre(
        tr(
            "a filer with presumido quarters must say in TIP_ESC_PRE whether it keeps books "
            "(C: the DRE P150 is read) or a cash book (L: P200 is read)"
        ),
        parameters,
        source,
    )


def no_annual_period(rule: BlockRule, parameters: Parameters, source: str | None) -> EcfFormatError:
    """An annual block (FORMA_APUR or the imunes' field = A) without its A00 period."""
    return _at_0010(
        tr(
            "{field} = 'A' (annual): block {block} must have a {block}030 A00 period, "
            "which is the year, and this file has none",
            field=rule.field,
            block=rule.block,
        ),
        parameters,
        rule.field.split(".")[1],
        rule.value,
        source,
        code="BAD_PERIOD",
    )


# -- the periods ---------------------------------------------------------------------------------


def quarter_not_assigned(
    period: Period, block: str, quarter: int, source: str | None
) -> EcfFormatError:
    return EcfFormatError(
        tr(
            "period {period} of block {block} covers quarter {quarter}, which "
            "0010.FORMA_TRIB_PER does not assign to this block",
            period=period.code,
            block=block,
            quarter=quarter,
        ),
        line_number=period.line_number,
        record=f"{block}030",
        field="PER_APUR",
        text=period.code,
        source=source,
        code="BAD_PERIOD",
    )


def quarters_missing(
    block: str,
    missing: Sequence[int],
    periods: Sequence[Period],
    mode: str,
    source: str | None,
) -> MetricUnavailableError:
    """Quarters the regime puts in ``block`` with no period read (``mode``: how the block is
    read), pointing at the first one's period when the file has it."""
    code = f"T0{missing[0]}"
    present = next((p for p in periods if p.code == code), None)
    what: Message
    if present is None:
        what = tr("the file has no {record} period {period}", record=f"{block}030", period=code)
    elif present.table_records:
        what = tr(
            "period {period} (line {line}) holds {found} but no {records} line",
            period=code,
            line=present.line_number,
            found=", ".join(sorted(present.table_records)),
            records=_records_of(block, mode),
        )
    else:
        what = tr(
            "period {period} (line {line}) holds no record but no {records} line",
            period=code,
            line=present.line_number,
            records=_records_of(block, mode),
        )
    return MetricUnavailableError(
        tr(
            "the regime puts quarter(s) {quarters} in block {block}, but {what}: a "
            "quarter without its revenue records leaves the year unknown; fill the "
            "form instead",
            quarters=", ".join(f"T0{q}" for q in missing),
            block=block,
            what=what,
        ),
        line_number=None if present is None else present.line_number,
        record=f"{block}030",
        period=code,
        source=source,
    )


def _records_of(block: str, mode: str) -> str:
    if block == "P":
        return "P150" if mode == "dre" else "P200"
    return {"L": "L300", "T": "T120", "U": "U150"}[block]


def annual_without_dre(annual: Period, source: str | None) -> MetricUnavailableError:
    return MetricUnavailableError(
        tr(
            "the annual period A00 has no {record} line: the year is unknown; fill the "
            "form instead",
            record=DRE_RECORD[annual.block],
        ),
        line_number=annual.line_number,
        record=annual.record,
        period="A00",
        source=source,
    )


# -- a DRE line ----------------------------------------------------------------------------------


def unclassified_code(
    line: DreLine, row: Row | None, plan: Plan, record: str, source: str | None
) -> EcfFormatError:
    """A line of a kept subtree that no row of ``plan`` makes revenue or a deduction."""
    return EcfFormatError(
        tr(
            "code {code} lies under {parent} but is neither revenue nor a deduction "
            "in plan {plan}: it cannot be classified, so the figure would be a guess",
            code=line.code,
            parent=row.code if row else tr("a revenue subtree"),
            plan=plan.tables,
        ),
        line_number=line.line_number,
        record=record,
        field="CODIGO",
        text=line.code,
        source=source,
        code="UNKNOWN_CODE",
    )
