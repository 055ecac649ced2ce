"""Names shown to a person: control characters escaped, so that a file name cannot move the
cursor, clear the terminal or break a line of the output."""

from __future__ import annotations


def printable(name: str) -> str:
    """``name`` with every character that is not printable (C0/C1 controls, line breaks,
    bidirectional overrides, undecodable bytes) written as its Python escape (``\\x1b``)."""
    if name.isprintable():
        return name
    return "".join(
        char
        if char.isprintable()
        else char.encode("unicode_escape", "backslashreplace").decode("ascii")
        for char in name
    )


def printable_text(text: str) -> str:
    """A whole text for a terminal: as :func:`printable`, but its line breaks and tabs kept
    (a company name or description read from a file cannot hold an escape sequence either)."""
    if text.isprintable():
        return text
    return "\n".join(
        "\t".join(printable(cell) for cell in line.split("\t")) for line in text.split("\n")
    )
