"""Which ``x030`` periods each block may hold, and which make the year, by the declared regime.

The rules are keyed by the parameters the file declares (``FORMA_TRIB``, ``FORMA_APUR``, and for
imunes and isentas ``APUR_CSLL`` then ``FORMA_APUR_I``), never by the periods that happen to be
present: a period of another kind is refused where it stands.
"""

from __future__ import annotations

from typing import Literal

import attrs

from ..base._i18n import Message, tr
from ..ecf._layout import ANNUAL_PERIODS, QUARTERS
from ._parameters import REGIME_BLOCKS, Parameters

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
    """One row of :data:`PERIOD_RULES`: for these regimes, the block's periods when the first of
    ``fields`` that holds one of ``values`` does (no fields: whatever is declared)."""

    regimes: tuple[str, ...]
    block: str
    fields: tuple[str, ...]
    values: tuple[str, ...]
    periods: tuple[str, ...]
    year: YearRule

    @property
    def field_text(self) -> str:
        """The declaring field(s) as docs/regimes.md shows them."""
        if not self.fields:
            return "0010.FORMA_TRIB"
        return "0010." + ", else ".join(self.fields)

    @property
    def value_text(self) -> str:
        return " or ".join(self.values) if self.values else "any"


_ANY: tuple[str, ...] = ()
#: The period rules, keyed by regime (FORMA_TRIB) and the declaring field's value.
PERIOD_RULES: tuple[PeriodRule, ...] = (
    PeriodRule(("1",), "L", ("FORMA_APUR",), ("A",), ANNUAL_PERIODS, "A00"),
    PeriodRule(("1",), "L", ("FORMA_APUR",), ("T",), QUARTERS, "quarters"),
    # The manual: a mixed year's L030 periods are quarters, whatever FORMA_APUR says.
    PeriodRule(("2", "3", "4"), "L", ("FORMA_APUR",), ("A", "T"), QUARTERS, "quarters"),
    PeriodRule(("3", "4", "5", "7"), "P", _ANY, _ANY, ("A00", *QUARTERS), "A00 or quarters"),
    PeriodRule(("2", "4", "6", "7"), "T", _ANY, _ANY, QUARTERS, "quarters"),
    PeriodRule(("8", "9"), "U", ("APUR_CSLL", "FORMA_APUR_I"), ("A",), ANNUAL_PERIODS, "A00"),
    PeriodRule(("8", "9"), "U", ("APUR_CSLL", "FORMA_APUR_I"), ("T",), QUARTERS, "quarters"),
    # D (desobrigada) is a legal value: when neither field says A or T, block U is read as the
    # metric's policy says for imunes (A00 if present, else the quarters).
    PeriodRule(
        ("8", "9"),
        "U",
        ("APUR_CSLL", "FORMA_APUR_I"),
        ("D",),
        ("A00", *QUARTERS),
        "A00 or quarters",
    ),
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
    rules = [r for r in PERIOD_RULES if r.block == block and forma_trib in r.regimes]
    # The first field (in order) that says A or T decides; D (desobrigada) only when neither
    # field says A or T.
    tiers = (
        [r for r in rules if "D" not in r.values],
        [r for r in rules if "D" in r.values],
    )
    for tier in tiers:
        for field in rules[0].fields or (None,):
            value = forma_trib if field is None else getattr(parameters, field.lower())
            for rule in tier:
                if field is None or value in rule.values:
                    declared = f"0010.{field or 'FORMA_TRIB'}"
                    return BlockRule(block, rule.periods, rule.year, declared, value)
    raise NoRule(
        tr(
            "neither 0010.APUR_CSLL nor 0010.FORMA_APUR_I says A (annual) or T (quarterly), so "
            "the periods of block U cannot be read"
        )
    )
