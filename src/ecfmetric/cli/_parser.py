"""The command line's arguments: argparse speaking Portuguese, the output options drawn from the
table of output formats (:data:`~ecfmetric.cli._formats.FORMATS`)."""

from __future__ import annotations

import argparse
import functools
import re
import sys
from typing import NoReturn

from .. import __version__
from ..model._labels import WORDS, Lang
from . import _formats

EXIT_USAGE = 2

# argparse's own sentences (gettext, English): what they say, in Portuguese.
_ARGPARSE_PT = (
    (re.compile(r"the following arguments are required: (.*)"), r"faltam os argumentos: \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"argumentos não reconhecidos: \1"),
    (
        re.compile(r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)"),
        r"argumento \1: escolha inválida: \2 (escolha entre \3)",
    ),
    (
        re.compile(r"argument (\S+): not allowed with argument (\S+)"),
        r"o argumento \1 não pode ser usado com o argumento \2",
    ),
    (re.compile(r"argument (\S+): expected one argument"), r"o argumento \1 precisa de um valor"),
    (re.compile(r"ambiguous option: (.*)"), r"opção ambígua: \1"),
)


class Parser(argparse.ArgumentParser):
    """argparse speaking Portuguese unless asked for English (``--lang en``, ECFMETRIC_LANG)."""

    lang: Lang = "pt"

    def format_usage(self) -> str:
        formatter = self._get_formatter()
        prefix = WORDS[self.lang]["parser.usage"]
        formatter.add_usage(
            self.usage, self._actions, self._mutually_exclusive_groups, prefix=prefix
        )
        return formatter.format_help()

    def format_help(self) -> str:
        text = super().format_help()
        if self.lang == "pt":
            text = text.replace("usage: ", "uso: ", 1)
            text = text.replace("\npositional arguments:\n", "\nargumentos:\n", 1)
            text = text.replace("\noptions:\n", "\nopções:\n", 1)
        return text

    def error(self, message: str) -> NoReturn:
        if self.lang == "pt":
            for pattern, portuguese in _ARGPARSE_PT:
                if pattern.fullmatch(message):
                    message = pattern.sub(portuguese, message)
                    break
        self.print_usage(sys.stderr)
        word = WORDS[self.lang]["parser.error"]
        self.exit(EXIT_USAGE, f"{self.prog}: {word}: {message}\n")


def parser(prog: str = "ecfmetric") -> Parser:
    """The parser: the files, the output formats of the table, the modes and the options."""
    built = Parser(
        prog=prog,
        # add_argument() builds a help formatter for each argument (to check its metavar), and
        # argparse's default one imports shutil and asks the terminal its width: a fixed width
        # while the parser is built; help and usage errors get the terminal's (set below).
        formatter_class=functools.partial(argparse.HelpFormatter, width=80),
        description=(
            "Lê arquivos SPED ECF e mostra a métrica de receita (receita bruta → receita "
            "líquida). Código de saída: 0 quando todos os arquivos foram lidos (com --check: sem "
            "erro), 1 quando algum foi recusado, 2 em erro de uso, 3 em erro interno (um defeito)."
        ),
        add_help=False,
    )
    built.add_argument("-h", "--help", action="help", help="mostra esta ajuda e sai")
    built.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="arquivo(s) ECF .txt (ou ZIP/gzip); '-' lê a entrada padrão",
    )
    built.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help="mostra a versão"
    )
    # One format on standard output at a time; those written to a file go with any of them.
    on_stdout = built.add_mutually_exclusive_group()
    for row in _formats.FORMATS:
        if row.option is None:
            continue
        if row.to_file:
            built.add_argument(row.option, metavar="OUT", help=row.help)
        else:
            on_stdout.add_argument(row.option, action="store_true", help=row.help)
    built.add_argument(
        "--check",
        action="store_true",
        help="valida: lista cada erro e aviso de cada arquivo e confere a assinatura (uma "
        "assinatura que não confere, ou não pode ser lida, é um erro)",
    )
    built.add_argument(
        "--signature",
        action="store_true",
        help="só lê e confere a assinatura do PVA de cada arquivo (quem assinou, hashcode; "
        "a cadeia de certificados não é verificada)",
    )
    built.add_argument(
        "--lenient",
        action="store_true",
        help="leitura tolerante: problemas de estrutura (contadores, blocos que não alimentam "
        "a métrica) viram avisos (também com --check); o que alimenta um valor nunca",
    )
    built.add_argument(
        "--lang",
        choices=("pt", "en"),
        default=None,
        help="idioma do texto para pessoas: pt (português, o padrão) ou en (inglês, para "
        "desenvolvedores); o padrão segue ECFMETRIC_LANG; códigos e campos não mudam",
    )
    built.formatter_class = argparse.HelpFormatter
    return built
