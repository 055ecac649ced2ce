"""Helpers for tests that build small ECF files: records in, bytes out (counters filled in)."""

from __future__ import annotations

import io
from collections.abc import Sequence

import ecfmetric
from ecfmetric.ecf._build import assemble

CNPJ = "11222333000181"

HEADER_0012 = f"|0000|LECF|0012|{CNPJ}|EMPRESA TESTE LTDA|0|0|||01012025|31122025|N||0|||"
PARAMS_REAL_ANNUAL_0012 = "|0010||N|1|A|01|RRRR|000000000000|||||2|"


def ecf_bytes(
    records: Sequence[str],
    *,
    line_ending: str = "\r\n",
    encoding: str = "latin-1",
) -> bytes:
    """A whole ECF file from its records (block 9 and the counters are added)."""
    return assemble(records, line_ending=line_ending).encode(encoding)


def real_annual(
    l300: Sequence[str], *, header: str = HEADER_0012, params: str = PARAMS_REAL_ANNUAL_0012
) -> list[str]:
    """Records of a Lucro Real annual file whose A00 has the given L300 lines."""
    return [
        header,
        "|0001|0|",
        params,
        "|0990||",
        "|L001|0|",
        "|L030|01012025|31122025|A00|",
        *l300,
        "|L990||",
    ]


def read_bytes(data: bytes, **kwargs: object) -> ecfmetric.RevenueMetric:
    """``ecfmetric.read`` on bytes in memory."""
    return ecfmetric.read(io.BytesIO(data), **kwargs)  # type: ignore[arg-type]
