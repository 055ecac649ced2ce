"""What an output format is given, and what it must be able to do.

The command line reads the files once and hands what it found to the renderer of the output
format chosen (``cli/_formats.py``, one row per format): the metrics read (``metrics``), the
validation reports (``checks``, ``--check``) or the signatures alone (``signatures``,
``--signature``). A renderer writes to standard output, or to the file of its option
(``--lines OUT``, ``--xlsx OUT``).
"""

from __future__ import annotations

import codecs
from collections.abc import Sequence
from typing import TYPE_CHECKING, BinaryIO, Literal

import attrs

from ..base._i18n import Language

if TYPE_CHECKING:
    from ..model._model import RevenueMetric
    from ..reading._validate import ValidationReport
    from ..types import RefusalDict
    from ._signature_check import SignatureCheck

#: The two CSV dialects (see ``_cli_export``): ``--lines`` writes in the chosen format's.
Dialect = Literal["csv", "excel"]
#: What the command line does with the files: read the metric, validate, or show signatures.
Mode = Literal["read", "check", "signature"]


@attrs.frozen
class FileResult:
    """One file read: its metric, or the refusal that stopped it."""

    path: str
    metric: RevenueMetric | None
    refusal: RefusalDict | None

    @property
    def bug(self) -> bool:
        """The refusal is a defect of ecfmetric, not of the file."""
        return self.refusal is not None and self.refusal["error"]["code"] == "INTERNAL_ERROR"


@attrs.frozen
class FileCheck:
    """One file validated (``--check``): its report and its signature; a file that could not be
    opened has no signature, its ``refusal`` says why, and its report holds that one error."""

    path: str
    report: ValidationReport
    signature: SignatureCheck | None
    refusal: RefusalDict | None = None

    @property
    def passed(self) -> bool:
        """The file's verdict: no error, and a signature that is absent or verifies."""
        return self.report.ok and (self.signature is None or self.signature.ok)


@attrs.frozen
class Output:
    """Where and how a renderer writes: the reader's language, the CSV dialect of the format
    chosen for standard output, and the opened file of an option that writes to a file."""

    lang: Language
    dialect: Dialect = "csv"
    file: BinaryIO | None = None

    def opened(self) -> BinaryIO:
        """The file this output writes to (a format that writes to a file always has one)."""
        assert self.file is not None
        return self.file


class Renderer:
    """An output format's renderer: a mode the format's row does not list is never asked of it."""

    def missing(self) -> str | None:
        """What the format lacks to run (an extra not installed: a message template for
        :func:`~ecfmetric.base._i18n.tr`), or ``None``."""
        return None

    def metrics(self, results: Sequence[FileResult], output: Output) -> None:
        """Write the metrics read (``ecfmetric FILE...``)."""
        raise NotImplementedError

    def checks(self, checked: Sequence[FileCheck], output: Output) -> None:
        """Write the validation reports (``--check``)."""
        raise NotImplementedError

    def signatures(self, checks: Sequence[SignatureCheck], output: Output) -> None:
        """Write the signatures (``--signature``)."""
        raise NotImplementedError


def is_unicode(stream: object) -> bool:
    """Whether ``stream`` writes a Unicode encoding (every character fits)."""
    encoding = getattr(stream, "encoding", None) or ""
    return codecs.lookup(encoding).name.startswith("utf") if encoding else False
