"""The CLI on consoles that are not UTF-8 (Windows' cp1252 and cp850), in pipes and on a
terminal: output never crashes, and a progress line shows only on a terminal for long work."""

from __future__ import annotations

import codecs
import functools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ecfmetric.cli._console import ERRORS, forgiving_output, transliterate
from ecfmetric.present._outputs import is_unicode

FIXTURES = Path(__file__).parent.parent / "fixtures"
SAMPLE = FIXTURES / "real_annual_0012_crlf_latin1.txt"
MISMATCH = FIXTURES / "real_annual_0012_mismatch.txt"


@functools.cache
def run(encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    """The CLI in its own process on a console of ``encoding`` (each run once per session)."""
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    env.pop("PYTHONUTF8", None)
    return subprocess.run(
        [sys.executable, "-m", "ecfmetric", *args],
        capture_output=True,
        env=env,
        check=False,
        timeout=60,
    )


_SIGNED = str(FIXTURES / "signed" / "one_rsa_sha256.ecf")


@pytest.mark.parametrize(
    ("encoding", "args"),
    [
        ("cp1252", [str(SAMPLE)]),
        ("cp850", [str(SAMPLE)]),
        ("cp1252", [str(MISMATCH)]),
        ("cp850", ["--check", str(MISMATCH)]),
        ("cp1252", [str(SAMPLE), str(FIXTURES / "not_ecf.txt")]),
        ("cp850", ["--help"]),
        ("cp1252", ["--signature", _SIGNED]),
    ],
    ids=["text-cp1252", "text-cp850", "warnings", "check", "table", "help", "signature"],
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
    assert " -> receita bruta" in out
    assert "COMÉRCIO DE AÇÚCAR" in out
    assert "RECEITA LÍQUIDA DE SERVIÇOS E VENDAS" in out
    assert "Fabricação Própria no Merca…: " in out  # cp1252 has the ellipsis
    assert "Fabrica??o Pr?pria" not in run("cp850", str(SAMPLE)).stdout.decode("cp850")
    assert "no Merca...: " in run("cp850", str(SAMPLE)).stdout.decode("cp850")


@pytest.mark.parametrize(("encoding", "flag"), [("cp1252", "--csv"), ("cp850", "--excel")])
def test_csv_is_utf8_bytes_on_any_console(encoding: str, flag: str) -> None:
    """CSV is data: the same UTF-8 bytes whatever the console's encoding."""
    done = run(encoding, flag, str(SAMPLE), str(MISMATCH))
    assert done.returncode == 0
    assert done.stdout == run("utf-8", flag, str(SAMPLE), str(MISMATCH)).stdout
    assert "AÇÚCAR" in done.stdout.decode("utf-8-sig")
    assert done.stdout.startswith(b"\xef\xbb\xbf") == (flag == "--excel")


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
    assert "isto é um documento PDF" in err  # the default language, accents and all


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


# -- progress --------------------------------------------------------------------------------------


def run_on_a_terminal(*args: str) -> tuple[int, bytes, bytes]:
    """The CLI with stderr on a pseudo-terminal and stdout in a pipe: (status, stdout, stderr)."""
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "ecfmetric", *args],
            stdout=subprocess.PIPE,
            stderr=follower,
            check=False,
            timeout=60,
        )
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal is closed: all was read
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        if follower != -1:
            os.close(follower)
        os.close(leader)
    return done.returncode, done.stdout, b"".join(chunks)


MANY = [str(SAMPLE)] * 25


def test_progress_on_a_terminal_for_many_files() -> None:
    """Many files, stderr a terminal: a progress line (files done, rate), wiped at the end."""
    status, out, err = run_on_a_terminal("--csv", *MANY)
    assert status == 0
    text = err.decode()
    assert "ecfmetric: " in text
    assert "/25 arquivos" in text
    assert "MB/s" in text
    assert text.endswith("\r")  # wiped: the prompt comes back on a clean line
    assert len(out.decode().splitlines()) == 26  # stdout has only the CSV


def test_progress_in_english() -> None:
    _, _, err = run_on_a_terminal("--lang", "en", "--check", *MANY)
    assert "/25 files" in err.decode()


def test_no_progress_with_json_or_few_files() -> None:
    status, out, err = run_on_a_terminal("--json", *MANY)
    assert status == 0
    assert err == b""
    assert len(json.loads(out)) == 25
    assert run_on_a_terminal(str(SAMPLE))[2] == b""


def test_no_progress_in_a_pipe() -> None:
    done = run("utf-8", "--csv", *MANY)
    assert done.returncode == 0
    assert done.stderr == b""


def test_progress_line() -> None:
    """The line: files done, megabytes done of the total, the rate; in place; pt-BR decimals."""
    import io

    from ecfmetric.cli._console import Progress, wants_progress

    now = [0.0]
    stream = io.StringIO()
    progress = Progress(stream, [60_000_000, 40_000_000], clock=lambda: now[0])
    assert progress.text() == "ecfmetric: 0/2 arquivos, 0,0 de 100,0 MB (0%), 0,0 MB/s"
    progress.watch(io.BytesIO(b""))
    now[0] = 2.0
    progress.at(30_000_000)
    assert stream.getvalue() == "\recfmetric: 0/2 arquivos, 30,0 de 100,0 MB (30%), 15,0 MB/s"
    now[0] = 2.1
    progress.at(40_000_000)  # too soon to redraw
    assert stream.getvalue().count("\r") == 1
    now[0] = 4.0
    progress.file_done()
    assert stream.getvalue().endswith(
        "\recfmetric: 1/2 arquivos, 60,0 de 100,0 MB (60%), 15,0 MB/s"
    )
    last = "ecfmetric: 1/2 arquivos, 60,0 de 100,0 MB (60%), 15,0 MB/s"
    progress.close()
    assert stream.getvalue().endswith(last + "\r" + " " * len(last) + "\r")
    progress.close()  # once wiped, nothing more
    assert stream.getvalue().endswith(" \r")
    now[0] = 0.0
    one = Progress(io.StringIO(), [None], lang="en", clock=lambda: now[0])
    one.position = 1_500_000
    now[0] = 0.5
    assert one.text() == "ecfmetric: 1.5 MB, 3.0 MB/s"  # standard input: no total
    assert not wants_progress(io.StringIO(), 100, 0)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert wants_progress(Terminal(), 20, 0)
    assert wants_progress(Terminal(), 1, 50_000_001)
    assert not wants_progress(Terminal(), 19, 50_000_000)


def test_progress_counts_a_file_of_unknown_size_by_its_position() -> None:
    import io

    from ecfmetric.cli._console import Progress

    progress = Progress(io.StringIO(), [None, 10], lang="en", clock=lambda: 1.0)
    watched = progress.watch(io.BytesIO(b"x" * 1000))
    assert watched.read(600) == b"x" * 600
    assert watched.tell() == 600  # the rest goes to the file itself
    progress.file_done()
    assert progress.bytes_done == 600
    progress.file_done()
    progress.file_done()  # more files than sizes: counted by position
    assert progress.files_done == 3


# -- in the same process: streams without a terminal's features ------------------------------------


def test_csv_onto_a_text_only_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stdout without .buffer (an IDE, a StringIO) still gets the CSV, as text."""
    import io

    from ecfmetric.cli._cli import main

    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["--excel", str(SAMPLE)]) == 0
    assert out.getvalue().startswith("\ufeffArquivo;Situação;")
    assert "12.345.678/0001-95" in out.getvalue()


def test_broken_pipe_and_interrupt(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader went away (| head): 141, nothing more; Ctrl-C: 130, no traceback."""
    import io

    from ecfmetric.cli import _cli, _modes

    class Gone(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError

        def fileno(self) -> int:
            raise io.UnsupportedOperation("no file descriptor")

    monkeypatch.setattr(sys, "stdout", Gone())
    assert _cli.main([str(SAMPLE)]) == 141

    def interrupted(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    err = io.StringIO()
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(_modes, "read", interrupted)
    assert _cli.main([str(SAMPLE)]) == 130
    assert "Traceback" not in err.getvalue()


def test_a_pipe_that_closes_early_ends_quietly() -> None:
    """`ecfmetric --csv *.txt | head -1`: the CLI stops without a traceback."""
    with subprocess.Popen(
        [sys.executable, "-m", "ecfmetric", "--json", *([str(SAMPLE)] * 200)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read()
        assert proc.wait(timeout=60) == 141  # 200 metrics are more than a pipe holds
    assert err == b""
