"""The benchmark script runs end to end in quick mode and prints its figures (nothing is timed here)."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

BENCH = Path(__file__).parent.parent / "benchmarks" / "bench_read.py"


def test_quick_benchmark_prints_ratios_and_memory(tmp_path: Path) -> None:
    """--quick on a tiny file: every target's ratio line, RSS, linearity and read_many are printed."""
    command = [sys.executable, str(BENCH), "--quick", "--sizes", "300K,600K", "--many", "2x300K"]
    done = subprocess.run(
        [*command, "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    for size in ("300K", "600K"):
        assert f"read / bare at {size}: " in out
        assert f"validate / bare at {size}: " in out
        assert f"CLI process / bare process at {size}: " in out
    assert "read peak RSS" in out
    assert "validate peak RSS" in out
    assert "CLI peak RSS" in out
    assert "import ecfmetric: +" in out
    assert "over python -c pass" in out
    assert "CLI start-up (CLI --json, 6 KB file): " in out
    assert "bytes a line; lines by register: K156 " in out
    assert "linearity: read() seconds per GB:" in out
    assert "read_many speed-up, 2 workers / 1:" in out
    assert "load average" in out.split("== read_many")[1]
    assert "MISSED" not in out
    assert list(tmp_path.glob("ecf-300K-*.txt"))
    # The floors count every line end of the file they read, the same number for each floor.
    for size in ("300K", "600K"):
        (path,) = tmp_path.glob(f"ecf-{size}-s2025-v*.txt")
        ends = path.read_bytes().count(b"\n")
        assert f"floors at {size} (x bare loop; line ends counted: {ends}): lines " in out
        assert f"read() against the floor of its exact skip at {size}: " in out
        assert f"the signature's two digests (SHA-1 and SHA-256) at {size}: " in out


def _bench_modules() -> tuple[Any, Any]:
    sys.path.insert(0, str(BENCH.parent))
    try:
        import bench_read
        import ecf_layout
    finally:
        sys.path.remove(str(BENCH.parent))
    return bench_read, ecf_layout


def test_generated_records_have_their_layout_field_counts(tmp_path: Path) -> None:
    """Every line the generator writes up to 9999 has the field count benchmarks/ecf_layout.py
    gives its register (each count with its source there): K156 with 8 fields, not 4."""
    bench_read, ecf_layout = _bench_modules()
    path = tmp_path / "ecf.txt"
    bench_read.generate(path, 3_000_000)
    seen: Counter[str] = Counter()
    wrong = []
    with open(path, "rb") as stream:
        for number, raw in enumerate(stream, start=1):
            line = raw.decode("latin-1")
            register = line[1:5]
            seen[register] += 1
            expected = ecf_layout.FIELD_COUNTS.get(register, (None, ""))[0]
            if ecf_layout.field_count(line) != expected:
                wrong.append((number, register, ecf_layout.field_count(line), expected))
            if register == "9999":
                break
    assert wrong == []
    # The records the benchmark is about are there, in a Lucro Real company's proportions.
    assert {"K155", "K156", "K355", "K356", "C155", "C157", "E155", "E355", "L300"} <= set(seen)
    assert seen["K156"] >= seen["K155"] > seen["K355"] == seen["K356"]
    assert ecf_layout.FIELD_COUNTS["K156"][0] == 8
    assert ecf_layout.FIELD_COUNTS["K155"][0] == 9


def test_field_count_counts_fields_not_pipes() -> None:
    """Hand-checked: |K356|3.01|10,00|C| has REG and three fields; an empty field counts."""
    _, ecf_layout = _bench_modules()
    assert ecf_layout.field_count("|K356|3.01|10,00|C|\r\n") == 4
    assert ecf_layout.field_count("|0000|LECF|0012|x|y|0|0|||01012025|31122025|N||0|||") == 16
    assert ecf_layout.field_count("|L200|1|") == 2


def _floor_namespace() -> dict[str, Any]:
    bench_read, _ = _bench_modules()
    namespace: dict[str, Any] = {}
    exec(bench_read._FLOOR, namespace)
    return namespace


def test_the_floor_of_the_exact_skip_checks_what_read_checks() -> None:
    """The benchmark's floor stops at the same byte as the search read() makes over a chunk of
    a skipped CRLF block K (ecf/_lines._stop_pattern), so that it times the same check, not a
    weaker one; and where that search stops, the reader's rule for one line refuses to skip the
    line (or, for an LF line in a CRLF run, takes it line by line). One line after a record."""
    from ecfmetric.ecf._lines import _record_pattern, _stop_pattern

    floor = _floor_namespace()["STOP"]
    reader = _stop_pattern(ord("K"), True)
    record = _record_pattern(ord("K"))
    good = b"|K155|1|1.01|100,00|D|\r\n"
    lines = [
        good,
        b"|K156|1|3.01|\r\n",
        b"|K155|\r\n",
        b"|K155|1|1.01|100,00|D\r\n",  # no closing |
        b"|K155|1|1.01|100,00|D|\n",  # LF in a CRLF run
        b"|K990|4|\r\n",  # the block's end: handed over to the collector
        b"|K9A5|1|\r\n",
        b"|K15|1|\r\n",
        b"|L300|1|\r\n",
        b"K155|1|\r\n",
        b"|K15X|1|\r\n",
        b"\r\n",
    ]
    stops = 0
    for line in lines:
        chunk = good + line + good + b"|K155|1"  # a chunk ends inside a line
        found = floor.search(chunk)
        expected = reader.search(chunk)
        assert (found and found.start()) == (expected and expected.start()), line
        if found is not None:
            stops += 1
            assert not record.fullmatch(line) or not line.endswith(b"\r\n"), line
    assert stops == len(lines) - 3  # all but the two records and "|K155|" (no field)


def test_the_floors_count_line_ends() -> None:
    namespace = _floor_namespace()
    chunk = b"|K155|1|\r\n|K156|2|\r\n|K155|3"
    for work in ("lines", "exact_skip", "digests"):
        assert namespace[work](chunk) == 2, work
