"""Result types: frozen, slotted attrs classes, built once by the reader or the form.

Each type lives in its own module with the checked loading of its saved dict (``from_dict``);
this module names them all in one place for the floors above.
"""

from __future__ import annotations

from ._components import COMPONENT_FIELDS, MONEY_FIELDS, Component, format_money
from ._finding import Finding
from ._period import PeriodMetric
from ._record import Record
from ._regime import Regime
from ._revenue_metric import RevenueMetric
from ._signature_summary import SignatureSummary, SignerSummary
from ._source_line import SourceLine

__all__ = [
    "COMPONENT_FIELDS",
    "MONEY_FIELDS",
    "Component",
    "Finding",
    "PeriodMetric",
    "Record",
    "Regime",
    "RevenueMetric",
    "SignatureSummary",
    "SignerSummary",
    "SourceLine",
    "format_money",
]
