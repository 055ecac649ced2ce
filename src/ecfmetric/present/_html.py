"""HTML tables for notebooks (``_repr_html_``): the breakdown, with warnings set apart.

The metric and the validation report are written here; a proof in ``_html_proof``; the pieces
they share (styles, tables, findings) in ``_html_parts``. ``model/_notebook`` reaches all four
renderers through this module.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ..base._i18n import get_language
from ..model._labels import (
    COMPONENT_WORDS,
    COMPONENTS,
    SOURCE_WORDS,
    Lang,
    cnpj,
    date,
    labels,
    money,
    regime_name,
    section,
    signature_text,
)
from ._html_parts import findings, table, text
from ._html_proof import concluded_proof_html, proof_headers, proof_html

if TYPE_CHECKING:
    from ..model._model import RevenueMetric
    from ..reading._validate import ValidationReport

__all__ = ["concluded_proof_html", "metric_html", "proof_headers", "proof_html", "report_html"]


def metric_html(metric: RevenueMetric, lang: Lang | None = None) -> str:
    """The metric as HTML: identity, components, periods, every line read (those read only to
    cross-check too), the signature when it was read, then warnings."""
    lang = lang or get_language()
    words = section(lang, "html")
    who = escape(metric.company_name or words["no_name"])
    facts = [f"CNPJ {cnpj(metric.cnpj)}", SOURCE_WORDS[lang][metric.source]]
    if metric.reference_year is not None:
        facts.append(f"{words['year']} {metric.reference_year}")
    if metric.regime is not None:
        facts.append(regime_name(metric.regime, lang) or "")
    if metric.layout_version:
        facts.append(f"{words['layout']} {metric.layout_version}")
    if metric.rectifying:
        facts.append(words["rectifying"])
    parts = [f"<div><strong>{who}</strong> — {text(', '.join(facts))}</div>"]
    names = labels(lang)
    parts.append(
        table(
            [words["component"], words["amount"]],
            [[names[name], money(getattr(metric, name), lang)] for name in COMPONENTS],
            numeric=frozenset({1}),
        )
    )
    if metric.periods:
        parts.append(
            table(
                words["periods"].split(","),
                [
                    [
                        p.period,
                        p.block,
                        p.record,
                        date(p.start, lang),
                        date(p.end, lang),
                        money(p.gross_revenue, lang),
                        money(p.net_revenue, lang),
                    ]
                    for p in metric.periods
                ],
                numeric=frozenset({5, 6}),
            )
        )
    if metric.lines and metric.source == "form":
        parts.append(
            f"<div><strong>{escape(words['typed'])}</strong></div>"
            + table(
                [words["field"], words["amount"]],
                [
                    [names.get(line.component or "", line.description), money(line.amount, lang)]
                    for line in metric.lines
                ],
                numeric=frozenset({1}),
            )
        )
    elif metric.lines:
        parts.append(
            table(
                words["lines"].split(","),
                [
                    [
                        "" if line.line_number is None else str(line.line_number),
                        line.record or "",
                        line.period or "",
                        line.code or "",
                        line.description,
                        money(line.amount, lang),
                        COMPONENT_WORDS[lang][line.component],
                    ]
                    for line in metric.lines
                ],
                numeric=frozenset({5}),
            )
        )
    if metric.signature is not None:
        parts.append(f"<div>{text(signature_text(metric.signature, lang))}</div>")
    parts.append(findings(metric.warnings, words["warnings"], lang))
    return "<div>" + "".join(parts) + "</div>"


def report_html(report: ValidationReport, lang: Lang | None = None) -> str:
    """A validation report as HTML: the verdict, then the findings."""
    lang = lang or get_language()
    words = section(lang, "html")
    verdict = words["no_error"] if report.ok else words["errors"].format(n=len(report.errors))
    head = words["report"].format(
        source=report.source or "ECF",
        verdict=verdict,
        warnings=len(report.warnings),
        lines=report.lines_read,
    )
    return (
        "<div><div><strong>"
        + escape(head)
        + "</strong></div>"
        + findings(report.findings, words["all_findings"], lang)
        + "</div>"
    )
