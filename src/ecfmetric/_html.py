"""HTML tables for notebooks (``_repr_html_``): the breakdown, with warnings set apart."""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, Final

from ._cnpj import format_cnpj
from ._format import LABELS, brl
from ._model import MONEY_FIELDS, Finding, RevenueMetric

if TYPE_CHECKING:
    from ._contest import Contest
    from ._proof import ConcludedProof, Proof, ProofRow
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


# -- proofs --------------------------------------------------------------------------------------

#: The proof table's columns; the money columns are right-aligned.
PROOF_HEADERS: Final = (
    "company",
    "CNPJ",
    "year",
    *(f"{LABELS[name]} (R$)" for name in MONEY_FIELDS),
    "source",
    "status",
    "contested",
    "warnings",
    "notes",
)
_MONEY_COLUMNS = range(3, 3 + len(MONEY_FIELDS))
_ATTENTION_ROW = "background:#fde7dc"
_ATTENTION_MARK = "⚠"
_CONTESTED_MARK = "✎"


def proof_html(proof: Proof) -> str:
    """An open proof as HTML: a caption, then one row per company."""
    state = "concluded" if proof.concluded else f"{len(proof.pending)} pending"
    caption = f"Proof of revenue, {proof.reference_year}: {len(proof.rows)} companies, {state}"
    return _proof_table(caption, proof.rows, None)


def concluded_proof_html(proof: ConcludedProof) -> str:
    """A concluded proof as HTML: the rows and the total line."""
    caption = f"Proof of revenue, {proof.reference_year}: concluded"
    return _proof_table(caption, proof.rows, proof.total_net_revenue)


def _contest_text(contest: Contest) -> str:
    by = "" if contest.by is None else f" ({contest.by})"
    return (
        f"{_CONTESTED_MARK} {contest.component}: {brl(contest.value)} "
        f"(file: {brl(contest.file_value)}) — {contest.reason}{by}"
    )


def _money_cell(row: ProofRow, name: str) -> tuple[str, str]:
    """The text of one money cell and its tooltip: marked when contested or flagged."""
    value = getattr(row, name)
    if row.metric is None:
        return "", ""
    shown = brl(value)
    contest = row.contest_of(name)
    if contest is not None:
        shown = f"{_CONTESTED_MARK} {shown}"
        tip = f"contested: the file states {brl(contest.file_value)}; {contest.reason}"
        return shown, tip
    if name == "net_revenue" and row.attention:
        codes = ", ".join(dict.fromkeys(w.code for w in row.attention))
        return f"{_ATTENTION_MARK} {shown}", codes
    return shown, ""


def _proof_row(row: ProofRow) -> str:
    cells: list[tuple[str, str]] = [
        (row.name or "", ""),
        (format_cnpj(row.cnpj), ""),
        (str(row.reference_year), ""),
        *(_money_cell(row, name) for name in MONEY_FIELDS),
        (row.source or "", ""),
        (row.status, ""),
        (" ".join(_contest_text(c) for c in row.contested), ""),
        (
            " ".join(
                f"{_ATTENTION_MARK if w in row.attention else ''}[{w.code}] {w.message}"
                for w in row.warnings
            ),
            "",
        ),
        (" ".join(f"[{note.code}] {note.message}" for note in row.notes), ""),
    ]
    style = f' style="{_ATTENTION_ROW}"' if row.attention else ""
    tds = "".join(
        f'<td style="{_CELL};text-align:{"right" if i in _MONEY_COLUMNS else "left"}"'
        + (f' title="{escape(tip)}"' if tip else "")
        + f">{escape(text)}</td>"
        for i, (text, tip) in enumerate(cells)
    )
    return f"<tr{style}>{tds}</tr>"


def _proof_table(caption: str, rows: tuple[ProofRow, ...], total: Decimal | None) -> str:
    head = "".join(f'<th style="{_CELL};text-align:left">{escape(h)}</th>' for h in PROOF_HEADERS)
    body = "".join(_proof_row(row) for row in rows)
    if total is not None:
        cells = ["Total", "", "", *([""] * (len(MONEY_FIELDS) - 1)), brl(total)]
        cells += [""] * (len(PROOF_HEADERS) - len(cells))
        body += (
            "<tr>"
            + "".join(
                f'<td style="{_CELL};text-align:{"right" if i in _MONEY_COLUMNS else "left"}">'
                f"<strong>{escape(cell)}</strong></td>"
                for i, cell in enumerate(cells)
            )
            + "</tr>"
        )
    table = f'<table style="{_STYLE}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    return f"<div><div><strong>{escape(caption)}</strong></div>{table}</div>"
