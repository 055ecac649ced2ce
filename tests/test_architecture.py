"""The architecture's rules that import-linter's layers contract does not see (docs/architecture.md).

- No import circle between modules of ecfmetric, inside a floor or across floors. The only
  edges left out are the seams the contract in pyproject.toml names in ``ignore_imports`` (a
  notebook's ``_repr_html_`` reaching the HTML renderer).
- No import inside a function or method, except one marked ``# seam: <reason>`` (on the import's
  own line or the line right above it): a module loaded only when needed, said why.
- No module and no class over :data:`MAX_LINES` lines of code (lines holding code: blank lines,
  comments and docstrings do not count), except the catalogues of :data:`DATA_MODULES`.

The imports are read from the source with ``ast`` (top-level, inside functions and under
``TYPE_CHECKING`` alike, as import-linter reads them), so the checks see every import whether
it runs or not.

:data:`BEING_SPLIT_NOW` holds what the splits of issue 21 under way will remove. Each entry
must still be needed: an entry whose circle, import or size is gone fails the test, so the list
shrinks as the work lands and cannot outlive its cause. It ends empty.
"""

from __future__ import annotations

import ast
import io
import itertools
import re
import tokenize
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).parent.parent
SRC = ROOT / "src"
PACKAGE = "ecfmetric"

#: The most lines of code a module or a class may hold.
MAX_LINES = 300

#: Modules that are tables, not logic: allowed past MAX_LINES, each with its reason.
DATA_MODULES: dict[str, str] = {
    "base/_codes.py": "the code catalogue: one entry per code, its meaning in both languages",
    "base/_messages_pt.py": "the Portuguese catalogue: one entry per English message template",
}


@dataclass(frozen=True)
class Allowance:
    """Exceptions to the rules, each with who removes it: they must all still be needed."""

    #: One import edge per circle, the one expected to go: (importer, imported).
    circle_edges: dict[tuple[str, str], str]
    #: (file under src/ecfmetric, the module it imports inside a function, unmarked).
    function_imports: dict[tuple[str, str], str]
    #: A file, or ``file::Class``, over MAX_LINES lines of code.
    oversized: dict[str, str]


#: What the splits under way (issue 21) remove; the lead empties it as each branch is merged.
BEING_SPLIT_NOW = Allowance(circle_edges={}, function_imports={}, oversized={})

_K = TypeVar("_K")
_SEAM = re.compile(r"#\s*seam:\s*\S")
_NOT_CODE = {
    tokenize.COMMENT,
    tokenize.NL,
    tokenize.NEWLINE,
    tokenize.INDENT,
    tokenize.DEDENT,
    tokenize.ENCODING,
    tokenize.ENDMARKER,
}


@dataclass(frozen=True)
class Import:
    """One import statement: where it is, what it loads, whether it runs inside a function."""

    file: str  # relative to the package's folder, with "/"
    line: int
    importer: str
    targets: tuple[str, ...]  # absolute module names (of the package or not)
    in_function: bool
    seam: bool


def _modules(src: Path, package: str) -> dict[str, Path]:
    """Every module of ``package`` under ``src`` by its dotted name."""
    found: dict[str, Path] = {}
    for path in sorted((src / package).rglob("*.py")):
        parts = path.relative_to(src).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _targets(node: ast.Import | ast.ImportFrom, importer: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        here = importer.split(".") if is_package else importer.split(".")[:-1]
        anchor = ".".join(here[: len(here) - node.level + 1])
        base = f"{anchor}.{base}" if base else anchor
    # `from pkg import name` loads pkg.name when that is a module (checked by the caller).
    return [base, *(f"{base}.{alias.name}" for alias in node.names)]


def _walk(node: ast.AST, in_function: bool) -> Iterable[tuple[ast.Import | ast.ImportFrom, bool]]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child, in_function
        inside = in_function or isinstance(
            child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
        )
        yield from _walk(child, inside)


def read_imports(src: Path, package: str) -> list[Import]:
    """Every import statement in ``package`` (a folder under ``src``), in file and line order."""
    modules = _modules(src, package)
    found: list[Import] = []
    for name, path in modules.items():
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for node, in_function in _walk(ast.parse(text), False):
            named = _targets(node, name, path.name == "__init__.py")
            if isinstance(node, ast.ImportFrom):
                base, *members = named
                modules_named = [member for member in members if member in modules]
                named = [base] if len(modules_named) < len(members) else []
                named += modules_named
            end = node.end_lineno or node.lineno
            nearby = lines[node.lineno - 1 : end]
            above = lines[node.lineno - 2].strip() if node.lineno > 1 else ""
            if above.startswith("#"):
                nearby.append(above)
            found.append(
                Import(
                    file=path.relative_to(src / package).as_posix(),
                    line=node.lineno,
                    importer=name,
                    targets=tuple(dict.fromkeys(named)),
                    in_function=in_function,
                    seam=any(_SEAM.search(line) for line in nearby),
                )
            )
    return found


Edges = dict[tuple[str, str], list[Import]]


def import_edges(imports: Iterable[Import], package: str) -> Edges:
    """The import graph between the package's modules: each edge with the imports that make it."""
    edges: Edges = {}
    for item in imports:
        for target in item.targets:
            if (target == package or target.startswith(f"{package}.")) and target != item.importer:
                edges.setdefault((item.importer, target), []).append(item)
    return edges


def circles(edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """The strongly connected components of more than one module, each sorted, in name order."""
    graph: dict[str, list[str]] = {}
    for importer, imported in edges:
        graph.setdefault(importer, []).append(imported)
        graph.setdefault(imported, [])
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        # Tarjan's algorithm, iterative: (node, its next neighbour's position).
        work = [(root, 0)]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, at = work[-1]
            neighbours = sorted(graph[node])
            if at < len(neighbours):
                work[-1] = (node, at + 1)
                nxt = neighbours[at]
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found)


def one_cycle(component: list[str], edges: Iterable[tuple[str, str]]) -> list[str]:
    """A shortest circle through the component's first module: ``[a, b, …, a]``."""
    members = set(component)
    graph: dict[str, list[str]] = {}
    for importer, imported in edges:
        if importer in members and imported in members:
            graph.setdefault(importer, []).append(imported)
    start = component[0]
    paths = {start: [start]}
    queue = [start]
    for node in queue:
        for nxt in sorted(graph.get(node, ())):
            if nxt == start:
                return [*paths[node], start]
            if nxt not in paths:
                paths[nxt] = [*paths[node], nxt]
                queue.append(nxt)
    raise AssertionError(f"no circle through {start}")  # pragma: no cover - a component has one


def contract_seams(pyproject: Path) -> set[tuple[str, str]]:
    """The imports the layers contract names in ``ignore_imports``: the seams up. (Another
    contract's ``ignore_imports`` exempts an import from that contract alone, not a circle.)"""
    config = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    seams: set[tuple[str, str]] = set()
    for contract in config["tool"]["importlinter"]["contracts"]:
        if contract["type"] != "layers":
            continue
        for rule in contract.get("ignore_imports", ()):
            importer, _, imported = rule.partition("->")
            seams.add((importer.strip(), imported.strip()))
    return seams


def code_lines(text: str) -> set[int]:
    """The numbers of the lines that hold code: not blank, not only a comment, not a docstring."""
    tree = ast.parse(text)
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                docstrings.update(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    lines: set[int] = set()
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type not in _NOT_CODE:
            lines.update(range(token.start[0], token.end[0] + 1))
    return lines - docstrings


def sizes(src: Path, package: str) -> dict[str, int]:
    """Lines of code of every module (``file``) and every class (``file::Class``)."""
    found: dict[str, int] = {}
    for path in sorted((src / package).rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = code_lines(text)
        file = path.relative_to(src / package).as_posix()
        found[file] = len(lines)
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef):
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                end = node.end_lineno or node.lineno
                found[f"{file}::{node.name}"] = sum(1 for n in lines if start <= n <= end)
    return found


def _at(imports: Iterable[Import]) -> str:
    return ", ".join(sorted({f"{item.file}:{item.line}" for item in imports}))


def _stale(allowed: Mapping[_K, str], needed: Iterable[_K], kind: str) -> list[str]:
    needed = set(needed)
    return [
        f"BEING_SPLIT_NOW.{kind} no longer needs {key!r} ({why}): remove it"
        for key, why in allowed.items()
        if key not in needed
    ]


# -- the package -----------------------------------------------------------------------------

IMPORTS = read_imports(SRC, PACKAGE)
EDGES = import_edges(IMPORTS, PACKAGE)
SEAMS = contract_seams(ROOT / "pyproject.toml")


def test_no_circle_between_modules() -> None:
    """Removing the contract's seams and the edges being split now leaves no circle."""
    allowed = BEING_SPLIT_NOW.circle_edges
    kept = [edge for edge in EDGES if edge not in SEAMS and edge not in allowed]
    problems = []
    for component in circles(kept):
        cycle = one_cycle(component, kept)
        steps = [f"  {a} -> {b} ({_at(EDGES[a, b])})" for a, b in itertools.pairwise(cycle)]
        problems.append(f"circle among {', '.join(component)}:\n" + "\n".join(steps))
    assert not problems, "import circles:\n" + "\n".join(problems)


def closes_a_circle(edge: tuple[str, str], edges: Iterable[tuple[str, str]]) -> bool:
    """Whether ``edge`` is one of ``edges`` and lies on a circle of them."""
    edges = list(edges)
    together = {module: tuple(c) for c in circles(edges) for module in c}
    return edge in edges and edge[0] in together and together[edge[0]] == together.get(edge[1])


def test_allowed_circle_edges_are_still_needed() -> None:
    """Each edge of BEING_SPLIT_NOW.circle_edges exists and, with every other allowed edge
    taken out, still closes a circle: without it the test above would fail."""
    allowed = BEING_SPLIT_NOW.circle_edges
    needed = [
        edge
        for edge in allowed
        if closes_a_circle(
            edge, [e for e in EDGES if e not in SEAMS and (e == edge or e not in allowed)]
        )
    ]
    stale = _stale(allowed, needed, "circle_edges")
    assert not stale, "\n".join(stale)


def test_the_seams_of_the_contract_are_imports_here() -> None:
    """Each ``ignore_imports`` seam is an import that exists, inside a function, marked."""
    assert SEAMS
    for importer, imported in SEAMS:
        made = EDGES.get((importer, imported), [])
        assert made, f"{importer} -> {imported}: named in ignore_imports, imported nowhere"
        assert all(item.in_function for item in made), _at(made)


def _unmarked_function_imports() -> dict[tuple[str, str], list[Import]]:
    found: dict[tuple[str, str], list[Import]] = {}
    for item in IMPORTS:
        if item.in_function and not item.seam:
            for target in item.targets:
                found.setdefault((item.file, target), []).append(item)
    return found


def test_no_import_inside_a_function_but_marked_seams() -> None:
    """An import inside a function carries ``# seam: <reason>``; none else is left."""
    allowed = BEING_SPLIT_NOW.function_imports
    left = {key: items for key, items in _unmarked_function_imports().items() if key not in allowed}
    assert not left, "imports inside functions without '# seam: <reason>':\n" + "\n".join(
        f"  {_at(items)}: {target}" for (_, target), items in sorted(left.items())
    )


def test_allowed_function_imports_are_still_needed() -> None:
    """Each entry of BEING_SPLIT_NOW.function_imports is still an unmarked import."""
    allowed = BEING_SPLIT_NOW.function_imports
    stale = _stale(allowed, _unmarked_function_imports(), "function_imports")
    assert not stale, "\n".join(stale)


def test_no_module_or_class_over_the_limit() -> None:
    """No module and no class holds more than MAX_LINES lines of code, but the catalogues."""
    allowed = {**DATA_MODULES, **BEING_SPLIT_NOW.oversized}
    over = {unit: n for unit, n in sizes(SRC, PACKAGE).items() if n > MAX_LINES}
    left = {unit: n for unit, n in over.items() if unit not in allowed}
    assert not left, f"over {MAX_LINES} lines of code: {left}"


def test_allowed_sizes_are_still_needed() -> None:
    """Each catalogue of DATA_MODULES, and each entry being split now, is still over the limit."""
    over = [unit for unit, n in sizes(SRC, PACKAGE).items() if n > MAX_LINES]
    stale = _stale(BEING_SPLIT_NOW.oversized, over, "oversized")
    assert not stale, "\n".join(stale)
    assert set(DATA_MODULES) <= set(over), set(DATA_MODULES) - set(over)


# -- the checks themselves, on a package built for them -------------------------------------


def _toy(tmp: Path) -> Path:
    """A package ``toy`` whose circles, function imports and sizes are known by construction:

    - ``a`` imports ``b`` at the top, ``b`` imports ``a`` inside a function (unmarked): circle
      {a, b}; ``b`` also imports ``c`` inside a function, marked as a seam;
    - ``c`` imports ``d`` under TYPE_CHECKING and ``d`` imports ``c`` (``from . import c``):
      circle {c, d}; ``sub/__init__`` imports ``..a`` (relative, two levels) with no circle;
    - ``big`` has a docstring, comments, blank lines and 301 one-line statements: 301 lines of
      code; its class ``Small`` holds 3 of them (``class`` line and two attributes).
    """
    package = tmp / "toy"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from . import b\n")
    (package / "b.py").write_text(
        "def f():\n    from .a import x\n\n\ndef g():\n    # seam: only when asked\n"
        "    from . import c\n"
    )
    (package / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .d import y\n"
    )
    (package / "d.py").write_text("from . import c\ny = 1\n")
    (package / "sub" / "__init__.py").write_text("from .. import a\n")
    body = "".join(f"v{n} = {n}\n" for n in range(298))
    (package / "big.py").write_text(
        '"""A docstring\nof two lines."""\n# a comment\n\n'
        + body
        + "class Small:\n    '''Its docstring.'''\n\n    one = 1  # trailing comment\n    two = 2\n"
    )
    return tmp


def test_the_checks_find_what_the_toy_package_holds(tmp_path: Path) -> None:
    src = _toy(tmp_path)
    imports = read_imports(src, "toy")
    edges = import_edges(imports, "toy")
    assert sorted(edges) == [
        ("toy.a", "toy.b"),
        ("toy.b", "toy.a"),
        ("toy.b", "toy.c"),
        ("toy.c", "toy.d"),
        ("toy.d", "toy.c"),
        ("toy.sub", "toy.a"),
    ]
    assert circles(edges) == [["toy.a", "toy.b"], ["toy.c", "toy.d"]]
    assert one_cycle(["toy.a", "toy.b"], edges) == ["toy.a", "toy.b", "toy.a"]
    # Without b's function import, only the TYPE_CHECKING circle is left.
    assert circles([e for e in edges if e != ("toy.b", "toy.a")]) == [["toy.c", "toy.d"]]
    assert closes_a_circle(("toy.b", "toy.a"), edges)
    assert not closes_a_circle(("toy.sub", "toy.a"), edges)  # an edge, on no circle
    assert not closes_a_circle(("toy.a", "toy.c"), edges)  # no such edge
    in_functions = [(i.file, i.line, i.targets, i.seam) for i in imports if i.in_function]
    assert in_functions == [("b.py", 2, ("toy.a",), False), ("b.py", 7, ("toy.c",), True)]
    measured = sizes(src, "toy")
    assert measured["big.py"] == 298 + 3
    assert measured["big.py::Small"] == 3
    assert measured["a.py"] == 1


def test_code_lines_leave_out_docstrings_comments_and_blanks() -> None:
    text = 'def f():\n    """Doc\n    string."""\n    # note\n\n    return (\n        1\n    )\n'
    assert code_lines(text) == {1, 6, 7, 8}


def test_a_seam_needs_a_reason(tmp_path: Path) -> None:
    package = tmp_path / "toy"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "m.py").write_text(
        "def f():\n    import json  # seam:\n\n\ndef g():\n    import csv  # seam: CSV only\n"
        "    import zlib\n\n\ndef h():\n    # seam: the comment line above counts\n"
        "    import gzip\n"
    )
    marked = {i.targets: i.seam for i in read_imports(tmp_path, "toy")}
    # No reason after the colon: not marked. An import right below a marked one: not marked.
    assert marked == {("json",): False, ("csv",): True, ("zlib",): False, ("gzip",): True}
