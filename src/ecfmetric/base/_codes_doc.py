"""``docs/codes.md``'s tables, rendered from :data:`ecfmetric.CODES`.

``python -m ecfmetric.base._codes_doc`` prints them; ``tests/test_i18n.py`` holds the document equal
to what this renders, so the list of codes cannot drift from the code.
"""

from __future__ import annotations

from ._codes import CODES, CodeKind

BEGIN = "<!-- generated from ecfmetric.CODES: python -m ecfmetric.base._codes_doc -->"
END = "<!-- end of generated tables -->"

_TITLES: dict[CodeKind, str] = {
    "error": "Errors (refusals)",
    "warning": "Warnings (the figure stands)",
    "note": "Notes of a proof",
}


def render() -> str:
    """The generated part of ``docs/codes.md``, between its markers (Markdown)."""
    out = [BEGIN]
    for kind, title in _TITLES.items():
        out += ["", f"### {title}", "", "| code | meaning | em português |", "|---|---|---|"]
        out += [
            f"| `{code}` | {info.meaning_en} | {info.meaning_pt} |"
            for code, info in CODES.items()
            if info.kind == kind
        ]
    out += ["", END]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(render(), end="")
