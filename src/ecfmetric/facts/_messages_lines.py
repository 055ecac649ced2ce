"""The collector's messages about lines, blocks and the whole file, by code.

Each function returns the :class:`~ecfmetric.types.Message` of one refusal or warning; the
logic that decides when it is raised is in the collector's modules, the text is only here.
"""

from __future__ import annotations

from ..base._i18n import Message, tr

# -- TRUNCATED, NOT_ECF ------------------------------------------------------------------------


def truncated() -> Message:
    return tr("the file ends without the 9999 record: it is truncated or not a whole ECF")


def empty_file() -> Message:
    return tr("not an ECF file: it is empty")


def not_ecf() -> Message:
    return tr("not an ECF file: the first line must be the 0000 record, |0000|LECF|…")


# -- MORE_FINDINGS, ENCODING_MIXED -------------------------------------------------------------


def more_findings(count: int, limit: int) -> Message:
    return tr(
        "{count} more finding(s) of the same kinds are not listed (at most {limit} are)",
        count=count,
        limit=limit,
    )


def encoding_mixed(count: int, encoding: str | None, first: int) -> Message:
    return tr(
        "text on {count} line(s) did not decode as {encoding}; read as cp1252 "
        "(first at line {first})",
        count=count,
        encoding=encoding,
        first=first,
    )


# -- TOO_MANY_LINES (of the file), TOO_MANY_FIELDS ---------------------------------------------


def too_many_read_lines(limit: int) -> Message:
    return tr(
        "more than {limit} lines in the blocks read record by record (0, L, P, T, U, Y, "
        "9; Limits.read_lines): a real ECF has a few thousand",
        limit=limit,
    )


def too_many_lines(limit: int) -> Message:
    return tr("more than {limit} lines (Limits.lines)", limit=limit)


def too_many_fields(limit: int) -> Message:
    return tr("more than {limit} fields (MAX_FIELDS)", limit=limit)


# -- BLOCK_STRUCTURE, UNKNOWN_RECORD -----------------------------------------------------------


def out_of_block(record: str, open_block: str | None) -> Message:
    if open_block is None:
        return tr(
            "{record} is a record of block {block}, but no block is open",
            record=record,
            block=record[0],
        )
    return tr(
        "{record} is a record of block {block}, but block {open} is open",
        record=record,
        block=record[0],
        open=open_block,
    )


def unknown_register(record: str, known: str) -> Message:
    return tr(
        "{record} is not a register of block {block} (the layout's are {known}): "
        "it may be a damaged record that carries a figure",
        record=record,
        block=record[0],
        known=known,
    )


# -- MALFORMED_LINE, MISSING_FIELD -------------------------------------------------------------


def empty_line() -> Message:
    return tr("empty line: every line must be a record |REG|...|")


def malformed_in_metric_block(reason: Message, block: str | None) -> Message:
    return tr(
        "{reason} (in block {block}, whose records feed the metric)",
        reason=reason,
        block=block,
    )


def malformed_like_metric(reason: Message) -> Message:
    return tr(
        "{reason} (it looks like a record of a block that feeds the metric)",
        reason=reason,
    )


def missing_field(name: str, index: int) -> Message:
    return tr("missing field {name} (field {index})", name=name, index=index)
