""":func:`ecf_files`: its arguments checked and turned into the choices a file is drawn from."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..model._model import Regime, RevenueMetric
from ._cnpj import _given_cnpj
from ._file import _ecf_file
from ._money import _DEFAULT_MAX, _to_cents
from ._notes import _noted
from ._variants import ENCODINGS, LAYOUT_VERSIONS, LINE_ENDINGS, VARIANTS

_LINE_ENDING_NAMES = {"crlf": "\r\n", "lf": "\n", "\r\n": "\r\n", "\n": "\n"}


def _choices(value: str | None, allowed: Sequence[str], name: str) -> list[str]:
    if value is None:
        return list(allowed)
    if value not in allowed:
        raise InvalidArgument(
            f"{name} must be one of {', '.join(map(repr, allowed))}, got {value!r}"
        )
    return [value]


def _year_of(version: str, year: int) -> bool:
    """Whether layout ``version`` is the one of calendar ``year``."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidArgument(f"year must be an int, got {year!r}")
    return 2013 + int(version) == year


def ecf_files(
    *,
    regime: Regime | str | None = None,
    variant: str | None = None,
    layout_version: str | None = None,
    line_ending: str | None = None,
    encoding: str | None = None,
    partial_year: bool | None = False,
    anomalies: bool = True,
    noise: bool = True,
    signature: bool | None = None,
    max_amount: Decimal | int | str = _DEFAULT_MAX,
    cnpj: str | None = None,
    year: int | None = None,
) -> st.SearchStrategy[tuple[bytes, RevenueMetric]]:
    """``(data, expected)`` pairs: the bytes of a whole, strictly valid ECF file and the
    :class:`~ecfmetric.RevenueMetric` that ``ecfmetric.read(io.BytesIO(data))`` must return, as
    far as :func:`promised` goes (compare with :func:`assert_metric_matches`).

    Each argument left ``None`` is drawn; give it to fix it:

    - ``regime``: a :class:`~ecfmetric.Regime` or its value: ``lucro_real``, ``lucro_presumido``,
      ``lucro_arbitrado``, ``imune``, ``isenta`` (mixed regimes are not drawn).
    - ``variant``: one of :data:`VARIANTS` (annual or quarterly Lucro Real; presumido with P150 at
      A00 or per quarter, on a cash book, or with books but no P150; arbitrado; U150A annual or
      quarterly).
    - ``layout_version``: ``"0001"`` (calendar year 2014) to ``"0012"`` (2025), with that
      version's ``0000`` and ``0010`` shapes.
    - ``line_ending``: ``"\\r\\n"`` or ``"\\n"`` (or ``"crlf"``, ``"lf"``).
    - ``encoding``: ``"latin-1"``, ``"cp1252"``, ``"utf-8"`` or ``"utf-8-sig"``; company names
      carry accents (and cp1252 quotes where the encoding has them).
    - ``partial_year``: ``False`` (default) for 1 Jan–31 Dec; ``True`` for a file that starts
      or ends inside the year; ``None`` for either.
    - ``signature``: whether a signature blob follows ``9999``.
    - ``cnpj``: the company's CNPJ (bare or masked, with right check digits): the expected
      metric's ``cnpj`` (in an SCP's file, the SCP's; its managing partner is drawn, distinct).
    - ``year``: the reference year, 2014 to 2025 (the layout version of that year is used, so
      it must agree with ``layout_version`` if both are given).

    A failing example shows the file drawn as numbered text lines, in a Hypothesis note.

    ``anomalies=True`` lets the file carry, now and then, what the reader must warn about
    (RECEITA LIQUIDA missing or different, a synthetic line that is not the sum of its lines, an
    unusual sign, an empty DRE, A12 ≠ A00, P200 ≠ P150, Y540 ≠ revenue, a T120 line described
    as revenue under another code, T150 code 3 non-zero, an empty ``COD_QUALIF_PJ``); ``False``
    draws only the warnings the variant always has (``PARTIAL_YEAR``, ``UNKNOWN_COMPONENTS``,
    ``P200_WITHOUT_P150``, and ``TABLE_NOT_CHECKED`` for P200/P300/T120/T150 in 2014, a year
    the RFB published no such table for).
    ``noise=True`` mixes in what the metric must not read: lines outside the revenue subtrees
    (``3.01.01.05.*``, ``3.01.01.07.01.14``…), P200 codes 10–26, P300 15, P400, T170, other
    blocks and unknown records. Amounts are up to ``max_amount`` reais per line.
    """
    regimes: frozenset[Regime] | None = None
    if regime is not None:
        try:
            regimes = frozenset({Regime(regime)})
        except ValueError:
            raise InvalidArgument(f"unknown regime {regime!r}") from None
    variants = [
        name
        for name, fits in VARIANTS.items()
        if (variant is None or name == variant) and (regimes is None or regimes & set(fits))
    ]
    if variant is not None and variant not in VARIANTS:
        raise InvalidArgument(f"variant must be one of {', '.join(VARIANTS)}, got {variant!r}")
    if not variants:
        raise InvalidArgument(
            f"no variant draws regime {regime!r}; supported: {', '.join(sorted({r.value for fits in VARIANTS.values() for r in fits}))}"
        )
    if line_ending is not None:
        if line_ending not in _LINE_ENDING_NAMES:
            raise InvalidArgument(
                f"line_ending must be '\\r\\n', '\\n', 'crlf' or 'lf', got {line_ending!r}"
            )
        line_ending = _LINE_ENDING_NAMES[line_ending]
    max_cents = _to_cents(max_amount, "max_amount")
    if not 0 <= max_cents < 10**15:
        raise InvalidArgument("max_amount must be between 0 and 9999999999999.99")
    versions = _choices(layout_version, LAYOUT_VERSIONS, "layout_version")
    if year is not None:
        versions = [v for v in versions if _year_of(v, year)]
        if not versions:
            raise InvalidArgument(
                f"year must be 2014 to 2025 and agree with layout_version {layout_version!r}, "
                f"got {year!r}"
            )
    return _ecf_file(
        cnpj=None if cnpj is None else _given_cnpj(cnpj),
        variants=variants,
        regimes=regimes,
        versions=versions,
        endings=_choices(line_ending, LINE_ENDINGS, "line_ending"),
        encodings=_choices(encoding, ENCODINGS, "encoding"),
        partial_year=partial_year,
        anomalies=anomalies,
        noise=noise,
        signature=signature,
        max_cents=max_cents,
    ).map(_noted)
