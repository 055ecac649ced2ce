"""What the pages show, in Brazilian Portuguese: labels, money, CNPJs, statuses and errors.

The library's messages are English for now and are shown as they are, always beside their code
(a stable name to look up or to translate by); the headings around them are the portal's.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import ecfmetric

#: The form's fields, in the order the portal shows them, with the portal's labels.
FORM_FIELDS: dict[str, str] = {
    "gross_revenue": "TOTAL RECEITA BRUTA",
    "cancellations": "(-) Cancelamento de Serviços e Vendas",
    "taxes": "(-) Impostos Sobre Serviços e Vendas",
    "discounts": "(-) Descontos Incondicionais",
}

#: Every component of the figure (an ECF may state other deductions; the form does not ask).
COMPONENTS: dict[str, str] = {
    **FORM_FIELDS,
    "other_deductions": "(-) Outras Deduções da Receita",
}

NET_LABEL = "RECEITA LÍQUIDA DE SERVIÇOS E VENDAS"

STATUS = {"pending": "Pendente", "saved": "Salvo", "concluded": "Concluído"}

SOURCE = {"ecf": "Arquivo ECF", "form": "Formulário"}

#: A heading for each kind of refusal; the code and the library's message follow it.
_TITLES: tuple[tuple[type[ecfmetric.EcfError], str], ...] = (
    (ecfmetric.SignatureError, "Assinatura ilegível"),
    (ecfmetric.EcfFormatError, "Arquivo recusado"),
    (ecfmetric.MetricUnavailableError, "Não foi possível calcular a métrica deste arquivo"),
    (ecfmetric.FormInputError, "Valor não aceito"),
    (ecfmetric.BadProofDataError, "Os dados salvos da comprovação não conferem"),
    (ecfmetric.ContestError, "Contestação recusada"),
    (ecfmetric.ProofError, "Operação recusada"),
    (ecfmetric.SignatureSupportError, "Leitura de assinaturas indisponível"),
)


def brl(amount: Decimal | None) -> str:
    """``R$ 1.234.567,89`` (``-R$ 10,00`` when negative; ``—`` when the amount is unknown)."""
    if amount is None:
        return "—"
    sign = "-" if amount < 0 else ""
    grouped = f"{abs(amount):,.2f}"  # 1,234,567.89
    return f"{sign}R$ " + grouped.replace(",", "_").replace(".", ",").replace("_", ".")


def cnpj_mask(cnpj: str) -> str:
    """``12.345.678/0001-95`` from the bare 14 characters (alphanumeric CNPJs too)."""
    if len(cnpj) != 14:
        return cnpj
    return f"{cnpj[:2]}.{cnpj[2:5]}.{cnpj[5:8]}/{cnpj[8:12]}-{cnpj[12:]}"


def cpf_mask(cpf: str) -> str:
    """``123.456.789-09`` from the bare 11 digits."""
    if len(cpf) != 11:
        return cpf
    return f"{cpf[:3]}.{cpf[3:6]}.{cpf[6:9]}-{cpf[9:]}"


def error_code(error: ecfmetric.EcfError) -> str:
    """The error's stable code (a ``FormInputError`` has none yet: its class name stands in)."""
    code = getattr(error, "code", None)
    return code if isinstance(code, str) else type(error).__name__


def shown_error(error: ecfmetric.EcfError) -> dict[str, str]:
    """What a page shows of an error: a Portuguese heading, the code and the message."""
    title = next((t for kind, t in _TITLES if isinstance(error, kind)), "Erro")
    return {"title": title, "code": error_code(error), "message": str(error)}


def line_rows(metric: ecfmetric.RevenueMetric) -> list[dict[str, Any]]:
    """Every amount the file stated, with its line, in file order, for the breakdown table."""
    return [
        {
            "line_number": line.line_number,
            "record": line.record or "",
            "period": line.period or "",
            "code": line.code or "",
            "description": line.description,
            "amount": brl(line.amount),
            "component": (
                "conferência" if line.component is None else COMPONENTS.get(line.component, "")
            ),
        }
        for line in metric.lines
    ]


def signature_view(data: dict[str, Any], file_cnpj: str | None) -> dict[str, Any]:
    """``Signature.to_dict()`` as the page shows it: who signed, the hashcode, verified or why not.

    An e-CNPJ of another company than the file's (another 8-digit root) is pointed out: the
    library verifies the signature, not who the signer is (see docs/signature.md).
    """
    signers = []
    for signer in data["signers"]:
        ids = []
        if signer.get("cnpj"):
            ids.append(f"CNPJ {cnpj_mask(signer['cnpj'])}")
        if signer.get("cpf"):
            ids.append(f"CPF {cpf_mask(signer['cpf'])}")
        signers.append(
            {
                "name": signer.get("name") or f"certificado nº {signer.get('serial')}",
                "kind": signer.get("kind") or "certificado",
                "ids": ", ".join(ids),
                "verified": bool(signer.get("verified")),
                "reason": signer.get("reason"),
                "valid_until": (signer.get("valid_until") or "")[:10],
                "other_company": bool(
                    signer.get("kind") == "e-CNPJ"
                    and signer.get("cnpj")
                    and file_cnpj
                    and signer["cnpj"][:8] != file_cnpj[:8]
                ),
            }
        )
    return {
        "hashcode": data["hashcode"],
        "verified": bool(data["verified"]),
        "reason": data.get("reason"),
        "covered_bytes": data["covered_bytes"],
        "signers": signers,
    }
