"""JSON Schemas (draft 2020-12) of every ``to_dict()`` shape, shipped with the package.

One file per shape of :mod:`ecfmetric.types`, named after it (``revenue_metric.schema.json`` for
:class:`~ecfmetric.types.RevenueMetricDict`), each whole by itself (the shapes it holds are in
its ``$defs``). The same files are in ``docs/schema/`` for a front end in another language.

>>> from ecfmetric import schema
>>> schema.load("RevenueMetricDict")["title"]
'RevenueMetricDict'
>>> "proof.schema.json" in schema.names()
True
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

__all__ = ["load", "names"]


def names() -> list[str]:
    """The schema files shipped, sorted (``"revenue_metric.schema.json"``…)."""
    return sorted(
        entry.name for entry in resources.files(__name__).iterdir() if entry.name.endswith(".json")
    )


def load(shape: str) -> dict[str, Any]:
    """The schema of ``shape``: a name of :mod:`ecfmetric.types` (``"RevenueMetricDict"``) or
    a file name (``"revenue_metric.schema.json"``), as a dict."""
    if not shape.endswith(".json"):
        shape = re.sub(r"(?<!^)(?=[A-Z])", "_", shape.removesuffix("Dict")).lower()
        shape += ".schema.json"
    if shape not in names():
        raise KeyError(f"no schema {shape!r}; shipped: {', '.join(names())}")
    data: dict[str, Any] = json.loads(
        resources.files(__name__).joinpath(shape).read_text(encoding="utf-8")
    )
    return data
