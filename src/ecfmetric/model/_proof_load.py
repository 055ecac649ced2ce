"""Checked reading of a saved proof: only what ``to_dict()`` writes comes back.

Every value is checked for its type and canonical spelling (so that what loads writes back
identically), figures must add up, and anything else raises :class:`BadProofDataError` with the
path of the value (``"companies[3].metric.gross_revenue"``). Whatever JSON-like value comes in,
nothing but that error escapes.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final, NoReturn, get_type_hints

from ..base._cnpj import normalize_cnpj
from ..base._context import money_context
from ..base._errors import BadProofDataError
from ..base._i18n import Message, tr
from ..base._money import MAX_FORM_AMOUNT
from ..types import (
    ContestDict,
    FindingDict,
    PeriodMetricDict,
    RevenueMetricDict,
    SignatureSummaryDict,
    SignerSummaryDict,
    SourceLineDict,
)
from ._contest import CONTESTABLE, Contest
from ._model import (
    Finding,
    PeriodMetric,
    Regime,
    RevenueMetric,
    SignatureSummary,
    SignerSummary,
    SourceLine,
    format_money,
)

#: A money string as ``format_money`` writes it: no leading zeros, exactly two decimals.
_MONEY = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]{2}")
_ZERO = Decimal("0.00")
_SEVERITIES = ("error", "warning")
_SOURCES = ("ecf", "form")
_LINE_COMPONENTS = (*CONTESTABLE, "net_revenue")
_REGIMES = frozenset(regime.value for regime in Regime)
#: The notes the proof writes on a row.
NOTE_CODES: Final = frozenset({"HEAD_OFFICE_FILE", "RECTIFIED", "REPLACED"})
_ROOT = 8


def keys_of(shape: type) -> frozenset[str]:
    """The keys of a ``TypedDict``."""
    return frozenset(get_type_hints(shape))


_FINDING_KEYS = keys_of(FindingDict)
_LINE_KEYS = keys_of(SourceLineDict)
_PERIOD_KEYS = keys_of(PeriodMetricDict)
_METRIC_KEYS = keys_of(RevenueMetricDict)
_CONTEST_KEYS = keys_of(ContestDict)
_SIGNATURE_KEYS = keys_of(SignatureSummaryDict)
_SIGNER_KEYS = keys_of(SignerSummaryDict)
_HASHCODE = re.compile(r"[0-9A-F]{40}")


def fail(path: str, problem: Message) -> NoReturn:
    """Refuse the value at ``path``: ``problem`` says what is wrong with it."""
    raise BadProofDataError(problem, path=path)


def _kind(value: object) -> str:
    return "null" if value is None else type(value).__name__


def at(path: str, key: str | int) -> str:
    """The path of ``key`` (a dict key or a list index) inside ``path``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def obj(value: object, path: str, keys: frozenset[str]) -> dict[str, Any]:
    """A dict with exactly ``keys`` (string keys only)."""
    if not isinstance(value, dict):
        fail(path, tr("must be an object, got {got}", got=_kind(value)))
    present = set(value)
    unknown = sorted(short(key) for key in present - keys)
    if unknown:
        fail(path, tr("unknown key(s) {keys}", keys=", ".join(unknown)))
    missing = sorted(keys - present)
    if missing:
        fail(path, tr("missing key(s) {keys}", keys=", ".join(missing)))
    return value


def array(value: object, path: str) -> list[Any]:
    """A list."""
    if not isinstance(value, list):
        fail(path, tr("must be a list, got {got}", got=_kind(value)))
    return value


def integer(value: object, path: str) -> int:
    """An int, not a bool."""
    if isinstance(value, bool) or not isinstance(value, int):
        fail(path, tr("must be an integer, got {got}", got=_kind(value)))
    return value


def boolean(value: object, path: str) -> bool:
    """A bool."""
    if not isinstance(value, bool):
        fail(path, tr("must be true or false, got {got}", got=_kind(value)))
    return value


def string(value: object, path: str) -> str:
    """A str."""
    if not isinstance(value, str):
        fail(path, tr("must be a string, got {got}", got=_kind(value)))
    return value


def optional_string(value: object, path: str) -> str | None:
    """A str or None."""
    return None if value is None else string(value, path)


def _line_number(value: object, path: str) -> int | None:
    if value is None:
        return None
    number = integer(value, path)
    if number < 1:
        fail(path, tr("a line number starts at 1, got {got}", got=short(number)))
    return number


def money(value: object, path: str, *, signed: bool, bounded: bool = True) -> Decimal | None:
    """An amount as ``format_money`` writes it, or None; negative only where ``signed``; at
    most :data:`MAX_FORM_AMOUNT` in size where ``bounded`` (every amount read or typed; a net
    revenue or a total is checked by what it adds up from instead)."""
    if value is None:
        return None
    if not isinstance(value, str):
        fail(path, tr('must be an amount such as "1000.00", got {got}', got=_kind(value)))
    if _MONEY.fullmatch(value) is None:
        fail(path, tr('not an amount with two decimals such as "1000.00": {got}', got=short(value)))
    if bounded and len(value) > 24:  # far above 17 digits: not worth making a Decimal of it
        fail(
            path,
            tr(
                "larger than the largest amount ({limit}), got {got}",
                limit=MAX_FORM_AMOUNT,
                got=short(value),
            ),
        )
    amount = Decimal(value)
    if not signed and value.startswith("-"):
        fail(path, tr("this amount is never negative, got {got}", got=short(value)))
    if bounded and abs(amount) > MAX_FORM_AMOUNT:
        fail(
            path,
            tr(
                "larger than the largest amount ({limit}), got {got}",
                limit=MAX_FORM_AMOUNT,
                got=short(value),
            ),
        )
    return amount


def _exact(gross: Decimal, deductions: Iterable[Decimal]) -> Decimal:
    with money_context() as context:
        context.prec = decimal.MAX_PREC
        return gross - sum(deductions, _ZERO)


def net_of(values: Mapping[str, Decimal | None]) -> Decimal | None:
    """gross − deductions, exactly, or None if a component is unknown."""
    parts = [values[name] for name in CONTESTABLE]
    if any(part is None for part in parts):
        return None
    gross, *deductions = (part for part in parts if part is not None)
    return _exact(gross, deductions)


def _figures(data: dict[str, Any], path: str, *, signed: bool) -> dict[str, Decimal | None]:
    """The five components and the net, checked to add up."""
    values: dict[str, Decimal | None] = {
        name: money(data[name], at(path, name), signed=signed) for name in CONTESTABLE
    }
    net = money(data["net_revenue"], at(path, "net_revenue"), signed=signed, bounded=False)
    expected = net_of(values)
    if expected is None and net is not None:
        fail(at(path, "net_revenue"), tr("a component is unknown, so the net revenue must be null"))
    if expected is not None and net != expected:
        fail(
            at(path, "net_revenue"),
            tr(
                "must be the gross revenue minus the deductions, {net}, got {got}",
                got=short(data["net_revenue"]),
                net=f"{expected:.2f}",
            ),
        )
    values["net_revenue"] = net
    return values


def _date(value: object, path: str) -> dt.date:
    shown = string(value, path)
    try:
        day = dt.date.fromisoformat(shown)
    except ValueError:
        fail(path, tr('not a date such as "2024-12-31": {got}', got=short(shown)))
    if day.isoformat() != shown:
        fail(path, tr('not a date such as "2024-12-31": {got}', got=short(shown)))
    return day


def _optional_date(value: object, path: str) -> dt.date | None:
    return None if value is None else _date(value, path)


def cnpj(value: object, path: str) -> str:
    """A bare CNPJ with valid check digits, as ``to_dict`` writes it."""
    shown = string(value, path)
    if normalize_cnpj(shown) != shown:
        fail(path, tr("not a bare CNPJ with valid check digits: {got}", got=short(shown)))
    return shown


def _optional_cnpj(value: object, path: str) -> str | None:
    return None if value is None else cnpj(value, path)


def finding(value: object, path: str) -> Finding:
    """A :class:`Finding` from its dict."""
    data = obj(value, path, _FINDING_KEYS)
    severity = data["severity"]
    if severity not in _SEVERITIES:
        fail(
            at(path, "severity"), tr('must be "error" or "warning", got {got}', got=short(severity))
        )
    return Finding(
        code=string(data["code"], at(path, "code")),
        message=string(data["message"], at(path, "message")),
        line_number=_line_number(data["line_number"], at(path, "line_number")),
        record=optional_string(data["record"], at(path, "record")),
        severity=severity,
    )


def findings(value: object, path: str) -> tuple[Finding, ...]:
    """A list of findings."""
    return tuple(finding(item, at(path, i)) for i, item in enumerate(array(value, path)))


def source_line(value: object, path: str) -> SourceLine:
    """A :class:`SourceLine` from its dict."""
    data = obj(value, path, _LINE_KEYS)
    component = data["component"]
    if component is not None and component not in _LINE_COMPONENTS:
        fail(at(path, "component"), tr("not a component: {got}", got=short(component)))
    amount = money(data["amount"], at(path, "amount"), signed=True)
    if amount is None:
        fail(
            at(path, "amount"),
            tr('must be an amount such as "1000.00", got {got}', got=_kind(None)),
        )
    return SourceLine(
        line_number=_line_number(data["line_number"], at(path, "line_number")),
        record=optional_string(data["record"], at(path, "record")),
        period=optional_string(data["period"], at(path, "period")),
        code=optional_string(data["code"], at(path, "code")),
        description=string(data["description"], at(path, "description")),
        amount=amount,
        component=component,
    )


def period(value: object, path: str, *, signed: bool) -> PeriodMetric:
    """A :class:`PeriodMetric` from its dict; negative figures only when ``signed``."""
    data = obj(value, path, _PERIOD_KEYS)
    values = _figures(data, path, signed=signed)
    start = _date(data["start"], at(path, "start"))
    end = _date(data["end"], at(path, "end"))
    return PeriodMetric(
        period=string(data["period"], at(path, "period")),
        start=start,
        end=end,
        block=string(data["block"], at(path, "block")),
        record=string(data["record"], at(path, "record")),
        **values,
    )


def short(value: object) -> str:
    """``repr(value)`` cut to 40 characters (the type's name if it has no short repr)."""
    try:
        shown = repr(value)
    except (ValueError, RecursionError):  # an int past the digit limit, a nested list
        return type(value).__name__
    return shown if len(shown) <= 40 else shown[:39] + "…"


def metric(value: object, path: str) -> RevenueMetric:
    """A :class:`RevenueMetric` from :meth:`RevenueMetric.to_dict`'s output, checked.

    A form's amounts are never negative; an ECF's may be (a line with an unusual sign is kept).
    """
    data = obj(value, path, _METRIC_KEYS)
    source = data["source"]
    if source not in _SOURCES:
        fail(at(path, "source"), tr('must be "ecf" or "form", got {got}', got=short(source)))
    signed = source == "ecf"
    values = _figures(data, path, signed=signed)
    year = data["reference_year"]
    if year is not None:
        integer(year, at(path, "reference_year"))
    regime = data["regime"]
    if regime is not None and (not isinstance(regime, str) or regime not in _REGIMES):
        fail(at(path, "regime"), tr("not a regime: {got}", got=short(regime)))
    signature = _signature(data["signature"], at(path, "signature"))
    if signature is not None and source == "form":
        fail(at(path, "signature"), tr("a form's figure has no signature"))
    periods = tuple(
        period(item, at(at(path, "periods"), i), signed=signed)
        for i, item in enumerate(array(data["periods"], at(path, "periods")))
    )
    lines = tuple(
        source_line(item, at(at(path, "lines"), i))
        for i, item in enumerate(array(data["lines"], at(path, "lines")))
    )
    _add_up(values, periods, lines, path)
    return RevenueMetric(
        cnpj=_optional_cnpj(data["cnpj"], at(path, "cnpj")),
        company_name=optional_string(data["company_name"], at(path, "company_name")),
        reference_year=year,
        period_start=_optional_date(data["period_start"], at(path, "period_start")),
        period_end=_optional_date(data["period_end"], at(path, "period_end")),
        regime=None if regime is None else Regime(regime),
        layout_version=optional_string(data["layout_version"], at(path, "layout_version")),
        rectifying=boolean(data["rectifying"], at(path, "rectifying")),
        receipt=optional_string(data["receipt"], at(path, "receipt")),
        source=source,
        **values,
        periods=periods,
        lines=lines,
        warnings=findings(data["warnings"], at(path, "warnings")),
        managing_partner_cnpj=_optional_cnpj(
            data["managing_partner_cnpj"], at(path, "managing_partner_cnpj")
        ),
        partial_year=boolean(data["partial_year"], at(path, "partial_year")),
        fingerprint=optional_string(data["fingerprint"], at(path, "fingerprint")),
        file_name=optional_string(data["file_name"], at(path, "file_name")),
        signature=signature,
    )


def _add_up(
    values: Mapping[str, Decimal | None],
    periods: tuple[PeriodMetric, ...],
    lines: tuple[SourceLine, ...],
    path: str,
) -> None:
    """What the reader and the form keep: each known component is the sum of the lines that fed
    it (when there are lines) and of its periods (when every period states it)."""
    for name in CONTESTABLE:
        value = values[name]
        if value is None:
            continue
        if lines:
            fed = _exact(_ZERO, (-line.amount for line in lines if line.component == name))
            if fed != value:
                fail(
                    at(path, name),
                    tr(
                        "must be the sum of the lines that feed it, {total}, got {got}",
                        total=f"{fed:.2f}",
                        got=f"{value:.2f}",
                    ),
                )
        stated = [getattr(item, name) for item in periods]
        if stated and None not in stated:
            total = _exact(_ZERO, (-amount for amount in stated))
            if total != value:
                fail(
                    at(path, name),
                    tr(
                        "must be the sum of the periods, {total}, got {got}",
                        total=f"{total:.2f}",
                        got=f"{value:.2f}",
                    ),
                )


def _signature(value: object, path: str) -> SignatureSummary | None:
    return None if value is None else signature_summary(value, path)


def signature_summary(value: object, path: str) -> SignatureSummary:
    """A :class:`SignatureSummary` from its dict."""
    data = obj(value, path, _SIGNATURE_KEYS)
    hashcode = string(data["hashcode"], at(path, "hashcode"))
    if not _HASHCODE.fullmatch(hashcode):
        fail(
            at(path, "hashcode"),
            tr("must be 40 hexadecimal digits in capitals, got {got}", got=short(hashcode)),
        )
    signers = []
    for i, item in enumerate(array(data["signers"], at(path, "signers"))):
        where = at(at(path, "signers"), i)
        signer = obj(item, where, _SIGNER_KEYS)
        signers.append(
            SignerSummary(
                optional_string(signer["name"], at(where, "name")),
                optional_string(signer["cnpj"], at(where, "cnpj")),
                optional_string(signer["cpf"], at(where, "cpf")),
                boolean(signer["verified"], at(where, "verified")),
            )
        )
    verified = boolean(data["verified"], at(path, "verified"))
    reason = optional_string(data["reason"], at(path, "reason"))
    # What read_signature() gives: verified exactly when there is a signer and every one
    # verifies, a reason exactly when not, and the chain never checked.
    if verified != (bool(signers) and all(signer.verified for signer in signers)):
        fail(
            at(path, "verified"),
            tr("must be true exactly when there is a signer and every signer is verified"),
        )
    if (reason is None) != verified:
        fail(at(path, "reason"), tr("a reason is given exactly when the signature is not verified"))
    chain_checked = boolean(data["chain_checked"], at(path, "chain_checked"))
    if chain_checked:
        fail(at(path, "chain_checked"), tr("the library never checks the certificate chain"))
    return SignatureSummary(
        hashcode=hashcode,
        verified=verified,
        reason=reason,
        signers=tuple(signers),
        chain_checked=chain_checked,
    )


def figure(value: object, path: str, *, reference_year: int, company: str) -> RevenueMetric:
    """A saved figure of ``company``: a metric with a net revenue, for the proof's year and of
    the company (or its head office, or a form without a CNPJ)."""
    saved = metric(value, path)
    if saved.net_revenue is None:
        fail(at(path, "net_revenue"), tr("a saved figure always has a net revenue"))
    if saved.reference_year is not None and saved.reference_year != reference_year:
        fail(
            at(path, "reference_year"),
            tr(
                "the figure is for {got}, the proof for {year}",
                got=short(saved.reference_year),
                year=reference_year,
            ),
        )
    if saved.cnpj is not None and saved.cnpj[:_ROOT] != company[:_ROOT]:
        fail(
            at(path, "cnpj"),
            tr(
                "the figure is of {got}, another company than {company}",
                got=saved.cnpj,
                company=company,
            ),
        )
    return saved


def notes(value: object, path: str) -> tuple[Finding, ...]:
    """A row's notes: findings with the codes the proof writes."""
    out = findings(value, path)
    for i, note in enumerate(out):
        if note.code not in NOTE_CODES:
            fail(
                at(at(path, i), "code"),
                tr("not a note the proof writes: {got}", got=short(note.code)),
            )
    return out


def contests(value: object, path: str, saved: RevenueMetric | None) -> tuple[Contest, ...]:
    """The contests of a figure: known components, once each, each stating the file's value."""
    items = array(value, path)
    if items and saved is None:
        fail(path, tr("a company without a figure has nothing contested"))
    out: list[Contest] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        where = at(path, i)
        data = obj(item, where, _CONTEST_KEYS)
        component = data["component"]
        if component not in CONTESTABLE:
            fail(
                at(where, "component"),
                tr("not a contestable component: {got}", got=short(component)),
            )
        if component in seen:
            fail(at(where, "component"), tr("{component} is contested twice", component=component))
        seen.add(component)
        assert saved is not None  # no item without a figure
        contested = money(data["value"], at(where, "value"), signed=False)
        if contested is None:
            fail(
                at(where, "value"),
                tr('must be an amount such as "1000.00", got {got}', got=_kind(None)),
            )
        file_value = money(data["file_value"], at(where, "file_value"), signed=True)
        if data["file_value"] != format_money(getattr(saved, component)):
            fail(at(where, "file_value"), tr("not the figure's {component}", component=component))
        if contested == file_value:
            fail(at(where, "value"), tr("the file's own value: nothing is contested"))
        reason = string(data["reason"], at(where, "reason"))
        if not reason.strip() or reason != reason.strip():
            fail(at(where, "reason"), tr("a reason is a non-empty text without surrounding spaces"))
        by = optional_string(data["by"], at(where, "by"))
        out.append(Contest(component, contested, file_value, reason, by))
    return tuple(out)


def metrics(
    value: object, path: str, *, reference_year: int, company: str
) -> tuple[RevenueMetric, ...]:
    """The figures a row replaced."""
    return tuple(
        figure(item, at(path, i), reference_year=reference_year, company=company)
        for i, item in enumerate(array(value, path))
    )
