"""benchmarks/heldout.py builds a held-out ECF that ecfmetric reads, with the sample's own metric.

The held-out file is grown from sample files kept outside the repository (the shared folder beside
the clone). Without them these tests are skipped, except the one that checks the script says so.
Nothing is timed here.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

import ecfmetric

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


heldout = _module("heldout")
ecf_layout = _module("ecf_layout")


@pytest.fixture(scope="module")
def samples() -> Path:
    try:
        return heldout.samples_folder()
    except heldout.SamplesMissing:
        pytest.skip(
            "the sample ECF files heldout.py grows are not beside the clone (../shared/external)"
        )


@pytest.fixture(scope="module")
def grown(samples: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("heldout") / "heldout-400K.txt"
    heldout.build(path, 400_000, samples)
    return path


def _records(path: Path) -> list[list[bytes]]:
    with open(path, "rb") as stream:
        return [heldout.fields_of(line) for line in stream]


def test_the_grown_file_reads_with_the_metric_worked_out_from_the_sample(grown: Path) -> None:
    """The figures, by hand from the base sample's L300 lines under L030 A00 (its A06 balancete is
    not added):
    gross = 3.01.01.01.01.01 1254310,47 + .04 8731905,18 + .05 2418677,39 + .06 596204,86
          = 13001097.90;
    cancellations = .02.01 187432,15; discounts = .02.02 64918,73;
    taxes = .02.03 ICMS 1402336,58 + .02.04 COFINS 741082,94 + .02.05 PIS 160892,11
          + .02.06 ISS 29810,24 = 2334121.87;
    other deductions = .02.10 AVP 12407,66;
    net = 13001097.90 - 187432.15 - 64918.73 - 2334121.87 - 12407.66 = 10402217.49, which is the
    sample's own RECEITA LIQUIDA line 3.01.01.01 10402217,49 C. The growth adds C, J and K lines
    only, which the metric does not read; the sample's 9100 (a PVA warning) is its one warning."""
    metric = ecfmetric.read(grown)
    assert metric.gross_revenue == Decimal("13001097.90")
    assert metric.cancellations == Decimal("187432.15")
    assert metric.discounts == Decimal("64918.73")
    assert metric.taxes == Decimal("2334121.87")
    assert metric.other_deductions == Decimal("12407.66")
    assert metric.net_revenue == Decimal("10402217.49")
    assert [w.code for w in metric.warnings] == ["PVA_WARNING"]
    assert heldout.check(grown) == []


def test_every_counter_is_right(grown: Path) -> None:
    """validate() finds no error: each x990, every 9900, 9990 and 9999 agree with the lines."""
    report = ecfmetric.validate(grown)
    assert report.errors == ()
    assert report.ok
    records = _records(grown)
    assert records[-1] == [b"9999", str(len(records)).encode()]
    counts = Counter(f[0] for f in records)
    stated = {f[1]: int(f[2]) for f in records if f[0] == b"9900"}
    assert stated == dict(counts)


def test_the_file_is_grown_in_blocks_c_j_and_k_to_about_its_size(grown: Path) -> None:
    size = grown.stat().st_size
    assert 390_000 <= size <= 400_000
    counts = Counter(f[0] for f in _records(grown))
    for reg in (b"K155", b"K156", b"K355", b"K356", b"J050", b"J051", b"J100", b"C050", b"C155"):
        assert counts[reg] > 30, reg
    # Each balance added: a K155 and its K156 for A00 and for A06 (the sample declares a June
    # balance: L030 A06), one C155; the sample has one K155/K156 pair of its own.
    assert counts[b"K155"] == counts[b"K156"] == 2 * counts[b"C155"] + 1
    assert counts[b"K355"] == counts[b"K356"]
    assert counts[b"K030"] == 2


def test_each_line_has_the_field_count_of_its_leiaute(grown: Path) -> None:
    """The counts heldout.py keeps (from the sample lines it copies, or its own reading of the
    leiaute) agree with the table bench_read.py's generator is checked against, a second reading."""
    seen: dict[bytes, set[int]] = {}
    for fields in _records(grown):
        seen.setdefault(fields[0], set()).add(len(fields))
    assert seen[b"K156"] == {8}  # the sample's 4-field K156 is rewritten to leiaute 0012's 8
    assert seen[b"K155"] == {9}
    assert seen[b"C155"] == {10}
    for reg, counts in seen.items():
        assert len(counts) == 1, (reg, counts)
        known = ecf_layout.FIELD_COUNTS.get(reg.decode())
        if known is not None:
            assert counts == {known[0]}, reg


def test_nothing_the_metric_reads_is_changed(samples: Path, grown: Path) -> None:
    """0000, 0010, L030 and L300 are the sample's lines, byte for byte, in the same order."""
    kept = (b"|0000|", b"|0010|", b"|L030|", b"|L300|")
    with open(samples / heldout.BASE, "rb") as stream:
        want = [line for line in stream if line.startswith(kept)]
    with open(grown, "rb") as stream:
        got = [line for line in stream if line.startswith(kept)]
    assert len(want) > 40
    assert got == want


def test_without_the_samples_the_script_says_where_it_looked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = heldout.main(
        ["--samples", str(tmp_path), "--size", "10K", "--out", str(tmp_path / "x")]
    )
    assert status == 2
    err = capsys.readouterr().err
    assert "the sample ECF files are not there" in err
    assert str(tmp_path) in err
    assert not (tmp_path / "x").exists()


def test_bench_file_times_the_held_out_file_with_bench_reads_method(grown: Path) -> None:
    """bench_file.py --quick on the small held-out file: the table, each ratio line against the
    bare loop, the net revenue read() returned (checked against --expect-net), the load average."""
    done = subprocess.run(
        [
            sys.executable,
            str(BENCHMARKS / "bench_file.py"),
            "--quick",
            "--expect-net",
            "10402217.49",
            str(grown),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "K155 " in out.split("lines by register:")[1]
    for label in ("read / bare", "validate / bare", "CLI process / bare process"):
        assert f"{label} on {grown.name}: " in out
    assert "read() net revenue 10402217.49 (as expected)" in out
    assert "peak RSS (read, validate)" in out
    assert out.count("load average") == 2
    assert "MISSED" not in out


def test_bench_file_says_so_when_read_returns_another_net_revenue(grown: Path) -> None:
    done = subprocess.run(
        [
            *(sys.executable, str(BENCHMARKS / "bench_file.py"), "--quick"),
            *("--validate-rounds", "0", "--expect-net", "1.00", str(grown)),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert "MISSED: read() returned net revenue ['10402217.49']" in done.stdout
