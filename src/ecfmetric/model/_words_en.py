"""Every word a person reads beside the figures, in English, for developers and logs.

One table per language, keyed ``section.word``; :mod:`ecfmetric.model._labels` draws each
renderer's words from it. A new language is one more module like this one, with the same keys
(tests/test_words.py checks that the languages have the same keys).
"""

from __future__ import annotations

from typing import Final

WORDS: Final[dict[str, str]] = {
    # The portal's labels of the five components and the net (form "Comprovação de Métricas"), in the portal's order.
    "label.gross_revenue": "GROSS REVENUE",
    "label.cancellations": "(-) Cancellations and returns",
    "label.taxes": "(-) Taxes on sales and services",
    "label.discounts": "(-) Unconditional discounts",
    "label.other_deductions": "(-) Other deductions",
    "label.net_revenue": "NET REVENUE",
    # What a line read fed, in a few words (none: read only to cross-check).
    "component.gross_revenue": "gross revenue",
    "component.cancellations": "cancellations",
    "component.taxes": "taxes",
    "component.discounts": "discounts",
    "component.other_deductions": "other deductions",
    "component.net_revenue": "net revenue",
    "component.none": "cross-check only",
    # The other fields of the form, as the portal names them.
    "field.cnpj": "CNPJ",
    "field.company_name": "Company name",
    "field.reference_year": "Reference year",
    # The columns of --excel, --lines and --xlsx, as a person reads them (--csv keeps the keys).
    "column.file": "File",
    "column.status": "Status",
    "column.cnpj": "CNPJ",
    "column.company_name": "Company name",
    "column.reference_year": "Year",
    "column.period_start": "Start",
    "column.period_end": "End",
    "column.regime": "Regime (code)",
    "column.warnings": "Warnings",
    "column.error_code": "Error code",
    "column.error": "Error",
    "column.regime_label": "Regime",
    "column.period": "Period",
    "column.line_number": "Line",
    "column.record": "Record",
    "column.code": "Code",
    "column.description": "Description",
    "column.amount": "Amount",
    "column.component": "Component (code)",
    "column.component_label": "Component",
    "column.severity": "Severity",
    "column.message": "Message",
    # A file's status in --excel.
    "file_status.ok": "read",
    "file_status.refused": "refused",
    # The regimes (Lucro Real… are proper names, kept in English).
    "regime.lucro_real": "Lucro Real",
    "regime.lucro_real_arbitrado": "Lucro Real/Arbitrado",
    "regime.lucro_presumido_real": "Lucro Presumido/Real",
    "regime.lucro_presumido_real_arbitrado": "Lucro Presumido/Real/Arbitrado",
    "regime.lucro_presumido": "Lucro Presumido",
    "regime.lucro_arbitrado": "Lucro Arbitrado",
    "regime.lucro_presumido_arbitrado": "Lucro Presumido/Arbitrado",
    "regime.imune": "Immune from IRPJ",
    "regime.isenta": "Exempt from IRPJ",
    # The portal's status words for a company of a proof.
    "status.pending": "pending",
    "status.saved": "saved",
    "status.concluded": "concluded",
    # A finding's severity.
    "severity.error": "error",
    "severity.warning": "warning",
    # Where a metric came from.
    "source.ecf": "ECF file",
    "source.form": "form",
    "source.none": "",
    # The signature in one sentence.
    "signature.signed": "Signed by {who}. Hashcode {hashcode}. {state}; certificate chain not checked.",
    "signature.verified": "Signatures match the content",
    "signature.not_verified": "Signature does NOT match: {reason}",
    # An amount not stated (after a feminine noun: none_feminine).
    "money.none": "not stated",
    "money.none_feminine": "not stated",
    # The command line's text (present/_text.py).
    "text.no_name": "(no name)",
    "text.no_cnpj": "(not given)",
    "text.scp": "SCP of managing partner CNPJ {cnpj}",
    "text.form": "form",
    "text.year": "calendar year {year}",
    "text.span": "{start} to {end}",
    "text.layout": "layout {layout}",
    "text.rectifying": "rectifying (replaces receipt {receipt})",
    "text.periods": "Periods:",
    "text.period": "  {period} {start} to {end}, block {block} ({record}): gross revenue {gross}, net revenue {net}",
    "text.lines": "Lines read:",
    "text.typed": "Values typed into the form:",
    "text.line": "line {number}",
    "text.warnings": "Warnings:",
    "text.file": "file",
    "text.ok": "OK, no error",
    "text.errors": "{count} error(s)",
    "text.verdict": "{source}: {verdict}, {warnings} warning(s), {lines} lines",
    "text.warning_count": "{count} warning(s)",
    "text.gross": "gross revenue {amount}",
    "text.net": "net revenue {amount}",
    "text.refused": "refused",
    # The notebook's HTML of a metric and a report (present/_html.py).
    "html.no_name": "(no name)",
    "html.year": "year",
    "html.layout": "layout",
    "html.rectifying": "rectifying",
    "html.component": "component",
    "html.amount": "amount (R$)",
    "html.periods": "period,block,record,from,to,gross,net",
    "html.lines": "line,record,period,code,description,amount,component",
    "html.typed": "Values typed into the form",
    "html.field": "form field",
    "html.findings": "severity,code,line,record,message",
    "html.warnings": "Warnings",
    "html.all_findings": "Findings",
    "html.no_error": "no error",
    "html.errors": "{n} error(s)",
    "html.report": "{source}: {verdict}, {warnings} warning(s), {lines} lines",
    # The notebook's HTML of a proof.
    "proof.headers": "company|CNPJ|year|{money}|source|status|contested|warnings|notes|signature",
    "proof.caption": "Proof of revenue, {year}: {count} companies, {state}",
    "proof.pending": "{n} pending",
    "proof.concluded": "concluded",
    "proof.file": "file",
    "proof.contested": "contested: the file states {value}; {reason}",
    "proof.total": "Total",
    # The command line's signature of a file (--check, --signature); covers_*: what a signer's
    # signature was checked over.
    "check_signature.unreadable": "Signature: unreadable: {error}",
    "check_signature.none": "Signature: none (no SBRCAAEPDR block after 9999)",
    "check_signature.signed": "Signature: {summary}",
    "check_signature.signer": "  {index}. {label} [{kind}{until}, {digest}, over {covers}]: {state}",
    "check_signature.until": ", valid until {date}",
    "check_signature.certificate": "certificate",
    "check_signature.verified": "verified",
    "check_signature.not_verified": "NOT verified: {reason}",
    "check_signature.covers_content": "content",
    "check_signature.covers_signature": "signature",
    "check_signature.covers_signed_data": "signed_data",
    # The command line's usage line and usage errors (argparse's own words).
    "parser.usage": "usage: ",
    "parser.error": "error",
    # --xlsx: the sheets and the total row.
    "xlsx.files_sheet": "Files",
    "xlsx.lines_sheet": "Lines",
    "xlsx.total": "TOTAL of the files read",
    # The command line's progress line.
    "progress.files": "files",
    "progress.of": "of",
    # The command line's own failures.
    "cli.output": "ecfmetric: cannot write the output ({error}): check where it goes (a full disk, a closed file or terminal)",
    "cli.no_stdout": "ecfmetric: standard output is closed: there is nowhere to write the result",
    "cli.internal": "ecfmetric: internal error (a bug in ecfmetric): please report it with the command and, if you can, the file. Details:",
}
