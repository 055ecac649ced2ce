"""HTML tables for notebooks (``_repr_html_``): the breakdown, with warnings set apart."""

from __future__ import annotations

import re
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING

from ..base._cnpj import format_cnpj
from ..base._i18n import get_language
from ..model._labels import (
    COMPONENT_WORDS,
    COMPONENTS,
    SEVERITY_WORDS,
    SOURCE_WORDS,
    STATUS_WORDS,
    Lang,
    cnpj,
    date,
    labels,
    money,
    regime_name,
    section,
    signature_text,
)

if TYPE_CHECKING:
    from ..model._model import Finding, RevenueMetric

if TYPE_CHECKING:
    from ..model._contest import Contest
    from ..proof._proof import ConcludedProof, Proof, ProofRow
    from ..reading._validate import ValidationReport

# Fits a notebook's column: the table is at most as wide as the output area and its text wraps;
# a CNPJ, a CPF or an amount never breaks inside (white-space:nowrap on them).
_STYLE = "border-collapse:collapse;margin:0.3em 0;max-width:100%;table-layout:auto"
_CELL = (
    "padding:2px 8px;border-bottom:1px solid #ddd;vertical-align:top;white-space:normal;"
    "overflow-wrap:break-word"
)
_UNBROKEN = "white-space:nowrap"
_ERROR_ROW = "background:#fde2e2;color:#8b0000"
_WARNING_ROW = "background:#fff4e0"
_IDENTIFIERS = re.compile(
    r"[0-9A-Z]{2}\.[0-9A-Z]{3}\.[0-9A-Z]{3}/[0-9A-Z]{4}-[0-9]{2}"  # CNPJ (alphanumeric too)
    r"|[0-9]{3}\.[0-9]{3}\.[0-9]{3}-[0-9]{2}"  # CPF
    r"|-?[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]{2}"  # an amount as pt-BR writes it
)


def _text(text: str) -> str:
    """``text`` escaped for HTML, each CNPJ, CPF and amount in it kept on one line."""
    out, last = [], 0
    for match in _IDENTIFIERS.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f'<span style="{_UNBROKEN}">{escape(match.group())}</span>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _table(
    header: list[str],
    rows: list[list[str]],
    *,
    numeric: frozenset[int] = frozenset(),
    row_styles: list[str] | None = None,
) -> str:
    head = "".join(f'<th style="{_CELL};text-align:left">{escape(h)}</th>' for h in header)
    body = "".join(
        (f'<tr style="{row_styles[r]}">' if row_styles and row_styles[r] else "<tr>")
        + "".join(
            f'<td style="{_CELL};text-align:{"right" if i in numeric else "left"}'
            + (f";{_UNBROKEN}" if i in numeric else "")
            + f'">{escape(cell) if i in numeric else _text(cell)}</td>'
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for r, row in enumerate(rows)
    )
    return (
        f'<div style="max-width:100%;overflow-x:auto"><table style="{_STYLE}">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def _findings(findings: tuple[Finding, ...], title: str, lang: Lang) -> str:
    if not findings:
        return ""
    rows = [
        [
            SEVERITY_WORDS[lang][f.severity],
            f.code,
            "" if f.line_number is None else str(f.line_number),
            f.record or "",
            f.render(lang),
        ]
        for f in findings
    ]
    # An error looks like an error: a red row (and a red bar when the list has one), a warning
    # an amber one.
    styles = [_ERROR_ROW if f.severity == "error" else _WARNING_ROW for f in findings]
    bar = "#c00" if any(f.severity == "error" for f in findings) else "#c60"
    return (
        f'<div style="border-left:4px solid {bar};padding-left:8px;margin-top:0.5em">'
        f"<strong>{escape(title)}</strong>"
        + _table(section(lang, "html")["findings"].split(","), rows, row_styles=styles)
        + "</div>"
    )


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
    parts = [f"<div><strong>{who}</strong> — {_text(', '.join(facts))}</div>"]
    names = labels(lang)
    parts.append(
        _table(
            [words["component"], words["amount"]],
            [[names[name], money(getattr(metric, name), lang)] for name in COMPONENTS],
            numeric=frozenset({1}),
        )
    )
    if metric.periods:
        parts.append(
            _table(
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
            + _table(
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
            _table(
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
        parts.append(f"<div>{_text(signature_text(metric.signature, lang))}</div>")
    parts.append(_findings(metric.warnings, words["warnings"], lang))
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
        + _findings(report.findings, words["all_findings"], lang)
        + "</div>"
    )


# -- proofs --------------------------------------------------------------------------------------

_MONEY_COLUMNS = range(3, 3 + len(COMPONENTS))
_ATTENTION_ROW = "background:#fde7dc"
_ATTENTION_MARK = "⚠"
_CONTESTED_MARK = "✎"


def proof_headers(lang: Lang = "pt") -> list[str]:
    """The proof table's columns (the money columns are right-aligned)."""
    names = labels(lang)
    money_headers = "|".join(f"{names[name]} (R$)" for name in COMPONENTS)
    return section(lang, "proof")["headers"].format(money=money_headers).split("|")


def proof_html(proof: Proof, lang: Lang | None = None) -> str:
    """An open proof as HTML: a caption, then one row per company."""
    lang = lang or get_language()
    words = section(lang, "proof")
    state = words["concluded"] if proof.concluded else words["pending"].format(n=len(proof.pending))
    caption = words["caption"].format(year=proof.reference_year, count=len(proof.rows), state=state)
    return _proof_table(caption, proof.rows, None, lang)


def concluded_proof_html(proof: ConcludedProof, lang: Lang | None = None) -> str:
    """A concluded proof as HTML: the rows and the total line."""
    lang = lang or get_language()
    words = section(lang, "proof")
    caption = words["caption"].format(
        year=proof.reference_year, count=len(proof.rows), state=words["concluded"]
    )
    return _proof_table(caption, proof.rows, proof.total_net_revenue, lang)


def _contest_text(contest: Contest, lang: Lang) -> str:
    by = "" if contest.by is None else f" ({contest.by})"
    return (
        f"{_CONTESTED_MARK} {labels(lang)[contest.component]}: {money(contest.value, lang)} "
        f"({section(lang, 'proof')['file']}: {money(contest.file_value, lang)}) — {contest.reason}{by}"
    )


def _money_cell(row: ProofRow, name: str, lang: Lang) -> tuple[str, str]:
    """The text of one money cell and its tooltip: marked when contested or flagged."""
    value = getattr(row, name)
    if row.metric is None:
        return "", ""
    shown = money(value, lang)
    contest = row.contest_of(name)
    if contest is not None:
        shown = f"{_CONTESTED_MARK} {shown}"
        tip = section(lang, "proof")["contested"].format(
            value=money(contest.file_value, lang), reason=contest.reason
        )
        return shown, tip
    if name == "net_revenue" and row.attention:
        codes = ", ".join(dict.fromkeys(w.code for w in row.attention))
        return f"{_ATTENTION_MARK} {shown}", codes
    return shown, ""


def _proof_row(row: ProofRow, lang: Lang) -> str:
    cells: list[tuple[str, str]] = [
        (row.name or "", ""),
        (format_cnpj(row.cnpj), ""),
        (str(row.reference_year), ""),
        *(_money_cell(row, name, lang) for name in COMPONENTS),
        (SOURCE_WORDS[lang][row.source], ""),
        (STATUS_WORDS[lang][row.status], ""),
        (" ".join(_contest_text(c, lang) for c in row.contested), ""),
        (
            " ".join(
                f"{_ATTENTION_MARK if w in row.attention else ''}[{w.code}] {w.render(lang)}"
                for w in row.warnings
            ),
            "",
        ),
        (" ".join(f"[{note.code}] {note.render(lang)}" for note in row.notes), ""),
        ("" if row.signature is None else signature_text(row.signature, lang), ""),
    ]
    style = f' style="{_ATTENTION_ROW}"' if row.attention else ""
    tds = "".join(
        f'<td style="{_CELL};text-align:{"right" if i in _MONEY_COLUMNS else "left"}'
        + (f";{_UNBROKEN}" if i in _MONEY_COLUMNS or i == 1 else "")
        + '"'
        + (f' title="{escape(tip)}"' if tip else "")
        + f">{escape(text) if i in _MONEY_COLUMNS else _text(text)}</td>"
        for i, (text, tip) in enumerate(cells)
    )
    return f"<tr{style}>{tds}</tr>"


def _proof_table(
    caption: str, rows: tuple[ProofRow, ...], total: Decimal | None, lang: Lang
) -> str:
    headers = proof_headers(lang)
    head = "".join(f'<th style="{_CELL};text-align:left">{escape(h)}</th>' for h in headers)
    body = "".join(_proof_row(row, lang) for row in rows)
    if total is not None:
        cells = [
            section(lang, "proof")["total"],
            "",
            "",
            *([""] * (len(COMPONENTS) - 1)),
            money(total, lang),
        ]
        cells += [""] * (len(headers) - len(cells))
        body += (
            "<tr>"
            + "".join(
                f'<td style="{_CELL};text-align:{"right" if i in _MONEY_COLUMNS else "left"}">'
                f"<strong>{escape(cell)}</strong></td>"
                for i, cell in enumerate(cells)
            )
            + "</tr>"
        )
    table = (
        f'<div style="max-width:100%;overflow-x:auto"><table style="{_STYLE}">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )
    return f"<div><div><strong>{escape(caption)}</strong></div>{table}</div>"
