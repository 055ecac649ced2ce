"""A person's contest of one component of a saved figure: checked, then put in the place of an
earlier contest of the same component, or withdrawn. Each refusal is a ``ContestError``."""

from __future__ import annotations

from decimal import Decimal

from ..base._errors import ContestError, FormInputError, ProofErrorCode
from ..base._i18n import Message
from ..base._money import parse_money
from ..model._contest import Contest
from ..model._labels import field_label
from ..model._revenue_metric import RevenueMetric
from ..types import ContestableComponent
from ._cnpjs import show
from ._messages import says


def _contest_error(
    code: ProofErrorCode, message: Message, cnpj: str, given: object
) -> ContestError:
    return ContestError(message, code=code, cnpj=cnpj, component=given)


def contest_of(
    metric: RevenueMetric | None,
    target: str,
    name: ContestableComponent,
    given: object,
    value: Decimal | int | str,
    reason: object,
    by: object,
) -> Contest:
    """The contest of ``name`` (asked as ``given``) of ``target``'s figure ``metric``, checked."""
    if metric is None:
        raise _contest_error("NO_FIGURE", says("NO_FIGURE", company=show(target)), target, given)
    if not isinstance(reason, str) or not reason.strip():
        raise _contest_error(
            "REASON_REQUIRED",
            says("REASON_REQUIRED", component=field_label(name)),
            target,
            given,
        )
    if by is not None and not isinstance(by, str):
        raise _contest_error("BAD_CONTEST_AUTHOR", says("BAD_CONTEST_AUTHOR", by=by), target, given)
    try:
        amount = parse_money(value, name, field_label(name))
    except FormInputError as error:
        raise _contest_error(
            "BAD_CONTEST_VALUE",
            says("BAD_CONTEST_VALUE", detail=error.message),
            target,
            given,
        ) from error
    file_value: Decimal | None = getattr(metric, name)
    if amount == file_value:
        raise _contest_error(
            "SAME_AS_FILE",
            says(
                "SAME_AS_FILE",
                value=amount,
                component=field_label(name),
                company=show(target),
            ),
            target,
            given,
        )
    return Contest(name, amount, file_value, reason.strip(), by)


def with_contest(contested: tuple[Contest, ...], contest: Contest) -> tuple[Contest, ...]:
    """``contested`` with ``contest`` added, or in the place of the same component's."""
    others = [c for c in contested if c.component != contest.component]
    if len(others) == len(contested):
        return (*contested, contest)
    # The same component again: the new contest takes the old one's place.
    return tuple(contest if c.component == contest.component else c for c in contested)


def without_contest(
    contested: tuple[Contest, ...], target: str, name: ContestableComponent, given: object
) -> tuple[Contest, ...]:
    """``contested`` without the contest of ``name``, or the refusal ``NOT_CONTESTED``."""
    kept = tuple(c for c in contested if c.component != name)
    if len(kept) == len(contested):
        raise _contest_error(
            "NOT_CONTESTED",
            says("NOT_CONTESTED", component=field_label(name), company=show(target)),
            target,
            given,
        )
    return kept
