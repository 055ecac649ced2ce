"""Which ``x030`` periods each block may hold, and which make the year, by the declared regime.

The rules are keyed by the parameters the file declares (``FORMA_TRIB``, ``FORMA_APUR``, and for
imunes and isentas ``APUR_CSLL`` then ``FORMA_APUR_I``), never by the periods that happen to be
present: a period of another kind is refused where it stands.
"""

from __future__ import annotations

from typing import Literal

import attrs

from ._i18n import Message, tr
from ._layout import ANNUAL_PERIODS, QUARTERS
from ._parameters import IMUNE_REGIMES, REGIME_BLOCKS, Parameters

#: How a block's periods make the year.
YearRule = Literal["A00", "A00 or quarters", "quarters"]


@attrs.frozen
class BlockRule:
    """The periods a block may hold and how they make the year, with the declaration behind it."""

    block: str
    periods: tuple[str, ...]
    year: YearRule
    #: The declared field (``"0010.FORMA_APUR"`` …) that decides, and its value.
    field: str
    value: str

    @property
    def annual(self) -> bool:
        return self.year == "A00"


@attrs.frozen
class PeriodRule:
    """One row of :data:`PERIOD_RULES`, as ``docs/regimes.md`` shows it."""

    regimes: str
    block: str
    field: str
    value: str
    periods: tuple[str, ...]
    year: YearRule


#: The period rules, keyed by regime (FORMA_TRIB) and the declaring field's value.
PERIOD_RULES: tuple[PeriodRule, ...] = (
    PeriodRule("1", "L", "0010.FORMA_APUR", "A", ANNUAL_PERIODS, "A00"),
    PeriodRule("1", "L", "0010.FORMA_APUR", "T", QUARTERS, "quarters"),
    PeriodRule("2, 3, 4", "L", "0010.FORMA_APUR", "A or T", QUARTERS, "quarters"),
    PeriodRule("3, 4, 5, 7", "P", "0010.FORMA_TRIB", "any", ("A00", *QUARTERS), "A00 or quarters"),
    PeriodRule("2, 4, 6, 7", "T", "0010.FORMA_TRIB", "any", QUARTERS, "quarters"),
    PeriodRule("8, 9", "U", "0010.APUR_CSLL, else FORMA_APUR_I", "A", ANNUAL_PERIODS, "A00"),
    PeriodRule("8, 9", "U", "0010.APUR_CSLL, else FORMA_APUR_I", "T", QUARTERS, "quarters"),
)


class NoRule(Exception):
    """The declared parameters give the block no periods; ``reason`` says why."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason)
        self.reason = reason


def block_rule(block: str, parameters: Parameters) -> BlockRule:
    """The rule for ``block`` under ``parameters``; :class:`NoRule` when it has none."""
    forma_trib = parameters.forma_trib
    if block not in REGIME_BLOCKS.get(forma_trib, ""):
        raise NoRule(
            tr(
                "FORMA_TRIB {forma_trib} has no periods in block {block}",
                forma_trib=forma_trib,
                block=block,
            )
        )
    if block == "L":
        if forma_trib == "1" and parameters.forma_apur == "A":
            return BlockRule("L", ANNUAL_PERIODS, "A00", "0010.FORMA_APUR", "A")
        return BlockRule("L", QUARTERS, "quarters", "0010.FORMA_APUR", parameters.forma_apur)
    if block == "P":
        return BlockRule("P", ("A00", *QUARTERS), "A00 or quarters", "0010.FORMA_TRIB", forma_trib)
    if block == "T":
        return BlockRule("T", QUARTERS, "quarters", "0010.FORMA_TRIB", forma_trib)
    assert forma_trib in IMUNE_REGIMES
    for field, value in (
        ("0010.APUR_CSLL", parameters.apur_csll),
        ("0010.FORMA_APUR_I", parameters.forma_apur_i),
    ):
        if value == "A":
            return BlockRule("U", ANNUAL_PERIODS, "A00", field, value)
        if value == "T":
            return BlockRule("U", QUARTERS, "quarters", field, value)
    raise NoRule(
        tr(
            "neither 0010.APUR_CSLL nor 0010.FORMA_APUR_I says A (annual) or T (quarterly), so "
            "the periods of block U cannot be read"
        )
    )
