"""Build a held-out Lucro Real ECF for the benchmark: a sample file grown, not bench_read's generator.

bench_read.py times files it writes itself from its own templates; a speed target met only on such
files may be met because of their shape. This script builds a file by another method, from sample
files that are not part of the repository and that it reads at run time (it never copies them):

- the base is the only whole Lucro Real ECF among the samples (leiaute 0012, CRLF, Latin-1, with a
  PVA warning record ``9100`` bench_read never writes); every line of it is kept, in its order;
- blocks C, J and K, which hold most of a real Lucro Real file, are grown by replicating the
  base's own lines (``J050``, ``J051``, ``J100``, ``K155``, ``K355``, ``K356``) and the
  third-party samples' (``K155`` of an ECF sample, ``C050`` of an ECD sample), changing only
  account codes, cost centres and amounts, so that every line keeps the field count and the
  shape of the line it copies;
- the records no sample has in a usable form are written from the leiaute's field lists as read
  for this script (not from ecf_layout.py): ``K156`` with its 8 fields (the base's K156 lines
  have the 4 fields of leiautes before 0005 and are rewritten to 8, with their K155's amounts),
  ``C051`` (J051's 3 fields), ``C150`` (3: REG, DT_INI, DT_FIN) and ``C155`` (K155's 9 fields
  and LINHA_ECD). ``C040``, ``C350`` and ``C355`` are not written: their field lists could not be
  read with certainty;
- block K gets the balances of each period block L has and block K has not (the base's June
  balance, ``L030`` A06): a ``K030`` and its lines, as the ECD of such a company gives;
- every counter is made right (each block's ``x990``, the ``9900`` lines, ``9990``, ``9999``).

Nothing the metric reads (``0000``, ``0010``, ``L030``, ``L300``) is touched, so the grown file's
metric is the base's: the script reads both with ``ecfmetric.read()`` and fails if any figure
differs (``--no-check`` skips that).

    python benchmarks/heldout.py                       # 122M, to a temporary folder
    python benchmarks/heldout.py --size 500M --out /data/heldout-500M.txt
    python benchmarks/bench_file.py "$(python benchmarks/heldout.py --print-path)"

The samples are found in ``--samples DIR``, else ``$ECFMETRIC_SAMPLES``, else the developers'
shared folder beside the clone (``../shared/external``). Without them the script says so and exits 2.
Standard library only (the check imports ecfmetric when it is installed or beside this script).
Sizes are decimal: ``122M`` is 122,000,000 bytes; the file comes within a few kilobytes under it.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VERSION = 2  # bump when the file built for a size changes

#: The samples, by their names in the shared external folder.
BASE = "probes/probe__ecfmetric-fixture-real_annual_0012__plus-9100.txt"
ECF_K_SAMPLE = "marcelowanderley1093__primetax-sped-crossref__ecf_sprint8_cr43_2025.txt"
ECD_C_SAMPLE = (
    "marcelowanderley1093__primetax-sped-crossref__ecd_reconciliacao_blococ_completo_2025.txt"
)

#: Field counts (REG included) as read from the leiaute for this script, for the records no
#: sample has in the leiaute-0012 form. The others keep the count of the sample line they copy.
# K156: REG COD_CTA_REF VL_SLD_INI IND_VL_SLD_INI VL_DEB VL_CRED VL_SLD_FIN IND_VL_SLD_FIN
K156_FIELDS = 8
C051_FIELDS = 3  # REG COD_CCUS COD_CTA_REF (as J051)
C150_FIELDS = 3  # REG DT_INI DT_FIN
C155_FIELDS = 10  # K155's nine, then LINHA_ECD

#: The revenue subtree of the referential plan: no K356 the script adds maps into it.
REVENUE_NODE = b"3.01.01.01"

CENTRES = 240  # cost centres the grown company has (J100)
RESULT_SHARE = 0.3  # share of grown accounts that are result accounts (K355/K356)


class SamplesMissing(Exception):
    """The sample files are not where the script looks for them."""


def samples_folder(given: Path | None = None) -> Path:
    """The folder holding the samples; SamplesMissing says where it looked."""
    env = os.environ.get("ECFMETRIC_SAMPLES")
    if given or env:  # a folder named is the only place looked in
        candidates = [given or Path(str(env))]
    else:
        candidates = [up / "shared" / "external" for up in (ROOT.parent, ROOT.parent.parent)]
    for folder in candidates:
        if (folder / BASE).is_file():
            return folder
    looked = ", ".join(str(c) for c in candidates)
    raise SamplesMissing(
        "the sample ECF files are not there (looked in: "
        f"{looked}); the held-out file is built from them at run time and they are not in the "
        "repository: put the shared folder beside the clone (../shared/external), or give "
        "--samples DIR or $ECFMETRIC_SAMPLES"
    )


def fields_of(line: bytes) -> list[bytes]:
    """``|REG|a|b|`` -> ``[b"REG", b"a", b"b"]`` (field 1 is index 0)."""
    body = line.rstrip(b"\r\n")
    if not (body.startswith(b"|") and body.endswith(b"|")):
        raise ValueError(f"not a record line: {line[:60]!r}")
    return body[1:-1].split(b"|")


def record(fields: Sequence[bytes], eol: bytes) -> bytes:
    return b"|" + b"|".join(fields) + b"|" + eol


def _lines(path: Path) -> list[bytes]:
    with open(path, "rb") as stream:
        return stream.read().splitlines(keepends=True)


def _money(cents: int) -> bytes:
    return f"{cents // 100},{cents % 100:02d}".encode()


def _signed(cents: int) -> tuple[bytes, bytes]:
    """An amount and its D/C indicator (debit positive)."""
    return _money(abs(cents)), b"D" if cents >= 0 else b"C"


def _renumber(code: bytes, number: int) -> bytes:
    """The code with its last segment replaced by ``number`` (``1.1.1.01`` -> ``1.1.1.00042``)."""
    head, dot, _ = code.rpartition(b".")
    return head + dot + f"{number:05d}".encode()


class Templates:
    """The sample lines the growth copies, checked for the shapes the script relies on."""

    def __init__(self, folder: Path) -> None:
        self.base = _lines(folder / BASE)
        first = self.base[0]
        self.eol = b"\r\n" if first.endswith(b"\r\n") else b"\n"
        by_reg: dict[bytes, list[list[bytes]]] = {}
        for line in self.base:
            fields = fields_of(line)
            by_reg.setdefault(fields[0], []).append(fields)
        self.by_reg = by_reg
        third_k = [fields_of(x) for x in _lines(folder / ECF_K_SAMPLE)]
        ecd_c = [fields_of(x) for x in _lines(folder / ECD_C_SAMPLE)]

        j050 = by_reg[b"J050"]
        self.j050_balance = [f for f in j050 if f[3] == b"A" and f[2] in (b"01", b"02", b"03")]
        self.j050_result = [f for f in j050 if f[3] == b"A" and f[2] == b"04"]
        self.j051 = by_reg[b"J051"][0]
        self.j100 = by_reg[b"J100"][0]
        self.k155 = by_reg[b"K155"] + [f for f in third_k if f[0] == b"K155"]
        self.k355 = by_reg[b"K355"]
        self.k356 = by_reg[b"K356"][0]
        self.c050 = [f for f in ecd_c if f[0] == b"C050"]
        self.period = by_reg[b"K030"][0][1:3]  # DT_INI, DT_FIN of the ECD balances
        # The balance periods block L has and block K has not (the base's L030 A06): a real file
        # has the ECD balances of each, so K gets a K030 and its lines for each of them too.
        in_k = {f[3] for f in by_reg[b"K030"]}
        self.more_periods = [[b"K030", *f[1:4]] for f in by_reg[b"L030"] if f[3] not in in_k]
        self.expense_refs = sorted(
            {
                f[1]
                for f in by_reg[b"L300"]
                if f[3] == b"A" and f[8] == b"D" and not f[1].startswith(REVENUE_NODE)
            }
        )
        self.balance_ref = self.j051[2]
        checks = {
            "J050 (8 fields)": {len(f) for f in j050} == {8},
            "C050 of the ECD sample as J050 (8 fields)": {len(f) for f in self.c050} == {8},
            "J051 (3 fields)": len(self.j051) == C051_FIELDS,
            "J100 (4 fields)": len(self.j100) == 4,
            "K155 of both ECF samples (9 fields)": {len(f) for f in self.k155} == {9}
            and len(self.k155) >= 2,
            "K355 (5 fields)": {len(f) for f in self.k355} == {5},
            "K356 (4 fields)": len(self.k356) == 4,
            "K030 as L030 (4 fields)": {len(f) for f in by_reg[b"K030"] + by_reg[b"L030"]} == {4},
            "accounts to copy": bool(self.j050_balance and self.j050_result),
            "expense codes in L300": bool(self.expense_refs),
        }
        wrong = [name for name, ok in checks.items() if not ok]
        if wrong:
            raise ValueError(f"the samples do not have the shape this script copies: {wrong}")


class _Part:
    """Lines of one stretch of the grown file, spooled to a temporary file."""

    def __init__(self, directory: Path) -> None:
        self.stream: BinaryIO = tempfile.TemporaryFile(dir=directory)  # noqa: SIM115
        self.lines = 0
        self.bytes = 0
        self.registers: Counter[bytes] = Counter()
        self.spliced = False

    def write(self, fields: Sequence[bytes], eol: bytes) -> None:
        line = record(fields, eol)
        self.stream.write(line)
        self.lines += 1
        self.bytes += len(line)
        self.registers[fields[0]] += 1

    def copy_to(self, out: BinaryIO) -> None:
        self.spliced = True
        self.stream.seek(0)
        while chunk := self.stream.read(1 << 20):
            out.write(chunk)
        self.stream.close()


class _Growth:
    """The grown lines, by where they go in the file."""

    def __init__(self, t: Templates, directory: Path, budget: int, seed: int) -> None:
        self.t = t
        names = ["c_chart", "c_balance", "j_chart", "j_centres", "k_balance", "k_result"]
        for i in range(len(t.more_periods)):
            names += [f"k_balance_{i}", f"k_result_{i}"]
        self.parts = {name: _Part(directory) for name in names}
        self._rng = random.Random(seed)
        self._linha = 0
        self._grow(budget)

    def _full(self) -> bool:
        return sum(p.bytes for p in self.parts.values()) >= self._budget

    def _grow(self, budget: int) -> None:
        t, eol, rng, parts = self.t, self.t.eol, self._rng, self.parts
        centres = [f"{n:03d}".encode() for n in range(2, CENTRES + 2)]
        for n, code in enumerate(centres):
            f = list(t.j100)
            f[2], f[3] = code, t.j100[3] + f" {n + 2}".encode()
            parts["j_centres"].write(f, eol)
        parts["c_balance"].write([b"C150", *t.period], eol)
        self._budget = budget
        number = 0
        while not self._full():
            number += 1
            if rng.random() < RESULT_SHARE:
                self._result_account(number, centres)
            else:
                self._balance_account(number, centres)

    def _centres(self, centres: list[bytes]) -> list[bytes]:
        # Most accounts are kept by a few cost centres, some by many; a third by none.
        if self._rng.random() < 0.33:
            return [b""]
        many = self._rng.choice((1, 2, 3, 5, 8, 20, 60, 150))
        return self._rng.sample(centres, min(many, len(centres)))

    def _chart(self, template: list[bytes], number: int, ref: bytes) -> bytes:
        t, eol = self.t, self.t.eol
        j050 = list(template)
        j050[5] = _renumber(template[5], number)
        j050[7] = template[7] + f" {number}".encode()
        self.parts["j_chart"].write(j050, eol)
        j051 = list(t.j051)
        j051[2] = ref
        self.parts["j_chart"].write(j051, eol)
        c050 = list(self._rng.choice(t.c050))
        c050[1:3] = [t.period[0], j050[2]]  # DT_ALT, COD_NAT
        c050[3:8] = j050[3:8]  # IND_CTA, NIVEL, COD_CTA, COD_CTA_SUP, CTA
        self.parts["c_chart"].write(c050, eol)
        self.parts["c_chart"].write([b"C051", *j051[1:]], eol)
        return j050[5]

    def _balance_account(self, number: int, centres: list[bytes]) -> None:
        t, eol, rng = self.t, self.t.eol, self._rng
        code = self._chart(rng.choice(t.j050_balance), number, t.balance_ref)
        for centre in self._centres(centres):
            if self._full():
                break
            opening = rng.randrange(-5_000_000_00, 5_000_000_00)
            debits = rng.randrange(0, 20_000_000_00)
            credits = rng.randrange(0, 20_000_000_00)
            closing = opening + debits - credits
            k155 = list(rng.choice(t.k155))
            k155[1], k155[2] = code, centre
            k155[3:5] = _signed(opening)
            k155[5], k155[6] = _money(debits), _money(credits)
            k155[7:9] = _signed(closing)
            self.parts["k_balance"].write(k155, eol)
            self.parts["k_balance"].write([b"K156", t.balance_ref, *k155[3:9]], eol)
            for i in range(len(t.more_periods)):  # part of the year: part of its movements
                part_debits, part_credits = rng.randrange(debits + 1), rng.randrange(credits + 1)
                k155 = [*k155[:5], _money(part_debits), _money(part_credits), *k155[7:]]
                k155[7:9] = _signed(opening + part_debits - part_credits)
                self.parts[f"k_balance_{i}"].write(k155, eol)
                self.parts[f"k_balance_{i}"].write([b"K156", t.balance_ref, *k155[3:9]], eol)
            k155[5], k155[6] = _money(debits), _money(credits)
            k155[7:9] = _signed(closing)
            self._linha += 1
            c155 = [b"C155", *k155[1:], str(self._linha).encode()]
            self.parts["c_balance"].write(c155, eol)

    def _result_account(self, number: int, centres: list[bytes]) -> None:
        t, eol, rng = self.t, self.t.eol, self._rng
        ref = rng.choice(t.expense_refs)
        code = self._chart(rng.choice(t.j050_result), number, ref)
        for centre in self._centres(centres):
            if self._full():
                break
            amount = _money(rng.randrange(1, 3_000_000_00))
            k355 = list(rng.choice(t.k355))
            k355[1:5] = [code, centre, amount, b"D"]
            k356 = list(t.k356)
            k356[1:4] = [ref, amount, b"D"]
            self.parts["k_result"].write(k355, eol)
            self.parts["k_result"].write(k356, eol)
            for i in range(len(t.more_periods)):
                amount = _money(rng.randrange(1, int(amount.replace(b",", b"")) + 1))
                k355 = [*k355[:3], amount, b"D"]
                k356 = [*k356[:2], amount, b"D"]
                self.parts[f"k_result_{i}"].write(k355, eol)
                self.parts[f"k_result_{i}"].write(k356, eol)


def _k156_of(k155: list[bytes], k156: list[bytes]) -> list[bytes]:
    """The base's 4-field K156 in the 8 fields of leiaute 0012, with its K155's amounts."""
    if len(k156) == K156_FIELDS:
        return k156
    if k156[2:4] != k155[7:9]:
        raise ValueError(f"the base's K156 {k156} does not close as its K155 {k155}")
    return [b"K156", k156[1], *k155[3:9]]


def build(path: Path, size: int, samples: Path | None = None, seed: int = 2025) -> dict[str, int]:
    """Write the held-out file of about ``size`` bytes at ``path``; its lines by register."""
    t = Templates(samples_folder(samples))
    base_size = sum(len(x) for x in t.base)
    path.parent.mkdir(parents=True, exist_ok=True)
    growth = _Growth(t, path.parent, size - base_size - 2_000, seed)
    parts = growth.parts
    eol = t.eol
    counts: Counter[bytes] = Counter()
    order: list[bytes] = []  # registers in the order they first appear (9900's order)
    block_lines = 0
    total = 0
    tmp = path.with_name(path.name + ".part")

    def put(out: BinaryIO, fields: Sequence[bytes]) -> None:
        out.write(record(fields, eol))
        _count(fields[0], 1)

    def _count(reg: bytes, n: int) -> None:
        nonlocal block_lines, total
        if reg not in counts:
            order.append(reg)
        counts[reg] += n
        block_lines += n
        total += n

    def splice(out: BinaryIO, *names: str) -> None:
        for name in names:
            part = parts[name]
            if part.lines and not part.spliced:
                _splice(out, part)

    def _splice(out: BinaryIO, part: _Part) -> None:
        for reg, n in part.registers.items():
            _count(reg, n)
        part.copy_to(out)

    last_k155: list[bytes] = []
    with open(tmp, "wb") as out:
        for line in t.base:
            f = fields_of(line)
            reg = f[0]
            if reg in (b"9900", b"9990", b"9999"):
                continue  # block 9's counters are written anew below
            if reg.endswith(b"001"):
                block_lines = 0
                if reg == b"C001":
                    f = [reg, b"0"]  # block C now has data (C150 at least)
            # Each grown stretch goes where the layout nests it: the chart (J050/J051) before
            # the cost centres (J100), the balances (K155/K156) before the results (K355/K356).
            if reg == b"J100":
                splice(out, "j_chart")
            if reg == b"K355":
                splice(out, "k_balance")
            if reg == b"C990":
                splice(out, "c_chart", "c_balance")
            if reg == b"J990":
                splice(out, "j_chart", "j_centres")
            if reg == b"K990":
                splice(out, "k_balance", "k_result")
                for i, k030 in enumerate(t.more_periods):
                    if parts[f"k_balance_{i}"].lines or parts[f"k_result_{i}"].lines:
                        put(out, k030)
                        splice(out, f"k_balance_{i}", f"k_result_{i}")
            if reg == b"K155":
                last_k155 = f
            if reg == b"K156":
                f = _k156_of(last_k155, f)
            if reg.endswith(b"990") and reg != b"9990":
                f = [reg, str(block_lines + 1).encode()]
            put(out, f)
        # Block 9: one 9900 per register in the file, in the base's 5-field form, then the totals.
        template = t.by_reg[b"9900"][0]
        registers = [*order, b"9900", b"9990", b"9999"]
        nines = len(registers)
        lines_9 = sum(counts[r] for r in counts if r.startswith(b"9")) + nines + 2
        final = {b"9900": nines, b"9990": 1, b"9999": 1}
        for reg in registers:
            put(out, [b"9900", reg, str(final.get(reg, counts[reg])).encode(), *template[3:]])
        put(out, [b"9990", str(lines_9).encode()])
        put(out, [b"9999", str(total + 1).encode()])
    os.replace(tmp, path)
    return {reg.decode("latin-1"): n for reg, n in counts.items()}


def shape(counts: dict[str, int], nbytes: int) -> str:
    lines = sum(counts.values())
    top = sorted(counts.items(), key=lambda kv: -kv[1])[:8]
    shown = " ".join(f"{reg} {n / lines:.0%}" for reg, n in top)
    return f"{lines:,} lines, {nbytes / lines:.1f} bytes a line; lines by register: {shown}"


def _parse_size(text: str) -> int:
    text = text.strip().upper().removesuffix("B")
    scale = {"K": 10**3, "M": 10**6, "G": 10**9}.get(text[-1:], 1)
    return int(float(text[:-1] if text[-1:] in "KMG" else text) * scale)


def default_path(size: int, directory: Path | None = None) -> Path:
    folder = directory or Path(tempfile.gettempdir()) / "ecfmetric-bench"
    return folder / f"heldout-v{VERSION}-{size}.txt"


def figures(path: Path) -> dict[str, str]:
    """The metric's figures of a file, by name (``ecfmetric.read()``)."""
    try:
        import ecfmetric
    except ImportError:
        sys.path.insert(0, str(ROOT / "src"))
        import ecfmetric
    metric = ecfmetric.read(path)
    names = ("gross_revenue", "cancellations", "discounts", "taxes", "other_deductions")
    shown = {name: str(getattr(metric, name)) for name in (*names, "net_revenue")}
    shown["warnings"] = ",".join(sorted(w.code for w in metric.warnings))
    return shown


def check(path: Path, samples: Path | None = None) -> list[str]:
    """What differs between the grown file's metric and the base sample's (empty: nothing)."""
    base = samples_folder(samples) / BASE
    want, got = figures(base), figures(path)
    return [f"{k}: sample {want[k]!r}, grown file {got[k]!r}" for k in want if want[k] != got[k]]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="122M", help="bytes, e.g. 122M, 500M (decimal)")
    parser.add_argument("--out", type=Path, help="the file to write (default: a temporary folder)")
    parser.add_argument("--samples", type=Path, help="the folder holding the sample files")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--no-check", action="store_true", help="skip the metric's comparison")
    parser.add_argument(
        "--print-path", action="store_true", help="print only the file's path (built if missing)"
    )
    args = parser.parse_args(argv)
    size = _parse_size(args.size)
    path = args.out or default_path(size)
    try:
        if args.print_path and path.is_file():
            print(path)
            return 0
        counts = build(path, size, args.samples, args.seed)
        if args.print_path:
            print(path)
            return 0
        print(f"{path}: {path.stat().st_size / 1e6:.1f} MB; {shape(counts, path.stat().st_size)}")
        if not args.no_check:
            differences = check(path, args.samples)
            if differences:
                print(
                    "the grown file's metric differs from the sample's: " + "; ".join(differences)
                )
                return 1
            print("metric: the same as the base sample's, figure for figure (ecfmetric.read())")
    except SamplesMissing as missing:
        print(f"heldout.py: {missing}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
