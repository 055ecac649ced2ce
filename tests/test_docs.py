"""The documentation tells the truth: its code examples run, and the regimes table matches the code."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from ecfmetric import _collect, _layout, _metric

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


def test_regimes_table_codes_match_the_code() -> None:
    """Each code the regimes table lists feeds, in the code, the component the table says."""
    checked = 0
    for plan, _record, component, codes, _sign in _table("Codes → components"):
        listed = _codes(codes)
        if plan == "A" and component in ("cancellations", "discounts", "taxes"):
            for code in listed:
                root = code.rsplit(".", 2)[0]
                assert root in (_metric.GENERAL, _metric.RURAL), code
                assert _metric.DEDUCTION_KINDS[code[-2:]] == component, code
                checked += 1
        elif plan == "A" and component == "gross_revenue":
            assert listed == [_metric.GENERAL + ".01", _metric.RURAL + ".01"]
            checked += 1
        elif plan == "U_A" and component in ("cancellations", "discounts", "taxes"):
            for code in listed:
                assert code.startswith(_metric.U150_ACTIVITY_DEDUCTIONS + ".")
                assert _metric.DEDUCTION_KINDS[code[-2:]] == component, code
                checked += 1
        elif plan == "COSIF":
            expected = (
                [_metric.COSIF_REVENUE]
                if component == "gross_revenue"
                else list(_metric.COSIF_TAXES)
            )
            assert listed == expected
            checked += 1
        elif plan == "INSURER" and component != "gross_revenue":
            expected = (
                [_metric.INSURER_ADJUSTMENTS]
                if component == "cancellations"
                else list(_metric.INSURER_TAXES)
            )
            assert listed == expected
            checked += 1
        elif plan == "TABLE":
            record = _record
            kept = {
                "P200": _metric.P200_REVENUE,
                "P300": frozenset({"16"}),
                "T120": _metric.T120_REVENUE,
            }[record]
            assert set(listed) == set(kept), record
            checked += 1
    assert checked >= 20


def test_regimes_table_blocks_match_the_code() -> None:
    """The block, period record and figures record of each regime are the code's."""
    rows = _table("Where each regime keeps its revenue")
    assert len(rows) == 6
    for _regime, block, period_record, figures, _plan, _periods in rows[:5]:
        assert _layout.PERIOD_RECORD[block] == period_record
        if block in _layout.DRE_RECORD and figures in _layout.DRE_RECORD.values():
            assert _layout.DRE_RECORD[block] == figures
        else:
            assert set(figures.replace(" ", "").split(",")) <= set(_collect.KEPT_TABLE_CODES)
    assert _layout.BLOCK_OF_QUARTER_LETTER == {"R": "L", "E": "L", "P": "P", "A": "T"}
    mixed = rows[5][5]
    assert "R, E → L" in mixed
    assert "P → P" in mixed
    assert "A → T" in mixed


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
