"""The Dask recipe of docs/cluster.md, on a real local cluster of two worker processes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import ecfmetric

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")

ROOT = Path(__file__).parent.parent
GUIDE = ROOT / "docs" / "cluster.md"
PATHS = [
    str(ROOT / "fixtures" / name)
    for name in (
        "real_annual_0012_crlf_latin1.txt",
        "presumido_p150_quarterly_0001_utf8bom.txt",
        "real_quarterly_0008_lf_utf8.txt",
        "x3_imune_0007.txt",
        "bad_amount.txt",
        "truncated_no_9999.txt",
    )
] + [str(ROOT / "fixtures" / "no-such-file.txt")]

Figures = Callable[[str], dict[str, Any]]


def _figures() -> Figures:
    """The guide's task function, as written there (its first ```python block)."""
    code = re.search(r"^```python\n(.*?)^```", GUIDE.read_text(encoding="utf-8"), re.S | re.M)
    assert code is not None
    # Not run from the repository root: drop the example calls on relative paths after the def.
    definition = code.group(1).split("\n\n\nrow = ")[0]
    namespace: dict[str, Any] = {"__name__": "cluster_recipe"}
    exec(compile(definition, str(GUIDE), "exec"), namespace)
    figures: Figures = namespace["figures"]
    return figures


def _serial(path: str) -> dict[str, Any] | str:
    """What read() says of one file: its metric as a dict, or its error's code. In the
    language the workers speak, the library's default (the suite's own is English), so that
    warnings' messages compare too."""
    try:
        with ecfmetric.language("pt"):
            return ecfmetric.read(path).to_dict()  # type: ignore[return-value]
    except ecfmetric.EcfError as error:
        return str(error.code)  # type: ignore[attr-defined]
    except OSError as error:
        return type(error).__name__


def _outcome(row: dict[str, Any]) -> dict[str, Any] | str:
    """A row of the recipe, put as _serial puts what read() says."""
    outcome: dict[str, Any] | str = row["metric"] if row["error"] is None else row["error"]["code"]
    return outcome


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A local cluster of two worker processes, one thread each, as the guide advises."""
    with (
        distributed.LocalCluster(
            processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


def test_the_guide_has_the_task_function() -> None:
    """docs/cluster.md defines figures(path), the function every recipe maps over the paths."""
    assert _figures().__name__ == "figures"


def test_client_map_gives_what_read_gives(client: Any) -> None:
    """Client.map(figures, paths) on two worker processes: each row is serial read()'s result."""
    figures = _figures()
    rows = client.gather(client.map(figures, PATHS))
    assert [row["source"] for row in rows] == PATHS
    assert [_outcome(row) for row in rows] == [_serial(path) for path in PATHS]
    assert rows[0]["metric"]["net_revenue"] == "10402217.49"
    assert [row["error"] is None for row in rows] == [True] * 4 + [False] * 3
    workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2  # two processes really took part


def test_a_bag_gives_and_writes_what_read_gives(client: Any, tmp_path: Path) -> None:
    """dask.bag over the paths: computed rows and JSON lines written by the workers match read()."""
    figures = _figures()
    bag = db.from_sequence(PATHS, npartitions=3).map(figures)
    rows = bag.compute()
    assert [_outcome(row) for row in rows] == [_serial(path) for path in PATHS]
    bag.map(json.dumps).to_textfiles(str(tmp_path / "part-*.jsonl"))
    parts = sorted(tmp_path.glob("part-*.jsonl"), key=lambda p: int(p.stem.split("-")[1]))
    assert len(parts) == 3
    written = [json.loads(line) for part in parts for line in part.read_text().splitlines()]
    assert written == rows
