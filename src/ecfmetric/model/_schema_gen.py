"""The JSON Schemas of ``src/ecfmetric/schema/`` and ``docs/schema/``, drawn from
:mod:`ecfmetric.types`.

``python -m ecfmetric.model._schema_gen`` writes both folders; ``tests/test_schema.py`` holds the files
equal to what this renders, so a shape cannot change in ``types.py`` without its schema.
"""

from __future__ import annotations

import json
import re
import sys
import types as pytypes
import typing
from pathlib import Path
from typing import Any

from .. import types
from ._components import MONEY_FIELDS
from ._regime import Regime

DRAFT = "https://json-schema.org/draft/2020-12/schema"
#: The address the schemas name themselves by (``$id``); nothing is fetched from it.
BASE = "https://ecfmetric.invalid/schema/"

#: Each file, named after its shape: ``revenue_metric.schema.json`` for ``RevenueMetricDict``.
SHAPES: tuple[str, ...] = (
    "RevenueMetricDict",
    "PeriodMetricDict",
    "SourceLineDict",
    "FindingDict",
    "SignatureSummaryDict",
    "SignerSummaryDict",
    "ContestDict",
    "ProofRowDict",
    "ProofCompanyDict",
    "ProofDict",
    "ConcludedProofDict",
    "ValidationReportDict",
    "ErrorDict",
    "RefusalDict",
    "FileMetricDict",
)

_MONEY = {
    "type": "string",
    "pattern": r"^-?[0-9]+\.[0-9]{2}$",
    "description": "money: a decimal string with two decimals, such as 11990000.00 or -10.00",
}
_DATE = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_MONEY_NAMES = frozenset(
    {
        *MONEY_FIELDS,
        "amount",
        "value",
        "file_value",
        "total_net_revenue",
    }
)
_DATE_NAMES = frozenset({"period_start", "period_end", "start", "end"})


def file_name(shape: str) -> str:
    """``RevenueMetricDict`` → ``revenue_metric.schema.json``."""
    stem = re.sub(r"(?<!^)(?=[A-Z])", "_", shape.removesuffix("Dict")).lower()
    return f"{stem}.schema.json"


def _is_typed_dict(kind: object) -> bool:
    return isinstance(kind, type) and issubclass(kind, dict) and hasattr(kind, "__total__")


def _schema(kind: Any, field: str | None, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(kind)
    if kind is type(None) or kind is None:
        return {"type": "null"}
    if origin in (typing.Union, pytypes.UnionType):
        options = [_schema(arg, field, defs) for arg in typing.get_args(kind)]
        return {"anyOf": options}
    if origin is typing.Literal:
        return {"enum": list(typing.get_args(kind))}
    if origin is list:
        (item,) = typing.get_args(kind)
        return {"type": "array", "items": _schema(item, None, defs)}
    if _is_typed_dict(kind):
        _define(kind, defs)
        return {"$ref": f"#/$defs/{kind.__name__}"}
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer"}
    if kind is str:
        if field == "regime":
            return {"enum": [regime.value for regime in Regime]}
        if field in _MONEY_NAMES:
            return dict(_MONEY)
        if field in _DATE_NAMES:
            return dict(_DATE)
        return {"type": "string"}
    raise TypeError(f"no JSON Schema for {kind!r} ({field})")  # pragma: no cover - a new type


def _object(kind: Any, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(kind)
    doc = " ".join((kind.__doc__ or "").split())
    return {
        "type": "object",
        "description": doc,
        "properties": {name: _schema(hint, name, defs) for name, hint in hints.items()},
        "required": list(hints),
        "additionalProperties": False,
    }


def _define(kind: Any, defs: dict[str, Any]) -> None:
    if kind.__name__ in defs:
        return
    defs[kind.__name__] = {}  # reserved first: shapes refer to each other
    defs[kind.__name__] = _object(kind, defs)


def render(shape: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one shape of :mod:`ecfmetric.types`."""
    kind = getattr(types, shape)
    defs: dict[str, Any] = {}
    top = _object(kind, defs)
    defs.pop(shape, None)
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": BASE + file_name(shape),
        "title": shape,
        **top,
    }
    if defs:
        schema["$defs"] = dict(sorted(defs.items()))
    return schema


def render_text(shape: str) -> str:
    """:func:`render` as the file holds it (2-space JSON, UTF-8, a final newline)."""
    return json.dumps(render(shape), indent=2, ensure_ascii=False) + "\n"


def write(*folders: Path) -> None:
    """Write every shape's file into each folder."""
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
        for shape in SHAPES:
            (folder / file_name(shape)).write_text(render_text(shape), encoding="utf-8")


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    write(root / "src" / "ecfmetric" / "schema", root / "docs" / "schema")
