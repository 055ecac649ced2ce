"""One signature of a PVA signature blob: ``Signer``, the type ``_cms`` fills and ``_signature``
returns (below both, so that neither imports the other for it)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import attrs

from ..base._cnpj import format_cnpj
from ..base._i18n import tr


@attrs.frozen
class Signer:
    """One signature of the blob and the certificate that made it.

    ``name`` is the certificate's common name without the ``:digits`` ICP-Brasil appends;
    ``cnpj`` comes from the subjectAltName otherName ``2.16.76.1.3.3`` and ``cpf`` from
    ``2.16.76.1.3.4`` (e-CNPJ: the responsible person) or ``2.16.76.1.3.1`` (e-CPF: the holder);
    ``kind`` is ``"e-CNPJ"``, ``"e-CPF"`` or ``None``. Certificate fields are ``None`` when the
    blob does not carry the signer's certificate (``issuer`` and ``serial`` are then those the
    signature names). ``covers`` says what this signature was checked over: ``"content"`` (the
    bytes before the marker), ``"signature"`` (a counter-signature: the signature value of
    signer number ``countersigns``, 1-based) or ``"signed_data"`` (an outer signature over a
    SignedData nested in the blob). ``verified`` is whether the signature checks over that;
    ``reason`` says why not (``None`` when verified), in the language current when the file
    was read (Portuguese by default). The certificate chain is never checked.
    """

    name: str | None
    cnpj: str | None
    cpf: str | None
    kind: str | None
    subject: str | None
    issuer: str
    serial: str
    valid_from: dt.datetime | None
    valid_until: dt.datetime | None
    digest_algorithm: str
    signature_algorithm: str
    signed_attributes: bool
    signing_time: dt.datetime | None
    covers: Literal["content", "signature", "signed_data"]
    countersigns: int | None
    verified: bool
    reason: str | None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; datetimes in ISO 8601."""
        out = attrs.asdict(self)
        for key in ("valid_from", "valid_until", "signing_time"):
            value = out[key]
            out[key] = None if value is None else value.isoformat()
        return out

    def label(self) -> str:
        """``NAME (CNPJ 12.345.678/0001-95, CPF 123.456.789-09)`` or what is known of it."""
        ids = []
        if self.cnpj is not None:
            ids.append(f"CNPJ {format_cnpj(self.cnpj)}")
        if self.cpf is not None:
            ids.append(f"CPF {_format_cpf(self.cpf)}")
        who = (
            self.name
            or tr(
                "certificate serial {serial} of {issuer}", serial=self.serial, issuer=self.issuer
            ).render()
        )
        return f"{who} ({', '.join(ids)})" if ids else who


def _format_cpf(cpf: str) -> str:
    return f"{cpf[:3]}.{cpf[3:6]}.{cpf[6:9]}-{cpf[9:]}" if len(cpf) == 11 else cpf
