"""The command line under hostile conditions (issue 23): --lines never writes over an input,
output that cannot be written is a clear message and exit 1, control characters in names are
escaped.

The sample is fixtures/real_annual_0012_crlf_latin1.txt (net 532.075,00 by its MANIFEST).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ecfmetric.cli._cli import main

SAMPLE = Path(__file__).parent.parent / "fixtures" / "real_annual_0012_crlf_latin1.txt"
DATA = SAMPLE.read_bytes()


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ECFMETRIC_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-m", "ecfmetric", *args],
        capture_output="stdout" not in kwargs,
        text=True,
        env=env,
        check=False,
        timeout=60,
        **kwargs,  # type: ignore[call-overload]
    )


# -- --lines ----------------------------------------------------------------------------------


def test_lines_out_that_is_an_input_is_refused_and_the_input_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "a.txt"
    second = tmp_path / "b.txt"
    first.write_bytes(DATA)
    second.write_bytes(DATA)
    with pytest.raises(SystemExit) as caught:
        main(["--lines", str(second), str(first), str(second)])  # as `--lines *.txt` expands
    assert caught.value.code == 2
    assert "é um dos arquivos lidos" in capsys.readouterr().err  # Portuguese, the CLI's default
    assert second.read_bytes() == DATA
    # The same file by another spelling (./b.txt, a symbolic link) too.
    link = tmp_path / "link.txt"
    link.symlink_to(second)
    with pytest.raises(SystemExit):
        main(["--lines", str(link), str(tmp_path / "." / "b.txt")])
    assert second.read_bytes() == DATA


def test_lines_are_written_through_a_temporary_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "lines.csv"
    out.write_text("old content\n", encoding="utf-8")
    assert main(["--lines", str(out), str(SAMPLE)]) == 0
    capsys.readouterr()
    text = out.read_text(encoding="utf-8")
    assert "old content" not in text
    assert "3.01.01.01.01.05" in text  # a line of the sample's A00 (MANIFEST)
    assert [p.name for p in tmp_path.iterdir()] == ["lines.csv"]  # no temporary file left


def test_lines_to_a_device_is_written_directly(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lines", os.devnull, str(SAMPLE)]) == 0
    assert Path(os.devnull).exists()
    assert not Path(os.devnull).is_file()


# -- output that cannot be written --------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("extra", [[], ["--json"], ["--csv"], ["--check"]])
def test_output_to_dev_full_is_a_clear_message_and_exit_1(extra: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = _run([*extra, str(SAMPLE)], stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 1, done.stderr
    assert "cannot write the output" in done.stderr
    assert "internal error" not in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_lines_to_dev_full_is_a_clear_message(tmp_path: Path) -> None:
    done = _run(["--lines", "/dev/full", str(SAMPLE)])
    assert done.returncode == 1, done.stderr
    assert "cannot write the output" in done.stderr
    assert Path("/dev/full").exists()
    assert not Path("/dev/full").is_file()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell")
def test_a_closed_stdout_is_a_clear_message_and_exit_1() -> None:
    shell = shutil.which("sh")
    assert shell is not None
    command = f'"{sys.executable}" -m ecfmetric "{SAMPLE}" >&-'
    done = subprocess.run(
        [shell, "-c", command],
        capture_output=True,
        text=True,
        env={**os.environ, "ECFMETRIC_LANG": "en"},
        check=False,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert "standard output is closed" in done.stderr
    assert "Traceback" not in done.stderr


# -- control characters in names -----------------------------------------------------------------


def test_control_characters_in_file_names_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = tmp_path / "ecf\x1b[2J\x07.txt"
    hostile.write_bytes(b"not an ecf\r\n")
    good = tmp_path / "ok\x1b]0;title\x07.txt"
    good.write_bytes(DATA)
    assert main(["--lang", "en", str(hostile), str(good)]) == 1
    out, err = capsys.readouterr()
    for text in (out, err):
        assert "\x1b" not in text
        assert "\x07" not in text
    assert "ecf\\x1b[2J\\x07.txt" in err
    assert "ok\\x1b]0;title\\x07.txt" in out


def test_control_characters_in_zip_member_names_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("a\x1b[31m.txt", DATA)
        out.writestr("b.txt", DATA)
    assert main(["--lang", "en", str(archive)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "a\\x1b[31m.txt" in err


def test_control_characters_read_from_a_file_are_escaped_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A company name (0000.NOME) holding an escape sequence: printed escaped, never sent."""
    from ecf_helpers import HEADER_0012, ecf_bytes, real_annual

    header = HEADER_0012.replace("EMPRESA TESTE", "EMPRESA \x1b[2J\x1b]0;x\x07TESTE")
    records = real_annual(
        ["|L300|3.01.01.01.01.04|Venda|A|6|04|3.01.01.01.01|9,00|C|"], header=header
    )
    path = tmp_path / "ecf.txt"
    path.write_bytes(ecf_bytes(records))
    assert main(["--lang", "en", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "EMPRESA \\x1b[2J\\x1b]0;x\\x07TESTE" in out
