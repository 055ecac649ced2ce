"""The fingerprint of a file's metric: a digest of what the file states for it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from ..facts._collect import FileData
from ..model._model import SourceLine


def fingerprint(data: FileData, lines: Iterable[SourceLine]) -> str:
    """A digest of what the file states for the metric: identical for the same file read
    twice, different when any identity field or amount read differs."""
    header = data.header
    digest = hashlib.sha256()
    for part in (
        header.cnpj,
        header.scp_cnpj or "",
        header.layout_version,
        header.start.isoformat(),
        header.end.isoformat(),
        header.rectification,
        header.receipt or "",
        str(data.end_line),
    ):
        digest.update(part.encode("utf-8") + b"\x00")
    for line in lines:
        digest.update(f"{line.line_number}|{line.code}|{line.amount}\x00".encode())
    return digest.hexdigest()
