"""Every word a person reads beside the figures, in Portuguese (pt-BR), the default.

One table per language, keyed ``section.word``; :mod:`ecfmetric.model._labels` draws each
renderer's words from it. A new language is one more module like this one, with the same keys
(tests/test_words.py checks that the languages have the same keys).
"""

from __future__ import annotations

from typing import Final

WORDS: Final[dict[str, str]] = {
    # The portal's labels of the five components and the net (form "Comprovação de Métricas"), in the portal's order.
    "label.gross_revenue": "TOTAL RECEITA BRUTA",
    "label.cancellations": "(-) Cancelamento de Serviços e Vendas",
    "label.taxes": "(-) Impostos Sobre Serviços e Vendas",
    "label.discounts": "(-) Descontos Incondicionais",
    "label.other_deductions": "(-) Outras Deduções",
    "label.net_revenue": "RECEITA LÍQUIDA DE SERVIÇOS E VENDAS",
    # What a line read fed, in a few words (none: read only to cross-check).
    "component.gross_revenue": "receita bruta",
    "component.cancellations": "cancelamentos",
    "component.taxes": "impostos",
    "component.discounts": "descontos",
    "component.other_deductions": "outras deduções",
    "component.net_revenue": "receita líquida",
    "component.none": "só conferência",
    # The other fields of the form, as the portal names them.
    "field.cnpj": "CNPJ",
    "field.company_name": "Razão social",
    "field.reference_year": "Ano de referência",
    # The columns of --excel, --lines and --xlsx, as a person reads them (--csv keeps the keys).
    "column.file": "Arquivo",
    "column.status": "Situação",
    "column.cnpj": "CNPJ",
    "column.company_name": "Nome empresarial",
    "column.reference_year": "Ano",
    "column.period_start": "Início",
    "column.period_end": "Fim",
    "column.regime": "Regime (código)",
    "column.warnings": "Avisos",
    "column.error_code": "Código do erro",
    "column.error": "Erro",
    "column.regime_label": "Regime",
    "column.period": "Período",
    "column.line_number": "Linha",
    "column.record": "Registro",
    "column.code": "Código",
    "column.description": "Descrição",
    "column.amount": "Valor",
    "column.component": "Componente (código)",
    "column.component_label": "Componente",
    "column.severity": "Gravidade",
    "column.message": "Mensagem",
    # A file's status in --excel.
    "file_status.ok": "lido",
    "file_status.refused": "recusado",
    # The regimes (Lucro Real… are proper names, kept in English).
    "regime.lucro_real": "Lucro Real",
    "regime.lucro_real_arbitrado": "Lucro Real/Arbitrado",
    "regime.lucro_presumido_real": "Lucro Presumido/Real",
    "regime.lucro_presumido_real_arbitrado": "Lucro Presumido/Real/Arbitrado",
    "regime.lucro_presumido": "Lucro Presumido",
    "regime.lucro_arbitrado": "Lucro Arbitrado",
    "regime.lucro_presumido_arbitrado": "Lucro Presumido/Arbitrado",
    "regime.imune": "Imune do IRPJ",
    "regime.isenta": "Isenta do IRPJ",
    # The portal's status words for a company of a proof.
    "status.pending": "Pendente",
    "status.saved": "Salvo",
    "status.concluded": "Concluído",
    # A finding's severity.
    "severity.error": "erro",
    "severity.warning": "aviso",
    # Where a metric came from.
    "source.ecf": "arquivo ECF",
    "source.form": "formulário",
    "source.none": "",
    # The signature in one sentence.
    "signature.signed": "Assinado por {who}. Hashcode {hashcode}. {state}; cadeia de certificados não verificada.",
    "signature.verified": "Assinaturas conferem com o conteúdo",
    "signature.not_verified": "Assinatura NÃO confere: {reason}",
    # An amount not stated (after a feminine noun: none_feminine).
    "money.none": "não informado",
    "money.none_feminine": "não informada",
    # The command line's text (present/_text.py).
    "text.no_name": "(sem nome)",
    "text.no_cnpj": "(não informado)",
    "text.scp": "SCP do sócio ostensivo CNPJ {cnpj}",
    "text.form": "formulário",
    "text.year": "ano-calendário {year}",
    "text.span": "{start} a {end}",
    "text.layout": "leiaute {layout}",
    "text.rectifying": "retificadora (substitui o recibo {receipt})",
    "text.periods": "Períodos:",
    "text.period": "  {period} {start} a {end}, bloco {block} ({record}): receita bruta {gross}, receita líquida {net}",
    "text.lines": "Linhas lidas:",
    "text.typed": "Valores digitados no formulário:",
    "text.line": "linha {number}",
    "text.warnings": "Avisos:",
    "text.file": "arquivo",
    "text.ok": "OK, nenhum erro",
    "text.errors": "{count} erro(s)",
    "text.verdict": "{source}: {verdict}, {warnings} aviso(s), {lines} linhas",
    "text.warning_count": "{count} aviso(s)",
    "text.gross": "receita bruta {amount}",
    "text.net": "receita líquida {amount}",
    "text.refused": "recusado",
    # The notebook's HTML of a metric and a report (present/_html.py).
    "html.no_name": "(sem nome)",
    "html.year": "ano",
    "html.layout": "leiaute",
    "html.rectifying": "retificadora",
    "html.component": "Componente",
    "html.amount": "Valor (R$)",
    "html.periods": "Período,Bloco,Registro,De,Até,Receita bruta,Receita líquida",
    "html.lines": "Linha,Registro,Período,Código,Descrição,Valor,Componente",
    "html.typed": "Valores digitados no formulário",
    "html.field": "Campo do formulário",
    "html.findings": "Gravidade,Código,Linha,Registro,Mensagem",
    "html.warnings": "Avisos",
    "html.all_findings": "Achados",
    "html.no_error": "nenhum erro",
    "html.errors": "{n} erro(s)",
    "html.report": "{source}: {verdict}, {warnings} aviso(s), {lines} linhas",
    # The notebook's HTML of a proof.
    "proof.headers": "Razão Social|CNPJ|Ano Referência|{money}|Origem|Situação|Contestado|Avisos|Observações|Assinatura",
    "proof.caption": "Comprovação de Métricas, {year}: {count} empresa(s), {state}",
    "proof.pending": "{n} pendente(s)",
    "proof.concluded": "concluída",
    "proof.file": "arquivo",
    "proof.contested": "contestado: o arquivo informa {value}; {reason}",
    "proof.total": "Total",
    # The command line's signature of a file (--check, --signature); covers_*: what a signer's
    # signature was checked over.
    "check_signature.unreadable": "Assinatura: ilegível: {error}",
    "check_signature.none": "Assinatura: nenhuma (não há bloco SBRCAAEPDR após o 9999)",
    "check_signature.signed": "Assinatura: {summary}",
    "check_signature.signer": "  {index}. {label} [{kind}{until}, {digest}, sobre {covers}]: {state}",
    "check_signature.until": ", válido até {date}",
    "check_signature.certificate": "certificado",
    "check_signature.verified": "verificada",
    "check_signature.not_verified": "NÃO verificada: {reason}",
    "check_signature.covers_content": "o conteúdo",
    "check_signature.covers_signature": "uma assinatura",
    "check_signature.covers_signed_data": "os dados assinados",
    # The command line's usage line and usage errors (argparse's own words).
    "parser.usage": "uso: ",
    "parser.error": "erro",
    # --xlsx: the sheets and the total row.
    "xlsx.files_sheet": "Arquivos",
    "xlsx.lines_sheet": "Linhas",
    "xlsx.total": "TOTAL dos arquivos lidos",
    # The command line's progress line.
    "progress.files": "arquivos",
    "progress.of": "de",
    # The command line's own failures.
    "cli.output": "ecfmetric: não foi possível gravar a saída ({error}): confira o destino (disco cheio, arquivo ou terminal fechado)",
    "cli.no_stdout": "ecfmetric: a saída padrão está fechada: não há onde escrever o resultado",
    "cli.internal": "ecfmetric: erro interno (um defeito do ecfmetric): por favor, informe-o aos desenvolvedores com o comando e, se puder, o arquivo. Detalhes:",
}
