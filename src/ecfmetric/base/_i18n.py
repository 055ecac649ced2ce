"""Messages a person reads, in Brazilian Portuguese (the default) or English.

A message is built from its English template (``"line longer than {limit} bytes"``) and its
parameters, and drawn only when it is shown: :meth:`Message.render` looks the template up in the
Portuguese catalogue (:mod:`._messages_pt`, keyed by the English text as gettext keys by
``msgid``) and formats the parameters for the language (money ``1.234.567,89``, dates
``31/12/2025`` in Portuguese; ``1234567.89`` and ISO dates in English). Codes and structured
fields never go through here: they do not change with the language.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import os
import string
from collections.abc import Iterator
from decimal import Decimal
from typing import Final, Literal, TypeAlias

import attrs

from ._messages_pt import PORTUGUESE

Language: TypeAlias = Literal["pt", "en"]
LANGUAGES: Final[tuple[Language, ...]] = ("pt", "en")

_DEFAULT: Language = "en" if os.environ.get("ECFMETRIC_LANG", "").lower()[:2] == "en" else "pt"
_current: contextvars.ContextVar[Language] = contextvars.ContextVar("ecfmetric_language")


def _checked(lang: object) -> Language:
    if lang == "pt" or lang == "en":
        return lang
    raise ValueError(f"the language must be 'pt' (Brazilian Portuguese) or 'en', not {lang!r}")


def get_language() -> Language:
    """The language messages are drawn in here: ``"pt"`` (pt-BR, the default) or ``"en"``.

    The default is ``"pt"``, or ``"en"`` when the environment variable ``ECFMETRIC_LANG``
    starts with ``en`` at import time.
    """
    return _current.get(_DEFAULT)


def set_language(lang: Language) -> None:
    """Draw messages in ``lang`` (``"pt"`` or ``"en"``) from now on, in this thread or task.

    The setting is a :mod:`contextvars` variable: other threads and asyncio tasks started
    before keep their own. Use :func:`language` to switch for a block only.
    """
    _current.set(_checked(lang))


@contextlib.contextmanager
def language(lang: Language) -> Iterator[None]:
    """Draw messages in ``lang`` inside the ``with`` block, then restore the previous language.

    >>> import ecfmetric
    >>> with ecfmetric.language("en"):
    ...     ecfmetric.get_language()
    'en'
    """
    token = _current.set(_checked(lang))
    try:
        yield
    finally:
        _current.reset(token)


def format_amount(value: Decimal, lang: Language) -> str:
    """``value`` with its own decimals: ``1.234.567,89`` in Portuguese, ``1234567.89`` in English."""
    plain = f"{value:f}"
    if lang == "en":
        return plain
    grouped = f"{value:,f}"
    return grouped.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_date(value: dt.date, lang: Language) -> str:
    """``value`` as ``dd/mm/aaaa`` in Portuguese, ISO (``2025-12-31``) in English."""
    return f"{value:%d/%m/%Y}" if lang == "pt" else value.isoformat()


def _param(value: object, lang: Language) -> str:
    if isinstance(value, (Message, Localized)):
        return value.render(lang)
    if isinstance(value, Decimal) and value.is_finite():
        return format_amount(value, lang)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return format_date(value, lang)
    return str(value)


class _Formatter(string.Formatter):
    def __init__(self, lang: Language) -> None:
        self.lang = lang

    def convert_field(self, value: object, conversion: str | None) -> object:
        # "{x!r}" shows the value as given (a code, a typed text); "{x}" draws it for the reader.
        if conversion is None:
            return _param(value, self.lang)
        return super().convert_field(value, conversion)


@attrs.frozen
class Message:
    """A message to show a person: its English ``template`` and ``params``, drawn on demand.

    ``str(message)`` is the message in the current language (:func:`get_language`);
    :meth:`render` draws it in the language given. Equal messages are equal in every language.
    """

    template: str
    params: tuple[tuple[str, object], ...] = ()

    def render(self, lang: Language | None = None) -> str:
        """The message in ``lang`` (``"pt"`` or ``"en"``; the current language when ``None``)."""
        lang = get_language() if lang is None else _checked(lang)
        template = self.template if lang == "en" else PORTUGUESE.get(self.template, self.template)
        return _Formatter(lang).vformat(template, (), dict(self.params))

    def __str__(self) -> str:
        return self.render()


@attrs.frozen
class Localized:
    """A short text given in each language, such as a field's label: ``str()`` draws it in the
    current language, and a message that carries it draws it in the message's language."""

    pt: str
    en: str

    def render(self, lang: Language | None = None) -> str:
        """The text in ``lang`` (``"pt"`` or ``"en"``; the current language when ``None``)."""
        lang = get_language() if lang is None else _checked(lang)
        return self.pt if lang == "pt" else self.en

    def __str__(self) -> str:
        return self.render()


def tr(template: str, /, **params: object) -> Message:
    """The message ``template`` (English, with ``{name}`` placeholders) filled with ``params``.

    Every template is a key of the Portuguese catalogue; ``Decimal`` and ``date`` parameters are
    drawn as the language writes them, a :class:`Message` parameter in the same language.
    """
    return Message(template, tuple(params.items()))


def noop(template: str, /) -> str:
    """Mark ``template`` as a message kept in a table and translated where it is shown."""
    return template


def verbatim(text: str) -> Message:
    """A text shown as it is in every language (a message read back from a saved dict)."""
    return Message("{text}", (("text", text),))


def as_message(text: Message | str) -> Message:
    """``text`` as a :class:`Message`: a plain string is shown as it is."""
    return text if isinstance(text, Message) else verbatim(text)
