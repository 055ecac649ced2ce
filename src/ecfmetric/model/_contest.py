"""A person's contest of one component of a saved figure."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs

from ..types import ContestableComponent, ContestDict
from ._components import COMPONENT_FIELDS, format_money

#: The components a person can contest, in the order they are subtracted (not the net revenue:
#: it is derived from them).
CONTESTABLE: Final[tuple[ContestableComponent, ...]] = COMPONENT_FIELDS


@attrs.frozen
class Contest:
    """The person's ``value`` for one ``component`` of a saved figure, replacing the
    ``file_value`` (``None`` if the source did not state it), with the ``reason`` and who
    contested it (``by``, ``None`` when not said)."""

    component: ContestableComponent
    value: Decimal
    file_value: Decimal | None
    reason: str
    by: str | None = None

    def to_dict(self) -> ContestDict:
        """A JSON-ready dict: amounts as strings with two decimals."""
        return {
            "component": self.component,
            "value": f"{self.value:.2f}",
            "file_value": format_money(self.file_value),
            "reason": self.reason,
            "by": self.by,
        }
