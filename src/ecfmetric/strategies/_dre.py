"""One period's DRE (L300, P150 or U150): its lines drawn, its five components worked out by
hand, its records written, a cumulative balancete of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from hypothesis import strategies as st

from ..model._model import Component
from ._accounts import (
    _CPC47,
    _GENERAL,
    _NET_ROOT_NAMES,
    _OUTSIDE_A_LEAVES,
    _OUTSIDE_A_SYNTHETICS,
    _OUTSIDE_U_LEAVES,
    _OUTSIDE_U_SYNTHETICS,
    _RURAL,
    _U150A,
    _Dre,
    _Leaf,
    _Subtree,
)
from ._draws import _nonzero, _rarely
from ._money import _cents, _ecf_amount


def _ancestors(code: str, catalog: Mapping[str, tuple[str, str]]) -> list[str]:
    parts = code.split(".")
    return [a for a in (".".join(parts[:n]) for n in range(1, len(parts))) if a in catalog]


@st.composite
def _subtree_leaves(
    draw: st.DrawFn,
    subtree: _Subtree,
    extra_deductions: tuple[tuple[str, str, Component], ...],
    amounts: st.SearchStrategy[int],
    unusual: bool,
) -> tuple[list[_Leaf], set[str]]:
    """The leaves of one revenue subtree and the synthetic lines a full DRE prints above them."""
    leaves: list[_Leaf] = []
    if _rarely(draw):
        # Only the synthetic RECEITA BRUTA line: it counts with its own value.
        leaves.append(
            _Leaf(
                subtree.gross_root,
                subtree.synthetics[subtree.gross_root][0],
                0,
                "gross_revenue",
                "C",
                "S",
            )
        )
    else:
        chosen = draw(st.lists(st.sampled_from(subtree.gross), unique=True, max_size=4))
        leaves += [_Leaf(code, text, 0, "gross_revenue", "C") for code, text in sorted(chosen)]
    deductions = draw(
        st.lists(st.sampled_from(subtree.deductions + extra_deductions), unique=True, max_size=5)
    )
    leaves += [_Leaf(code, text, 0, kind, "D") for code, text, kind in sorted(deductions)]
    if not leaves:
        code, text = subtree.gross[0]
        leaves.append(_Leaf(code, text, 0, "gross_revenue", "C"))
    signed: list[_Leaf] = []
    # Deductions usually fit in the gross revenue they reduce; now and then they do not.
    bounded = not _rarely(draw)
    budget = 0
    for leaf in leaves:
        if leaf.normal == "D" and bounded:
            cents = draw(_cents(0, budget))
            budget -= cents
        else:
            cents = draw(amounts)
            budget += cents if leaf.normal == "C" else 0
        # A revenue line is C and a deduction D; in an ``unusual`` DRE some are the other way
        # round, which keeps its arithmetic and raises UNUSUAL_SIGN.
        flip = unusual and cents != 0 and draw(st.booleans())
        sign = 1 if (leaf.normal == "C") != flip else -1
        signed.append(replace(leaf, cents=sign * cents))
    synthetics = {a for leaf in signed for a in _ancestors(leaf.code, subtree.synthetics)}
    return signed, synthetics


@st.composite
def _dre(
    draw: st.DrawFn,
    *,
    plan: str,
    version: str,
    amounts: st.SearchStrategy[int],
    anomalies: bool,
    noise: bool,
    may_be_empty: bool,
) -> _Dre:
    """One period's DRE in plan ``"A"`` (L300A / P150) or ``"U"`` (U150A)."""
    outside_leaves = _OUTSIDE_A_LEAVES if plan == "A" else _OUTSIDE_U_LEAVES
    outside_synthetics = _OUTSIDE_A_SYNTHETICS if plan == "A" else _OUTSIDE_U_SYNTHETICS
    dre = _Dre(leaves=[], synthetics={})
    if may_be_empty and _rarely(draw, anomalies):
        dre.warnings.add("NO_REVENUE_LINES")
        present: list[_Subtree] = []
    elif plan == "A":
        present = [_GENERAL] + ([_RURAL] if _rarely(draw) else [])
        if present == [_GENERAL] and _rarely(draw):
            present = [_RURAL]
    else:
        present = [_U150A]
    full = not _rarely(draw)  # False: analytic lines only (and the RECEITA LIQUIDA line)
    unusual = _rarely(draw, anomalies)
    for subtree in present:
        extra = _CPC47 if subtree is _GENERAL and version >= "0005" else ()
        leaves, synthetics = draw(_subtree_leaves(subtree, extra, amounts, unusual))
        dre.leaves += leaves
        if full:
            dre.synthetics.update({code: subtree.synthetics[code] for code in synthetics})
        if subtree.net_root is not None:
            dre.synthetics[subtree.net_root] = (_NET_ROOT_NAMES[subtree.net_root], "C")
    if noise or not present:
        # An "empty" DRE still has lines outside the revenue subtree: a period with no DRE line
        # at all states nothing, and read() refuses it instead of reading a zero.
        chosen = draw(
            st.lists(
                st.sampled_from(outside_leaves),
                unique=True,
                min_size=0 if present else 1,
                max_size=4,
            )
        )
        for code, text, normal in sorted(chosen):
            cents = draw(amounts)
            dre.leaves.append(_Leaf(code, text, cents if normal == "C" else -cents, None, normal))
        codes = [leaf.code for leaf in dre.leaves]
        dre.synthetics.update(
            {
                code: value
                for code, value in outside_synthetics.items()
                if any(c.startswith(code + ".") for c in codes)
            }
        )
    nets = [s.net_root for s in present if s.net_root is not None]
    if nets and _rarely(draw, anomalies):
        # No RECEITA LIQUIDA line although there are revenue lines.
        dre.missing_net = tuple(nets)
        dre.warnings.add("NET_REVENUE_LINE_MISSING")
        for net in nets:
            del dre.synthetics[net]
    elif nets and _rarely(draw, anomalies):
        # A RECEITA LIQUIDA line that is not the computed net.
        dre.deltas[draw(st.sampled_from(nets))] = draw(_nonzero())
        dre.warnings.add("NET_REVENUE_MISMATCH")
    # The synthetic lines the reader checks against their lines (not RECEITA LIQUIDA).
    checked = [code for code in dre.synthetics if any(code in s.synthetics for s in present)]
    if checked and _rarely(draw, anomalies):
        # A synthetic line that is not the signed sum of the lines below it.
        dre.deltas[draw(st.sampled_from(sorted(checked)))] = draw(_nonzero())
        dre.warnings.add("SYNTHETIC_SUM_MISMATCH")
    if any(
        leaf.component is not None and leaf.cents != 0 and (leaf.cents > 0) != (leaf.normal == "C")
        for leaf in dre.leaves
    ):
        dre.warnings.add("UNUSUAL_SIGN")
    return dre


def _dre_components(dre: _Dre) -> dict[str, int]:
    """The five components of one DRE: sums of its leaves (a deduction is the negated value)."""
    out = dict.fromkeys(
        ("gross_revenue", "cancellations", "discounts", "taxes", "other_deductions"), 0
    )
    for leaf in dre.leaves:
        if leaf.component == "gross_revenue":
            out["gross_revenue"] += leaf.cents
        elif leaf.component is not None:
            out[leaf.component] -= leaf.cents
    return out


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(part) for part in code.split("."))


def _render_dre(draw: st.DrawFn, register: str, dre: _Dre) -> list[str]:
    rows: list[tuple[str, str, str, int, str]] = [
        (leaf.code, leaf.description, leaf.kind, leaf.cents, leaf.normal) for leaf in dre.leaves
    ]
    for code, (text, normal) in dre.synthetics.items():
        total = sum(leaf.cents for leaf in dre.leaves if leaf.code.startswith(code + "."))
        rows.append((code, text, "S", total + dre.deltas.get(code, 0), normal))
    out = []
    for code, text, kind, cents, normal in sorted(rows, key=lambda row: _code_key(row[0])):
        indicator = normal if cents == 0 else ("C" if cents > 0 else "D")
        parent = code.rsplit(".", 1)[0] if "." in code else ""
        amount = _ecf_amount(draw, cents)
        out.append(
            f"|{register}|{code}|{text}|{kind}|{code.count('.') + 1}|04|{parent}|{amount}|{indicator}|"
        )
    return out


def _cumulative(dre: _Dre, month: int) -> _Dre:
    """A balancete up to ``month``: every leaf scaled to the months elapsed, lines consistent."""
    leaves = [replace(leaf, cents=leaf.cents * month // 12) for leaf in dre.leaves]
    synthetics = dict(dre.synthetics)
    for net in dre.missing_net:
        synthetics[net] = (_NET_ROOT_NAMES[net], "C")
    return _Dre(leaves=leaves, synthetics=synthetics)
