"""Golden outputs: every output of every fixture, in both languages, byte for byte as stored.

The stored files (tests/golden/) were written by ``python tests/golden_outputs.py`` (see that
module for what each holds). A test here fails when any output changes: the JSON of
``to_dict()``, the HTML of a metric or a report, the command line's text, ``--csv``, ``--excel``
or ``--check`` (stdout, stderr and exit status), or the public API's names and signatures. A
change meant to alter an output regenerates the files and shows the diff in its commit.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from golden_outputs import GOLDEN, LANGS, ROOT, api_snapshot, fixtures, golden_path, outputs

FIXTURES = fixtures()
REGEN = "regenerate with `python tests/golden_outputs.py` if the change is meant"


def _diff(expected: bytes, actual: bytes) -> str:
    lines = difflib.unified_diff(
        expected.decode("utf-8").splitlines(),
        actual.decode("utf-8").splitlines(),
        "golden",
        "now",
        lineterm="",
        n=2,
    )
    return "\n".join(list(lines)[:60])


def test_every_fixture_has_its_golden_files() -> None:
    """Each fixture has one file per language, and no file is left of a fixture that is gone."""
    assert len(FIXTURES) > 100  # top level, broken/, declared/, signed/
    assert any(name.startswith("fixtures/signed/") for name in FIXTURES)
    expected = {golden_path(fixture, lang) for fixture in FIXTURES for lang in LANGS}
    assert set(GOLDEN.rglob("*.out")) == expected, REGEN


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fixture", FIXTURES)
def test_outputs_are_unchanged(fixture: str, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every output of ``fixture`` in ``lang`` is the stored one, byte for byte."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("ECFMETRIC_LANG", raising=False)
    expected = golden_path(fixture, lang).read_bytes()
    actual = outputs(fixture, lang)
    assert actual == expected, f"{fixture} ({lang}) changed; {REGEN}\n{_diff(expected, actual)}"


def test_the_public_api_is_unchanged() -> None:
    """The names of ecfmetric.__all__, ecfmetric.types and ecfmetric.strategies, with their
    signatures (and the fields and methods of classes), are the stored ones."""
    expected = (GOLDEN / "api.txt").read_text(encoding="utf-8")
    actual = api_snapshot()
    assert actual == expected, f"the public API changed; {REGEN}\n" + _diff(
        expected.encode(), actual.encode()
    )


def test_an_output_that_changes_is_seen() -> None:
    """The comparison can fail: one fixture's outputs in the other language differ."""
    fixture = "fixtures/real_annual_0012_crlf_latin1.txt"
    pt, en = (Path(golden_path(fixture, lang)).read_bytes() for lang in LANGS)
    assert pt != en
    assert "RECEITA LÍQUIDA".encode() in pt
