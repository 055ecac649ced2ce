"""Time ecfmetric on any given ECF file with bench_read.py's own method, every figure a ratio.

bench_read.py judges the targets on files it writes itself. This script takes files it did not
write (the held-out file of heldout.py, or a real ECF) and measures them with bench_read's
measuring code, imported, not copied: each contender in a fresh process, interleaved round after
round with the order rotated, medians, on a warm page cache, the load average printed;
``read()`` and ``validate()`` against a bare ``for line in open(path, "rb")`` loop run inside a
function in the same run, the CLI process against the bare-loop process, peak RSS of each.

    python benchmarks/bench_file.py PATH [PATH ...]
    python benchmarks/bench_file.py --heldout 122M,500M       # builds them with heldout.py first
    python benchmarks/bench_file.py --quick --heldout 1M       # a smoke test, nothing judged

With ``--heldout`` the net revenue read() returns must be the base sample's (heldout.py says why);
with paths, ``--expect-net`` checks it, and every round must at least return the same figure.
Exit status 1 when a target is missed (not in quick mode), 2 when the held-out samples are absent.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_read as bench  # beside this script, not a package
import heldout

CONTENDERS = ["bare", "read", "validate", "validate, no sig.", "CLI in process"]


def file_shape(path: Path) -> str:
    """Lines, bytes a line and the registers with most lines, from the file's 9900 records."""
    size = path.stat().st_size
    with open(path, "rb") as stream:
        stream.seek(max(0, size - (1 << 20)))
        tail = stream.read().decode("latin-1")
    counts = {
        parts[2]: int(parts[3])
        for parts in (row.split("|") for row in tail.splitlines())
        if len(parts) > 4 and parts[1] == "9900" and parts[3].isdigit()
    }
    if not counts:
        return "no 9900 records at its end (shape unknown)"
    return heldout.shape(counts, size)


def run(
    paths: list[Path],
    rounds: int,
    validate_rounds: int,
    quick: bool,
    expected: dict[Path, str | None],
) -> list[str]:
    """Measure every file, interleaved; print the table and the ratios; return what missed."""
    names = CONTENDERS + list(bench.FLOORS) + list(bench.PROCESSES)
    rows = {p: {n: bench.Row(n) for n in names} for p in paths}
    bench.warm(paths)
    for round_ in range(rounds):
        bench.warm(paths)  # again: a machine may page out what it has not read for a while
        for path in paths:
            order = names[round_ % len(names) :] + names[: round_ % len(names)]
            for name in order:
                if name.startswith("validate") and round_ >= validate_rounds:
                    continue
                if name in bench.PROCESSES:
                    command = [a.replace("{path}", str(path)) for a in bench.PROCESSES[name]]
                    rows[path][name].samples.append(bench.measure_process(command))
                else:
                    rows[path][name].samples.append(bench.measure(name, [str(path)]))
        print(f"round {round_ + 1}/{rounds} done, load average {bench._load()}", file=sys.stderr)

    missed: list[str] = []
    for path in paths:
        nbytes = path.stat().st_size
        row = rows[path]
        base = row["bare"].median("seconds")
        print(f"\n== {path}, {nbytes / 1e6:.1f} MB; {file_shape(path)}")
        bench.table(row, nbytes, base)
        if not row["read"].ok or not row["bare"].ok:
            missed.append(f"read() or the bare loop failed on {path.name}")
            continue
        nets = {str(s.result) for s in row["read"].ok}
        want = expected.get(path)
        if len(nets) != 1 or (want is not None and nets != {want}):
            missed.append(
                f"read() returned net revenue {sorted(nets)} on {path.name}, expected {want}"
            )
        else:
            print(f"read() net revenue {nets.pop()}" + (" (as expected)" if want else ""))
        judged = [
            ("read", "read / bare", "bare", bench.TARGET_RATIO),
            ("validate", "validate / bare", "bare", bench.TARGET_VALIDATE_RATIO),
            ("validate, no sig.", "validate(signature=False) / bare", "bare", None),
            ("CLI process", "CLI process / bare process", "bare process", bench.TARGET_CLI_RATIO),
        ]
        for name, label, against, target in judged:
            r, other = row[name], row[against]
            if not r.ok or not other.ok:
                if r.samples:
                    missed.append(f"{name} failed on {path.name}")
                continue
            value = r.median("seconds") / other.median("seconds")
            judge = (
                not quick
                and target is not None
                and (name != "CLI process" or nbytes >= bench.TARGET_CLI_MIN_SIZE)
            )
            if target is None:
                verdict = "(not a target)"
            elif name == "CLI process" and nbytes < bench.TARGET_CLI_MIN_SIZE and not quick:
                verdict = (
                    f"(target <= {target}x, judged from {bench.TARGET_CLI_MIN_SIZE // 10**6} MB on)"
                )
            else:
                verdict = f"(target <= {target}x) {bench._verdict(value <= target, judge)}"
            print(f"{label} on {path.name}: {value:.2f}x {verdict}")
            if judge and target is not None and value > target:
                missed.append(f"{label} {value:.2f}x on {path.name}")
        bench.floors(row, base, path.name, missed)
        for name, r in row.items():
            peak = max((s.rss_mib for s in r.ok if s.rss_mib == s.rss_mib), default=0.0)
            if not quick and peak > bench.TARGET_RSS_MIB:
                missed.append(f"{name} peak RSS {peak:.1f} MiB on {path.name}")
        peaks = [max(s.rss_mib for s in row[n].ok) for n in ("read", "validate") if row[n].ok]
        if peaks:
            print(
                f"peak RSS (read, validate) {', '.join(f'{p:.1f}' for p in peaks)} MiB "
                f"(target <= {bench.TARGET_RSS_MIB:.0f} MiB) "
                f"{bench._verdict(max(peaks) <= bench.TARGET_RSS_MIB, not quick)}"
            )
    return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="ECF files to time")
    parser.add_argument("--heldout", help="also build and time held-out files of these sizes")
    parser.add_argument("--samples", type=Path, help="heldout.py's sample folder")
    parser.add_argument("--expect-net", help="the net revenue read() must return on the PATHs")
    parser.add_argument("--rounds", type=int, default=None, help="interleaved rounds (default 7)")
    parser.add_argument("--validate-rounds", type=int, default=3, help="rounds validate() runs in")
    parser.add_argument("--quick", action="store_true", help="one round, nothing judged")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="where the held-out files are built (default: ecfmetric-bench in the temporary folder)",
    )
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    rounds = args.rounds or (1 if args.quick else 7)
    paths: list[Path] = list(args.paths)
    expected: dict[Path, str | None] = dict.fromkeys(paths, args.expect_net)
    if args.heldout:
        try:
            net = heldout.figures(heldout.samples_folder(args.samples) / heldout.BASE)[
                "net_revenue"
            ]
            for text in args.heldout.split(","):
                size = heldout._parse_size(text)
                path = heldout.default_path(size, args.data_dir)
                if not path.is_file():
                    heldout.build(path, size, args.samples)
                    print(f"built {path} ({path.stat().st_size / 1e6:.1f} MB) with heldout.py")
                paths.append(path)
                expected[path] = net
        except heldout.SamplesMissing as missing:
            print(f"bench_file.py: {missing}", file=sys.stderr)
            return 2
    if not paths:
        parser.error("give a file, or --heldout SIZES")
    print(
        f"python {sys.version.split()[0]} on {os.cpu_count()} CPU(s); {rounds} interleaved "
        f"round(s), medians; ratio = time of the call / time of the bare loop on the same file; "
        f"load average {bench._load()}"
    )
    print(
        f"command: python benchmarks/bench_file.py {' '.join(sys.argv[1:] if argv is None else argv)}"
    )
    missed = run(paths, rounds, args.validate_rounds, args.quick, expected)
    print(f"\nload average at the end {bench._load()}")
    if missed:
        print("\nMISSED: " + "; ".join(missed))
        return 0 if args.quick else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
