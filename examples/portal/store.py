"""The portal's SQLite store: one contract's proof, the figures waiting to be saved, the name of
each saved file, the people who may sign in, their sessions, and the append-only audit log.

The proof is kept as ``Proof.to_dict()`` JSON and rebuilt with ``Proof.from_dict()`` on every
request, so the library's loading checks run each time: a row edited by hand in the database is
refused (``BAD_PROOF_DATA``) instead of being shown or concluded. Every change is one
``BEGIN IMMEDIATE`` … ``COMMIT`` transaction: two requests cannot interleave their
read-modify-write of the proof, and a refused change leaves nothing behind.
"""

from __future__ import annotations

import datetime
import hashlib
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
CREATE TABLE IF NOT EXISTS person (
    login TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    password TEXT NOT NULL,
    companies TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS login_session (
    token_hash TEXT PRIMARY KEY,
    login TEXT NOT NULL REFERENCES person (login),
    csrf TEXT NOT NULL,
    expires TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    login TEXT,
    action TEXT NOT NULL,
    cnpj TEXT,
    detail TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""

#: Every person's companies: ``ALL`` stands for every company of the contract.
ALL = "*"


@attrs.frozen
class Draft:
    """A figure read from a file or typed into the form, shown to the person before saving."""

    metric: ecfmetric.RevenueMetric
    evidence: dict[str, Any]

    @property
    def digest(self) -> str:
        """The SHA-256 of what is shown for review: the review form carries it back, and a
        draft that changed since (another upload, another session) is not saved."""
        data = {"metric": self.metric.to_dict(), "evidence": self.evidence}
        text = json.dumps(data, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()


@attrs.frozen
class Person:
    """Someone who may sign in, and the companies (bare CNPJs) they may act for."""

    login: str
    name: str
    companies: frozenset[str]

    @property
    def all_companies(self) -> bool:
        """Whether they act for the whole contract (include, exclude, conclude, receipt)."""
        return ALL in self.companies

    def may_act(self, cnpj: str) -> bool:
        """Whether they may see and change a company's figure."""
        return self.all_companies or cnpj in self.companies


@attrs.frozen
class AuditEntry:
    """One line of the audit log."""

    id: int
    at: datetime.datetime
    login: str | None
    action: str
    cnpj: str | None
    detail: dict[str, Any]


def now() -> datetime.datetime:
    """The current time, UTC, to the second."""
    return datetime.datetime.now(datetime.UTC).replace(microsecond=0)


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

    # -- people and sessions --------------------------------------------------------------

    def person(self, login: str) -> tuple[Person, str] | None:
        """A person and their password hash, by login."""
        row = self._connection.execute(
            "SELECT login, name, companies, password FROM person WHERE login = ?", (login,)
        ).fetchone()
        if row is None:
            return None
        return Person(row[0], row[1], frozenset(json.loads(row[2]))), row[3]

    def put_person(self, person: Person, password_hash: str) -> None:
        """Add a person, or change their name, companies and password."""
        self._connection.execute(
            "INSERT INTO person (login, name, password, companies) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (login) DO UPDATE SET name = excluded.name, "
            "password = excluded.password, companies = excluded.companies",
            (person.login, person.name, password_hash, json.dumps(sorted(person.companies))),
        )

    def has_people(self) -> bool:
        """Whether anyone may sign in yet."""
        return self._connection.execute("SELECT 1 FROM person LIMIT 1").fetchone() is not None

    def open_session(self, token: str, login: str, csrf: str, expires: datetime.datetime) -> None:
        """Remember a signed-in session (by the token's hash, never the token); expired ones
        are forgotten here."""
        self._connection.execute(
            "DELETE FROM login_session WHERE expires <= ?", (now().isoformat(),)
        )
        self._connection.execute(
            "INSERT INTO login_session (token_hash, login, csrf, expires) VALUES (?, ?, ?, ?)",
            (_hashed(token), login, csrf, expires.isoformat()),
        )

    def session_of(self, token: str) -> tuple[Person, str] | None:
        """The person and CSRF token of a session that has not expired."""
        row = self._connection.execute(
            "SELECT login, csrf FROM login_session WHERE token_hash = ? AND expires > ?",
            (_hashed(token), now().isoformat()),
        ).fetchone()
        if row is None:
            return None
        found = self.person(row[0])
        return None if found is None else (found[0], row[1])

    def close_session(self, token: str) -> None:
        """Forget a session (sign-out)."""
        self._connection.execute(
            "DELETE FROM login_session WHERE token_hash = ?", (_hashed(token),)
        )

    # -- audit log --------------------------------------------------------------------------

    def audit(self, login: str | None, action: str, cnpj: str | None = None, **detail: Any) -> None:
        """Append a line to the audit log (the table refuses updates and deletes)."""
        self._connection.execute(
            "INSERT INTO audit (at, login, action, cnpj, detail) VALUES (?, ?, ?, ?, ?)",
            (now().isoformat(), login, action, cnpj, json.dumps(detail, ensure_ascii=False)),
        )

    def audit_log(self, action: str | None = None) -> list[AuditEntry]:
        """The audit log in order (one action only, when given)."""
        query = "SELECT id, at, login, action, cnpj, detail FROM audit"
        rows = (
            self._connection.execute(query + " WHERE action = ? ORDER BY id", (action,))
            if action is not None
            else self._connection.execute(query + " ORDER BY id")
        ).fetchall()
        return [
            AuditEntry(
                row[0],
                datetime.datetime.fromisoformat(row[1]),
                row[2],
                row[3],
                row[4],
                json.loads(row[5]),
            )
            for row in rows
        ]


def _hashed(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


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
