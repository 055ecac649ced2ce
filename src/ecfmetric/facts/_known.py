"""Whether a code is in the RFB's table in force for its period (section 4c: declared, not
inferred): a code the table does not hold is refused with its line, in every mode."""

from __future__ import annotations

import datetime as dt

from ..base._errors import EcfFormatError
from ..model._model import Finding
from ..rules._rfb_tables import FIRST_YEAR, OPEN_YEAR, check_plan, known_codes, table_for
from . import _messages_figures as say
from ._data import Period
from ._state import State

__all__ = ["check_code"]


def check_code(
    state: State, period: Period, reg: str, code: str, number: int, kind: str | None
) -> None:
    """Refuse a code the RFB's table in force for the period does not hold (section 4c)."""
    key = (reg, period.line_number)
    entry = state.known.get(key)
    if entry is None:
        entry = state.known[key] = _known_for(state, period, reg)
    plan, known = entry
    if known is None:
        return
    types = known.get(code)
    if types is None:
        raise _unknown_code(state, period, reg, plan, code, number)
    mismatch = kind is not None and (len(kind) != 1 or kind not in types)
    if mismatch and (plan, code) not in state.type_warned:
        assert state.data is not None
        assert kind is not None
        state.type_warned.add((plan, code))
        state.structure.listed(
            state.data.warnings,
            Finding(
                "TYPE_MISMATCH",
                say.type_mismatch(code, kind, plan, " / ".join(types)),
                number,
                reg,
            ),
        )


def _known_for(state: State, period: Period, reg: str) -> tuple[str, dict[str, str] | None]:
    assert state.data is not None
    parameters = state.data.parameters
    year = period.start.year
    plan = check_plan(
        reg,
        "" if parameters is None else parameters.cod_qualif_pj,
        "" if parameters is None else parameters.tip_ent,
        year,
    )
    known = known_codes(plan, period.start, period.end)
    if known is None and (reg, year) not in state.not_checked:
        state.not_checked.add((reg, year))
        state.data.warnings.append(
            Finding(
                "TABLE_NOT_CHECKED",
                say.table_not_checked(reg, str(year), plan),
                period.line_number,
                period.record,
            )
        )
    return plan, known


def _unknown_code(
    state: State, period: Period, reg: str, plan: str, code: str, number: int
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
        note = say.held_from_to(first.start, first.end or dt.date(year + 1, 12, 31))
    else:
        note = say.not_held()
    if table.year == OPEN_YEAR:
        where = say.newest_table(str(OPEN_YEAR - 1))
    else:
        sources = ", ".join(table.sources)
        where = say.table_of_year(plan, str(table.year), table.first_day, table.last_day, sources)
    return state.error(
        say.unknown_code(code, plan, period.code, (period.start, period.end), note, where),
        number,
        reg,
        "CODIGO",
        code,
        code="UNKNOWN_CODE",
    )
