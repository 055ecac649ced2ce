"""The first line (``0000``, who and which year) and ``0010`` (the parameters of the regime).

Both are refused outside their closed lists: the layout version decides where 0010's fields
are, and 0010 decides which blocks and periods exist and which plan gives each code its
component, so a guess here would misread every figure.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ..base._cnpj import cnpj_is_valid
from ..base._errors import EcfFormatError
from ..base._i18n import Message
from ..ecf._decoding import UTF8_BOM
from ..ecf._fields import parse_date
from ..ecf._grammar import strip_eol
from ..ecf._layout import F0000, F0000_MIN_FIELDS, LAYOUT_YEARS, NEWEST_LAYOUT, fields_0010
from ..ecf._lines import MAX_LINE_LENGTH, line_too_long
from ..model._model import Finding
from ..rules._parameters import Header, Parameters, check_closed, check_parameters
from . import _messages_header as say
from ._data import FileData
from ._messages_lines import not_ecf
from ._state import State

__all__ = ["LAYOUT_VERSION", "first_line", "r0010"]

#: ``0000.COD_VER``: four ASCII digits.
LAYOUT_VERSION = re.compile(r"[0-9]{4}")


def first_line(state: State, raw: bytes) -> None:
    """Line 1: the ``0000`` record (after a UTF-8 BOM, which makes the file UTF-8)."""
    line = strip_eol(raw)
    if line.startswith(UTF8_BOM):
        line = line[len(UTF8_BOM) :]
        state.decoder.encoding = "utf-8"
    if not line.startswith(b"|0000|LECF|"):
        raise state.error(not_ecf(), 1, text=line[:40].decode("latin-1"), code="NOT_ECF")
    if len(line) > MAX_LINE_LENGTH:
        raise line_too_long(1, "0000", source=state.source)
    state.structure.first_record()
    _r0000(state, 1, line, line.split(b"|"))


def _bad(
    state: State, number: int, record: str, field: str | None, reason: Message, text: str | None
) -> EcfFormatError:
    return state.error(reason, number, record, field, text, code="BAD_PARAMETER")


def _r0000(state: State, number: int, line: bytes, fields: list[bytes]) -> None:
    if len(fields) - 2 < F0000_MIN_FIELDS:
        raise state.error(
            say.f0000_fields(len(fields) - 2, F0000_MIN_FIELDS),
            number,
            "0000",
            code="MISSING_FIELD",
        )

    def get(name: str) -> bytes:
        return fields[F0000[name]]

    version = state.text(get("COD_VER"), number, line)
    warnings: list[Finding] = []
    if version not in LAYOUT_YEARS:
        # Four ASCII digits: str.isdigit() also takes "²" or "５", which no layout has.
        if LAYOUT_VERSION.fullmatch(version) and version > NEWEST_LAYOUT:
            warnings.append(
                Finding("NEWER_LAYOUT", say.newer_layout(version, NEWEST_LAYOUT), number, "0000")
            )
        else:
            # The layout version decides where 0010's fields are: a guess would misread them.
            raise state.error(
                say.unknown_layout(), number, "0000", "COD_VER", version, code="UNKNOWN_LAYOUT"
            )
    start = parse_date(
        state.text(get("DT_INI"), number, line), line_number=number, record="0000", field="DT_INI"
    )
    end = parse_date(
        state.text(get("DT_FIN"), number, line), line_number=number, record="0000", field="DT_FIN"
    )
    if end < start or start.year != end.year or not 2000 <= end.year <= 2100:
        raise _bad(
            state, number, "0000", "DT_FIN", say.file_span(), f"{start:%d%m%Y}..{end:%d%m%Y}"
        )
    cnpj = state.text(get("CNPJ"), number, line)
    if not cnpj:
        raise _bad(state, number, "0000", "CNPJ", say.cnpj_empty(), None)
    ecf_kind = state.text(get("TIP_ECF"), number, line)
    rectification = state.text(get("RETIFICADORA"), number, line)
    for field, declared in (("TIP_ECF", ecf_kind), ("RETIFICADORA", rectification)):
        problem = check_closed("0000", field, declared)
        if problem is not None:
            raise _bad(state, number, "0000", field, problem.reason, declared)
    scp = state.text(get("COD_SCP"), number, line) or None
    if ecf_kind == "2" and scp is None:
        raise _bad(state, number, "0000", "COD_SCP", say.scp_without_cnpj(), None)
    for name, value in (("CNPJ", cnpj), ("COD_SCP", scp)):
        if value is not None and not cnpj_is_valid(value):
            warnings.append(
                Finding("CNPJ_CHECK_DIGITS", say.cnpj_check_digits(name, value), number, "0000")
            )
    if version in LAYOUT_YEARS and end.year not in (
        LAYOUT_YEARS[version],
        LAYOUT_YEARS[version] + 1,
    ):
        warnings.append(
            Finding(
                "LAYOUT_YEAR_MISMATCH",
                say.layout_year_mismatch(version, LAYOUT_YEARS[version], end.year),
                number,
                "0000",
            )
        )
    state.data = FileData(
        header=Header(
            line_number=number,
            cnpj=cnpj,
            name=state.text(get("NOME"), number, line),
            layout_version=version,
            start=start,
            end=end,
            rectification=rectification,
            receipt=state.text(get("NUM_REC"), number, line) or None,
            ecf_kind=ecf_kind,
            scp_cnpj=scp if ecf_kind == "2" else None,
            extinction=_extinction(state, get, number, line, start, end),
        ),
        warnings=warnings,
    )


def _extinction(
    state: State,
    get: Callable[[str], bytes],
    number: int,
    line: bytes,
    start: dt.date,
    end: dt.date,
) -> dt.date | None:
    """``DT_SIT_ESP`` of an extinction (``SIT_ESPECIAL`` 1) inside the span, before DT_FIN."""
    if state.text(get("SIT_ESPECIAL"), number, line) != "1":
        return None
    date = parse_date(
        state.text(get("DT_SIT_ESP"), number, line),
        line_number=number,
        record="0000",
        field="DT_SIT_ESP",
    )
    return date if start <= date < end else None


def r0010(state: State, number: int, line: bytes, fields: list[bytes]) -> None:
    """``0010``: the parameters (FORMA_TRIB, FORMA_APUR …), checked against their closed lists."""
    assert state.data is not None
    if state.data.parameters is not None:
        reason = say.second_0010(state.data.parameters.line_number)
        raise _bad(state, number, "0010", None, reason, None)
    version = state.data.header.layout_version
    positions = fields_0010(version)
    if version > NEWEST_LAYOUT and len(fields) - 2 != len(positions) + 1:
        # A newer layout is read with the newest map only when 0010 has that map's shape.
        raise state.error(
            say.newer_0010_shape(version, NEWEST_LAYOUT, len(fields) - 2, len(positions) + 1),
            number,
            "0010",
            code="UNKNOWN_LAYOUT",
        )

    def get(name: str) -> str:
        return state.field_text(fields, number, "0010", positions[name], name, line)

    def optional(name: str) -> str:
        index = positions[name]
        return state.text(fields[index], number, line) if index < len(fields) - 1 else ""

    parameters = Parameters(
        line_number=number,
        forma_trib=get("FORMA_TRIB"),
        forma_apur=get("FORMA_APUR"),
        cod_qualif_pj=get("COD_QUALIF_PJ"),
        forma_trib_per=get("FORMA_TRIB_PER"),
        tip_esc_pre=get("TIP_ESC_PRE"),
        tip_ent=get("TIP_ENT"),
        apur_csll=optional("APUR_CSLL"),
        forma_apur_i=optional("FORMA_APUR_I"),
    )
    problem = check_parameters(parameters, state.data.header)
    if problem is not None:
        reason = problem.reason
        if problem.field == "FORMA_TRIB":
            reason = say.forma_trib_map(reason)
        raise _bad(state, number, "0010", problem.field, reason, problem.text)
    state.data.parameters = parameters
