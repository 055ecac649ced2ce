"""The documentation tells the truth: its code examples run, and the regimes table matches the code."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ecfmetric.rules import _plans, _regimes_doc

ROOT = Path(__file__).parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def _blocks() -> list[tuple[str, str]]:
    out = []
    for doc in DOCS:
        for index, match in enumerate(BLOCK.finditer(doc.read_text(encoding="utf-8"))):
            out.append((f"{doc.name}#{index}", match.group(1)))
    return out


BLOCKS = _blocks()


def test_docs_have_examples() -> None:
    """The docs carry runnable examples (and this test finds them)."""
    assert len(BLOCKS) >= 5


def _as_a_user() -> dict[str, str]:
    """The environment of a person who installed the package: no language chosen (so the
    default, Portuguese), nothing of the test suite's."""
    return {
        key: value
        for key, value in os.environ.items()
        if key != "ECFMETRIC_LANG" and not key.startswith(("PYTEST", "HYPOTHESIS", "COV_"))
    }


@pytest.mark.parametrize(("name", "code"), BLOCKS, ids=[name for name, _ in BLOCKS])
def test_doc_example_runs(name: str, code: str) -> None:
    """Every ```python block of the README and docs/ runs as written, as a person runs it: a
    fresh interpreter in the repository root, the installed package, the default language."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=_as_a_user(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"{name} failed as a user runs it:\n{done.stderr}"


def test_doc_examples_cannot_pass_by_not_failing() -> None:
    """A top-level ``try``/``except`` in an example has an ``else`` that fails: an example that
    expects a refusal must not pass silently when the refusal stops coming."""
    import ast

    for name, code in BLOCKS:
        for node in ast.parse(code).body:
            if isinstance(node, ast.Try) and node.handlers:
                assert node.orelse, f"{name}: try at line {node.lineno} has no else"


def _table(title: str) -> list[list[str]]:
    text = (ROOT / "docs" / "regimes.md").read_text(encoding="utf-8")
    section = text.split(f"## {title}", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")][2:]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]


def _codes(cell: str) -> list[str]:
    return re.findall(r"\b\d+(?:\.\d+)+\b|\b\d+\b", cell.split("(")[0])


def test_regimes_tables_are_the_code_s() -> None:
    """docs/regimes.md's tables are exactly what the rule tables render: edit the tables (or the
    prose around them), never the generated part by hand."""
    text = (ROOT / "docs" / "regimes.md").read_text(encoding="utf-8")
    begin, end = _regimes_doc.BEGIN, _regimes_doc.END
    assert text.count(begin) == 1
    assert text.count(end) == 1
    generated = text[text.index(begin) : text.index(end) + len(end)] + "\n"
    assert generated == _regimes_doc.render()


def test_regimes_tables_answer_by_row() -> None:
    """The questions the tables are for have their answer in one row each."""
    assert _plans.PLAN_U_A.row_of("4.01.02.01.03") == _plans.Row(
        "4.01.02.01.03", "taxes", "(-) ICMS"
    )
    assert _plans.PLAN_A.row_of("3.01.01.01.02.06.01").role == "taxes"  # type: ignore[union-attr]
    assert _plans.PLAN_A.row_of("3.11.01.01.02.07").role == "deductions"  # type: ignore[union-attr]
    assert _plans.PLAN_A.row_of("3.01.01.05.01") is None


def test_readme_opens_with_the_two_commands() -> None:
    """The README's first code block holds the two commands, and .ci/run runs the second."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = readme.split("```sh\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(first) == 2
    assert "python -m ecfmetric fixtures/" in first[0]
    assert "pytest" in first[1]
    fixture = first[0].split("python -m ecfmetric ", 1)[1].split()[0]
    assert (ROOT / fixture).exists()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert first[1] in ci
    assert os.access(ROOT / ".ci" / "run", os.X_OK)


def test_every_regime_block_has_its_period_rules() -> None:
    """block_rule() applies PERIOD_RULES, the table docs/regimes.md shows: every block a regime
    may use has rules there, and each rule's periods are what block_rule() gives."""
    from ecfmetric.rules._parameters import REGIME_BLOCKS, Parameters
    from ecfmetric.rules._periods import PERIOD_RULES, block_rule

    for forma_trib, blocks in REGIME_BLOCKS.items():
        for block in blocks:
            assert any(r.block == block and forma_trib in r.regimes for r in PERIOD_RULES)
    for rule in PERIOD_RULES:
        for forma_trib in rule.regimes:
            for value in rule.values or ("",):
                declared = dict.fromkeys(("forma_apur", "apur_csll", "forma_apur_i"), value)
                params = Parameters(
                    3,
                    forma_trib,
                    cod_qualif_pj="01",
                    forma_trib_per="",
                    tip_esc_pre="",
                    tip_ent="01",
                    **declared,
                )
                assert block_rule(rule.block, params).periods == rule.periods, (rule, forma_trib)


# -- shell examples, run as a person runs them -------------------------------------------------

SH_BLOCK = re.compile(r"^```sh\n(.*?)^```", re.S | re.M)
#: What the placeholders of the shell examples stand for, in a scratch directory (see _scratch).
PLACEHOLDERS = [
    ("FILE...", "a.txt b.txt"),
    ("FILE", "a.txt"),
    ("OUT", "linhas-lidas.csv"),
]


def _not_run_here(command: str) -> bool:
    """Commands that install from the package registry or run this test suite (CI's .ci/run
    does both, as the README says), or the full benchmark (minutes long; tests/test_bench.py
    runs its --quick smoke test), or a command on files of hundreds of MB (the held-out file's;
    tests/test_bench_heldout.py builds and times a small one)."""
    return (
        "pip install" in command
        or "-m venv" in command
        or "-m pytest" in command
        or ("bench_read.py" in command and "--quick" not in command)
        or re.search(r"\b[1-9]\d{2,}M\b", command) is not None
    )


def _shell_commands() -> list[tuple[str, str]]:
    out = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for index, match in enumerate(SH_BLOCK.finditer(text)):
            for number, line in enumerate(match.group(1).splitlines()):
                command = re.split(r"\s{2,}#\s", line, maxsplit=1)[0].strip()
                if not command or command.startswith("#") or "[--" in command:
                    continue  # a synopsis, not a command
                pieces = [part.strip() for part in command.split("&&")]
                kept = [piece for piece in pieces if not _not_run_here(piece)]
                if kept:
                    out.append((f"{doc.name}#{index}.{number}", " && ".join(kept)))
    return out


SHELL = _shell_commands()


def test_the_shell_examples_are_found() -> None:
    """The scan finds the README's and the CLI guide's commands."""
    names = [name for name, _ in SHELL]
    assert any(name.startswith("README.md#0") for name in names)
    assert sum(name.startswith("cli.md") for name in names) >= 4
    assert any("--signature" in command for _, command in SHELL)


def _scratch(tmp_path: Path, doc: str) -> Path:
    """A directory as a person has one: ECF files (signed ones for the signature guide) and
    the repository's fixtures/ beside them."""
    signed = doc.startswith("signature.md")
    fixtures = ROOT / "fixtures"
    good = fixtures / (
        "signed/two_signerinfos.ecf" if signed else "real_annual_0012_crlf_latin1.txt"
    )
    other = fixtures / (
        "signed/two_signerinfos.ecf" if signed else "real_quarterly_0008_lf_utf8.txt"
    )
    for name, source in (("a.txt", good), ("b.txt", other), ("empresa.txt", good)):
        (tmp_path / name).write_bytes(source.read_bytes())
    (tmp_path / "fixtures").symlink_to(fixtures)
    (tmp_path / "benchmarks").symlink_to(ROOT / "benchmarks")
    return tmp_path


def _as_written(command: str) -> str:
    for placeholder, value in PLACEHOLDERS:
        command = re.sub(rf"(?<![\w.]){re.escape(placeholder)}(?![\w.])", value, command)
    python = sys.executable
    command = command.replace(".venv/bin/python", python)
    return re.sub(r"(?<![\w/])python3? -m ", f"{python} -m ", command)


@pytest.mark.parametrize(("name", "command"), SHELL, ids=[name for name, _ in SHELL])
def test_shell_example_runs(name: str, command: str, tmp_path: Path) -> None:
    """Every command of a ```sh block of the README and docs/ runs as written (placeholders such
    as FILE filled with real files) in the default language, and says what it says in
    Portuguese: exit status 0, no traceback."""
    if "| jq" in command and shutil.which("jq") is None:
        command = command.split("| jq", 1)[0]
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", _as_written(command)],
        cwd=_scratch(tmp_path, name),
        env=_as_a_user(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{name}: {command}\n{done.stderr}"
    assert "Traceback" not in done.stderr


def _fenced(doc: str, after: str, kind: str) -> str:
    text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
    return text.split(after, 1)[1].split(f"```{kind}\n", 1)[1].split("```", 1)[0]


def test_cli_guide_shows_the_refusal_as_printed() -> None:
    """docs/cli.md's refused file is the exact line the command prints, in the default
    language, and its --json object is the exact object --json prints."""
    shown = _fenced("cli.md", "## Refused files", "text").strip()
    done = subprocess.run(
        [sys.executable, "-m", "ecfmetric", "bad_amount.txt"],
        cwd=ROOT / "fixtures",
        env=_as_a_user(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr.strip()) == (1, "", shown)
    as_json = json.loads(_fenced("cli.md", "With `--json` a refused file", "json"))
    done = subprocess.run(
        [sys.executable, "-m", "ecfmetric", "--json", "bad_amount.txt"],
        cwd=ROOT / "fixtures",
        env=_as_a_user(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert json.loads(done.stdout) == as_json


def test_pycon_examples_run_as_a_user_runs_them() -> None:
    """The ```pycon sessions (docs/proof.md) give the output shown, in a fresh interpreter in
    the default language."""
    docs = [doc for doc in DOCS if "```pycon" in doc.read_text(encoding="utf-8")]
    assert docs
    for doc in docs:
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                "import doctest, sys; "
                f"result = doctest.testfile({str(doc)!r}, module_relative=False); "
                "sys.exit(1 if result.failed or not result.attempted else 0)",
            ],
            cwd=ROOT,
            env=_as_a_user(),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, f"{doc.name}:\n{done.stdout}{done.stderr}"
