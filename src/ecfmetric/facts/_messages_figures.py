"""The collector's messages about the lines that carry figures, codes and block 9, by code.

Each function returns the :class:`~ecfmetric.types.Message` of one refusal or warning; the
logic that decides when it is raised is in ``_figures``, ``_known`` and ``_block9``.
"""

from __future__ import annotations

import datetime as dt

from ..base._i18n import Message, tr

# -- BAD_CODE, BAD_AMOUNT ----------------------------------------------------------------------


def code_too_long(limit: int) -> Message:
    return tr("CODIGO longer than {limit} characters (the layout's C 50)", limit=limit)


def code_shape() -> Message:
    return tr(
        "CODIGO must be digits in dot-separated groups (as 3.01.01.01.01 or 16), "
        "with no blank, padding or other character"
    )


def ind_valor() -> Message:
    return tr("IND_VALOR must be C (credit, +) or D (debit, −)")


# -- DUPLICATE_CODE, TOO_MANY_LINES (kept) -----------------------------------------------------


def code_twice(code: str, period: str, first: int) -> Message:
    return tr(
        "code {code} is given twice in period {period} (first at line {first})",
        code=code,
        period=period,
        first=first,
    )


def too_many_kept_bytes(limit: int) -> Message:
    return tr(
        "the revenue lines kept add up to more than {limit} bytes (Limits.kept_bytes): "
        "far more than any ECF's",
        limit=limit,
    )


def too_many_kept_lines(per_period: int, per_file: int) -> Message:
    return tr(
        "more revenue lines than a file may hold ({per_period} per period, "
        "{per_file} in all): the referential plans have far fewer codes",
        per_period=per_period,
        per_file=per_file,
    )


# -- TYPE_MISMATCH, TABLE_NOT_CHECKED, UNKNOWN_CODE --------------------------------------------


def type_mismatch(code: str, kind: str, plan: str, types: str) -> Message:
    return tr(
        "code {code} is given as type {kind!r}, but the RFB's table {plan} in "
        "force gives it type {types}; the file's own lines decide the sums "
        "(a line with no lines below it in the file is a leaf)",
        code=code,
        kind=kind,
        plan=plan,
        types=types,
    )


def table_not_checked(record: str, year: str, plan: str) -> Message:
    return tr(
        "the codes of {record} in {year} were not checked: ecfmetric holds no "
        "RFB table {plan} for that year, so they are read as the plan's rows say",
        record=record,
        year=year,
        plan=plan,
    )


def held_from_to(start: dt.date | None, end: dt.date) -> Message:
    """Where an earlier table dates the code: it tells why it is refused here."""
    return tr(
        "the table holds it only from {start} to {end}",
        start=start or tr("its first day"),
        end=end,
    )


def not_held() -> Message:
    return tr("the table holds no such code")


def newest_table(year: str) -> Message:
    return tr(
        "the newest RFB table this version of ecfmetric holds is for {year}, and in a "
        "later year only its rows with no end date are known; the RFB may have published "
        "a newer table",
        year=year,
    )


def table_of_year(
    plan: str, year: str, first: dt.date, last: dt.date | None, sources: str
) -> Message:
    return tr(
        "table {plan} for {year} ({first} to {last}; from {sources})",
        plan=plan,
        year=year,
        first=first,
        last=last,
        sources=sources,
    )


def unknown_code(
    code: str,
    plan: str,
    period: str,
    span: tuple[dt.date, dt.date],
    note: Message,
    where: Message,
) -> Message:
    return tr(
        "code {code} is not in the RFB's table {plan} in force for period {period} "
        "({start} to {end}): {note}; {where}. Update ecfmetric, or fill the form with "
        "the figures",
        code=code,
        plan=plan,
        period=period,
        start=span[0],
        end=span[1],
        note=note,
        where=where,
    )


# -- Y540_CNPJ, MISSING_FIELD (9100), PVA_WARNING ----------------------------------------------


def y540_cnpj(cnpj: str, root: str) -> Message:
    return tr(
        "Y540.CNPJ_ESTAB {cnpj!r} is not a valid CNPJ of this company (root {root})",
        cnpj=cnpj,
        root=root,
    )


def f9100_fields(count: int, minimum: int) -> Message:
    return tr(
        "9100 has {count} fields; at least {minimum} expected (REG, NOM_REGRA, "
        "MSG_REGRA, REGISTRO, CAMPO)",
        count=count,
        minimum=minimum,
    )


def pva_warning(rule: str, where: str, message: str, details: str) -> Message:
    return tr(
        "the PVA's own warning {rule} on {where}: {message}{details}",
        rule=rule,
        where=where,
        message=message,
        details=details,
    )
