"""Assembling ECF text from records: fills block counters and writes block 9.

Used by the public Hypothesis strategies and by tests that need many variations of a file.
It computes counters only; every amount in a file comes from its caller.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def assemble(records: Sequence[str], *, line_ending: str = "\r\n") -> str:
    """Whole ECF text from ``records`` (every block but 9, in order).

    A closing record written as ``|X990||`` gets its line count filled in (from ``X001``, or
    from ``0000`` for block 0, to ``X990`` inclusive). Block 9 (``9001``, one ``9900`` per
    register, ``9990``, ``9999``) is appended with its counts.
    """
    lines = list(records)
    start_of: dict[str, int] = {}
    for index, line in enumerate(lines):
        register = line[1:5]
        letter = register[0]
        if register == "0000" or (register.endswith("001") and letter != "0"):
            start_of[letter] = index
        elif register.endswith("990") and line == f"|{register}||":
            lines[index] = f"|{register}|{index - start_of[letter] + 1}|"
    counts = Counter(line[1:5] for line in lines)
    counts["9001"] = 1
    counts["9990"] = 1
    counts["9999"] = 1
    counts["9900"] = len(counts) + 1
    nine = ["|9001|0|"] + [f"|9900|{register}|{count}|" for register, count in counts.items()]
    nine.append(f"|9990|{len(nine) + 2}|")
    total = len(lines) + len(nine) + 1
    nine.append(f"|9999|{total}|")
    return line_ending.join(lines + nine) + line_ending
