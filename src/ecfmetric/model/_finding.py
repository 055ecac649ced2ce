"""A warning on a metric, or an error or warning of a validation report; and its checked loading."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import attrs

from ..base._i18n import Localized, Message, as_message, tr
from ._labels import SEVERITY_WORDS
from ._load import array, at, fail, line_number, obj, optional_string, shape_keys, short, string

if TYPE_CHECKING:
    # Annotations only: read() need not load types.py (nor typing_extensions).
    from ..types import FindingDict

_SEVERITIES = ("error", "warning")


@attrs.frozen
class Finding:
    """A warning on a metric, or an error or warning of a validation report.

    ``message`` is drawn in the current language (:func:`ecfmetric.get_language`); ``code``,
    ``line_number``, ``record`` and ``severity`` never change with it. Findings compare by
    those four, not by their wording (a finding read back from a saved dict keeps the words
    it was saved in).
    """

    code: str
    _message: Message = attrs.field(converter=as_message, eq=False, alias="message")
    line_number: int | None = None
    record: str | None = None
    severity: Literal["error", "warning"] = "warning"

    @property
    def message(self) -> str:
        """What the finding says, in the current language."""
        return self._message.render()

    def render(self, lang: Literal["pt", "en"] | None = None) -> str:
        """The message in ``lang`` (``"pt"`` or ``"en"``; the current language when ``None``)."""
        return self._message.render(lang)

    def describe(self, lang: Literal["pt", "en"] | None = None) -> str:
        """The finding for a person, in ``lang`` (the current language when ``None``):
        ``aviso NET_REVENUE_MISMATCH (linha 36, L300): período A00: …``."""
        severity = Localized(
            SEVERITY_WORDS["pt"][self.severity], SEVERITY_WORDS["en"][self.severity]
        )
        where: list[Message | str] = []
        if self.line_number is not None:
            where.append(tr("line {number}", number=self.line_number))
        if self.record is not None:
            where.append(self.record)
        if not where:
            text = tr(
                "{severity} {code}: {message}",
                severity=severity,
                code=self.code,
                message=self._message,
            )
        else:
            text = tr(
                "{severity} {code} ({where}): {message}",
                severity=severity,
                code=self.code,
                where=where[0]
                if len(where) == 1
                else tr("{first}, {rest}", first=where[0], rest=where[1]),
                message=self._message,
            )
        return text.render(lang)

    def __str__(self) -> str:
        """The finding for a person in the current language (:meth:`describe`)."""
        return self.describe()

    def __repr__(self) -> str:
        return (
            f"Finding(code={self.code!r}, message={self._message.render('en')!r}, "
            f"line_number={self.line_number!r}, record={self.record!r}, "
            f"severity={self.severity!r})"
        )

    def to_dict(self) -> FindingDict:
        """A JSON-ready dict (the message in the current language)."""
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "line_number": self.line_number,
            "record": self.record,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        """The inverse of :meth:`to_dict` (the message is kept as the words it was saved in).

        Checked as :meth:`RevenueMetric.from_dict` checks: :class:`~ecfmetric.BadProofDataError`
        for anything ``to_dict`` would not write.
        """
        return finding(data, "")


def finding(value: object, path: str) -> Finding:
    """A :class:`Finding` from its dict."""
    data = obj(value, path, shape_keys("FindingDict"))
    severity = data["severity"]
    if severity not in _SEVERITIES:
        fail(
            at(path, "severity"), tr('must be "error" or "warning", got {got}', got=short(severity))
        )
    return Finding(
        code=string(data["code"], at(path, "code")),
        message=string(data["message"], at(path, "message")),
        line_number=line_number(data["line_number"], at(path, "line_number")),
        record=optional_string(data["record"], at(path, "record")),
        severity=severity,
    )


def findings(value: object, path: str) -> tuple[Finding, ...]:
    """A list of findings."""
    return tuple(finding(item, at(path, i)) for i, item in enumerate(array(value, path)))
