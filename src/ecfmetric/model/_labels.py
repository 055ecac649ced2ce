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

#: The portal's own labels (the form "Comprovação de Métricas"), in the portal's order.
LABELS: Final[dict[str, str]] = {
    "gross_revenue": "TOTAL RECEITA BRUTA",
    "cancellations": "(-) Cancelamento de Serviços e Vendas",
    "taxes": "(-) Impostos Sobre Serviços e Vendas",
    "discounts": "(-) Descontos Incondicionais",
    "other_deductions": "(-) Outras Deduções",
    "net_revenue": "RECEITA LÍQUIDA DE SERVIÇOS E VENDAS",
}
LABELS_EN: Final[dict[str, str]] = {
    "gross_revenue": "GROSS REVENUE",
    "cancellations": "(-) Cancellations and returns",
    "taxes": "(-) Taxes on sales and services",
    "discounts": "(-) Unconditional discounts",
    "other_deductions": "(-) Other deductions",
    "net_revenue": "NET REVENUE",
}

#: The columns of --excel (and --lines, --check with --excel), as a person reads them; --csv
#: keeps the column keys, for programs.
COLUMN_WORDS: Final[dict[Lang, dict[str, str]]] = {
    "pt": {
        "file": "Arquivo",
        "status": "Situação",
        "cnpj": "CNPJ",
        "company_name": "Nome empresarial",
        "reference_year": "Ano",
        "period_start": "Início",
        "period_end": "Fim",
        "regime": "Regime (código)",
        "warnings": "Avisos",
        "error_code": "Código do erro",
        "error": "Erro",
        "regime_label": "Regime",
        "period": "Período",
        "line_number": "Linha",
        "record": "Registro",
        "code": "Código",
        "description": "Descrição",
        "amount": "Valor",
        "component": "Componente (código)",
        "component_label": "Componente",
        "severity": "Gravidade",
        "message": "Mensagem",
    },
    "en": {
        "file": "File",
        "status": "Status",
        "cnpj": "CNPJ",
        "company_name": "Company name",
        "reference_year": "Year",
        "period_start": "Start",
        "period_end": "End",
        "regime": "Regime (code)",
        "warnings": "Warnings",
        "error_code": "Error code",
        "error": "Error",
        "regime_label": "Regime",
        "period": "Period",
        "line_number": "Line",
        "record": "Record",
        "code": "Code",
        "description": "Description",
        "amount": "Amount",
        "component": "Component (code)",
        "component_label": "Component",
        "severity": "Severity",
        "message": "Message",
    },
}
#: A file's status in --excel.
FILE_STATUS_WORDS: Final[dict[Lang, dict[str, str]]] = {
    "pt": {"ok": "lido", "refused": "recusado"},
    "en": {"ok": "read", "refused": "refused"},
}


def column_label(column: str, lang: Lang) -> str:
    """The heading of an --excel column: a component's label, or the column's word."""
    return labels(lang).get(column) or COLUMN_WORDS[lang][column]


#: The other fields of the form, as the portal names them.
FIELD_LABELS: Final[dict[Lang, dict[str, str]]] = {
    "pt": {"cnpj": "CNPJ", "company_name": "Razão social", "reference_year": "Ano de referência"},
    "en": {"cnpj": "CNPJ", "company_name": "Company name", "reference_year": "Reference year"},
}


def field_label(field: str) -> Localized:
    """The label a person reads for a form field (``"gross_revenue"`` → ``TOTAL RECEITA BRUTA``);
    a field the form does not have is named as given."""
    pt = LABELS.get(field) or FIELD_LABELS["pt"].get(field, field)
    en = LABELS_EN.get(field) or FIELD_LABELS["en"].get(field, field)
    return Localized(pt, en)


#: What a line read fed, in a few words (``None``: read only to cross-check).
COMPONENT_WORDS: Final[dict[Lang, dict[str | None, str]]] = {
    "pt": {
        "gross_revenue": "receita bruta",
        "cancellations": "cancelamentos",
        "taxes": "impostos",
        "discounts": "descontos",
        "other_deductions": "outras deduções",
        "net_revenue": "receita líquida",
        None: "só conferência",
    },
    "en": {
        "gross_revenue": "gross revenue",
        "cancellations": "cancellations",
        "taxes": "taxes",
        "discounts": "discounts",
        "other_deductions": "other deductions",
        "net_revenue": "net revenue",
        None: "cross-check only",
    },
}

#: Regime values (:class:`ecfmetric.Regime` is a ``StrEnum``: its members look up as these).
REGIME_NAMES: Final[dict[str, str]] = {
    "lucro_real": "Lucro Real",
    "lucro_real_arbitrado": "Lucro Real/Arbitrado",
    "lucro_presumido_real": "Lucro Presumido/Real",
    "lucro_presumido_real_arbitrado": "Lucro Presumido/Real/Arbitrado",
    "lucro_presumido": "Lucro Presumido",
    "lucro_arbitrado": "Lucro Arbitrado",
    "lucro_presumido_arbitrado": "Lucro Presumido/Arbitrado",
    "imune": "Imune do IRPJ",
    "isenta": "Isenta do IRPJ",
}

#: The portal's status words for a company of a proof.
STATUS_WORDS: Final[dict[Lang, dict[str, str]]] = {
    "pt": {"pending": "Pendente", "saved": "Salvo", "concluded": "Concluído"},
    "en": {"pending": "pending", "saved": "saved", "concluded": "concluded"},
}
SEVERITY_WORDS: Final[dict[Lang, dict[str, str]]] = {
    "pt": {"error": "erro", "warning": "aviso"},
    "en": {"error": "error", "warning": "warning"},
}
SOURCE_WORDS: Final[dict[Lang, dict[str | None, str]]] = {
    "pt": {"ecf": "arquivo ECF", "form": "formulário", None: ""},
    "en": {"ecf": "ECF file", "form": "form", None: ""},
}


SIGNATURE_WORDS: Final[dict[Lang, dict[str, str]]] = {
    "pt": {
        "signed": "Assinado por {who}. Hashcode {hashcode}. {state}; cadeia de certificados não "
        "verificada.",
        "verified": "Assinaturas conferem com o conteúdo",
        "not_verified": "Assinatura NÃO confere: {reason}",
    },
    "en": {
        "signed": "Signed by {who}. Hashcode {hashcode}. {state}; certificate chain not checked.",
        "verified": "Signatures match the content",
        "not_verified": "Signature does NOT match: {reason}",
    },
}


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
        if lang == "en":
            return "not stated"
        return "não informada" if feminine else "não informado"
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


#: Regime values in English (the regimes' own names, Lucro Real…, are kept: they are proper names).
REGIME_NAMES_EN: Final[dict[str, str]] = {
    "lucro_real": "Lucro Real",
    "lucro_real_arbitrado": "Lucro Real/Arbitrado",
    "lucro_presumido_real": "Lucro Presumido/Real",
    "lucro_presumido_real_arbitrado": "Lucro Presumido/Real/Arbitrado",
    "lucro_presumido": "Lucro Presumido",
    "lucro_arbitrado": "Lucro Arbitrado",
    "lucro_presumido_arbitrado": "Lucro Presumido/Arbitrado",
    "imune": "Immune from IRPJ",
    "isenta": "Exempt from IRPJ",
}


def regime_name(regime: str | None, lang: Lang) -> str | None:
    """The regime's name for a person in ``lang`` (``None`` stays ``None``)."""
    if regime is None:
        return None
    return (REGIME_NAMES if lang == "pt" else REGIME_NAMES_EN)[regime]
