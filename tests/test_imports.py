"""Lazy imports: every public name resolves, and each call loads only the modules it needs."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import ecfmetric

ROOT = Path(__file__).parent.parent
INIT = ROOT / "src" / "ecfmetric" / "__init__.py"
LATIN1 = ROOT / "fixtures" / "real_annual_0012_crlf_latin1.txt"
UTF8 = ROOT / "fixtures" / "real_quarterly_0008_lf_utf8.txt"

# Loaded only by the calls that need them, never by read() on a plain file.
HEAVY = (
    "asn1crypto",
    "chardet",
    "concurrent.futures",
    "cryptography",
    "csv",
    "ecfmetric.present._html",
    "ecfmetric.reading._pool",
    "ecfmetric.proof._proof",
    "ecfmetric.ecf._signature",
    "ecfmetric.reading._validate",
    "ecfmetric.strategies",
    "gzip",
    "hypothesis",
    "json",
    "multiprocessing",
    "zipfile",
)


def _modules_after(code: str, *args: str) -> set[str]:
    """The modules loaded by ``code`` in a fresh interpreter."""
    script = f"import sys\nbefore = set(sys.modules)\n{code}\nloaded = set(sys.modules) - before\nprint(*sorted(loaded))"
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True
    )
    return set(done.stdout.splitlines()[-1].split())


@pytest.mark.parametrize("name", ecfmetric.__all__)
def test_every_public_name_resolves(name: str) -> None:
    """Each name in __all__ is an attribute, importable with `from ecfmetric import name`."""
    namespace: dict[str, object] = {}
    exec(f"from ecfmetric import {name}", namespace)
    assert namespace[name] is getattr(ecfmetric, name)
    assert name in dir(ecfmetric)


def test_the_types_submodule_is_loaded_on_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    """`ecfmetric.types`, not yet bound (as in a fresh interpreter), is the submodule."""
    monkeypatch.delattr(ecfmetric, "types")
    assert ecfmetric.types is sys.modules["ecfmetric.types"]


def test_star_import_and_unknown_names() -> None:
    """`from ecfmetric import *` gives __all__; an unknown name is an AttributeError."""
    namespace: dict[str, object] = {}
    exec("from ecfmetric import *", namespace)
    assert set(ecfmetric.__all__) <= set(namespace)
    with pytest.raises(AttributeError, match="has no attribute 'reed'"):
        ecfmetric.reed  # type: ignore[attr-defined]  # noqa: B018


def test_type_checking_imports_match_the_lazy_table() -> None:
    """What mypy sees (the TYPE_CHECKING imports) is what __getattr__ loads, name for name."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If))
    assert isinstance(block.test, ast.Name)
    assert block.test.id == "TYPE_CHECKING"
    seen: dict[str, str] = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom)
        for alias in node.names:
            seen[alias.name] = node.module or alias.name
    where = dict(ecfmetric._WHERE)
    where["types"] = "types"  # `from . import types`: the submodule itself
    assert seen == where
    assert set(seen) | {"__version__"} == set(ecfmetric.__all__)


def test_import_alone_loads_no_submodule() -> None:
    """`import ecfmetric` loads the package and nothing else: no attrs, no typing."""
    loaded = _modules_after("import ecfmetric")
    assert {m for m in loaded if m.startswith("ecfmetric")} == {"ecfmetric"}
    assert not loaded & {"attrs", "typing", "decimal", "concurrent.futures"}


@pytest.mark.parametrize("path", [LATIN1, UTF8], ids=["latin1", "utf8"])
def test_read_loads_only_the_reading_path(path: Path) -> None:
    """read() on a plain Latin-1 or UTF-8 file loads no pool, proof, signature, archive or chardet."""
    loaded = _modules_after("import ecfmetric\necfmetric.read(sys.argv[1])", str(path))
    assert "ecfmetric.facts._collect" in loaded
    assert not {m for m in loaded if m.split(".")[0] in HEAVY or m in HEAVY}


def test_the_cli_loads_only_what_its_options_need() -> None:
    """`ecfmetric FILE` loads neither validate() nor the signature code, nor what only standard
    input or an internal error needs (tempfile, traceback); --check does load its modules."""
    run = "from ecfmetric.cli._cli import main\nmain(sys.argv[1:])"
    plain = _modules_after(run, str(LATIN1))
    assert not {m for m in plain if m in HEAVY or m.split(".")[0] in HEAVY}
    assert not plain & {"tempfile", "traceback"}
    checked = _modules_after(run, "--check", "--json", str(LATIN1))
    assert {"ecfmetric.reading._validate", "ecfmetric.ecf._signature", "json"} <= checked


def test_the_cli_start_up_loads_no_renderer_it_does_not_use() -> None:
    """--json loads no text renderer, no CSV writer and no shutil (argparse's help formatter
    asks the terminal's width only for help and usage errors); text output loads its renderer,
    CSV its writer."""
    run = "from ecfmetric.cli._cli import main\nmain(sys.argv[1:])"
    as_json = _modules_after(run, "--json", str(LATIN1))
    assert "json" in as_json
    assert not as_json & {
        "ecfmetric.present._text",
        "ecfmetric.present._cli_export",
        "csv",
        "shutil",
    }
    assert "ecfmetric.present._text" in _modules_after(run, str(LATIN1))
    assert {"ecfmetric.present._cli_export", "csv"} <= _modules_after(run, "--csv", str(LATIN1))


def test_a_pool_is_imported_only_for_several_workers(tmp_path: Path) -> None:
    """read_many(workers=1) reads in process without concurrent.futures; workers=2 loads it."""
    code = "import ecfmetric\nlist(ecfmetric.read_many([sys.argv[1]] * 2, workers={}))"
    alone = _modules_after(code.format(1), str(LATIN1))
    assert "ecfmetric.reading._many" in alone
    assert not alone & {"ecfmetric.reading._pool", "concurrent.futures", "multiprocessing"}
    pooled = _modules_after(code.format(2), str(LATIN1))
    assert {"ecfmetric.reading._pool", "concurrent.futures"} <= pooled


def test_archives_load_their_module_when_met(tmp_path: Path) -> None:
    """A gzip input is read by zlib alone (not gzip.GzipFile, which reads concatenated
    streams as one), not zipfile; a ZIP input loads zipfile."""
    import gzip
    import zipfile

    packed = tmp_path / "ecf.txt.gz"
    packed.write_bytes(gzip.compress(LATIN1.read_bytes()))
    zipped = tmp_path / "ecf.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(LATIN1, "ecf.txt")
    code = "import ecfmetric\necfmetric.read(sys.argv[1])"
    from_gzip = _modules_after(code, str(packed))
    assert "gzip" not in from_gzip
    assert "zipfile" not in from_gzip
    assert "zipfile" in _modules_after(code, str(zipped))
