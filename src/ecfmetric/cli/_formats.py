"""The command line's output formats: one row each. The parser's options and the dispatch of
every mode are built from :data:`FORMATS`; a new format is its renderer (a
:class:`~ecfmetric.present._outputs.Renderer` on the present floor), one row here and its help
in each word table.

A format writes to standard output (``--json``; one of them at a time, the first row, with no
option, when none is given) or to the file of its option (``--lines OUT``, besides the output on
standard output). A mode its row does not list falls back to the default format on standard
output, and is a usage error (``not_with``) for a format written to a file.
"""

from __future__ import annotations

import importlib
from typing import Final

import attrs

from ..base._i18n import noop
from ..present._outputs import Dialect, Mode, Renderer

READ: Final[frozenset[Mode]] = frozenset({"read"})
ALL_MODES: Final[frozenset[Mode]] = frozenset({"read", "check", "signature"})


@attrs.frozen
class OutputFormat:
    """One output format: its option, what ``--help`` says of it, and its renderer."""

    #: ``--json``; ``None`` for the default format (the first row).
    option: str | None
    #: The word of ``--help`` for it (``help.json``): its key in each language's word table
    #: (model/_words_pt.py, model/_words_en.py).
    help: str
    #: ``"module:NAME"``: the renderer, imported only when the format is chosen, so that what one
    #: format needs (the CSV writer, openpyxl) never slows another down.
    renderer: str
    #: The modes it renders (``read``, ``check``, ``signature``).
    modes: frozenset[Mode] = ALL_MODES
    #: The CSV dialect of this format: what ``--lines`` writes in when it is chosen.
    dialect: Dialect = "csv"
    #: Whether a progress line may be drawn on standard error while it works.
    progress: bool = True
    #: A format written to a file: its option takes the file (``--lines OUT``).
    to_file: bool = False
    #: (to a file) The usage error when a mode it does not render is asked for.
    not_with: str | None = None
    #: (to a file) The usage error when its file is one of the files read or an earlier output's
    #: file; ``{option}``, ``{path}`` and ``{same}`` are filled in.
    clash: str = noop(
        "{option}: {path} is one of the files read ({same}): it would be overwritten; choose "
        "another file"
    )

    @property
    def dest(self) -> str:
        """The attribute of the parsed arguments that holds the option's value."""
        return (self.option or "--text").removeprefix("--").replace("-", "_")

    def load(self) -> Renderer:
        """The renderer, imported now."""
        module, name = self.renderer.split(":")
        loaded = importlib.import_module(module)  # seam: loaded only when chosen (start-up time)
        renderer: Renderer = getattr(loaded, name)
        return renderer


FORMATS: list[OutputFormat] = [
    OutputFormat(None, "", "ecfmetric.present._text:TEXT"),
    OutputFormat(
        "--json",
        "help.json",
        "ecfmetric.present._json:JSON",
        progress=False,
    ),
    OutputFormat(
        "--csv",
        "help.csv",
        "ecfmetric.present._cli_export:CSV",
        modes=frozenset({"read", "check"}),
    ),
    OutputFormat(
        "--excel",
        "help.excel",
        "ecfmetric.present._cli_export:CSV",
        modes=frozenset({"read", "check"}),
        dialect="excel",
    ),
    OutputFormat(
        "--lines",
        "help.lines",
        "ecfmetric.present._cli_export:LINES",
        modes=frozenset({"read", "check"}),
        to_file=True,
        not_with=noop("--lines writes the lines of the metric: it does not go with --signature"),
    ),
    OutputFormat(
        "--xlsx",
        "help.xlsx",
        "ecfmetric.present._xlsx:XLSX",
        modes=READ,
        to_file=True,
        not_with=noop("--xlsx writes the metrics read: it does not go with --check or --signature"),
        clash=noop("--xlsx: {path} is also {same}: it would be overwritten; choose another file"),
    ),
]
