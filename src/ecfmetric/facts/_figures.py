"""The records that carry figures: L300, P150 and U150 (the DRE lines), P200, P300, T120 and
T150 (the tables), and Y540 (revenue per establishment).

A line may carry an amount, so what it holds is refused in every mode when it cannot be read:
a code of the wrong shape or outside the RFB's table, a sign, an amount, a code given twice.
Only the lines under the codes the plan keeps are kept, within the bounds below.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..base._cnpj import cnpj_is_valid
from ..ecf._fields import parse_amount, parse_signed_amount
from ..model._model import Finding
from ..rules._parameters import IND_VALOR
from ..rules._plans import PLANS, REVENUE_DESCRIPTION_PERCENT, TABLES, plan_name
from . import _messages_figures as say
from ._data import DreLine, Period, TableLine
from ._known import check_code
from ._periods import current_period
from ._state import State

__all__ = [
    "CODE_SHAPE",
    "MAX_CODE_LENGTH",
    "MAX_DESCRIPTION_LENGTH",
    "MAX_KEPT_BYTES",
    "MAX_LINES_PER_FILE",
    "MAX_LINES_PER_PERIOD",
    "dre",
    "table",
    "y540",
]

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
#: A referential or table code: digits in dot-separated groups, nothing else (no blanks).
CODE_SHAPE = re.compile(rb"[0-9]+(?:\.[0-9]+)*")


def dre(state: State, number: int, line: bytes, fields: list[bytes]) -> None:
    """L300, P150 or U150: a line of the DRE, kept when the plan keeps its code."""
    reg = fields[1].decode("ascii")
    period = current_period(state, number, reg)
    code = _code(state, fields, number, reg)
    indicator = state.field_text(fields, number, reg, 9, "IND_VALOR", line)
    if indicator not in IND_VALOR:
        raise state.error(say.ind_valor(), number, reg, "IND_VALOR", indicator, code="BAD_AMOUNT")
    check_code(state, period, reg, code, number, fields[4].decode("latin-1"))
    period.has_dre = True
    if not code.startswith(_kept(state, reg[0])):
        return
    _check_new_line(state, period, (reg, code), number, len(line))
    value = parse_amount(
        state.field_text(fields, number, reg, 8, "VALOR", line),
        line_number=number,
        record=reg,
        field="VALOR",
    )
    period.dre[code] = DreLine(
        line_number=number,
        code=code,
        description=_description(state, fields[3], number, line),
        kind=state.text(fields[4], number, line),
        value=value if indicator == "C" else -value,
        indicator=indicator,
    )


def table(state: State, number: int, line: bytes, fields: list[bytes]) -> None:
    """P200, P300, T120 or T150: a line of a table, kept when its code is one the rule reads."""
    reg = fields[1].decode("ascii")
    period = current_period(state, number, reg)
    code = _code(state, fields, number, reg)
    check_code(state, period, reg, code, number, None)
    rule = TABLES[reg]
    period.table_records.add(reg)
    revenue = code in rule.revenue
    # T150 revenue (real estate) does not make an arbitrado quarter read: only a T120 line
    # does (a quarter holding only tax-calculation lines is missing).
    if (revenue and reg != "T150") or reg == "T120":
        period.has_revenue_table = True
    description_raw = state.field(fields, number, reg, 3, "DESCRICAO")
    value_text = state.field_text(fields, number, reg, 4, "VALOR", line)
    if not revenue and code not in rule.checked:
        if reg not in ("P200", "T120"):
            return
        # Kept only to warn: a line described as receita bruta under a code that is not.
        probe = description_raw[:60].decode("latin-1").strip().lower()
        if not probe.startswith(REVENUE_DESCRIPTION_PERCENT):
            return
    value = parse_signed_amount(value_text, line_number=number, record=reg, field="VALOR")
    _check_new_line(state, period, (reg, code), number, len(line))
    description = _description(state, description_raw, number, line)
    period.tables.append(TableLine(number, reg, code, description, value))


def y540(state: State, number: int, line: bytes, fields: list[bytes]) -> None:
    """Y540: an establishment's revenue, added up for the cross-check."""
    assert state.data is not None
    establishment = state.field_text(fields, number, "Y540", 2, "CNPJ_ESTAB", line)
    root = state.data.header.cnpj[:8]
    if (not cnpj_is_valid(establishment) or establishment[:8] != root) and not any(
        w.code == "Y540_CNPJ" for w in state.data.warnings
    ):
        state.data.warnings.append(
            Finding("Y540_CNPJ", say.y540_cnpj(establishment, root), number, "Y540")
        )
    value = parse_signed_amount(
        state.field_text(fields, number, "Y540", 3, "VL_REC_ESTAB", line),
        line_number=number,
        record="Y540",
        field="VL_REC_ESTAB",
    )
    state.data.y540_total = (state.data.y540_total or Decimal("0.00")) + value
    if state.data.y540_line is None:
        state.data.y540_line = number


def _kept(state: State, block: str) -> tuple[str, ...]:
    kept = state.plans.get(block)
    if kept is None:
        assert state.data is not None
        parameters = state.data.parameters
        name = (
            None
            if parameters is None
            else plan_name(block, parameters.cod_qualif_pj, parameters.tip_ent)
        )
        kept = () if name is None else PLANS[name].kept
        state.plans[block] = kept
    return kept


def _code(state: State, fields: list[bytes], number: int, reg: str) -> str:
    raw = state.field(fields, number, reg, 2, "CODIGO")
    if len(raw) > MAX_CODE_LENGTH:
        text = state.text(raw, number, raw)[:60]
        raise state.error(
            say.code_too_long(MAX_CODE_LENGTH), number, reg, "CODIGO", text, code="BAD_CODE"
        )
    if CODE_SHAPE.fullmatch(raw) is None:
        text = state.text(raw, number, raw)
        raise state.error(say.code_shape(), number, reg, "CODIGO", text, code="BAD_CODE")
    return raw.decode("ascii")


def _description(state: State, raw: bytes, number: int, line: bytes) -> str:
    text = state.text(raw[: MAX_DESCRIPTION_LENGTH * 4], number, line)
    if len(text) > MAX_DESCRIPTION_LENGTH:
        return text[: MAX_DESCRIPTION_LENGTH - 1] + "…"
    return text


def _check_new_line(
    state: State, period: Period, key: tuple[str, str], number: int, size: int
) -> None:
    """Refuse a code given twice in one period, and more lines than the bounds allow."""
    reg, code = key
    first = period.seen.get(key)
    if first is not None:
        raise state.error(
            say.code_twice(code, period.code, first),
            number,
            reg,
            "CODIGO",
            code,
            code="DUPLICATE_CODE",
        )
    per_file = MAX_LINES_PER_FILE if state.limits is None else state.limits.kept_lines
    max_bytes = MAX_KEPT_BYTES if state.limits is None else state.limits.kept_bytes
    if state.kept_bytes + size > max_bytes:
        raise state.error(say.too_many_kept_bytes(max_bytes), number, reg, code="TOO_MANY_LINES")
    if len(period.seen) >= MAX_LINES_PER_PERIOD or state.kept_lines >= per_file:
        raise state.error(
            say.too_many_kept_lines(MAX_LINES_PER_PERIOD, per_file),
            number,
            reg,
            code="TOO_MANY_LINES",
        )
    period.seen[key] = number
    state.kept_lines += 1
    state.kept_bytes += size
