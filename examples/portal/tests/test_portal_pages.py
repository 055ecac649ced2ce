"""Issue 20, the portal for Brazilian people: its README's test command in the environment its
"Run it" creates, no database left in the repository, pages that fit 390 px, the contest form
beside its value, a confirmation before concluding, a receipt, the library's labels, the same ⚠
in the review as in the list, and what to do next after every refusal."""

from __future__ import annotations

import ast
import csv
import fnmatch
import importlib.metadata
import io
import re
import sys
from pathlib import Path

from conftest import ACME, ACUCAR, COMPANIES, FIXTURES, PORTAL, REPO, PortalClient, make_client
from test_portal_flow import SIGNED, field_error, save, stored_proof, text_of, typed, upload

import ecfmetric
import present

# -- the README's commands ---------------------------------------------------------------------


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement(text: str) -> tuple[str, set[str], str]:
    match = re.match(r"\s*([A-Za-z0-9_.-]+)\s*(?:\[([^\]]*)\])?([^;]*)(?:;(.*))?", text)
    assert match is not None, text
    extras = {_normal(e) for e in (match.group(2) or "").split(",") if e.strip()}
    return _normal(match.group(1)), extras, match.group(4) or ""


def _closure(requirements: Path) -> set[str]:
    """The distributions ``pip install -r requirements`` installs (from the installed metadata)."""
    todo: list[tuple[str, set[str], bool]] = []
    for line in requirements.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-e "):
            bracket = re.search(r"\[([^\]]*)\]", line)
            chosen = (bracket.group(1) if bracket else "").split(",")
            todo.append(("ecfmetric", {_normal(e) for e in chosen if e}, False))
        elif line:
            name, wanted_extras, _ = _requirement(line)
            todo.append((name, wanted_extras, False))
    seen: set[str] = set()
    while todo:
        name, extras, marked = todo.pop()
        key = f"{name}[{','.join(sorted(extras))}]"
        if key in seen:
            continue
        try:
            requires = importlib.metadata.requires(name) or []
        except importlib.metadata.PackageNotFoundError:
            assert marked, f"{name} is required but not installed"
            continue  # a marker (python_version, sys_platform) left it out here
        seen.add(key)
        for needed in requires:
            child, child_extras, marker = _requirement(needed)
            wanted = re.findall(r"extra\s*==\s*['\"]([^'\"]+)['\"]", marker)
            if wanted and not {_normal(w) for w in wanted} & extras:
                continue
            todo.append((child, child_extras, bool(marker.strip())))
    return {key.split("[")[0] for key in seen}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_the_readme_test_command_runs_where_run_it_installs() -> None:
    """ "Run it" installs requirements.txt only; the "Tests" command then needs pytest, pytest-cov
    (its --no-cov, and the repository's --cov addopts) and every module the portal and its tests
    import: each must be in what requirements.txt installs."""
    readme = (PORTAL / "README.md").read_text()
    run_it = readme.split("## Run it", 1)[1].split("##", 1)[0]
    assert ".venv/bin/pip install -r examples/portal/requirements.txt" in run_it
    assert re.findall(r"pip install", run_it) == ["pip install"]
    tests = readme.split("## Tests", 1)[1].split("##", 1)[0]
    command = re.search(r"```sh\n(.*?)\n```", tests, re.S)
    assert command is not None
    assert command.group(1).strip().startswith(".venv/bin/python -m pytest examples/portal/tests")
    needed = {"pytest"}
    if "--no-cov" in command.group(1):
        needed.add("pytest-cov")
    local = {path.stem for path in PORTAL.glob("*.py")} | {
        path.stem for path in (PORTAL / "tests").glob("*.py")
    }
    mapping = importlib.metadata.packages_distributions()
    for path in [*PORTAL.glob("*.py"), *(PORTAL / "tests").glob("*.py")]:
        if path.name == "screenshots.py":  # its own requirements-screenshots.txt
            continue
        for module in _imports(path) - local - set(sys.stdlib_module_names) - {"__future__"}:
            needed.update(_normal(d) for d in mapping.get(module, [module]))
    installed = _closure(PORTAL / "requirements.txt")
    assert needed - installed == set()


def test_no_database_is_left_in_the_repository(database: Path) -> None:
    """Tests keep their databases under tmp; the default --db (portal.sqlite3 in the working
    directory, the repository's root when run as the README says) is ignored by git."""
    assert REPO not in database.parents
    patterns = [
        line.strip()
        for line in (REPO / ".gitignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert any(fnmatch.fnmatch("portal.sqlite3", p.lstrip("/")) for p in patterns)
    assert any(fnmatch.fnmatch("portal.sqlite3-journal", p.lstrip("/")) for p in patterns)


# -- pages ---------------------------------------------------------------------------------------


def every_page(client: PortalClient) -> dict[str, str]:
    """Each page of the flow, as HTML: list, upload refused, review, saved with a contest,
    a form error, the confirmation, the receipt, the sign-in form and an error page."""
    pages: dict[str, str] = {"lista": client.get("/").text}
    pages["recusado"] = upload(client, ACUCAR, "recibo.pdf", b"%PDF-1.7\n").text
    upload(client, ACUCAR, "ecf.txt", SIGNED.read_bytes())
    pages["conferir"] = client.get(f"/empresas/{ACUCAR}").text
    save(client, ACUCAR, acao="revisar")
    contest = {"componente": "taxes", "valor": "2.300.000,00", "motivo": "DARF retificado"}
    client.post(f"/empresas/{ACUCAR}/contestar", data=contest)
    pages["salvo"] = client.get(f"/empresas/{ACUCAR}").text
    pages["formulario"] = typed(client, ACME, gross_revenue="abc", cancellations="0").text
    typed(client, ACME, gross_revenue="1.000,00", cancellations="0", taxes="0", discounts="0")
    save(client, ACME, acao="sair")
    pages["confirmar"] = client.get("/concluir").text
    client.post("/concluir", data={"confirmar": "1"})
    pages["recibo"] = client.get("/recibo").text
    pages["erro"] = client.get("/nada").text
    pages["entrar"] = client.get("/entrar").text
    return pages


def test_every_table_stacks_on_a_phone(client: PortalClient) -> None:
    """At 390 px nothing may scroll sideways: every table of every page is a ``stack`` table,
    which the stylesheet turns into cards under 700 px; no fixed width passes 390 px."""
    css = client.get("/estilo.css").text
    phone = css.split("@media (max-width: 700px)", 1)[1].split("@media print", 1)[0]
    assert "table.stack thead { display: none; }" in phone
    assert "table.stack, table.stack tbody, table.stack tr, table.stack td" in phone
    widths = [int(w) for w in re.findall(r"(?<![-\w])width:\s*(\d+)px", css)]
    assert widths
    assert max(widths) <= 360
    for name, html in every_page(client).items():
        tables = re.findall(r"<table[^>]*>", html)
        assert all('class="' in t and "stack" in t for t in tables), (name, tables)
        assert "<style" not in html


def test_the_contest_form_is_beside_the_value_it_contests(client: PortalClient) -> None:
    """Each component's row holds its own contest form (the component fixed), so "Salvar e
    contestar" lands on the values with the forms in place (#valores)."""
    upload(client, ACUCAR, "ecf.txt", SIGNED.read_bytes())
    saved = save(client, ACUCAR, acao="revisar")
    assert saved.headers["location"].endswith("#valores")
    page = client.get(f"/empresas/{ACUCAR}").text
    section = page.split('id="valores"', 1)[1]
    for name, label in present.COMPONENTS.items():
        row = re.search(rf"<tr>\s*<td>{re.escape(label)}</td>(.*?)</tr>", section, re.S)
        assert row is not None, label
        assert f'action="/empresas/{ACUCAR}/contestar"' in row.group(1)
        assert f'name="componente" value="{name}"' in row.group(1)
    refused = client.post(
        f"/empresas/{ACUCAR}/contestar",
        data={"componente": "discounts", "valor": "1,00", "motivo": ""},
    )
    row = re.search(r"<td>\(-\) Descontos Incondicionais</td>(.*?)</tr>", refused.text, re.S)
    assert row is not None
    assert 'id="erro-motivo"' in row.group(1)
    assert "REASON_REQUIRED" in field_error(refused, "motivo")


def test_concluding_asks_for_confirmation_and_gives_a_receipt(
    client: PortalClient, database: Path
) -> None:
    """The confirmation shows each figure and the total; only "Confirmar" concludes; the receipt
    (printable, and CSV) has the date, who concluded, each company's figure, source, contest
    (dated). Total: (10402217.49 + 34121.87) + (1000000.00 - 10000.00) = 11426339.36."""
    upload(client, ACUCAR, "ecf.txt", SIGNED.read_bytes())
    save(client, ACUCAR, acao="revisar")
    contest = {"componente": "taxes", "valor": "2.300.000,00", "motivo": "DARF retificado"}
    client.post(f"/empresas/{ACUCAR}/contestar", data=contest)
    typed(
        client,
        ACME,
        gross_revenue="1.000.000,00",
        cancellations="10.000,00",
        taxes="0",
        discounts="0",
    )
    save(client, ACME, acao="sair")
    assert 'href="/concluir"' in client.get("/").text
    asked = text_of(client.get("/concluir"))
    assert "Confirmar a conclusão da comprovação" in asked
    assert "R$ 10.436.339,36" in asked
    assert "R$ 990.000,00" in asked
    assert "Receita Líquida total R$ 11.426.339,36" in asked
    assert not stored_proof(database).concluded
    assert client.get("/recibo").headers["location"] == "/concluir"
    done = client.post("/concluir", data={"confirmar": "1"})
    assert done.headers["location"] == "/recibo"
    receipt = text_of(client.get("/recibo"))
    when = r"\d\d/\d\d/20\d\d \d\d:\d\d \(horário de Brasília\)"
    assert re.search(rf"Concluída em {when} por Gestora do Contrato \(gestor\)", receipt)
    assert "COMÉRCIO DE AÇÚCAR SÃO JOÃO LTDA CNPJ 12.345.678/0001-95 Arquivo ECF ecf.txt" in receipt
    assert "hashcode 495E5D596B75C3B317ED092C54D60F03F21DF36A assinatura confere" in receipt
    assert "ACME ENGENHARIA LTDA CNPJ 11.222.333/0001-81 Formulário" in receipt
    assert re.search(
        r"✎ \(-\) Impostos Sobre Serviços e Vendas: R\$ 2\.300\.000,00 \(no arquivo "
        rf"R\$ 2\.334\.121,87\); motivo: DARF retificado; por Gestora do Contrato, em {when}",
        receipt,
    )
    assert "Receita Líquida total R$ 11.426.339,36" in receipt
    css = client.get("/estilo.css").text
    assert "@media print" in css
    exported = client.get("/recibo.csv")
    assert exported.headers["content-type"].startswith("text/csv")
    assert 'filename="recibo-2025.csv"' in exported.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig")), delimiter=";"))
    header = rows[0]
    assert header[:6] == ["Razão Social", "CNPJ", "Ano Referência", "Origem", "Arquivo", "Hashcode"]
    assert header[6:12] == [ecfmetric.LABELS[n] for n in present.COMPONENTS] + [present.NET_LABEL]
    acucar, acme, total = rows[1], rows[2], rows[3]
    assert acucar[:2] == ["COMÉRCIO DE AÇÚCAR SÃO JOÃO LTDA", "12.345.678/0001-95"]
    assert acucar[6] == "13001097,90"
    assert acucar[8] == "2300000,00"  # taxes, contested
    assert acucar[11] == "10436339,36"
    assert "DARF retificado" in acucar[12]
    assert "Gestora do Contrato" in acucar[12]
    assert re.fullmatch(r"\d\d/\d\d/20\d\d \d\d:\d\d \(horário de Brasília\)", acucar[13])
    assert acucar[14] == "Gestora do Contrato (gestor)"
    assert acme[3] == "Formulário"
    assert acme[11] == "990000,00"
    assert total[0] == "TOTAL"
    assert total[11] == "11426339,36"


def test_the_labels_are_the_library_s(client: PortalClient) -> None:
    """No copy of the labels in the portal: its tables are ``ecfmetric.LABELS``."""
    assert {k: v for k, v in ecfmetric.LABELS.items() if k != "net_revenue"} == present.COMPONENTS
    assert ecfmetric.LABELS["net_revenue"] == present.NET_LABEL
    assert list(present.FORM_FIELDS) == ["gross_revenue", "cancellations", "taxes", "discounts"]
    source = (PORTAL / "present.py").read_text()
    assert "TOTAL RECEITA BRUTA" not in source
    upload(client, ACUCAR, "ecf.txt", SIGNED.read_bytes())
    page = text_of(client.get(f"/empresas/{ACUCAR}"))
    assert f"{ecfmetric.LABELS['other_deductions']} R$ 12.407,66" in page


def test_the_review_shows_the_same_warning_mark_as_the_list(database: Path) -> None:
    """A file whose own RECEITA LIQUIDA disagrees with its lines (fixture
    real_annual_0012_mismatch: 4109707,29 stated, 4073707,29 computed) is marked ⚠ with its
    code before saving, as the list marks it after."""
    companies = [*COMPANIES, ("78.901.234/0001-05", "DISTRIBUIDORA DE ALIMENTOS CORAÇÃO LTDA")]
    with make_client(database, companies=companies) as client:
        mismatch = (FIXTURES / "real_annual_0012_mismatch.txt").read_bytes()
        assert upload(client, "78901234000105", "ecf.txt", mismatch).status_code == 303
        review = text_of(client.get("/empresas/78901234000105"))
        assert (
            "RECEITA LÍQUIDA DE SERVIÇOS E VENDAS R$ 4.073.707,29 ⚠ NET_REVENUE_MISMATCH" in review
        )
        assert "O próprio arquivo não confere com esta receita líquida" in review
        save(client, "78901234000105", acao="sair")
        listing = client.get("/").text
    assert re.search(
        r'R\$ 4\.073\.707,29 <span class="bad" title="NET_REVENUE_MISMATCH">⚠</span>', listing
    )


def _next(html: str) -> str:
    match = re.search(r'<span class="next">O que fazer: (.*?)</span>', html, re.S)
    assert match is not None, "no next step"
    return match.group(1)


def test_every_refusal_says_what_to_do_next(client: PortalClient) -> None:
    """A file that is not an ECF, an empty one, a damaged archive: send it as transmitted. A
    truncated one: generate it again in the ECF program. A file of another company: its own ECF
    or the form. A page that does not exist: back to the list."""
    as_sent = "exatamente como foi transmitido"
    again = "gere-o de novo no programa da ECF"
    form = "Por formulário"
    cases = [
        ("recibo.pdf", b"%PDF-1.7\n", "NOT_ECF", as_sent),
        ("vazio.txt", b"", "EMPTY_FILE", as_sent),
        ("ecf.zip", b"PK\x03\x04" + b"\x00" * 40, None, as_sent),
        ("ecf.txt", (FIXTURES / "truncated_no_9999.txt").read_bytes(), "TRUNCATED", again),
        ("scp.txt", (FIXTURES / "x3_scp_0012.txt").read_bytes(), None, form),
    ]
    for name, data, code, advice in cases:
        refused = upload(client, ACUCAR, name, data)
        assert refused.status_code == 422, name
        if code is not None:
            assert f'class="code">{code}<' in refused.text
        assert advice in _next(refused.text), (name, _next(refused.text))
    assert "Volte à lista" in _next(client.get("/nada").text)
    nothing = client.post(f"/empresas/{ACUCAR}/arquivo", files={"arquivo": ("", b"")})
    assert 'class="code">NO_FILE<' in nothing.text
    assert as_sent in _next(nothing.text)
    bad_form = typed(client, ACME, gross_revenue="abc", cancellations="0", taxes="0", discounts="0")
    assert "Corrija o valor" in _next(bad_form.text)
    early = client.post("/concluir")
    assert "pendentes" in _next(early.text)


def test_no_english_reaches_the_pages(client: PortalClient) -> None:
    """Every page of the flow in Portuguese: no English sentence words in what a person reads."""
    english = re.compile(
        r"\b(the|and|of|is|not|signer|digest|file|cannot|must|should|gross_revenue|"
        r"cancellations|taxes|discounts|other_deductions|net_revenue)\b"
    )
    for name, html in every_page(client).items():
        visible = " ".join(re.sub(r"<[^>]+>", " ", html).split())
        found = english.findall(visible)
        assert not found, (name, found, visible[:300])


def test_every_refused_field_is_shown_next_to_it(client: PortalClient) -> None:
    """Three bad amounts: each field the library refuses gets its own error under its label
    (all three once the library reports them at once, issue 20; the one it names before)."""
    values = {"gross_revenue": "abc", "cancellations": "1,2,3", "taxes": "x9", "discounts": "0"}
    try:
        ecfmetric.from_form(**values, cnpj=ACME, reference_year=2025)
    except ecfmetric.FormInputError as error:
        refused = {item.field for item in getattr(error, "refused", ())} or {error.field}
    else:  # pragma: no cover
        raise AssertionError("the library took three bad amounts")
    page = typed(client, ACME, **values)
    assert page.status_code == 422
    for field in refused:
        shown = field_error(page, field)
        assert "Valor não aceito BAD_FORM_INPUT" in shown
        assert field not in shown  # the label is above it; no Python name
    assert 'id="erro-discounts"' not in page.text
    for typed_value in values.values():
        assert f'value="{typed_value}"' in page.text  # what was typed stays
