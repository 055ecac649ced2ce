"""Take a screenshot of each page of the portal, in headless Chromium, walking the whole flow.

Not run by CI. Needs ``pip install -r examples/portal/requirements-screenshots.txt`` (Selenium)
and Chromium with its driver (Debian: ``apt-get install chromium chromium-driver``)::

    python examples/portal/screenshots.py            # writes examples/portal/screenshots/*.png

The portal is started on a free port with a new database (``--demo``), as a person would use it.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parents[1] / "fixtures"
ACUCAR = "12345678000195"
ACME = "11222333000181"
WIDTH = 1280


@contextmanager
def portal(database: Path, max_upload_mb: int) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, str(HERE / "app.py"), "--port", str(port), "--demo"]
    command += ["--db", str(database), "--max-upload-mb", str(max_upload_mb)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(url, timeout=2).close()
                break
            except OSError:
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def browser(chromium: str, driver: str) -> WebDriver:
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=pt-BR"):
        options.add_argument(argument)
    options.add_argument(f"--window-size={WIDTH},900")
    service = Service(executable_path=driver)
    return webdriver.Chrome(options=options, service=service)


class Shooter:
    def __init__(self, driver: WebDriver, out: Path) -> None:
        self.driver = driver
        self.out = out
        self.count = 0

    def shot(self, name: str) -> None:
        """The whole page: the window is made as tall as the document first."""
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(WIDTH, max(600, min(int(height) + 20, 6000)))
        self.count += 1
        path = self.out / f"{self.count:02d}-{name}.png"
        self.driver.save_screenshot(str(path))
        self.driver.set_window_size(WIDTH, 900)
        print(path.relative_to(HERE))

    def click(self, text: str) -> None:
        self.driver.find_element(By.XPATH, f"//button[normalize-space()='{text}']").click()

    def fill(self, values: dict[str, str]) -> None:
        for name, value in values.items():
            field = self.driver.find_element(By.NAME, name)
            if field.tag_name == "select":
                field.find_element(By.CSS_SELECTOR, f"option[value='{value}']").click()
            else:
                field.clear()
                field.send_keys(value)


def walk(shooter: Shooter, url: str, scratch: Path) -> None:
    driver = shooter.driver
    driver.get(url + "/")
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
    shooter.fill({"componente": "taxes", "valor": "2.300.000,00", "motivo": ""})
    shooter.click("Contestar")
    shooter.shot("contestacao-recusada")
    shooter.fill({"motivo": "ICMS pago a menor, DARF retificado", "responsavel": "Ana"})
    shooter.click("Contestar")
    shooter.shot("valor-contestado")

    driver.get(url + "/")
    shooter.click("Concluir comprovação")
    shooter.shot("conclusao-recusada")

    driver.get(f"{url}/empresas/{ACME}?modo=formulario")
    shooter.shot("por-formulario")
    amounts = {
        "gross_revenue": "1.234",
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
    shooter.shot("concluida")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "screenshots")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--driver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory() as scratch,
        portal(Path(scratch) / "portal.sqlite3", 64) as url,
    ):
        driver = browser(args.chromium, args.driver)
        try:
            walk(Shooter(driver, args.out), url, Path(scratch))
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
