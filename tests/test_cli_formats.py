"""The table of output formats: the CLI's options and what each mode writes come from its rows.

A throwaway format (a renderer in a module made here, and one row added to the table) is
offered by --help, chosen by its option and used, with no other change to the CLI; a mode its
row lacks falls back to the default text (on standard output) or is refused (to a file).
"""

from __future__ import annotations

import io
import sys
import types
from collections.abc import Sequence
from pathlib import Path

import pytest

from ecfmetric.cli import _cli, _formats
from ecfmetric.model._labels import WORDS
from ecfmetric.present._outputs import FileResult, Output, Renderer

ROOT = Path(__file__).parent.parent
# Net revenue 10402217.49 and CNPJ 12345678000195: fixtures/real_annual_0012_crlf_latin1
# .expected.json, worked out by hand from its lines (the fixture's README).
SAMPLE = ROOT / "fixtures" / "real_annual_0012_crlf_latin1.txt"


class _Tally(Renderer):
    """One line per file: ``path<TAB>CNPJ<TAB>net``; on a file, the number of files read."""

    def metrics(self, results: Sequence[FileResult], output: Output) -> None:
        if output.file is not None:
            output.file.write(f"{sum(r.metric is not None for r in results)}\n".encode())
            return
        for r in results:
            assert r.metric is not None
            print(f"{Path(r.path).name}\t{r.metric.cnpj}\t{r.metric.net_revenue}")


@pytest.fixture
def tally(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two rows: --tally on standard output (reading only), --tally-to OUT to a file."""
    module = types.ModuleType("throwaway_tally_format")
    module.TALLY = _Tally()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    rows = [
        _formats.OutputFormat(
            "--tally",
            "help.tally",
            f"{module.__name__}:TALLY",
            modes=_formats.READ,
        ),
        _formats.OutputFormat(
            "--tally-to",
            "help.tally_to",
            f"{module.__name__}:TALLY",
            modes=_formats.READ,
            to_file=True,
            not_with="--tally-to: not with --check",
        ),
    ]
    monkeypatch.setattr(_formats, "FORMATS", [*_formats.FORMATS, *rows])
    # Their help, one word in each language's table.
    for lang, tally, tally_to in (
        (
            "pt",
            "uma linha por arquivo: CNPJ e receita líquida",
            "grava o número de arquivos lidos em OUT",
        ),
        ("en", "one line per file: CNPJ and net revenue", "write the number of files read to OUT"),
    ):
        monkeypatch.setitem(WORDS[lang], "help.tally", tally)
        monkeypatch.setitem(WORDS[lang], "help.tally_to", tally_to)


def _main(monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    try:
        status = _cli.main(list(args))
    except SystemExit as done:
        status = int(done.code or 0)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.usefixtures("tally")
def test_a_new_row_is_an_option_in_help(monkeypatch: pytest.MonkeyPatch) -> None:
    status, out, _ = _main(monkeypatch, "--help")
    assert status == 0
    assert "--tally" in out
    assert "uma linha por arquivo: CNPJ e receita líquida" in out
    assert "--tally-to OUT" in out
    status, out, _ = _main(monkeypatch, "--lang", "en", "--help")
    assert status == 0
    assert "one line per file: CNPJ and net revenue" in out


@pytest.mark.usefixtures("tally")
def test_a_new_row_is_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "count.txt"
    status, out, err = _main(monkeypatch, "--tally", "--tally-to", str(target), str(SAMPLE))
    assert (status, err) == (0, "")
    assert out == f"{SAMPLE.name}\t12345678000195\t10402217.49\n"
    assert target.read_text() == "1\n"


@pytest.mark.usefixtures("tally")
def test_a_new_row_on_stdout_is_one_of_the_exclusive_formats(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    status, _, err = _main(monkeypatch, "--tally", "--json", str(SAMPLE))
    assert status == 2
    assert "--json" in err
    assert "--tally" in err


@pytest.mark.usefixtures("tally")
def test_a_mode_the_row_lacks(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """On standard output, --check falls back to the text report; to a file, a usage error."""
    status, out, _ = _main(monkeypatch, "--tally", "--check", str(SAMPLE))
    assert status == 0
    assert out.startswith(f"{SAMPLE}: OK, nenhum erro")
    status, _, err = _main(monkeypatch, "--tally-to", str(tmp_path / "n"), "--check", str(SAMPLE))
    assert status == 2
    assert err.rstrip().endswith("--tally-to: not with --check")
    assert not (tmp_path / "n").exists()


def test_the_table_makes_the_options() -> None:
    """Every row with an option is an option of the parser; the first row is the default."""
    from ecfmetric.cli._parser import parser

    options = {o for action in parser()._actions for o in action.option_strings}
    rows = [row.option for row in _formats.FORMATS]
    assert rows[0] is None
    assert set(rows[1:]) <= options
    assert rows[1:] == ["--json", "--csv", "--excel", "--lines", "--xlsx"]


@pytest.mark.parametrize("row", _formats.FORMATS, ids=lambda row: row.option or "text")
def test_every_row_names_a_renderer_on_the_present_floor(row: _formats.OutputFormat) -> None:
    """The renderer is imported by name (lint-imports cannot see it): it must be on the present
    floor, and write every mode its row lists (the base Renderer's methods only raise)."""
    assert row.renderer.startswith("ecfmetric.present.")
    renderer = row.load()
    assert isinstance(renderer, Renderer)
    method = {"read": "metrics", "check": "checks", "signature": "signatures"}
    for mode in row.modes:
        assert getattr(type(renderer), method[mode]) is not getattr(Renderer, method[mode]), mode
    if row.to_file:
        assert row.not_with is not None or row.modes == _formats.ALL_MODES


@pytest.mark.parametrize(
    ("lang", "usage", "error"), [("pt", "uso: ", "erro: "), ("en", "usage: ", "error: ")]
)
def test_usage_errors_take_their_words_from_the_word_table(
    monkeypatch: pytest.MonkeyPatch, lang: str, usage: str, error: str
) -> None:
    """argparse's 'usage:' and 'error:' in the reader's language (parser.* of model/_words_*)."""
    status, _, err = _main(monkeypatch, "--lang", lang, "--bogus", str(SAMPLE))
    assert status == 2
    assert err.startswith(f"{usage}ecfmetric [-h]")
    assert f"ecfmetric: {error}" in err
