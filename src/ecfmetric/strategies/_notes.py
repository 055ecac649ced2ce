"""What a failing example shows: the file drawn as numbered text lines."""

from __future__ import annotations

from hypothesis import note

from ..model._model import RevenueMetric


def _noted(case: tuple[bytes, RevenueMetric]) -> tuple[bytes, RevenueMetric]:
    """``case`` unchanged; its file is noted as numbered text lines, for a failing example."""
    note(file_text(case[0]))
    return case


def file_text(data: bytes, *, limit: int = 400) -> str:
    """A drawn file as numbered text lines (decoded as UTF-8 if it is, else Latin-1), the bytes
    after ``9999`` summarised: what a failing example shows instead of one ``bytes`` literal."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    lines = text.splitlines()
    shown = [f"{number:5d} {line}" for number, line in enumerate(lines[:limit], start=1)]
    if len(lines) > limit:
        shown.append(f"      … {len(lines) - limit} more lines")
    return f"ECF file drawn ({len(data)} bytes):\n" + "\n".join(shown)
