""":func:`refused_files`: every refusal code and the fault that plants it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final

from hypothesis import note
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ._faults import (
    _bad_amount,
    _bad_archive,
    _bad_code,
    _bad_date,
    _bad_parameter,
    _bad_period,
    _block_structure,
    _count_mismatch,
    _duplicate_code,
    _duplicate_period,
    _expansion_limit,
    _line_too_long,
    _malformed_line,
    _metric_unavailable,
    _missing_field,
    _not_ecf,
    _outside_period,
    _too_many_fields,
    _too_many_lines,
    _truncated,
    _unknown_code,
    _unknown_layout,
    _unknown_record,
    _zip_members,
)
from ._notes import file_text

# Like the rest of the strategies, nothing here asks the library's rules what is legal: each
# refusal is planted by hand in a valid drawn file, and the code expected is the one the reader
# documents for that fault (docs/codes.md).

#: Every code :func:`ecfmetric.read` refuses a file with (strict reading, no signature read),
#: each drawn by :func:`refused_files`.
REFUSAL_CODES: Final = (
    "BAD_AMOUNT",
    "BAD_ARCHIVE",
    "BAD_CODE",
    "BAD_DATE",
    "BAD_PARAMETER",
    "BAD_PERIOD",
    "BLOCK_STRUCTURE",
    "COUNT_MISMATCH",
    "DUPLICATE_CODE",
    "DUPLICATE_PERIOD",
    "EMPTY_FILE",
    "EXPANSION_LIMIT",
    "LINE_TOO_LONG",
    "MALFORMED_LINE",
    "METRIC_UNAVAILABLE",
    "MISSING_FIELD",
    "NOT_ECF",
    "OUTSIDE_PERIOD",
    "TOO_MANY_FIELDS",
    "TOO_MANY_LINES",
    "TRUNCATED",
    "UNKNOWN_CODE",
    "UNKNOWN_LAYOUT",
    "UNKNOWN_RECORD",
    "ZIP_MEMBERS",
)

_PLANTERS: dict[str, Callable[[st.DrawFn], bytes]] = {
    "BAD_AMOUNT": _bad_amount,
    "BAD_ARCHIVE": _bad_archive,
    "BAD_CODE": _bad_code,
    "BAD_DATE": _bad_date,
    "BAD_PARAMETER": _bad_parameter,
    "BAD_PERIOD": _bad_period,
    "BLOCK_STRUCTURE": _block_structure,
    "COUNT_MISMATCH": _count_mismatch,
    "DUPLICATE_CODE": _duplicate_code,
    "DUPLICATE_PERIOD": _duplicate_period,
    "EMPTY_FILE": lambda draw: b"",
    "EXPANSION_LIMIT": _expansion_limit,
    "LINE_TOO_LONG": _line_too_long,
    "MALFORMED_LINE": _malformed_line,
    "METRIC_UNAVAILABLE": _metric_unavailable,
    "MISSING_FIELD": _missing_field,
    "NOT_ECF": _not_ecf,
    "OUTSIDE_PERIOD": _outside_period,
    "TOO_MANY_FIELDS": _too_many_fields,
    "TOO_MANY_LINES": _too_many_lines,
    "TRUNCATED": _truncated,
    "UNKNOWN_CODE": _unknown_code,
    "UNKNOWN_LAYOUT": _unknown_layout,
    "UNKNOWN_RECORD": _unknown_record,
    "ZIP_MEMBERS": _zip_members,
}
assert tuple(_PLANTERS) == REFUSAL_CODES


@st.composite
def _refused(draw: st.DrawFn, codes: tuple[str, ...]) -> tuple[bytes, str]:
    code = draw(st.sampled_from(codes))
    data = _PLANTERS[code](draw)
    if code != "EXPANSION_LIMIT":
        note(f"planted: {code}\n{file_text(data)}")
    else:
        note(f"planted: {code} (a gzip stream of {len(data)} bytes)")
    return data, code


def refused_files(
    *, codes: Iterable[str] | None = None, slow: bool = False
) -> st.SearchStrategy[tuple[bytes, str]]:
    """``(data, code)`` pairs: the bytes of a file that :func:`ecfmetric.read` (strict, the
    default) must refuse, and the ``code`` of the :class:`~ecfmetric.EcfError` it must raise.

    Each file is a valid drawn file with one fault planted by hand: a malformed amount,
    ``IND_VALOR``, ``CODIGO`` or date, a parameter outside its list, a period out of the span or
    twice, a code twice, a revenue line outside a period or under RECEITA LIQUIDA but neither
    revenue nor deduction, a register the block does not have, a missing quarter, a record cut
    short, a line too long or with too many fields, a counter off, a block left open, a 9900
    listing too many registers, the end cut before 9999, another kind of file, an empty file, a
    damaged gzip, a ZIP with no or several files. Every code of :data:`REFUSAL_CODES` can be drawn; ``codes`` keeps some.

    ``EXPANSION_LIMIT`` (a gzip stream that inflates past 64 MiB) costs about a second to build
    and read, so it is drawn only with ``slow=True`` or when named in ``codes``. A failing
    example notes the code planted and the file as numbered text lines.
    """
    if codes is None:
        chosen = tuple(c for c in REFUSAL_CODES if slow or c != "EXPANSION_LIMIT")
    else:
        chosen = tuple(codes)
        unknown = sorted(set(chosen) - set(REFUSAL_CODES))
        if unknown or not chosen:
            raise InvalidArgument(
                f"codes must be among REFUSAL_CODES ({', '.join(REFUSAL_CODES)}), got {unknown or chosen}"
            )
    return _refused(chosen)
