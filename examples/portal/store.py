"""The portal's SQLite store: one contract's proof, the figures waiting to be saved, and what
each uploaded file's signature said.

The proof is kept as ``Proof.to_dict()`` JSON and rebuilt with ``Proof.from_dict()`` on every
request, so the library's loading checks run each time: a row edited by hand in the database is
refused (``BAD_PROOF_DATA``) instead of being shown or concluded. Every change is one
``BEGIN IMMEDIATE`` … ``COMMIT`` transaction: two requests cannot interleave their
read-modify-write of the proof, and a refused change leaves nothing behind.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs

import ecfmetric

_SCHEMA = """
CREATE TABLE IF NOT EXISTS proof (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS draft (
    cnpj TEXT PRIMARY KEY,
    metric TEXT NOT NULL,
    evidence TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS evidence (
    fingerprint TEXT PRIMARY KEY,
    data TEXT NOT NULL
);
"""


@attrs.frozen
class Draft:
    """A figure read from a file or typed into the form, shown to the person before saving."""

    metric: ecfmetric.RevenueMetric
    evidence: dict[str, Any]


class Session:
    """One transaction's view of the store (see :meth:`Store.transaction`)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def proof(self) -> ecfmetric.Proof:
        """The contract's proof, loaded (and checked) by ``Proof.from_dict``."""
        row = self._connection.execute("SELECT data FROM proof WHERE id = 1").fetchone()
        if row is None:
            raise LookupError("the database holds no proof: start the portal with --year")
        return ecfmetric.Proof.from_dict(json.loads(row[0]))

    def save_proof(self, proof: ecfmetric.Proof) -> None:
        """Write the proof back as ``to_dict()`` JSON."""
        data = json.dumps(proof.to_dict(), ensure_ascii=False, sort_keys=True)
        self._connection.execute(
            "INSERT INTO proof (id, data) VALUES (1, ?) "
            "ON CONFLICT (id) DO UPDATE SET data = excluded.data",
            (data,),
        )

    def draft(self, cnpj: str) -> Draft | None:
        """The figure waiting to be saved for a company, if any."""
        row = self._connection.execute(
            "SELECT metric, evidence FROM draft WHERE cnpj = ?", (cnpj,)
        ).fetchone()
        if row is None:
            return None
        metric = ecfmetric.RevenueMetric.from_dict(json.loads(row[0]))
        return Draft(metric=metric, evidence=json.loads(row[1]))

    def put_draft(self, cnpj: str, draft: Draft) -> None:
        """Keep a figure for the person to review, replacing the previous one."""
        self._connection.execute(
            "INSERT INTO draft (cnpj, metric, evidence) VALUES (?, ?, ?) "
            "ON CONFLICT (cnpj) DO UPDATE SET metric = excluded.metric, evidence = excluded.evidence",
            (cnpj, json.dumps(draft.metric.to_dict()), json.dumps(draft.evidence)),
        )

    def drop_draft(self, cnpj: str) -> None:
        """Forget the figure waiting for a company."""
        self._connection.execute("DELETE FROM draft WHERE cnpj = ?", (cnpj,))

    def evidence(self, fingerprint: str | None) -> dict[str, Any] | None:
        """What was recorded about a saved file (its name, its signature), by fingerprint."""
        if fingerprint is None:
            return None
        row = self._connection.execute(
            "SELECT data FROM evidence WHERE fingerprint = ?", (fingerprint,)
        ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def put_evidence(self, fingerprint: str, evidence: dict[str, Any]) -> None:
        """Record what is known about a saved file."""
        self._connection.execute(
            "INSERT OR REPLACE INTO evidence (fingerprint, data) VALUES (?, ?)",
            (fingerprint, json.dumps(evidence)),
        )


class Store:
    """The SQLite database of one contract (one reference year, one list of companies)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        connection = self._connect()
        try:
            connection.executescript(_SCHEMA)
        finally:
            connection.close()

    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: the transactions below are explicit, one per change.
        return sqlite3.connect(self.path, isolation_level=None, timeout=30)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One change: ``BEGIN IMMEDIATE``, then ``COMMIT``, or ``ROLLBACK`` on any exception."""
        connection = self._connect()
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield Session(connection)
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
        finally:
            connection.close()

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """A consistent read for a page: one deferred transaction, rolled back (nothing changes)."""
        connection = self._connect()
        try:
            connection.execute("BEGIN")
            try:
                yield Session(connection)
            finally:
                connection.execute("ROLLBACK")
        finally:
            connection.close()

    def create(self, reference_year: int, companies: list[tuple[str, str | None]]) -> bool:
        """Start the contract's proof unless the database already holds one; True if created."""
        with self.transaction() as session:
            try:
                session.proof()
            except LookupError:
                session.save_proof(ecfmetric.Proof(reference_year, companies=companies))
                return True
            return False
