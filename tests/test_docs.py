"""The documentation tells the truth: its code examples run, and the regimes table matches the code."""

from __future__ import annotations

import os
import re
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


@pytest.mark.parametrize(("name", "code"), BLOCKS, ids=[name for name, _ in BLOCKS])
def test_doc_example_runs(name: str, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ```python block of the README and docs/ runs as written, from the repository root."""
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": f"doc_{name}"}
    exec(compile(code, name, "exec"), namespace)


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
