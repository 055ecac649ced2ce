"""The base of the exception hierarchy, :class:`EcfError`, and how an error's position (the
file, the line, the record) is put in front of its reason."""

from __future__ import annotations

from typing import Literal

from ._i18n import Message, as_message, tr


class EcfError(ValueError):
    """Base of every error ecfmetric raises on purpose.

    Any other exception that escapes :func:`ecfmetric.read` on some input is a bug.

    ``str(error)`` is the message in the current language (:func:`ecfmetric.get_language`,
    Portuguese by default); :meth:`render` draws it in the language given. ``reason`` is the
    message without its position, in the current language. ``code`` and the position
    attributes never change with the language.
    """

    _reason: Message

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        if "_reason" not in self.__dict__:
            # Raised as EcfError("text") (by a caller, or a subclass that does not set it).
            first = args[0] if args else ""
            self._reason = first if isinstance(first, Message) else as_message(str(first))

    @property
    def reason(self) -> str:
        """What is wrong, without the position, in the current language."""
        return self._reason.render()

    @property
    def reason_message(self) -> Message:
        """``reason`` as a :class:`~ecfmetric.types.Message`, to draw in any language."""
        return self._reason

    @property
    def message(self) -> Message:
        """The whole message (position and reason) as a :class:`~ecfmetric.types.Message`."""
        return self._message()

    def _message(self) -> Message:
        return self._reason

    def render(self, lang: Literal["pt", "en"] | None = None) -> str:
        """The message in ``lang`` (``"pt"`` or ``"en"``; the current language when ``None``)."""
        return self._message().render(lang)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.render('en')!r})"

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.args, self.__dict__.copy()))


def position(
    source: str | None, line_number: int | None, record: str | None
) -> list[Message | str]:
    """The parts of a position that are known: the file, the line, the record (and field)."""
    where: list[Message | str] = []
    if source is not None:
        where.append(source)
    if line_number is not None:
        where.append(tr("line {number}", number=line_number))
    if record is not None:
        where.append(record)
    return where


def placed(where: list[Message | str], reason: Message) -> Message:
    if not where:
        return reason
    prefix = (
        where[0]
        if len(where) == 1
        else tr("{first}, {rest}", first=where[0], rest=_join(where[1:]))
    )
    return tr("{where}: {reason}", where=prefix, reason=reason)


def _join(parts: list[Message | str]) -> Message | str:
    return (
        parts[0]
        if len(parts) == 1
        else tr("{first}, {rest}", first=parts[0], rest=_join(parts[1:]))
    )


def _rebuild(cls: type[EcfError], args: tuple[object, ...], state: dict[str, object]) -> EcfError:
    # Errors cross process boundaries in read_many(): keep the message and every attribute.
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error
