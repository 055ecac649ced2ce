"""What the pages show of a figure and of a concluded proof (the receipt, in HTML and CSV)."""

from __future__ import annotations

import csv
import datetime
import io
import zoneinfo
from typing import Any

import ecfmetric
import present
from store import AuditEntry, Session

try:
    _BRASILIA: datetime.tzinfo = zoneinfo.ZoneInfo("America/Sao_Paulo")
    _ZONE = "horário de Brasília"
except zoneinfo.ZoneInfoNotFoundError:  # pragma: no cover (no tz database)
    _BRASILIA = datetime.UTC
    _ZONE = "UTC"


def when(moment: datetime.datetime) -> str:
    """``07/12/2026 09:31 (horário de Brasília)``."""
    return f"{moment.astimezone(_BRASILIA):%d/%m/%Y %H:%M} ({_ZONE})"


def contest_dates(entries: list[AuditEntry], cnpj: str) -> dict[str, str]:
    """When each component of a company was last contested, from the audit log."""
    dates: dict[str, str] = {}
    for entry in entries:
        if entry.cnpj == cnpj:
            dates[str(entry.detail.get("component"))] = when(entry.at)
    return dates


def draft_attention(
    proof: ecfmetric.Proof, cnpj: str, metric: ecfmetric.RevenueMetric
) -> list[str]:
    """The ⚠ codes the list would show for this figure once saved (on a copy of the proof)."""
    try:
        proof.add(metric, cnpj=cnpj, replace=True)
    except ecfmetric.ProofError:
        return []
    return [finding.code for finding in proof.row(cnpj).attention]


def receipt_rows(session: Session, concluded: ecfmetric.ConcludedProof) -> dict[str, Any]:
    """Each company's figure, source and contests (dated), and the total."""
    entries = session.audit_log("contestacao")
    rows = []
    for row in concluded.rows:
        metric = row.metric
        assert metric is not None
        evidence = session.evidence(metric.fingerprint) or {}
        dates = contest_dates(entries, row.cnpj)
        components = []
        contests = []
        for name, label in present.COMPONENTS.items():
            value = row.value(name)  # type: ignore[arg-type]
            components.append(
                {"label": label, "value": present.brl(value), "plain": csv_amount(value)}
            )
            contest = row.contest_of(name)
            if contest is not None:
                contests.append(
                    {
                        "label": label,
                        "value": present.brl(contest.value),
                        "file_value": present.brl(contest.file_value),
                        "reason": contest.reason,
                        "by": contest.by or "—",
                        "at": dates.get(name, "—"),
                    }
                )
        signature = metric.signature
        rows.append(
            {
                "name": row.name or "(sem razão social)",
                "masked": present.cnpj_mask(row.cnpj),
                "source": present.SOURCE[metric.source],
                "filename": evidence.get("filename"),
                "hashcode": None if signature is None else signature.hashcode,
                "signature_verified": None if signature is None else signature.verified,
                "components": components,
                "net": present.brl(row.net_revenue),
                "net_plain": csv_amount(row.net_revenue),
                "attention": [finding.code for finding in row.attention],
                "contests": contests,
            }
        )
    return {
        "year": concluded.reference_year,
        "rows": rows,
        "total": present.brl(concluded.total_net_revenue),
        "total_plain": csv_amount(concluded.total_net_revenue),
        "components": present.COMPONENTS,
        "net_label": present.NET_LABEL,
    }


def csv_amount(value: Any) -> str:
    """``1234567,89`` (a decimal comma, no grouping: a pt-BR spreadsheet reads it as a number)."""
    return "" if value is None else f"{value:.2f}".replace(".", ",")


def figure(
    metric: ecfmetric.RevenueMetric,
    row: ecfmetric.ProofRow | None,
    evidence: dict[str, Any] | None,
    dates: dict[str, str],
) -> dict[str, Any]:
    """A figure as the page shows it: components (contested ones marked), lines, warnings."""
    components = []
    for name, label in present.COMPONENTS.items():
        value = getattr(metric, name) if row is None else row.value(name)  # type: ignore[arg-type]
        contest = None if row is None else row.contest_of(name)
        components.append(
            {
                "name": name,
                "label": label,
                "value": present.brl(value),
                "contest": None
                if contest is None
                else {
                    "file_value": present.brl(contest.file_value),
                    "reason": contest.reason,
                    "by": contest.by,
                    "at": dates.get(name),
                },
            }
        )
    net = metric.net_revenue if row is None else row.net_revenue
    warnings = metric.warnings if row is None else row.warnings
    evidence = evidence or {}
    signature = metric.signature
    return {
        "source": metric.source,
        "source_label": present.SOURCE[metric.source],
        "filename": evidence.get("filename"),
        "file_name": metric.company_name if metric.source == "ecf" else None,
        "file_cnpj": None if metric.cnpj is None else present.cnpj_mask(metric.cnpj),
        "period": None
        if metric.period_start is None or metric.period_end is None
        else f"{metric.period_start:%d/%m/%Y} a {metric.period_end:%d/%m/%Y}",
        "components": components,
        "net": present.brl(net),
        "lines": present.line_rows(metric) if metric.source == "ecf" else [],
        "warnings": [
            {
                "code": w.code,
                "message": present.warning_message(w.code, w.message, signature),
                "line_number": w.line_number,
                "record": w.record,
            }
            for w in warnings
        ],
        "attention": [] if row is None else [w.code for w in row.attention],
        "notes": [] if row is None else [{"code": n.code, "message": n.message} for n in row.notes],
        "signature": None
        if signature is None
        else present.signature_view(signature, metric.cnpj, show_cpf=True),
        "signature_error": evidence.get("signature_error")
        or present.signature_warning(warnings, signature),
    }


def receipt_csv(data: dict[str, Any]) -> str:
    """The receipt as CSV: ``;``-separated, decimal commas, UTF-8 with a BOM (pt-BR spreadsheets)."""
    out = io.StringIO()
    table = csv.writer(out, delimiter=";", lineterminator="\r\n")
    labels = [present.COMPONENTS[name] for name in present.COMPONENTS]
    table.writerow(
        [
            "Razão Social",
            "CNPJ",
            "Ano Referência",
            "Origem",
            "Arquivo",
            "Hashcode",
            *labels,
            present.NET_LABEL,
            "Contestações",
            "Concluída em",
            "Concluída por",
        ]
    )
    for row in data["rows"]:
        table.writerow(
            [
                row["name"],
                row["masked"],
                data["year"],
                row["source"],
                row["filename"] or "",
                row["hashcode"] or "",
                *[c["plain"] for c in row["components"]],
                row["net_plain"],
                " | ".join(
                    f"{c['label']}: {c['value']} (no arquivo {c['file_value']}), "
                    f"motivo: {c['reason']}, por {c['by']}, em {c['at']}"
                    for c in row["contests"]
                ),
                data["concluded_at"],
                data["concluded_by"],
            ]
        )
    table.writerow(
        ["TOTAL", "", data["year"], "", "", "", *[""] * len(labels), data["total_plain"]]
    )
    return "\ufeff" + out.getvalue()  # the BOM: spreadsheets read the accents as UTF-8
