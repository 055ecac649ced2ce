"""What the pages show, in Brazilian Portuguese: labels, money, CNPJs, statuses and errors.

The component labels are the library's own (``ecfmetric.LABELS``). The library's messages are
drawn in Portuguese (its default language); each is shown beside its code and followed by what
the person can do next. Signature reasons still in English are put in Portuguese here.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import ecfmetric

#: The form's fields, in the order the portal shows them, with the library's labels.
FORM_FIELDS: dict[str, str] = {
    name: ecfmetric.LABELS[name]
    for name in ("gross_revenue", "cancellations", "taxes", "discounts")
}

#: Every component of the figure (an ECF may state other deductions; the form does not ask).
COMPONENTS: dict[str, str] = {
    name: label for name, label in ecfmetric.LABELS.items() if name != "net_revenue"
}

NET_LABEL = ecfmetric.LABELS["net_revenue"]

_DEDUCTIONS = frozenset({"cancellations", "taxes", "discounts", "other_deductions"})

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

#: What to do next, for the three ways out of a refused file.
AS_SENT = (
    "Envie o arquivo da ECF exatamente como foi transmitido à Receita Federal (o .txt gerado "
    "pelo programa da ECF, ou ele compactado em ZIP ou gzip), sem abrir nem editar."
)
AGAIN = (
    "O arquivo está incompleto ou foi alterado: gere-o de novo no programa da ECF (recupere a "
    "escrituração transmitida) e envie-o sem editar; ou use o formulário (Por formulário)."
)
FORM = (
    "Use o formulário (Por formulário, “Não possuo arquivo ECF”) com os valores da "
    "Demonstração do Resultado."
)
_NEXT_BY_CODE: dict[str, str] = {
    "NOT_ECF": AS_SENT,
    "EMPTY_FILE": AS_SENT,
    "NO_FILE": AS_SENT,
    "BAD_ARCHIVE": AS_SENT,
    "ZIP_MEMBERS": "Envie um ZIP com um só arquivo, a ECF como foi transmitida, ou o .txt sem compactar.",
    "EXPANSION_LIMIT": AGAIN,
    "UPLOAD_TOO_LARGE": "Envie o ECF compactado em ZIP ou gzip, ou use o formulário (Por formulário).",
    "UPLOAD_LIMIT": "Envie o arquivo como foi transmitido (compactado em ZIP, se for grande), ou use o formulário (Por formulário).",
    "METRIC_UNAVAILABLE": FORM,
    "NO_NET_REVENUE": FORM,
    "UNKNOWN_COMPONENTS": FORM,
    "ANOTHER_COMPANY": "Envie a ECF desta empresa (confira o CNPJ no arquivo) ou use o formulário (Por formulário).",
    "COMPANY_NOT_IN_PROOF": "Envie a ECF desta empresa (confira o CNPJ no arquivo) ou use o formulário (Por formulário).",
    "SEVERAL_BRANCHES": "Envie a ECF desta empresa ou use o formulário (Por formulário).",
    "WRONG_YEAR": "Envie a ECF do Ano Referência da comprovação, ou use o formulário (Por formulário).",
    "FILE_ALREADY_SAVED": "Este arquivo já está salvo para outra empresa: envie a ECF desta empresa ou use o formulário.",
    "FIGURE_EXISTS": "Confirme para substituir os valores salvos, ou volte sem mudar nada.",
    "COMPANIES_PENDING": "Inicie a comprovação das empresas pendentes (arquivo ECF ou formulário) e conclua depois.",
    "PROOF_CONCLUDED": "A comprovação está concluída: veja o recibo; nada mais pode mudar.",
    "INVALID_CNPJ": "Digite o CNPJ com os 14 caracteres (com ou sem pontuação) e confira os dígitos verificadores.",
    "ALREADY_LISTED": "A empresa já está na lista: use “Iniciar comprovação” nela.",
    "BAD_PROOF_DATA": "Os dados gravados foram alterados fora do portal: restaure o banco de dados de uma cópia de segurança e avise o suporte.",
    "DRAFT_CHANGED": "Confira os valores novos mostrados abaixo e salve de novo se estiverem certos.",
    "NO_DRAFT": "Envie o arquivo ECF ou preencha o formulário de novo.",
    "BAD_SIGNATURE": AGAIN,
    "NO_SIGNATURE_BLOB": AGAIN,
    "SIGNATURE_TOO_LARGE": AGAIN,
}

#: Codes of a signature block that could not be read (an error, or a warning beside the figure).
_UNREADABLE_SIGNATURE = ("BAD_SIGNATURE", "NO_SIGNATURE_BLOB", "SIGNATURE_TOO_LARGE")
_NEXT_BY_KIND: tuple[tuple[type[ecfmetric.EcfError], str], ...] = (
    (ecfmetric.SignatureError, AGAIN),
    (ecfmetric.MetricUnavailableError, FORM),
    (ecfmetric.EcfFormatError, AGAIN),
    (
        ecfmetric.FormInputError,
        "Corrija o valor no campo indicado (formato 1.234.567,89) e envie de novo.",
    ),
    (ecfmetric.ContestError, "Corrija o campo indicado e envie a contestação de novo."),
)


def next_step(code: str, error: ecfmetric.EcfError | None = None) -> str:
    """What the person can do next about a refusal with ``code``."""
    if code in _NEXT_BY_CODE:
        return _NEXT_BY_CODE[code]
    if error is not None:
        for kind, text in _NEXT_BY_KIND:
            if isinstance(error, kind):
                return text
    return "Volte à página anterior e tente de novo; se o erro continuar, avise o suporte."


def brl(amount: Decimal | None) -> str:
    """``R$ 1.234.567,89`` (``-R$ 10,00`` when negative; ``—`` when the amount is unknown)."""
    if amount is None:
        return "—"
    sign = "-" if amount < 0 else ""
    return f"{sign}R$ " + plain(abs(amount))


def plain(amount: Decimal) -> str:
    """``1.234.567,89``: Brazilian grouping, two decimals, no currency."""
    grouped = f"{amount:,.2f}"  # 1,234,567.89
    return grouped.replace(",", "_").replace(".", ",").replace("_", ".")


def with_indicator(amount: Decimal, component: str | None) -> str:
    """An amount read from the file as the PVA shows it: ``2.598.880,41 D`` or ``… C``.

    ``SourceLine.amount`` is what the line added to its component: a deduction's ``D`` value
    is positive, a revenue's ``C`` value is positive; a line read only to cross-check carries
    the signed value (credit positive).
    """
    debit = amount >= 0 if component in _DEDUCTIONS else amount < 0
    if amount == 0:
        return plain(amount)
    return f"{plain(abs(amount))} {'D' if debit else 'C'}"


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
    """The error's stable code (one without a code: its class name stands in)."""
    code = getattr(error, "code", None)
    return code if isinstance(code, str) else type(error).__name__


def shown_error(error: ecfmetric.EcfError) -> dict[str, str]:
    """What a page shows of an error: a Portuguese heading, the code, the message, what to do."""
    title = next((t for kind, t in _TITLES if isinstance(error, kind)), "Erro")
    code = error_code(error)
    return {"title": title, "code": code, "message": str(error), "next": next_step(code, error)}


def refusal(title: str, code: str, message: str) -> dict[str, str]:
    """A refusal of the portal's own (not an ``EcfError``), with what to do next."""
    return {"title": title, "code": code, "message": message, "next": next_step(code)}


def line_rows(metric: ecfmetric.RevenueMetric) -> list[dict[str, Any]]:
    """Every amount the file stated, with its line, in file order, for the breakdown table."""
    return [
        {
            "line_number": line.line_number,
            "record": line.record or "",
            "period": line.period or "",
            "code": line.code or "",
            "description": line.description,
            "amount": with_indicator(line.amount, line.component),
            "component": (
                "conferência" if line.component is None else ecfmetric.LABELS[line.component]
            ),
        }
        for line in metric.lines
    ]


#: Signature reasons the library gives in English, put in Portuguese (a pattern each).
_REASONS: tuple[tuple[str, str], ...] = (
    (r"digest of the signed bytes differs", "o texto do arquivo mudou depois de assinado"),
    (r"(has|have) no messageDigest", "a assinatura não traz o resumo do texto assinado"),
    (r"does not carry the certificate", "a assinatura não traz o certificado de quem assinou"),
    (r"is not supported", "a assinatura usa um algoritmo que este portal não verifica"),
    (r"cannot be used", "a chave do certificado não pode ser usada"),
    (r"holds no signature", "o bloco não contém nenhuma assinatura"),
    (r"signature value|does not match|invalid signature", "a assinatura não confere com o texto"),
)
_ENGLISH = re.compile(r"\b(the|signer|digest|of|not|is|does|signature)\b", re.IGNORECASE)


def signature_reason(reason: str | None) -> str | None:
    """Why a signature does not check, in Portuguese (the library's text when already so)."""
    if reason is None:
        return None
    found = [pt for pattern, pt in _REASONS if re.search(pattern, reason)]
    if found:
        return "; ".join(dict.fromkeys(found))
    if _ENGLISH.search(reason):
        return "a assinatura não confere com o texto do arquivo"
    return reason


def signature_view(
    signature: ecfmetric.SignatureSummary, file_cnpj: str | None, *, show_cpf: bool
) -> dict[str, Any]:
    """``metric.signature`` as the page shows it: who signed, the hashcode, verified or why not.

    An e-CNPJ of another company than the file's (another 8-digit root) is pointed out: the
    library verifies the signature, not who the signer is. CPFs are shown only when
    ``show_cpf`` (a signed-in person of that company).
    """
    signers = []
    for signer in signature.signers:
        ids = []
        if signer.cnpj:
            ids.append(f"CNPJ {cnpj_mask(signer.cnpj)}")
        if signer.cpf and show_cpf:
            ids.append(f"CPF {cpf_mask(signer.cpf)}")
        signers.append(
            {
                "name": signer.name or "certificado sem nome",
                "kind": "e-CNPJ" if signer.cnpj else ("e-CPF" if signer.cpf else "certificado"),
                "ids": ", ".join(ids),
                "verified": signer.verified,
                "other_company": bool(
                    signer.cnpj and file_cnpj and signer.cnpj[:8] != file_cnpj[:8]
                ),
            }
        )
    return {
        "hashcode": signature.hashcode,
        "verified": signature.verified,
        "reason": signature_reason(signature.reason),
        "signers": signers,
    }


def signature_warning(
    warnings: tuple[ecfmetric.Finding, ...], signature: ecfmetric.SignatureSummary | None
) -> dict[str, str] | None:
    """A signature block the library could not read and reported beside the figure (a warning),
    shown where the signature would be, as a refusal of the signature with what to do."""
    if signature is not None:
        return None
    for warning in warnings:
        if warning.code in _UNREADABLE_SIGNATURE:
            return refusal("Assinatura ilegível", warning.code, warning.message)
    return None


def warning_message(code: str, message: str, signature: ecfmetric.SignatureSummary | None) -> str:
    """A warning's message as the page shows it: one about a signature that does not match,
    still carrying the library's English reasons, is said in Portuguese."""
    if code == "SIGNATURE_MISMATCH" and _ENGLISH.search(message):
        reason = signature_reason(None if signature is None else signature.reason)
        return (
            "a assinatura do arquivo não confere com o texto"
            + (f" ({reason})" if reason else "")
            + ": os valores são os do arquivo como está agora, não como foi assinado"
        )
    return message
