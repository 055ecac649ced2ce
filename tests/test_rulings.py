"""The round-4 rulings of the metric policy (issue 22): the hand-written files of
``fixtures/rulings`` in ``read()`` (strict and lenient), ``validate()`` and the CLI, and the
rulings that concern the signature, the record grammar and the wording of refusals.

Each file's sidecar gives, worked out by hand from the layout and the ruling (its ``how``), the
metric it reads as or the refusal it must meet; ``fixtures/rulings/MANIFEST.md`` lists them.
``tests/test_fixtures.py`` reads them too (figures, warnings, periods).
"""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import ecfmetric
from ecfmetric.cli._cli import main
from ecfmetric.present._html import metric_html
from ecfmetric.present._text import render_metric

ROOT = Path(__file__).parent.parent
RULINGS = ROOT / "fixtures" / "rulings"
CASES = sorted(RULINGS.glob("*.txt"))
IDS = [case.stem for case in CASES]
MONEY = ("gross_revenue", "cancellations", "discounts", "taxes", "other_deductions", "net_revenue")
TAMPERED = ROOT / "fixtures" / "signed" / "tampered_digit.ecf"
SIGNED_OK = ROOT / "fixtures" / "signed" / "one_rsa_sha256.ecf"
MADE_UP_BLOB = ROOT / "fixtures" / "real_annual_0012_signed.txt"


def _sidecar(case: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        case.with_name(case.stem + ".expected.json").read_text(encoding="utf-8")
    )
    return loaded


def _money(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _assert_refused(case: Path, strict: bool, expected: dict[str, Any], words: list[str]) -> None:
    with pytest.raises(getattr(ecfmetric, expected["type"])) as caught:
        ecfmetric.read(case, strict=strict)
    error = caught.value
    assert error.code == expected["code"], str(error)
    for key in ("line_number", "record", "field"):
        assert getattr(error, key) == expected[key], (key, str(error))
    with ecfmetric.language("pt"):
        for word in words:
            assert word in str(error), str(error)


def test_corpus() -> None:
    """Both big hand-written files are here, and every ruling has a refusal and a legal file."""
    names = set(IDS)
    assert {"arbitrado_real_estate_0011", "pva_warnings_9100_0012"} <= names
    sidecars = [_sidecar(case) for case in CASES]
    assert all(s["how"] and s["description"] for s in sidecars)
    assert sum(1 for s in sidecars if s.get("error")) >= 12
    assert sum(1 for s in sidecars if not s.get("error")) >= 8


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_read_strict(case: Path) -> None:
    """read() refuses with the sidecar's code, line, record and field (and the words a person
    must find in the message), or gives exactly its figures, periods and warnings."""
    expected = _sidecar(case)
    if expected["error"]:
        _assert_refused(case, True, expected["error"], expected.get("message_contains", []))
        return
    metric = ecfmetric.read(case)
    assert {n: getattr(metric, n) for n in MONEY} == {n: _money(expected[n]) for n in MONEY}
    assert {w.code for w in metric.warnings} == set(expected["warnings"])
    got = [(p.period, p.block, *(getattr(p, n) for n in MONEY)) for p in metric.periods]
    assert got == [
        (p["period"], p["block"], *(_money(p[n]) for n in MONEY)) for p in expected["periods"]
    ]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_read_lenient(case: Path) -> None:
    """Lenient mode relaxes counters and the shape of blocks that feed no figure, never a
    ruling: the same refusal, or the same figures (the malformed block-M line reads leniently)."""
    expected = _sidecar(case)
    if "lenient" in expected:
        metric = ecfmetric.read(case, strict=False)
        assert metric.gross_revenue == _money(expected["lenient"]["gross_revenue"])
        assert metric.net_revenue == _money(expected["lenient"]["net_revenue"])
        assert "MALFORMED_LINE" in {w.code for w in metric.warnings}
    elif expected["error"]:
        _assert_refused(case, False, expected["error"], expected.get("message_contains", []))
    else:
        metric = ecfmetric.read(case, strict=False)
        assert metric.gross_revenue == _money(expected["gross_revenue"])
        assert metric.net_revenue == _money(expected["net_revenue"])


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_validate(case: Path) -> None:
    """validate() refuses what read() refuses, with an error of the same code, and reports the
    planted findings."""
    expected = _sidecar(case)
    report = ecfmetric.validate(case)
    found = [(f.code, f.severity, f.line_number) for f in report.findings]
    assert report.ok == (not expected["error"]), found
    if expected["error"]:
        assert expected["error"]["code"] in {f.code for f in report.errors}, found
    else:
        assert report.metric is not None
        assert report.metric.gross_revenue == _money(expected["gross_revenue"])
    for planted in expected.get("findings", []):
        assert (planted["code"], planted["severity"], planted["line_number"]) in found, found


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_cli_json_and_check_agree(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--json`` (strict) and ``--check`` agree about the file: both refuse or neither does;
    ``--check --json``'s ok is its exit status; the refusal's code is in the JSON."""
    expected = _sidecar(case)
    read_status = main(["--json", str(case)])
    read_out = json.loads(capsys.readouterr().out)
    check_status = main(["--check", "--json", str(case)])
    check_out = json.loads(capsys.readouterr().out)
    assert (read_status != 0) == bool(expected["error"]) == (check_status != 0)
    assert check_out["ok"] == (check_status == 0)
    if expected["error"]:
        assert read_out["error"]["code"] == expected["error"]["code"]
        assert expected["error"]["code"] in {f["code"] for f in check_out["findings"]}
    else:
        assert read_out["gross_revenue"] == expected["gross_revenue"]
        assert {w["code"] for w in read_out["warnings"]} == set(expected["warnings"])


# -- T150 3 and 17 -------------------------------------------------------------------------------


def test_real_estate_lines_are_their_own_lines() -> None:
    """Each T150 3 and 17 line is its own source line of the breakdown, in gross revenue, with
    its period and amount (the sidecar's list, read off the file by hand)."""
    case = RULINGS / "arbitrado_real_estate_0011.txt"
    metric = ecfmetric.read(case)
    got = [
        [line.period, line.code, str(line.amount)]
        for line in metric.lines
        if line.record == "T150" and line.component == "gross_revenue"
    ]
    assert got == _sidecar(case)["real_estate_lines"]
    # The other T150 line (16, IR a pagar) is never revenue.
    assert not [line for line in metric.lines if line.record == "T150" and line.code == "16"]
    text = render_metric(metric, "pt")
    assert "Receita da Atividade Imobiliária" in text
    assert "RECEITAS DA ATIVIDADE IMOBILIÁRIA TRIBUTADAS PELO RET" in text


def test_a_quarter_with_only_t150_revenue_is_still_missing() -> None:
    """T150 revenue adds to a quarter's T120 revenue; it does not make a quarter read alone
    (§4b): fixtures/declared/c02_arbitrado_quarter_only_t150 stays METRIC_UNAVAILABLE, T02."""
    case = ROOT / "fixtures" / "declared" / "c02_arbitrado_quarter_only_t150.txt"
    with pytest.raises(ecfmetric.MetricUnavailableError) as caught:
        ecfmetric.read(case)
    assert caught.value.period == "T02"


# -- 9100 ---------------------------------------------------------------------------------------


def test_pva_warnings_name_rule_record_and_field() -> None:
    """Each 9100 is a PVA_WARNING at its line, naming the rule, the record and field the PVA
    named and its message (decoded from Latin-1), in Portuguese and in English."""
    case = RULINGS / "pva_warnings_9100_0012.txt"
    metric = ecfmetric.read(case)
    warnings = [w for w in metric.warnings if w.code == "PVA_WARNING"]
    assert [(w.line_number, w.record) for w in warnings] == [
        (line, "9100") for line, _, _ in _sidecar(case)["pva_warnings"]
    ]
    for warning, (_, rule, where) in zip(warnings, _sidecar(case)["pva_warnings"], strict=True):
        for lang in ("pt", "en"):
            text = warning.render(lang)  # type: ignore[arg-type]
            assert rule in text
            assert where in text
    assert "Divergência de saldo R$ 1234,56" in warnings[1].render("pt")
    assert warnings[0].render("en").startswith("the PVA's own warning REGRA_LINHA_DESPREZADA")
    assert "PVA_WARNING" in render_metric(metric, "pt")


def test_pva_warnings_are_listed_when_validate_refuses() -> None:
    """A file refused for another reason (here its RECEITA BRUTA leaf has an empty VALOR) still
    lists what the PVA said in its 9100 records, beside the error."""
    data = (RULINGS / "pva_warnings_9100_0012.txt").read_bytes()
    broken = data.replace(b"|520000,00|C|", b"||C|", 1)
    report = ecfmetric.validate(io.BytesIO(broken))
    assert [f.code for f in report.errors] == ["BAD_AMOUNT"]
    assert [f.line_number for f in report.findings if f.code == "PVA_WARNING"] == [
        line for line, _, _ in _sidecar(RULINGS / "pva_warnings_9100_0012.txt")["pva_warnings"]
    ]


@pytest.mark.parametrize(
    ("record", "line"),
    [
        ("P150", "|P150|3.01.01.01.01.01|Receita da Venda de Produtos|A|6|04|3.01.01.01.01||C|"),
        ("U150", "|U150|4.01.01.07|RECEITA DA VENDA DE PRODUTOS|A|4|04|4.01.01||C|"),
    ],
)
def test_empty_valor_on_p150_and_u150(record: str, line: str) -> None:
    """The other DRE records: an empty VALOR on a revenue line is BAD_AMOUNT naming VALOR, in
    both modes, saying that it is empty (the files of this folder cover L300, P200, T120, T150).
    """
    if record == "P150":
        case = RULINGS / "tip_esc_pre_l_with_p150.txt"
        text = case.read_bytes().replace(b"|0010||N|5|T|01|PPPP||L|", b"|0010||N|5|T|01|PPPP||C|")
        old = (
            b"|P150|3.01.01.01.01.01|Receita da Venda de Produtos|A|6|04|3.01.01.01.01|100000,00|C|"
        )
    else:
        case = RULINGS / "imune_desobrigada_a00.txt"
        text = case.read_bytes()
        old = b"|U150|4.01.01.07|RECEITA DA VENDA DE PRODUTOS/MERCADORIAS/SERVICOS|A|4|04|4.01.01|90000,00|C|"
    assert old in text
    data = text.replace(old, line.encode(), 1)
    for strict in (True, False):
        with pytest.raises(ecfmetric.EcfFormatError) as caught:
            ecfmetric.read(io.BytesIO(data), strict=strict)
        assert (caught.value.code, caught.value.record, caught.value.field) == (
            "BAD_AMOUNT",
            record,
            "VALOR",
        )
        with ecfmetric.language("pt"):
            assert "VALOR está vazio" in str(caught.value)


def test_a_short_9100_is_a_shape_problem() -> None:
    """A 9100 without its CAMPO: strictly MISSING_FIELD (read and validate), leniently a warning
    beside the unchanged figures (it feeds no number)."""
    case = RULINGS / "pva_warnings_9100_0012.txt"
    lines = case.read_bytes().split(b"\r\n")
    number = _sidecar(case)["pva_warnings"][1][0]
    assert lines[number - 1].startswith(b"|9100|REGRA_COMPATIBILIDADE_K155_E155|")
    lines[number - 1] = b"|9100|REGRA_COMPATIBILIDADE_K155_E155|Saldo|K155|"
    data = b"\r\n".join(lines)
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        ecfmetric.read(io.BytesIO(data))
    assert (caught.value.code, caught.value.record) == ("MISSING_FIELD", "9100")
    assert "MISSING_FIELD" in {f.code for f in ecfmetric.validate(io.BytesIO(data)).errors}
    lenient = ecfmetric.read(io.BytesIO(data), strict=False)
    assert lenient.net_revenue == Decimal("532075.00")
    assert {"MISSING_FIELD", "PVA_WARNING"} <= {w.code for w in lenient.warnings}


def test_pva_warning_never_changes_a_number() -> None:
    """The file with 9100 records gives exactly the figures and lines of its base file."""
    base = ecfmetric.read(ROOT / "fixtures" / "declared" / "legal_real_annual_0012.txt")
    metric = ecfmetric.read(RULINGS / "pva_warnings_9100_0012.txt")
    assert [getattr(metric, n) for n in MONEY] == [getattr(base, n) for n in MONEY]
    assert [(x.line_number, x.code, x.amount) for x in metric.lines] == [
        (x.line_number, x.code, x.amount) for x in base.lines
    ]


# -- the signature -------------------------------------------------------------------------------


@pytest.fixture
def signature_extra() -> None:
    """The signature tests need the ``signature`` extra (CI installs every extra)."""
    pytest.importorskip("asn1crypto")
    pytest.importorskip("cryptography")


def test_signature_mismatch_is_a_warning_beside_the_figures(signature_extra: None) -> None:
    """A file edited after signing (one digit of an L300 amount changed): read(signature=True)
    gives the file's figures, as read() does, with SIGNATURE_MISMATCH among the warnings; the
    text, JSON, HTML, CSV row and a proof's row all show it."""
    plain = ecfmetric.read(TAMPERED)
    metric = ecfmetric.read(TAMPERED, signature=True)
    assert [getattr(metric, n) for n in MONEY] == [getattr(plain, n) for n in MONEY]
    assert "SIGNATURE_MISMATCH" not in {w.code for w in plain.warnings}
    [finding] = [w for w in metric.warnings if w.code == "SIGNATURE_MISMATCH"]
    assert "350E8F16D153DCEAED28BCFBBAF47B1317F42FA2" in finding.render("pt")
    assert "SIGNATURE_MISMATCH" in render_metric(metric, "pt")
    assert "SIGNATURE_MISMATCH" in {w["code"] for w in metric.to_dict()["warnings"]}
    assert "SIGNATURE_MISMATCH" in metric_html(metric, "pt")
    proof = ecfmetric.Proof(metric.reference_year, [metric.cnpj])
    row = proof.add(metric)
    assert "SIGNATURE_MISMATCH" in {w.code for w in row.attention}
    assert "SIGNATURE_MISMATCH" in row.to_record()["warnings"]
    good = ecfmetric.read(SIGNED_OK, signature=True)
    assert not {"SIGNATURE_MISMATCH", "BAD_SIGNATURE"} & {w.code for w in good.warnings}


def test_signature_mismatch_in_the_cli(
    capsys: pytest.CaptureFixture[str], signature_extra: None
) -> None:
    """The CLI reads the signature with the figures: --json and --csv show SIGNATURE_MISMATCH
    (exit 0: the figures stand); --check fails (exit 1) and its JSON says ok false."""
    assert main(["--json", str(TAMPERED)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert "SIGNATURE_MISMATCH" in {w["code"] for w in out["warnings"]}
    assert main(["--csv", str(TAMPERED)]) == 0
    assert "SIGNATURE_MISMATCH" in capsys.readouterr().out
    assert main(["--check", "--json", str(TAMPERED)]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is False
    assert "SIGNATURE_MISMATCH" in {f["code"] for f in out["findings"] if f["severity"] == "error"}
    assert main(["--check", "--json", str(SIGNED_OK)]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True


def test_signature_mismatch_is_an_error_in_validate(signature_extra: None) -> None:
    """validate(): SIGNATURE_MISMATCH is an error (ok false, no metric); signature=False leaves
    the signature unread and the file ok; a file object is read again from its position."""
    report = ecfmetric.validate(TAMPERED)
    assert not report.ok
    assert [f.code for f in report.errors] == ["SIGNATURE_MISMATCH"]
    assert report.metric is None
    assert ecfmetric.validate(TAMPERED, signature=False).ok
    stream = io.BytesIO(b"junk" + TAMPERED.read_bytes())
    stream.seek(4)
    assert [f.code for f in ecfmetric.validate(stream).errors] == ["SIGNATURE_MISMATCH"]
    assert ecfmetric.validate(SIGNED_OK).ok


def test_unreadable_signature_is_bad_signature_the_same_way(
    capsys: pytest.CaptureFixture[str], signature_extra: None
) -> None:
    """Made-up bytes after the marker: a BAD_SIGNATURE warning beside the figures (no
    exception), an error in validate() and --check (ok false, exit 1)."""
    metric = ecfmetric.read(MADE_UP_BLOB, signature=True)
    assert metric.signature is None
    assert "BAD_SIGNATURE" in {w.code for w in metric.warnings}
    assert metric.gross_revenue == ecfmetric.read(MADE_UP_BLOB).gross_revenue
    assert [f.code for f in ecfmetric.validate(MADE_UP_BLOB).errors] == ["BAD_SIGNATURE"]
    assert main(["--check", "--json", str(MADE_UP_BLOB)]) == 1
    assert json.loads(capsys.readouterr().out)["ok"] is False


# -- one record grammar --------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["|00X0|x|", "|m300|1|", "|M3OO|1|", "|M300|1|x", "|M30|1|"])
def test_one_record_grammar(bad: str) -> None:
    """iter_records(), read() and validate() refuse the same lines: a register is a digit or
    capital letter and three ASCII digits, and a record ends with '|'. The line stands in
    block M (skipped unread by read()) of legal_real_annual_0012, after M001."""
    base = (ROOT / "fixtures" / "declared" / "legal_real_annual_0012.txt").read_bytes()
    data = base.replace(b"|P001|1|\r\n", b"|M001|0|\r\n" + bad.encode() + b"\r\n|P001|1|\r\n")
    number = base[: base.index(b"|P001|1|")].count(b"\n") + 2
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        list(ecfmetric.iter_records(io.BytesIO(data)))
    assert (caught.value.code, caught.value.line_number) == ("MALFORMED_LINE", number)
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        ecfmetric.read(io.BytesIO(data))
    assert (caught.value.code, caught.value.line_number) == ("MALFORMED_LINE", number)
    report = ecfmetric.validate(io.BytesIO(data))
    assert ("MALFORMED_LINE", number) in [(f.code, f.line_number) for f in report.errors]


def test_iter_records_reads_what_read_reads() -> None:
    """The same grammar lets the legal files through all three."""
    for case in (
        RULINGS / "pva_warnings_9100_0012.txt",
        RULINGS / "arbitrado_real_estate_0011.txt",
    ):
        records = list(ecfmetric.iter_records(case))
        assert records[-1].register == "9999"
        assert ecfmetric.validate(case).ok


# -- wording -------------------------------------------------------------------------------------


def test_code_points_are_named_only_for_what_the_eye_cannot_tell() -> None:
    from ecfmetric.base._quoting import code_points

    assert code_points("12000,00") == ""
    assert code_points("10000５,00") == "５ U+FF15"
    assert code_points("001²") == "² U+00B2"
    assert code_points("1\xa02") == "\\xa0 U+00A0"  # not printable: shown escaped
    assert code_points("Adição de Ação") == ""  # accented letters are what they look like
    assert code_points("\x00|L300|") == "\\x00 U+0000"
