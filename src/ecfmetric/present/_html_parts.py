"""The pieces of the notebook's HTML: the styles, text kept whole where it must not break, a
table, and a list of findings. ``_html`` (a metric, a report) and ``_html_proof`` (a proof)
build on them."""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

from ..model._labels import SEVERITY_WORDS, Lang, section

if TYPE_CHECKING:
    from ..model._model import Finding

# Fits a notebook's column: the table is at most as wide as the output area and its text wraps;
# a CNPJ, a CPF or an amount never breaks inside (white-space:nowrap on them).
STYLE = "border-collapse:collapse;margin:0.3em 0;max-width:100%;table-layout:auto"
CELL = (
    "padding:2px 8px;border-bottom:1px solid #ddd;vertical-align:top;white-space:normal;"
    "overflow-wrap:break-word"
)
UNBROKEN = "white-space:nowrap"
_ERROR_ROW = "background:#fde2e2;color:#8b0000"
_WARNING_ROW = "background:#fff4e0"
_IDENTIFIERS = re.compile(
    r"[0-9A-Z]{2}\.[0-9A-Z]{3}\.[0-9A-Z]{3}/[0-9A-Z]{4}-[0-9]{2}"  # CNPJ (alphanumeric too)
    r"|[0-9]{3}\.[0-9]{3}\.[0-9]{3}-[0-9]{2}"  # CPF
    r"|-?[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]{2}"  # an amount as pt-BR writes it
)


def text(value: str) -> str:
    """``value`` escaped for HTML, each CNPJ, CPF and amount in it kept on one line."""
    out, last = [], 0
    for match in _IDENTIFIERS.finditer(value):
        out.append(escape(value[last : match.start()]))
        out.append(f'<span style="{UNBROKEN}">{escape(match.group())}</span>')
        last = match.end()
    out.append(escape(value[last:]))
    return "".join(out)


def table(
    header: list[str],
    rows: list[list[str]],
    *,
    numeric: frozenset[int] = frozenset(),
    row_styles: list[str] | None = None,
) -> str:
    head = "".join(f'<th style="{CELL};text-align:left">{escape(h)}</th>' for h in header)
    body = "".join(
        (f'<tr style="{row_styles[r]}">' if row_styles and row_styles[r] else "<tr>")
        + "".join(
            f'<td style="{CELL};text-align:{"right" if i in numeric else "left"}'
            + (f";{UNBROKEN}" if i in numeric else "")
            + f'">{escape(cell) if i in numeric else text(cell)}</td>'
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for r, row in enumerate(rows)
    )
    return (
        f'<div style="max-width:100%;overflow-x:auto"><table style="{STYLE}">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def findings(found: tuple[Finding, ...], title: str, lang: Lang) -> str:
    """A list of findings under its title: errors in red rows, warnings in amber ones."""
    if not found:
        return ""
    rows = [
        [
            SEVERITY_WORDS[lang][f.severity],
            f.code,
            "" if f.line_number is None else str(f.line_number),
            f.record or "",
            f.render(lang),
        ]
        for f in found
    ]
    # An error looks like an error: a red row (and a red bar when the list has one), a warning
    # an amber one.
    styles = [_ERROR_ROW if f.severity == "error" else _WARNING_ROW for f in found]
    bar = "#c00" if any(f.severity == "error" for f in found) else "#c60"
    return (
        f'<div style="border-left:4px solid {bar};padding-left:8px;margin-top:0.5em">'
        f"<strong>{escape(title)}</strong>"
        + table(section(lang, "html")["findings"].split(","), rows, row_styles=styles)
        + "</div>"
    )
