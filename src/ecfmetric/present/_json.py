"""``--json``: the command line's output for programs, one object for a file, a list for several.

Loads neither the text renderer nor the CSV writer: a program asking for JSON starts faster.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ._outputs import FileCheck, FileResult, Output, Renderer, is_unicode

if TYPE_CHECKING:
    from ._signature_check import SignatureCheck


class Json(Renderer):
    """A metric is its ``to_dict()`` with ``file`` and ``error``; a refused file is
    ``{"file", "error": {...}}``; a report adds the verdict and the signature."""

    def metrics(self, results: Sequence[FileResult], output: Output) -> None:
        _dump(
            [
                {"file": r.path, **r.metric.to_dict(), "error": None} if r.metric else r.refusal
                for r in results
            ]
        )

    def checks(self, checked: Sequence[FileCheck], output: Output) -> None:
        _dump(
            [
                {
                    "file": c.path,
                    **c.report.to_dict(),
                    # ok is the verdict the exit status gives, the signature's included.
                    "ok": c.passed,
                    "signature": None
                    if c.signature is None
                    else c.signature.to_dict()["signature"],
                    "signature_error": None if c.signature is None else c.signature.error,
                }
                for c in checked
            ]
        )

    def signatures(self, checks: Sequence[SignatureCheck], output: Output) -> None:
        _dump([check.to_dict() for check in checks])


def _dump(rows: list[object]) -> None:
    value = rows[0] if len(rows) == 1 else rows
    # On a console that is not UTF-8, non-ASCII text is escaped (\u2192): still the same JSON.
    json.dump(value, sys.stdout, ensure_ascii=not is_unicode(sys.stdout), indent=2)
    sys.stdout.write("\n")


JSON = Json()
