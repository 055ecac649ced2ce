"""The Portuguese (pt-BR) catalogue: every English template → its Portuguese template.

Keyed by the English text, as gettext keys by ``msgid``; each entry has the same placeholders
as its key (``tests/test_i18n.py`` holds every template used in the code to an entry here, and
every entry to a template in use). Record and field names, codes and layout terms stay as the
manual writes them; the components are named as the portal's form names them.
"""

from __future__ import annotations

from typing import Final

PORTUGUESE: Final[dict[str, str]] = {
    # -- where: the position in front of a message -----------------------------------------
    "{where}: {reason}": "{where}: {reason}",
    "{first}, {rest}": "{first}, {rest}",
    "{reason} (got {text!r})": "{reason} (lido: {text!r})",
    "{reason} (got {text})": "{reason} (informado: {text})",
    "{count} fields were refused: {fields}": "{count} campos não foram aceitos: {fields}",
    "{first}; {rest}": "{first}; {rest}",
    "{reason} (got {text!r}, with {points})": "{reason} (lido: {text!r}, com {points})",
    "line {number}": "linha {number}",
    "{severity} {code}: {message}": "{severity} {code}: {message}",
    "{severity} {code} ({where}): {message}": "{severity} {code} ({where}): {message}",
    "period {period}": "período {period}",
    "byte offset {offset}": "posição {offset} (em bytes)",
    # -- the file as a whole, its lines and records ----------------------------------------
    "the file ends without the 9999 record: it is truncated or not a whole ECF": (
        "o arquivo termina sem o registro 9999: está truncado ou não é uma ECF completa"
    ),
    "the file ends without the 9999 record": "o arquivo termina sem o registro 9999",
    "not an ECF file: it is empty": "não é um arquivo ECF: está vazio",
    "not an ECF file: the first line must be the 0000 record, |0000|LECF|…": (
        "não é um arquivo ECF: a primeira linha deve ser o registro 0000, |0000|LECF|…"
    ),
    "line longer than {limit} bytes (MAX_LINE_LENGTH)": (
        "linha com mais de {limit} bytes (MAX_LINE_LENGTH)"
    ),
    "more than {limit} fields (MAX_FIELDS)": "mais de {limit} campos (MAX_FIELDS)",
    "empty line: every line must be a record |REG|...|": (
        "linha vazia: toda linha deve ser um registro |REG|...|"
    ),
    "not a record: a line must start with '|', a register (a digit or capital letter and three "
    "digits) and '|', and end with '|'": (
        "não é um registro: a linha deve começar com '|', o código do registro (um dígito ou "
        "letra maiúscula e três dígitos) e '|', e terminar com '|'"
    ),
    "{reason} (in block {block}, whose records feed the metric)": (
        "{reason} (no bloco {block}, cujos registros entram no cálculo da receita)"
    ),
    "{reason} (it looks like a record of a block that feeds the metric)": (
        "{reason} (parece um registro de um bloco que entra no cálculo da receita)"
    ),
    "missing field {name} (field {index})": "falta o campo {name} (campo {index})",
    "{record} is a record of block {block}, but no block is open": (
        "{record} é um registro do bloco {block}, mas nenhum bloco está aberto"
    ),
    "{record} is a record of block {block}, but block {open} is open": (
        "{record} é um registro do bloco {block}, mas o bloco aberto é o {open}"
    ),
    "{count} more finding(s) of the same kinds are not listed (at most {limit} are)": (
        "mais {count} ocorrência(s) do mesmo tipo não listada(s) (no máximo {limit} são listadas)"
    ),
    "text on {count} line(s) did not decode as {encoding}; read as cp1252 (first at line "
    "{first})": (
        "o texto de {count} linha(s) não pôde ser lido como {encoding}; lido como cp1252 "
        "(a primeira na linha {first})"
    ),
    # -- 0000 and 0010 ---------------------------------------------------------------------
    "0000 has {count} fields; at least {minimum} expected": (
        "o 0000 tem {count} campos; o mínimo é {minimum}"
    ),
    "layout {version} is newer than the newest known ({newest}); read with the {newest} field "
    "map": (
        "o leiaute {version} é mais novo que o mais recente conhecido ({newest}); lido com os "
        "campos do leiaute {newest}"
    ),
    "unknown layout version: COD_VER must be 0001 (2014) to 0012 (2025), or a newer "
    "four-digit version": (
        "versão de leiaute desconhecida: o COD_VER deve ser de 0001 (2014) a 0012 (2025), ou uma "
        "versão mais nova de quatro dígitos"
    ),
    "layout {version} is for calendar year {year}, but the file ends in {end}": (
        "o leiaute {version} é do ano-calendário {year}, mas o arquivo termina em {end}"
    ),
    "DT_INI and DT_FIN must be in the same calendar year (2000 to 2100), DT_INI first": (
        "DT_INI e DT_FIN devem estar no mesmo ano-calendário (de 2000 a 2100), com DT_INI antes"
    ),
    "CNPJ is empty": "o CNPJ está vazio",
    "an SCP's file (TIP_ECF = 2) must give the SCP's CNPJ in COD_SCP": (
        "o arquivo de uma SCP (TIP_ECF = 2) deve informar o CNPJ da SCP no COD_SCP"
    ),
    "0000.{field} {value!r} has invalid check digits": (
        "0000.{field} {value!r} tem dígitos verificadores inválidos"
    ),
    "a second 0010 record (the first is at line {first}): a file declares its parameters once": (
        "um segundo registro 0010 (o primeiro está na linha {first}): o arquivo declara seus "
        "parâmetros uma única vez"
    ),
    "{reason} (the 0010 field map follows COD_VER: is the layout version right?)": (
        "{reason} (os campos do 0010 seguem o COD_VER: a versão do leiaute está correta?)"
    ),
    "{field} must be one of: {meaning}": "{field} deve ser um destes: {meaning}",
    "0 no SCP, 1 partner of SCPs, 2 the file of an SCP": (
        "0 sem SCP, 1 sócia ostensiva de SCPs, 2 arquivo de uma SCP"
    ),
    "N original, S rectifying, F original with a change of regime (it replaces an earlier file)": (
        "N original, S retificadora, F original com mudança de forma de tributação (substitui "
        "um arquivo anterior)"
    ),
    "1 real, 2 real/arbitrado, 3 presumido/real, 4 presumido/real/arbitrado, 5 presumido, "
    "6 arbitrado, 7 presumido/arbitrado, 8 imune, 9 isenta": (
        "1 real, 2 real/arbitrado, 3 presumido/real, 4 presumido/real/arbitrado, 5 presumido, "
        "6 arbitrado, 7 presumido/arbitrado, 8 imune, 9 isenta"
    ),
    "A annual, T quarterly": "A anual, T trimestral",
    "A annual, T quarterly, D not required": "A anual, T trimestral, D desobrigada",
    "01 companies in general, 02 financial institutions, 03 insurers": (
        "01 PJ em geral, 02 instituições financeiras, 03 seguradoras"
    ),
    "C books kept, L cash book": "C escrituração contábil, L livro caixa",
    "01 to 15 or 99 (the kind of imune or isenta entity)": (
        "01 a 15 ou 99 (o tipo de entidade imune ou isenta)"
    ),
    "FORMA_TRIB_PER must be four letters among R, E, P, A and 0, one per quarter": (
        "FORMA_TRIB_PER deve ter quatro letras entre R, E, P, A e 0, uma por trimestre"
    ),
    "FORMA_TRIB {forma_trib} has Lucro Real periods: FORMA_APUR must say A (annual) or T "
    "(quarterly)": (
        "a FORMA_TRIB {forma_trib} tem períodos de Lucro Real: a FORMA_APUR deve ser A (anual) "
        "ou T (trimestral)"
    ),
    "TIP_ENT is required for imunes and isentas (FORMA_TRIB 8, 9)": (
        "o TIP_ENT é obrigatório para imunes e isentas (FORMA_TRIB 8, 9)"
    ),
    "FORMA_TRIB {forma_trib} is a mixed regime: FORMA_TRIB_PER must say which regime each "
    "quarter follows": (
        "a FORMA_TRIB {forma_trib} combina formas de tributação: a FORMA_TRIB_PER deve dizer a "
        "forma de cada trimestre"
    ),
    "FORMA_TRIB_PER marks quarter {quarter} ({first} to {last}) '0', outside the period, but it "
    "lies inside the file's span ({start} to {end})": (
        "a FORMA_TRIB_PER marca o trimestre {quarter} ({first} a {last}) com '0', fora do "
        "período, mas ele está dentro do período do arquivo ({start} a {end})"
    ),
    "FORMA_TRIB_PER assigns quarter {quarter} to {letter!r}, which is not the regime of "
    "FORMA_TRIB {forma_trib}": (
        "a FORMA_TRIB_PER atribui ao trimestre {quarter} a letra {letter!r}, que não é da "
        "FORMA_TRIB {forma_trib}"
    ),
    "FORMA_TRIB {forma_trib} has no periods in block {block}": (
        "a FORMA_TRIB {forma_trib} não tem períodos no bloco {block}"
    ),
    "neither 0010.APUR_CSLL nor 0010.FORMA_APUR_I says A (annual) or T (quarterly), so the "
    "periods of block U cannot be read": (
        "nem 0010.APUR_CSLL nem 0010.FORMA_APUR_I informa A (anual) ou T (trimestral); os "
        "períodos do bloco U não podem ser lidos"
    ),
    # -- periods ---------------------------------------------------------------------------
    "PER_APUR must be A00 to A12 or T01 to T04": "PER_APUR deve ser de A00 a A12 ou de T01 a T04",
    "period {period}: {reason}": "período {period}: {reason}",
    "A00 to A12": "de A00 a A12",
    "T01 to T04": "de T01 a T04",
    "A00 or T01 to T04": "A00 ou de T01 a T04",
    "{field} = {value!r} gives block {block} the periods {kinds}; {period} is not one of them": (
        "{field} = {value!r} dá ao bloco {block} os períodos {kinds}; {period} não é um deles"
    ),
    "period {period} ({start} to {end}) is not inside the file's span ({file_start} to "
    "{file_end})": (
        "o período {period} ({start} a {end}) não está dentro do período do arquivo "
        "({file_start} a {file_end})"
    ),
    "period {period} ({start} to {end}) is not inside quarter {quarter} ({first} to {last})": (
        "o período {period} ({start} a {end}) não está dentro do {quarter}º trimestre "
        "({first} a {last})"
    ),
    "period {period} is given twice (first at line {first})": (
        "o período {period} aparece duas vezes (a primeira na linha {first})"
    ),
    "{record} outside a {block}030 period": "{record} fora de um período {block}030",
    # -- revenue lines ---------------------------------------------------------------------
    "CODIGO longer than {limit} characters (the layout's C 50)": (
        "CODIGO com mais de {limit} caracteres (o leiaute define C 50)"
    ),
    "CODIGO must be digits in dot-separated groups (as 3.01.01.01.01 or 16), with no blank, "
    "padding or other character": (
        "o CODIGO deve ser formado por dígitos em grupos separados por ponto (como "
        "3.01.01.01.01 ou 16), sem espaços, preenchimento ou outros caracteres"
    ),
    "IND_VALOR must be C (credit, +) or D (debit, −)": (
        "o IND_VALOR deve ser C (credor, +) ou D (devedor, −)"
    ),
    "code {code} is given twice in period {period} (first at line {first})": (
        "o código {code} aparece duas vezes no período {period} (a primeira na linha {first})"
    ),
    "more revenue lines than a file may hold ({per_period} per period, {per_file} in all): the "
    "referential plans have far fewer codes": (
        "mais linhas de receita do que um arquivo pode ter ({per_period} por período, "
        "{per_file} no total): os planos referenciais têm muito menos códigos"
    ),
    "Y540.CNPJ_ESTAB {cnpj!r} is not a valid CNPJ of this company (root {root})": (
        "Y540.CNPJ_ESTAB {cnpj!r} não é um CNPJ válido desta empresa (raiz {root})"
    ),
    # -- typed fields ----------------------------------------------------------------------
    "expected an amount with a decimal comma and at most two decimals, no sign and no "
    "thousands separator (such as 12000000,00)": (
        "esperado um valor com vírgula decimal e no máximo duas casas decimais, sem sinal e "
        "sem separador de milhar (como 12000000,00)"
    ),
    "expected a signed amount with a decimal comma and at most two decimals (such as -1500,00)": (
        "esperado um valor com sinal opcional, vírgula decimal e no máximo duas casas "
        "decimais (como -1500,00)"
    ),
    "expected a date as ddmmaaaa (such as 31122025)": (
        "esperada uma data no formato ddmmaaaa (como 31122025)"
    ),
    # -- the structure and its counters ----------------------------------------------------
    "0001 must be the second line, right after 0000": (
        "o 0001 deve ser a segunda linha, logo após o 0000"
    ),
    "block {block} opens while block {open} is not closed by {open}990": (
        "o bloco {block} é aberto sem que o bloco {open} tenha sido encerrado pelo {open}990"
    ),
    "{record} closes block {block}, which is not open": (
        "o {record} encerra o bloco {block}, que não está aberto"
    ),
    "{record} declares {declared!r} lines in block {block}, but the block has {counted}": (
        "o {record} declara {declared!r} linhas no bloco {block}, mas o bloco tem {counted}"
    ),
    "9900 needs REG_BLC and QTD_REG_BLC": "o 9900 precisa de REG_BLC e QTD_REG_BLC",
    "9900.REG_BLC must be a 4-character register": (
        "9900.REG_BLC deve ser um código de registro de 4 caracteres"
    ),
    "9900 count for {record} is not a whole number": (
        "a quantidade do 9900 para {record} não é um número inteiro"
    ),
    "9900 lists {record} twice": "o 9900 lista {record} duas vezes",
    "more than {limit} registers listed in 9900": "mais de {limit} registros listados no 9900",
    "9990 declares {declared!r} lines in block 9, but the block has {counted}": (
        "o 9990 declara {declared!r} linhas no bloco 9, mas o bloco tem {counted}"
    ),
    "9999 declares {declared!r} lines, but the file has {counted} lines up to 9999": (
        "o 9999 declara {declared!r} linhas, mas o arquivo tem {counted} linhas até o 9999"
    ),
    "the file has no block 9 (9001 … 9990) before 9999": (
        "o arquivo não tem o bloco 9 (9001 … 9990) antes do 9999"
    ),
    "block {block} is not closed by {block}990": "o bloco {block} não é encerrado pelo {block}990",
    "9900 has no line for {record}, which appears {counted} time(s)": (
        "o 9900 não tem linha para {record}, que aparece {counted} vez(es)"
    ),
    "9900 declares {declared} {record} record(s), but the file has {counted}": (
        "o 9900 declara {declared} registro(s) {record}, mas o arquivo tem {counted}"
    ),
    "9900 declares {declared} {record} record(s), but there is none": (
        "o 9900 declara {declared} registro(s) {record}, mas não há nenhum"
    ),
    # -- the metric ------------------------------------------------------------------------
    "the file has no 0010 record, so its tax regime is unknown": (
        "o arquivo não tem o registro 0010, então a forma de tributação é desconhecida"
    ),
    "no quarter of the year lies inside the file's span": (
        "nenhum trimestre do ano está dentro do período do arquivo"
    ),
    "the deductions ({deductions}) are larger than the gross revenue ({gross}): net revenue is "
    "{net}. The figure stands as the file states it; check the file before it is used": (
        "as deduções ({deductions}) são maiores que a receita bruta ({gross}): a receita "
        "líquida é {net}. O valor é mantido como o arquivo o declara; confira o arquivo antes "
        "de usá-lo"
    ),
    "the file covers {start} to {end}, not the whole calendar year: the metric covers that "
    "span only": (
        "o arquivo abrange de {start} a {end}, não o ano-calendário inteiro: a receita apurada "
        "cobre só esse período"
    ),
    "the file is of {entity}, whose plan has no sales-revenue concept: there is no honest "
    "revenue metric to read; fill the form instead": (
        "o arquivo é de {entity}, cujo plano de contas não tem o conceito de receita de "
        "vendas: não há receita que se possa ler com segurança; preencha o formulário"
    ),
    "a closed pension fund (U150D)": "uma entidade fechada de previdência complementar (U150D)",
    "a political party (U150E)": "um partido político (U150E)",
    "period {period} of block {block} covers quarter {quarter}, which 0010.FORMA_TRIB_PER does "
    "not assign to this block": (
        "o período {period} do bloco {block} abrange o {quarter}º trimestre, que a "
        "0010.FORMA_TRIB_PER não atribui a este bloco"
    ),
    "the file has no {record} period {period}": "o arquivo não tem o período {record} {period}",
    "period {period} (line {line}) holds {found} but no {records} line": (
        "o período {period} (linha {line}) tem {found}, mas nenhuma linha {records}"
    ),
    "period {period} (line {line}) holds no record but no {records} line": (
        "o período {period} (linha {line}) não tem registros nem linha {records}"
    ),
    "the regime puts quarter(s) {quarters} in block {block}, but {what}: a quarter without its "
    "revenue records leaves the year unknown; fill the form instead": (
        "a forma de tributação põe o(s) trimestre(s) {quarters} no bloco {block}, mas {what}: "
        "sem os registros de receita de um trimestre o ano fica desconhecido; preencha o "
        "formulário"
    ),
    "{field} = 'A' (annual): block {block} must have a {block}030 A00 period, which is the "
    "year, and this file has none": (
        "{field} = 'A' (anual): o bloco {block} deve ter um período {block}030 A00, que é o "
        "ano, e este arquivo não tem"
    ),
    "the annual period A00 has no {record} line: the year is unknown; fill the form instead": (
        "o período anual A00 não tem linha {record}: o ano é desconhecido; preencha o formulário"
    ),
    "0010.COD_QUALIF_PJ is empty: the DRE was read with the general plan (L300A/P150A, PJ em "
    "geral); a financial institution or insurer must fill it": (
        "0010.COD_QUALIF_PJ está vazio: a DRE foi lida com o plano geral (L300A/P150A, PJ em "
        "geral); instituições financeiras e seguradoras devem preenchê-lo"
    ),
    "COD_QUALIF_PJ must be one of {allowed} for block {block} (there is no insurer plan for "
    "Lucro Presumido)": (
        "o COD_QUALIF_PJ deve ser um destes no bloco {block}: {allowed} (não há plano de "
        "seguradoras no Lucro Presumido)"
    ),
    "period {period} has no line of the revenue subtree: gross revenue 0": (
        "o período {period} não tem linhas de receita: receita bruta 0"
    ),
    "code {code} lies under {parent} but is neither revenue nor a deduction in plan {plan}: it "
    "cannot be classified, so the figure would be a guess": (
        "o código {code} está sob {parent}, mas não é receita nem dedução no plano {plan}: não "
        "pode ser classificado, e o valor seria um palpite"
    ),
    "a revenue subtree": "uma conta de receita",
    "period {period} states RECEITA LIQUIDA ({codes}) but none of the lines below it: gross "
    "revenue and its deductions are unknown. Fill the form to give them": (
        "o período {period} informa a RECEITA LÍQUIDA ({codes}), mas nenhuma das linhas abaixo "
        "dela: a receita bruta e as deduções são desconhecidas. Preencha o formulário para "
        "informá-las"
    ),
    "period {period} gives the deductions subtotal ({subtotals}) without the lines below it, so "
    "how it splits into cancellations, discounts, taxes and other deductions is unknown; the "
    "file's RECEITA LIQUIDA is {net}. Fill the form to give them": (
        "o período {period} informa o subtotal das deduções ({subtotals}) sem as linhas abaixo "
        "dele: não se sabe quanto é cancelamento, desconto, imposto ou outra dedução; a "
        "RECEITA LÍQUIDA do arquivo é {net}. Preencha o formulário para informá-las"
    ),
    "period {period} gives the deductions subtotal ({subtotals}) without the lines below it, so "
    "how it splits into cancellations, discounts, taxes and other deductions is unknown. Fill "
    "the form to give them": (
        "o período {period} informa o subtotal das deduções ({subtotals}) sem as linhas abaixo "
        "dele: não se sabe quanto é cancelamento, desconto, imposto ou outra dedução. Preencha "
        "o formulário para informá-las"
    ),
    "period {period} has revenue lines but no {code} RECEITA LIQUIDA line to check the net "
    "against": (
        "o período {period} tem linhas de receita, mas não a linha {code} RECEITA LÍQUIDA para "
        "conferir a receita líquida"
    ),
    "period {period}: the file's RECEITA LIQUIDA is {stated}, but its lines give {computed} "
    "(gross − deductions); the computed figure is used": (
        "período {period}: a RECEITA LÍQUIDA do arquivo é {stated}, mas as suas linhas dão "
        "{computed} (bruta − deduções); é usado o valor calculado"
    ),
    "period {period} has no line of {code}: gross revenue 0": (
        "o período {period} não tem linha da conta {code}: receita bruta 0"
    ),
    "period {period} has no {code} line: gross revenue 0": (
        "o período {period} não tem a linha {code}: receita bruta 0"
    ),
    # -- the RFB's tables in force (issue 22) -------------------------------------------------
    "code {code} is not in the RFB's table {plan} in force for period {period} ({start} to "
    "{end}): {note}; {where}. Update ecfmetric, or fill the form with the figures": (
        "o código {code} não está na tabela {plan} da RFB em vigor no período {period} ({start} "
        "a {end}): {note}; {where}. Atualize o ecfmetric ou preencha o formulário com os valores"
    ),
    "the table holds it only from {start} to {end}": ("a tabela só o tem de {start} a {end}"),
    "its first day": "o seu primeiro dia",
    "the table holds no such code": "a tabela não tem esse código",
    "the newest RFB table this version of ecfmetric holds is for {year}, and in a later year "
    "only its rows with no end date are known; the RFB may have published a newer table": (
        "a tabela mais nova da RFB que esta versão do ecfmetric conhece é a de {year}, e num ano "
        "posterior só as suas linhas sem data de fim são conhecidas; a RFB pode ter publicado "
        "uma tabela mais nova"
    ),
    "table {plan} for {year} ({first} to {last}; from {sources})": (
        "tabela {plan} de {year} ({first} a {last}; de {sources})"
    ),
    "the codes of {record} in {year} were not checked: ecfmetric holds no RFB table {plan} "
    "for that year, so they are read as the plan's rows say": (
        "os códigos do {record} em {year} não foram conferidos: o ecfmetric não tem a tabela "
        "{plan} da RFB desse ano, e eles são lidos como dizem as linhas do plano"
    ),
    "code {code} is given as type {kind!r}, but the RFB's table {plan} in force gives it type "
    "{types}; the file's own lines decide the sums (a line with no lines below it in the file "
    "is a leaf)": (
        "o código {code} está com o tipo {kind!r}, mas a tabela {plan} da RFB em vigor lhe dá o "
        "tipo {types}; as próprias linhas do arquivo decidem as somas (uma linha sem linhas "
        "abaixo dela no arquivo é uma folha)"
    ),
    "period {period}: the RFB's own revenue for insurers (PRÊMIOS GANHOS + OUTROS GANHOS, which "
    "nets claims and commissions) is {amount}; shown for comparison, not used": (
        "período {period}: a receita das seguradoras pela regra da RFB (PRÊMIOS GANHOS + "
        "OUTROS GANHOS, líquida de sinistros e comissões) é {amount}; mostrada para "
        "comparação, não usada"
    ),
    "{record} code {code} is receita bruta in the RFB's table, but is described as "
    "{description!r}; added by its code": (
        "o código {code} do {record} é receita bruta na tabela da RFB, mas está descrito como "
        "{description!r}; somado pelo código"
    ),
    "{record} code {code} is described as {description!r}, but only codes {codes} are receita "
    "bruta in the RFB's table; not added": (
        "o código {code} do {record} está descrito como {description!r}, mas na tabela da RFB "
        "só os códigos {codes} são receita bruta; não somado"
    ),
    "this plan has no receita bruta subtree; the metric is a {proxy}": (
        "este plano de contas não tem conta de receita bruta; a receita apurada é uma "
        "aproximação: {proxy}"
    ),
    "financial-institution proxy (COSIF plan): gross revenue = 3.1.7.1.0.00.00 RECEITAS "
    "OPERACIONAIS; taxes = ISS 3.1.8.1.9.25.00 + COFINS 3.1.8.1.9.30.00 + PIS 3.1.8.1.9.33.00; "
    "no cancellations or discounts in this plan": (
        "instituição financeira (plano COSIF): receita bruta = 3.1.7.1.0.00.00 RECEITAS "
        "OPERACIONAIS; impostos = ISS 3.1.8.1.9.25.00 + COFINS 3.1.8.1.9.30.00 + PIS "
        "3.1.8.1.9.33.00; este plano não tem cancelamentos nem descontos"
    ),
    "financial-institution proxy (COSIF plan from 2025): gross revenue = 710000000 RECEITAS "
    "OPERACIONAIS; taxes = ISS 819250000 + COFINS 819300000 + PIS 819330000; no cancellations "
    "or discounts in this plan": (
        "instituição financeira (plano COSIF a partir de 2025): receita bruta = 710000000 "
        "RECEITAS OPERACIONAIS; impostos = ISS 819250000 + COFINS 819300000 + PIS 819330000; "
        "este plano não tem cancelamentos nem descontos"
    ),
    "insurer proxy: gross revenue = the positive lines of 3.01.01.01.01.01 PRÊMIOS GANHOS; "
    "cancellations = 3.01.01.01.01.01.02 (-) Ajustes de Emissão; taxes = PIS "
    "3.01.01.01.01.04.09 + COFINS 3.01.01.01.01.04.10; no discounts in this plan": (
        "seguradora: receita bruta = as linhas positivas de 3.01.01.01.01.01 PRÊMIOS GANHOS; "
        "cancelamentos = 3.01.01.01.01.01.02 (-) Ajustes de Emissão; impostos = PIS "
        "3.01.01.01.01.04.09 + COFINS 3.01.01.01.01.04.10; este plano não tem descontos"
    ),
    "{code} ({component}) is {indicator}; {expected} was expected. Its sign is kept": (
        "{code} ({component}) está como {indicator}; era esperado {expected}. O sinal é mantido"
    ),
    "period {period}: {code} is {amount}, but its lines below add up to {total}": (
        "período {period}: {code} é {amount}, mas as linhas abaixo somam {total}"
    ),
    "the periods read cover {start} to {end}, but the file covers {file_start} to {file_end}": (
        "os períodos lidos abrangem de {start} a {end}, mas o arquivo abrange de {file_start} "
        "a {file_end}"
    ),
    "period {period} of block {block} starts on {start}, but {previous} of block "
    "{previous_block} ends on {end}: the periods read leave a gap or overlap": (
        "o período {period} do bloco {block} começa em {start}, mas o {previous} do bloco "
        "{previous_block} termina em {end}: os períodos lidos deixam um intervalo ou se "
        "sobrepõem"
    ),
    "gross revenue of A12 (balancete up to December, {a12}) differs from A00 ({a00}); A00 is "
    "used": (
        "a receita bruta do A12 (balancete até dezembro, {a12}) difere da do A00 ({a00}); é "
        "usado o A00"
    ),
    "the file states revenue only in {records}, which is already net of returns, cancellations "
    "and unconditional discounts and does not state the taxes on sales: {unknown} and net "
    "revenue are unknown. Fill the form to give them": (
        "o arquivo informa a receita só no {records}, que já é líquida de devoluções, "
        "cancelamentos e descontos incondicionais e não informa os impostos sobre vendas: "
        "{unknown} e a receita líquida são desconhecidos. Preencha o formulário para informá-los"
    ),
    "the year": "o ano",
    "{label}: P200 revenue (codes 2, 4, 6, 8, 9 + P300 16) is {total}, but P150 gross − "
    "cancellations − discounts is {expected}": (
        "{label}: a receita do P200 (códigos 2, 4, 6, 8, 9 + P300 16) é {total}, mas a receita "
        "bruta do P150 − cancelamentos − descontos é {expected}"
    ),
    "{label}: P200 revenue (codes 2, 4, 6, 8, 9 + P300 16) is {total}, but P150's RECEITAS "
    "OPERACIONAIS (COSIF) is {expected}": (
        "{label}: a receita do P200 (códigos 2, 4, 6, 8, 9 + P300 16) é {total}, mas as RECEITAS "
        "OPERACIONAIS do P150 (COSIF) são {expected}"
    ),
    "Y540 revenue by establishment adds up to {total}, but gross − cancellations − discounts is "
    "{expected}": (
        "a receita por estabelecimento do Y540 soma {total}, mas a receita bruta − "
        "cancelamentos − descontos é {expected}"
    ),
    # -- the form --------------------------------------------------------------------------
    "the deductions add up to {deductions}, more than {gross_label} {gross}": (
        "as deduções somam {deductions}, mais que {gross_label} {gross}"
    ),
    "must be a string": "deve ser um texto",
    "must be a string such as '11.222.333/0001-81'": (
        "deve ser um texto como '11.222.333/0001-81'"
    ),
    "is not a valid CNPJ (14 characters with two check digits)": (
        "não é um CNPJ válido (14 caracteres com dois dígitos verificadores)"
    ),
    "must be an int such as 2025": "deve ser um inteiro como 2025",
    "must be a calendar year between 2000 and 2100": (
        "deve ser um ano-calendário entre 2000 e 2100"
    ),
    "is too large: the largest amount is 99.999.999.999.999.999,99 (17 digits before the cents, "
    "as in the ECF)": (
        "é grande demais: o maior valor é 99.999.999.999.999.999,99 (17 dígitos antes dos "
        "centavos, como na ECF)"
    ),
    "{kind} is not accepted for money: pass a string (such as '12.000.000,00') or a Decimal": (
        "{kind} não é aceito como valor monetário: passe um texto (como '12.000.000,00') ou "
        "um Decimal"
    ),
    "{kind} is not accepted for money: pass a string or a Decimal": (
        "{kind} não é aceito como valor monetário: passe um texto ou um Decimal"
    ),
    "must be a finite amount": "deve ser um valor finito",
    "must not be negative": "não pode ser negativo",
    "has more than two decimals": "tem mais de duas casas decimais",
    "has digits other than 0-9 (such as Arabic-Indic or full-width digits): type the amount with "
    "the digits 0-9, as 12.000.000,00 or 12000000,00": (
        "tem dígitos diferentes de 0-9 (como dígitos arábicos ou de largura total): digite o "
        "valor com os dígitos 0-9, como 12.000.000,00 ou 12000000,00"
    ),
    "has a blank inside the number: write it as 12.000.000,00 or 12000000,00, with no spaces": (
        "tem um espaço no meio do número: escreva como 12.000.000,00 ou 12000000,00, sem espaços"
    ),
    "is not an amount: write it as 12.000.000,00 or 12000000,00": (
        "não é um valor: escreva como 12.000.000,00 ou 12000000,00"
    ),
    "has more than two digits after the ',', which separates the centavos: write at most two "
    "(1.234,56); '.' groups the thousands": (
        "tem mais de dois dígitos depois da ',', que separa os centavos: escreva no máximo dois "
        "(1.234,56); o '.' separa os milhares"
    ),
    "is written with ',' between thousands and '.' before the cents: in Brazil '.' groups the "
    "thousands and ',' separates the centavos; write it as 1.234,56": (
        "está escrito com ',' entre os milhares e '.' antes dos centavos: no Brasil o '.' separa "
        "os milhares e a ',' separa os centavos; escreva como 1.234,56"
    ),
    "has more than one ',': ',' separates the centavos, once; write it as 1.234,56": (
        "tem mais de uma ',': a ',' separa os centavos, uma só vez; escreva como 1.234,56"
    ),
    "has a '.' that does not group thousands: '.' comes before each group of three digits "
    "(1.234.567) and ',' before the centavos; write it as 1.234,56 or 1234,56": (
        "tem um '.' que não separa milhares: o '.' vem antes de cada grupo de três dígitos "
        "(1.234.567) e a ',' antes dos centavos; escreva como 1.234,56 ou 1234,56"
    ),
    # -- reading many files ----------------------------------------------------------------
    "the process reading this file stopped abruptly (killed, or out of memory) and so did a "
    "second one reading it alone; the other files were read. Read it with read() to see what "
    "happens": (
        "o processo que lia este arquivo parou de repente (encerrado, ou sem memória), e um "
        "segundo processo que o lia sozinho também; os outros arquivos foram lidos. Leia-o com "
        "read() para ver o que acontece"
    ),
    "ecfmetric could not read this file ({kind}: {error}); this is a bug in ecfmetric, please "
    "report it with the file": (
        "o ecfmetric não conseguiu ler este arquivo ({kind}: {error}); é um defeito do "
        "ecfmetric: por favor, informe-o junto com o arquivo"
    ),
    # -- what the input is, when it is not an ECF ------------------------------------------
    "the file is empty (0 bytes)": "o arquivo está vazio (0 bytes)",
    "{inside} is empty (0 bytes)": "{inside} está vazio (0 bytes)",
    "this is {what}, not an ECF file{advice}": "isto é {what}, não um arquivo ECF{advice}",
    "{inside} is {what}, not an ECF file{advice}": "{inside} é {what}, não um arquivo ECF{advice}",
    "{inside} is itself an archive ({kind}): extract it, then give the ECF file (compressed once "
    "at most)": (
        "{inside} também é um arquivo compactado ({kind}): extraia-o e envie o arquivo ECF "
        "(compactado no máximo uma vez)"
    ),
    "the file inside the {container}{member}": "o arquivo dentro do {container}{member}",
    "gzip stream": "arquivo gzip",
    "ZIP archive": "arquivo ZIP",
    "this is a ZIP archive read from a stream that cannot seek: a ZIP's list of files is at its "
    "end; pass the path, or the bytes with ecfmetric.read_bytes()": (
        "isto é um arquivo ZIP lido de um fluxo sem acesso aleatório: a lista de arquivos de "
        "um ZIP fica no fim; passe o caminho, ou os bytes com ecfmetric.read_bytes()"
    ),
    "the ZIP archive holds no file: it must hold the ECF file, alone": (
        "o arquivo ZIP não contém nenhum arquivo: deve conter o arquivo ECF, sozinho"
    ),
    "the ZIP archive holds {count} files ({shown}): it must hold exactly one, the ECF file; give "
    "each ECF on its own": (
        "o arquivo ZIP contém {count} arquivos ({shown}): deve conter exatamente um, o arquivo "
        "ECF; envie cada ECF separadamente"
    ),
    "the ZIP archive holds {count} files ({shown} and {more} more): it must hold exactly one, "
    "the ECF file; give each ECF on its own": (
        "o arquivo ZIP contém {count} arquivos ({shown} e mais {more}): deve conter exatamente "
        "um, o arquivo ECF; envie cada ECF separadamente"
    ),
    "the file inside the ZIP archive{member} is password-protected: give it unencrypted": (
        "o arquivo dentro do arquivo ZIP{member} está protegido por senha: envie-o sem criptografia"
    ),
    "the file inside the ZIP archive{member} is compressed with a method Python cannot read "
    "({error}): compress it again with the usual method (deflate)": (
        "o arquivo dentro do arquivo ZIP{member} foi compactado com um método que o Python não "
        "lê ({error}): compacte-o de novo com o método usual (deflate)"
    ),
    "the {container} expands more than {ratio} times its size (MAX_EXPANSION_RATIO: {expanded} "
    "bytes out of {compressed}): an ECF does not compress that well; this looks like a file "
    "made to be small": (
        "o {container} se expande mais de {ratio} vezes o seu tamanho (MAX_EXPANSION_RATIO: "
        "{expanded} bytes a partir de {compressed}): uma ECF não se compacta tanto; parece um "
        "arquivo feito para ser pequeno"
    ),
    "the {container}{member} expands to more than {limit} bytes (MAX_EXPANDED_SIZE), far more "
    "than any ECF": (
        "o {container}{member} se expande a mais de {limit} bytes (MAX_EXPANDED_SIZE), muito "
        "mais que qualquer ECF"
    ),
    "the {container} is damaged or incomplete ({detail}): make it again, or give the ECF file "
    "itself": (
        "o {container} está danificado ou incompleto ({detail}): gere-o de novo, ou envie o "
        "próprio arquivo ECF"
    ),
    ": export the ECF from the ECF program (a .txt file), not a spreadsheet or document": (
        ": exporte a ECF pelo programa da ECF (um arquivo .txt), não uma planilha ou documento"
    ),
    "an Excel spreadsheet (XLSX)": "uma planilha do Excel (XLSX)",
    "a Word document (DOCX)": "um documento do Word (DOCX)",
    "a PowerPoint presentation (PPTX)": "uma apresentação do PowerPoint (PPTX)",
    "an Office document (Office Open XML)": "um documento do Office (Office Open XML)",
    "an OpenDocument file (ODS, ODT…)": "um arquivo OpenDocument (ODS, ODT…)",
    ": use the .txt file the ECF program saved": ": use o arquivo .txt que o programa da ECF gravou",
    ": use the .txt file the ECF program saved, not a picture of it": (
        ": use o arquivo .txt que o programa da ECF gravou, não uma imagem dele"
    ),
    ": use the .txt file the ECF program saved, not a printed report or receipt": (
        ": use o arquivo .txt que o programa da ECF gravou, não um relatório impresso ou recibo"
    ),
    ": only ZIP and gzip are read; extract the ECF file (or zip it instead)": (
        ": só são lidos ZIP e gzip; extraia o arquivo ECF (ou compacte-o em ZIP)"
    ),
    ": the ECF (Escrituração Contábil Fiscal) is the SPED file whose first line starts "
    "|0000|LECF|": (
        ": a ECF (Escrituração Contábil Fiscal) é o arquivo do SPED cuja primeira linha "
        "começa com |0000|LECF|"
    ),
    ": save it as the ECF program wrote it (Latin-1, also called ISO 8859-1 or ANSI), or take "
    "the file the program saved, unchanged": (
        ": grave-o como o programa da ECF o escreveu (Latin-1, também chamado ISO 8859-1 ou "
        "ANSI), ou use o arquivo que o programa gravou, sem alterações"
    ),
    ": the download probably saved an error or login page instead of the ECF file": (
        ": o download provavelmente gravou uma página de erro ou de login em vez do arquivo ECF"
    ),
    "UTF-32 text": "texto UTF-32",
    "UTF-16 text": "texto UTF-16",
    "an ECD (Escrituração Contábil Digital)": "uma ECD (Escrituração Contábil Digital)",
    "an EFD (SPED Fiscal or EFD-Contribuições)": "uma EFD (SPED Fiscal ou EFD-Contribuições)",
    "another SPED file ({book})": "outro arquivo do SPED ({book})",
    "a bzip2 stream": "um arquivo bzip2",
    "a tar archive": "um arquivo tar",
    "a web page (HTML)": "uma página da web (HTML)",
    "an XML file": "um arquivo XML",
    "a PDF document": "um documento PDF",
    "an Office 97-2003 file (such as .xls or .doc)": "um arquivo do Office 97-2003 (como .xls ou .doc)",
    "an RTF document (a word processor's file)": "um documento RTF (de um editor de texto)",
    "an image (PNG)": "uma imagem (PNG)",
    "an image (JPEG)": "uma imagem (JPEG)",
    "an image (GIF)": "uma imagem (GIF)",
    "a RAR archive": "um arquivo RAR",
    "a 7-Zip archive": "um arquivo 7-Zip",
    "an xz stream": "um arquivo xz",
    "a Zstandard stream": "um arquivo Zstandard",
    # -- the signature ---------------------------------------------------------------------
    "expected a CMS ContentInfo (a BER SEQUENCE, byte 0x30), got byte {byte}": (
        "esperado um ContentInfo CMS (uma SEQUENCE BER, byte 0x30), encontrado o byte {byte}"
    ),
    "the signature blob cannot be read: {error}": "a assinatura não pode ser lida: {error}",
    "the signature blob is cut short: the file ends at byte offset {end} before the blob does": (
        "a assinatura está incompleta: o arquivo termina na posição {end} (em bytes) antes dela"
    ),
    "more than {limit} bytes after the signature marker: not a PVA signature block": (
        "mais de {limit} bytes após o marcador de assinatura: não é um bloco de assinatura do PVA"
    ),
    "the signature marker SBRCAAEPDR is not followed by a signature": (
        "o marcador de assinatura SBRCAAEPDR não é seguido de uma assinatura"
    ),
    "reading a signature needs asn1crypto and cryptography ({error}): pip install "
    "'ecfmetric[signature]'": (
        "ler uma assinatura requer asn1crypto e cryptography ({error}): pip install "
        "'ecfmetric[signature]'"
    ),
    "--xlsx needs openpyxl: pip install 'ecfmetric[xlsx]'": (
        "--xlsx precisa do openpyxl: pip install 'ecfmetric[xlsx]'"
    ),
    # -- the proof: refusals ---------------------------------------------------------------
    "the reference year must be an int such as 2024, got {year!r}": (
        "o ano de referência deve ser um inteiro como 2024, recebido {year!r}"
    ),
    "a company is a CNPJ string or a (cnpj, name) pair, got {company!r}": (
        "uma empresa é um CNPJ (texto) ou um par (cnpj, nome), recebido {company!r}"
    ),
    "a company name must be a string, got {name!r}": (
        "o nome de uma empresa deve ser um texto, recebido {name!r}"
    ),
    "not a valid CNPJ: {cnpj!r}": "CNPJ inválido: {cnpj!r}",
    "company {company} is already in the proof": "a empresa {company} já está na comprovação",
    "company {company} is not in the proof": "a empresa {company} não está na comprovação",
    "company {company} (an SCP whose managing partner is {partner}) is not in the proof": (
        "a empresa {company} (uma SCP cuja sócia ostensiva é {partner}) não está na comprovação"
    ),
    "the metric names no company (a form filled without a CNPJ): pass cnpj= to say whose it is": (
        "a receita não indica a empresa (um formulário preenchido sem CNPJ): passe cnpj= para "
        "dizer de quem é"
    ),
    "the metric is of CNPJ {own}, another company than {company}": (
        "a receita é do CNPJ {own}, outra empresa que não {company}"
    ),
    "the metric is of CNPJ {own}, the head office of several listed companies ({listed}): pass "
    "cnpj= to say which": (
        "a receita é do CNPJ {own}, matriz de várias empresas relacionadas ({listed}): passe "
        "cnpj= para dizer qual"
    ),
    "the metric is for {metric_year}, but the proof is for {proof_year} (company {company})": (
        "a receita é de {metric_year}, mas a comprovação é de {proof_year} (empresa {company})"
    ),
    "the metric of {company} has no net revenue: its source states the gross revenue but not "
    "the deductions (such as a cash-book Lucro Presumido or a Lucro Arbitrado file); fill the "
    "form for this company instead": (
        "a receita de {company} não tem receita líquida: a origem informa a receita bruta, mas "
        "não as deduções (como um Lucro Presumido com livro caixa ou um Lucro Arbitrado); "
        "preencha o formulário para esta empresa"
    ),
    "the metric of {company} cannot be saved in the proof: {detail}": (
        "a receita de {company} não pode ser gravada na comprovação: {detail}"
    ),
    "this file is already saved in the proof": "este arquivo já está gravado na comprovação",
    "this file is already saved in the proof for {owner}": (
        "este arquivo já está gravado na comprovação para {owner}"
    ),
    "company {company} already has a figure ({net}, from {origin}): pass replace=True to "
    "replace it": (
        "a empresa {company} já tem um valor ({net}, de {origin}): passe replace=True para "
        "substituí-lo"
    ),
    "company {company} has a saved figure: pass discard=True to exclude it with its figure": (
        "a empresa {company} tem um valor gravado: passe discard=True para excluí-la com o "
        "seu valor"
    ),
    "the proof is concluded: it can no longer change": (
        "a comprovação está concluída: não pode mais ser alterada"
    ),
    "the proof lists no company": "a comprovação não relaciona nenhuma empresa",
    "{count} company(ies) still pending: {listed}": "{count} empresa(s) ainda pendente(s): {listed}",
    "company {company} has no saved figure to contest: add its metric first": (
        "a empresa {company} não tem valor gravado para contestar: adicione antes a sua receita"
    ),
    "{component!r} is not a component that can be contested: contest one of gross_revenue, "
    "cancellations, discounts, taxes, other_deductions": (
        "{component!r} não é um componente que se possa contestar: conteste um destes: "
        "'gross_revenue', 'cancellations', 'discounts', 'taxes', 'other_deductions'"
    ),
    "the net revenue cannot be contested: it is the gross revenue minus the deductions; contest "
    "the component that is wrong and the net is recomputed": (
        "a receita líquida não pode ser contestada: é a receita bruta menos as deduções; "
        "conteste o componente errado e a receita líquida é recalculada"
    ),
    "the contested value is refused: {detail}": "o valor contestado foi recusado: {detail}",
    "a contest needs a reason: say why the file's {component} is wrong": (
        "uma contestação precisa de um motivo: diga por que o valor do arquivo em {component} "
        "está errado"
    ),
    "by= names who contests, as a string or None, got {by!r}": (
        "by= indica quem contesta, como texto ou None, recebido {by!r}"
    ),
    "{value} is the file's own {component} for {company}: there is nothing to contest "
    "(withdraw_contest() restores the file's value)": (
        "{value} já é o valor do arquivo em {component} para {company}: não há o que contestar "
        "(withdraw_contest() restaura o valor do arquivo)"
    ),
    "{component} of company {company} is not contested": (
        "o valor em {component} da empresa {company} não está contestado"
    ),
    # -- the proof: notes on a figure ------------------------------------------------------
    "the metric is of CNPJ {own}, not the listed {company} but the same company (root "
    "{root!r}): an ECF is filed by the head office and its figure covers every establishment": (
        "a receita é do CNPJ {own}, não do relacionado {company}, mas da mesma empresa (raiz "
        "{root!r}): a ECF é entregue pela matriz e o seu valor abrange todos os "
        "estabelecimentos"
    ),
    "a rectifying ECF replaced the earlier ECF's net revenue {net}": (
        "uma ECF retificadora substituiu a receita líquida {net} da ECF anterior"
    ),
    "a rectifying ECF (receipt {receipt!r}) replaced the earlier ECF's net revenue {net}": (
        "uma ECF retificadora (recibo {receipt!r}) substituiu a receita líquida {net} da ECF "
        "anterior"
    ),
    "replaced on request the earlier figure ({net}, from {origin})": (
        "substituído a pedido o valor anterior ({net}, de {origin})"
    ),
    "the net revenue is negative ({net}): the deductions are larger than the gross revenue; "
    "check the figure with the company": (
        "a receita líquida é negativa ({net}): as deduções são maiores que a receita bruta; "
        "confira o valor com a empresa"
    ),
    "the form": "o formulário",
    "an ECF": "uma ECF",
    "a rectifying ECF": "uma ECF retificadora",
    # -- the proof: a saved proof that is not what the library writes ----------------------
    "must be an object, got {got}": "deve ser um objeto, recebido {got}",
    "must be a list, got {got}": "deve ser uma lista, recebido {got}",
    "must be an integer, got {got}": "deve ser um inteiro, recebido {got}",
    "must be true or false, got {got}": "deve ser true ou false, recebido {got}",
    "must be a string, got {got}": "deve ser um texto, recebido {got}",
    "must be 40 hexadecimal digits in capitals, got {got}": (
        "deve ter 40 dígitos hexadecimais em maiúsculas, recebido {got}"
    ),
    'must be an amount such as "1000.00", got {got}': (
        'deve ser um valor como "1000.00", recebido {got}'
    ),
    "unknown key(s) {keys}": "chave(s) desconhecida(s) {keys}",
    "missing key(s) {keys}": "falta(m) a(s) chave(s) {keys}",
    "a line number starts at 1, got {got}": "o número de linha começa em 1, recebido {got}",
    'not an amount with two decimals such as "1000.00": {got}': (
        'não é um valor com duas casas decimais como "1000.00": {got}'
    ),
    "this amount is never negative, got {got}": "este valor nunca é negativo, recebido {got}",
    "a component is unknown, so the net revenue must be null": (
        "um componente é desconhecido, então a receita líquida deve ser null"
    ),
    "must be the gross revenue minus the deductions, {net}, got {got}": (
        "deve ser a receita bruta menos as deduções, {net}, recebido {got}"
    ),
    'not a date such as "2024-12-31": {got}': 'não é uma data como "2024-12-31": {got}',
    "not a bare CNPJ with valid check digits: {got}": (
        "não é um CNPJ sem máscara com dígitos verificadores válidos: {got}"
    ),
    'must be "error" or "warning", got {got}': 'deve ser "error" ou "warning", recebido {got}',
    "not a component: {got}": "não é um componente: {got}",
    'must be "ecf" or "form", got {got}': 'deve ser "ecf" ou "form", recebido {got}',
    "not a regime: {got}": "não é uma forma de tributação: {got}",
    "a saved figure always has a net revenue": "um valor gravado sempre tem receita líquida",
    "the figure is for {got}, the proof for {year}": (
        "o valor é de {got}, a comprovação é de {year}"
    ),
    "the row is for {got}, the proof for {year}": "a linha é de {got}, a comprovação é de {year}",
    "the figure is of {got}, another company than {company}": (
        "o valor é de {got}, outra empresa que não {company}"
    ),
    "not a note the proof writes: {got}": "não é uma nota que a comprovação escreve: {got}",
    "a company without a figure has nothing contested": (
        "uma empresa sem valor não tem nada contestado"
    ),
    "not a contestable component: {got}": "não é um componente contestável: {got}",
    "{component} is contested twice": "{component} está contestado duas vezes",
    "not the figure's {component}": "não é o valor de {component}",
    "the file's own value: nothing is contested": "é o próprio valor do arquivo: nada é contestado",
    "a reason is a non-empty text without surrounding spaces": (
        "o motivo é um texto não vazio, sem espaços nas pontas"
    ),
    "a listed name is null or a non-empty text without surrounding spaces": (
        "o nome de uma empresa relacionada é null ou um texto não vazio, sem espaços nas pontas"
    ),
    "company {company} is listed twice": "a empresa {company} está relacionada duas vezes",
    "the same file is the figure of {owner} too": "o mesmo arquivo também é o valor de {owner}",
    "a company without a figure has no notes and replaced nothing": (
        "uma empresa sem valor não tem notas nem substituiu nada"
    ),
    "a concluded proof has a figure for every company": (
        "uma comprovação concluída tem um valor para cada empresa"
    ),
    "a concluded proof lists at least one company": (
        "uma comprovação concluída relaciona ao menos uma empresa"
    ),
    "must be {expected}, got {got}": "deve ser {expected}, recebido {got}",
    "does not match the row's figure and contests": (
        "não confere com o valor e as contestações da linha"
    ),
    "the rows add up to {total}, not {got}": "as linhas somam {total}, não {got}",
    # -- the signature: why a signature does not check --------------------------------------
    "(unknown: the signature names its certificate by subject key identifier)": (
        "(desconhecido: a assinatura indica o seu certificado pelo identificador da chave)"
    ),
    "digest algorithm {name} is not supported": "o algoritmo de resumo {name} não é suportado",
    "the blob does not carry the certificate this signature names (issuer and serial)": (
        "o bloco não traz o certificado que esta assinatura indica (emissor e número de série)"
    ),
    "the {name} digest needs a second pass over the file and the source cannot seek: pass a "
    "path or a seekable file": (
        "o resumo {name} precisa de uma segunda leitura do arquivo e a origem não permite "
        "voltar ao início: passe o caminho ou um arquivo que permita seek"
    ),
    "the signed attributes have no messageDigest": (
        "os atributos assinados não têm o messageDigest"
    ),
    "the {name} digest of the signed bytes differs from the messageDigest the signature holds: "
    "the content changed after signing (or the signature is over other bytes)": (
        "o resumo {name} dos bytes assinados difere do messageDigest guardado na assinatura: o "
        "conteúdo mudou depois de assinado (ou a assinatura é de outros bytes)"
    ),
    "a {name} key is not supported (RSA or EC only)": (
        "uma chave {name} não é suportada (só RSA ou EC)"
    ),
    "the certificate's public key cannot be used: {error}": (
        "a chave pública do certificado não pode ser usada: {error}"
    ),
    "signature algorithm {name} is not supported": (
        "o algoritmo de assinatura {name} não é suportado"
    ),
    "RSASSA-PSS with {pss}/{mgf} for a {name} digest is not supported": (
        "RSASSA-PSS com {pss}/{mgf} para um resumo {name} não é suportado"
    ),
    "a {kind} signature with a {key} key is not supported": (
        "uma assinatura {kind} com uma chave {key} não é suportada"
    ),
    "the signature value does not verify with the certificate's public key": (
        "o valor da assinatura não confere com a chave pública do certificado"
    ),
    "certificate serial {serial} of {issuer}": "certificado de número de série {serial} de {issuer}",
    "bytes 0 to {last} of the file: everything before the SBRCAAEPDR marker at byte {marker}": (
        "bytes 0 a {last} do arquivo: tudo antes do marcador SBRCAAEPDR na posição {marker}"
    ),
    "nobody": "ninguém",
    "Signatures verified over the {count} bytes before the marker": (
        "Assinaturas verificadas sobre os {count} bytes antes do marcador"
    ),
    "NOT verified ({failed} of {count} signatures fail; signer {first}: {reason})": (
        "NÃO verificada ({failed} de {count} assinaturas falham; signatário {first}: {reason})"
    ),
    "NOT verified: {reason}": "NÃO verificada: {reason}",
    "Signed by {who}. Hashcode {hashcode}. {state}; certificate chain not checked.": (
        "Assinado por {who}. Hashcode {hashcode}. {state}; cadeia de certificados não verificada."
    ),
    "the blob holds no signature (no SignerInfo)": (
        "o bloco não contém nenhuma assinatura (nenhum SignerInfo)"
    ),
    "signer {index} ({who}): {reason}": "signatário {index} ({who}): {reason}",
    "serial {serial}": "número de série {serial}",
    "signature matches the content; certificate chain not checked (no ICP-Brasil root, "
    "revocation or validity-at-signing-time check)": (
        "a assinatura confere com o conteúdo; a cadeia de certificados não foi verificada (sem "
        "conferir a raiz ICP-Brasil, a revogação nem a validade na data da assinatura)"
    ),
    "not checked: {error}": "não verificada: {error}",
    # -- the operating system --------------------------------------------------------------
    "no such file or directory": "arquivo ou diretório não encontrado",
    "permission denied": "permissão negada",
    "is a directory, not a file": "é um diretório, não um arquivo",
    "a part of the path is not a directory": "uma parte do caminho não é um diretório",
    "no space left on the disk": "não há espaço livre no disco",
    "the disk is read-only": "o disco é somente leitura",
    "the file name is too long": "o nome do arquivo é longo demais",
    "input/output error (the disk or the network failed)": (
        "erro de entrada/saída (falha do disco ou da rede)"
    ),
    "too many files open": "arquivos abertos demais",
    "the operating system refused it (errno {number}, {name})": (
        "o sistema operacional recusou (erro {number}, {name})"
    ),
    "the operating system refused it ({kind}: {detail})": (
        "o sistema operacional recusou ({kind}: {detail})"
    ),
    # -- the command line's usage errors ---------------------------------------------------
    "'-' (standard input) can be given only once": (
        "'-' (a entrada padrão) só pode ser dado uma vez"
    ),
    "--lines writes the lines of the metric: it does not go with --signature": (
        "--lines grava as linhas da métrica: não combina com --signature"
    ),
    "{option}: cannot write {path}: {reason}": "{option}: não é possível gravar {path}: {reason}",
    "--xlsx writes the metrics read: it does not go with --check or --signature": (
        "--xlsx grava as métricas lidas: não combina com --check nem com --signature"
    ),
    "--xlsx: {path} is also {same}: it would be overwritten; choose another file": (
        "--xlsx: {path} também é {same}: seria sobrescrito; escolha outro arquivo"
    ),
    # -- issue 23: archives read to their end, blocks of figures, per-call budgets ------------
    "the gzip stream is followed by more data (a second gzip stream, or bytes that are not "
    "gzip): a gzip input holds one ECF file, compressed once": (
        "o fluxo gzip é seguido de mais dados (um segundo fluxo gzip, ou bytes que não são gzip): "
        "uma entrada gzip contém um único arquivo ECF, compactado uma vez"
    ),
    "the ZIP archive holds {count} entries besides the ECF file (folders, __MACOSX/, "
    ".DS_Store, ._ files); at most {limit} are accepted": (
        "o arquivo ZIP contém {count} entradas além do arquivo ECF (pastas, __MACOSX/, "
        ".DS_Store, arquivos ._); no máximo {limit} são aceitas"
    ),
    "the ZIP archive's entry {member} is password-protected: it cannot be checked; give the "
    "ECF file alone": (
        "a entrada {member} do arquivo ZIP está protegida por senha: não pode ser conferida; "
        "envie o arquivo ECF sozinho"
    ),
    "the ZIP archive hides a file in {member}, an entry that is normally ignored, and it is "
    "{what}: give the ECF file alone": (
        "o arquivo ZIP esconde um arquivo em {member}, entrada que normalmente é ignorada, e ele "
        "é {what}: envie o arquivo ECF sozinho"
    ),
    "an archive": "um arquivo compactado",
    "a SPED file (|0000|)": "um arquivo do SPED (|0000|)",
    "{record} is not a register of block {block} (the layout's are {known}): it may be a "
    "damaged record that carries a figure": (
        "{record} não é um registro do bloco {block} (os do leiaute são {known}): pode ser um "
        "registro danificado que traz um valor"
    ),
    "more than {limit} lines in the blocks read record by record (0, L, P, T, U, Y, 9; "
    "Limits.read_lines): a real ECF has a few thousand": (
        "mais de {limit} linhas nos blocos lidos registro a registro (0, L, P, T, U, Y, 9; "
        "Limits.read_lines): uma ECF real tem alguns milhares"
    ),
    "more than {limit} lines (Limits.lines)": "mais de {limit} linhas (Limits.lines)",
    "the revenue lines kept add up to more than {limit} bytes (Limits.kept_bytes): far more "
    "than any ECF's": (
        "as linhas de receita guardadas somam mais de {limit} bytes (Limits.kept_bytes): muito "
        "mais que as de qualquer ECF"
    ),
    # -- issue 23: signatures and saved proofs ----------------------------------------------
    "the signature blob is nested too deeply to be read": (
        "o bloco da assinatura tem aninhamento profundo demais para ser lido"
    ),
    "larger than the largest amount ({limit}), got {got}": (
        "maior que o maior valor aceito ({limit}), recebido {got}"
    ),
    "a form's figure has no signature": "um valor do formulário não tem assinatura",
    "must be true exactly when there is a signer and every signer is verified": (
        "deve ser true exatamente quando há um signatário e todos os signatários conferem"
    ),
    "a reason is given exactly when the signature is not verified": (
        "um motivo é dado exatamente quando a assinatura não confere"
    ),
    "the library never checks the certificate chain": (
        "a biblioteca nunca verifica a cadeia de certificados"
    ),
    "not JSON data as to_dict() writes it": "não são dados JSON como to_dict() os escreve",
    "the data carries an HMAC: load it with key=": (
        "os dados trazem um HMAC: carregue-os com key="
    ),
    "missing: the data was not saved with a key (to_dict(key=...))": (
        "ausente: os dados não foram gravados com uma chave (to_dict(key=...))"
    ),
    "does not match: the data changed after it was saved, or the key is another": (
        "não confere: os dados mudaram depois de gravados, ou a chave é outra"
    ),
    "the proof's companies are not the contract's: missing {missing}; not in the contract "
    "{extra}": (
        "as empresas da comprovação não são as do contrato: faltam {missing}; fora do contrato "
        "{extra}"
    ),
    "must be the sum of the lines that feed it, {total}, got {got}": (
        "deve ser a soma das linhas que o alimentam, {total}, recebido {got}"
    ),
    "must be the sum of the periods, {total}, got {got}": (
        "deve ser a soma dos períodos, {total}, recebido {got}"
    ),
    # -- round 4 rulings (issue 22) ---------------------------------------------------------
    "the PVA's own warning {rule} on {where}: {message}{details}": (
        "aviso do próprio PVA {rule} em {where}: {message}{details}"
    ),
    "FORMA_TRIB_PER gives quarter {quarter} ({first} to {last}) the regime {letter!r}, but it "
    "lies wholly outside the file's span ({start} to {end}): a quarter outside the period must "
    "be '0'": (
        "FORMA_TRIB_PER dá ao trimestre {quarter} ({first} a {last}) o regime {letter!r}, mas ele "
        "fica inteiramente fora do período do arquivo ({start} a {end}): um trimestre fora do "
        "período deve ser '0'"
    ),
    "TIP_ESC_PRE = 'C' (books kept) makes P150 the presumido quarters' DRE, but the file has no "
    "P150 line; P200 is only its cross-check. Correct TIP_ESC_PRE (L for a cash book) or give "
    "the P150 lines": (
        "TIP_ESC_PRE = 'C' (escrituração contábil) faz do P150 a DRE dos trimestres do Lucro "
        "Presumido, mas o arquivo não tem linha de P150; o P200 é só a conferência. Corrija o "
        "TIP_ESC_PRE (L para livro caixa) ou informe as linhas do P150"
    ),
    "TIP_ESC_PRE = 'L' (cash book) reads the presumido quarters from P200, but period {period} "
    "(line {line}) holds P150 lines, the DRE of a filer that keeps books: the file contradicts "
    "its declaration": (
        "TIP_ESC_PRE = 'L' (livro caixa) lê os trimestres do Lucro Presumido do P200, mas o "
        "período {period} (linha {line}) tem linhas de P150, a DRE de quem tem escrituração "
        "contábil: o arquivo contradiz a sua declaração"
    ),
    "a filer with presumido quarters must say in TIP_ESC_PRE whether it keeps books (C: the DRE "
    "P150 is read) or a cash book (L: P200 is read)": (
        "quem tem trimestres no Lucro Presumido deve dizer no TIP_ESC_PRE se tem escrituração "
        "contábil (C: é lida a DRE P150) ou livro caixa (L: é lido o P200)"
    ),
    "{field} is empty: a line the metric reads must state its amount (0,00 when it is zero)": (
        "{field} está vazio: uma linha que a receita lê deve informar o seu valor (0,00 quando "
        "for zero)"
    ),
    "{count} digits before the comma: the field is N 19,2, so {limit} digits before the comma "
    "at most": (
        "{count} dígitos antes da vírgula: o campo é N 19,2, então {limit} dígitos antes da "
        "vírgula no máximo"
    ),
    "{count} decimals: the field is N 19,2, so 2 decimals at most": (
        "{count} casas decimais: o campo é N 19,2, então 2 casas decimais no máximo"
    ),
    "layout {version} is newer than the newest known ({newest}) and its 0010 has {count} "
    "fields, not the {expected} of layout {newest}: its parameters cannot be placed; update "
    "ecfmetric or fill the form": (
        "o leiaute {version} é mais novo que o mais novo conhecido ({newest}) e o seu 0010 tem "
        "{count} campos, não os {expected} do leiaute {newest}: os seus parâmetros não podem ser "
        "localizados; atualize o ecfmetric ou preencha o formulário"
    ),
    "the file's signature does not verify ({reason}): the content changed after signing, or "
    "the signature is over other bytes; the figures are the file's as it is now, not as it was "
    "signed (hashcode {hashcode})": (
        "a assinatura do arquivo não confere ({reason}): o conteúdo mudou depois de assinado, ou "
        "a assinatura é de outros bytes; os valores são os do arquivo como está agora, não como "
        "foi assinado (hashcode {hashcode})"
    ),
    "a signature fails": "uma assinatura falha",
    "the signature after 9999 cannot be read ({reason}, byte offset {offset}): the file's "
    "integrity is not shown": (
        "a assinatura após o 9999 não pode ser lida ({reason}, posição {offset} em bytes): a "
        "integridade do arquivo não está demonstrada"
    ),
    "FORMA_TRIB_PER gives quarter {quarter} ({first} to {last}) the regime {letter!r}, but 0000 "
    "says the company was extinguished on {date} (SIT_ESPECIAL 1, DT_SIT_ESP): a quarter after "
    "the extinction must be '0'": (
        "FORMA_TRIB_PER dá ao trimestre {quarter} ({first} a {last}) o regime {letter!r}, mas o "
        "0000 diz que a empresa foi extinta em {date} (SIT_ESPECIAL 1, DT_SIT_ESP): um trimestre "
        "depois da extinção deve ser '0'"
    ),
    "period {period} starts on {start}, after the company was extinguished on {date} "
    "(0000.SIT_ESPECIAL 1, DT_SIT_ESP): no period follows the extinction": (
        "o período {period} começa em {start}, depois da extinção da empresa em {date} "
        "(0000.SIT_ESPECIAL 1, DT_SIT_ESP): nenhum período vem depois da extinção"
    ),
    "9900 declares {declared} record(s) of block {block} in all, but the block has {counted} "
    "lines": (
        "o 9900 declara {declared} registro(s) do bloco {block} no total, mas o bloco tem "
        "{counted} linhas"
    ),
    "9100 has {count} fields; at least {minimum} expected (REG, NOM_REGRA, MSG_REGRA, "
    "REGISTRO, CAMPO)": (
        "o 9100 tem {count} campos; eram esperados ao menos {minimum} (REG, NOM_REGRA, "
        "MSG_REGRA, REGISTRO, CAMPO)"
    ),
    # -- the signature's signingCertificate attribute, the CLI's outputs (issue 20) ----------
    "the {kind} attribute names no certificate": "o atributo {kind} não indica nenhum certificado",
    "the {kind} attribute uses {algorithm}, which is not supported": (
        "o atributo {kind} usa {algorithm}, que não é suportado"
    ),
    "the {kind} signed attribute names another certificate than the one the blob carries for "
    "this signature (its hash differs)": (
        "o atributo assinado {kind} indica outro certificado que não o que o bloco traz para "
        "esta assinatura (o seu hash difere)"
    ),
    "the {kind} attribute names another certificate serial number": (
        "o atributo {kind} indica outro número de série de certificado"
    ),
    "{option}: {path} is one of the files read ({same}): it would be overwritten; choose "
    "another file": (
        "{option}: {path} é um dos arquivos lidos ({same}): seria sobrescrito; escolha outro "
        "arquivo"
    ),
    "a CMS {kind!r}, not signedData": "um CMS {kind!r}, não um signedData",
    "signatures nested more than {limit} deep (counter-signatures of counter-signatures, or "
    "SignedData inside SignedData): not a PVA signature": (
        "assinaturas aninhadas em mais de {limit} níveis (contra-assinaturas de "
        "contra-assinaturas, ou SignedData dentro de SignedData): não é uma assinatura do PVA"
    ),
    "more than {limit} signatures in one blob: not a PVA signature": (
        "mais de {limit} assinaturas em um bloco: não é uma assinatura do PVA"
    ),
}
