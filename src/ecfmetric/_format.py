"""Plain-text rendering of a metric for people (the CLI's default output)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ._labels import COMPONENT_WORDS, LABELS_EN, money, signature_text
from ._model import MONEY_FIELDS, RevenueMetric

if TYPE_CHECKING:
    from ._validate import ValidationReport


def brl(value: Decimal | None) -> str:
    """``Decimal('11990000.00')`` → ``"11.990.000,00"``; ``None`` → ``"unknown"``."""
    return "unknown" if value is None else money(value, "pt")


def render_text(metric: RevenueMetric) -> str:
    """A readable breakdown: identity, components, periods, the lines behind each, warnings."""
    out: list[str] = []
    who = metric.company_name or "(no name)"
    out.append(f"{who} — CNPJ {metric.cnpj or '(not given)'}")
    if metric.managing_partner_cnpj:
        out.append(f"SCP of managing partner CNPJ {metric.managing_partner_cnpj}")
    facts = [f"source {metric.source}"]
    if metric.reference_year is not None:
        facts.append(f"year {metric.reference_year}")
    if metric.period_start and metric.period_end:
        facts.append(f"{metric.period_start:%d/%m/%Y}–{metric.period_end:%d/%m/%Y}")
    if metric.regime is not None:
        facts.append(f"regime {metric.regime.value}")
    if metric.layout_version:
        facts.append(f"layout {metric.layout_version}")
    if metric.rectifying:
        facts.append(f"rectifying (replaces receipt {metric.receipt or '?'})")
    out.append(", ".join(facts))
    out.append("")
    width = max(len(label) for label in LABELS_EN.values())
    for name in MONEY_FIELDS:
        if name == "net_revenue":
            out.append(f"  {'':{width}}  {'-' * 20}")
        out.append(f"  {LABELS_EN[name]:{width}}  {brl(getattr(metric, name)):>20}")
    if len(metric.periods) > 1 or (metric.periods and metric.periods[0].period != "A00"):
        out.append("")
        out.append("Periods:")
        out.extend(
            f"  {period.period} {period.start:%d/%m}–{period.end:%d/%m} block {period.block} "
            f"({period.record}): gross {brl(period.gross_revenue)}, net {brl(period.net_revenue)}"
            for period in metric.periods
        )
    if metric.lines:
        out.append("")
        out.append("Lines read:")
        for line in metric.lines:
            where = f"line {line.line_number}" if line.line_number is not None else "form"
            code = f" {line.record} {line.code}" if line.record else ""
            period = f" {line.period}" if line.period else ""
            out.append(
                f"  {where:>10}{period}{code} {line.description[:50]!s}: {brl(line.amount)} → {COMPONENT_WORDS['en'][line.component]}"
            )
    if metric.signature is not None:
        out.extend(("", signature_text(metric.signature, "en")))
    if metric.warnings:
        out.append("")
        out.append("Warnings:")
        for warning in metric.warnings:
            where = f" (line {warning.line_number})" if warning.line_number is not None else ""
            out.append(f"  [{warning.code}]{where} {warning.message}")
    return "\n".join(out)


def render_report(report: ValidationReport) -> str:
    """A validation report for people: verdict, then one line per finding."""
    verdict = "OK, no error" if report.ok else f"{len(report.errors)} error(s)"
    out = [
        f"{report.source or 'ECF'}: {verdict}, {len(report.warnings)} warning(s), {report.lines_read} lines"
    ]
    for f in report.findings:
        where = f"line {f.line_number}" if f.line_number is not None else "file"
        record = f" {f.record}" if f.record else ""
        out.append(f"  {f.severity.upper():7} {f.code:24} {where}{record}: {f.message}")
    if report.metric is not None:
        out.append(f"  net revenue: {brl(report.metric.net_revenue)}")
    return "\n".join(out)
