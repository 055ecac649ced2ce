"""``docs/regimes.md``'s tables, rendered from the rule tables themselves.

``python -m ecfmetric.rules._regimes_doc`` prints them; ``tests/test_docs.py`` holds the document equal
to what this renders, so the documentation cannot drift from the code.
"""

from __future__ import annotations

from ._parameters import CLOSED_LISTS
from ._periods import PERIOD_RULES
from ._plans import PLAN_BY_QUALIFICATION, PLAN_BY_TIP_ENT, PLANS, REFUSED_TIP_ENT, TABLES

BEGIN = "<!-- generated from the rule tables: python -m ecfmetric.rules._regimes_doc -->"
END = "<!-- end of generated tables -->"


def _period_list(periods: tuple[str, ...]) -> str:
    if len(periods) == 13:
        return "A00, A01 to A12"
    return ", ".join(periods)


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
        "A00 or quarters": "A00 if it has P150 lines, else the sum of the quarters",
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
        "| plan | tables | records | code (and the codes under it) | description | role |",
        "|---|---|---|---|---|---|",
    ]
    out += [
        f"| {plan.name} | {plan.tables} | {', '.join(plan.records)} | `{row.code}` | "
        f"{row.description} | {row.role} |"
        for plan in PLANS.values()
        for row in plan.rows
    ]
    out += [
        f"| TABLE | {rule.record} | {rule.record} | `{code}` | | {role} |"
        for rule in TABLES.values()
        for codes, role in ((rule.revenue, "gross_revenue"), (rule.checked, "check"))
        for code in sorted(codes, key=int)
    ]
    out += ["", "### Where the rows come from", ""]
    out += ["| plan | source | layouts |", "|---|---|---|"]
    out += [f"| {plan.name} | {plan.source} | {plan.layouts} |" for plan in PLANS.values()]
    out += [f"| TABLE {rule.record} | {rule.source} | 0001 to 0012 |" for rule in TABLES.values()]
    out += ["", END]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(render(), end="")
