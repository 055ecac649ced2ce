"""The collector's messages about 0000, 0010 and the x030 periods, by code.

Each function returns the :class:`~ecfmetric.types.Message` of one refusal or warning; the
logic that decides when it is raised is in ``_header`` and ``_periods``, the text is only here.
"""

from __future__ import annotations

import datetime as dt

from ..base._i18n import Message, tr

# -- 0000: MISSING_FIELD, NEWER_LAYOUT, UNKNOWN_LAYOUT, LAYOUT_YEAR_MISMATCH ------------------


def f0000_fields(count: int, minimum: int) -> Message:
    return tr("0000 has {count} fields; at least {minimum} expected", count=count, minimum=minimum)


def newer_layout(version: str, newest: str) -> Message:
    return tr(
        "layout {version} is newer than the newest known ({newest}); "
        "read with the {newest} field map",
        version=version,
        newest=newest,
    )


def unknown_layout() -> Message:
    return tr(
        "unknown layout version: COD_VER must be 0001 (2014) to 0012 (2025), or a "
        "newer four-digit version"
    )


def layout_year_mismatch(version: str, year: int, end: int) -> Message:
    return tr(
        "layout {version} is for calendar year {year}, but the file ends in {end}",
        version=version,
        year=year,
        end=end,
    )


# -- 0000: BAD_PARAMETER, CNPJ_CHECK_DIGITS ----------------------------------------------------


def file_span() -> Message:
    return tr("DT_INI and DT_FIN must be in the same calendar year (2000 to 2100), DT_INI first")


def cnpj_empty() -> Message:
    return tr("CNPJ is empty")


def scp_without_cnpj() -> Message:
    return tr("an SCP's file (TIP_ECF = 2) must give the SCP's CNPJ in COD_SCP")


def cnpj_check_digits(field: str, value: str) -> Message:
    return tr("0000.{field} {value!r} has invalid check digits", field=field, value=value)


# -- 0010: BAD_PARAMETER, UNKNOWN_LAYOUT -------------------------------------------------------


def second_0010(first: int) -> Message:
    return tr(
        "a second 0010 record (the first is at line {first}): a file declares its parameters once",
        first=first,
    )


def newer_0010_shape(version: str, newest: str, count: int, expected: int) -> Message:
    return tr(
        "layout {version} is newer than the newest known ({newest}) and its 0010 has "
        "{count} fields, not the {expected} of layout {newest}: its parameters cannot "
        "be placed; update ecfmetric or fill the form",
        version=version,
        newest=newest,
        count=count,
        expected=expected,
    )


def forma_trib_map(reason: Message) -> Message:
    return tr(
        "{reason} (the 0010 field map follows COD_VER: is the layout version right?)",
        reason=reason,
    )


# -- x030: BAD_PERIOD, DUPLICATE_PERIOD, OUTSIDE_PERIOD ----------------------------------------


def per_apur() -> Message:
    return tr("PER_APUR must be A00 to A12 or T01 to T04")


def no_rule(period: str, reason: Message) -> Message:
    return tr("period {period}: {reason}", period=period, reason=reason)


def period_kinds(annual: bool, both: bool) -> Message:
    """The periods a block has: annual ones, quarters, or (``both``) A00 or the quarters."""
    if both:
        return tr("A00 or T01 to T04")
    return tr("A00 to A12") if annual else tr("T01 to T04")


def period_not_of_regime(
    field: str, value: str, block: str, kinds: Message, period: str
) -> Message:
    return tr(
        "{field} = {value!r} gives block {block} the periods {kinds}; {period} is not one of them",
        field=field,
        value=value,
        block=block,
        kinds=kinds,
        period=period,
    )


def after_extinction(period: str, start: dt.date, date: dt.date) -> Message:
    return tr(
        "period {period} starts on {start}, after the company was extinguished on "
        "{date} (0000.SIT_ESPECIAL 1, DT_SIT_ESP): no period follows the extinction",
        period=period,
        start=start,
        date=date,
    )


def outside_file(
    period: str, start: dt.date, end: dt.date, file_start: dt.date, file_end: dt.date
) -> Message:
    return tr(
        "period {period} ({start} to {end}) is not inside the file's span "
        "({file_start} to {file_end})",
        period=period,
        start=start,
        end=end,
        file_start=file_start,
        file_end=file_end,
    )


def outside_quarter(
    period: str, start: dt.date, end: dt.date, first: dt.date, last: dt.date
) -> Message:
    return tr(
        "period {period} ({start} to {end}) is not inside quarter {quarter} ({first} to {last})",
        period=period,
        start=start,
        end=end,
        quarter=period[2],
        first=first,
        last=last,
    )


def period_twice(period: str, first: int) -> Message:
    return tr("period {period} is given twice (first at line {first})", period=period, first=first)


def outside_period(record: str) -> Message:
    return tr("{record} outside a {block}030 period", record=record, block=record[0])
