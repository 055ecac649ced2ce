"""HTML tables for notebooks (``_repr_html_``): the breakdown, with warnings set apart."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ._format import LABELS, brl
from ._model import MONEY_FIELDS, Finding, RevenueMetric

if TYPE_CHECKING:
    from ._validate import ValidationReport

_STYLE = "border-collapse:collapse;margin:0.3em 0"
_CELL = "padding:2px 8px;border-bottom:1px solid #ddd"


def _table(
    header: list[str], rows: list[list[str]], *, numeric: frozenset[int] = frozenset()
) -> str:
    head = "".join(f'<th style="{_CELL};text-align:left">{escape(h)}</th>' for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td style="{_CELL};text-align:{"right" if i in numeric else "left"}">{escape(cell)}</td>'
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f'<table style="{_STYLE}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _findings(findings: tuple[Finding, ...], title: str) -> str:
    if not findings:
        return ""
    rows = [
        [
            f.severity,
            f.code,
            "" if f.line_number is None else str(f.line_number),
            f.record or "",
            f.message,
        ]
        for f in findings
    ]
    return (
        f'<div style="border-left:4px solid #c60;padding-left:8px;margin-top:0.5em">'
        f"<strong>{escape(title)}</strong>"
        + _table(["severity", "code", "line", "record", "message"], rows)
        + "</div>"
    )


def metric_html(metric: RevenueMetric) -> str:
    """The metric as HTML: identity, components, periods, lines read, then warnings."""
    who = escape(metric.company_name or "(no name)")
    facts = [f"CNPJ {metric.cnpj or '(not given)'}", f"source {metric.source}"]
    if metric.reference_year is not None:
        facts.append(f"year {metric.reference_year}")
    if metric.regime is not None:
        facts.append(f"regime {metric.regime.value}")
    if metric.layout_version:
        facts.append(f"layout {metric.layout_version}")
    parts = [f"<div><strong>{who}</strong> — {escape(', '.join(facts))}</div>"]
    parts.append(
        _table(
            ["component", "amount (R$)"],
            [[LABELS[name], brl(getattr(metric, name))] for name in MONEY_FIELDS],
            numeric=frozenset({1}),
        )
    )
    if metric.periods:
        parts.append(
            _table(
                ["period", "block", "record", "from", "to", "gross", "net"],
                [
                    [
                        p.period,
                        p.block,
                        p.record,
                        p.start.isoformat(),
                        p.end.isoformat(),
                        brl(p.gross_revenue),
                        brl(p.net_revenue),
                    ]
                    for p in metric.periods
                ],
                numeric=frozenset({5, 6}),
            )
        )
    used = [line for line in metric.lines if line.component is not None]
    if used:
        parts.append(
            _table(
                ["line", "record", "period", "code", "description", "amount", "component"],
                [
                    [
                        "" if line.line_number is None else str(line.line_number),
                        line.record or "",
                        line.period or "",
                        line.code or "",
                        line.description,
                        brl(line.amount),
                        line.component or "",
                    ]
                    for line in used
                ],
                numeric=frozenset({5}),
            )
        )
    parts.append(_findings(metric.warnings, "Warnings"))
    return "<div>" + "".join(parts) + "</div>"


def report_html(report: ValidationReport) -> str:
    """A validation report as HTML: the verdict, then the findings."""
    verdict = "no error" if report.ok else f"{len(report.errors)} error(s)"
    head = (
        f"<div><strong>{escape(report.source or 'ECF')}</strong>: {escape(verdict)}, "
        f"{len(report.warnings)} warning(s), {report.lines_read} lines</div>"
    )
    return "<div>" + head + _findings(report.findings, "Findings") + "</div>"
