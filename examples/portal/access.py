"""Who may use the portal, and the protections every request goes through.

- Passwords are hashed with Argon2id (``argon2-cffi``); a session is a random token in an
  ``HttpOnly``, ``SameSite=Strict`` cookie, kept in the database by its SHA-256 only.
- Every POST carries the session's CSRF token (a hidden ``csrf`` field, compared in constant
  time); the sign-in form, before any session, a double-submit cookie. A POST whose ``Origin``
  or ``Sec-Fetch-Site`` says it comes from another site is refused before its body is read.
- Only the hosts listed are served (other ``Host`` headers are answered 400: DNS rebinding).
- Every answer carries a Content-Security-Policy without inline scripts or styles, and may not be
  framed (``frame-ancestors 'none'``, ``X-Frame-Options: DENY``).
"""

from __future__ import annotations

import datetime
import hmac
import secrets
from collections.abc import Callable, Iterable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from starlette.datastructures import Headers
from starlette.responses import HTMLResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from store import Person, Session, now

SESSION_COOKIE = "sessao"
LOGIN_COOKIE = "entrada"
SESSION_HOURS = 8

_HASHER = PasswordHasher()
#: Checked against when the login does not exist, so that the answer takes as long.
_DUMMY = _HASHER.hash(secrets.token_urlsafe(16))

HEADERS: list[tuple[bytes, bytes]] = [
    (
        b"content-security-policy",
        b"default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        b"frame-ancestors 'none'; base-uri 'none'",
    ),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # no-referrer would make browsers send Origin: null
    (b"cache-control", b"no-store"),
]


def hash_password(password: str) -> str:
    """The Argon2id hash of a password, to store."""
    return _HASHER.hash(password)


def add_person(
    session: Session, login: str, name: str, password: str, companies: Iterable[str]
) -> Person:
    """Add (or update) someone who may sign in; ``companies`` are bare CNPJs or ``"*"``."""
    if len(password) < 10:
        raise ValueError("a senha precisa de pelo menos 10 caracteres")
    chosen = frozenset(companies)
    if not chosen:
        raise ValueError("diga as empresas (--empresa CNPJ) ou --todas")
    person = Person(login.strip(), name.strip() or login.strip(), chosen)
    session.put_person(person, hash_password(password))
    return person


def check_password(session: Session, login: str, password: str) -> Person | None:
    """The person, when the password is theirs; ``None`` otherwise (same cost either way)."""
    found = session.person(login.strip())
    stored = _DUMMY if found is None else found[1]
    try:
        _HASHER.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    return None if found is None else found[0]


def start_session(session: Session, person: Person) -> str:
    """A new session for a person who just signed in; the cookie's token."""
    token = secrets.token_urlsafe(32)
    expires = now() + datetime.timedelta(hours=SESSION_HOURS)
    session.open_session(token, person.login, secrets.token_urlsafe(32), expires)
    return token


def new_token() -> str:
    """A random token (the sign-in form's double-submit value)."""
    return secrets.token_urlsafe(32)


def same(expected: str | None, given: object) -> bool:
    """Whether a CSRF token matches, compared in constant time."""
    return (
        isinstance(expected, str)
        and isinstance(given, str)
        and bool(expected)
        and hmac.compare_digest(expected.encode(), given.encode())
    )


class Guard:
    """Trusted hosts, cross-site POSTs refused, security headers on every answer."""

    def __init__(
        self, app: ASGIApp, allowed_hosts: Iterable[str], page: Callable[[str, str, str], str]
    ) -> None:
        self.app = app
        self.allowed_hosts = frozenset(host.lower() for host in allowed_hosts)
        self.page = page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        headers = Headers(scope=scope)
        host = headers.get("host", "").rsplit(":", 1)[0].strip("[]").lower()
        if host not in self.allowed_hosts:
            body = self.page(
                "Endereço não atendido",
                "UNTRUSTED_HOST",
                "Este portal não atende pelo endereço usado. Abra-o pelo endereço oficial.",
            )
            await HTMLResponse(body, status_code=400)(scope, receive, send_with_headers)
            return
        if scope["method"] == "POST" and _cross_site(headers, host):
            body = self.page(
                "Pedido recusado",
                "CROSS_SITE",
                "O envio veio de outro site e foi ignorado; nada foi alterado. Use os "
                "formulários deste portal.",
            )
            await HTMLResponse(body, status_code=403)(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


def _cross_site(headers: Headers, host: str) -> bool:
    if headers.get("sec-fetch-site") not in (None, "same-origin", "none"):
        return True
    origin = headers.get("origin")
    if origin is None:
        return False
    if origin == "null":
        return True
    origin_host = origin.split("://", 1)[-1].rsplit(":", 1)[0].strip("[]").lower()
    return origin_host != host
