"""The notebook's HTML of a proof (Comprovação de Métricas): one row per company, its contests
and warnings marked, and the total of a concluded proof."""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING

from ..base._cnpj import format_cnpj
from ..base._i18n import get_language
from ..model._labels import (
    COMPONENTS,
    SOURCE_WORDS,
    STATUS_WORDS,
    Lang,
    labels,
    money,
    section,
    signature_text,
)
from ._html_parts import CELL, STYLE, UNBROKEN, text

if TYPE_CHECKING:
    from ..model._contest import Contest
    from ..proof._proof import ConcludedProof, Proof, ProofRow

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
        f'<td style="{CELL};text-align:{"right" if i in _MONEY_COLUMNS else "left"}'
        + (f";{UNBROKEN}" if i in _MONEY_COLUMNS or i == 1 else "")
        + '"'
        + (f' title="{escape(tip)}"' if tip else "")
        + f">{escape(shown) if i in _MONEY_COLUMNS else text(shown)}</td>"
        for i, (shown, tip) in enumerate(cells)
    )
    return f"<tr{style}>{tds}</tr>"


def _proof_table(
    caption: str, rows: tuple[ProofRow, ...], total: Decimal | None, lang: Lang
) -> str:
    headers = proof_headers(lang)
    head = "".join(f'<th style="{CELL};text-align:left">{escape(h)}</th>' for h in headers)
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
                f'<td style="{CELL};text-align:{"right" if i in _MONEY_COLUMNS else "left"}">'
                f"<strong>{escape(cell)}</strong></td>"
                for i, cell in enumerate(cells)
            )
            + "</tr>"
        )
    table = (
        f'<div style="max-width:100%;overflow-x:auto"><table style="{STYLE}">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )
    return f"<div><div><strong>{escape(caption)}</strong></div>{table}</div>"
