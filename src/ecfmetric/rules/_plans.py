"""The referential plans as tables: code (and everything under it) → role in the metric.

A reader finds "where does ICMS go in U150A" here, in one row. ``docs/regimes.md`` is rendered
from these tables (``tests/test_docs.py`` holds the two equal). A DRE line is classified by the
row with the longest code at or above it; a line of a kept subtree that no row covers is refused.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import attrs

from ..base._i18n import noop

Role = Literal[
    "gross_revenue",
    "cancellations",
    "discounts",
    "taxes",
    "other_deductions",
    # The deductions subtotal: its leaves no finer row covers are other_deductions; the
    # subtotal alone (no lines below it) does not say how it splits.
    "deductions",
    # The file's RECEITA LIQUIDA: compared with the computed net, never added.
    "net",
    # Read for a cross-check only.
    "check",
]
#: The sign a role's amount takes from the line's signed value (deductions are positive amounts).
SIGN: dict[str, int] = {
    "gross_revenue": 1,
    "cancellations": -1,
    "discounts": -1,
    "taxes": -1,
    "other_deductions": -1,
    "deductions": -1,
    "net": 1,
    "check": 1,
}


@attrs.frozen
class Row:
    """One row of a plan: ``code`` and every code under it have ``role``."""

    code: str
    role: Role
    description: str
    #: The row's validity, as the RFB's table dates the code (``None``: no bound).
    since: dt.date | None = None
    until: dt.date | None = None

    def in_force(self, day: dt.date) -> bool:
        """Whether the row applies to a period that starts on ``day``."""
        return (self.since is None or self.since <= day) and (
            self.until is None or self.until >= day
        )


@attrs.frozen
class Plan:
    """A referential plan: which tables it is, the records that use it, and its rows."""

    name: str
    tables: str
    records: tuple[str, ...]
    rows: tuple[Row, ...]
    #: Where the rows come from (manual and dynamic-table versions).
    source: str
    layouts: str = "0001 to 0012"
    #: The warning every result read with this plan carries, when it is a documented proxy.
    proxy: str | None = None
    #: Code prefixes kept besides the rows' subtrees (a plan with its own hierarchy).
    also_kept: tuple[str, ...] = ()
    #: The proxy warning for the periods its dated rows (``since``) apply to, if it differs.
    proxy_since: str | None = None

    @property
    def kept(self) -> tuple[str, ...]:
        """Code prefixes the collector keeps: the rows' subtrees."""
        return (*(row.code for row in self.rows), *self.also_kept)

    def rows_in_force(self, day: dt.date) -> tuple[Row, ...]:
        """The rows that apply to a period starting on ``day`` (the table in force then)."""
        return tuple(row for row in self.rows if row.in_force(day))

    def row_of(self, code: str) -> Row | None:
        """The row with the longest code at or above ``code``."""
        best: Row | None = None
        for row in self.rows:
            if (code == row.code or code.startswith(row.code + ".")) and (
                best is None or len(row.code) > len(best.code)
            ):
                best = row
        return best


def _deductions(
    root: str, title: str = "DEDUÇÕES DA RECEITA BRUTA", *, avp: bool = True
) -> tuple[Row, ...]:
    """The deductions subtotal ``root`` and its lines, as L300A, P150A and U150A number them
    (U150A has no AVP line under it: ``avp=False``)."""
    rows = (
        Row(root, "deductions", title),
        Row(f"{root}.01", "cancellations", "(-) Vendas Canceladas e Devoluções de Vendas"),
        Row(f"{root}.02", "discounts", "(-) Descontos Incondicionais e Abatimentos"),
        Row(f"{root}.03", "taxes", "(-) ICMS"),
        Row(f"{root}.04", "taxes", "(-) COFINS Sobre Receita Bruta"),
        Row(f"{root}.05", "taxes", "(-) PIS/PASEP Sobre Receita Bruta"),
        Row(f"{root}.06", "taxes", "(-) ISS"),
        Row(
            f"{root}.09",
            "taxes",
            "(-) Demais Impostos e Contribuições Incidentes sobre Vendas e Serviços",
        ),
    )
    if not avp:
        return rows
    return (
        *rows,
        Row(f"{root}.10", "other_deductions", "(-) Ajuste a Valor Presente sobre Receita Bruta"),
    )


PLAN_A = Plan(
    name="A",
    tables="L300A, P150A",
    records=("L300", "P150"),
    rows=(
        Row("3.01.01.01", "net", "RECEITA LIQUIDA"),
        Row("3.01.01.01.01", "gross_revenue", "RECEITA BRUTA"),
        *_deductions("3.01.01.01.02"),
        Row("3.11.01.01", "net", "RECEITA OPERACIONAL LÍQUIDA DA ATIVIDADE RURAL"),
        Row("3.11.01.01.01", "gross_revenue", "RECEITA BRUTA DA ATIVIDADE RURAL"),
        *_deductions("3.11.01.01.02"),
    ),
    source="the RFB's tables L300A and P150A in force for the period (docs/tables.md); DL "
    "1.598/77 art. 12",
)

PLAN_U_A = Plan(
    name="U_A",
    tables="U150A",
    records=("U150",),
    rows=(
        Row("4.01.01", "gross_revenue", "RECEITA DAS ATIVIDADES"),
        Row("4.01.02", "deductions", "DEDUÇÕES DAS RECEITAS"),
        *_deductions("4.01.02.01", "DEDUÇÕES DAS RECEITAS DAS ATIVIDADES", avp=False),
    ),
    source="the RFB's table U150A in force for the period (docs/tables.md); manual of leiaute 4, "
    "U150",
)

#: The day the RFB's COSIF plans (L300B, P150B, U150B) moved to 9-digit codes; the old codes
#: end the day before.
COSIF_2025 = dt.date(2025, 1, 1)
_COSIF_OLD_END = dt.date(2024, 12, 31)

PLAN_COSIF = Plan(
    name="COSIF",
    tables="L300B, P150B, U150B",
    records=("L300", "P150", "U150"),
    rows=(
        Row("3.1.7.1.0.00.00", "gross_revenue", "RECEITAS OPERACIONAIS", until=_COSIF_OLD_END),
        Row("3.1.8.1.9.25.00", "taxes", "ISS", until=_COSIF_OLD_END),
        Row("3.1.8.1.9.30.00", "taxes", "COFINS", until=_COSIF_OLD_END),
        Row("3.1.8.1.9.33.00", "taxes", "PIS/PASEP", until=_COSIF_OLD_END),
        Row("710000000", "gross_revenue", "RECEITAS OPERACIONAIS", since=COSIF_2025),
        Row("819250000", "taxes", "ISS", since=COSIF_2025),
        Row("819300000", "taxes", "COFINS", since=COSIF_2025),
        Row("819330000", "taxes", "PIS/PASEP", since=COSIF_2025),
    ),
    source="the RFB's tables L300B, P150B, U150B in force for the period; the RFB's Y540 rule for "
    "COSIF plans",
    proxy=noop(
        "financial-institution proxy (COSIF plan): gross revenue = 3.1.7.1.0.00.00 RECEITAS "
        "OPERACIONAIS; taxes = ISS 3.1.8.1.9.25.00 + COFINS 3.1.8.1.9.30.00 + PIS 3.1.8.1.9.33.00; "
        "no cancellations or discounts in this plan"
    ),
    # COSIF codes are fixed-width: 3.1.7.1.1.05.00 is below 3.1.7.1.0.00.00; from 2025 every
    # code under 710000000 starts with 71 (the table's parents say which).
    also_kept=("3.1.7.1.", "71"),
    proxy_since=noop(
        "financial-institution proxy (COSIF plan from 2025): gross revenue = 710000000 RECEITAS "
        "OPERACIONAIS; taxes = ISS 819250000 + COFINS 819300000 + PIS 819330000; no "
        "cancellations or discounts in this plan"
    ),
)

PLAN_INSURER = Plan(
    name="INSURER",
    tables="L300C, U150C",
    records=("L300", "U150"),
    rows=(
        Row("3.01.01.01.01.01", "gross_revenue", "PRÊMIOS GANHOS (its positive lines)"),
        Row("3.01.01.01.01.01.02", "cancellations", "(-) Ajustes de Emissão"),
        Row("3.01.01.01.01.02", "check", "OUTROS GANHOS (the RFB's revenue, for comparison)"),
        Row("3.01.01.01.01.04.09", "taxes", "PIS"),
        Row("3.01.01.01.01.04.10", "taxes", "COFINS"),
    ),
    source="the RFB's tables L300C, U150C in force for the period (docs/tables.md); the RFB's "
    "Y540 rule for insurers",
    proxy=noop(
        "insurer proxy: gross revenue = the positive lines of 3.01.01.01.01.01 PRÊMIOS GANHOS; "
        "cancellations = 3.01.01.01.01.01.02 (-) Ajustes de Emissão; taxes = PIS "
        "3.01.01.01.01.04.09 + COFINS 3.01.01.01.01.04.10; no discounts in this plan"
    ),
)

PLANS = {plan.name: plan for plan in (PLAN_A, PLAN_U_A, PLAN_COSIF, PLAN_INSURER)}

#: Blocks L and P: 0010.COD_QUALIF_PJ → plan. Empty is read as 01, with a warning.
PLAN_BY_QUALIFICATION = {
    "L": {"01": "A", "": "A", "02": "COSIF", "03": "INSURER"},
    "P": {"01": "A", "": "A", "02": "COSIF"},
}
#: Block U: 0010.TIP_ENT → plan; every code of the closed list not named here is U_A.
PLAN_BY_TIP_ENT = {"11": "COSIF", "12": "INSURER"}
#: TIP_ENT codes whose plan has no sales-revenue concept: refused (fill the form).
REFUSED_TIP_ENT = {
    "06": noop("a closed pension fund (U150D)"),
    "15": noop("a political party (U150E)"),
}


@attrs.frozen
class TableRule:
    """The codes of a P200/P300/T120/T150 table that are receita bruta, or only checked."""

    record: str
    revenue: frozenset[str]
    checked: frozenset[str]
    source: str


TABLES = {
    "P200": TableRule(
        "P200",
        frozenset({"2", "4", "6", "8", "9"}),
        frozenset(),
        "dynamic table P200 (leiaute 12): Receita Bruta Sujeita ao Percentual de 1,6 / 8 / 16 / "
        "32 / 38,4 %",
    ),
    "P300": TableRule(
        "P300",
        frozenset({"16"}),
        frozenset(),
        "dynamic table P300: 16 RECEITAS DA ATIVIDADE IMOBILIÁRIA TRIBUTADAS PELO RET",
    ),
    "T120": TableRule(
        "T120",
        frozenset({"2", "4", "6", "8", "10"}),
        frozenset(),
        "the RFB's Y540 rule for arbitrado, manual of leiaute 4 p. 511",
    ),
    "T150": TableRule(
        "T150",
        frozenset({"3", "17"}),
        frozenset(),
        "dynamic table T150 (leiautes 11 and 12, rows from 01/01/2015): 3 Receita da Atividade "
        "Imobiliária (Lei 8.981/95 art. 49), 17 RECEITAS DA ATIVIDADE IMOBILIÁRIA TRIBUTADAS PELO "
        "RET; the RFB's arbitrado revenue formula adds T150(3)",
    ),
}
#: How a revenue line of P200/T120 is described; a mismatch either way is warned about.
REVENUE_DESCRIPTION = "receita bruta"
REVENUE_DESCRIPTION_PERCENT = "receita bruta sujeita ao percentual"


def plan_name(block: str, cod_qualif_pj: str, tip_ent: str) -> str | None:
    """The plan a block's DRE follows, or ``None`` when the declared values give it none."""
    if block in PLAN_BY_QUALIFICATION:
        return PLAN_BY_QUALIFICATION[block].get(cod_qualif_pj)
    if block == "U":
        if tip_ent in REFUSED_TIP_ENT or tip_ent == "":
            return None
        return PLAN_BY_TIP_ENT.get(tip_ent, "U_A")
    return None
