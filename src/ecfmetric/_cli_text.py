"""The command line's human output in Portuguese (pt-BR), its default language.

Money as ``1.234.567,89``, dates as ``dd/mm/aaaa``, the CNPJ
masked, and the labels of the portal's form. ``--lang en`` draws the English text of
:mod:`ecfmetric._format` instead. Codes (``COUNT_MISMATCH``) never change with the language;
the library's messages are English for now and are shown after their code.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from . import _labels
from ._format import brl
from ._labels import COMPONENT_WORDS, LABELS, REGIME_NAMES, Lang, signature_text
from ._model import RevenueMetric

if TYPE_CHECKING:
    from ._validate import ValidationReport


_WORDS: Final = COMPONENT_WORDS["pt"]

_DESCRIPTION_WIDTH = 60


def money(value: Decimal | None) -> str:
    """``1.234.567,89``; ``não informado`` when the source does not state the amount."""
    return _labels.money(value, "pt")


def date(value: dt.date) -> str:
    """``31/12/2025``."""
    return _labels.date(value, "pt")


def cnpj(value: str | None) -> str:
    """The CNPJ with its mask (``12.345.678/0001-95``); what is given when it cannot be masked."""
    return "(não informado)" if value is None else _labels.cnpj(value)


def render_metric(metric: RevenueMetric) -> str:
    """The breakdown: who, which year, the components, the periods, every line read, warnings."""
    out = [f"{metric.company_name or '(sem nome)'} — CNPJ {cnpj(metric.cnpj)}"]
    if metric.managing_partner_cnpj:
        out.append(f"SCP do sócio ostensivo CNPJ {cnpj(metric.managing_partner_cnpj)}")
    facts = ["ECF" if metric.source == "ecf" else "formulário"]
    if metric.reference_year is not None:
        facts.append(f"ano-calendário {metric.reference_year}")
    if metric.period_start and metric.period_end:
        facts.append(f"{date(metric.period_start)} a {date(metric.period_end)}")
    if metric.regime is not None:
        facts.append(REGIME_NAMES[metric.regime])
    if metric.layout_version:
        facts.append(f"leiaute {metric.layout_version}")
    if metric.rectifying:
        facts.append(f"retificadora (substitui o recibo {metric.receipt or '?'})")
    out.append(", ".join(facts))
    out.append("")
    width = max(len(label) for label in LABELS.values())
    for name, label in LABELS.items():
        if name == "net_revenue":
            out.append(f"  {'':{width}}  {'-' * 20}")
        out.append(f"  {label:{width}}  {money(getattr(metric, name)):>20}")
    if len(metric.periods) > 1 or (metric.periods and metric.periods[0].period != "A00"):
        out.extend(("", "Períodos:"))
        out.extend(
            f"  {p.period} {date(p.start)} a {date(p.end)}, bloco {p.block} ({p.record}): "
            f"receita bruta {money(p.gross_revenue)}, receita líquida {money(p.net_revenue)}"
            for p in metric.periods
        )
    if metric.lines:
        out.extend(("", "Linhas lidas:"))
        for line in metric.lines:
            where = f"linha {line.line_number}" if line.line_number is not None else "formulário"
            period = f" {line.period}" if line.period else ""
            code = f" {line.record} {line.code}" if line.record else ""
            description = line.description
            if len(description) > _DESCRIPTION_WIDTH:
                description = description[: _DESCRIPTION_WIDTH - 1] + "…"
            out.append(
                f"  {where:>11}{period}{code} {description}: {money(line.amount)} "
                f"→ {_WORDS[line.component]}"
            )
    if metric.signature is not None:
        out.extend(("", signature_text(metric.signature, "pt")))
    if metric.warnings:
        out.extend(("", "Avisos:"))
        for warning in metric.warnings:
            where = f" (linha {warning.line_number})" if warning.line_number is not None else ""
            out.append(f"  [{warning.code}]{where} {warning.message}")
    return "\n".join(out)


def render_report(report: ValidationReport) -> str:
    """A validation report: the verdict, then one line per finding."""
    errors, warnings = len(report.errors), len(report.warnings)
    verdict = "OK, nenhum erro" if report.ok else f"{errors} erro(s)"
    out = [f"{report.source or 'ECF'}: {verdict}, {warnings} aviso(s), {report.lines_read} linhas"]
    for f in report.findings:
        where = f"linha {f.line_number}" if f.line_number is not None else "arquivo"
        record = f" {f.record}" if f.record else ""
        severity = "ERRO" if f.severity == "error" else "AVISO"
        out.append(f"  {severity:5} {f.code:24} {where}{record}: {f.message}")
    if report.metric is not None:
        out.append(f"  {LABELS['net_revenue']}: {money(report.metric.net_revenue)}")
    return "\n".join(out)


def table_row(path: str, metric: RevenueMetric, lang: Lang) -> str:
    """One file's line in the table of several files."""
    if lang == "en":
        warnings = f"\t{len(metric.warnings)} warning(s)" if metric.warnings else ""
        return (
            f"{path}\t{metric.cnpj}\t{metric.reference_year}\t"
            f"gross {brl(metric.gross_revenue)}\tnet {brl(metric.net_revenue)}{warnings}"
        )
    warnings = f"\t{len(metric.warnings)} aviso(s)" if metric.warnings else ""
    return (
        f"{path}\t{cnpj(metric.cnpj)}\t{metric.reference_year}\t"
        f"receita bruta {money(metric.gross_revenue)}\t"
        f"receita líquida {money(metric.net_revenue)}{warnings}"
    )


def refusal_line(refusal: dict[str, object], lang: Lang) -> str:
    """A refused file in one line: ``FILE: recusado, linha 45, 9999.QTD_LIN [CODE]: message``."""
    error = refusal["error"]
    assert isinstance(error, dict)
    where = []
    if error["line_number"] is not None:
        where.append(f"{'line' if lang == 'en' else 'linha'} {error['line_number']}")
    if error["record"] is not None:
        field = error["field"]
        where.append(f"{error['record']}" if field is None else f"{error['record']}.{field}")
    verdict = "refused" if lang == "en" else "recusado"
    place = "".join(f", {part}" for part in where)
    message = " ".join(str(error["message"]).split())
    shown = "<stdin>" if refusal["file"] == "-" else refusal["file"]
    return f"{shown}: {verdict}{place} [{error['code']}]: {message}"
