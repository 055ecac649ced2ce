"""The DRE lines the strategies draw, written from the layout and the RFB's referential plans
(L300A/P150 and U150A): the revenue subtrees with what each line feeds, and lines outside them.

These are the strategies' own statement of the plans, independent of ``ecfmetric.rules``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from ..model._model import Component


@dataclass(frozen=True)
class _Leaf:
    """A DRE line with nothing below it: its signed value (``C`` +, ``D`` −) in cents."""

    code: str
    description: str
    cents: int
    component: Component | None  # what it feeds (docs/metric.md); None outside the subtrees
    normal: str  # the indicator of a zero amount, and the expected sign ("C" or "D")
    kind: str = "A"


@dataclass(frozen=True)
class _Subtree:
    """One revenue subtree of a plan: RECEITA BRUTA's lines and the deductions' lines."""

    gross_root: str
    gross: tuple[tuple[str, str], ...]
    deductions: tuple[tuple[str, str, Component], ...]
    #: Synthetic lines below the net root, code → (description, indicator of zero).
    synthetics: Mapping[str, tuple[str, str]]
    #: The RECEITA LIQUIDA line checked against the computed net, if the plan has one.
    net_root: str | None


@dataclass
class _Dre:
    leaves: list[_Leaf]
    #: Synthetic lines printed, code → (description, indicator of zero); each is printed with the
    #: signed sum of the leaves below it, plus its entry in ``deltas``.
    synthetics: dict[str, tuple[str, str]]
    deltas: dict[str, int] = field(default_factory=dict)
    #: Net roots whose RECEITA LIQUIDA line is left out on purpose.
    missing_net: tuple[str, ...] = ()
    warnings: set[str] = field(default_factory=set)


_TAX: Final = "taxes"
_GENERAL = _Subtree(
    gross_root="3.01.01.01.01",
    gross=(
        ("3.01.01.01.01.01", "Receita de Exportação Direta de Mercadorias e Produtos"),
        ("3.01.01.01.01.02", "Receita de Vendas de Mercadorias e Produtos a Comercial Exportadora"),
        ("3.01.01.01.01.03", "Receita de Exportação de Serviços"),
        (
            "3.01.01.01.01.04",
            "Receita da Venda de Produtos de Fabricação Própria no Mercado Interno",
        ),
        ("3.01.01.01.01.05", "Receita da Revenda de Mercadorias no Mercado Interno"),
        ("3.01.01.01.01.06", "Receita da Prestação de Serviços no Mercado Interno"),
        ("3.01.01.01.01.07", "Receita da Venda de Unidades Imobiliárias"),
        ("3.01.01.01.01.08", "Receita da Locação de Bens Móveis e Imóveis"),
        ("3.01.01.01.01.20", "Receita de Contrato de Construção"),
        ("3.01.01.01.01.98", "Outras Receitas da Atividade Geral"),
    ),
    deductions=(
        ("3.01.01.01.02.01", "(-) Vendas Canceladas e Devoluções de Vendas", "cancellations"),
        ("3.01.01.01.02.02", "(-) Descontos Incondicionais e Abatimentos", "discounts"),
        ("3.01.01.01.02.03", "(-) ICMS", _TAX),
        ("3.01.01.01.02.04", "(-) COFINS Sobre Receita Bruta", _TAX),
        ("3.01.01.01.02.05", "(-) PIS/PASEP Sobre Receita Bruta", _TAX),
        ("3.01.01.01.02.06", "(-) ISS", _TAX),
        ("3.01.01.01.02.09", "(-) Demais Impostos e Contribuições Incidentes sobre Vendas", _TAX),
        ("3.01.01.01.02.10", "(-) Ajuste a Valor Presente sobre Receita Bruta", "other_deductions"),
    ),
    synthetics={
        "3.01.01.01.01": ("RECEITA BRUTA", "C"),
        "3.01.01.01.02": ("DEDUÇÕES DA RECEITA BRUTA", "D"),
    },
    net_root="3.01.01.01",
)
#: CPC 47 deduction lines (confirmations §3, from leiaute 0005): other deductions.
_CPC47: tuple[tuple[str, str, Component], ...] = (
    ("3.01.01.01.02.60", "(-) CPC 47 - Modificações Contratuais", "other_deductions"),
    (
        "3.01.01.01.02.68",
        "(-) CPC 47 - Preço de Transação - Contraprestações Variáveis",
        "other_deductions",
    ),
    (
        "3.01.01.01.02.80",
        "(-) CPC 47 - Passivos de Contrato - Direito de Aquisição Opcional",
        "other_deductions",
    ),
)
_RURAL = _Subtree(
    gross_root="3.11.01.01.01",
    gross=(
        ("3.11.01.01.01.01", "Receita da Atividade Rural - Exportação Direta"),
        ("3.11.01.01.01.02", "Receita da Atividade Rural - Venda a Comercial Exportadora"),
        ("3.11.01.01.01.03", "Receita da Atividade Rural - Mercado Interno"),
    ),
    deductions=(
        ("3.11.01.01.02.01", "(-) Vendas Canceladas e Devoluções de Vendas", "cancellations"),
        ("3.11.01.01.02.02", "(-) Descontos Incondicionais e Abatimentos", "discounts"),
        ("3.11.01.01.02.03", "(-) ICMS", _TAX),
        ("3.11.01.01.02.04", "(-) Cofins Sobre Receita Bruta", _TAX),
        ("3.11.01.01.02.05", "(-) PIS/Pasep Sobre Receita Bruta", _TAX),
        ("3.11.01.01.02.06", "(-) ISS", _TAX),
        ("3.11.01.01.02.09", "(-) Demais Impostos e Contribuições Incidentes sobre Vendas", _TAX),
        ("3.11.01.01.02.10", "(-) Ajuste a Valor Presente sobre Receita Bruta", "other_deductions"),
    ),
    synthetics={
        "3.11.01.01.01": ("RECEITA BRUTA DA ATIVIDADE RURAL", "C"),
        "3.11.01.01.02": ("DEDUÇÕES DA RECEITA BRUTA", "D"),
    },
    net_root="3.11.01.01",
)
_NET_ROOT_NAMES = {
    "3.01.01.01": "RECEITA LIQUIDA",
    "3.11.01.01": "RECEITA OPERACIONAL LÍQUIDA DA ATIVIDADE RURAL",
}
#: Plan A lines outside the revenue subtrees: never read (docs/metric.md "Not revenue").
_OUTSIDE_A_LEAVES = (
    ("3.01.01.03.01.01", "(-) Custo dos Produtos de Fabricação Própria Vendidos", "D"),
    ("3.01.01.05.01.05", "Outras Receitas Financeiras", "C"),
    ("3.01.01.05.01.19", "Receita de Aluguel de Bens Imóveis - Atividade Não Principal", "C"),
    ("3.01.01.07.01.02", "(-) Ordenados, Salários e Outras Remunerações a Empregados", "D"),
    ("3.01.01.07.01.14", "(-) PIS/PASEP", "D"),
    ("3.01.01.07.01.15", "(-) COFINS", "D"),
    ("3.01.01.07.01.16", "(-) Demais Impostos, Taxas e Contribuições, exceto IR e CSLL", "D"),
)
_OUTSIDE_A_SYNTHETICS = {
    "3.01": ("RESULTADO LÍQUIDO DO PERÍODO ANTES DO IRPJ E DA CSLL - ATIVIDADE GERAL", "C"),
    "3.01.01": ("RESULTADO OPERACIONAL", "C"),
    "3.01.01.03": ("CUSTO DOS BENS E SERVIÇOS", "D"),
    "3.01.01.03.01": ("CUSTO DOS BENS E SERVIÇOS VENDIDOS DAS ATIVIDADES EM GERAL", "D"),
    "3.01.01.05": ("OUTRAS RECEITAS OPERACIONAIS", "C"),
    "3.01.01.05.01": ("OUTRAS RECEITAS OPERACIONAIS DAS ATIVIDADES EM GERAL", "C"),
    "3.01.01.07": ("DESPESAS OPERACIONAIS", "D"),
    "3.01.01.07.01": ("DESPESAS OPERACIONAIS DAS ATIVIDADES EM GERAL", "D"),
    "3.11": ("RESULTADO LÍQUIDO DO PERÍODO ANTES DO IRPJ E DA CSLL - ATIVIDADE RURAL", "C"),
    "3.11.01": ("RESULTADO OPERACIONAL DA ATIVIDADE RURAL", "C"),
}

_U150A = _Subtree(
    gross_root="4.01.01",
    gross=(
        ("4.01.01.02.05", "Doações Não Governamentais de Pessoas Físicas"),
        ("4.01.01.03.04", "Contribuições Não Governamentais de Pessoas Jurídicas"),
        ("4.01.01.03.05", "Contribuições Não Governamentais de Pessoas Físicas"),
        ("4.01.01.07.01.03", "Da Atividade de Assistência Social"),
        ("4.01.01.07.03.01.01", "Receita de mensalidades (alunos pagantes)"),
        ("4.01.01.07.03.01.03", "Receita de mensalidades revertidas como bolsas de estudo"),
        ("4.01.01.07.03.04.01", "Pacientes Particulares"),
        ("4.01.01.07.03.04.03", "Convênios - Outros"),
    ),
    deductions=(
        ("4.01.02.01.01", "(-) Vendas Canceladas e Devoluções de Vendas", "cancellations"),
        ("4.01.02.01.02", "(-) Descontos Incondicionais e Abatimentos", "discounts"),
        ("4.01.02.01.03", "(-) ICMS", _TAX),
        ("4.01.02.01.04", "(-) Cofins Sobre Receita Bruta", _TAX),
        ("4.01.02.01.05", "(-) PIS/Pasep Sobre Receita Bruta", _TAX),
        ("4.01.02.01.06", "(-) ISS", _TAX),
        ("4.01.02.01.09", "(-) Demais Impostos e Contribuições Incidentes sobre Vendas", _TAX),
        (
            "4.01.02.01.11.01.03",
            "(-) Bolsas de estudo concedidas - educação básica",
            "other_deductions",
        ),
    ),
    synthetics={
        "4.01.01": ("RECEITA DAS ATIVIDADES", "C"),
        "4.01.01.02": ("RECEITA DE DOAÇÕES", "C"),
        "4.01.01.03": ("RECEITA DE CONTRIBUIÇÕES", "C"),
        "4.01.01.07": ("RECEITA DA VENDA DE PRODUTOS/MERCADORIAS/SERVIÇOS", "C"),
        "4.01.01.07.01": ("VENDA DE PRODUTOS", "C"),
        "4.01.01.07.03": ("VENDA DE SERVIÇOS", "C"),
        "4.01.01.07.03.01": ("RECEITA DE PRESTAÇÃO DE SERVIÇOS EDUCACIONAIS", "C"),
        "4.01.01.07.03.04": ("RECEITA DE PRESTAÇÃO DE SERVIÇOS DE SAÚDE", "C"),
        "4.01.02": ("DEDUÇÕES DAS RECEITAS", "D"),
        "4.01.02.01": ("DEDUÇÕES DAS RECEITAS DAS ATIVIDADES", "D"),
        "4.01.02.01.11": ("(-)DEDUÇÕES - ENTIDADE DE EDUCAÇÃO (Art. 10 do ProUni)", "D"),
        "4.01.02.01.11.01": ("(-) BOLSAS DE ESTUDO CONCEDIDAS - EDUCAÇÃO BÁSICA", "D"),
    },
    net_root=None,
)
_OUTSIDE_U_LEAVES = (
    ("4.01.03.01.03", "Custo dos Serviços Prestados", "D"),
    ("4.01.05.01.01", "Receitas de Aplicações Financeiras", "C"),
    ("4.01.09.01.01", "Receita de Aluguéis", "C"),
)
_OUTSIDE_U_SYNTHETICS = {
    "4": ("SUPERÁVIT/DÉFICIT LÍQUIDO DO EXERCÍCIO", "C"),
    "4.01": ("RECEITAS", "C"),
    "4.01.03": ("CUSTO DOS BENS E SERVIÇOS VENDIDOS", "D"),
    "4.01.03.01": ("CUSTO DA VENDA DOS PRODUTOS/MERCADORIAS/SERVIÇOS", "D"),
    "4.01.05": ("RECEITAS FINANCEIRAS", "C"),
    "4.01.05.01": ("RECEITAS FINANCEIRAS", "C"),
    "4.01.09": ("OUTRAS RECEITAS", "C"),
    "4.01.09.01": ("OUTRAS RECEITAS", "C"),
}
