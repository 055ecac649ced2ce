"""--help and usage errors speak the language in force: Portuguese by default, exactly as before
the words moved to the word tables (tests/golden/help.pt.txt is the help the parser printed
before, when its texts were written in cli/_parser.py); English with ``--lang en`` or
ECFMETRIC_LANG=en, with no Portuguese word of the table's help left in it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ecfmetric.cli import _formats
from ecfmetric.cli._cli import main
from ecfmetric.cli._parser import language
from ecfmetric.model._labels import WORDS

HELP_PT = Path(__file__).parent / "golden" / "help.pt.txt"
PROG = "python -m ecfmetric"
#: Words of the Portuguese help that are no Portuguese of their own: names (formats, the
#: metavars, the package, its variable, JSON keys) and the words English spells alike.
_NAMES = (
    "CSV JSON SPED ECF Excel UTF BOM ZIP gzip txt OUT FILE PVA CNPJ xlsx pip install ecfmetric "
    "ECFMETRIC_LANG hashcode check csv excel lines lang json lenient signature help version "
    "pt en file error code message line_number record field extra total"
)
NAMES = frozenset(_NAMES.split())
#: The word keys of the description and of every option's help.
HELP_KEYS = [key for key in WORDS["pt"] if key.startswith("help.")]


def _help(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as done:
        main([*args, "--help"], prog=PROG)
    assert done.value.code == 0
    return capsys.readouterr().out


def _flat(text: str) -> str:
    """Without whitespace: argparse wraps the help at the terminal's width."""
    return "".join(text.split())


def _portuguese_words() -> set[str]:
    """The words of the Portuguese help that are not names (accents and all)."""
    words: set[str] = set()
    for key in [*HELP_KEYS, "parser.positionals", "parser.options", "parser.usage"]:
        words |= set(re.findall(r"[A-Za-zÀ-ÿ_]{3,}", WORDS["pt"][key]))
    return words - NAMES


@pytest.fixture(autouse=True)
def _terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("ECFMETRIC_LANG", raising=False)


def test_portuguese_help_is_as_before(capsys: pytest.CaptureFixture[str]) -> None:
    assert _help(capsys) == HELP_PT.read_text(encoding="utf-8")
    assert _help(capsys, "--lang", "pt") == HELP_PT.read_text(encoding="utf-8")


@pytest.mark.parametrize("how", ["--lang en", "--lang=en", "ECFMETRIC_LANG=en", "pt then en"])
def test_english_help_has_no_portuguese_word(
    how: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if how == "ECFMETRIC_LANG=en":
        monkeypatch.setenv("ECFMETRIC_LANG", "en")
        args: list[str] = []
    else:
        args = {"--lang en": ["--lang", "en"], "--lang=en": ["--lang=en"]}.get(
            how, ["--lang", "pt", "--lang", "en"]
        )
    shown = _help(capsys, *args)
    assert shown.startswith(f"usage: {PROG} [-h]")
    assert "\npositional arguments:\n" in shown
    assert "\noptions:\n" in shown
    for key in HELP_KEYS:
        assert _flat(WORDS["en"][key].format()) in _flat(shown), key
    portuguese = _portuguese_words()
    assert {"mostra", "arquivo", "opções", "idioma", "leitura", "uso"} <= portuguese  # can fail
    found = set(re.findall(r"[A-Za-zÀ-ÿ_]{3,}", shown)) & portuguese
    assert not found, found


def test_every_option_has_its_help_in_both_languages() -> None:
    """Each row of the table of formats names a word that both tables hold, and no help is the
    same in both (an untranslated text)."""
    keys = [row.help for row in _formats.FORMATS if row.option is not None]
    assert keys == ["help.json", "help.csv", "help.excel", "help.lines", "help.xlsx"]
    for key in HELP_KEYS:
        assert WORDS["pt"][key] != WORDS["en"][key], key


def test_environment_english_but_lang_pt_is_portuguese(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ECFMETRIC_LANG", "en")
    assert _help(capsys, "--lang", "pt") == HELP_PT.read_text(encoding="utf-8")


def test_usage_errors_in_english(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """argparse's own error texts, from the English table; the same call in Portuguese."""
    for lang, expected in (
        ("en", "error: argument --json: not allowed with argument --csv"),
        ("pt", "erro: o argumento --json não pode ser usado com o argumento --csv"),
    ):
        with pytest.raises(SystemExit) as done:
            main(["--lang", lang, "--csv", "--json", "x"], prog=PROG)
        assert done.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith("usage: " if lang == "en" else "uso: ")
        assert expected in err
    monkeypatch.setenv("ECFMETRIC_LANG", "en")
    with pytest.raises(SystemExit):
        main([], prog=PROG)
    assert "error: the following arguments are required: FILE" in capsys.readouterr().err


def test_the_language_is_found_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    assert language([]) == "pt"
    assert language(["--lang", "en", "x"]) == "en"
    assert language(["--lan=en", "x"]) == "en"
    assert language(["--lang", "en", "--lang", "pt"]) == "pt"
    assert language(["--", "--lang", "en"]) == "pt"  # after "--", a file named --lang
    assert language(["--lenient", "en"]) == "pt"
    assert language(["--lang"]) == "pt"
    monkeypatch.setenv("ECFMETRIC_LANG", "en")
    assert language(["x"]) == "en"
    assert language(["--lang", "pt"]) == "pt"


#: Every kind of usage error argparse can give this parser, with a command line that gives it.
USAGE_ERRORS = [
    [],  # the following arguments are required
    ["--nope", "x"],  # unrecognized arguments
    ["--lang", "fr", "x"],  # invalid choice
    ["--csv", "--json", "x"],  # not allowed with
    ["x", "--lines"],  # expected one argument
    ["--l", "x"],  # ambiguous option (--lines, --lenient, --lang)
    ["--json=yes", "x"],  # ignored explicit argument
]
# argparse's English words, none of which a Portuguese usage error may hold.
ENGLISH = re.compile(
    r"\b(argument|arguments|required|unrecognized|invalid|choice|allowed|expected|ambiguous|"
    r"ignored|explicit|error|usage)\b"
)


@pytest.mark.parametrize("argv", USAGE_ERRORS, ids=lambda argv: " ".join(argv) or "(none)")
def test_every_usage_error_is_in_portuguese(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Each usage error argparse gives is said from the word table: in Portuguese by default,
    no English word of argparse's left (the argument names and values are quoted as given)."""
    with pytest.raises(SystemExit) as done:
        main(argv, prog=PROG)
    assert done.value.code == 2
    err = capsys.readouterr().err
    message = err.split(f"{PROG}: erro: ", 1)[1]
    assert not ENGLISH.search(message), message
    with pytest.raises(SystemExit):
        main([*argv, "--lang", "en"], prog=PROG)
    assert f"{PROG}: error: " in capsys.readouterr().err
