"""What the proof says to a person: its refusals and notes, by code.

Each entry is the English template of the message that goes with a code (the Portuguese is in
:mod:`..base._messages_pt`); a code said in more than one way has one entry per case
(``"CODE/case"``). The logic picks the entry and fills it with :func:`says`.
"""

from __future__ import annotations

from typing import Final

from ..base._i18n import Message, noop, tr

TEMPLATES: Final[dict[str, str]] = {
    # Listing companies.
    "BAD_REFERENCE_YEAR": noop("the reference year must be an int such as 2024, got {year!r}"),
    "BAD_COMPANY": noop("a company is a CNPJ string or a (cnpj, name) pair, got {company!r}"),
    "BAD_COMPANY_NAME": noop("a company name must be a string, got {name!r}"),
    "INVALID_CNPJ": noop("not a valid CNPJ: {cnpj!r}"),
    "ALREADY_LISTED": noop("company {company} is already in the proof"),
    "COMPANY_NOT_IN_PROOF": noop("company {company} is not in the proof"),
    "COMPANY_NOT_IN_PROOF/scp": noop(
        "company {company} (an SCP whose managing partner is {partner}) is not in the proof"
    ),
    "FIGURE_EXISTS/exclude": noop(
        "company {company} has a saved figure: pass discard=True to exclude it with its figure"
    ),
    # Saving a figure.
    "BAD_METRIC": noop("the metric of {company} cannot be saved in the proof: {detail}"),
    "WRONG_YEAR": noop(
        "the metric is for {metric_year}, but the proof is for {proof_year} (company {company})"
    ),
    "NO_NET_REVENUE": noop(
        "the metric of {company} has no net revenue: its source states the gross revenue but not the deductions (such as a cash-book Lucro Presumido or a Lucro Arbitrado file); fill the form for this company instead"
    ),
    "FILE_ALREADY_SAVED": noop("this file is already saved in the proof"),
    "FILE_ALREADY_SAVED/other": noop("this file is already saved in the proof for {owner}"),
    "ANOTHER_COMPANY": noop("the metric is of CNPJ {own}, another company than {company}"),
    "NO_CNPJ": noop(
        "the metric names no company (a form filled without a CNPJ): pass cnpj= to say whose it is"
    ),
    "SEVERAL_BRANCHES": noop(
        "the metric is of CNPJ {own}, the head office of several listed companies ({listed}): pass cnpj= to say which"
    ),
    "FIGURE_EXISTS": noop(
        "company {company} already has a figure ({net}, from {origin}): pass replace=True to replace it"
    ),
    # The notes on a saved figure.
    "HEAD_OFFICE_FILE": noop(
        "the metric is of CNPJ {own}, not the listed {company} but the same company (root {root!r}): an ECF is filed by the head office and its figure covers every establishment"
    ),
    "RECTIFIED": noop("a rectifying ECF replaced the earlier ECF's net revenue {net}"),
    "RECTIFIED/receipt": noop(
        "a rectifying ECF (receipt {receipt!r}) replaced the earlier ECF's net revenue {net}"
    ),
    "REPLACED": noop("replaced on request the earlier figure ({net}, from {origin})"),
    "NEGATIVE_NET_REVENUE": noop(
        "the net revenue is negative ({net}): the deductions are larger than the gross revenue; check the figure with the company"
    ),
    # Contests.
    "UNKNOWN_COMPONENT/net": noop(
        "the net revenue cannot be contested: it is the gross revenue minus the deductions; "
        "contest the component that is wrong and the net is recomputed"
    ),
    "UNKNOWN_COMPONENT": noop(
        "{component!r} is not a component that can be contested: contest one of "
        "gross_revenue, cancellations, discounts, taxes, other_deductions"
    ),
    "NO_FIGURE": noop("company {company} has no saved figure to contest: add its metric first"),
    "REASON_REQUIRED": noop("a contest needs a reason: say why the file's {component} is wrong"),
    "BAD_CONTEST_AUTHOR": noop("by= names who contests, as a string or None, got {by!r}"),
    "BAD_CONTEST_VALUE": noop("the contested value is refused: {detail}"),
    "SAME_AS_FILE": noop(
        "{value} is the file's own {component} for {company}: there is nothing to contest (withdraw_contest() restores the file's value)"
    ),
    "NOT_CONTESTED": noop("{component} of company {company} is not contested"),
    # Concluding.
    "PROOF_CONCLUDED": noop("the proof is concluded: it can no longer change"),
    "NO_COMPANIES": noop("the proof lists no company"),
    "COMPANIES_PENDING": noop("{count} company(ies) still pending: {listed}"),
}

#: Where an earlier figure came from, as a refusal or a note names it.
ORIGINS: Final[dict[str, str]] = {
    "form": noop("the form"),
    "rectifying": noop("a rectifying ECF"),
    "ecf": noop("an ECF"),
}


def says(key: str, /, **params: object) -> Message:
    """The message of ``key`` (a code, or ``"CODE/case"``) filled with ``params``."""
    return tr(TEMPLATES[key], **params)
