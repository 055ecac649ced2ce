"""An HMAC over a saved proof, for stores a service does not fully trust.

``from_dict`` refuses anything ``to_dict`` would not write, but a consistent edit (a company
deleted and the total adjusted, a figure changed with its net) is still something ``to_dict``
could have written. With a key only the service knows, such an edit no longer loads: the
``hmac`` entry is HMAC-SHA256 of the rest of the dict in canonical JSON (keys sorted, no blanks,
UTF-8), compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from ..base._i18n import tr
from ._load import fail

#: The key of the HMAC in a saved dict.
MAC_KEY = "hmac"
_PREFIX = "hmac-sha256:"


def _check_key(key: object) -> bytes:
    if not isinstance(key, (bytes, bytearray)) or len(key) < 16:
        raise TypeError("key must be bytes, at least 16 of them (a secret only the service knows)")
    return bytes(key)


def _mac(data: object, key: bytes) -> str:
    try:
        canonical = json.dumps(
            data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
        ).encode("utf-8")
    except (TypeError, ValueError, RecursionError):
        fail("", tr("not JSON data as to_dict() writes it"))
    return _PREFIX + hmac.new(key, canonical, hashlib.sha256).hexdigest()


def seal(data: dict[str, Any], key: object) -> dict[str, Any]:
    """``data`` with its HMAC under ``key`` added as ``data["hmac"]``."""
    secret = _check_key(key)
    return {**data, MAC_KEY: _mac(data, secret)}


def unseal(data: object, key: object) -> object:
    """``data`` without its ``hmac``, once the HMAC under ``key`` is checked; ``data`` as it is
    when ``key`` is ``None`` (a dict that carries an HMAC is then refused: pass the key)."""
    if key is None:
        if isinstance(data, dict) and MAC_KEY in data:
            fail(MAC_KEY, tr("the data carries an HMAC: load it with key="))
        return data
    secret = _check_key(key)
    if not isinstance(data, dict) or MAC_KEY not in data:
        fail(MAC_KEY, tr("missing: the data was not saved with a key (to_dict(key=...))"))
    rest = {name: value for name, value in data.items() if name != MAC_KEY}
    given = data[MAC_KEY]
    if not isinstance(given, str) or not hmac.compare_digest(
        given.encode("utf-8", "replace"), _mac(rest, secret).encode("ascii")
    ):
        fail(
            MAC_KEY,
            tr("does not match: the data changed after it was saved, or the key is another"),
        )
    return rest
