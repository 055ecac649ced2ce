"""Block 9: the PVA's own warnings (9100), shown and never used, and the counters (9900, 9990,
9999), which are the structure's."""

from __future__ import annotations

from ..model._model import Finding
from . import _messages_figures as say
from ._data import SkipRecord
from ._state import State

__all__ = ["F9100_DETAILS", "F9100_NAMED", "MAX_PVA_WARNINGS", "r9100", "r9900", "r9990", "r9999"]

#: ``9100`` (Avisos da Escrituração, 17 fields in leiaute 12): the rule, its message, and the
#: record and field the PVA named are shown; the other fields the PVA filled are quoted after them.
F9100_NAMED = ((2, "NOM_REGRA"), (3, "MSG_REGRA"), (4, "REGISTRO"), (5, "CAMPO"))
F9100_DETAILS = (
    (6, "CONTEÚDO"),
    (7, "VALOR_ESPERADO"),
    (8, "PER_APUR"),
    (9, "COD_CTA"),
    (10, "COD_CCUS"),
    (11, "COD_CTA_REF"),
    (12, "CODIGO"),
    (13, "NUM_ORDEM"),
    (14, "CNPJ_ESTAB"),
    (15, "CNAE"),
    (16, "COD_CTA_B"),
    (17, "COD_TRIBUTO"),
)
#: The most PVA warnings listed on a metric; the rest are counted in ``MORE_FINDINGS``.
MAX_PVA_WARNINGS = 1_000


def r9100(state: State, number: int, line: bytes, fields: list[bytes]) -> None:
    """A warning the PVA wrote into the file (Avisos da Escrituração): shown, never used."""
    if state.data is None:
        raise SkipRecord
    if len(fields) - 2 < len(F9100_NAMED) + 1:
        # It feeds no number: strictly an error, leniently a warning (like any shape problem).
        state.structure.problem(
            say.f9100_fields(len(fields) - 2, len(F9100_NAMED) + 1),
            number,
            "9100",
            code="MISSING_FIELD",
        )
        return
    named = [
        state.field_text(fields, number, "9100", index, name, line) for index, name in F9100_NAMED
    ]
    rule, message, record, field = named
    extras = [
        f"{name} {state.text(fields[index], number, line)}"
        for index, name in F9100_DETAILS
        if index < len(fields) - 1 and fields[index]
    ]
    where = f"{record}.{field}" if field else record
    details = f" ({', '.join(extras)})" if extras else ""
    finding = Finding(
        "PVA_WARNING", say.pva_warning(rule or "?", where or "?", message, details), number, "9100"
    )
    state.pva_warnings += 1
    if state.pva_warnings <= MAX_PVA_WARNINGS:
        state.data.warnings.append(finding)
    else:
        state.structure.suppressed += 1


def r9900(state: State, number: int, line: bytes, fields: list[bytes]) -> None:
    state.structure.r9900(number, fields)


def r9990(state: State, number: int, line: bytes, fields: list[bytes]) -> None:
    state.structure.r9990(number, line)


def r9999(state: State, number: int, line: bytes, fields: list[bytes]) -> None:
    state.structure.r9999(number, fields)
