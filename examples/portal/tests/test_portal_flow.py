"""The portal end to end through Starlette's test client: listing, uploads, the form, contests,
errors and the conclusion."""

from __future__ import annotations

import gzip
import io
import json
import re
import sqlite3
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import httpx2 as httpx
from conftest import ACME, ACUCAR, FIXTURES, LIMIT
from conftest import PortalClient as TestClient

import ecfmetric

SIGNED = FIXTURES / "signed" / "two_signerinfos.ecf"
HASHCODE = "495E5D596B75C3B317ED092C54D60F03F21DF36A"


def zipped(data: bytes, name: str = "ecf.txt") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


def upload(client: TestClient, cnpj: str, name: str, data: bytes) -> httpx.Response:
    return client.post(f"/empresas/{cnpj}/arquivo", files={"arquivo": (name, data)})


def typed(client: TestClient, cnpj: str, **values: str) -> httpx.Response:
    return client.post(f"/empresas/{cnpj}/formulario", data=values)


def text_of(response: httpx.Response) -> str:
    """The page's text without tags and with blanks collapsed, for substring checks."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.text).split())


def field_error(response: httpx.Response, field: str) -> str:
    """The error shown right after a form field (its ``erro-FIELD`` block)."""
    match = re.search(rf'id="erro-{field}">(.*?)</div></div>', response.text, re.S)
    assert match is not None, f"no error shown next to {field}"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def save(client: TestClient, cnpj: str, **data: str) -> httpx.Response:
    """Press a "Salvar" button of the review: the form carries the digest of what was shown."""
    page = client.get(f"/empresas/{cnpj}")
    shown = re.search(r'name="rascunho" value="([0-9a-f]{64})"', page.text)
    assert shown is not None, "no draft to review"
    return client.post(f"/empresas/{cnpj}/salvar", data={"rascunho": shown.group(1), **data})


def stored_proof(database: Path) -> ecfmetric.Proof:
    with sqlite3.connect(database) as connection:
        (data,) = connection.execute("SELECT data FROM proof").fetchone()
    return ecfmetric.Proof.from_dict(json.loads(data))


def test_the_whole_flow(client: TestClient, database: Path) -> None:
    """Two companies, one by a zipped signed ECF (with a contest) and one by the form, a refused
    upload, conclusion refused while one is pending, then concluded with the exact total."""
    # Worked out by hand from fixtures/real_annual_0012_crlf_latin1.expected.json (the text of
    # two_signerinfos.ecf): 13001097.90 - 187432.15 - 64918.73 - 2334121.87 - 12407.66
    # = 10402217.49; taxes contested down to 2300000.00 gives
    # 13001097.90 - 187432.15 - 64918.73 - 2300000.00 - 12407.66 = 10436339.36.
    # The form: 1000000.00 - 10000.00 - 90000.00 - 0.00 = 900000.00.
    # Total: 10436339.36 + 900000.00 = 11336339.36.
    sidecar = json.loads((FIXTURES / "real_annual_0012_crlf_latin1.expected.json").read_text())
    assert (sidecar["gross_revenue"], sidecar["taxes"]) == ("13001097.90", "2334121.87")
    assert sidecar["net_revenue"] == "10402217.49"

    page = client.get("/")
    assert page.status_code == 200
    assert "<title>Comprovação de Métricas</title>" in page.text
    listing = text_of(page)
    assert "COMÉRCIO DE AÇÚCAR SÃO JOÃO LTDA 12.345.678/0001-95 2025" in listing
    assert "ACME ENGENHARIA LTDA 11.222.333/0001-81 2025" in listing
    assert listing.count("Pendente") == 2
    for label in ("Razão Social", "CNPJ", "Ano Referência", "Receita Líquida", "Situação"):
        assert f"<th>{label}</th>" in page.text or label in listing
    assert "Incluir empresa" in listing
    assert "Excluir empresa" in listing
    assert listing.count("Iniciar comprovação") == 2

    refused = upload(client, ACUCAR, "recibo.pdf", b"%PDF-1.7\n1 0 obj\n")
    assert refused.status_code == 422
    assert "Arquivo recusado NOT_ECF recibo.pdf, linha 1: isto é um documento PDF" in text_of(
        refused
    )
    assert "Traceback" not in refused.text

    sent = upload(client, ACUCAR, "ecf.zip", zipped(SIGNED.read_bytes()))
    assert (sent.status_code, sent.headers["location"]) == (303, f"/empresas/{ACUCAR}")
    review = text_of(client.get(f"/empresas/{ACUCAR}"))
    assert "Confira os valores antes de salvar" in review
    assert "TOTAL RECEITA BRUTA R$ 13.001.097,90" in review
    assert "(-) Impostos Sobre Serviços e Vendas R$ 2.334.121,87" in review
    assert "RECEITA LÍQUIDA DE SERVIÇOS E VENDAS R$ 10.402.217,49" in review
    # Every value read, with its line: the four revenue leaves of lines 38 to 41 among them.
    assert "38 L300 A00 3.01.01.01.01.01" in review
    assert "1.254.310,47 C TOTAL RECEITA BRUTA" in review
    # A deduction as the PVA shows it: the synthetic line 42 (187432.15 + 64918.73 + 2334121.87
    # + 12407.66 = 2598880.41, a debit) and a leaf.
    assert (
        "42 L300 A00 3.01.01.01.02 DEDUÇÕES DA RECEITA BRUTA 2.598.880,41 D conferência" in review
    )
    assert "(-) ICMS 1.402.336,58 D (-) Impostos Sobre Serviços e Vendas" in review
    assert "-R$ 2.598.880,41" not in review
    assert "48 L300 A00 3.01.01.01.02.06" in review
    assert f"Hashcode do arquivo {HASHCODE}" in review
    assert "PADARIA E CONFEITARIA PAO DOURADO LTDA" in review
    assert "MARIA DA SILVA CONTADORA (e-CPF, CPF 987.654.321-00) ✓ assinatura confere" in review
    # The e-CNPJ in the fixture is of another company (67.890.123): the page points it out.
    assert "o e-CNPJ é de outra empresa que a do arquivo (CNPJ 12.345.678/0001-95)" in review
    assert "Nenhum aviso." in review
    assert stored_proof(database).pending == (ACUCAR, ACME)  # nothing saved before "Salvar"

    saved = save(client, ACUCAR, acao="revisar")
    assert (saved.status_code, saved.headers["location"]) == (303, f"/empresas/{ACUCAR}#valores")
    assert "Valores salvos" in text_of(client.get(f"/empresas/{ACUCAR}"))

    contest = {
        "componente": "taxes",
        "valor": "2.300.000,00",
        "motivo": "ICMS pago a menor, DARF retificado",
    }
    contested = client.post(f"/empresas/{ACUCAR}/contestar", data=contest)
    assert contested.status_code == 303
    figure = text_of(client.get(f"/empresas/{ACUCAR}"))
    # The author is the signed-in person (never a typed name), and the contest is dated.
    assert re.search(
        r"\(-\) Impostos Sobre Serviços e Vendas R\$ 2\.300\.000,00 ✎ contestado: no arquivo "
        r"R\$ 2\.334\.121,87; motivo: ICMS pago a menor, DARF retificado \(Gestora do "
        r"Contrato, em \d\d/\d\d/20\d\d \d\d:\d\d \(horário de Brasília\)\)",
        figure,
    )
    assert "RECEITA LÍQUIDA DE SERVIÇOS E VENDAS R$ 10.436.339,36" in figure

    early = client.post("/concluir")
    assert early.status_code == 409
    refusal = text_of(early)
    assert "Não é possível concluir a comprovação COMPANIES_PENDING" in refusal
    assert (
        "Faltam os valores de 1 empresa(s): ACME ENGENHARIA LTDA — CNPJ 11.222.333/0001-81"
        in refusal
    )
    assert "COMÉRCIO DE AÇÚCAR SÃO JOÃO LTDA — CNPJ" not in refusal
    assert not stored_proof(database).concluded

    wrong = typed(
        client,
        ACME,
        gross_revenue="1.234,5x",
        cancellations="10.000,00",
        taxes="90.000,00",
        discounts="0,00",
    )
    assert wrong.status_code == 422
    shown = field_error(wrong, "gross_revenue")
    assert "Valor não aceito BAD_FORM_INPUT" in shown
    assert "gross_revenue" not in shown  # the page shows the label, not the Python name
    assert 'value="10.000,00"' in wrong.text  # what was typed stays in the form

    entered = typed(
        client,
        ACME,
        gross_revenue="1.000.000,00",
        cancellations="10.000,00",
        taxes="90.000,00",
        discounts="0,00",
    )
    assert entered.status_code == 303
    shown = text_of(client.get(f"/empresas/{ACME}"))
    assert "Origem: Formulário" in shown
    assert "RECEITA LÍQUIDA DE SERVIÇOS E VENDAS R$ 900.000,00" in shown
    left = save(client, ACME, acao="sair")
    assert (left.status_code, left.headers["location"]) == (303, "/")
    listing = text_of(client.get("/"))
    assert listing.count("Salvo") == 2
    assert "Pendente" not in listing

    asked = client.post("/concluir")
    assert asked.status_code == 200
    assert "Confirmar a conclusão da comprovação" in text_of(asked)
    assert not stored_proof(database).concluded  # only the confirmation concludes
    done = client.post("/concluir", data={"confirmar": "1"})
    assert (done.status_code, done.headers["location"]) == (303, "/recibo")
    final = text_of(client.get("/"))
    assert "Comprovação concluída. Receita Líquida total: R$ 11.336.339,36" in final
    assert final.count("Concluído") == 2
    assert "Concluir comprovação" not in final
    assert "Incluir empresa" not in final

    proof = stored_proof(database)
    assert proof.concluded
    concluded = proof.conclude()
    assert concluded.total_net_revenue == Decimal("11336339.36")
    assert [(cnpj, c.component, c.file_value) for cnpj, c in concluded.contested] == [
        (ACUCAR, "taxes", Decimal("2334121.87"))
    ]
    refused_after = client.post("/empresas", data={"cnpj": "33.444.555/0001-81"})
    assert refused_after.status_code == 422
    assert "PROOF_CONCLUDED" in refused_after.text


def test_gzip_upload_reads_the_signature_and_a_tampered_file_shows_it(client: TestClient) -> None:
    """A gzip upload is read and its signature checked; a changed digit shows "não confere"."""
    assert upload(client, ACUCAR, "ecf.gz", gzip.compress(SIGNED.read_bytes())).status_code == 303
    assert "✓ assinatura confere" in text_of(client.get(f"/empresas/{ACUCAR}"))
    client.post(f"/empresas/{ACUCAR}/descartar")
    tampered = (FIXTURES / "signed" / "tampered_digit.ecf").read_bytes()
    assert upload(client, ACUCAR, "ecf.txt", tampered).status_code == 303
    page = text_of(client.get(f"/empresas/{ACUCAR}"))
    assert "✗ não confere" in page
    # The library's reason ("the sha256 digest of the signed bytes differs from the
    # messageDigest …") reaches the person in Portuguese.
    assert "O texto não confere com a assinatura: " in page
    for english in ("digest", "signer", "the ", "differs"):
        assert english not in page


def test_an_unsigned_file_and_an_unreadable_signature(client: TestClient) -> None:
    """No block: said so. A block that cannot be read: its code, and the figure still shown."""
    plain = (FIXTURES / "real_annual_0012_crlf_latin1.txt").read_bytes()
    assert upload(client, ACUCAR, "ecf.txt", plain).status_code == 303
    assert "não traz bloco de assinatura" in text_of(client.get(f"/empresas/{ACUCAR}"))
    client.post(f"/empresas/{ACUCAR}/descartar")
    truncated = (FIXTURES / "signed" / "truncated_blob.ecf").read_bytes()
    assert upload(client, ACUCAR, "ecf.txt", truncated).status_code == 303
    page = text_of(client.get(f"/empresas/{ACUCAR}"))
    assert "Assinatura ilegível BAD_SIGNATURE" in page
    assert "R$ 10.402.217,49" in page


def test_uploads_over_the_limit_are_413(client: TestClient, database: Path) -> None:
    """Past the documented size: 413 from Content-Length, and from a chunked body as it streams."""
    big = b"|0000|LECF|" + b"x" * LIMIT
    declared = upload(client, ACUCAR, "ecf.txt", big)
    assert declared.status_code == 413
    assert "UPLOAD_TOO_LARGE" in declared.text
    assert "Arquivo grande demais" in declared.text

    boundary = "portal-test-boundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="arquivo"; filename="ecf.txt"\r\n'
        "Content-Type: text/plain\r\n\r\n"
    ).encode()

    def chunks() -> Iterator[bytes]:
        yield head
        for _ in range(LIMIT // 4096 + 2):
            yield b"y" * 4096
        yield f"\r\n--{boundary}--\r\n".encode()

    chunked = client.post(
        f"/empresas/{ACUCAR}/arquivo",
        content=chunks(),
        headers={"content-type": f"multipart/form-data; boundary={boundary}"},
    )
    assert chunked.status_code == 413
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM draft").fetchone() == (0,)


def test_refusals_show_the_code_next_to_what_caused_them(client: TestClient) -> None:
    """A file of another company, a file without a net revenue, no file at all, an empty reason."""
    scp = (FIXTURES / "x3_scp_0012.txt").read_bytes()
    other = upload(client, ACUCAR, "scp.txt", scp)
    assert other.status_code == 422
    assert "Operação recusada" in other.text
    assert re.search(r'class="code">(ANOTHER_COMPANY|COMPANY_NOT_IN_PROOF)<', other.text)

    empty = client.post(f"/empresas/{ACUCAR}/arquivo", files={"arquivo": ("", b"")})
    assert empty.status_code == 422
    assert "NO_FILE" in empty.text

    blank = upload(client, ACUCAR, "vazio.txt", b"")
    assert blank.status_code == 422
    assert "EMPTY_FILE" in blank.text

    upload(client, ACUCAR, "ecf.txt", SIGNED.read_bytes())
    save(client, ACUCAR, acao="revisar")
    no_reason = client.post(
        f"/empresas/{ACUCAR}/contestar",
        data={"componente": "taxes", "valor": "1,00", "motivo": " "},
    )
    assert no_reason.status_code == 422
    assert "REASON_REQUIRED" in field_error(no_reason, "motivo")
    bad_value = client.post(
        f"/empresas/{ACUCAR}/contestar",
        data={"componente": "taxes", "valor": "-5", "motivo": "x"},
    )
    assert "BAD_CONTEST_VALUE" in field_error(bad_value, "valor")


def test_a_contest_can_be_withdrawn(client: TestClient) -> None:
    """Withdrawing restores the file's value and net."""
    upload(client, ACUCAR, "ecf.txt", SIGNED.read_bytes())
    save(client, ACUCAR, acao="revisar")
    data = {"componente": "discounts", "valor": "0,00", "motivo": "sem desconto"}
    client.post(f"/empresas/{ACUCAR}/contestar", data=data)
    assert "R$ 10.467.136,22" in text_of(client.get(f"/empresas/{ACUCAR}"))
    withdrawn = client.post(f"/empresas/{ACUCAR}/retirar", data={"componente": "discounts"})
    assert withdrawn.status_code == 303
    page = text_of(client.get(f"/empresas/{ACUCAR}"))
    assert "R$ 10.402.217,49" in page
    assert "contestado" not in page


def test_replacing_a_saved_figure_says_so_first(client: TestClient) -> None:
    """The form over a saved ECF: the review warns it will replace, and saving notes REPLACED."""
    upload(client, ACUCAR, "ecf.txt", SIGNED.read_bytes())
    save(client, ACUCAR, acao="sair")
    values = {"gross_revenue": "100,00", "cancellations": "0", "taxes": "0", "discounts": "0"}
    assert typed(client, ACUCAR, **values).status_code == 303
    review = client.get(f"/empresas/{ACUCAR}")
    assert "salvar substitui os valores atuais" in text_of(review)
    assert 'name="substituir" value="1"' in review.text
    refused = save(client, ACUCAR, acao="sair")
    assert refused.status_code == 409
    assert "FIGURE_EXISTS" in refused.text
    save(client, ACUCAR, acao="sair", substituir="1")
    page = text_of(client.get(f"/empresas/{ACUCAR}"))
    assert "REPLACED" in page
    assert "R$ 100,00" in page


def test_including_and_excluding_companies(client: TestClient) -> None:
    """A bad CNPJ is refused next to the field; a saved company is excluded only when confirmed."""
    bad = client.post("/empresas", data={"cnpj": "11.111.111/1111-11", "razao_social": "X"})
    assert bad.status_code == 422
    assert "INVALID_CNPJ" in bad.text
    assert 'value="11.111.111/1111-11"' in bad.text
    twice = client.post("/empresas", data={"cnpj": ACME, "razao_social": ""})
    assert "ALREADY_LISTED" in twice.text
    added = client.post("/empresas", data={"cnpj": "33.444.555/0001-81", "razao_social": "NOVA"})
    assert added.status_code == 303
    assert "NOVA 33.444.555/0001-81 2025" in text_of(client.get("/"))
    assert client.post("/empresas/33444555000181/excluir").status_code == 303
    assert "NOVA" not in text_of(client.get("/"))

    upload(client, ACUCAR, "ecf.txt", SIGNED.read_bytes())
    save(client, ACUCAR, acao="sair")
    asked = client.post(f"/empresas/{ACUCAR}/excluir")
    assert asked.status_code == 409
    assert "FIGURE_EXISTS" in asked.text
    assert "Confirmar exclusão" in asked.text
    confirmed = client.post(f"/empresas/{ACUCAR}/excluir", data={"confirmar": "1"})
    assert confirmed.status_code == 303
    assert "AÇÚCAR" not in text_of(client.get("/"))


def test_errors_are_pages_not_tracebacks(client: TestClient, database: Path) -> None:
    """An unlisted company is a 404 with its code; a proof edited in the database, BAD_PROOF_DATA."""
    missing = client.get("/empresas/33444555000181")
    assert missing.status_code == 404
    assert "COMPANY_NOT_IN_PROOF" in missing.text
    assert client.get("/nada").status_code == 404

    upload(client, ACUCAR, "ecf.txt", SIGNED.read_bytes())
    save(client, ACUCAR, acao="sair")
    with sqlite3.connect(database) as connection:
        (data,) = connection.execute("SELECT data FROM proof").fetchone()
        edited = json.loads(data)
        edited["companies"][0]["metric"]["net_revenue"] = "99999999.99"
        connection.execute("UPDATE proof SET data = ?", (json.dumps(edited),))
    page = client.get("/")
    assert page.status_code == 500
    assert "BAD_PROOF_DATA" in page.text
    assert "Traceback" not in page.text
