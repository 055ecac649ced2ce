"""The end of a file's reading: a file cut short or empty, the findings not listed, the lines
whose text was not in the file's encoding, and a file with more lines than its budget."""

from __future__ import annotations

from ..base._errors import EcfFormatError
from ..ecf._limits import Limits
from ..ecf._structure import MAX_LISTED
from ..model._model import Finding
from . import _messages_lines as say
from ._data import FileData, NoHeader, finding_of
from ._state import State

__all__ = ["finish", "too_many_lines"]


def finish(state: State) -> FileData:
    """What was collected, once the lines are over (at ``9999`` or the input's end)."""
    structure = state.structure
    if not structure.finished:
        truncated = EcfFormatError(say.truncated(), source=state.source, code="TRUNCATED")
        if not state.report:
            raise truncated
        structure.errors.append(finding_of(truncated))
    if state.data is None:
        if state.report:
            raise NoHeader
        raise EcfFormatError(say.empty_file(), line_number=1, source=state.source, code="NOT_ECF")
    state.data.end_line = structure.end_line
    state.data.warnings.extend(structure.findings)
    if structure.suppressed:
        state.data.warnings.append(
            Finding("MORE_FINDINGS", say.more_findings(structure.suppressed, MAX_LISTED))
        )
    mixed = state.decoder.mixed_lines
    if mixed:
        reason = say.encoding_mixed(len(mixed), state.decoder.encoding, mixed[0])
        state.data.warnings.append(Finding("ENCODING_MIXED", reason, mixed[0]))
    return state.data


def too_many_lines(state: State, number: int, read: bool) -> EcfFormatError:
    """More lines than ``Limits.lines``, or (``read``) than ``Limits.read_lines`` read."""
    limits = state.limits or Limits()
    return EcfFormatError(
        say.too_many_read_lines(limits.read_lines) if read else say.too_many_lines(limits.lines),
        line_number=number,
        source=state.source,
        code="TOO_MANY_LINES",
    )
