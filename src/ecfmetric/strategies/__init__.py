"""Hypothesis strategies for property tests: whole ECF files with the metric they must read as,
form inputs, Brazilian money strings and CNPJs.

This module needs the optional ``hypothesis`` extra (``pip install 'ecfmetric[hypothesis]'``);
``import ecfmetric`` never imports it.

>>> import io
>>> import ecfmetric
>>> from hypothesis import given
>>> from ecfmetric.strategies import assert_metric_matches, ecf_files
>>> @given(ecf_files(regime="lucro_real"))
... def test_reads_as_promised(case):
...     data, expected = case
...     assert_metric_matches(ecfmetric.read(io.BytesIO(data)), expected)

Every file drawn is strictly valid (counters right) and is built from amounts drawn here; the
expected metric is worked out from those amounts with the rules of ``docs/metric.md``, never by
calling :func:`ecfmetric.read`. What an expected metric promises is exactly what
:func:`promised` returns: the identity fields, the six money fields, the per-period breakdown
and the *set* of warning codes. Not promised: ``lines`` (left empty), ``fingerprint``
(``None``), and the messages, line numbers and order of the warnings.
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401  (only to say which extra is missing)
except ImportError as error:  # pragma: no cover - exercised in a subprocess by the tests
    raise ImportError(
        "ecfmetric.strategies needs Hypothesis: pip install 'ecfmetric[hypothesis]'"
    ) from error

from ._bad_form import bad_form_inputs
from ._cnpj import cnpjs
from ._ecf_files import ecf_files
from ._form import form_inputs
from ._money import brl_money
from ._notes import file_text as file_text
from ._promised import assert_metric_matches, metric_matches, promised
from ._proofs import proofs
from ._refused import REFUSAL_CODES, refused_files
from ._variants import ENCODINGS, LAYOUT_VERSIONS, LINE_ENDINGS, VARIANTS

__all__ = [
    "ENCODINGS",
    "LAYOUT_VERSIONS",
    "LINE_ENDINGS",
    "REFUSAL_CODES",
    "VARIANTS",
    "assert_metric_matches",
    "bad_form_inputs",
    "brl_money",
    "cnpjs",
    "ecf_files",
    "form_inputs",
    "metric_matches",
    "promised",
    "proofs",
    "refused_files",
]

# Users import these from ecfmetric.strategies, and that is where they are documented (and where
# the public API's snapshot, tests/golden/api.txt, finds them), not in the private module that
# holds each.
for _function in (
    assert_metric_matches,
    bad_form_inputs,
    brl_money,
    cnpjs,
    ecf_files,
    file_text,
    form_inputs,
    metric_matches,
    promised,
    proofs,
    refused_files,
):
    _function.__module__ = __name__
del _function
