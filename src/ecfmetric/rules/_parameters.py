"""The declared parameters the metric depends on (``0000``, ``0010``) and their closed lists.

A value outside its list is refused, naming the field: the file's parameters decide how it is
read, and an unknown value is never read as "the general case".
"""

from __future__ import annotations

import datetime as dt

import attrs

from ..base._i18n import Message, noop, tr
from ..ecf._layout import BLOCK_OF_QUARTER_LETTER, quarter_span

#: Every declared field the metric depends on → (its closed list, what the values mean). The
#: empty string is in a list only where the manual lets the field be empty.
CLOSED_LISTS: dict[str, tuple[frozenset[str], str]] = {
    "0000.TIP_ECF": (
        frozenset({"0", "1", "2"}),
        noop("0 no SCP, 1 partner of SCPs, 2 the file of an SCP"),
    ),
    "0000.RETIFICADORA": (
        frozenset({"N", "S", "F"}),
        noop(
            "N original, S rectifying, F original with a change of regime (it replaces an earlier file)"
        ),
    ),
    "0010.FORMA_TRIB": (
        frozenset("123456789"),
        noop(
            "1 real, 2 real/arbitrado, 3 presumido/real, 4 presumido/real/arbitrado, "
            "5 presumido, 6 arbitrado, 7 presumido/arbitrado, 8 imune, 9 isenta"
        ),
    ),
    "0010.FORMA_APUR": (frozenset({"A", "T", ""}), noop("A annual, T quarterly")),
    "0010.COD_QUALIF_PJ": (
        frozenset({"01", "02", "03", ""}),
        noop("01 companies in general, 02 financial institutions, 03 insurers"),
    ),
    "0010.TIP_ESC_PRE": (frozenset({"C", "L", ""}), noop("C books kept, L cash book")),
    "0010.TIP_ENT": (
        frozenset({f"{n:02d}" for n in range(1, 16)} | {"99", ""}),
        noop("01 to 15 or 99 (the kind of imune or isenta entity)"),
    ),
    "0010.FORMA_APUR_I": (
        frozenset({"A", "T", "D", ""}),
        noop("A annual, T quarterly, D not required"),
    ),
    "0010.APUR_CSLL": (
        frozenset({"A", "T", "D", ""}),
        noop("A annual, T quarterly, D not required"),
    ),
}
#: FORMA_TRIB_PER is four letters, one per quarter (``0`` outside the file's span).
QUARTER_LETTERS = frozenset("REPA0")
#: IND_VALOR of the DRE records (L300, P150, U150): the sign of the unsigned VALOR.
IND_VALOR = frozenset({"C", "D"})

#: FORMA_TRIB → the blocks its quarters may be in (FORMA_TRIB_PER letters R/E → L, P → P, A → T).
REGIME_BLOCKS = {
    "1": "L",
    "2": "LT",
    "3": "LP",
    "4": "LPT",
    "5": "P",
    "6": "T",
    "7": "PT",
    "8": "U",
    "9": "U",
}
#: The regimes with a single block, whose FORMA_TRIB_PER may be left empty.
SINGLE_BLOCK = {"1": "L", "5": "P", "6": "T"}
#: The regimes whose Lucro Real periods follow FORMA_APUR (required for them).
REAL_REGIMES = frozenset("1234")
IMUNE_REGIMES = frozenset("89")


@attrs.define
class Header:
    """What ``0000`` says."""

    line_number: int
    cnpj: str
    name: str
    layout_version: str
    start: dt.date
    end: dt.date
    rectification: str
    receipt: str | None
    ecf_kind: str
    scp_cnpj: str | None
    #: ``DT_SIT_ESP`` when ``SIT_ESPECIAL`` is ``1`` (extinção) and the date lies inside the span
    #: before ``DT_FIN``: no quarter after it has a regime.
    extinction: dt.date | None = None

    @property
    def last_day(self) -> dt.date:
        """The last day a quarter may have a regime: the extinction date, else ``DT_FIN``."""
        return self.extinction or self.end


@attrs.define
class Parameters:
    """What ``0010`` says (field names as in the manual)."""

    line_number: int
    forma_trib: str
    forma_apur: str
    cod_qualif_pj: str
    forma_trib_per: str
    tip_esc_pre: str
    tip_ent: str
    apur_csll: str
    forma_apur_i: str = ""


@attrs.frozen
class ParameterProblem:
    """A declared value the reader refuses: which field, what is wrong, the offending text."""

    record: str
    field: str
    reason: Message
    text: str | None = None


def check_closed(record: str, field: str, value: str) -> ParameterProblem | None:
    """A problem when ``value`` is outside the field's closed list."""
    allowed, meaning = CLOSED_LISTS[f"{record}.{field}"]
    if value in allowed:
        return None
    return ParameterProblem(
        record,
        field,
        tr("{field} must be one of: {meaning}", field=field, meaning=tr(meaning)),
        value,
    )


def check_parameters(parameters: Parameters, header: Header) -> ParameterProblem | None:
    """The first problem of a ``0010`` read against ``header``'s span, or ``None``."""
    p = parameters
    for field, value in (
        ("FORMA_TRIB", p.forma_trib),
        ("FORMA_APUR", p.forma_apur),
        ("COD_QUALIF_PJ", p.cod_qualif_pj),
        ("TIP_ESC_PRE", p.tip_esc_pre),
        ("TIP_ENT", p.tip_ent),
        ("FORMA_APUR_I", p.forma_apur_i),
        ("APUR_CSLL", p.apur_csll),
    ):
        problem = check_closed("0010", field, value)
        if problem is not None:
            return problem
    letters = p.forma_trib_per
    if letters and (len(letters) != 4 or any(c not in QUARTER_LETTERS for c in letters)):
        return ParameterProblem(
            "0010",
            "FORMA_TRIB_PER",
            tr("FORMA_TRIB_PER must be four letters among R, E, P, A and 0, one per quarter"),
            letters,
        )
    if p.forma_trib in REAL_REGIMES and p.forma_apur not in ("A", "T"):
        return ParameterProblem(
            "0010",
            "FORMA_APUR",
            tr(
                "FORMA_TRIB {forma_trib} has Lucro Real periods: FORMA_APUR must say A (annual) "
                "or T (quarterly)",
                forma_trib=p.forma_trib,
            ),
            p.forma_apur,
        )
    if p.forma_trib in IMUNE_REGIMES:
        if p.tip_ent == "":
            return ParameterProblem(
                "0010",
                "TIP_ENT",
                tr("TIP_ENT is required for imunes and isentas (FORMA_TRIB 8, 9)"),
            )
        return None
    if not letters:
        if p.forma_trib in SINGLE_BLOCK:
            return None
        return ParameterProblem(
            "0010",
            "FORMA_TRIB_PER",
            tr(
                "FORMA_TRIB {forma_trib} is a mixed regime: FORMA_TRIB_PER must say which "
                "regime each quarter follows",
                forma_trib=p.forma_trib,
            ),
        )
    blocks = REGIME_BLOCKS[p.forma_trib]
    for quarter, letter in enumerate(letters, start=1):
        inside = quarter_inside(quarter, header)
        if letter == "0":
            if inside:
                first, last = quarter_span(header.end.year, quarter)
                return ParameterProblem(
                    "0010",
                    "FORMA_TRIB_PER",
                    tr(
                        "FORMA_TRIB_PER marks quarter {quarter} ({first} to {last}) '0', outside "
                        "the period, but it lies inside the file's span ({start} to {end})",
                        quarter=quarter,
                        first=first,
                        last=last,
                        start=header.start,
                        end=header.end,
                    ),
                    letters,
                )
            continue
        if not inside:
            first, last = quarter_span(header.end.year, quarter)
            if header.extinction is not None and first <= header.end:
                return ParameterProblem(
                    "0010",
                    "FORMA_TRIB_PER",
                    tr(
                        "FORMA_TRIB_PER gives quarter {quarter} ({first} to {last}) the regime "
                        "{letter!r}, but 0000 says the company was extinguished on {date} "
                        "(SIT_ESPECIAL 1, DT_SIT_ESP): a quarter after the extinction must be '0'",
                        quarter=quarter,
                        first=first,
                        last=last,
                        letter=letter,
                        date=header.extinction,
                    ),
                    letters,
                )
            return ParameterProblem(
                "0010",
                "FORMA_TRIB_PER",
                tr(
                    "FORMA_TRIB_PER gives quarter {quarter} ({first} to {last}) the regime "
                    "{letter!r}, but it lies wholly outside the file's span ({start} to {end}): "
                    "a quarter outside the period must be '0'",
                    quarter=quarter,
                    first=first,
                    last=last,
                    letter=letter,
                    start=header.start,
                    end=header.end,
                ),
                letters,
            )
        if BLOCK_OF_QUARTER_LETTER[letter] not in blocks:
            return ParameterProblem(
                "0010",
                "FORMA_TRIB_PER",
                tr(
                    "FORMA_TRIB_PER assigns quarter {quarter} to {letter!r}, which is not the "
                    "regime of FORMA_TRIB {forma_trib}",
                    quarter=quarter,
                    letter=letter,
                    forma_trib=p.forma_trib,
                ),
                letters,
            )
    return None


def quarter_inside(quarter: int, header: Header) -> bool:
    """Whether quarter 1–4 of the file's year overlaps its span ``DT_INI``–``DT_FIN`` (up to an
    extinction date inside it)."""
    first, last = quarter_span(header.end.year, quarter)
    return last >= header.start and first <= header.last_day


def quarter_blocks(parameters: Parameters, header: Header) -> dict[int, str]:
    """Quarter (1–4) → the block that holds it, for the quarters inside the file's span.

    Call it on parameters that passed :func:`check_parameters`.
    """
    inside = [q for q in range(1, 5) if quarter_inside(q, header)]
    if parameters.forma_trib in IMUNE_REGIMES:
        return dict.fromkeys(inside, "U")
    letters = parameters.forma_trib_per
    if not letters:
        return dict.fromkeys(inside, SINGLE_BLOCK[parameters.forma_trib])
    return {q: BLOCK_OF_QUARTER_LETTER[letters[q - 1]] for q in inside}
