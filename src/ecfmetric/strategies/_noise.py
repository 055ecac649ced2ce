"""What the metric must not read, mixed into the regime's block: records of the balance sheet
and of other tables, lines of the tables that are not revenue.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

_BALANCE_NOISE = {
    "L": (
        "|L100|1|ATIVO|S|1|01||1500000,00|D|9000000,00|8300000,00|2200000,00|D|",
        "|L210|01|Compras à vista|1000,00|",
    ),
    "P": ("|P100|1|ATIVO|S|1|01||820000,00|D|1035400,00|D|", "|P130|1|Receitas isentas|0,00|"),
    "U": ("|U100|1|ATIVO|S|1|01||500000,00|D|610000,00|D|", "|U180|1|Receitas isentas|0,00|"),
    "T": ("|T181|2|Base de cálculo da CSLL|0,00|", "|T181|17|CSLL postergada|0,00|"),
}


def _with_noise(draw: st.DrawFn, block: str, records: list[str], noise: bool) -> list[str]:
    """``records`` with, when ``noise``, records the metric does not read mixed in."""
    if not noise:
        return records
    # (No register of a future layout here: inside the blocks of figures an unknown register
    # may be a damaged figure, and it is refused in every mode; block 0 gets one instead.)
    extra = draw(st.lists(st.sampled_from(_BALANCE_NOISE[block]), unique=True, max_size=2))
    return records[:1] + extra + records[1:]


def _table_noise(
    draw: st.DrawFn,
    catalog: Sequence[tuple[str, str, str]],
    amounts: st.SearchStrategy[int],
    noise: bool,
) -> list[tuple[str, str, str, int]]:
    if not noise:
        return []
    chosen = draw(st.lists(st.sampled_from(catalog), unique=True, max_size=4))
    return [(record, code, text, draw(amounts)) for record, code, text in chosen]
