"""The command line's arguments: argparse speaking the language in force, every word of
``--help`` and of a usage error drawn from the word table (``parser.*``, ``help.*``), the output
options drawn from the table of output formats (:data:`~ecfmetric.cli._formats.FORMATS`)."""

from __future__ import annotations

import argparse
import functools
import os
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from .. import __version__
from ..model._labels import WORDS, Lang
from . import _formats

EXIT_USAGE = 2

# argparse's own sentences (gettext, English): which word of the table says each.
_ARGPARSE = (
    (re.compile(r"the following arguments are required: (?P<arguments>.*)"), "parser.required"),
    (re.compile(r"unrecognized arguments: (?P<arguments>.*)"), "parser.unrecognized"),
    (
        re.compile(
            r"argument (?P<argument>\S+): invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)"
        ),
        "parser.invalid_choice",
    ),
    (
        re.compile(r"argument (?P<argument>\S+): not allowed with argument (?P<other>\S+)"),
        "parser.not_allowed",
    ),
    (re.compile(r"argument (?P<argument>\S+): expected one argument"), "parser.expected_one"),
    (re.compile(r"ambiguous option: (?P<option>.*)"), "parser.ambiguous"),
    (
        re.compile(r"argument (?P<argument>\S+): ignored explicit argument (?P<value>.*)"),
        "parser.ignored_value",
    ),
)


def language(argv: Sequence[str]) -> Lang:
    """The language of the help and of usage errors, known before argparse runs (``--help``
    exits while parsing): the last ``--lang`` of ``argv`` (``--lang en``, ``--lang=en``, or
    argparse's ``--lan``/``--la``), else ECFMETRIC_LANG; Portuguese by default."""
    wanted = os.environ.get("ECFMETRIC_LANG", "")[:2].lower()
    given = list(argv)
    for at, argument in enumerate(given):
        if argument == "--":
            break
        name, equals, value = argument.partition("=")
        if len(name) < 4 or not "--lang".startswith(name):
            continue
        if equals:
            wanted = value
        elif at + 1 < len(given):
            wanted = given[at + 1]
    return "en" if wanted == "en" else "pt"


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
        return super().format_help().replace("usage: ", WORDS[self.lang]["parser.usage"], 1)

    def error(self, message: str) -> NoReturn:
        for pattern, key in _ARGPARSE:
            found = pattern.fullmatch(message)
            if found:
                message = WORDS[self.lang][key].format(**found.groupdict())
                break
        self.print_usage(sys.stderr)
        word = WORDS[self.lang]["parser.error"]
        self.exit(EXIT_USAGE, f"{self.prog}: {word}: {message}\n")


def parser(prog: str = "ecfmetric", lang: Lang = "pt") -> Parser:
    """The parser: the files, the output formats of the table, the modes and the options, its
    help and usage errors in ``lang``."""
    words = WORDS[lang]

    def said(key: str) -> str:
        return words[key].format()  # a word is a template: "{{" is a brace

    built = Parser(
        prog=prog,
        # add_argument() builds a help formatter for each argument (to check its metavar), and
        # argparse's default one imports shutil and asks the terminal its width: a fixed width
        # while the parser is built; help and usage errors get the terminal's (set below).
        formatter_class=functools.partial(argparse.HelpFormatter, width=80),
        description=said("help.description"),
        add_help=False,
    )
    built.lang = lang
    built._positionals.title = words["parser.positionals"]
    built._optionals.title = words["parser.options"]
    built.add_argument("-h", "--help", action="help", help=said("help.help"))
    built.add_argument("files", nargs="+", metavar="FILE", help=said("help.files"))
    built.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help=said("help.version")
    )
    # One format on standard output at a time; those written to a file go with any of them.
    on_stdout = built.add_mutually_exclusive_group()
    for row in _formats.FORMATS:
        if row.option is None:
            continue
        if row.to_file:
            built.add_argument(row.option, metavar="OUT", help=said(row.help))
        else:
            on_stdout.add_argument(row.option, action="store_true", help=said(row.help))
    built.add_argument("--check", action="store_true", help=said("help.check"))
    built.add_argument("--signature", action="store_true", help=said("help.signature"))
    built.add_argument("--lenient", action="store_true", help=said("help.lenient"))
    built.add_argument("--lang", choices=("pt", "en"), default=None, help=said("help.lang"))
    built.formatter_class = argparse.HelpFormatter
    return built
