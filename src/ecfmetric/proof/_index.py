"""The open proof's indexes, so that no step scans the companies: which company each saved file
is the figure of, and which listed companies share each CNPJ root."""

from __future__ import annotations

import attrs

from ._cnpjs import ROOT
from ._entry import Entry


@attrs.define
class Index:
    """``files``: fingerprint → company; ``roots``: root → companies (in listing order)."""

    files: dict[str, str] = attrs.field(factory=dict)
    roots: dict[str, dict[str, None]] = attrs.field(factory=dict)

    def put(self, previous: Entry | None, entry: Entry) -> None:
        """Index ``entry``, which takes the place of ``previous`` (if any): O(1)."""
        if previous is not None:
            self.forget_file(previous)
        self.roots.setdefault(entry.cnpj[:ROOT], {})[entry.cnpj] = None
        if entry.metric is not None and entry.metric.fingerprint is not None:
            self.files[entry.metric.fingerprint] = entry.cnpj

    def drop(self, entry: Entry) -> None:
        """Forget a company taken off the proof."""
        self.forget_file(entry)
        root = entry.cnpj[:ROOT]
        del self.roots[root][entry.cnpj]
        if not self.roots[root]:
            del self.roots[root]

    def forget_file(self, entry: Entry) -> None:
        """Forget the file of ``entry``'s figure."""
        if entry.metric is not None and entry.metric.fingerprint is not None:
            self.files.pop(entry.metric.fingerprint, None)

    def owner(self, metric_fingerprint: str | None) -> str | None:
        """The company whose figure is the file ``metric_fingerprint``, if any."""
        return None if metric_fingerprint is None else self.files.get(metric_fingerprint)
