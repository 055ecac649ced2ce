"""The command line's human output, in Portuguese (pt-BR, the default) or in English.

One renderer per kind of output, the words drawn from one table per language: money as
``1.234.567,89`` (``1,234,567.89`` in English), dates as ``dd/mm/aaaa`` (``2025-12-31``), the
CNPJ masked, and the labels of the portal's form (:mod:`ecfmetric.model._labels`). Codes
(``COUNT_MISMATCH``), record and field names never change with the language.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..base._printable import printable_text
from ..model._labels import (
    COMPONENT_WORDS,
    SEVERITY_WORDS,
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
from ..model._model import RevenueMetric
from ._outputs import FileCheck, FileResult, Output, Renderer

if TYPE_CHECKING:
    from ..reading._validate import ValidationReport
    from ..types import RefusalDict
    from ._signature_check import SignatureCheck

_DESCRIPTION_WIDTH = 60


def _cnpj(value: str | None, lang: Lang) -> str:
    return section(lang, "text")["no_cnpj"] if value is None else cnpj(value)


def render_metric(metric: RevenueMetric, lang: Lang) -> str:
    """The breakdown: who, which year, the components, the periods, every line read, warnings."""
    words = section(lang, "text")
    out = [f"{metric.company_name or words['no_name']} — CNPJ {_cnpj(metric.cnpj, lang)}"]
    if metric.managing_partner_cnpj:
        out.append(words["scp"].format(cnpj=_cnpj(metric.managing_partner_cnpj, lang)))
    facts = [SOURCE_WORDS[lang][metric.source]]
    if metric.reference_year is not None:
        facts.append(words["year"].format(year=metric.reference_year))
    if metric.period_start and metric.period_end:
        start, end = date(metric.period_start, lang), date(metric.period_end, lang)
        facts.append(words["span"].format(start=start, end=end))
    if metric.regime is not None:
        facts.append(regime_name(metric.regime, lang) or "")
    if metric.layout_version:
        facts.append(words["layout"].format(layout=metric.layout_version))
    if metric.rectifying:
        facts.append(words["rectifying"].format(receipt=metric.receipt or "?"))
    out.extend((", ".join(facts), ""))
    names = labels(lang)
    width = max(len(label) for label in names.values())
    for name, label in names.items():  # the portal's order
        if name == "net_revenue":
            out.append(f"  {'':{width}}  {'-' * 20}")
        out.append(f"  {label:{width}}  {money(getattr(metric, name), lang):>20}")
    if len(metric.periods) > 1 or (metric.periods and metric.periods[0].period != "A00"):
        out.extend(("", words["periods"]))
        out.extend(
            words["period"].format(
                period=p.period,
                start=date(p.start, lang),
                end=date(p.end, lang),
                block=p.block,
                record=p.record,
                gross=money(p.gross_revenue, lang, feminine=True),
                net=money(p.net_revenue, lang, feminine=True),
            )
            for p in metric.periods
        )
    if metric.lines and metric.source == "form":
        out.extend(("", words["typed"]))
        out.extend(
            f"  {names.get(line.component or '', line.description)}: {money(line.amount, lang)}"
            for line in metric.lines
        )
    elif metric.lines:
        out.extend(("", words["lines"]))
        for line in metric.lines:
            where = (
                words["form"]
                if line.line_number is None
                else words["line"].format(number=line.line_number)
            )
            period = f" {line.period}" if line.period else ""
            code = f" {line.record} {line.code}" if line.record else ""
            description = line.description
            if len(description) > _DESCRIPTION_WIDTH:
                description = description[: _DESCRIPTION_WIDTH - 1] + "…"
            out.append(
                f"  {where:>11}{period}{code} {description}: {money(line.amount, lang)} "
                f"→ {COMPONENT_WORDS[lang][line.component]}"
            )
    if metric.signature is not None:
        out.extend(("", signature_text(metric.signature, lang)))
    if metric.warnings:
        out.extend(("", words["warnings"]))
        for warning in metric.warnings:
            where = (
                ""
                if warning.line_number is None
                else f" ({words['line'].format(number=warning.line_number)})"
            )
            out.append(f"  [{warning.code}]{where} {warning.render(lang)}")
    return "\n".join(out)


def render_report(report: ValidationReport, lang: Lang) -> str:
    """A validation report: the verdict, then one line per finding."""
    words = section(lang, "text")
    verdict = words["ok"] if report.ok else words["errors"].format(count=len(report.errors))
    out = [
        words["verdict"].format(
            source=report.source or "ECF",
            verdict=verdict,
            warnings=len(report.warnings),
            lines=report.lines_read,
        )
    ]
    severities = {key: word.upper() for key, word in SEVERITY_WORDS[lang].items()}
    width = max(map(len, severities.values()))
    for f in report.findings:
        where = (
            words["file"] if f.line_number is None else words["line"].format(number=f.line_number)
        )
        record = f" {f.record}" if f.record else ""
        out.append(f"  {severities[f.severity]:{width}} {f.code:24} {where}{record}: {f.message}")
    if report.metric is not None:
        out.append(f"  {labels(lang)['net_revenue']}: {money(report.metric.net_revenue, lang)}")
    return "\n".join(out)


def table_row(path: str, metric: RevenueMetric, lang: Lang) -> str:
    """One file's line in the table of several files."""
    words = section(lang, "text")
    cells = [
        path,
        _cnpj(metric.cnpj, lang),
        str(metric.reference_year),
        words["gross"].format(amount=money(metric.gross_revenue, lang, feminine=True)),
        words["net"].format(amount=money(metric.net_revenue, lang, feminine=True)),
    ]
    if metric.warnings:
        cells.append(words["warning_count"].format(count=len(metric.warnings)))
    return "\t".join(cells)


def refusal_line(refusal: RefusalDict, lang: Lang) -> str:
    """A refused file in one line: ``FILE: recusado, linha 45, 9999.QTD_LIN [CODE]: message``."""
    words = section(lang, "text")
    error = refusal["error"]
    where = []
    if error["line_number"] is not None:
        where.append(words["line"].format(number=error["line_number"]))
    if error["record"] is not None:
        field = error["field"]
        where.append(f"{error['record']}" if field is None else f"{error['record']}.{field}")
    place = "".join(f", {part}" for part in where)
    message = " ".join(str(error["message"]).split())
    shown = "<stdin>" if refusal["file"] == "-" else refusal["file"]
    return f"{shown}: {words['refused']}{place} [{error['code']}]: {message}"


class Text(Renderer):
    """The command line's default output, for people: one metric in full, a line per file for
    several; refusals on standard error."""

    def metrics(self, results: Sequence[FileResult], output: Output) -> None:
        read_ok = [r for r in results if r.metric is not None]
        if len(results) == 1 and read_ok:
            metric = read_ok[0].metric
            assert metric is not None
            print(printable_text(render_metric(metric, output.lang)))
        else:
            for r in read_ok:
                assert r.metric is not None
                print(printable_text(table_row(r.path, r.metric, output.lang)))
        sys.stdout.flush()
        _refusals([r.refusal for r in results if r.refusal is not None], output)

    def checks(self, checked: Sequence[FileCheck], output: Output) -> None:
        texts = [
            f"{render_report(c.report, output.lang)}\n{c.signature.text(output.lang)}"
            for c in checked
            if c.signature is not None
        ]
        if texts:
            print(printable_text("\n\n".join(texts)))
        sys.stdout.flush()
        _refusals([c.refusal for c in checked if c.refusal is not None], output)

    def signatures(self, checks: Sequence[SignatureCheck], output: Output) -> None:
        print(
            printable_text(
                "\n\n".join(f"{check.path}\n{check.text(output.lang)}" for check in checks)
            )
        )


def _refusals(refusals: list[RefusalDict], output: Output) -> None:
    for row in refusals:
        print(printable_text(f"ecfmetric: {refusal_line(row, output.lang)}"), file=sys.stderr)


TEXT = Text()
