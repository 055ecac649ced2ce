"""Every output of every fixture, in both languages, as stored under tests/golden/.

The golden files pin the outputs byte for byte, so that a change meant to move code around (and
nothing else) is seen to change nothing. For each fixture (every ``*.txt`` and ``*.ecf`` under
fixtures/, subfolders included) and each language (pt, the default, and en), one file holds:

- ``to_dict``: ``read(path).to_dict()`` as JSON, or the refusal (class, code, message);
- ``html``: the metric's ``_repr_html_()`` (when the file reads) and the validation report's;
- ``cli``, ``cli --csv``, ``cli --excel``, ``cli --check``: the command line's exit status,
  stdout and stderr, run in this process.

A change that alters an output on purpose regenerates them (from the repository's root) with

    python tests/golden_outputs.py

and the diff of tests/golden/ in the commit shows what changed.
"""

from __future__ import annotations

import contextlib
import inspect
import io
import json
import os
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import ecfmetric
from ecfmetric import EcfError

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
LANGS = ("pt", "en")
CLI_RUNS: tuple[tuple[str, ...], ...] = ((), ("--csv",), ("--excel",), ("--check",))


def fixtures() -> list[str]:
    """Every fixture file, as a path relative to the repository's root (``/`` separated)."""
    found = [
        path
        for pattern in ("*.txt", "*.ecf")
        for path in (ROOT / "fixtures").rglob(pattern)
        if path.is_file()
    ]
    return sorted(path.relative_to(ROOT).as_posix() for path in found)


def golden_path(fixture: str, lang: str) -> Path:
    """Where the outputs of ``fixture`` in ``lang`` are stored."""
    return GOLDEN / f"{fixture.removeprefix('fixtures/')}.{lang}.out"


@contextlib.contextmanager
def _captured() -> Iterator[list[str]]:
    """stdout and stderr as UTF-8 streams over bytes (with ``.buffer``, as a real console).

    The list it gives is filled, once the block is over, with what each stream received.
    """
    streams = (
        io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline=""),
        io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline=""),
    )
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = streams
    received: list[str] = []
    try:
        yield received
    finally:
        sys.stdout, sys.stderr = saved
        for stream in streams:
            stream.flush()
            received.append(stream.buffer.getvalue().decode("utf-8"))  # type: ignore[attr-defined]


def _refusal(error: EcfError) -> str:
    return f"{type(error).__name__} {getattr(error, 'code', None)}: {error}\n"


def outputs(fixture: str, lang: str) -> bytes:
    """All the outputs of ``fixture`` in ``lang``, one section each (run from the root)."""
    from ecfmetric.cli import _cli

    sections: list[str] = []
    with ecfmetric.language(lang):  # type: ignore[arg-type]
        try:
            metric = ecfmetric.read(fixture)
        except EcfError as error:
            metric = None
            sections.append("== to_dict (refused)\n" + _refusal(error))
        else:
            body = json.dumps(metric.to_dict(), ensure_ascii=False, indent=1, default=str)
            sections.append(f"== to_dict\n{body}\n")
            sections.append(f"== html metric\n{metric._repr_html_()}\n")
        try:
            report = ecfmetric.validate(fixture)
        except EcfError as error:
            sections.append("== html report (refused)\n" + _refusal(error))
        else:
            sections.append(f"== html report\n{report._repr_html_()}\n")
    for extra in CLI_RUNS:
        with _captured() as received:
            status = _cli.main([*extra, "--lang", lang, fixture])
        out, err = received
        sections.append(
            f"== cli {' '.join(extra)} -> {status}\n-- stdout\n{out}\n-- stderr\n{err}\n"
        )
    return "".join(sections).encode("utf-8")


def _members(owner: object) -> list[str]:
    """The public members of a class or module: kind, name and signature, one a line."""
    lines = []
    for name in sorted(vars(owner)):
        if name.startswith("_") and name not in ("__init__", "__call__"):
            continue
        value = vars(owner)[name]
        if isinstance(value, (staticmethod, classmethod)):
            value = value.__func__
        if isinstance(value, property):
            lines.append(f"  property {name}: {value.fget.__annotations__.get('return')}")
        elif callable(value) and not isinstance(value, type):
            lines.append(f"  def {name}{_signature(value)}")
        elif isinstance(owner, type) and name in getattr(owner, "__annotations__", {}):
            lines.append(f"  {name}: {owner.__annotations__[name]}")
    return lines


def _signature(value: object) -> str:
    try:
        return str(inspect.signature(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "(?)"


def _describe(name: str, value: object) -> list[str]:
    if isinstance(value, type):
        bases = ", ".join(base.__qualname__ for base in value.__bases__)
        fields = getattr(value, "__annotations__", {})
        head = [f"class {name}({bases}) from {value.__module__.split('.')[0]}"]
        head += [f"  {field}: {kind}" for field, kind in fields.items() if field[0] != "_"]
        return head + [
            line
            for line in _members(value)
            if not line.startswith(tuple(f"  {f}:" for f in fields))
        ]
    if inspect.ismodule(value):
        return [f"module {name}"]
    if callable(value):
        return [f"def {name}{_signature(value)}"]
    if isinstance(value, Mapping):  # a table (CODES, LABELS): its kind, not its rows
        return [f"{name}: {type(value).__qualname__}"]
    return [f"{name}: {type(value).__qualname__} = {value!r}"]


def api_snapshot() -> str:
    """The public API: every name of ``ecfmetric.__all__``, ``ecfmetric.types`` and
    ``ecfmetric.strategies``, with its kind and signature (classes with their fields and public
    methods)."""
    import ecfmetric.strategies
    import ecfmetric.types

    out = [f"ecfmetric.__all__ = {sorted(ecfmetric.__all__)}"]
    for name in sorted(ecfmetric.__all__):
        out += _describe(name, getattr(ecfmetric, name))
    for module in (ecfmetric.types, ecfmetric.strategies):
        public = getattr(module, "__all__", None) or [
            n for n in vars(module) if not n.startswith("_")
        ]
        out.append(f"== {module.__name__}: {sorted(public)}")
        for name in sorted(public):
            value = getattr(module, name)
            if inspect.ismodule(value) or getattr(value, "__module__", module.__name__) not in (
                module.__name__,
                "typing",
            ):
                continue
            out += _describe(name, value)
    return "\n".join(out) + "\n"


def regenerate() -> int:
    """Write every golden file anew (and remove those of fixtures that are gone)."""
    os.chdir(ROOT)
    written = set()
    for fixture in fixtures():
        for lang in LANGS:
            path = golden_path(fixture, lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(outputs(fixture, lang))
            written.add(path)
    (GOLDEN / "api.txt").write_text(api_snapshot(), encoding="utf-8")
    for stale in set(GOLDEN.rglob("*.out")) - written:
        stale.unlink()
    print(f"{len(written)} golden files under {GOLDEN.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(regenerate())
