"""Where one amount read came from (a ``SourceLine``), and its checked loading."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from ..base._context import in_money_context
from ..base._i18n import tr
from ._components import MONEY_FIELDS, Component
from ._load import amount, at, fail, line_number, obj, optional_string, shape_keys, short, string

if TYPE_CHECKING:
    # Annotations only: read() need not load types.py (nor typing_extensions).
    from ..types import SourceLineDict


@attrs.frozen
class SourceLine:
    """Provenance of one amount read: where it is, what it is and which component it fed.

    ``amount`` is what the line contributed to ``component`` (a ``D`` deduction of 10000,00 is a
    cancellation of +10000.00). ``component`` is ``None`` for lines read only to cross-check
    (a synthetic line, the file's own RECEITA LIQUIDA); their ``amount`` is the signed value.
    Lines typed into the form have no ``line_number`` or ``record``.
    """

    line_number: int | None
    record: str | None
    period: str | None
    code: str | None
    description: str
    amount: Decimal
    component: Component | None

    def to_dict(self) -> SourceLineDict:
        """A JSON-ready dict (the amount as a string with two decimals)."""
        return {
            "line_number": self.line_number,
            "record": self.record,
            "period": self.period,
            "code": self.code,
            "description": self.description,
            "amount": f"{self.amount:.2f}",
            "component": self.component,
        }

    @classmethod
    @in_money_context
    def from_dict(cls, data: dict[str, Any]) -> SourceLine:
        """The inverse of :meth:`to_dict`, checked (:class:`~ecfmetric.BadProofDataError`)."""
        return source_line(data, "")


def source_line(value: object, path: str) -> SourceLine:
    """A :class:`SourceLine` from its dict."""
    data = obj(value, path, shape_keys("SourceLineDict"))
    component = data["component"]
    if component is not None and component not in MONEY_FIELDS:
        fail(at(path, "component"), tr("not a component: {got}", got=short(component)))
    value_read = amount(data["amount"], at(path, "amount"), signed=True)
    return SourceLine(
        line_number=line_number(data["line_number"], at(path, "line_number")),
        record=optional_string(data["record"], at(path, "record")),
        period=optional_string(data["period"], at(path, "period")),
        code=optional_string(data["code"], at(path, "code")),
        description=string(data["description"], at(path, "description")),
        amount=value_read,
        component=component,
    )
