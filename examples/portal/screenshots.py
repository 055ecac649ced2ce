"""Take a screenshot of each page of the portal, in headless Chromium, walking the whole flow at
1280 px and at 390 px (a phone), and check that no page scrolls sideways.

Not run by CI. Needs ``pip install -r examples/portal/requirements-screenshots.txt`` (Selenium)
and Chromium with its driver (Debian: ``apt-get install chromium chromium-driver``)::

    python examples/portal/screenshots.py    # writes examples/portal/screenshots/{1280,390}/*.png

The portal is started on a free port with a new database (``--demo``) and one person for the
whole contract, as a person would use it.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.wait import WebDriverWait

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import access  # noqa: E402  (needs the path above)
from store import ALL, Store  # noqa: E402

FIXTURES = HERE.parents[1] / "fixtures"
ACUCAR = "12345678000195"
ACME = "11222333000181"
LOGIN, NAME, PASSWORD = "gestora", "Ana Souza", "senha-de-demonstracao"
WIDTHS = (1280, 390)


@contextmanager
def portal(database: Path) -> Iterator[str]:
    with Store(database).transaction() as session:
        access.add_person(session, LOGIN, NAME, PASSWORD, [ALL])
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, str(HERE / "app.py"), "--port", str(port), "--demo"]
    command += ["--db", str(database)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(url + "/entrar", timeout=2).close()
                break
            except OSError:
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def browser(chromium: str, driver: str, width: int) -> WebDriver:
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=pt-BR"):
        options.add_argument(argument)
    options.add_argument(f"--window-size={max(width, 500)},900")
    # The file input's button is the browser's own text, in the language of its environment.
    service = Service(
        executable_path=driver, env={**os.environ, "LANGUAGE": "pt_BR", "LANG": "pt_BR.UTF-8"}
    )
    return webdriver.Chrome(options=options, service=service)


class Shooter:
    def __init__(self, driver: WebDriver, out: Path, width: int) -> None:
        self.driver = driver
        self.out = out
        self.width = width
        self.count = 0
        self.overflow: list[str] = []

    def viewport(self, height: int) -> None:
        """The page's viewport, by device emulation (a window cannot be narrower than 500 px)."""
        metrics = {"width": self.width, "height": height, "deviceScaleFactor": 1}
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride", {**metrics, "mobile": self.width < 700}
        )

    def shot(self, name: str) -> None:
        """The whole page (the viewport made as tall as the document), after checking that the
        document is no wider than the viewport."""
        self.viewport(900)
        self.driver.execute_script("window.scrollTo(0, 0)")
        wide = self.driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]"
        )
        if int(wide[0]) > int(wide[1]) or int(wide[1]) != self.width:
            self.overflow.append(f"{name}: {wide[0]} px wide in a {wide[1]} px viewport")
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.viewport(max(600, min(int(height), 8000)))
        self.count += 1
        path = self.out / f"{self.count:02d}-{name}.png"
        self.driver.save_screenshot(str(path))
        self.viewport(900)
        print(path)

    def click(self, text: str) -> None:
        """Press a button or follow a link, and wait for the next page."""
        self.press(By.XPATH, f"//*[self::button or self::a][normalize-space()='{text}']")

    def press(self, by: str, selector: str) -> None:
        """Click the element found, then wait until the next page has replaced this one and
        finished loading."""
        page = self.driver.find_element(By.TAG_NAME, "html")
        self.driver.find_element(by, selector).click()
        wait = WebDriverWait(self.driver, 30)
        wait.until(lambda _driver: _replaced(page))
        wait.until(lambda d: d.execute_script("return document.readyState") == "complete")

    def fill(self, values: dict[str, str], within: str = "") -> None:
        for name, value in values.items():
            field = self.driver.find_element(By.CSS_SELECTOR, f"{within} [name='{name}']".strip())
            field.clear()
            field.send_keys(value)


def _replaced(page: WebElement) -> bool:
    """Whether ``page`` (the old document's root) is gone. Chromedriver reports a node of a
    document that was replaced either as a stale element or, now and then, as the unknown error
    "Node with given id does not belong to the document" (seen in CI with Chromium 150);
    selenium's staleness_of() takes only the first, so the walk failed by luck. Both mean gone;
    any other error is raised."""
    try:
        page.is_enabled()
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return True
        raise
    return False


def walk(shooter: Shooter, url: str, scratch: Path) -> None:
    driver = shooter.driver
    driver.get(url + "/")
    shooter.shot("entrar")
    shooter.fill({"login": LOGIN, "senha": PASSWORD})
    shooter.click("Entrar")
    shooter.shot("lista")

    driver.get(f"{url}/empresas/{ACUCAR}")
    shooter.shot("por-arquivo")
    pdf = scratch / "recibo.pdf"
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n")
    driver.find_element(By.NAME, "arquivo").send_keys(str(pdf))
    shooter.click("Enviar arquivo")
    shooter.shot("arquivo-recusado")

    signed = FIXTURES / "signed" / "two_signerinfos.ecf"
    driver.find_element(By.NAME, "arquivo").send_keys(str(signed))
    shooter.click("Enviar arquivo")
    shooter.shot("conferir-arquivo")
    shooter.click("Salvar e contestar um valor")
    driver.find_element(By.CSS_SELECTOR, "#contestar-taxes summary").click()
    shooter.fill({"valor": "2.300.000,00", "motivo": ""}, "#contestar-taxes")
    shooter.press(By.CSS_SELECTOR, "#contestar-taxes button")
    shooter.shot("contestacao-recusada")
    shooter.fill({"motivo": "ICMS pago a menor, DARF retificado"}, "#contestar-taxes")
    shooter.press(By.CSS_SELECTOR, "#contestar-taxes button[type=submit]")
    shooter.shot("valor-contestado")

    driver.get(url + "/")
    shooter.click("Concluir comprovação")
    shooter.shot("conclusao-recusada")

    driver.get(f"{url}/empresas/{ACME}?modo=formulario")
    shooter.shot("por-formulario")
    amounts = {
        "gross_revenue": "1.234,5x",
        "cancellations": "10.000,00",
        "taxes": "90.000,00",
        "discounts": "0,00",
    }
    shooter.fill(amounts)
    shooter.click("Conferir valores")
    shooter.shot("formulario-erro")
    shooter.fill({"gross_revenue": "1.000.000,00"})
    shooter.click("Conferir valores")
    shooter.shot("conferir-formulario")
    shooter.click("Salvar e sair")
    shooter.shot("lista-salva")
    shooter.click("Concluir comprovação")
    shooter.shot("confirmar-conclusao")
    shooter.click("Confirmar e concluir")
    shooter.shot("recibo")
    driver.get(url + "/")
    shooter.shot("concluida")


def run(
    out: Path,
    widths: Sequence[int] = WIDTHS,
    chromium: str = "/usr/bin/chromium",
    driver: str = "/usr/bin/chromedriver",
) -> list[str]:
    """Walk the flow once per width into ``out/WIDTH/``; the pages that scrolled sideways."""
    overflow: list[str] = []
    for width in widths:
        folder = out / str(width)
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.png"):
            old.unlink()
        with (
            tempfile.TemporaryDirectory() as scratch,
            portal(Path(scratch) / "portal.sqlite3") as url,
        ):
            chrome = browser(chromium, driver, width)
            try:
                shooter = Shooter(chrome, folder, width)
                walk(shooter, url, Path(scratch))
                overflow += [f"{width} px, {line}" for line in shooter.overflow]
            finally:
                chrome.quit()
    return overflow


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "screenshots")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--driver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    overflow = run(args.out, WIDTHS, args.chromium, args.driver)
    if overflow:
        sys.exit("páginas mais largas que a janela:\n" + "\n".join(overflow))


if __name__ == "__main__":
    main()
