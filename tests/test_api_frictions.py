"""Small frictions of the public API (issue 24): a code looked up by any string, a code's
meaning as a value, the documented limits and the package's metadata."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import ecfmetric
from ecfmetric.base._codes import Meaning

ROOT = Path(__file__).parent.parent


def test_codes_get_takes_any_string() -> None:
    """CODES.get(str) is the code's info, or None for a string that is no code."""
    text: str = "".join(["BAD_", "AMOUNT"])  # a plain str, as read from JSON or a log
    info = ecfmetric.CODES.get(text)
    assert info is not None
    assert info.kind == "error"
    assert ecfmetric.CODES[text] is info
    assert ecfmetric.CODES.get("NOT_A_CODE") is None
    assert ecfmetric.CODES.get("NOT_A_CODE", "?") == "?"
    with pytest.raises(KeyError):
        ecfmetric.CODES["NOT_A_CODE"]
    assert "NOT_A_CODE" not in ecfmetric.CODES
    assert len(ecfmetric.CODES) == len(list(ecfmetric.CODES))
    with pytest.raises(TypeError):
        ecfmetric.CODES["BAD_AMOUNT"] = info  # type: ignore[index]


def test_codes_lookup_type_checks_without_a_cast(tmp_path: Path) -> None:
    """Under mypy --strict, ``CODES.get(some_str)`` and ``CODES[some_str]`` need no cast, and
    ``info.meaning`` is a ``str`` (mypy reveals the types it infers)."""
    api = pytest.importorskip("mypy.api")
    snippet = tmp_path / "use_codes.py"
    snippet.write_text(
        "import ecfmetric\n"
        "def meaning(code: str) -> str | None:\n"
        "    info = ecfmetric.CODES.get(code)\n"
        "    return None if info is None else info.meaning\n"
        "def kind(code: str) -> str:\n"
        "    return ecfmetric.CODES[code].kind\n"
        "def english(code: str) -> str:\n"
        "    return ecfmetric.CODES[code].meaning('en')\n",
        encoding="utf-8",
    )
    out, err, status = api.run(
        [
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / "cache"),
            "--config-file",
            "",
            str(snippet),
        ]
    )
    assert status == 0, out + err


def test_meaning_is_a_value_and_still_callable() -> None:
    """CodeInfo.meaning is the text in the current language; calling it (as before) works."""
    info = ecfmetric.CODES["NEGATIVE_NET_REVENUE"]
    pt = "as deduções superam a receita bruta: a receita líquida é negativa"
    with ecfmetric.language("pt"):
        assert info.meaning == pt
        assert isinstance(info.meaning, str)
        assert info.meaning() == pt
        assert info.meaning("en") == info.meaning_en
    with ecfmetric.language("en"):
        assert info.meaning == info.meaning_en
        assert info.meaning("pt") == pt
        assert f"{info.meaning}" == info.meaning_en
    assert isinstance(info.meaning, Meaning)
    import copy
    import pickle

    with ecfmetric.language("pt"):
        meaning = info.meaning
    for again in (pickle.loads(pickle.dumps(meaning)), copy.deepcopy(meaning)):
        assert again == pt
        assert again("en") == info.meaning_en


def test_api_doc_states_the_revenue_line_limit_of_the_code() -> None:
    """docs/api.md's revenue lines per period is MAX_LINES_PER_PERIOD (5,000), not 20,000."""
    from ecfmetric.facts import _figures

    limit = _figures.MAX_LINES_PER_PERIOD
    row = next(
        line
        for line in (ROOT / "docs" / "api.md").read_text("utf-8").splitlines()
        if line.startswith("| revenue lines kept per period")
    )
    value = row.split("|")[2]
    assert int(re.sub(r"\D", "", value)) == limit == 5000


def test_api_doc_says_reason_is_the_message_without_the_position() -> None:
    """docs/api.md says what error.reason is: the message without the field/position prefix."""
    text = (ROOT / "docs" / "api.md").read_text("utf-8")
    assert "`reason`" in text
    assert "the same message without the position" in text
    error = ecfmetric.FormInputError("gross_revenue", "not an amount")
    with ecfmetric.language("en"):
        assert str(error) == "gross_revenue: not an amount"
        assert error.reason == "not an amount"
    with pytest.raises(ecfmetric.EcfFormatError) as caught:
        ecfmetric.read(ROOT / "fixtures" / "bad_amount.txt")
    with ecfmetric.language("en"):
        whole, reason = str(caught.value), caught.value.reason
    assert whole.endswith(f"L300.VALOR: {reason} (got '1.524.380,15')")
    assert "line 16" not in reason


def test_version_is_the_latest_release() -> None:
    """The version is the CHANGELOG's latest dated release, with [Unreleased] above it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["version"] == ecfmetric.__version__
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    releases = re.findall(r"^## \[(.+?)\](?: - (\d{4}-\d{2}-\d{2}))?$", changelog, re.M)
    assert releases[0] == ("Unreleased", "")
    assert releases[1][0] == ecfmetric.__version__
    assert releases[1][1], "the release section is dated"


def test_read_loads_neither_the_typed_shapes_nor_typing_extensions() -> None:
    """ecfmetric.types (and with it typing_extensions, for pydantic) loads only when asked for:
    read() on a plain file pays for neither."""
    import subprocess
    import sys

    code = (
        "import sys, ecfmetric\n"
        f"ecfmetric.read({str(ROOT / 'fixtures' / 'real_annual_0012_crlf_latin1.txt')!r})\n"
        "print('ecfmetric.types' in sys.modules, 'typing_extensions' in sys.modules)\n"
        "import ecfmetric.types\n"
        "print(ecfmetric.types.RevenueMetricDict.__module__)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["False", "False", "ecfmetric.types"]
