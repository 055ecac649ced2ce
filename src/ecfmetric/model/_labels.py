"""The words people read beside the figures: the portal's labels, in Portuguese and English.

Portuguese (pt-BR) is the default wherever a person reads; English is there for developers and
logs. Component names (``gross_revenue``) and codes never change with the language.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from ..base._cnpj import format_cnpj
from ..base._i18n import Language, Localized, format_date
from . import _words_en, _words_pt

if TYPE_CHECKING:
    from ._signature_summary import SignatureSummary

Lang = Language
#: The five components and the net in the one order every surface shows them (the portal's form
#: "Comprovação de Métricas"): the notebook's HTML, the CLI's text, --csv/--excel and LABELS.
COMPONENTS: Final = (
    "gross_revenue",
    "cancellations",
    "taxes",
    "discounts",
    "other_deductions",
    "net_revenue",
)

#: One table of words per language (``model/_words_pt.py``, ``model/_words_en.py``), keyed
#: ``section.word``; the tables below are its sections, for the renderers.
WORDS: Final[dict[Lang, dict[str, str]]] = {"pt": _words_pt.WORDS, "en": _words_en.WORDS}


def section(lang: Lang, name: str) -> dict[str, str]:
    """The words of one section of ``lang``'s table (``"label"`` → ``{"gross_revenue": …}``),
    in the table's order."""
    prefix = f"{name}."
    return {key[len(prefix) :]: word for key, word in WORDS[lang].items() if key.startswith(prefix)}


def _sections(name: str) -> dict[Lang, dict[str, str]]:
    return {lang: section(lang, name) for lang in WORDS}


def _with_none(name: str) -> dict[Lang, dict[str | None, str]]:
    """A section whose word ``none`` stands for the key ``None``."""
    return {
        lang: {(None if key == "none" else key): word for key, word in words.items()}
        for lang, words in _sections(name).items()
    }


#: The portal's own labels (the form "Comprovação de Métricas"), in the portal's order.
LABELS: Final[dict[str, str]] = section("pt", "label")
LABELS_EN: Final[dict[str, str]] = section("en", "label")

#: The columns of --excel (and --lines, --check with --excel), as a person reads them; --csv
#: keeps the column keys, for programs.
COLUMN_WORDS: Final = _sections("column")
#: A file's status in --excel.
FILE_STATUS_WORDS: Final = _sections("file_status")


def column_label(column: str, lang: Lang) -> str:
    """The heading of an --excel column: a component's label, or the column's word."""
    return labels(lang).get(column) or COLUMN_WORDS[lang][column]


#: The other fields of the form, as the portal names them.
FIELD_LABELS: Final = _sections("field")


def field_label(field: str) -> Localized:
    """The label a person reads for a form field (``"gross_revenue"`` → ``TOTAL RECEITA BRUTA``);
    a field the form does not have is named as given."""
    pt = LABELS.get(field) or FIELD_LABELS["pt"].get(field, field)
    en = LABELS_EN.get(field) or FIELD_LABELS["en"].get(field, field)
    return Localized(pt, en)


#: What a line read fed, in a few words (``None``: read only to cross-check).
COMPONENT_WORDS: Final = _with_none("component")

#: Regime values (:class:`ecfmetric.Regime` is a ``StrEnum``: its members look up as these).
REGIME_NAMES: Final[dict[str, str]] = section("pt", "regime")
#: Regime values in English (the regimes' own names, Lucro Real…, are kept: they are proper names).
REGIME_NAMES_EN: Final[dict[str, str]] = section("en", "regime")

#: The portal's status words for a company of a proof.
STATUS_WORDS: Final = _sections("status")
SEVERITY_WORDS: Final = _sections("severity")
SOURCE_WORDS: Final = _with_none("source")
SIGNATURE_WORDS: Final = _sections("signature")


def signature_text(signature: SignatureSummary, lang: Lang) -> str:
    """One sentence: who signed, the hashcode, whether the signatures match; chain not checked."""
    words = SIGNATURE_WORDS[lang]
    state = (
        words["verified"]
        if signature.verified
        else words["not_verified"].format(reason=signature.reason or "?")
    )
    return words["signed"].format(
        who=signature.signed_by() or "?", hashcode=signature.hashcode, state=state
    )


def labels(lang: Lang) -> dict[str, str]:
    """The component labels in ``lang``."""
    return LABELS if lang == "pt" else LABELS_EN


def money(value: Decimal | None, lang: Lang, *, feminine: bool = False) -> str:
    """pt ``1.234.567,89`` / en ``1,234,567.89``; ``None`` as "not stated" (``não informado``,
    or ``não informada`` after a feminine noun such as *receita líquida* when ``feminine``)."""
    if value is None:
        return WORDS[lang]["money.none_feminine" if feminine else "money.none"]
    text = f"{value:,.2f}"
    if lang == "pt":
        return text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def date(value: dt.date | None, lang: Lang) -> str:
    """pt ``31/12/2025`` / en ``2025-12-31``."""
    return "" if value is None else format_date(value, lang)


def cnpj(value: str | None) -> str:
    """The CNPJ with its mask (``12.345.678/0001-95``); what is given when it cannot be masked."""
    if value is None:
        return ""
    return format_cnpj(value) if len(value) == 14 else value


def regime_name(regime: str | None, lang: Lang) -> str | None:
    """The regime's name for a person in ``lang`` (``None`` stays ``None``)."""
    if regime is None:
        return None
    return (REGIME_NAMES if lang == "pt" else REGIME_NAMES_EN)[regime]
