"""The records read field by field, one reader each: the one table to change to read a record.

Every other record is only counted (by the structure). A reader takes the collector's
:class:`~._state.State`, the line number, the line (without its ending) and its fields
(``fields[n]`` is the layout's field ``n``, ``fields[1]`` the register).
"""

from __future__ import annotations

from collections.abc import Callable

from ._block9 import r9100, r9900, r9990, r9999
from ._figures import dre, table, y540
from ._header import r0010
from ._periods import period
from ._state import State

__all__ = ["READERS", "REGISTERS_READ", "Reader"]

Reader = Callable[[State, int, bytes, list[bytes]], None]

#: Register → its reader. (0000 is line 1's, read before any of these: see ``_header``.)
READERS: dict[str, Reader] = {
    "0010": r0010,
    "L030": period,
    "P030": period,
    "T030": period,
    "U030": period,
    "L300": dre,
    "P150": dre,
    "U150": dre,
    "P200": table,
    "P300": table,
    "T120": table,
    "T150": table,
    "Y540": y540,
    "9100": r9100,
    "9900": r9900,
    "9990": r9990,
    "9999": r9999,
}
#: The registers read field by field, as the bytes of a line.
REGISTERS_READ = frozenset(reg.encode("ascii") for reg in READERS)
