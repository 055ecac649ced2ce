"""What a signature's certificate says: the one a SignerInfo names, its holder's name, CNPJ and
CPF (ICP-Brasil), and X.500 names as text.

Part of the ``signature`` extra, imported with :mod:`._cms` only when a file is signed.
"""

from __future__ import annotations

from typing import Any

# ICP-Brasil otherNames in subjectAltName (DOC-ICP-04).
_E_CPF_HOLDER = "2.16.76.1.3.1"
_CNPJ = "2.16.76.1.3.3"
_RESPONSIBLE = "2.16.76.1.3.4"
_SHORT = {
    "common_name": "CN",
    "organizational_unit_name": "OU",
    "organization_name": "O",
    "country_name": "C",
    "state_or_province_name": "ST",
    "locality_name": "L",
    "serial_number": "serialNumber",
    "email_address": "emailAddress",
}


def certificate(sid: Any, certs: list[Any]) -> Any:
    """The certificate the SignerInfo names, by issuer and serial (never just the first one)."""
    if sid.name == "issuer_and_serial_number":
        serial = sid.chosen["serial_number"].native
        issuer = sid.chosen["issuer"]
        for cert in certs:
            if cert.serial_number == serial and cert.issuer == issuer:
                return cert
        return None
    key_id = sid.chosen.native
    for cert in certs:
        if cert.key_identifier == key_id:
            return cert
    return None


def identity(cert: Any) -> dict[str, str | None]:
    """Name, CNPJ, CPF and kind (e-CNPJ, e-CPF) from an ICP-Brasil certificate."""
    out: dict[str, str | None] = {"name": None, "cnpj": None, "cpf": None, "kind": None}
    if cert is None:
        return out
    common = cert.subject.native.get("common_name")
    if isinstance(common, list):
        common = common[0] if common else None
    if isinstance(common, str):
        head, _, digits = common.rpartition(":")
        out["name"] = head if head and digits.isdigit() else common
    others: dict[str, str] = {}
    for general_name in cert.subject_alt_name_value or ():
        if general_name.name == "other_name":
            value = general_name.chosen["value"].native
            text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
            others[general_name.chosen["type_id"].dotted] = text.strip()
    cnpj = others.get(_CNPJ, "")[:14]
    if len(cnpj) == 14 and cnpj.isalnum() and cnpj.strip("0"):
        out["cnpj"] = cnpj.upper()
        out["kind"] = "e-CNPJ"
    person = others.get(_RESPONSIBLE) or others.get(_E_CPF_HOLDER) or ""
    cpf = person[8:19]
    if len(cpf) == 11 and cpf.isdigit() and cpf.strip("0"):
        out["cpf"] = cpf
    if out["kind"] is None and _E_CPF_HOLDER in others:
        out["kind"] = "e-CPF"
    return out


def x500_name(name: Any) -> str:
    """An X.500 name as ``CN=…, OU=…, O=…, C=…`` (most specific first, as RFC 4514)."""
    parts = []
    for rdn in reversed(name.chosen):
        for pair in rdn:
            key = pair["type"].native
            value = pair["value"].native
            parts.append(f"{_SHORT.get(key, key)}={value}")
    return ", ".join(parts)
