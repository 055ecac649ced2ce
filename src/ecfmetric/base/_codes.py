"""Every code an error or a finding carries, with its meaning in one line in both languages.

:data:`CODES` is the public catalogue (``docs/codes.md`` is drawn from it by
:mod:`._codes_doc`); :data:`ecfmetric.types.Code` lists the same codes as a ``Literal``. The
tests hold every code raised or warned anywhere in the package to an entry here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Literal, TypeVar, cast, overload

import attrs

from ..types import Code
from ._i18n import get_language
from ._proof_errors import PROOF_ERROR_CODES

#: ``error``: a refusal (an exception, or an error of a validation report); ``warning``: a
#: finding next to a figure that stands; ``note``: what a proof records about a figure.
CodeKind = Literal["error", "warning", "note"]


_T = TypeVar("_T")


class Meaning(str):
    """A code's meaning in the current language: a ``str``, and callable as before 0.2.0
    (``info.meaning()`` is the same text, ``info.meaning("en")`` the English one)."""

    __slots__ = ("_en", "_pt")
    _en: str
    _pt: str

    def __new__(cls, en: str, pt: str, lang: Literal["pt", "en"]) -> Meaning:
        """The meaning in ``lang``, keeping both texts for :meth:`__call__`."""
        text = super().__new__(cls, en if lang == "en" else pt)
        text._en, text._pt = en, pt
        return text

    def __reduce__(self) -> tuple[type[Meaning], tuple[str, str, Literal["pt", "en"]]]:
        # str's own reduction would call __new__ with the text alone.
        return Meaning, (self._en, self._pt, "en" if str(self) == self._en else "pt")

    def __call__(self, lang: Literal["pt", "en"] | None = None) -> str:
        """The meaning in ``lang``; this text itself when ``None``."""
        if lang is None:
            return str(self)
        return self._en if lang == "en" else self._pt


@attrs.frozen
class CodeInfo:
    """What a code means: its kind and a one-line meaning in English and in Portuguese."""

    kind: CodeKind
    meaning_en: str
    meaning_pt: str

    @property
    def meaning(self) -> Meaning:
        """The meaning in the current language (a ``str``). Calling it still works:
        ``info.meaning("en")`` is :attr:`meaning_en`, ``info.meaning()`` this text."""
        return Meaning(self.meaning_en, self.meaning_pt, get_language())


_LENIENT_EN = " (a warning when read leniently)"
_LENIENT_PT = " (um aviso na leitura tolerante)"

_FILE: dict[str, tuple[CodeKind, str, str]] = {
    # Refusals of a file: EcfFormatError.code, and errors of a validation report.
    "FORMAT_ERROR": (
        "error",
        "the file is not a well-formed ECF (the code of an EcfFormatError raised outside ecfmetric)",
        "o arquivo não é uma ECF bem formada (código de um EcfFormatError criado fora do ecfmetric)",
    ),
    "NOT_ECF": (
        "error",
        "the input is not an ECF file (another SPED file, a PDF, a spreadsheet, an image …)",
        "a entrada não é um arquivo ECF (outro arquivo do SPED, um PDF, uma planilha, uma imagem …)",
    ),
    "EMPTY_FILE": (
        "error",
        "the file (or the file inside the archive) is empty",
        "o arquivo (ou o arquivo dentro do compactado) está vazio",
    ),
    "TRUNCATED": (
        "error",
        "the file ends before its 9999 record",
        "o arquivo termina antes do registro 9999",
    ),
    "BAD_ARCHIVE": (
        "error",
        "a ZIP or gzip input is damaged, encrypted, compressed with an unknown method or not seekable",
        "um ZIP ou gzip danificado, protegido por senha, com método de compactação desconhecido ou sem acesso aleatório",
    ),
    "ZIP_MEMBERS": (
        "error",
        "a ZIP archive holds no file, or more than one",
        "um arquivo ZIP sem nenhum arquivo, ou com mais de um",
    ),
    "EXPANSION_LIMIT": (
        "error",
        "a compressed input expands past MAX_EXPANDED_SIZE or MAX_EXPANSION_RATIO",
        "uma entrada compactada se expande além de MAX_EXPANDED_SIZE ou MAX_EXPANSION_RATIO",
    ),
    "LINE_TOO_LONG": (
        "error",
        "a line longer than MAX_LINE_LENGTH bytes",
        "uma linha com mais de MAX_LINE_LENGTH bytes",
    ),
    "TOO_MANY_FIELDS": (
        "error",
        "a record with more than MAX_FIELDS fields",
        "um registro com mais de MAX_FIELDS campos",
    ),
    "TOO_MANY_LINES": (
        "error",
        "more revenue lines, or more 9900 registers, than any real file holds",
        "mais linhas de receita, ou mais registros no 9900, do que qualquer arquivo real tem",
    ),
    "MALFORMED_LINE": (
        "error",
        "a line that is not a record |REG|…|" + _LENIENT_EN,
        "uma linha que não é um registro |REG|…|" + _LENIENT_PT,
    ),
    "MISSING_FIELD": (
        "error",
        "a record lacks a field the metric reads",
        "falta num registro um campo que o cálculo lê",
    ),
    "BLOCK_STRUCTURE": (
        "error",
        "a record outside its block, or a block opened or closed out of order" + _LENIENT_EN,
        "um registro fora do seu bloco, ou um bloco aberto ou encerrado fora de ordem"
        + _LENIENT_PT,
    ),
    "COUNT_MISMATCH": (
        "error",
        "a counter (x990, 9900, 9990, 9999) disagrees with the lines counted" + _LENIENT_EN,
        "um totalizador (x990, 9900, 9990, 9999) não confere com as linhas contadas" + _LENIENT_PT,
    ),
    "UNKNOWN_RECORD": (
        "error",
        "a register the layout does not have in a block of figures (L, P, T, U), in every mode",
        "um registro que o leiaute não tem num bloco de valores (L, P, T, U), em qualquer modo",
    ),
    "UNKNOWN_LAYOUT": (
        "error",
        "0000.COD_VER is not a layout version (it decides where 0010's fields are)",
        "o 0000.COD_VER não é uma versão de leiaute (ele decide onde estão os campos do 0010)",
    ),
    "BAD_PARAMETER": (
        "error",
        "a declared parameter of 0000 or 0010 is outside its closed list or contradicts another",
        "um parâmetro declarado no 0000 ou no 0010 está fora da sua lista ou contradiz outro",
    ),
    "BAD_PERIOD": (
        "error",
        "an x030 period that the declared regime does not allow, or outside the file's span",
        "um período x030 que a forma de tributação declarada não permite, ou fora do período do arquivo",
    ),
    "DUPLICATE_PERIOD": (
        "error",
        "the same period is given twice in a block",
        "o mesmo período aparece duas vezes num bloco",
    ),
    "OUTSIDE_PERIOD": (
        "error",
        "a revenue record outside an x030 period",
        "um registro de receita fora de um período x030",
    ),
    "BAD_CODE": (
        "error",
        "a CODIGO that is not digits in dot-separated groups",
        "um CODIGO que não é formado por dígitos em grupos separados por ponto",
    ),
    "DUPLICATE_CODE": (
        "error",
        "the same code is given twice in one period",
        "o mesmo código aparece duas vezes num período",
    ),
    "UNKNOWN_CODE": (
        "error",
        "a code the RFB's table in force for the period does not hold, or a code under the "
        "revenue subtree that is neither revenue nor a deduction",
        "um código que a tabela da RFB em vigor no período não tem, ou um código dentro da "
        "receita que não é receita nem dedução",
    ),
    "TABLE_NOT_CHECKED": (
        "warning",
        "no RFB table the library holds covers the year: the codes were not checked",
        "nenhuma tabela da RFB que a biblioteca conhece cobre o ano: os códigos não foram conferidos",
    ),
    "TYPE_MISMATCH": (
        "warning",
        "a line's type (S/A) differs from the RFB table's; the file's lines decide the sums",
        "o tipo (S/A) de uma linha difere do da tabela da RFB; as linhas do arquivo decidem as somas",
    ),
    "BAD_AMOUNT": (
        "error",
        "an amount (or IND_VALOR) not written as the layout says",
        "um valor (ou IND_VALOR) fora do formato do leiaute",
    ),
    "BAD_DATE": (
        "error",
        "a date that is not a real ddmmaaaa date",
        "uma data que não é uma data ddmmaaaa válida",
    ),
    "INTERNAL_ERROR": (
        "error",
        "a bug in ecfmetric: please report it with the file",
        "um defeito do ecfmetric: por favor, informe-o junto com o arquivo",
    ),
    # Refusals that are not about the file's format.
    "METRIC_UNAVAILABLE": (
        "error",
        "the file is well formed but its revenue cannot be read from it: fill the form",
        "o arquivo é bem formado, mas a receita não pode ser lida dele: preencha o formulário",
    ),
    "BAD_FORM_INPUT": (
        "error",
        "a value typed into the form is refused (FormInputError; its field names it)",
        "um valor digitado no formulário foi recusado (FormInputError; o campo o indica)",
    ),
    "WORKER_CRASHED": (
        "error",
        "read_many(): the process reading the file died twice (killed, out of memory)",
        "read_many(): o processo que lia o arquivo morreu duas vezes (encerrado, sem memória)",
    ),
    "BAD_SIGNATURE": (
        "error",
        "the signature block after 9999 cannot be read",
        "o bloco de assinatura após o 9999 não pode ser lido",
    ),
    "NO_SIGNATURE_BLOB": (
        "error",
        "the signature marker SBRCAAEPDR is not followed by a signature",
        "o marcador de assinatura SBRCAAEPDR não é seguido de uma assinatura",
    ),
    "SIGNATURE_TOO_LARGE": (
        "error",
        "more bytes after the signature marker than a signature has",
        "mais bytes após o marcador de assinatura do que uma assinatura tem",
    ),
    "SIGNATURE_EXTRA_MISSING": (
        "error",
        "reading a signature needs pip install 'ecfmetric[signature]'",
        "ler uma assinatura requer pip install 'ecfmetric[signature]'",
    ),
    # The command line's own refusals.
    "ECF_ERROR": (
        "error",
        "command line: an EcfError without a code",
        "linha de comando: um EcfError sem código",
    ),
    "FILE_NOT_FOUND": (
        "error",
        "command line: the file does not exist",
        "linha de comando: o arquivo não existe",
    ),
    "PERMISSION_DENIED": (
        "error",
        "command line: the file cannot be read (permissions)",
        "linha de comando: sem permissão para ler o arquivo",
    ),
    "IS_A_DIRECTORY": (
        "error",
        "command line: the path is a folder, not a file",
        "linha de comando: o caminho é uma pasta, não um arquivo",
    ),
    "OS_ERROR": (
        "error",
        "command line: the system could not read the file",
        "linha de comando: o sistema não conseguiu ler o arquivo",
    ),
    # Warnings of a metric: the figure stands, with something to check.
    "MORE_FINDINGS": (
        "warning",
        "more findings of the same kinds were counted but not listed",
        "mais ocorrências do mesmo tipo foram contadas, mas não listadas",
    ),
    "ENCODING_MIXED": (
        "warning",
        "some text did not decode with the file's encoding",
        "parte do texto não pôde ser lida com a codificação do arquivo",
    ),
    "NEWER_LAYOUT": (
        "warning",
        "a layout newer than the newest known, read with the newest field map",
        "um leiaute mais novo que o mais recente conhecido, lido com os campos do mais recente",
    ),
    "LAYOUT_YEAR_MISMATCH": (
        "warning",
        "the layout version is not the one for the file's year",
        "a versão do leiaute não é a do ano do arquivo",
    ),
    "CNPJ_CHECK_DIGITS": (
        "warning",
        "0000.CNPJ or COD_SCP has invalid check digits",
        "o 0000.CNPJ ou o COD_SCP tem dígitos verificadores inválidos",
    ),
    "Y540_CNPJ": (
        "warning",
        "a Y540 establishment is not a valid CNPJ of the company",
        "um estabelecimento do Y540 não é um CNPJ válido da empresa",
    ),
    "NEGATIVE_NET_REVENUE": (
        "warning",
        "the deductions exceed the gross revenue: the net revenue is negative",
        "as deduções superam a receita bruta: a receita líquida é negativa",
    ),
    "PARTIAL_YEAR": (
        "warning",
        "the file covers part of the calendar year only",
        "o arquivo abrange só parte do ano-calendário",
    ),
    "P200_WITHOUT_P150": (
        "warning",
        "a presumido filer with books but no P150: revenue read from P200",
        "Lucro Presumido com escrituração contábil, mas sem P150: receita lida do P200",
    ),
    "COD_QUALIF_PJ_MISSING": (
        "warning",
        "0010.COD_QUALIF_PJ is empty: read with the general plan",
        "o 0010.COD_QUALIF_PJ está vazio: lido com o plano geral",
    ),
    "NO_REVENUE_LINES": (
        "warning",
        "a period has no revenue line: its gross revenue is 0",
        "um período sem linhas de receita: receita bruta 0",
    ),
    "UNKNOWN_COMPONENTS": (
        "warning",
        "the file does not state some components: they and the net revenue are unknown",
        "o arquivo não informa alguns componentes: eles e a receita líquida são desconhecidos",
    ),
    "DEDUCTIONS_NOT_SPLIT": (
        "warning",
        "a deductions subtotal without its lines: how it splits is unknown",
        "um subtotal de deduções sem as suas linhas: a sua composição é desconhecida",
    ),
    "NET_REVENUE_LINE_MISSING": (
        "warning",
        "no RECEITA LIQUIDA line to check the computed net revenue against",
        "sem a linha RECEITA LÍQUIDA para conferir a receita líquida calculada",
    ),
    "NET_REVENUE_MISMATCH": (
        "warning",
        "the file's RECEITA LIQUIDA differs from the net revenue its lines give",
        "a RECEITA LÍQUIDA do arquivo difere da receita líquida que as suas linhas dão",
    ),
    "SYNTHETIC_SUM_MISMATCH": (
        "warning",
        "a synthetic line differs from the sum of the lines below it",
        "uma linha sintética difere da soma das linhas abaixo dela",
    ),
    "PROXY_DEFINITION": (
        "warning",
        "a plan without a receita bruta subtree (COSIF, insurers): the metric is a documented proxy",
        "um plano sem conta de receita bruta (COSIF, seguradoras): a receita é uma aproximação documentada",
    ),
    "INSURER_RFB_REVENUE": (
        "warning",
        "an insurer's revenue by the RFB's own rule, for comparison",
        "a receita da seguradora pela regra da RFB, para comparação",
    ),
    "UNUSUAL_SIGN": (
        "warning",
        "a revenue line with an unexpected C/D indicator (its sign is kept)",
        "uma linha de receita com indicador C/D inesperado (o sinal é mantido)",
    ),
    "P200_DESCRIPTION_MISMATCH": (
        "warning",
        "a P200 line whose description and code disagree on being receita bruta",
        "uma linha do P200 cuja descrição e código divergem sobre ser receita bruta",
    ),
    "T120_DESCRIPTION_MISMATCH": (
        "warning",
        "a T120 line whose description and code disagree on being receita bruta",
        "uma linha do T120 cuja descrição e código divergem sobre ser receita bruta",
    ),
    "T150_3_NONZERO": (
        "warning",
        "T150 code 3 is not zero; it is not added",
        "o código 3 do T150 não é zero; não é somado",
    ),
    "PERIODS_NOT_CONTIGUOUS": (
        "warning",
        "the periods read leave a gap, overlap, or miss the file's span",
        "os períodos lidos deixam intervalo, se sobrepõem ou não cobrem o período do arquivo",
    ),
    "A12_A00_MISMATCH": (
        "warning",
        "A12's gross revenue differs from A00's (A00 is used)",
        "a receita bruta do A12 difere da do A00 (é usado o A00)",
    ),
    "P200_P150_MISMATCH": (
        "warning",
        "P200's revenue differs from P150's gross − cancellations − discounts",
        "a receita do P200 difere da receita bruta − cancelamentos − descontos do P150",
    ),
    "Y540_MISMATCH": (
        "warning",
        "Y540's revenue by establishment differs from the DRE's",
        "a receita por estabelecimento do Y540 difere da DRE",
    ),
    "PVA_WARNING": (
        "warning",
        "a warning the PVA itself wrote into the file (record 9100, Avisos da Escrituração); "
        "it changes no number",
        "um aviso que o próprio PVA gravou no arquivo (registro 9100, Avisos da Escrituração); "
        "não muda nenhum valor",
    ),
    "SIGNATURE_MISMATCH": (
        "warning",
        "the file's signature does not verify (the content changed after signing, or the "
        "signature is over other bytes): a warning on the metric, an error in validate()",
        "a assinatura do arquivo não confere (o conteúdo mudou depois de assinado, ou a "
        "assinatura é de outros bytes): um aviso na receita, um erro no validate()",
    ),
    # Notes a proof keeps on a figure.
    "HEAD_OFFICE_FILE": (
        "note",
        "the head office's file stands for a listed establishment of the same company",
        "o arquivo da matriz vale para um estabelecimento relacionado da mesma empresa",
    ),
    "RECTIFIED": (
        "note",
        "a rectifying ECF replaced the earlier ECF's figure",
        "uma ECF retificadora substituiu o valor da ECF anterior",
    ),
    "REPLACED": (
        "note",
        "a figure replaced on request (replace=True)",
        "um valor substituído a pedido (replace=True)",
    ),
}

_PROOF_PT: dict[str, str] = {
    "PROOF_ERROR": "uma regra da comprovação foi violada (código de um ProofError criado fora do ecfmetric)",
    "BAD_REFERENCE_YEAR": "o ano de referência da comprovação não é um inteiro",
    "BAD_COMPANY": "uma empresa relacionada não é um CNPJ nem um par (cnpj, nome)",
    "BAD_COMPANY_NAME": "o nome de uma empresa relacionada não é um texto",
    "INVALID_CNPJ": "um CNPJ com formato ou dígitos verificadores inválidos",
    "ALREADY_LISTED": "a empresa já está na comprovação",
    "COMPANY_NOT_IN_PROOF": "a empresa não está relacionada na comprovação (CompanyNotInProofError)",
    "NO_CNPJ": "a receita não indica a empresa (formulário sem CNPJ): passe cnpj=",
    "ANOTHER_COMPANY": "cnpj= indica outra empresa que não a do CNPJ da receita",
    "SEVERAL_BRANCHES": "o arquivo da matriz serve a várias filiais relacionadas: passe cnpj=",
    "WRONG_YEAR": "a receita é de outro ano de referência que o da comprovação",
    "NO_NET_REVENUE": "a receita não tem receita líquida (preencha o formulário para a empresa)",
    "BAD_METRIC": "a receita não é uma que a biblioteca consiga gravar e reler exatamente",
    "FILE_ALREADY_SAVED": "o mesmo arquivo (mesma impressão digital) já está gravado na comprovação",
    "FIGURE_EXISTS": "a empresa já tem um valor: replace=True ou discard=True (FigureExistsError)",
    "PROOF_CONCLUDED": "a comprovação está concluída e não pode mais mudar",
    "NO_COMPANIES": "a comprovação não relaciona nenhuma empresa e não pode ser concluída",
    "COMPANIES_PENDING": "há empresas sem valor, então a comprovação não pode ser concluída",
    "NO_FIGURE": "a empresa não tem valor gravado para contestar (ContestError)",
    "UNKNOWN_COMPONENT": "não é um componente contestável; a receita líquida é calculada (ContestError)",
    "BAD_CONTEST_VALUE": "o valor contestado não é um valor que o formulário aceita (ContestError)",
    "REASON_REQUIRED": "uma contestação precisa de um motivo não vazio (ContestError)",
    "BAD_CONTEST_AUTHOR": "o by= de uma contestação não é None nem um texto (ContestError)",
    "SAME_AS_FILE": "o valor contestado é o próprio valor do arquivo: nada a contestar (ContestError)",
    "NOT_CONTESTED": "o componente não está contestado: não há o que retirar (ContestError)",
    "BAD_PROOF_DATA": "uma comprovação gravada não é o que a biblioteca escreve (BadProofDataError, com path)",
}


def _catalogue() -> dict[str, CodeInfo]:
    # Keys are checked against the Code Literal by tests/test_i18n.py.
    entries: dict[str, CodeInfo] = {
        code: CodeInfo(kind, en, pt) for code, (kind, en, pt) in _FILE.items()
    }
    for code, meaning in PROOF_ERROR_CODES.items():
        entries[code] = CodeInfo("error", meaning, _PROOF_PT[code])
    return dict(sorted(entries.items()))


class CodeCatalogue(Mapping[Code, CodeInfo]):
    """The read-only catalogue of codes, looked up by any ``str``: ``CODES.get(text)`` and
    ``CODES[text]`` type-check without a cast (a code read from JSON, a log, a form). An
    unknown code is ``None`` with ``get`` and ``KeyError`` with ``[]``."""

    __slots__ = ("_entries",)

    def __init__(self, entries: Mapping[str, CodeInfo]) -> None:
        self._entries: dict[str, CodeInfo] = dict(entries)

    def __getitem__(self, code: str) -> CodeInfo:
        return self._entries[code]

    def __iter__(self) -> Iterator[Code]:
        # The keys are the Code Literal's values (tests/test_i18n.py holds the two equal).
        return iter(cast("list[Code]", list(self._entries)))

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, code: object) -> bool:
        return code in self._entries

    @overload
    def get(self, code: str, /) -> CodeInfo | None: ...
    @overload
    def get(self, code: str, default: CodeInfo, /) -> CodeInfo: ...
    @overload
    def get(self, code: str, default: _T, /) -> CodeInfo | _T: ...
    def get(self, code: str, default: object = None, /) -> object:
        """The code's :class:`CodeInfo`, or ``default`` (``None``) for a code not listed."""
        return self._entries.get(code, default)

    def __repr__(self) -> str:
        return f"CodeCatalogue({len(self)} codes)"


#: Every code of an error, a warning or a proof's note → its kind and meaning.
CODES: CodeCatalogue = CodeCatalogue(_catalogue())
