"""Small drawing helpers shared by the strategies: a rare event, a non-zero amount, a total
split in parts.
"""

from __future__ import annotations

import itertools

from hypothesis import strategies as st


def _rarely(draw: st.DrawFn, enabled: bool = True) -> bool:
    """True about one time in eight (and never when not ``enabled``); shrinks to False."""
    return enabled and draw(st.integers(0, 7)) == 7


def _nonzero() -> st.SearchStrategy[int]:
    return st.integers(1, 10_000_000).flatmap(lambda n: st.sampled_from([n, -n]))


def _nonzero_amount(draw: st.DrawFn) -> int:
    return draw(_nonzero())


def _split(draw: st.DrawFn, total: int, parts: int) -> list[int]:
    """``parts`` amounts of the same sign as ``total`` that add up to it."""
    sign, magnitude = (1, total) if total >= 0 else (-1, -total)
    cuts = sorted(draw(st.integers(0, magnitude)) for _ in range(parts - 1))
    bounds = [0, *cuts, magnitude]
    return [sign * (b - a) for a, b in itertools.pairwise(bounds)]
