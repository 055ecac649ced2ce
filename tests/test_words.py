"""One word table per language (model/_words_pt.py, model/_words_en.py): the same words in both,
one entry per component, and the renderers' tables are its sections."""

from __future__ import annotations

import string

from ecfmetric import LABELS, LABELS_EN
from ecfmetric.model import _labels


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_words_with_the_same_fields() -> None:
    pt, en = _labels.WORDS["pt"], _labels.WORDS["en"]
    assert list(pt) == list(en)
    for key in pt:
        assert _fields(pt[key]) == _fields(en[key]), key


def test_every_component_has_its_label_and_word_in_the_components_order() -> None:
    """The labels follow COMPONENTS (the portal's order), the one list of component names."""
    for lang in ("pt", "en"):
        assert tuple(_labels.section(lang, "label")) == _labels.COMPONENTS
        words = _labels.COMPONENT_WORDS[lang]
        assert tuple(name for name in words if name is not None) == _labels.COMPONENTS
        assert None in words  # a line read only to cross-check
    assert LABELS["net_revenue"] == "RECEITA LÍQUIDA DE SERVIÇOS E VENDAS"
    assert LABELS_EN["gross_revenue"] == "GROSS REVENUE"


def test_the_named_tables_are_sections_of_the_one_table() -> None:
    """COMPONENT_WORDS, COLUMN_WORDS… hold no word of their own: each is read from WORDS."""
    assert _labels.COLUMN_WORDS["pt"]["file"] == _labels.WORDS["pt"]["column.file"] == "Arquivo"
    assert _labels.COMPONENT_WORDS["en"][None] == _labels.WORDS["en"]["component.none"]
    assert _labels.SOURCE_WORDS["pt"][None] == ""
    assert _labels.money(None, "pt", feminine=True) == _labels.WORDS["pt"]["money.none_feminine"]
    assert _labels.REGIME_NAMES_EN["imune"] == "Immune from IRPJ"
