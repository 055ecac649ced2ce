"""The tables of blocks P and T (P200, P300, P400, T120, T150, T170): lines written in their
order, and a period whose only known component is the gross revenue.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from ._money import _ecf_amount

_TABLE_ORDER = {"P200": 0, "P300": 1, "P400": 2, "T120": 0, "T150": 1, "T170": 2}


def _render_table(draw: st.DrawFn, lines: Sequence[tuple[str, str, str, int]]) -> list[str]:
    ordered = sorted(lines, key=lambda line: (_TABLE_ORDER[line[0]], int(line[1])))
    return [
        f"|{record}|{code}|{text}|{_ecf_amount(draw, cents, signed=True)}|"
        for record, code, text, cents in ordered
    ]


def _unknown(gross: int) -> dict[str, int | None]:
    return {
        "gross_revenue": gross,
        "cancellations": None,
        "discounts": None,
        "taxes": None,
        "other_deductions": None,
    }
