"""A period's DRE lines as a tree, and the codes above a code in a referential plan."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ..facts._collect import DreLine, Period
from ..rules._rfb_tables import table_for
from ._components import ZERO


class DreTree:
    """The kept lines of one period's DRE as a tree by code prefix (``a.b`` is under ``a``)."""

    def __init__(self, lines: dict[str, DreLine]) -> None:
        self.lines = lines
        # The nearest present ancestor of each code; codes with none are roots.
        self.children: dict[str, list[str]] = {}
        for code in lines:
            parent = _nearest_parent(code, lines)
            if parent is not None:
                self.children.setdefault(parent, []).append(code)

    def is_leaf(self, code: str) -> bool:
        return code not in self.children

    def lines_in_order(self) -> list[DreLine]:
        return sorted(self.lines.values(), key=lambda line: line.line_number)

    def value(self, code: str) -> Decimal:
        """Signed sum of the leaves at or below ``code`` (0 when nothing is there)."""
        prefix = code + "."
        return sum(
            (
                line.value
                for c, line in self.lines.items()
                if (c == code or c.startswith(prefix)) and self.is_leaf(c)
            ),
            ZERO,
        )


def _nearest_parent(code: str, lines: dict[str, DreLine]) -> str | None:
    parts = code.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        candidate = ".".join(parts[:cut])
        if candidate in lines:
            return candidate
    return None


def under(code: str, root: str) -> bool:
    """Whether ``code`` is ``root`` or below it in a dotted referential plan."""
    return code == root or code.startswith(root + ".")


def table_ancestors(record: str, period: Period) -> Callable[[str], list[str]]:
    """The codes above a code in the RFB's table in force for ``period`` (its parents' chain)."""
    data_plan = {"L300": "L300B", "P150": "P150B", "U150": "U150B"}[record]
    table = table_for(data_plan, period.start.year)

    def ancestors(code: str) -> list[str]:
        out: list[str] = []
        parent = table.parent(code) if table is not None else None
        while parent and parent not in out:
            out.append(parent)
            parent = table.parent(parent) if table is not None else None
        return out

    return ancestors


def cosif_ancestors(code: str) -> list[str]:
    """The COSIF codes above ``code``: its last non-zero group zeroed, again and again."""
    parts = code.split(".")
    out = []
    for index in range(len(parts) - 1, 0, -1):
        if parts[index].strip("0"):
            parts[index] = "0" * len(parts[index])
            out.append(".".join(parts))
    return out
