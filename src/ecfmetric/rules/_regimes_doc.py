"""``docs/regimes.md``'s tables, rendered from the rule tables themselves.

``python -m ecfmetric.rules._regimes_doc`` prints them; ``tests/test_docs.py`` holds the document equal
to what this renders, so the documentation cannot drift from the code.
"""

from __future__ import annotations

from ._parameters import CLOSED_LISTS
from ._periods import PERIOD_RULES
from ._plans import PLAN_BY_QUALIFICATION, PLAN_BY_TIP_ENT, PLANS, REFUSED_TIP_ENT, TABLES, Row
from ._rfb_build import ALL_PLANS
from ._rfb_tables import FIRST_YEAR, OPEN_YEAR, table_for

BEGIN = "<!-- generated from the rule tables: python -m ecfmetric.rules._regimes_doc -->"
END = "<!-- end of generated tables -->"


def _period_list(periods: tuple[str, ...]) -> str:
    if len(periods) == 13:
        return "A00, A01 to A12"
    return ", ".join(periods)


def _in_force(row: Row) -> str:
    if row.since is not None:
        return f"from {row.since:%d/%m/%Y}"
    if row.until is not None:
        return f"to {row.until:%d/%m/%Y}"
    return "every year"


def _rfb_tables() -> list[str]:
    out = ["", "### The RFB's tables the codes are checked against", ""]
    out += [
        "Every code of L300, P150, U150, P200, P300, T120 and T150 must be a row of the table in "
        "force for its period (`UNKNOWN_CODE` otherwise); a year with no table is read with "
        "`TABLE_NOT_CHECKED`. Rows: the codes the table holds for that year; dated: whether "
        "the rows' own dates decide (else every row covers the year).",
        "",
        "| table | year | rows | dated | from the RFB's files |",
        "|---|---|---|---|---|",
    ]
    for plan in ALL_PLANS:
        for year in range(FIRST_YEAR, OPEN_YEAR + 1):
            table = table_for(plan, year)
            if table is None:
                instead = (
                    "none: checked against P150A, the year's only P150 table"
                    if plan == "P150B"
                    else "none: `TABLE_NOT_CHECKED`"
                )
                out.append(f"| {plan} | {year} | — | | {instead} |")
                continue
            label = f"{year} and later" if year == OPEN_YEAR else str(year)
            out.append(
                f"| {plan} | {label} | {len(table.rows)} | {'yes' if table.dated else 'no'} | "
                f"{'; '.join(table.sources)} |"
            )
    return out


def render() -> str:
    """The generated part of ``docs/regimes.md``, between its markers (Markdown)."""
    out = [BEGIN, "", "### Declared parameters and their closed lists", ""]
    out += ["| field | values |", "|---|---|"]
    out += [
        f"| `{field}` | {', '.join(f'`{v}`' if v else 'empty' for v in sorted(values))}: {meaning} |"
        for field, (values, meaning) in CLOSED_LISTS.items()
    ]
    out += ["", "### Periods, by regime and the field that declares them", ""]
    out += [
        "| `FORMA_TRIB` | block | declared by | value | periods allowed | the year is |",
        "|---|---|---|---|---|---|",
    ]
    year_text = {
        "A00": "A00 (it must exist)",
        "quarters": "the sum of the quarters the regime gives the block (each must be there)",
        "A00 or quarters": "A00 if it has DRE lines (P150, U150), else the sum of the quarters",
    }
    out += [
        f"| {', '.join(rule.regimes)} | {rule.block} | `{rule.field_text}` | {rule.value_text} | "
        f"{_period_list(rule.periods)} | {year_text[rule.year]} |"
        for rule in PERIOD_RULES
    ]
    out += ["", "### Which plan a block's DRE follows", ""]
    out += ["| block | declared by | value → plan |", "|---|---|---|"]
    out += [
        f"| {block} | `0010.COD_QUALIF_PJ` | "
        + ", ".join(f"{code or 'empty'} → {plan}" for code, plan in plans.items())
        + " |"
        for block, plans in PLAN_BY_QUALIFICATION.items()
    ]
    out.append(
        "| U | `0010.TIP_ENT` | "
        + ", ".join(f"{code} → {plan}" for code, plan in PLAN_BY_TIP_ENT.items())
        + ", "
        + ", ".join(f"{code} refused ({what})" for code, what in REFUSED_TIP_ENT.items())
        + ", every other code → U_A |"
    )
    out += ["", "### Codes → components", ""]
    out += [
        "| plan | tables | records | code (and the codes under it) | description | role | in force |",
        "|---|---|---|---|---|---|---|",
    ]
    out += [
        f"| {plan.name} | {plan.tables} | {', '.join(plan.records)} | `{row.code}` | "
        f"{row.description} | {row.role} | {_in_force(row)} |"
        for plan in PLANS.values()
        for row in plan.rows
    ]
    out += [
        f"| TABLE | {rule.record} | {rule.record} | `{code}` | | {role} | every year |"
        for rule in TABLES.values()
        for codes, role in ((rule.revenue, "gross_revenue"), (rule.checked, "check"))
        for code in sorted(codes, key=int)
    ]
    out += ["", "### Where the rows come from", ""]
    out += ["| plan | source | layouts |", "|---|---|---|"]
    out += [f"| {plan.name} | {plan.source} | {plan.layouts} |" for plan in PLANS.values()]
    out += [f"| TABLE {rule.record} | {rule.source} | 0001 to 0012 |" for rule in TABLES.values()]
    out += _rfb_tables()
    out += ["", END]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(render(), end="")
