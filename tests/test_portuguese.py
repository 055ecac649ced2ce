"""No English sentence reaches a person in the default language: every message of the catalogue,
every code's meaning, every word of the renderers, and what every surface shows for the fixtures
(the CLI's text, --check, --signature, --excel and --json messages, str() of findings and errors,
the notebook's HTML, the proof, the form's refusals, OS errors, usage errors) is searched for
common English words. Codes (``BAD_AMOUNT``), field and record names (``COD_VER``,
``messageDigest``), quoted values, file paths and function names (``read()``) are not sentences
and are left out; so are the fixtures' own texts (company names, descriptions)."""

from __future__ import annotations

import contextlib
import html
import io
import json
import re
from pathlib import Path

import pytest

import ecfmetric
from ecfmetric.base._messages_pt import PORTUGUESE
from ecfmetric.cli import _cli
from ecfmetric.model import _labels
from ecfmetric.present import _text

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "fixtures"

#: Words of English sentences that Portuguese does not use (so "no", "do", "a", "total", "as"
#: and "for", as in "quando for zero", are not here). A hit is an English sentence, or a Python
#: name shown to a person.
ENGLISH = frozenset(
    """
    the is are was were been be being has have had cannot can't must should would could this
    that these those which who whom whose what when where why how from by into than then
    only not and or its it it's of with without expected got found missing read line file files
    amount amounts record records digest signed signature signatures verified verify does
    doesn't did there here yes none any some every each more less most least other another same
    different before after between over under about above below again also but if else because
    so such unknown invalid valid wrong error errors warning warnings net gross revenue revenues
    taxes discounts cancellations deductions period periods company companies year years
    unreadable unsupported supported key keys chain certificate certificates match matches
    differs changed content blob holds hold nobody refused status severity message
    """.split()  # noqa: SIM905
)
#: Not sentences: Python's None (``by= … None``).
ALLOWED = frozenset({"None"})

_NOT_PROSE = re.compile(
    r"\{[^}]*\}"  # a template's placeholder
    r"|\b\w+=|\b\w+\(\)|--[\w-]+"  # by=, read(), --signature
    r"|\b[\w.]+\.\w+\(?"  # ecfmetric.read_bytes(, file.txt
    r"|'[^']*'|\"[^\"]*\"|`[^`]*`"  # quoted values
    r"|(?:/[\w.-]+)+"  # paths
)
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:'[a-z]+)?")


def english_words(text: str) -> list[str]:
    """The English words of ``text`` that are prose (codes, names and quoted values left out)."""
    found = []
    for word in _WORD.findall(_NOT_PROSE.sub(" ", text)):
        if (word.isupper() and len(word) > 1) or re.search(r"[a-z][A-Z]", word):
            continue  # a code or record (BAD_AMOUNT, L300), an ASN.1 name (messageDigest)
        if word.lower() in ENGLISH and word not in ALLOWED:
            found.append(word)
    return found


def assert_portuguese(where: str, text: str) -> None:
    for line in text.splitlines():
        assert not english_words(line), f"{where}: English in {line!r}: {english_words(line)}"


def test_the_check_can_fail() -> None:
    """The detector flags English prose and lets Portuguese, codes and names through."""
    assert english_words("the file is empty (0 bytes)") == ["the", "file", "is"]
    assert english_words("cancellations: é ambíguo") == ["cancellations"]
    assert english_words("NÃO verificada: the sha256 digest differs") == [
        "the",
        "digest",
        "differs",
    ]
    assert english_words("o arquivo está vazio (0 bytes); no máximo duas casas") == []
    assert english_words("BAD_AMOUNT linha 16, L300.VALOR (lido: 'the 1.524,15')") == []
    assert english_words("sem o messageDigest; use ecfmetric.read_bytes() ou by=None") == []


# -- what the package says -------------------------------------------------------------------


@pytest.mark.parametrize("template", sorted(PORTUGUESE), ids=lambda t: t[:40])
def test_every_message_is_portuguese(template: str) -> None:
    """Every entry of the catalogue, as Portuguese draws it."""
    assert_portuguese(template, PORTUGUESE[template])


def test_every_code_meaning_is_portuguese() -> None:
    for code, info in ecfmetric.CODES.items():
        assert_portuguese(code, info.meaning_pt)


def test_every_word_of_the_renderers_is_portuguese() -> None:
    """Labels, column headings, status words and the renderers' own words."""
    tables: list[dict[str, str] | dict[str | None, str]] = [
        _labels.LABELS,
        _labels.COMPONENT_WORDS["pt"],
        _labels.STATUS_WORDS["pt"],
        _labels.SEVERITY_WORDS["pt"],
        _labels.SOURCE_WORDS["pt"],
        _labels.COLUMN_WORDS["pt"],
        _labels.FILE_STATUS_WORDS["pt"],
        _labels.FIELD_LABELS["pt"],
        _labels.SIGNATURE_WORDS["pt"],
        _labels.WORDS["pt"],
    ]
    for table in tables:
        for key, words in table.items():
            assert_portuguese(str(key), words)


# -- what every surface shows, for every fixture ------------------------------------------------

TOP = sorted(FIXTURES.glob("*.txt"))
SIGNED = sorted((FIXTURES / "signed").glob("*.ecf"))
BROKEN = sorted((FIXTURES / "broken").glob("*.txt")) + sorted((FIXTURES / "declared").glob("*.txt"))


def test_the_fixtures_are_found() -> None:
    assert len(TOP) >= 20
    assert len(SIGNED) >= 10
    assert len(BROKEN) >= 20


def _cli_output(*args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        contextlib.suppress(SystemExit),
    ):
        _cli.main(list(args))
    return out.getvalue() + err.getvalue()


#: The keys of --json whose values are sentences for a person.
_SENTENCES = frozenset({"message", "error", "signature_error", "reason", "summary", "covers"})


def _messages(data: object) -> list[str]:
    if isinstance(data, dict):
        return [
            text
            for key, value in data.items()
            # A signer's "covers" is a code ("content"); the signature's is words.
            for text in (
                [value] if key in _SENTENCES and isinstance(value, str) and " " in value else []
            )
            + _messages(value)
        ]
    if isinstance(data, list):
        return [text for item in data for text in _messages(item)]
    return []


def _as_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "\n", markup))


def _surfaces(path: Path, modes: list[list[str]]) -> dict[str, str]:
    shown: dict[str, str] = {}
    name = str(path)
    for mode in modes:
        output = _cli_output(*mode, name)
        if "--json" in mode:
            output = "\n".join(_messages(json.loads(output)))
        shown[f"cli {' '.join(mode)}"] = output.replace(name, "ARQUIVO")
    with ecfmetric.language("pt"):
        try:
            metric = ecfmetric.read(path)
        except ecfmetric.EcfError as error:
            shown["str(error)"] = str(error).replace(name, "ARQUIVO")
        else:
            shown["str(finding)"] = "\n".join(str(w) for w in metric.warnings)
            shown["html"] = _as_text(metric._repr_html_())
            shown["text"] = _text.render_metric(metric, "pt").replace(name, "ARQUIVO")
        report = ecfmetric.validate(path)
        shown["report"] = "\n".join(str(f) for f in report.findings)
        shown["report html"] = _as_text(report._repr_html_()).replace(name, "ARQUIVO")
    return shown


def _descriptions(path: Path) -> set[str]:
    """The fixture's own texts (descriptions, names): what the file says, not ecfmetric."""
    data = path.read_bytes().decode("latin-1")
    return {field for line in data.splitlines() for field in line.split("|") if len(field) > 3}


def _check(path: Path, modes: list[list[str]]) -> None:
    own = _descriptions(path)
    for where, text in _surfaces(path, modes).items():
        for piece in sorted(own, key=len, reverse=True):
            text = text.replace(piece, " ")
        assert_portuguese(f"{path.name} {where}", text)


@pytest.mark.parametrize("path", TOP + SIGNED, ids=lambda p: p.name)
def test_every_surface_of_a_fixture_is_portuguese(path: Path) -> None:
    _check(
        path,
        [[], ["--check"], ["--signature"], ["--excel"], ["--json"], ["--check", "--json"]],
    )


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.name)
def test_every_finding_of_a_broken_fixture_is_portuguese(path: Path) -> None:
    _check(path, [[], ["--check"]])


def test_os_errors_and_usage_errors_are_portuguese(tmp_path: Path) -> None:
    for args in (
        [str(tmp_path / "nope.txt")],
        [str(tmp_path)],
        ["--check", str(tmp_path / "nope.txt")],
        ["--signature", str(tmp_path / "nope.txt")],
        ["--json", str(tmp_path / "nope.txt")],
        ["--excel", str(tmp_path / "nope.txt")],
        [],
        ["--bogus", "x"],
        ["--json", "--csv", "x"],
        ["--lang", "xx", "x"],
        ["-", "-"],
        ["--lines", str(tmp_path / "no" / "dir.csv"), "x"],
    ):
        shown = _cli_output(*args).replace(str(tmp_path), "DIR")
        assert shown.strip(), args
        assert_portuguese(" ".join(args), shown.replace("--bogus", ""))


def test_form_proof_and_signature_are_portuguese() -> None:
    with ecfmetric.language("pt"):
        with pytest.raises(ecfmetric.FormInputError) as caught:
            ecfmetric.from_form(
                gross_revenue="1,234.56",
                cancellations="abc",
                taxes=1.5,  # type: ignore[arg-type]
                discounts="1.23,00",
                cnpj="11.222.333/0001-82",
                reference_year=1999,
            )
        assert_portuguese("form", str(caught.value))
        with pytest.raises(ecfmetric.FormInputError) as above:
            ecfmetric.from_form(gross_revenue="100", cancellations="60", taxes="50", discounts=0)
        assert_portuguese("form", str(above.value))
        proof = ecfmetric.Proof(2024, companies=["11.222.333/0001-81"])
        proof.add(
            ecfmetric.from_form(
                gross_revenue="1.000,00",
                cancellations="0,00",
                taxes="150,00",
                discounts="0,00",
                cnpj="11222333000181",
                reference_year=2024,
            )
        )
        for call in (
            lambda: proof.contest("11222333000181", "taxes", "120,00", reason=" "),
            lambda: proof.contest("11222333000181", "taxes", "1234.56", reason="DARF"),
            lambda: proof.contest("11222333000181", "taxes", "150,00", reason="DARF"),
            lambda: proof.withdraw_contest("11222333000181", "taxes"),
        ):
            with pytest.raises(ecfmetric.ContestError) as refused:
                call()
            assert_portuguese("contest", str(refused.value))
        proof.contest("11222333000181", "taxes", "120,00", reason="DARF pago", by="ana")
        assert_portuguese("proof html", _as_text(proof._repr_html_()))
        for path in SIGNED:
            try:
                signature = ecfmetric.read_signature(path)
            except ecfmetric.EcfError as error:
                assert_portuguese(path.name, str(error).replace(str(path), "ARQUIVO"))
                continue
            if signature is None:
                continue
            own = _descriptions(path)
            shown = "\n".join(
                [
                    signature.summary(),
                    signature.covers,
                    signature.chain_note,
                    signature.reason or "",
                    *(signer.reason or "" for signer in signature.signers),
                ]
            )
            for piece in own:
                shown = shown.replace(piece, " ")
            assert_portuguese(path.name, shown)
