"""Every sentence the proof workflow shows a person, as templates keyed by message id.

A message id is a code (``"WRONG_YEAR"``) or a code and a variant (``"FIGURE_EXISTS.exclude"``);
:func:`text` fills a template with ``str.format``. The proof's errors and notes take their text
only from here, so a catalogue in another language replaces this one dict.
"""

from __future__ import annotations

from typing import Final

ENGLISH: Final[dict[str, str]] = {
    # Refusals (ProofError codes).
    "BAD_REFERENCE_YEAR": "the reference year must be an int such as 2024, got {year!r}",
    "BAD_COMPANY": "a company is a CNPJ string or a (cnpj, name) pair, got {company!r}",
    "BAD_COMPANY_NAME": "a company name must be a string, got {name!r}",
    "INVALID_CNPJ": "not a valid CNPJ: {cnpj!r}",
    "ALREADY_LISTED": "company {company} is already in the proof",
    "COMPANY_NOT_IN_PROOF": "company {company} is not in the proof",
    "COMPANY_NOT_IN_PROOF.scp": (
        "company {company} (an SCP whose managing partner is {partner}) is not in the proof"
    ),
    "NO_CNPJ": (
        "the metric names no company (a form filled without a CNPJ): pass cnpj= to say whose it is"
    ),
    "ANOTHER_COMPANY": "the metric is of CNPJ {own}, another company than {company}",
    "SEVERAL_BRANCHES": (
        "the metric is of CNPJ {own}, the head office of several listed companies ({listed}): "
        "pass cnpj= to say which"
    ),
    "WRONG_YEAR": (
        "the metric is for {metric_year}, but the proof is for {proof_year} (company {company})"
    ),
    "NO_NET_REVENUE": (
        "the metric of {company} has no net revenue: its source states the gross revenue but "
        "not the deductions (such as a cash-book Lucro Presumido or a Lucro Arbitrado file); "
        "fill the form for this company instead"
    ),
    "BAD_METRIC": "the metric of {company} cannot be saved in the proof: {detail}",
    "FILE_ALREADY_SAVED": "this file is already saved in the proof",
    "FILE_ALREADY_SAVED.other": "this file is already saved in the proof for {owner}",
    "FIGURE_EXISTS": (
        "company {company} already has a figure ({net}, from {origin}): pass replace=True to "
        "replace it"
    ),
    "FIGURE_EXISTS.exclude": (
        "company {company} has a saved figure: pass discard=True to exclude it with its figure"
    ),
    "PROOF_CONCLUDED": "the proof is concluded: it can no longer change",
    "NO_COMPANIES": "the proof lists no company",
    "COMPANIES_PENDING": "{count} company(ies) still pending: {listed}",
    "NO_FIGURE": "company {company} has no saved figure to contest: add its metric first",
    "UNKNOWN_COMPONENT": (
        "{component!r} is not a component that can be contested: contest one of "
        "gross_revenue, cancellations, discounts, taxes, other_deductions"
    ),
    "UNKNOWN_COMPONENT.net": (
        "the net revenue cannot be contested: it is the gross revenue minus the deductions; "
        "contest the component that is wrong and the net is recomputed"
    ),
    "BAD_CONTEST_VALUE": "the contested value is refused: {detail}",
    "REASON_REQUIRED": "a contest needs a reason: say why the file's {component} is wrong",
    "BAD_CONTEST_AUTHOR": "by= names who contests, as a string or None, got {by!r}",
    "SAME_AS_FILE": (
        "{value} is the file's own {component} for {company}: there is nothing to contest "
        "(withdraw_contest() restores the file's value)"
    ),
    "NOT_CONTESTED": "{component} of company {company} is not contested",
    # Why a saved proof is refused (BAD_PROOF_DATA); the path is put in front.
    "BAD_PROOF_DATA.object": "must be an object, got {got}",
    "BAD_PROOF_DATA.list": "must be a list, got {got}",
    "BAD_PROOF_DATA.integer": "must be an integer, got {got}",
    "BAD_PROOF_DATA.boolean": "must be true or false, got {got}",
    "BAD_PROOF_DATA.string": "must be a string, got {got}",
    "BAD_PROOF_DATA.amount_type": 'must be an amount such as "1000.00", got {got}',
    "BAD_PROOF_DATA.unknown_keys": "unknown key(s) {keys}",
    "BAD_PROOF_DATA.missing_keys": "missing key(s) {keys}",
    "BAD_PROOF_DATA.line_number": "a line number starts at 1, got {got}",
    "BAD_PROOF_DATA.amount": 'not an amount with two decimals such as "1000.00": {got}',
    "BAD_PROOF_DATA.negative": "this amount is never negative, got {got}",
    "BAD_PROOF_DATA.net_without_components": (
        "a component is unknown, so the net revenue must be null"
    ),
    "BAD_PROOF_DATA.net_mismatch": (
        "must be the gross revenue minus the deductions, {net}, got {got}"
    ),
    "BAD_PROOF_DATA.date": 'not a date such as "2024-12-31": {got}',
    "BAD_PROOF_DATA.cnpj": "not a bare CNPJ with valid check digits: {got}",
    "BAD_PROOF_DATA.severity": 'must be "error" or "warning", got {got}',
    "BAD_PROOF_DATA.component": "not a component: {got}",
    "BAD_PROOF_DATA.source": 'must be "ecf" or "form", got {got}',
    "BAD_PROOF_DATA.regime": "not a regime: {got}",
    "BAD_PROOF_DATA.figure_without_net": "a saved figure always has a net revenue",
    "BAD_PROOF_DATA.figure_year": "the figure is for {got}, the proof for {year}",
    "BAD_PROOF_DATA.row_year": "the row is for {got}, the proof for {year}",
    "BAD_PROOF_DATA.figure_company": "the figure is of {got}, another company than {company}",
    "BAD_PROOF_DATA.note_code": "not a note the proof writes: {got}",
    "BAD_PROOF_DATA.contest_without_figure": "a company without a figure has nothing contested",
    "BAD_PROOF_DATA.contest_component": "not a contestable component: {got}",
    "BAD_PROOF_DATA.contested_twice": "{component} is contested twice",
    "BAD_PROOF_DATA.file_value": "not the figure's {component}",
    "BAD_PROOF_DATA.same_as_file": "the file's own value: nothing is contested",
    "BAD_PROOF_DATA.reason": "a reason is a non-empty text without surrounding spaces",
    "BAD_PROOF_DATA.name": "a listed name is null or a non-empty text without surrounding spaces",
    "BAD_PROOF_DATA.listed_twice": "company {company} is listed twice",
    "BAD_PROOF_DATA.same_file": "the same file is the figure of {owner} too",
    "BAD_PROOF_DATA.pending_notes": "a company without a figure has no notes and replaced nothing",
    "BAD_PROOF_DATA.concluded_pending": "a concluded proof has a figure for every company",
    "BAD_PROOF_DATA.concluded_empty": "a concluded proof lists at least one company",
    "BAD_PROOF_DATA.status": "must be {expected}, got {got}",
    "BAD_PROOF_DATA.derived": "does not match the row's figure and contests",
    "BAD_PROOF_DATA.total": "the rows add up to {total}, not {got}",
    # Notes on a row's figure (Finding codes).
    "HEAD_OFFICE_FILE": (
        "the metric is of CNPJ {own}, not the listed {company} but the same company (root "
        "{root!r}): an ECF is filed by the head office and its figure covers every establishment"
    ),
    "RECTIFIED": "a rectifying ECF replaced the earlier ECF's net revenue {net}",
    "RECTIFIED.receipt": (
        "a rectifying ECF (receipt {receipt!r}) replaced the earlier ECF's net revenue {net}"
    ),
    "REPLACED": "replaced on request the earlier figure ({net}, from {origin})",
    "NEGATIVE_NET_REVENUE": (
        "the net revenue is negative ({net}): the deductions are larger than the gross revenue; "
        "check the figure with the company"
    ),
    # Words inside sentences.
    "origin.form": "the form",
    "origin.ecf": "an ECF",
    "origin.rectifying": "a rectifying ECF",
}


def text(message_id: str, **fields: object) -> str:
    """The English sentence ``message_id``, filled with ``fields``."""
    return ENGLISH[message_id].format(**fields)
