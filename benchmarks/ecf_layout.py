"""Field counts (REG included) of every record bench_read.py writes, each with its source.

Leiaute 0012 (AC 2025). tests/test_bench.py checks every line the generator writes against this
table, so that no record is written with a field count nobody has read in a layout.

Not written, because their leiaute-0012 field count could not be confirmed: 0020 (31 fields in
leiaute 0011, 32 in one third-party leiaute-0012 writer), block X's records and block Y's (Y520,
Y570, Y600, Y612, Y671). Blocks X and Y are written empty: they hold a few kilobytes in a real
file, and nothing the benchmark times depends on them.
"""

from __future__ import annotations

#: Where a count comes from (public sources).
SOURCES = {
    "L12": "the leiaute-0012 field lists of K155, K156, K355, K356, C155, C157, E155 and E355, "
    "confirmed from public layouts for this benchmark (issue 25); the leiaute-0011 table (X11) "
    "gives the same counts",
    "X11": "the field table extracted from the official manual of leiaute 0011 (AC 2024): "
    "akretion/sped-extractor, spedextractor/specs/ecf/10/fields.csv (highest field index of the "
    "register); no source seen says leiaute 0012 changed these records",
    "ESC": "escriturador-sped 1.4.2 (PyPI), modulos/ecf/l012/m2026_02/modulo.json, built from the "
    "2026.02 manual of leiaute 0012",
    "PS": "sped-br/python-sped, sped/leiautes/ecf_2017.json (extraction of the leiaute-0004 "
    "manual), unchanged in the leiaute-0012 manifest of tecnofisc-micro-sistemas/TecnoFisc.Sped",
}

#: register -> (fields, REG included; where the count comes from)
FIELD_COUNTS: dict[str, tuple[int, str]] = {
    "0000": (16, "ESC: leiaute 0012 adds EVENTO_SCP after COD_SCP"),
    "0010": (13, "ESC: REG, HASH_ECF_ANTERIOR … IND_REC_RECEITA"),
    "0030": (12, "X11: REG, COD_NAT, CNAE_FISCAL … EMAIL"),
    "0930": (7, "X11: REG, IDENT_NOM, IDENT_CPF_CNPJ, IDENT_QUALIF, IND_CRC, EMAIL, FONE"),
    "C040": (16, "X11: REG, HASH_ECD … COD_PLAN_REF"),
    "C050": (8, "X11: REG, DT_ALT, COD_NAT, IND_CTA, NIVEL, COD_CTA, COD_CTA_SUP, CTA"),
    "C150": (3, "X11: REG, DT_INI, DT_FIN"),
    "C155": (10, "L12: K155's fields + LINHA_ECD"),
    "C157": (6, "L12: REG, COD_CTA, COD_CCUS, VL_SLD_FIN, IND_VL_SLD_FIN, LINHA_ECD"),
    "E010": (6, "X11: REG, COD_NAT, COD_CTA_REF, DESC_CTA_REF, VAL_CTA_REF, IND_VAL_CTA_REF"),
    "E030": (4, "X11: REG, DT_INI, DT_FIN, PER_APUR"),
    "E155": (9, "L12: as K155"),
    "E355": (5, "L12: as K355"),
    "J050": (8, "X11: REG, DT_ALT, COD_NAT, IND_CTA, NIVEL, COD_CTA, COD_CTA_SUP, CTA"),
    "J051": (3, "X11: REG, COD_CCUS, COD_CTA_REF"),
    "J100": (4, "X11: REG, DT_ALT, COD_CCUS, CCUS"),
    "K030": (4, "X11: REG, DT_INI, DT_FIN, PER_APUR"),
    "K155": (
        9,
        "L12: REG, COD_CTA, COD_CCUS, VL_SLD_INI, IND_VL_SLD_INI, VL_DEB, VL_CRED, VL_SLD_FIN, "
        "IND_VL_SLD_FIN",
    ),
    "K156": (
        8,
        "L12: REG, COD_CTA_REF, VL_SLD_INI, IND_VL_SLD_INI, VL_DEB, VL_CRED, VL_SLD_FIN, "
        "IND_VL_SLD_FIN",
    ),
    "K355": (5, "L12: REG, COD_CTA, COD_CCUS, VL_SLD_FIN, IND_VL_SLD_FIN"),
    "K356": (4, "L12: REG, COD_CTA_REF, VL_SLD_FIN, IND_VL_SLD_FIN"),
    "L030": (4, "X11: REG, DT_INI, DT_FIN, PER_APUR"),
    "L100": (13, "X11: REG, CODIGO … VAL_CTA_REF_DEB, VAL_CTA_REF_CRED … IND_VAL_CTA_REF_FIN"),
    "L200": (2, "X11: REG, IND_AVAL_ESTOQ"),
    "L210": (4, "X11: REG, CODIGO, DESCRICAO, VALOR"),
    "L300": (9, "X11: REG, CODIGO, DESCRICAO, TIPO, NIVEL, COD_NAT, COD_CTA_SUP, VALOR, IND_VALOR"),
    "M010": (10, "X11: REG, COD_CTA_B … CNPJ_SIT_ESP"),
    "M030": (4, "X11: REG, DT_INI, DT_FIN, PER_APUR"),
    "M300": (7, "X11: REG, CODIGO, DESCRICAO, TIPO_LANCAMENTO, IND_RELACAO, VALOR, HIST_LAN_LAL"),
    "M305": (4, "X11: REG, COD_CTA_B, VL_CTA, IND_VL_CTA"),
    "M310": (5, "X11: REG, COD_CTA, COD_CCUS, VL_CTA, IND_VL_CTA"),
    "M312": (2, "X11: REG, NUM_LCTO"),
    "M350": (7, "X11: as M300"),
    "M410": (8, "X11: REG, COD_CTA_B, COD_TRIBUTO … IND_LAN_ANT"),
    "M500": (11, "X11: REG, COD_CTA_B, COD_TRIBUTO, SD_INI_LAL … IND_SD_FIM_LAL"),
    "N030": (4, "X11: REG, DT_INI, DT_FIN, PER_APUR"),
    **{
        f"N{n}": (4, "PS: REG, CODIGO, DESCRICAO, VALOR (N500 … N620 also X11)")
        for n in (500, 600, 610, 620, 630, 650, 660, 670)
    },
    "9001": (2, "PS: REG, QTD_LIN (9001: REG, IND_DAD)"),
    "9900": (
        5,
        "TecnoFisc.Sped Registro9900.cs (leiaute 0012): REG, REG_BLC, QTD_REG_BLC, VERSAO, ID_TAB_DIN",
    ),
    "9990": (2, "PS: REG, QTD_LIN (9001: REG, IND_DAD)"),
    "9999": (2, "PS: REG, QTD_LIN (9001: REG, IND_DAD)"),
    # Every block's opening and closing records: x001 = REG, IND_DAD; x990 = REG, QTD_LIN.
    **{
        f"{letter}{code}": (2, "X11: x001 = REG, IND_DAD; x990 = REG, QTD_LIN")
        for letter in "0CEJKLMNPQTUVWXY"
        for code in ("001", "990")
    },
}


def field_count(line: str) -> int:
    """The number of fields of a record line ``|REG|f2|…|fN|`` (REG included)."""
    return len(line.rstrip("\r\n").split("|")) - 2
