"""The benchmark script runs end to end in quick mode and prints its figures (nothing is timed here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
    assert "linearity: read() seconds per GB:" in out
    assert "read_many speed-up, 2 workers / 1:" in out
    assert "load average" in out.split("== read_many")[1]
    assert "MISSED" not in out
    assert list(tmp_path.glob("ecf-300K-*.txt"))
