"""Benchmark ecfmetric against the cheapest Python can do, every figure a ratio taken in this run.

Generates realistic, K-block-heavy ECF files (Lucro Real, leiaute 0012, CRLF, Latin-1, every
record with the field count its leiaute has, see ecf_layout.py beside this script; the revenue
records in block L near the end, a PKCS#7-like signature after 9999, every counter right), says
their shape (lines, bytes a line, the registers with most lines), and times each contender in a
fresh process, interleaved, round after round, on a warm page cache:

- ``read()`` and ``validate()`` against a bare ``for line in open(path, "rb")`` loop run inside
  a function (the call's time, inside the process, imports and the one-time set-up of a first
  file done before the timer), with the peak
  RSS of each whole process;
- the CLI process (``python -m ecfmetric FILE``) against a bare-loop process (wall time of each);
- ``import ecfmetric`` (and the modules ``read()`` needs), and the CLI on a 6 KB file, against
  ``python -c pass``;
- ``read_many()`` with two workers against one, with the load average it ran at.

    python benchmarks/bench_read.py                     # 122M, 500M; 7 rounds; many 8x64M
    python benchmarks/bench_read.py --sizes 122M,1G --rounds 9 --many 0
    python benchmarks/bench_read.py --quick             # a smoke test on tiny files

Standard library only. Files go to a folder under the system's temporary directory unless
``--data-dir`` says otherwise, and are reused by later runs (same size, same generator version).
Sizes are decimal: ``100M`` is 100,000,000 bytes; MB/s are decimal too; RSS is in MiB.
``python-sped`` is timed as well when it is installed (up to ``--sped-max``, since it holds the
whole file in memory). The children import ecfmetric from cached bytecode, as an installed
package does, even when ``PYTHONDONTWRITEBYTECODE`` is set (the cache goes to a temporary folder).
Exit status 1 when a target is missed (not in quick mode).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, cast

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
GENERATOR_VERSION = 4

# Targets (issues 13 and 25): read() and validate() against the bare loop (run inside a
# function), the CLI process against the bare-loop process on files of TARGET_CLI_MIN_SIZE and
# more, import against `python -c pass`, read_many's two workers against one.
TARGET_RATIO = 1.2
TARGET_VALIDATE_RATIO = 2.5
TARGET_CLI_RATIO = 1.25
TARGET_CLI_MIN_SIZE = 500 * 10**6
TARGET_IMPORT_MS = 30.0
TARGET_MANY_SPEEDUP = 1.7
TARGET_RSS_MIB = 40.0

# ---------------------------------------------------------------------------------------------
# Generating a realistic ECF
# ---------------------------------------------------------------------------------------------

CNPJ = "12345678000195"
NAME = "COMÉRCIO DE AÇÚCAR SÃO JOÃO LTDA"
EOL = b"\r\n"
PLACEHOLDER = b"@@CC@@"  # a cost-center code of the same width is put here, unit by unit
MONTHS = [
    ("01012025", f"{day:02d}{month:02d}2025", f"A{month:02d}")
    for month, day in enumerate((31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31), start=1)
]
PERIODS = [*MONTHS, ("01012025", "31122025", "A00")]  # MES_BAL_RED all B: A01…A12, then A00

# L300 of fixtures/real_annual_0012_crlf_latin1.txt (A00): (code, description, kind, level,
# parent, cents of an analytic line signed C + / D −). Synthetic lines are summed from below.
DRE = [
    ("3.01", "RESULTADO LÍQUIDO DO PERÍODO ANTES DO IRPJ E DA CSLL", "S", 2, "3", None),
    ("3.01.01", "RESULTADO OPERACIONAL", "S", 3, "3.01", None),
    ("3.01.01.01", "RECEITA LIQUIDA", "S", 4, "3.01.01", None),
    ("3.01.01.01.01", "RECEITA BRUTA", "S", 5, "3.01.01.01", None),
    (
        "3.01.01.01.01.01",
        "Receita de Exportação Direta de Mercadorias e Produtos",
        "A",
        6,
        "3.01.01.01.01",
        125431047,
    ),
    (
        "3.01.01.01.01.04",
        "Receita da Venda de Produtos de Fabricação Própria no Mercado Interno",
        "A",
        6,
        "3.01.01.01.01",
        873190518,
    ),
    (
        "3.01.01.01.01.05",
        "Receita da Revenda de Mercadorias no Mercado Interno",
        "A",
        6,
        "3.01.01.01.01",
        241867739,
    ),
    (
        "3.01.01.01.01.06",
        "Receita da Prestação de Serviços no Mercado Interno",
        "A",
        6,
        "3.01.01.01.01",
        59620486,
    ),
    ("3.01.01.01.02", "DEDUÇÕES DA RECEITA BRUTA", "S", 5, "3.01.01.01", None),
    (
        "3.01.01.01.02.01",
        "(-) Vendas Canceladas e Devoluções de Vendas",
        "A",
        6,
        "3.01.01.01.02",
        -18743215,
    ),
    (
        "3.01.01.01.02.02",
        "(-) Descontos Incondicionais e Abatimentos",
        "A",
        6,
        "3.01.01.01.02",
        -6491873,
    ),
    ("3.01.01.01.02.03", "(-) ICMS", "A", 6, "3.01.01.01.02", -140233658),
    ("3.01.01.01.02.04", "(-) COFINS Sobre Receita Bruta", "A", 6, "3.01.01.01.02", -74108294),
    ("3.01.01.01.02.05", "(-) PIS/PASEP Sobre Receita Bruta", "A", 6, "3.01.01.01.02", -16089211),
    ("3.01.01.01.02.06", "(-) ISS", "A", 6, "3.01.01.01.02", -2981024),
    (
        "3.01.01.01.02.10",
        "(-) Ajuste a Valor Presente sobre Receita Bruta",
        "A",
        6,
        "3.01.01.01.02",
        -1240766,
    ),
    ("3.01.01.03", "CUSTO DOS BENS E SERVIÇOS", "S", 4, "3.01.01", None),
    (
        "3.01.01.03.01",
        "CUSTO DOS BENS E SERVIÇOS VENDIDOS DAS ATIVIDADES EM GERAL",
        "S",
        5,
        "3.01.01.03",
        None,
    ),
    (
        "3.01.01.03.01.01",
        "(-) Custo dos Produtos de Fabricação Própria Vendidos",
        "A",
        6,
        "3.01.01.03.01",
        -587321432,
    ),
    (
        "3.01.01.03.01.02",
        "(-) Custo das Mercadorias Revendidas",
        "A",
        6,
        "3.01.01.03.01",
        -161109055,
    ),
    ("3.01.01.05", "OUTRAS RECEITAS OPERACIONAIS", "S", 4, "3.01.01", None),
    (
        "3.01.01.05.01",
        "OUTRAS RECEITAS OPERACIONAIS DAS ATIVIDADES EM GERAL",
        "S",
        5,
        "3.01.01.05",
        None,
    ),
    ("3.01.01.05.01.05", "Outras Receitas Financeiras", "A", 6, "3.01.01.05.01", 8431729),
    (
        "3.01.01.05.01.19",
        "Receita de Aluguel de Bens Imóveis - Atividade Não Principal",
        "A",
        6,
        "3.01.01.05.01",
        3600000,
    ),
    ("3.01.01.07", "DESPESAS OPERACIONAIS", "S", 4, "3.01.01", None),
    ("3.01.01.07.01", "DESPESAS OPERACIONAIS DAS ATIVIDADES EM GERAL", "S", 5, "3.01.01.07", None),
    *(
        (
            f"3.01.01.07.01.{n:02d}",
            f"(-) Despesa operacional {n}",
            "A",
            6,
            "3.01.01.07.01",
            -(100000 + n * 7919),
        )
        # The RFB's L300A table holds 3.01.01.07.01.01 to .44 (an unknown code is refused).
        for n in range(2, 45)
    ),
]
#: What read() must return for every generated file (the fixture's A00).
EXPECTED_NET = "10402217.49"


def _money(cents: int) -> str:
    return f"{abs(cents) // 100},{abs(cents) % 100:02d}"


def _dre(month: int) -> list[str]:
    """L300 lines of a period: analytic values x month/12 (cumulative), synthetics summed."""
    values: dict[str, int] = {}
    for code, _desc, kind, _level, _parent, cents in DRE:
        if kind == "A":
            assert cents is not None
            values[code] = cents * month // 12
    for code, _desc, kind, _level, _parent, _cents in reversed(DRE):
        if kind == "S":
            values[code] = sum(v for c, v in values.items() if c.rsplit(".", 1)[0] == code)
    return [
        f"|L300|{code}|{desc}|{kind}|{level}|04|{parent}|{_money(values[code])}|{'C' if values[code] >= 0 else 'D'}|"
        for code, desc, kind, level, parent, _cents in DRE
    ]


class _Out(Protocol):
    def write(self, data: bytes, /) -> object: ...


class _Writer:
    """Writes records, counting lines per register and per block, and closes blocks."""

    def __init__(self, stream: _Out) -> None:
        self.stream = stream
        self.lines = 0
        self.counts: Counter[str] = Counter()
        self.block_start = 1

    def records(self, records: Iterable[str]) -> None:
        batch = list(records)
        if not batch:
            return
        self.counts.update(r[1:5] for r in batch)
        self.lines += len(batch)
        self.stream.write(EOL.join(r.encode("latin-1") for r in batch) + EOL)

    def bulk(self, data: bytes, counts: Counter[str]) -> None:
        """Bytes of whole records already made, with their register counts."""
        self.stream.write(data)
        self.counts.update(counts)
        self.lines += sum(counts.values())

    def open(self, letter: str, has_data: bool = True) -> None:
        self.block_start = self.lines + 1
        self.records([f"|{letter}001|{0 if has_data else 1}|"])

    def close(self, letter: str) -> None:
        self.records([f"|{letter}990|{self.lines + 2 - self.block_start}|"])

    def empty(self, letter: str) -> None:
        self.open(letter, has_data=False)
        self.close(letter)


def _unit(rng: random.Random, spec: Sequence[tuple[str, int]]) -> tuple[bytes, Counter[str]]:
    """One cost center's records: each pattern (records joined by ``\\n``) ``n`` times.

    Values are drawn from ``rng``; the cost center's code is left as ``PLACEHOLDER``.
    """
    out: list[str] = []
    counts: Counter[str] = Counter()
    for pattern, n in spec:
        parts = pattern.split("\n")
        for part in parts:
            counts[part[1:5]] += n
        for i in range(n):
            a, b, c = (rng.randrange(10, 10**9) for _ in range(3))
            values = {
                "line": f"{1000 + 7 * i}",
                "acc": f"{1 + i % 2}.{1 + i // 400 % 9}.{1 + i // 40 % 10:02d}.{1 + i % 40:03d}",
                "res": f"3.{1 + i // 300 % 3}.{1 + i // 30 % 10:02d}.{1 + i % 30:03d}",
                "ref": f"{1 + i % 2}.01.{1 + i // 50 % 9:02d}.{1 + i // 5 % 10:02d}.{1 + i % 5:02d}",
                "rref": f"3.01.01.{3 + i // 40 % 5 * 2:02d}.01.{1 + i % 40:02d}",
                "cc": PLACEHOLDER.decode(),
                "a": _money(a),
                "b": _money(b),
                "c": _money(c),
                "d": _money(abs(a + b - c)),
                "s": "D" if a + b >= c else "C",
            }
            out.extend(part.format(**values) for part in parts)
    return EOL.join(x.encode("latin-1") for x in out) + EOL, counts


# One cost center of block K, per period: every balance-sheet account (K155, 9 fields) with its
# referential mapping (K156, 8 fields: one referential account, or two for one account in ten),
# and every result account before closing (K355, 5 fields) with its mapping (K356, 4 fields): the
# bulk of a Lucro Real company's ECF. As the layout nests them, a period (K030) holds all its
# K155 (each followed by its K156), then all its K355 (each followed by its K356). Field counts:
# benchmarks/ecf_layout.py.
_K155 = "|K155|{acc}|{cc}|{a}|D|{b}|{c}|{d}|{s}|"
_K156 = "|K156|{ref}|{a}|D|{b}|{c}|{d}|{s}|"
K_BALANCE_UNIT = [(f"{_K155}\n{_K156}", 270), (f"{_K155}\n{_K156}\n{_K156}", 30)]
K_RESULT_UNIT = [("|K355|{res}|{cc}|{d}|{s}|\n|K356|{rref}|{d}|{s}|", 150)]
# Block C (balances recovered from the ECD, C155 with the ECD's line number; C157 for the few
# balances transferred from another account) is a tenth of block K; E is smaller still.
C_UNIT = [
    ("|C155|{acc}|{cc}|{a}|D|{b}|{c}|{d}|{s}|{line}|", 32),
    ("|C155|{acc}|{cc}|{a}|D|{b}|{c}|{d}|{s}|{line}|\n|C157|{acc}|{cc}|{d}|{s}|{line}|", 3),
]
E_BALANCE_UNIT = [("|E155|{acc}|{cc}|{a}|D|{b}|{c}|{d}|{s}|", 4)]
E_RESULT_UNIT = [("|E355|{res}|{cc}|{d}|{s}|", 2)]
VARIANTS = 8


def _units(seed: int, spec: Sequence[tuple[str, int]]) -> list[tuple[bytes, Counter[str]]]:
    rng = random.Random(seed)
    return [_unit(rng, spec) for _ in range(VARIANTS)]


def _repeat(
    writer: _Writer, units: list[tuple[bytes, Counter[str]]], centers: range, period: int
) -> None:
    out: list[bytes] = []
    pending = 0
    for cc in centers:
        data, counts = units[(cc + period) % VARIANTS]
        out.append(data.replace(PLACEHOLDER, f"{cc:06d}".encode()))
        writer.counts.update(counts)
        writer.lines += sum(counts.values())
        pending += len(data)
        if pending > 8 << 20:
            writer.stream.write(b"".join(out))
            out, pending = [], 0
    writer.stream.write(b"".join(out))


class _Sink:
    """Counts the bytes written to it."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, data: bytes) -> None:
        self.size += len(data)


def generate(path: Path, size: int, seed: int = 2025) -> None:
    """Write a realistic Lucro Real ECF of about ``size`` bytes to ``path``.

    Block K holds ~85 % of the bytes, block C ~10 %, E ~1 %; the rest (0, J, L, M, N, X, Y, 9)
    is 1 to 3 MB whatever the size. The number of cost centers is what scales.
    """
    accounts = max(10, int(3000 * min(1.0, size / 100e6)))
    one, two = _Sink(), _Sink()
    _write(one, seed, 1, accounts)
    _write(two, seed, 3, accounts)
    per_center = (two.size - one.size) / 2
    centers = max(1, round((size - one.size) / per_center) + 1)
    tmp = path.with_suffix(".partial")
    with open(tmp, "wb", buffering=1 << 20) as stream:
        _write(stream, seed, centers, accounts)
    tmp.replace(path)


def _write(stream: _Out, seed: int, centers: int, accounts: int) -> None:
    rng = random.Random(seed + 1)
    k_units = _units(seed, K_BALANCE_UNIT), _units(seed + 4, K_RESULT_UNIT)
    w = _Writer(stream)
    w.records(
        [
            f"|0000|LECF|0012|{CNPJ}|{NAME}|0|0|||01012025|31122025|N||0|||",
            "|0001|0|",
            "|0010||N|1|A|01|RRRR|BBBBBBBBBBBB||||||",
            "|0030|2062|1071600|AVENIDA SÃO JOÃO|1500|SALA 3|CENTRO HISTÓRICO|SP|3550308|01032000|1133334444|fiscal@acucarsaojoao.com.br|",
            *(
                f"|0930|SIGNATÁRIO {n}|{10000000000 + n * 7:011d}|{900 + n}||fiscal{n}@acucarsaojoao.com.br|1133334444|"
                for n in range(1, 4)
            ),
        ]
    )
    w.records([f"|0990|{w.lines + 1}|"])  # block 0 counted from 0000, as SPED practice does

    # C: the ECD's balances, recovered; a tenth of K.
    w.open("C")
    w.records(
        [
            "|C040|A1B2C3D4E5F6A7B8C9D0A1B2C3D4E5F6A7B8C9D0|01012025|31122025||"
            f"{CNPJ}|1|35212345678|LIVRO DIÁRIO|9.00|G|N|N|0|0|1|",
            *(
                f"|C050|01012020|0{1 + n % 4}|A|5|{n:07d}|SUP|CONTA CONTÁBIL {n}|"
                for n in range(accounts)
            ),
        ]
    )
    c_units = _units(seed + 2, C_UNIT)
    for period, (start, end, _code) in enumerate(PERIODS):
        w.records([f"|C150|{start}|{end}|"])
        _repeat(w, c_units, range(centers), period)
    w.close("C")

    # E: the previous ECF's figures, recovered.
    w.open("E")
    w.records(
        f"|E010|0{1 + n % 4}|{n:07d}|CONTA REFERENCIAL {n}|{_money(rng.randrange(10**9))}|D|"
        for n in range(accounts // 4)
    )
    e_units = _units(seed + 3, E_BALANCE_UNIT), _units(seed + 5, E_RESULT_UNIT)
    for period, (start, end, code) in enumerate(PERIODS):
        w.records([f"|E030|{start}|{end}|{code}|"])
        for units in e_units:
            _repeat(w, units, range(centers), period)
    w.close("E")

    # J: chart of accounts, its referential mapping, cost centers.
    w.open("J")
    for n in range(accounts):
        kind = "S" if n % 10 == 0 else "A"
        w.records(
            [
                f"|J050|01012020|0{1 + n % 4}|{kind}|{4 if kind == 'A' else 3}|{n:07d}|{n // 10 * 10:07d}|CONTA DE RESULTADO OU PATRIMÔNIO Nº {n}|",
                *([f"|J051||3.01.01.{n % 90:02d}.01.{n % 40:02d}|"] if kind == "A" else []),
            ]
        )
    w.records(f"|J100|01012020|{cc:06d}|CENTRO DE CUSTO {cc}|" for cc in range(centers))
    w.close("J")

    # K: the heavy block. Per period: every cost center's balance and result accounts.
    w.open("K")
    for period, (start, end, code) in enumerate(PERIODS):
        w.records([f"|K030|{start}|{end}|{code}|"])
        for units in k_units:
            _repeat(w, units, range(centers), period)
    w.close("K")

    # L: what the metric reads, near the end of the file.
    w.open("L")
    for month, (start, end, code) in enumerate(PERIODS, start=1):
        w.records([f"|L030|{start}|{end}|{code}|"])
        w.records(
            f"|L100|{1 + n // 100}.{1 + n // 10 % 10:02d}.{1 + n % 10:02d}|CONTA PATRIMONIAL {n}|A|4|0{1 + n % 2}|SUP|{_money(rng.randrange(10**9))}|D|{_money(rng.randrange(10**9))}|{_money(rng.randrange(10**9))}|{_money(rng.randrange(10**9))}|D|"
            for n in range(250)
        )
        w.records(["|L200|1|"])
        w.records(f"|L210|{n:02d}|CUSTO {n}|{_money(rng.randrange(10**8))}|" for n in range(1, 20))
        w.records(_dre(min(month, 12)))
    w.close("L")

    # M: e-Lalur and e-Lacs, per period.
    w.open("M")
    w.records(
        f"|M010|{n:04d}|CONTA DA PARTE B {n}|31122020|{n:06d}||I|{_money(rng.randrange(10**8))}|D||"
        for n in range(1, 30)
    )
    for start, end, code in PERIODS:
        w.records([f"|M030|{start}|{end}|{code}|"])
        for n in range(1, 40):
            w.records(
                [
                    f"|M300|93.{n:02d}|AJUSTE {n}|A|1|{_money(rng.randrange(10**8))}|ADIÇÃO DO PERÍODO|",
                    f"|M305|{n:04d}|{_money(rng.randrange(10**7))}|D|",
                    f"|M310|{n:07d}||{_money(rng.randrange(10**7))}|D|",
                    f"|M312|{n:010d}|",
                ]
            )
        w.records(
            f"|M350|94.{n:02d}|AJUSTE CSLL {n}|A|1|{_money(rng.randrange(10**8))}|HISTÓRICO|"
            for n in range(1, 25)
        )
        w.records(
            f"|M410|{n:04d}|I|{_money(rng.randrange(10**7))}|DB||HISTÓRICO {n}|N|"
            for n in range(1, 10)
        )
        w.records(
            f"|M500|{n:04d}|I|{_money(rng.randrange(10**8))}|D|{_money(rng.randrange(10**7))}|D|0,00|C|{_money(rng.randrange(10**8))}|D|"
            for n in range(1, 30)
        )
    w.close("M")

    # N: the computation of IRPJ and CSLL, per period.
    w.open("N")
    for start, end, code in PERIODS:
        w.records([f"|N030|{start}|{end}|{code}|"])
        for record, n in (("N500", 8), ("N600", 8), ("N610", 10), ("N620", 27), ("N630", 22),
                          ("N650", 8), ("N660", 10), ("N670", 18)):  # fmt: skip
            w.records(
                f"|{record}|{i}|LINHA {i} DA APURAÇÃO|{_money(rng.randrange(10**9))}|"
                for i in range(1, n + 1)
            )
    w.close("N")

    for letter in "PQTUVW":
        w.empty(letter)

    # X and Y: written empty (their records' leiaute-0012 field counts are not confirmed, see
    # benchmarks/ecf_layout.py); a few kilobytes in a real file.
    w.empty("X")
    w.empty("Y")

    # 9: one 9900 per register (including 9900, 9990 and 9999), 9990 and 9999.
    nine_start = w.lines + 1
    counts = Counter(w.counts)
    counts.update({"9001": 1, "9990": 1, "9999": 1})
    counts["9900"] = len(counts) + 1
    w.records(["|9001|0|", *(f"|9900|{reg}|{n}|||" for reg, n in counts.items())])
    w.records([f"|9990|{w.lines + 3 - nine_start}|"])
    w.records([f"|9999|{w.lines + 1}|"])
    # The PVA signs the file: a PKCS#7 blob follows 9999 and is never read.
    w.stream.write(b"SBRCAAEPDR" + random.Random(seed).randbytes(6000))


def shape(path: Path) -> str:
    """Lines, bytes a line and the registers with most lines, from the file's own 9900 records."""
    with open(path, "rb") as stream:
        stream.seek(max(0, path.stat().st_size - (1 << 20)))
        tail = stream.read().split(b"SBRCAAEPDR")[0].decode("latin-1")
    counts = {
        parts[2]: int(parts[3])
        for parts in (row.split("|") for row in tail.splitlines())
        if len(parts) > 4 and parts[1] == "9900"
    }
    lines = sum(counts.values())
    size = path.stat().st_size - len(b"SBRCAAEPDR") - 6000  # the signature is not a line
    mix = ", ".join(
        f"{reg} {n / lines:.1%}" for reg, n in sorted(counts.items(), key=lambda kv: -kv[1])[:6]
    )
    return f"{lines:,} lines, {size / lines:.1f} bytes a line; lines by register: {mix}"


def data_file(directory: Path, size: int, seed: int = 2025) -> Path:
    path = directory / f"ecf-{_label(size)}-s{seed}-v{GENERATOR_VERSION}.txt"
    if not path.exists():
        directory.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        generate(path, size, seed)
        print(
            f"generated {path} ({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
    return path


# ---------------------------------------------------------------------------------------------
# Timing, one fresh process per measurement
# ---------------------------------------------------------------------------------------------

_PRELUDE = "import json, sys, time\npath = sys.argv[1]\n"
# A small real file (6 KB): the CLI's start-up is what its run costs; read() and validate() read
# it once before their timer, so that the one-time set-up a process pays on its first file (the
# RFB's tables, compiled patterns) is not counted as the work of the file timed.
SMALL_FILE = HERE.parent / "fixtures" / "real_annual_0012_crlf_latin1.txt"
_WARM_READ = f"ecfmetric.read({str(SMALL_FILE)!r})  # the one-time set-up, untimed\n"
_WARM_VALIDATE = f"ecfmetric.validate({str(SMALL_FILE)!r})  # the one-time set-up, untimed\n"
# The child's own peak RSS: VmHWM of its address space (Linux), read after the work. ru_maxrss
# from wait4 is the fallback elsewhere; on Linux it also counts the parent's RSS at fork time.
_REPORT = """
elapsed = time.perf_counter() - start
try:
    with open('/proc/self/status') as status:
        hwm = [int(row.split()[1]) for row in status if row.startswith('VmHWM:')][0]
except (OSError, IndexError):
    hwm = None
print(json.dumps({'seconds': elapsed, 'result': result, 'hwm_kib': hwm}))
"""

# The bare loop runs inside a function, as read()'s own loop does: at module level each `line`
# is a global, about 20 % slower, which would flatter every ratio.
_BARE = "def bare(path):\n    for line in open(path, 'rb'):\n        pass\n"

# The floors: the least two checks cost with the standard library's C code and no reader around
# them, in 64 KiB chunks as read() takes them (a chunk outside block K only makes the search stop
# early, so "exact skip" is a lower bound). A skip that proves each line of block K a record
# (strict everywhere) costs at least "floor: exact skip"; the signature's two digests cost at
# least "floor: digests" less "floor: lines" on the core that computes them.
_FLOOR = (
    "import hashlib, re\n"
    "def floor(path, work):\n"
    "    lines = 0\n"
    "    with open(path, 'rb') as stream:\n"
    "        read = stream.read\n"
    "        while chunk := read(1 << 16):\n"
    "            lines += work(chunk)\n"
    "    return lines\n"
    # The record rule for a skipped line, as a search for a b"\n" that does not end one (| and
    # CRLF before it) or is not followed by one's start (|, K, three digits the first not 9, |).
    "STOP = re.compile(rb'\\n(?!(?<=\\|\\r\\n)\\|K[0-8][0-9][0-9]\\|)')\n"
    "def lines(chunk):\n"
    "    return chunk.count(b'\\n')\n"
    "def exact_skip(chunk):\n"
    "    STOP.search(chunk)\n"
    "    return chunk.count(b'\\n')\n"
    "DIGESTS = [hashlib.sha1(), hashlib.sha256()]\n"
    "def digests(chunk):\n"
    "    for digest in DIGESTS:\n"
    "        digest.update(chunk)\n"
    "    return chunk.count(b'\\n')\n"
)
FLOORS = {
    "floor: lines": "lines",
    "floor: exact skip": "exact_skip",
    "floor: digests": "digests",
}

CHILDREN = {
    **{
        name: _PRELUDE
        + _FLOOR
        + "start = time.perf_counter()\n"
        + f"result = floor(path, {work})"
        + _REPORT
        for name, work in FLOORS.items()
    },
    "bare": _PRELUDE
    + _BARE
    + "start = time.perf_counter()\n"
    + "bare(path)\n"
    + "result = None"
    + _REPORT,
    "read": _PRELUDE
    + "import ecfmetric\n"
    + "read = ecfmetric.read  # its modules are imported here, not in the timed call\n"
    + _WARM_READ
    + "start = time.perf_counter()\n"
    + "metric = read(path)\n"
    + "result = str(metric.net_revenue)"
    + _REPORT,
    "validate": _PRELUDE
    + "import ecfmetric\n"
    + "validate = ecfmetric.validate  # its modules are imported here, not in the timed call\n"
    + "try:  # and those of the signature's check (the signature extra), when installed\n"
    + "    import ecfmetric.ecf._cms, ecfmetric.ecf._signature_finding\n"
    + "except ImportError:\n"
    + "    pass\n"
    + _WARM_VALIDATE
    + "start = time.perf_counter()\n"
    + "report = validate(path)\n"
    + "result = repr(getattr(report, 'ok', type(report).__name__))"
    + _REPORT,
    # The same without the check of the signature after 9999 (its hash, in the same pass).
    "validate, no sig.": _PRELUDE
    + "import ecfmetric\n"
    + "validate = ecfmetric.validate\n"
    + _WARM_VALIDATE
    + "start = time.perf_counter()\n"
    + "report = validate(path, signature=False)\n"
    + "result = repr(getattr(report, 'ok', type(report).__name__))"
    + _REPORT,
    # python-sped's readfile() is Python 2 code (str.decode); its parser is fed line by line
    # instead, Latin-1 as the manual prescribes, up to 9999. It has no block Q: it fails on a
    # current ECF, which the run then reports.
    "python-sped": _PRELUDE
    + "from sped.ecf.arquivos import ArquivoDigital\n"
    + "start = time.perf_counter()\n"
    + "sped = ArquivoDigital()\n"
    + "with open(path, encoding='latin-1') as lines:\n"
    + "    for line in lines:\n"
    + "        sped.read_registro(line.rstrip('\\r\\n'))\n"
    + "        if line.startswith('|9999|'):\n"
    + "            break\n"
    + "result = None"
    + _REPORT,
    # The CLI's work in process: its peak RSS (a whole CLI process's cannot be read from outside,
    # see measure_process) and the time of main() itself (the text renderer it loads for its
    # output is imported before the timer, as every contender's modules are).
    "CLI in process": _PRELUDE
    + "import contextlib, io\n"
    + "from ecfmetric.cli._cli import main\n"
    + "import ecfmetric, ecfmetric.present._text\n"
    + _WARM_READ
    + "start = time.perf_counter()\n"
    + "with contextlib.redirect_stdout(io.StringIO()):\n"
    + "    result = main([path])"
    + _REPORT,
    "read_many": _PRELUDE
    + "import ecfmetric, ecfmetric.reading._pool\n"
    + "paths = sys.argv[1:-1]; workers = int(sys.argv[-1])\n"
    + "start = time.perf_counter()\n"
    + "results = list(ecfmetric.read_many(paths, workers=workers))\n"
    + "import resource\n"
    + "kids, me = (resource.getrusage(w) for w in (resource.RUSAGE_CHILDREN, resource.RUSAGE_SELF))\n"
    + "result = {'nets': sorted({str(r.metric.net_revenue) if r.ok else repr(r.error) for r in results}),\n"
    + "          'workers_rss_kib': kids.ru_maxrss,\n"
    + "          'cpu': kids.ru_utime + kids.ru_stime + me.ru_utime + me.ru_stime}"
    + _REPORT,
}


# Whole processes, timed from outside (wall time, start-up and imports included): the CLI and
# the bare loop it is compared with. "{path}" is replaced by the file.
PROCESSES = {
    "bare process": ["-c", f"import sys\n{_BARE}bare(sys.argv[1])", "{path}"],
    "CLI process": ["-m", "ecfmetric", "{path}"],
}

# Interpreter start-up with imports, and the CLI on SMALL_FILE, against `python -c pass`.
IMPORTS = {
    "python -c pass": ["-c", "pass"],
    "import ecfmetric": ["-c", "import ecfmetric"],
    # What read() needs before it reads a byte (attrs, the collector, the metric...).
    "import + read's modules": ["-c", "import ecfmetric\nimport ecfmetric.reading._reader"],
    "CLI, 6 KB file": ["-m", "ecfmetric", str(SMALL_FILE)],
    "CLI --json, 6 KB file": ["-m", "ecfmetric", "--json", str(SMALL_FILE)],
}


@dataclass
class Sample:
    seconds: float  # the timed call, inside the child
    process_seconds: float  # the whole child, interpreter start-up and imports included
    rss_mib: float  # peak RSS of the whole child process
    result: object = None
    error: str | None = None


_PYCACHE = tempfile.mkdtemp(prefix="ecfmetric-bench-pycache-")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    if importlib.util.find_spec("ecfmetric") is None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    # An installed package imports from bytecode; without this, a checkout run with
    # PYTHONDONTWRITEBYTECODE=1 would compile every module in every child and time that.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = _PYCACHE
    return env


def measure_process(args: Sequence[str]) -> Sample:
    """Run ``python *args`` and time the whole process from outside; output is discarded.

    Its peak RSS is not known (NaN): on Linux the ``ru_maxrss`` of a child counts this process's
    own RSS at the fork, which is larger than the child's. "CLI in process" reports the CLI's.
    """
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env()
    )
    assert proc.stderr is not None
    errors = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    _, status = os.waitpid(proc.pid, 0)
    elapsed = time.perf_counter() - started
    rss = float("nan")
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # the CLI exits 1 for a refused file; that is still a timing
        return Sample(float("nan"), elapsed, rss, error=errors.strip()[-300:] or f"exit {code}")
    return Sample(elapsed, elapsed, rss, code)


def measure(contender: str, args: Sequence[str]) -> Sample:
    """Run one contender in a fresh interpreter; its peak RSS comes from ``wait4``."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILDREN[contender], *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=_env(),
    )
    assert proc.stdout is not None
    output = proc.stdout.read().decode(errors="replace")
    proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - started
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    rss = usage.ru_maxrss / (1 << 20 if sys.platform == "darwin" else 1 << 10)
    last = output.strip().splitlines()[-1] if output.strip() else ""
    if proc.returncode != 0 or not last.startswith("{"):
        return Sample(
            float("nan"), elapsed, rss, error=output.strip()[-300:] or f"exit {proc.returncode}"
        )
    report = json.loads(last)
    if report.get("hwm_kib"):
        rss = report["hwm_kib"] / 1024
    return Sample(report["seconds"], elapsed, rss, report["result"])


def warm(paths: Iterable[Path]) -> None:
    """Read each file once so that every contender finds it in the page cache."""
    for path in paths:
        with open(path, "rb", buffering=0) as stream:
            while stream.read(16 << 20):
                pass


@dataclass
class Row:
    name: str
    samples: list[Sample] = field(default_factory=list)

    @property
    def ok(self) -> list[Sample]:
        return [s for s in self.samples if s.error is None]

    def median(self, attribute: str) -> float:
        values = [getattr(s, attribute) for s in self.ok]
        return statistics.median(values) if values else float("nan")


# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------


def _parse_size(text: str) -> int:
    text = text.strip().upper().removesuffix("B")
    scale = {"K": 10**3, "M": 10**6, "G": 10**9}.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in "KMG" else text
    return int(float(number) * scale)


def _label(size: int) -> str:
    for unit, scale in (("G", 10**9), ("M", 10**6), ("K", 10**3)):
        if size >= scale and size % scale == 0:
            return f"{size // scale}{unit}"
    return str(size)


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:  # pragma: no cover - platforms without it
        return "n/a"


def _mib(value: float) -> str:
    return "n/a" if value != value else f"{value:.1f}"  # NaN: a whole process's RSS is unknown


def _verdict(ok: bool, judged: bool) -> str:
    if not judged:
        return "(quick: not judged)"
    return "OK" if ok else "MISSED"


def many(
    directory: Path,
    count: int,
    size: int,
    workers: int,
    rounds: int,
    quick: bool,
    missed: list[str],
) -> None:
    """``read_many()`` on ``count`` files of ``size``: one worker against ``workers``, interleaved."""
    paths = [data_file(directory, size, seed=2025 + i) for i in range(count)]
    total = sum(p.stat().st_size for p in paths)
    warm(paths)
    load_before = _load()
    rows = {n: Row(f"workers={n}") for n in (1, workers)}
    for r in range(rounds):
        for n in (1, workers)[:: 1 if r % 2 == 0 else -1]:
            rows[n].samples.append(measure("read_many", [*map(str, paths), str(n)]))
    print(
        f"\n== read_many: {count} files of {_label(size)}, {total / 1e6:.0f} MB in all; "
        f"load average {load_before} before, {_load()} after"
    )
    cpu_of: dict[int, float] = {}
    for n, row in rows.items():
        if not row.ok:
            print(f"   workers={n:<3} failed: {row.samples[0].error}")
            continue
        seconds = row.median("seconds")
        reports = [cast(dict[str, Any], s.result) for s in row.ok]
        # CPU seconds of the process and its workers per second of wall time: near 2 when two
        # workers really ran at once, near 1 when something else held the other core.
        cpu_of[n] = cpu = statistics.median(
            r["cpu"] / s.process_seconds for r, s in zip(reports, row.ok, strict=True)
        )
        kids = max(r["workers_rss_kib"] for r in reports) / 1024
        print(
            f"   workers={n:<3} {seconds:8.3f} s {total / 1e6 / seconds:8.0f} MB/s "
            f"process {row.median('process_seconds'):.3f} s, CPU/wall {cpu:.2f}; peak RSS "
            f"{row.median('rss_mib'):.1f} MiB"
            + (f", each worker <= {kids:.1f} MiB" if n > 1 else "")
        )
        if any(r["nets"] != [EXPECTED_NET] for r in reports):
            missed.append(f"read_many(workers={n}) did not return {EXPECTED_NET}")
    if workers > 1 and rows[1].ok and rows[workers].ok:
        speedup = rows[1].median("seconds") / rows[workers].median("seconds")
        print(
            f"read_many speed-up, {workers} workers / 1: {speedup:.2f}x "
            f"(target >= {TARGET_MANY_SPEEDUP}x on an idle machine) "
            f"{_verdict(speedup >= TARGET_MANY_SPEEDUP, not quick)}; "
            f"CPU/wall {cpu_of[workers]:.2f} with {workers} workers, load average {load_before} "
            "before the runs (near 1 or above: another process held a core)"
        )
        if not quick and speedup < TARGET_MANY_SPEEDUP:
            missed.append(f"read_many speed-up {speedup:.2f}x (load average {load_before})")


def imports(rounds: int, quick: bool, missed: list[str]) -> None:
    """Interpreter start-up with each import of IMPORTS, interleaved; medians against `pass`."""
    samples: dict[str, list[float]] = {name: [] for name in IMPORTS}
    for args in IMPORTS.values():  # once each, untimed: compile the bytecode cache
        measure_process(args)
    repeats = 3 if quick else 10
    for r in range(rounds * repeats):
        names = list(IMPORTS)
        for name in names[r % len(names) :] + names[: r % len(names)]:
            samples[name].append(measure_process(IMPORTS[name]).seconds)
    base = statistics.median(samples["python -c pass"])
    print(f"\n== start-up: {len(samples['python -c pass'])} runs each, medians, wall time")
    for name, values in samples.items():
        median = statistics.median(values)
        print(
            f"   {name:<26} {median * 1e3:7.1f} ms  +{(median - base) * 1e3:6.1f} ms  {median / base:5.2f}x"
        )
    extra = (statistics.median(samples["import ecfmetric"]) - base) * 1e3
    needed = (statistics.median(samples["import + read's modules"]) - base) * 1e3
    print(
        f"import ecfmetric: +{extra:.1f} ms over python -c pass "
        f"(target <= {TARGET_IMPORT_MS:.0f} ms) {_verdict(extra <= TARGET_IMPORT_MS, not quick)}; "
        f"with the modules read() needs: +{needed:.1f} ms (not a target: attrs is most of it)"
    )
    for name in ("CLI, 6 KB file", "CLI --json, 6 KB file"):
        median = statistics.median(samples[name])
        print(
            f"CLI start-up ({name}): {median * 1e3:.1f} ms, {median / base:.2f}x python -c pass "
            f"(+{(median - base) * 1e3:.1f} ms; not a target)"
        )
    if not quick and extra > TARGET_IMPORT_MS:
        missed.append(f"import ecfmetric +{extra:.1f} ms")


def table(rows: dict[str, Row], nbytes: int, base: float) -> None:
    """One line per contender: its median time, MB/s, ratio to the bare loop, RSS, process time."""
    print(
        f"   {'contender':<18} {'call s':>8} {'MB/s':>8} {'x bare':>7} {'peak RSS MiB':>13} {'process s':>10}"
    )
    for name, row in rows.items():
        if not row.ok:
            print(f"   {name:<18} failed: {row.samples[0].error if row.samples else 'not run'}")
            continue
        seconds = row.median("seconds")
        print(
            f"   {name:<18} {seconds:8.3f} {nbytes / 1e6 / seconds:8.0f} {seconds / base:6.2f}x "
            f"{_mib(row.median('rss_mib')):>13} {row.median('process_seconds'):10.3f}"
        )


def floors(rows: dict[str, Row], base: float, label: str, missed: list[str]) -> None:
    """Each floor against the bare loop, and read() against the floor of its exact skip: how
    much of read()'s time the check it must make takes at the least, whatever the reader."""
    timed = {name: rows[name] for name in FLOORS if name in rows and rows[name].ok}
    if not timed:
        return
    counted = {s.result for row in timed.values() for s in row.ok}
    if len(counted) != 1:
        missed.append(f"the floors counted different numbers of lines at {label}: {counted}")
    ratios = {name: row.median("seconds") / base for name, row in timed.items()}
    print(
        f"floors at {label} (x bare loop; line ends counted: {', '.join(map(str, sorted(counted)))}): "
        + ", ".join(f"{name.split(': ')[1]} {ratio:.2f}x" for name, ratio in ratios.items())
    )
    skip = ratios.get("floor: exact skip")
    read = rows["read"].median("seconds") / base if rows["read"].ok else None
    if skip is not None and read is not None:
        print(
            f"read() against the floor of its exact skip at {label}: {read / skip:.2f}x; "
            f"that floor alone is {skip:.2f}x the bare loop "
            + (
                f"(above read()'s target of {TARGET_RATIO}x: no reader that proves each skipped "
                "line a record with these primitives can meet it)"
                if skip > TARGET_RATIO
                else f"(under read()'s target of {TARGET_RATIO}x)"
            )
        )
    digests, lines = ratios.get("floor: digests"), ratios.get("floor: lines")
    if digests is not None and lines is not None:
        print(
            f"the signature's two digests (SHA-1 and SHA-256) at {label}: {digests - lines:.2f}x "
            "the bare loop of CPU, on a second thread when a core is free (validate() and the CLI "
            "of a file that may be signed)"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default=None, help="file sizes, e.g. 122M,500M,1G (default 122M,500M)"
    )
    parser.add_argument("--rounds", type=int, default=None, help="interleaved rounds (default 7)")
    parser.add_argument("--many", default=None, help="read_many batch, COUNTxSIZE (default 8x64M)")
    parser.add_argument("--workers", type=int, default=2, help="workers of the read_many run")
    parser.add_argument("--sped-max", default="100M", help="largest file python-sped is given")
    parser.add_argument(
        "--validate-rounds", type=int, default=3, help="rounds validate() takes part in (0: none)"
    )
    parser.add_argument(
        "--data-dir", type=Path, default=Path(tempfile.gettempdir()) / "ecfmetric-bench"
    )
    parser.add_argument("--quick", action="store_true", help="tiny files, one round: a smoke test")
    parser.add_argument(
        "--no-floors",
        dest="floors",
        action="store_false",
        help="do not time the floors (the least the exact checks cost, without a reader)",
    )
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    quick = args.quick
    sizes = [
        _parse_size(s) for s in (args.sizes or ("1M,2M,4M" if quick else "122M,500M")).split(",")
    ]
    rounds = args.rounds or (1 if quick else 7)
    count, _, each = (args.many or ("4x1M" if quick else "8x64M")).partition("x")
    sped_max = _parse_size(args.sped_max)

    contenders = ["bare", "read"] + ([*FLOORS] if args.floors else [])
    contenders += ["validate", "validate, no sig."] if args.validate_rounds > 0 else []
    contenders += ["CLI in process", *PROCESSES]
    has_sped = importlib.util.find_spec("sped") is not None

    print(
        f"python {sys.version.split()[0]} on {os.cpu_count()} CPU(s); {rounds} interleaved round(s), medians; "
        f"ratio = time of the call / time of the bare loop on the same file; "
        f"load average {_load()}"
    )
    print(
        f"command: python benchmarks/bench_read.py {' '.join(sys.argv[1:] if argv is None else argv)}".rstrip()
    )
    missed: list[str] = []
    imports(rounds, quick, missed)
    paths = {size: data_file(args.data_dir, size) for size in sizes}
    warm(paths.values())
    names = {
        size: contenders + (["python-sped"] if has_sped and size <= sped_max else [])
        for size in sizes
    }
    rows = {size: {name: Row(name) for name in names[size]} for size in sizes}
    # Interleaved: each round runs every size and, for each size, every contender once, in an
    # order rotated from round to round; validate() only in the first --validate-rounds rounds.
    for r in range(rounds):
        warm(paths.values())  # again: a machine may page out what it has not read for a while
        for size in sizes:
            order = names[size][r % len(names[size]) :] + names[size][: r % len(names[size])]
            for name in order:
                if name.startswith("validate") and r >= args.validate_rounds:
                    continue
                if name in PROCESSES:
                    command = [a.replace("{path}", str(paths[size])) for a in PROCESSES[name]]
                    rows[size][name].samples.append(measure_process(command))
                else:
                    rows[size][name].samples.append(measure(name, [str(paths[size])]))
        print(f"round {r + 1}/{rounds} done, load average {_load()}", file=sys.stderr)

    per_byte: list[tuple[int, float]] = []
    ratios: list[float] = []
    for size in sizes:
        path = paths[size]
        nbytes = path.stat().st_size
        base = rows[size]["bare"].median("seconds")
        print(f"\n== {_label(size)}: {path.name}, {nbytes / 1e6:.1f} MB; {shape(path)}")
        table(rows[size], nbytes, base)
        read = rows[size]["read"]
        if not read.ok:
            missed.append(f"read() failed on {path.name}")
            continue
        results = {str(s.result) for s in read.ok}
        if results != {EXPECTED_NET}:
            missed.append(f"read() returned net revenue {results}, expected {EXPECTED_NET}")
        ratio = read.median("seconds") / base
        rss = max(s.rss_mib for s in read.ok)
        per_byte.append((nbytes, read.median("seconds")))
        ratios.append(ratio)
        print(
            f"read / bare at {_label(size)}: {ratio:.2f}x (target <= {TARGET_RATIO}x) "
            f"{_verdict(ratio <= TARGET_RATIO, not quick)}; "
            f"read peak RSS {rss:.1f} MiB (target <= {TARGET_RSS_MIB:.0f} MiB) "
            f"{_verdict(rss <= TARGET_RSS_MIB, not quick)}"
        )
        if not quick and ratio > TARGET_RATIO:
            missed.append(f"read ratio {ratio:.2f}x at {_label(size)}")
        # (contender, label, compared with, target): validate() by its call's time, the CLI by
        # its whole process's wall time (Sample.seconds of a measure_process() run).
        judged = [
            ("validate", "validate / bare", "bare", TARGET_VALIDATE_RATIO),
            # Not judged: the same without the signature's check (its hash, in the same pass).
            ("validate, no sig.", "validate(signature=False) / bare", "bare", None),
            ("CLI process", "CLI process / bare process", "bare process", TARGET_CLI_RATIO),
        ]
        for name, label, against, target in judged:
            if name not in rows[size]:
                continue
            # The CLI's target is on large files, where its start-up is a small part of the run.
            judge = (
                not quick
                and target is not None
                and (name != "CLI process" or size >= TARGET_CLI_MIN_SIZE)
            )
            row, other = rows[size][name], rows[size][against]
            if not row.ok or not other.ok:
                missed.append(f"{name} failed at {_label(size)}")
                continue
            value = row.median("seconds") / other.median("seconds")
            # A whole process's RSS is not known (measure_process): the CLI's is its in-process run's.
            measured = rows[size].get("CLI in process") if name == "CLI process" else row
            peak = (
                max((s.rss_mib for s in measured.ok), default=float("nan"))
                if measured
                else float("nan")
            )
            if target is None:
                verdict = "(not a target)"
            elif judge or quick:
                verdict = f"(target <= {target}x) {_verdict(value <= target, judge)}"
            else:
                verdict = f"(target <= {target}x) (judged from {_label(TARGET_CLI_MIN_SIZE)} on)"
            print(
                f"{label} at {_label(size)}: {value:.2f}x {verdict}; "
                f"{name.split()[0].rstrip(',')} peak RSS {peak:.1f} MiB"
            )
            if judge and target is not None and value > target:
                missed.append(f"{name} ratio {value:.2f}x at {_label(size)}")
        floors(rows[size], base, _label(size), missed)
        for name, row in rows[size].items():
            peak = max((s.rss_mib for s in row.ok if s.rss_mib == s.rss_mib), default=0.0)
            if name != "python-sped" and not quick and peak > TARGET_RSS_MIB:
                missed.append(f"{name} peak RSS {peak:.1f} MiB at {_label(size)}")

    if len(per_byte) >= 2:
        rates = [seconds / nbytes * 1e9 for nbytes, seconds in per_byte]
        shown = ", ".join(f"{_label(s)} {r:.2f}" for s, r in zip(sizes, rates, strict=False))
        fit = statistics.linear_regression([b for b, _ in per_byte], [t for _, t in per_byte])
        worst = max(
            abs(t - (fit.intercept + fit.slope * b)) / t for b, t in per_byte
        )  # how far the slowest-fitting size is from the straight line
        print(
            f"\nlinearity: read() seconds per GB: {shown}; fit t = {fit.intercept * 1e3:.0f} ms + "
            f"{fit.slope * 1e9:.2f} s/GB x size, every size within {worst:.0%} of the line; "
            f"read / bare {', '.join(f'{r:.2f}x' for r in ratios)} (the bare loop is linear)"
        )

    if int(count) > 0:
        many(args.data_dir, int(count), _parse_size(each), args.workers, rounds, quick, missed)

    print(f"\nload average at the end {_load()}")
    if missed:
        print("\nMISSED: " + "; ".join(missed))
        return 0 if quick else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
