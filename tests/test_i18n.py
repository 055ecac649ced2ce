"""Messages in Portuguese by default and English on request, from one catalogue; every code in one
public catalogue with its meaning in both languages."""

from __future__ import annotations

import ast
import datetime as dt
import os
import pickle
import string
import subprocess
import sys
import threading
import typing
from decimal import Decimal
from pathlib import Path

import pytest

import ecfmetric
from ecfmetric.base import _codes_doc
from ecfmetric.base._i18n import Message, format_amount, format_date, tr
from ecfmetric.base._messages_pt import PORTUGUESE
from ecfmetric.types import Code

ROOT = Path(__file__).parent.parent
SRC = ROOT / "src" / "ecfmetric"
BAD_AMOUNT = ROOT / "fixtures" / "bad_amount.txt"


def _trees() -> list[tuple[Path, ast.Module]]:
    return [
        (path, ast.parse(path.read_text(encoding="utf-8"))) for path in sorted(SRC.rglob("*.py"))
    ]


TREES = _trees()


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _templates() -> dict[str, str]:
    """Every template passed to tr() or marked with noop() in the package → where."""
    found: dict[str, str] = {}
    for path, tree in TREES:
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node) in ("tr", "noop") and node.args:
                template = _literal(node.args[0])
                if template is not None:
                    found.setdefault(template, f"{path.name}:{node.lineno}")
    return found


TEMPLATES = _templates()


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _codes_in_source() -> dict[str, str]:
    """Every code the package raises or warns: code="…", Finding("…"), warn("…"), a code
    parameter's default, and the codes the proof and the sources pass by position."""
    found: dict[str, str] = {}
    positional_first = {"Finding", "warn", "_contest_error"}
    for path, tree in TREES:
        for node in ast.walk(tree):
            where = f"{path.name}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    if keyword.arg == "code" and (code := _literal(keyword.value)) is not None:
                        found.setdefault(code, where)
                # The sources pass the code second: self._error(reason, "NOT_ECF").
                index = 1 if path.name == "_sources.py" and _name(node) == "_error" else 0
                by_position = _name(node) in positional_first or index == 1
                if by_position and len(node.args) > index:
                    code = _literal(node.args[index])
                    if code is not None:
                        found.setdefault(code, where)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                arguments = node.args
                positional = [*arguments.posonlyargs, *arguments.args]
                named = positional[len(positional) - len(arguments.defaults) :]
                pairs = [*zip(named, arguments.defaults, strict=True)]
                pairs += [
                    (arg, default)
                    for arg, default in zip(
                        arguments.kwonlyargs, arguments.kw_defaults, strict=True
                    )
                    if default is not None
                ]
                for arg, default in pairs:
                    if arg.arg == "code" and (code := _literal(default)) is not None:
                        found.setdefault(code, where)
    return found


CODES_IN_SOURCE = _codes_in_source()


# -- the message catalogue ---------------------------------------------------------------------


def test_the_scan_finds_the_templates() -> None:
    """The scan finds the templates of the reader, the metric, the form and the proof."""
    assert len(TEMPLATES) > 200
    assert "line {number}" in TEMPLATES
    assert "must not be negative" in TEMPLATES
    assert "the proof lists no company" in TEMPLATES


@pytest.mark.parametrize("template", sorted(TEMPLATES), ids=lambda t: TEMPLATES[t])
def test_every_template_has_its_portuguese(template: str) -> None:
    """Every template in the code has a Portuguese entry with the same placeholders."""
    assert template in PORTUGUESE, f"{TEMPLATES[template]}: no Portuguese for {template!r}"
    assert _placeholders(PORTUGUESE[template]) == _placeholders(template)


def test_no_portuguese_entry_is_stale() -> None:
    """Every Portuguese entry is the translation of a template the code uses."""
    assert sorted(set(PORTUGUESE) - set(TEMPLATES)) == []


def test_templates_take_no_format_spec() -> None:
    """Templates format values by language, so none carries a format spec such as ``:.2f``."""
    specs = {
        template
        for template in TEMPLATES
        if any(spec for _, _, spec, _ in string.Formatter().parse(template))
    }
    assert specs == set()


# -- the code catalogue ------------------------------------------------------------------------


def test_the_scan_finds_the_codes() -> None:
    """The scan finds codes of errors, warnings, proof refusals and notes."""
    for code in ("BAD_AMOUNT", "NET_REVENUE_MISMATCH", "WRONG_YEAR", "RECTIFIED", "EMPTY_FILE"):
        assert code in CODES_IN_SOURCE


@pytest.mark.parametrize("code", sorted(CODES_IN_SOURCE), ids=str)
def test_every_code_raised_or_warned_is_in_codes(code: str) -> None:
    """Every code in the package is in ecfmetric.CODES with a meaning in both languages."""
    assert code in ecfmetric.CODES, f"{CODES_IN_SOURCE[code]}: {code} is not in CODES"
    info = ecfmetric.CODES[code]  # type: ignore[index]
    assert info.meaning_en.strip()
    assert info.meaning_pt.strip()
    assert info.meaning_en != info.meaning_pt


def test_built_and_cli_codes_are_in_codes() -> None:
    """Codes made at run time (the P200/T120 description checks) and the command line's own."""
    for code in (
        "P200_DESCRIPTION_MISMATCH",
        "T120_DESCRIPTION_MISMATCH",
        "ECF_ERROR",
        "FILE_NOT_FOUND",
        "PERMISSION_DENIED",
        "IS_A_DIRECTORY",
        "OS_ERROR",
        "INTERNAL_ERROR",
    ):
        assert code in ecfmetric.CODES


def test_codes_and_the_literal_list_the_same_codes() -> None:
    """ecfmetric.types.Code lists exactly the codes of ecfmetric.CODES."""
    assert set(typing.get_args(Code)) == set(ecfmetric.CODES)


def test_proof_error_codes_are_folded_in() -> None:
    """The old PROOF_ERROR_CODES still works, and each of its codes is an error of CODES."""
    assert len(ecfmetric.PROOF_ERROR_CODES) == len(typing.get_args(ecfmetric.ProofErrorCode))
    for code, meaning in ecfmetric.PROOF_ERROR_CODES.items():
        assert ecfmetric.CODES[code] == ecfmetric.CodeInfo(
            "error", meaning, ecfmetric.CODES[code].meaning_pt
        )


def test_code_meaning_follows_the_language() -> None:
    """CodeInfo.meaning() is the meaning in the current language."""
    info = ecfmetric.CODES["NEGATIVE_NET_REVENUE"]
    assert info.kind == "warning"
    with ecfmetric.language("pt"):
        assert info.meaning() == "as deduções superam a receita bruta: a receita líquida é negativa"
    assert info.meaning() == info.meaning_en


def test_codes_doc_is_the_catalogue() -> None:
    """docs/codes.md's tables are what ecfmetric.CODES renders: edit the catalogue, not the doc."""
    text = (ROOT / "docs" / "codes.md").read_text(encoding="utf-8")
    start = text.index(_codes_doc.BEGIN)
    end = text.index(_codes_doc.END) + len(_codes_doc.END)
    assert text[start:end] + "\n" == _codes_doc.render()
    assert all(f"| `{code}` |" in text for code in ecfmetric.CODES)


# -- Portuguese by default, English on request -------------------------------------------------


def _refusal() -> ecfmetric.EcfFormatError:
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        ecfmetric.read(BAD_AMOUNT)
    return caught.value


def _python(code: str, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k != "ECFMETRIC_LANG"} | env
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        check=True,
        cwd=ROOT,
        env=environment,
        encoding="utf-8",
    )
    return done.stdout


_SHOW_REFUSAL = (
    "import ecfmetric\n"
    "print(ecfmetric.get_language())\n"
    "try:\n"
    "    ecfmetric.read('fixtures/bad_amount.txt')\n"
    "except ecfmetric.EcfError as error:\n"
    "    print(error)\n"
)


def test_the_default_is_portuguese() -> None:
    """Without ECFMETRIC_LANG a refusal reads in Portuguese, pointing at 'linha 16'."""
    language, message = _python(_SHOW_REFUSAL).splitlines()
    assert language == "pt"
    assert message == (
        "fixtures/bad_amount.txt, linha 16, L300.VALOR: esperado um valor com vírgula decimal e "
        "no máximo duas casas decimais, sem sinal e sem separador de milhar (como 12000000,00) "
        "(lido: '1.524.380,15')"
    )


def test_ecfmetric_lang_sets_the_default() -> None:
    """ECFMETRIC_LANG=en, read at import, makes English the default."""
    language, message = _python(_SHOW_REFUSAL, ECFMETRIC_LANG="en").splitlines()
    assert language == "en"
    assert message.startswith("fixtures/bad_amount.txt, line 16, L300.VALOR: expected an amount")


def test_a_refusal_in_both_languages() -> None:
    """The same error reads in Portuguese or English; its structured fields do not change."""
    error = _refusal()
    with ecfmetric.language("pt"):
        pt = (str(error), error.reason)
        fields_pt = (error.code, error.line_number, error.record, error.field, error.text)
    with ecfmetric.language("en"):
        en = (str(error), error.reason)
        fields_en = (error.code, error.line_number, error.record, error.field, error.text)
    assert pt[0].endswith(
        "linha 16, L300.VALOR: esperado um valor com vírgula decimal e no máximo duas casas "
        "decimais, sem sinal e sem separador de milhar (como 12000000,00) (lido: '1.524.380,15')"
    )
    assert en[0].endswith(
        "line 16, L300.VALOR: expected an amount with a decimal comma and at most two decimals, "
        "no sign and no thousands separator (such as 12000000,00) (got '1.524.380,15')"
    )
    assert pt[1].startswith("esperado um valor")
    assert en[1].startswith("expected an amount")
    assert fields_pt == fields_en == ("BAD_AMOUNT", 16, "L300", "VALOR", "1.524.380,15")
    assert error.render("pt") == pt[0]
    assert error.render("en") == en[0]


def test_a_pickled_error_keeps_both_languages() -> None:
    """read_many() sends errors across processes: a pickled error still reads in both languages."""
    error = _refusal()
    copy = pickle.loads(pickle.dumps(error))
    assert copy.render("pt") == error.render("pt")
    assert copy.render("en") == error.render("en")
    assert (copy.code, copy.line_number) == (error.code, error.line_number)


def test_warnings_follow_the_language() -> None:
    """A finding's message, and its to_dict(), are in the current language; the rest is not."""
    metric = ecfmetric.read(ROOT / "fixtures" / "real_annual_0012_mismatch.txt")
    warning = next(w for w in metric.warnings if w.code == "NET_REVENUE_MISMATCH")
    with ecfmetric.language("pt"):
        pt = warning.to_dict()
    en = warning.to_dict()
    assert pt["message"].startswith("período A00: a RECEITA LÍQUIDA do arquivo é ")
    assert en["message"].startswith("period A00: the file's RECEITA LIQUIDA is ")
    assert {k: v for k, v in pt.items() if k != "message"} == {
        k: v for k, v in en.items() if k != "message"
    }
    assert warning.render("pt") == pt["message"]


def test_a_metric_saved_in_portuguese_loads_equal() -> None:
    """Findings compare by code and position: a metric saved in one language loads equal, and
    the loaded message keeps the words it was saved in."""
    metric = ecfmetric.read(ROOT / "fixtures" / "real_annual_0012_mismatch.txt")
    with ecfmetric.language("pt"):
        saved = metric.to_dict()
    loaded = ecfmetric.RevenueMetric.from_dict(dict(saved))
    assert loaded == metric
    assert loaded.warnings[0].message == saved["warnings"][0]["message"]


def test_form_refusal_in_both_languages() -> None:
    """A refused form value names the field in both languages; the field does not change."""
    with pytest.raises(ecfmetric.FormInputError) as caught:
        ecfmetric.from_form(gross_revenue="-1", cancellations=0, taxes=0, discounts=0)
    error = caught.value
    assert error.render("pt") == "TOTAL RECEITA BRUTA: não pode ser negativo (informado: '-1')"
    assert error.render("en") == "GROSS REVENUE: must not be negative (got '-1')"
    assert error.field == "gross_revenue"


def test_proof_refusal_in_both_languages() -> None:
    """A proof refusal reads in both languages; its code is the same."""
    proof = ecfmetric.Proof(2024, [])
    with pytest.raises(ecfmetric.ProofError) as caught:
        proof.conclude()
    assert caught.value.code == "NO_COMPANIES"
    assert caught.value.render("pt") == "a comprovação não relaciona nenhuma empresa"
    assert caught.value.render("en") == "the proof lists no company"


def test_an_error_built_from_plain_text_shows_it() -> None:
    """EcfError("text") and its subclasses built from a str show the text as given."""
    assert str(ecfmetric.EcfError("odd")) == "odd"
    assert ecfmetric.ProofError("custom", code="PROOF_ERROR").reason == "custom"
    with ecfmetric.language("pt"):
        assert str(ecfmetric.EcfFormatError("bad", line_number=3)) == "linha 3: bad"


# -- values inside messages --------------------------------------------------------------------


def test_amounts_by_language() -> None:
    """Amounts are 1.234.567,89 in Portuguese and 1234567.89 in English."""
    assert format_amount(Decimal("1234567.89"), "pt") == "1.234.567,89"
    assert format_amount(Decimal("1234567.89"), "en") == "1234567.89"
    assert format_amount(Decimal("-10.00"), "pt") == "-10,00"
    assert format_amount(Decimal("999.50"), "pt") == "999,50"


def test_dates_by_language() -> None:
    """Dates are dd/mm/aaaa in Portuguese and ISO in English."""
    day = dt.date(2025, 3, 7)
    assert format_date(day, "pt") == "07/03/2025"
    assert format_date(day, "en") == "2025-03-07"


def test_message_parameters_are_drawn_in_its_language() -> None:
    """A message formats its Decimal and date parameters, and nested messages, per language."""
    message = tr(
        "the file covers {start} to {end}, not the whole calendar year: the metric covers that "
        "span only",
        start=dt.date(2024, 1, 1),
        end=dt.date(2024, 6, 30),
    )
    assert message.render("pt") == (
        "o arquivo abrange de 01/01/2024 a 30/06/2024, não o ano-calendário inteiro: a receita "
        "apurada cobre só esse período"
    )
    assert message.render("en").startswith("the file covers 2024-01-01 to 2024-06-30, not")
    nested = tr("{where}: {reason}", where=tr("line {number}", number=5), reason="x")
    assert nested.render("pt") == "linha 5: x"
    assert nested.render("en") == "line 5: x"
    amount = tr("the rows add up to {total}, not {got}", total=Decimal("1234.50"), got="'1'")
    assert amount.render("pt") == "as linhas somam 1.234,50, não '1'"
    assert amount.render("en") == "the rows add up to 1234.50, not '1'"


def test_repr_conversion_shows_the_value_as_given() -> None:
    """``{x!r}`` shows the value itself, not its drawing."""
    message = tr("not a valid CNPJ: {cnpj!r}", cnpj=123)
    assert message.render("pt") == "CNPJ inválido: 123"


def test_messages_are_values() -> None:
    """Messages are frozen values: equal when made equal, hashable, picklable."""
    one = tr("line {number}", number=1)
    assert one == Message("line {number}", (("number", 1),))
    assert len({one, tr("line {number}", number=1)}) == 1
    assert pickle.loads(pickle.dumps(one)) == one


# -- the switch --------------------------------------------------------------------------------


def test_language_restores_the_previous_one() -> None:
    """language() switches inside its block only."""
    assert ecfmetric.get_language() == "en"
    with ecfmetric.language("pt"):
        assert ecfmetric.get_language() == "pt"
        with ecfmetric.language("en"):
            assert ecfmetric.get_language() == "en"
        assert ecfmetric.get_language() == "pt"
    assert ecfmetric.get_language() == "en"


def test_an_unknown_language_is_refused() -> None:
    """Only "pt" and "en" are languages."""
    with pytest.raises(ValueError, match="'pt'"):
        ecfmetric.set_language("es")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'pt'"), ecfmetric.language("fr"):  # type: ignore[arg-type]
        pass  # pragma: no cover - never entered


def test_each_thread_has_its_own_language() -> None:
    """set_language() in one thread does not change another's language (contextvars)."""
    error = _refusal()
    seen: dict[str, str] = {}
    ready = threading.Barrier(2)

    def worker(name: str, lang: typing.Literal["pt", "en"]) -> None:
        ecfmetric.set_language(lang)
        ready.wait()  # both have switched before either reads
        seen[name] = str(error)

    threads = [
        threading.Thread(target=worker, args=("a", "pt")),
        threading.Thread(target=worker, args=("b", "en")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert "linha 16" in seen["a"]
    assert "line 16" in seen["b"]
    assert ecfmetric.get_language() == "en"
