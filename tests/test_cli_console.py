"""The CLI on consoles that are not UTF-8 (Windows' cp1252 and cp850): output never crashes."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ecfmetric._console import ERRORS, forgiving_output, is_unicode, transliterate

FIXTURES = Path(__file__).parent.parent / "fixtures"
SAMPLE = FIXTURES / "real_annual_0012_crlf_latin1.txt"
MISMATCH = FIXTURES / "real_annual_0012_mismatch.txt"


def run(encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    env.pop("PYTHONUTF8", None)
    return subprocess.run(
        [sys.executable, "-m", "ecfmetric", *args], capture_output=True, env=env, check=False
    )


@pytest.mark.parametrize("encoding", ["cp1252", "cp850"])
@pytest.mark.parametrize(
    "args",
    [
        [str(SAMPLE)],
        [str(MISMATCH)],
        ["--check", str(MISMATCH)],
        ["--csv", str(SAMPLE), str(MISMATCH)],
        [str(SAMPLE), str(FIXTURES / "not_ecf.txt")],
        ["--help"],
    ],
    ids=["text", "warnings", "check", "csv", "table", "help"],
)
def test_output_never_crashes_on_a_windows_console(encoding: str, args: list[str]) -> None:
    """Before: UnicodeEncodeError on '→', '—' or '−', exit status 1 like a refused file."""
    done = run(encoding, *args)
    assert b"Traceback" not in done.stderr, done.stderr.decode(encoding)
    reference = run("utf-8", *args)
    assert done.returncode == reference.returncode
    assert done.returncode == (1 if "not_ecf" in " ".join(args) else 0)
    out = done.stdout.decode(encoding)
    utf8 = reference.stdout.decode("utf-8")
    assert len(out.splitlines()) == len(utf8.splitlines())
    if "→" in utf8:
        assert "->" in out
    assert "→" not in out
    # What the encoding has (accents in cp1252 and cp850) is kept as it is.
    if "AÇÚCAR" in utf8:
        assert "AÇÚCAR" in out


def test_the_text_breakdown_translates_the_arrows() -> None:
    out = run("cp1252", str(SAMPLE)).stdout.decode("cp1252")
    assert " -> gross_revenue" in out
    assert "COMÉRCIO DE AÇÚCAR" in out


@pytest.mark.parametrize("encoding", ["cp1252", "cp850", "ascii"])
def test_json_is_the_same_json_on_any_console(encoding: str) -> None:
    """JSON escapes what the console cannot write, so it parses to the very same data."""
    done = run(encoding, "--json", str(SAMPLE), str(MISMATCH))
    assert done.returncode == 0
    assert json.loads(done.stdout.decode(encoding)) == json.loads(
        run("utf-8", "--json", str(SAMPLE), str(MISMATCH)).stdout.decode("utf-8")
    )


def test_a_refused_file_on_a_cp850_console_still_says_why(tmp_path: Path) -> None:
    path = tmp_path / "relatório—2025.txt"
    path.write_bytes(b"%PDF-1.7")
    done = run("cp850", str(path))
    assert done.returncode == 1
    err = done.stderr.decode("cp850")
    assert "Traceback" not in err
    # Python writes stderr with backslashreplace already: the name stays exact.
    assert "relatório\\u20142025.txt" in err
    assert "this is a PDF document" in err


def test_transliterate() -> None:
    assert "a → b — c − d … É ✓".encode("ascii", ERRORS) == b"a -> b - c - d ... E ?"
    assert "→ é".encode("cp1252", ERRORS) == "-> é".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        b"\xff".decode("ascii", ERRORS)
    assert codecs.lookup_error(ERRORS) is transliterate


def test_forgiving_output_restores_the_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    out = io.TextIOWrapper(io.BytesIO(), encoding="cp850")
    err = io.StringIO()  # no reconfigure(): left alone
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    with forgiving_output():
        assert out.errors == ERRORS
        print("a → b")
    assert out.errors == "strict"
    out.flush()
    assert out.buffer.getvalue() == b"a -> b\n"  # type: ignore[attr-defined]
    assert not is_unicode(out)
    assert is_unicode(io.TextIOWrapper(io.BytesIO(), encoding="utf-8"))
    assert not is_unicode(object())
