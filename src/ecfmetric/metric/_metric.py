"""From collected file data to a :class:`RevenueMetric`: which periods make the year, and how
each plan's lines become the five components (docs/metric.md)."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections.abc import Callable, Iterable
from decimal import Decimal

import attrs

from ..base._errors import EcfFormatError, MetricUnavailableError
from ..base._i18n import Localized, Message, tr
from ..ecf._layout import DRE_RECORD, LAST_Y540_LAYOUT, quarter_span
from ..facts._collect import DreLine, FileData, Period, TableLine
from ..model._labels import COMPONENT_WORDS, money
from ..model._model import (
    COMPONENT_FIELDS,
    Component,
    Finding,
    PeriodMetric,
    Regime,
    RevenueMetric,
    SourceLine,
)
from ..rules._parameters import Parameters, quarter_blocks
from ..rules._periods import BlockRule, NoRule, block_rule
from ..rules._plans import (
    PLAN_BY_QUALIFICATION,
    PLAN_COSIF,
    PLAN_INSURER,
    PLANS,
    REFUSED_TIP_ENT,
    REVENUE_DESCRIPTION,
    SIGN,
    TABLES,
    Plan,
    plan_name,
)
from ..rules._rfb_tables import table_for

ZERO = Decimal("0.00")

INSURER_PREMIUMS = "3.01.01.01.01.01"
INSURER_OTHER_GAINS = "3.01.01.01.01.02"


_COMPONENT_OF_ROLE: dict[str, Component] = {
    name: name
    for name in ("gross_revenue", "cancellations", "discounts", "taxes", "other_deductions")
}


def _rows_of(plan: Plan, role: str) -> tuple[str, ...]:
    return tuple(row.code for row in plan.rows if row.role == role)


@attrs.define
class _Components:
    gross_revenue: Decimal | None = ZERO
    cancellations: Decimal | None = ZERO
    discounts: Decimal | None = ZERO
    taxes: Decimal | None = ZERO
    other_deductions: Decimal | None = ZERO

    def add(self, component: Component, amount: Decimal) -> None:
        current = getattr(self, component)
        setattr(self, component, None if current is None else current + amount)

    def net(self) -> Decimal | None:
        gross = self.gross_revenue
        deductions = [self.cancellations, self.discounts, self.taxes, self.other_deductions]
        if gross is None or any(d is None for d in deductions):
            return None
        return gross - sum((d for d in deductions if d is not None), ZERO)


class _Computation:
    def __init__(self, data: FileData, source: str | None) -> None:
        self.data = data
        self.source = source
        self.lines: list[SourceLine] = []
        self.warnings: list[Finding] = list(data.warnings)
        #: x030 line → the period's gross revenue as read (for the P200 cross-check).
        self._gross_of: dict[int, Decimal | None] = {}

    def warn(
        self, code: str, message: Message, line_number: int | None = None, record: str | None = None
    ) -> None:
        self.warnings.append(Finding(code, message, line_number, record))

    def unavailable(
        self,
        reason: Message,
        *,
        line_number: int | None = None,
        record: str | None = None,
        period: str | None = None,
    ) -> MetricUnavailableError:
        return MetricUnavailableError(
            reason, line_number=line_number, record=record, period=period, source=self.source
        )

    # -- the year --------------------------------------------------------------------------

    def run(self) -> RevenueMetric:
        data = self.data
        header = data.header
        parameters = data.parameters
        if parameters is None:
            raise self.unavailable(
                tr("the file has no 0010 record, so its tax regime is unknown"),
                line_number=header.line_number,
                record="0000",
            )
        regime = Regime.from_forma_trib(parameters.forma_trib)
        assignments = quarter_blocks(parameters, header)
        if not assignments:
            raise self.unavailable(
                tr("no quarter of the year lies inside the file's span"),
                line_number=parameters.line_number,
                record="0010",
            )
        used: list[tuple[Period, str]] = []
        for block in sorted(set(assignments.values())):
            quarters = sorted(q for q, b in assignments.items() if b == block)
            used.extend(self._block_periods(block, quarters, parameters))
        used.sort(key=lambda item: item[0].start)
        self._check_contiguous([period for period, _ in used])

        year = _Components()
        breakdown: list[PeriodMetric] = []
        for period, mode in used:
            components = self._period_components(period, mode, parameters)
            self._gross_of[period.line_number] = components.gross_revenue
            for name in COMPONENT_FIELDS:
                value = getattr(components, name)
                current = getattr(year, name)
                setattr(year, name, None if value is None or current is None else current + value)
            breakdown.append(
                PeriodMetric(
                    period=period.code,
                    start=period.start,
                    end=period.end,
                    block=period.block,
                    record=DRE_RECORD[period.block]
                    if mode == "dre"
                    else _table_record(period.block),
                    gross_revenue=components.gross_revenue,
                    cancellations=components.cancellations,
                    discounts=components.discounts,
                    taxes=components.taxes,
                    other_deductions=components.other_deductions,
                    net_revenue=components.net(),
                )
            )
        self._unknown_warning(year, used)
        net = year.net()
        if net is not None and net < 0:
            assert year.gross_revenue is not None
            self.warn(
                "NEGATIVE_NET_REVENUE",
                tr(
                    "the deductions ({deductions}) are larger than the gross revenue ({gross}): "
                    "net revenue is {net}. The figure stands as the file states it; check the "
                    "file before it is used",
                    deductions=year.gross_revenue - net,
                    gross=year.gross_revenue,
                    net=net,
                ),
                used[0][0].line_number if used else None,
            )
        self._check_p200(used)
        self._check_y540(year)
        partial = (header.start.month, header.start.day) != (1, 1) or (
            header.end.month,
            header.end.day,
        ) != (12, 31)
        if partial:
            self.warn(
                "PARTIAL_YEAR",
                tr(
                    "the file covers {start} to {end}, not the whole calendar year: the metric "
                    "covers that span only",
                    start=header.start,
                    end=header.end,
                ),
                header.line_number,
                "0000",
            )
        scp = header.scp_cnpj
        return RevenueMetric(
            cnpj=scp if scp is not None else header.cnpj,
            company_name=header.name,
            reference_year=header.end.year,
            period_start=header.start,
            period_end=header.end,
            regime=regime,
            layout_version=header.layout_version,
            rectifying=header.rectification in ("S", "F"),
            receipt=header.receipt,
            source="ecf",
            gross_revenue=year.gross_revenue,
            cancellations=year.cancellations,
            discounts=year.discounts,
            taxes=year.taxes,
            other_deductions=year.other_deductions,
            net_revenue=year.net(),
            periods=tuple(breakdown),
            lines=tuple(self.lines),
            warnings=tuple(self.warnings),
            managing_partner_cnpj=header.cnpj if scp is not None else None,
            partial_year=partial,
            fingerprint=self._fingerprint(),
            file_name=self.source,
        )

    def _fingerprint(self) -> str:
        """A digest of what the file states for the metric: identical for the same file read
        twice, different when any identity field or amount read differs."""
        header = self.data.header
        digest = hashlib.sha256()
        for part in (
            header.cnpj,
            header.scp_cnpj or "",
            header.layout_version,
            header.start.isoformat(),
            header.end.isoformat(),
            header.rectification,
            header.receipt or "",
            str(self.data.end_line),
        ):
            digest.update(part.encode("utf-8") + b"\x00")
        for line in self.lines:
            digest.update(f"{line.line_number}|{line.code}|{line.amount}\x00".encode())
        return digest.hexdigest()

    def _block_periods(
        self, block: str, quarters: list[int], parameters: Parameters
    ) -> list[tuple[Period, str]]:
        """The periods of ``block`` that make its quarters, each with how to read it."""
        periods = [p for p in self.data.periods if p.block == block]
        record = f"{block}030"
        if block == "U":
            if parameters.tip_ent in REFUSED_TIP_ENT:
                raise self.unavailable(
                    tr(
                        "the file is of {entity}, whose plan has no sales-revenue concept: there "
                        "is no honest revenue metric to read; fill the form instead",
                        entity=tr(REFUSED_TIP_ENT[parameters.tip_ent]),
                    ),
                    line_number=parameters.line_number,
                    record="0010",
                )
        elif block in ("L", "P"):
            self._require_plan(parameters, block)
        try:
            rule = block_rule(block, parameters)
        except NoRule as no_rule:
            field = "APUR_CSLL" if block == "U" else "FORMA_TRIB"
            raise EcfFormatError(
                no_rule.reason,
                line_number=parameters.line_number,
                record="0010",
                field=field,
                source=self.source,
                code="BAD_PARAMETER",
            ) from None
        if rule.annual:
            return [(self._annual_period(rule, periods, parameters), "dre")]
        mode = "dre"
        if block == "P":
            # TIP_ESC_PRE decides: C (books) reads the DRE P150, L (cash book) reads P200.
            if self._presumido_books(parameters, periods):
                with_dre = [p for p in periods if p.has_dre]
                annual = [p for p in with_dre if p.code == "A00"]
                chosen = annual or [p for p in with_dre if p.code.startswith("T")]
            else:
                mode = "table"
                chosen = [p for p in periods if p.code.startswith("T") and p.has_revenue_table]
        elif block == "T":
            mode = "table"
            chosen = [p for p in periods if p.has_revenue_table]
        elif rule.year == "A00 or quarters":
            with_dre = [p for p in periods if p.has_dre]
            annual = [p for p in with_dre if p.code == "A00"]
            chosen = annual or [p for p in with_dre if p.code.startswith("T")]
        else:
            chosen = [p for p in periods if p.has_dre]
        covered: dict[int, Period] = {}
        for period in chosen:
            for quarter in _quarters_of(period, self.data.header.end.year):
                if quarter not in quarters:
                    raise EcfFormatError(
                        tr(
                            "period {period} of block {block} covers quarter {quarter}, which "
                            "0010.FORMA_TRIB_PER does not assign to this block",
                            period=period.code,
                            block=block,
                            quarter=quarter,
                        ),
                        line_number=period.line_number,
                        record=record,
                        field="PER_APUR",
                        text=period.code,
                        source=self.source,
                        code="BAD_PERIOD",
                    )
                covered[quarter] = period
        missing = [q for q in quarters if q not in covered]
        if missing:
            code = f"T0{missing[0]}"
            present = next((p for p in periods if p.code == code), None)
            what: Message
            if present is None:
                what = tr("the file has no {record} period {period}", record=record, period=code)
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
            raise self.unavailable(
                tr(
                    "the regime puts quarter(s) {quarters} in block {block}, but {what}: a "
                    "quarter without its revenue records leaves the year unknown; fill the "
                    "form instead",
                    quarters=", ".join(f"T0{q}" for q in missing),
                    block=block,
                    what=what,
                ),
                line_number=None if present is None else present.line_number,
                record=record,
                period=code,
            )
        return [(period, mode) for period in chosen]

    def _presumido_books(self, parameters: Parameters, periods: list[Period]) -> bool:
        """Whether the presumido quarters are read from P150 (``TIP_ESC_PRE`` C) or from P200
        (``L``); the declared value decides, never which records happen to be there."""
        declared = parameters.tip_esc_pre
        if declared == "C":
            if not any(p.has_dre for p in periods):
                raise EcfFormatError(
                    tr(
                        "TIP_ESC_PRE = 'C' (books kept) makes P150 the presumido quarters' DRE, "
                        "but the file has no P150 line; P200 is only its cross-check. Correct "
                        "TIP_ESC_PRE (L for a cash book) or give the P150 lines"
                    ),
                    line_number=parameters.line_number,
                    record="0010",
                    field="TIP_ESC_PRE",
                    text=declared,
                    source=self.source,
                    code="BAD_PARAMETER",
                )
            return True
        if declared == "L":
            with_dre = next((p for p in periods if p.has_dre), None)
            if with_dre is not None:
                raise EcfFormatError(
                    tr(
                        "TIP_ESC_PRE = 'L' (cash book) reads the presumido quarters from P200, "
                        "but period {period} (line {line}) holds P150 lines, the DRE of a filer "
                        "that keeps books: the file contradicts its declaration",
                        period=with_dre.code,
                        line=with_dre.line_number,
                    ),
                    line_number=parameters.line_number,
                    record="0010",
                    field="TIP_ESC_PRE",
                    text=declared,
                    source=self.source,
                    code="BAD_PARAMETER",
                )
            return False
        raise EcfFormatError(
            tr(
                "a filer with presumido quarters must say in TIP_ESC_PRE whether it keeps books "
                "(C: the DRE P150 is read) or a cash book (L: P200 is read)"
            ),
            line_number=parameters.line_number,
            record="0010",
            field="TIP_ESC_PRE",
            text=declared,
            source=self.source,
            code="BAD_PARAMETER",
        )

    def _annual_period(
        self, rule: BlockRule, periods: list[Period], parameters: Parameters
    ) -> Period:
        """The A00 period of an annual block (FORMA_APUR or the imunes' field = A)."""
        block = rule.block
        annual = next((p for p in periods if p.code == "A00"), None)
        field = rule.field.split(".")[1]
        if annual is None:
            raise EcfFormatError(
                tr(
                    "{field} = 'A' (annual): block {block} must have a {block}030 A00 period, "
                    "which is the year, and this file has none",
                    field=rule.field,
                    block=block,
                ),
                line_number=parameters.line_number,
                record="0010",
                field=field,
                text=rule.value,
                source=self.source,
                code="BAD_PERIOD",
            )
        if not annual.has_dre:
            raise self.unavailable(
                tr(
                    "the annual period A00 has no {record} line: the year is unknown; fill the "
                    "form instead",
                    record=DRE_RECORD[block],
                ),
                line_number=annual.line_number,
                record=annual.record,
                period="A00",
            )
        self._check_a12(periods, annual, parameters)
        return annual

    def _require_plan(self, parameters: Parameters, block: str) -> None:
        allowed = PLAN_BY_QUALIFICATION[block]
        if parameters.cod_qualif_pj == "":
            if not any(w.code == "COD_QUALIF_PJ_MISSING" for w in self.warnings):
                self.warn(
                    "COD_QUALIF_PJ_MISSING",
                    tr(
                        "0010.COD_QUALIF_PJ is empty: the DRE was read with the general plan "
                        "(L300A/P150A, PJ em geral); a financial institution or insurer must "
                        "fill it"
                    ),
                    parameters.line_number,
                    "0010",
                )
            return
        if parameters.cod_qualif_pj not in allowed:
            raise EcfFormatError(
                tr(
                    "COD_QUALIF_PJ must be one of {allowed} for block {block} (there is no "
                    "insurer plan for Lucro Presumido)",
                    allowed=", ".join(c for c in allowed if c),
                    block=block,
                ),
                line_number=parameters.line_number,
                record="0010",
                field="COD_QUALIF_PJ",
                text=parameters.cod_qualif_pj,
                source=self.source,
                code="BAD_PARAMETER",
            )

    def _period_components(self, period: Period, mode: str, parameters: Parameters) -> _Components:
        if mode == "table":
            return self._table_components(period)
        name = plan_name(period.block, parameters.cod_qualif_pj, parameters.tip_ent)
        assert name is not None  # refused before: _require_plan, REFUSED_TIP_ENT
        plan = PLANS[name]
        record = DRE_RECORD[period.block]
        if plan is PLAN_COSIF:
            return self._plan_cosif(period, record)
        if plan is PLAN_INSURER:
            return self._plan_insurer(period, record)
        return self._plan_rows(period, record, plan)

    def _source(
        self,
        line: DreLine | None,
        record: str,
        period: Period,
        component: Component | None,
        amount: Decimal,
    ) -> None:
        if line is None:
            return
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

    def _plan_rows(self, period: Period, record: str, plan: Plan) -> _Components:
        """A plan read by its rows: each leaf goes where the row at or above it says."""
        tree = _Tree(period.dre)
        out = _Components()
        if not period.dre:
            self.warn(
                "NO_REVENUE_LINES",
                tr(
                    "period {period} has no line of the revenue subtree: gross revenue 0",
                    period=period.code,
                ),
                period.line_number,
                record,
            )
            return out
        not_split: list[DreLine] = []
        for line in tree.lines_in_order():
            code = line.code
            row = plan.row_of(code)
            if row is None or (row.role == "net" and code != row.code):
                raise EcfFormatError(
                    tr(
                        "code {code} lies under {parent} but is neither revenue nor a deduction "
                        "in plan {plan}: it cannot be classified, so the figure would be a guess",
                        code=code,
                        parent=row.code if row else tr("a revenue subtree"),
                        plan=plan.tables,
                    ),
                    line_number=line.line_number,
                    record=record,
                    field="CODIGO",
                    text=code,
                    source=self.source,
                    code="UNKNOWN_CODE",
                )
            component: Component | None = None
            amount = line.value
            if tree.is_leaf(code):
                if row.role == "deductions":
                    if code == row.code:
                        if line.value:
                            not_split.append(line)
                    else:
                        component = "other_deductions"
                else:
                    component = _COMPONENT_OF_ROLE.get(row.role)
                if component is not None:
                    amount = SIGN[component] * line.value
                    self._sign_check(line, component, record)
                    out.add(component, amount)
            self._source(line, record, period, component, amount)
        nets = _rows_of(plan, "net")
        self._check_synthetics(tree, period, record, nets)
        net_only = [
            root
            for root in nets
            if root in period.dre
            and period.dre[root].value
            and not any(c != root and _under(c, root) for c in period.dre)
        ]
        if net_only:
            self.warn(
                "UNKNOWN_COMPONENTS",
                tr(
                    "period {period} states RECEITA LIQUIDA ({codes}) but none of the lines "
                    "below it: gross revenue and its deductions are unknown. Fill the form to "
                    "give them",
                    period=period.code,
                    codes=", ".join(net_only),
                ),
                period.line_number,
                record,
            )
            return _Components(None, None, None, None, None)
        stated = [period.dre[root] for root in nets if root in period.dre]
        if not_split:
            subtotals = Localized(
                ", ".join(f"{line.code} = {money(-line.value, 'pt')}" for line in not_split),
                ", ".join(f"{line.code} = {-line.value:.2f}" for line in not_split),
            )
            self.warn(
                "DEDUCTIONS_NOT_SPLIT",
                tr(
                    "period {period} gives the deductions subtotal ({subtotals}) without the "
                    "lines below it, so how it splits into cancellations, discounts, taxes and "
                    "other deductions is unknown; the file's RECEITA LIQUIDA is {net}. Fill the "
                    "form to give them",
                    period=period.code,
                    subtotals=subtotals,
                    net=sum((n.value for n in stated), ZERO),
                )
                if stated
                else tr(
                    "period {period} gives the deductions subtotal ({subtotals}) without the "
                    "lines below it, so how it splits into cancellations, discounts, taxes and "
                    "other deductions is unknown. Fill the form to give them",
                    period=period.code,
                    subtotals=subtotals,
                ),
                not_split[0].line_number,
                record,
            )
            return _Components(out.gross_revenue, None, None, None, None)
        computed = out.net()
        for root in nets:
            has_lines = any(c.startswith(root + ".") for c in period.dre)
            if has_lines and root not in period.dre:
                self.warn(
                    "NET_REVENUE_LINE_MISSING",
                    tr(
                        "period {period} has revenue lines but no {code} RECEITA LIQUIDA line to "
                        "check the net against",
                        period=period.code,
                        code=root,
                    ),
                    period.line_number,
                    record,
                )
        total = sum((line.value for line in stated), ZERO)
        if stated and computed is not None and total != computed:
            self.warn(
                "NET_REVENUE_MISMATCH",
                tr(
                    "period {period}: the file's RECEITA LIQUIDA is {stated}, but its lines give "
                    "{computed} (gross − deductions); the computed figure is used",
                    period=period.code,
                    stated=total,
                    computed=computed,
                ),
                stated[0].line_number,
                record,
            )
        return out

    def _plan_cosif(self, period: Period, record: str) -> _Components:
        """The COSIF proxy with the codes of the table in force for the period (section 3)."""
        out = _Components()
        rows = PLAN_COSIF.rows_in_force(period.start)
        gross_code = next(row.code for row in rows if row.role == "gross_revenue")
        dated = rows[0].since is not None
        self._proxy_warning(PLAN_COSIF, period, record, dated=dated)
        if dated:
            # From 2025 the codes are 9 digits: the RFB's table gives each code's parent.
            ancestors = _table_ancestors(record, period)
            revenue = {
                c: line
                for c, line in period.dre.items()
                if c == gross_code or gross_code in ancestors(c)
            }
            parents = {p for code in revenue for p in ancestors(code)}
        else:
            revenue = {c: line for c, line in period.dre.items() if c.startswith("3.1.7.1.")}
            # COSIF codes are fixed-width (3.1.7.1.1.05.00 is under 3.1.7.1.1.00.00): its own
            # hierarchy, not a dotted prefix, tells which lines are leaves.
            parents = {p for code in revenue for p in _cosif_ancestors(code)}
        if not revenue:
            self.warn(
                "NO_REVENUE_LINES",
                tr(
                    "period {period} has no line of {code}: gross revenue 0",
                    period=period.code,
                    code=gross_code,
                ),
                period.line_number,
                record,
            )
        for code, line in sorted(revenue.items(), key=lambda item: item[1].line_number):
            if code in parents:
                self._source(line, record, period, None, line.value)
                continue
            self._sign_check(line, "gross_revenue", record)
            out.add("gross_revenue", line.value)
            self._source(line, record, period, "gross_revenue", line.value)
        for row in rows:
            if row.role != "taxes":
                continue
            tax = period.dre.get(row.code)
            if tax is not None:
                self._sign_check(tax, "taxes", record)
                out.add("taxes", -tax.value)
                self._source(tax, record, period, "taxes", -tax.value)
        return out

    def _plan_insurer(self, period: Period, record: str) -> _Components:
        tree = _Tree(period.dre)
        out = _Components()
        self._proxy_warning(PLAN_INSURER, period, record)
        if not any(c.startswith(INSURER_PREMIUMS) for c in period.dre):
            self.warn(
                "NO_REVENUE_LINES",
                tr(
                    "period {period} has no {code} line: gross revenue 0",
                    period=period.code,
                    code=INSURER_PREMIUMS,
                ),
                period.line_number,
                record,
            )
        for line in tree.lines_in_order():
            code = line.code
            component: Component | None = None
            amount = line.value
            if tree.is_leaf(code):
                row = PLAN_INSURER.row_of(code)
                if row is not None and row.role in ("cancellations", "taxes"):
                    component, amount = row.role, -line.value
                elif code.startswith(INSURER_PREMIUMS + ".") and line.value > 0:
                    component = "gross_revenue"
                elif code == INSURER_PREMIUMS:
                    component = "gross_revenue" if line.value > 0 else None
                if component is not None:
                    self._sign_check(line, component, record)
                    out.add(component, amount)
            self._source(line, record, period, component, amount)
        rfb = tree.value(INSURER_PREMIUMS) + tree.value(INSURER_OTHER_GAINS)
        self.warn(
            "INSURER_RFB_REVENUE",
            tr(
                "period {period}: the RFB's own revenue for insurers (PRÊMIOS GANHOS + OUTROS "
                "GANHOS, which nets claims and commissions) is {amount}; shown for comparison, "
                "not used",
                period=period.code,
                amount=rfb,
            ),
            period.line_number,
            record,
        )
        self._check_synthetics(tree, period, record, ())
        return out

    def _table_components(self, period: Period) -> _Components:
        out = _Components(cancellations=None, discounts=None, taxes=None, other_deductions=None)
        for line in period.tables:
            rule = TABLES[line.record]
            component: Component | None = None
            described = line.description.strip().lower().startswith(REVENUE_DESCRIPTION)
            revenue_codes = ", ".join(sorted(rule.revenue, key=int))
            if line.code in rule.revenue:
                component = "gross_revenue"
                out.add("gross_revenue", line.value)
                if line.record in ("P200", "T120") and not described:
                    self.warn(
                        f"{line.record}_DESCRIPTION_MISMATCH",
                        tr(
                            "{record} code {code} is receita bruta in the RFB's table, but is "
                            "described as {description!r}; added by its code",
                            record=line.record,
                            code=line.code,
                            description=line.description,
                        ),
                        line.line_number,
                        line.record,
                    )
            elif line.record in ("P200", "T120"):
                self.warn(
                    f"{line.record}_DESCRIPTION_MISMATCH",
                    tr(
                        "{record} code {code} is described as {description!r}, but only codes "
                        "{codes} are receita bruta in the RFB's table; not added",
                        record=line.record,
                        code=line.code,
                        description=line.description,
                        codes=revenue_codes,
                    ),
                    line.line_number,
                    line.record,
                )
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
        return out

    # -- checks ----------------------------------------------------------------------------

    def _proxy_warning(
        self, plan: Plan, period: Period, record: str, *, dated: bool = False
    ) -> None:
        if not any(w.code == "PROXY_DEFINITION" for w in self.warnings):
            proxy = plan.proxy_since if dated and plan.proxy_since else plan.proxy
            self.warn(
                "PROXY_DEFINITION",
                tr(
                    "this plan has no receita bruta subtree; the metric is a {proxy}",
                    proxy=tr(proxy or ""),
                ),
                period.line_number,
                record,
            )

    def _sign_check(self, line: DreLine, component: Component, record: str) -> None:
        expected = "C" if component == "gross_revenue" else "D"
        if line.value != 0 and line.indicator != expected:
            self.warn(
                "UNUSUAL_SIGN",
                tr(
                    "{code} ({component}) is {indicator}; {expected} was expected. Its sign is "
                    "kept",
                    code=line.code,
                    component=component,
                    indicator=line.indicator,
                    expected=expected,
                ),
                line.line_number,
                record,
            )

    def _check_synthetics(
        self, tree: _Tree, period: Period, record: str, nets: tuple[str, ...]
    ) -> None:
        for code, children in tree.children.items():
            if code in nets:
                continue  # the file's RECEITA LIQUIDA: checked against the computed net instead
            line = period.dre[code]
            total = sum((period.dre[c].value for c in children), ZERO)
            if total != line.value:
                self.warn(
                    "SYNTHETIC_SUM_MISMATCH",
                    tr(
                        "period {period}: {code} is {amount}, but its lines below add up to "
                        "{total}",
                        period=period.code,
                        code=code,
                        amount=line.value,
                        total=total,
                    ),
                    line.line_number,
                    record,
                )

    def _check_contiguous(self, periods: list[Period]) -> None:
        header = self.data.header
        if periods and (periods[0].start != header.start or periods[-1].end != header.end):
            self.warn(
                "PERIODS_NOT_CONTIGUOUS",
                tr(
                    "the periods read cover {start} to {end}, but the file covers {file_start} "
                    "to {file_end}",
                    start=periods[0].start,
                    end=periods[-1].end,
                    file_start=header.start,
                    file_end=header.end,
                ),
                periods[0].line_number,
                periods[0].record,
            )
        for before, after in itertools.pairwise(periods):
            if after.start != before.end + dt.timedelta(days=1):
                self.warn(
                    "PERIODS_NOT_CONTIGUOUS",
                    tr(
                        "period {period} of block {block} starts on {start}, but {previous} of "
                        "block {previous_block} ends on {end}: the periods read leave a gap or "
                        "overlap",
                        period=after.code,
                        block=after.block,
                        start=after.start,
                        previous=before.code,
                        previous_block=before.block,
                        end=before.end,
                    ),
                    after.line_number,
                    after.record,
                )

    def _check_a12(self, periods: list[Period], annual: Period, parameters: Parameters) -> None:
        a12 = next((p for p in periods if p.code == "A12"), None)
        name = plan_name(annual.block, parameters.cod_qualif_pj, parameters.tip_ent)
        if a12 is None or name not in ("A", "U_A"):
            return
        roots = _rows_of(PLANS[name], "gross_revenue")
        a00_tree, a12_tree = _Tree(annual.dre), _Tree(a12.dre)
        a00_gross = sum((a00_tree.value(root) for root in roots), ZERO)
        a12_gross = sum((a12_tree.value(root) for root in roots), ZERO)
        if a00_gross != a12_gross:
            self.warn(
                "A12_A00_MISMATCH",
                tr(
                    "gross revenue of A12 (balancete up to December, {a12}) differs from A00 "
                    "({a00}); A00 is used",
                    a12=a12_gross,
                    a00=a00_gross,
                ),
                a12.line_number,
                a12.record,
            )

    def _unknown_warning(self, year: _Components, used: list[tuple[Period, str]]) -> None:
        unknown = [name for name in COMPONENT_FIELDS[1:] if getattr(year, name) is None]
        tables = [period for period, mode in used if mode == "table"]
        if not unknown or not tables:
            return  # a DRE period with unknowns has said so itself
        records = sorted({line.record for period in tables for line in period.tables} or {"P200"})
        self.warn(
            "UNKNOWN_COMPONENTS",
            tr(
                "the file states revenue only in {records}, which is already net of returns, "
                "cancellations and unconditional discounts and does not state the taxes on "
                "sales: {unknown} and net revenue are unknown. Fill the form to give them",
                records=", ".join(records),
                unknown=Localized(
                    ", ".join(COMPONENT_WORDS["pt"][name] for name in unknown),
                    ", ".join(COMPONENT_WORDS["en"][name] for name in unknown),
                ),
            ),
            used[0][0].line_number if used else None,
        )

    def _check_p200(self, used: list[tuple[Period, str]]) -> None:
        dre_periods = [p for p, mode in used if mode == "dre" and p.block == "P"]
        if not dre_periods:
            return
        quarters = [p for p in self.data.periods if p.block == "P" and p.code.startswith("T")]
        p200 = {p.code: _p200_revenue(p.tables) for p in quarters}
        if not any(v is not None for v in p200.values()):
            return
        pairs: list[tuple[Message | str, Decimal, Decimal, int]] = []
        parameters = self.data.parameters
        cosif = (
            parameters is not None
            and plan_name("P", parameters.cod_qualif_pj, parameters.tip_ent) == PLAN_COSIF.name
        )
        for period in dre_periods:
            if cosif:
                # A bank's P150B has no cancellations or discounts: P200 is compared with the
                # period's RECEITAS OPERACIONAIS, as read (section 4c).
                expected = self._gross_of.get(period.line_number) or ZERO
            else:
                tree = _Tree(period.dre)
                expected = sum(
                    (
                        tree.value(r + ".01") + tree.value(r + ".02.01") + tree.value(r + ".02.02")
                        for r in _rows_of(PLANS["A"], "net")
                    ),
                    ZERO,
                )
            if period.code == "A00":
                total = sum((v for v in p200.values() if v is not None), ZERO)
                pairs.append((tr("the year"), total, expected, period.line_number))
            elif p200.get(period.code) is not None:
                pairs.append((period.code, p200[period.code] or ZERO, expected, period.line_number))
        for label, total, expected, line_number in pairs:
            if total != expected:
                self.warn(
                    "P200_P150_MISMATCH",
                    tr(
                        "{label}: P200 revenue (codes 2, 4, 6, 8, 9 + P300 16) is {total}, but "
                        "P150's RECEITAS OPERACIONAIS (COSIF) is {expected}",
                        label=label,
                        total=total,
                        expected=expected,
                    )
                    if cosif
                    else tr(
                        "{label}: P200 revenue (codes 2, 4, 6, 8, 9 + P300 16) is {total}, but "
                        "P150 gross − cancellations − discounts is {expected}",
                        label=label,
                        total=total,
                        expected=expected,
                    ),
                    line_number,
                    "P030",
                )

    def _check_y540(self, year: _Components) -> None:
        data = self.data
        if (
            data.y540_total is None
            or data.header.layout_version > LAST_Y540_LAYOUT
            or year.gross_revenue is None
        ):
            return
        expected = year.gross_revenue - (year.cancellations or ZERO) - (year.discounts or ZERO)
        if data.y540_total != expected:
            self.warn(
                "Y540_MISMATCH",
                tr(
                    "Y540 revenue by establishment adds up to {total}, but gross − cancellations "
                    "− discounts is {expected}",
                    total=data.y540_total,
                    expected=expected,
                ),
                data.y540_line,
                "Y540",
            )


class _Tree:
    """The kept lines of one period's DRE as a tree by code prefix (``a.b`` is under ``a``)."""

    def __init__(self, lines: dict[str, DreLine]) -> None:
        self.lines = lines
        # The nearest present ancestor of each code; codes with none are roots.
        self.children: dict[str, list[str]] = {}
        for code in lines:
            parent = _nearest_parent(code, lines)
            if parent is not None:
                self.children.setdefault(parent, []).append(code)

    def is_leaf(self, code: str) -> bool:
        return code not in self.children

    def lines_in_order(self) -> list[DreLine]:
        return sorted(self.lines.values(), key=lambda line: line.line_number)

    def value(self, code: str) -> Decimal:
        """Signed sum of the leaves at or below ``code`` (0 when nothing is there)."""
        prefix = code + "."
        return sum(
            (
                line.value
                for c, line in self.lines.items()
                if (c == code or c.startswith(prefix)) and self.is_leaf(c)
            ),
            ZERO,
        )


def _table_ancestors(record: str, period: Period) -> Callable[[str], list[str]]:
    """The codes above a code in the RFB's table in force for ``period`` (its parents' chain)."""
    data_plan = {"L300": "L300B", "P150": "P150B", "U150": "U150B"}[record]
    table = table_for(data_plan, period.start.year)

    def ancestors(code: str) -> list[str]:
        out: list[str] = []
        parent = table.parent(code) if table is not None else None
        while parent and parent not in out:
            out.append(parent)
            parent = table.parent(parent) if table is not None else None
        return out

    return ancestors


def _cosif_ancestors(code: str) -> list[str]:
    """The COSIF codes above ``code``: its last non-zero group zeroed, again and again."""
    parts = code.split(".")
    out = []
    for index in range(len(parts) - 1, 0, -1):
        if parts[index].strip("0"):
            parts[index] = "0" * len(parts[index])
            out.append(".".join(parts))
    return out


def _under(code: str, root: str) -> bool:
    """Whether ``code`` is ``root`` or below it in a dotted referential plan."""
    return code == root or code.startswith(root + ".")


def _nearest_parent(code: str, lines: dict[str, DreLine]) -> str | None:
    parts = code.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        candidate = ".".join(parts[:cut])
        if candidate in lines:
            return candidate
    return None


def _quarters_of(period: Period, year: int) -> Iterable[int]:
    if period.code.startswith("T"):
        return (int(period.code[2]),)
    return [
        q
        for q in range(1, 5)
        if quarter_span(year, q)[1] >= period.start and quarter_span(year, q)[0] <= period.end
    ]


def _p200_revenue(tables: list[TableLine]) -> Decimal | None:
    values = [
        line.value
        for line in tables
        if line.record in ("P200", "P300") and line.code in TABLES[line.record].revenue
    ]
    return sum(values, ZERO) if values else None


def _table_record(block: str) -> str:
    return "P200" if block == "P" else "T120"


def _records_of(block: str, mode: str | None) -> str:
    if block == "P" and mode is not None:
        return "P150" if mode == "dre" else "P200"
    return {"L": "L300", "P": "P150 or P200", "T": "T120", "U": "U150"}[block]


def compute_metric(data: FileData, source: str | None = None) -> RevenueMetric:
    """The metric of one collected file."""
    return _Computation(data, source).run()
