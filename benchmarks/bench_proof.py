"""Benchmark the proof workflow at scale: listing, adding, contesting, concluding and reloading.

For each size, times a proof of that many companies (each with an ECF-like figure that has a
fingerprint, so the duplicate-file check runs) and prints the time per company of each step and
its ratio to the smallest size. Linear steps keep a ratio near 1; a quadratic step's ratio grows
with the size (before the indexes of fingerprints and roots, ``add`` at 20,000 companies was
about 4x the per-company time of 5,000).

    python benchmarks/bench_proof.py                   # 5000, 20000
    python benchmarks/bench_proof.py --sizes 1000,4000,16000

Standard library and ecfmetric only; nothing is asserted (the tests pin the data structures).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import ecfmetric
from ecfmetric.base._cnpj import _WEIGHTS_1, _WEIGHTS_2, _digit


def cnpjs(count: int) -> list[str]:
    """``count`` distinct head-office CNPJs with their check digits."""
    out = []
    for root in range(10_000_000, 10_000_000 + count):
        base = f"{root:08d}0001"
        first = _digit(base, _WEIGHTS_1)
        out.append(base + first + _digit(base + first, _WEIGHTS_2))
    return out


def timed(step: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = step()
    return time.perf_counter() - start, result


def run(size: int) -> dict[str, float]:
    """Seconds per company of each step for a proof of ``size`` companies."""
    listed = cnpjs(size)
    template = attrs.evolve(
        ecfmetric.from_form(
            gross_revenue="1.000,00",
            cancellations=0,
            taxes="150,00",
            discounts=0,
            reference_year=2024,
        ),
        source="ecf",
    )
    metrics = [
        attrs.evolve(template, cnpj=cnpj, fingerprint=f"f{i}") for i, cnpj in enumerate(listed)
    ]
    times: dict[str, float] = {}
    proof = ecfmetric.Proof(2024)
    times["include"], _ = timed(lambda: [proof.include_company(c) for c in listed])
    times["add"], _ = timed(lambda: [proof.add(m) for m in metrics])
    times["contest"], _ = timed(
        lambda: [proof.contest(c, "taxes", "100,00", reason="r") for c in listed[::10]]
    )
    times["to_dict"], saved = timed(lambda: json.dumps(proof.to_dict()))
    times["from_dict"], _ = timed(lambda: ecfmetric.Proof.from_dict(json.loads(str(saved))))
    times["conclude"], _ = timed(proof.conclude)
    return {step: seconds / size for step, seconds in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="5000,20000", help="comma-separated sizes")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    results = {size: run(size) for size in sizes}
    base = results[sizes[0]]
    steps = list(base)
    print(
        f"{'step':<10}" + "".join(f"{size:>14,}" for size in sizes) + "   ratio (largest/smallest)"
    )
    for step in steps:
        cells = "".join(f"{results[size][step] * 1e6:>12.1f}µs" for size in sizes)
        ratio = results[sizes[-1]][step] / base[step] if base[step] else float("nan")
        print(f"{step:<10}{cells}   {ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
