"""The errors of the form (:func:`ecfmetric.from_form`): every refused field at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ._error_base import EcfError
from ._i18n import Localized, Message, as_message, tr
from ._quoting import cut


class RefusedField(NamedTuple):
    """One refused value of the form: ``field`` (``"taxes"``), ``label`` (the portal's label,
    ``(-) Impostos Sobre Serviços e Vendas``; ``str(label)`` is in the current language) and
    ``reason`` (why, with what was typed; ``str(reason)`` is in the current language)."""

    field: str
    label: Localized
    reason: Message


class FormInputError(EcfError):
    """Values typed into the form were refused: every refused field at once, in ``refused``.

    ``refused`` is a tuple of :class:`RefusedField` ``(field, label, reason)``, one per refused
    field, in the form's order: show each ``reason`` next to its field. For compatibility,
    ``field``, ``value``, ``label`` and ``reason`` are those of the first refused field.
    ``code`` is always ``"BAD_FORM_INPUT"``: the fields say which values, the reasons why.
    """

    code = "BAD_FORM_INPUT"

    def __init__(
        self,
        field: str,
        reason: Message | str,
        *,
        value: object = None,
        label: Localized | None = None,
    ) -> None:
        self.field = field
        self._reason = as_message(reason)
        self.value = value
        self.label = Localized(field, field) if label is None else label
        detail = (
            self._reason
            if value is None
            else tr("{reason} (got {text})", reason=self._reason, text=cut(repr(value)))
        )
        self.refused: tuple[RefusedField, ...] = (RefusedField(field, self.label, detail),)
        super().__init__(self._message())

    @classmethod
    def combine(cls, errors: Sequence[FormInputError]) -> FormInputError:
        """One error carrying every field of ``errors`` (a :class:`FormInputTypeError` when
        any of them is one); the first one's ``field``, ``value`` and ``reason``."""
        first = errors[0]
        kind = (
            FormInputTypeError
            if any(isinstance(error, FormInputTypeError) for error in errors)
            else FormInputError
        )
        combined = kind(first.field, first._reason, value=first.value, label=first.label)
        combined.refused = tuple(item for error in errors for item in error.refused)
        combined.args = (combined._message(),)
        return combined

    def _message(self) -> Message:
        parts: list[Message | str] = [
            tr("{where}: {reason}", where=item.label, reason=item.reason) for item in self.refused
        ]
        if len(parts) == 1:
            return as_message(parts[0])
        return tr(
            "{count} fields were refused: {fields}",
            count=len(parts),
            fields=_semicolons(parts),
        )


def _semicolons(parts: list[Message | str]) -> Message | str:
    if len(parts) == 1:
        return parts[0]
    return tr("{first}; {rest}", first=parts[0], rest=_semicolons(parts[1:]))


class FormInputTypeError(FormInputError, TypeError):
    """A form value of the wrong type, such as a ``float``: both a ``FormInputError`` and a ``TypeError``."""
