"""The one seam where a floor reaches up: the HTML a notebook shows.

Jupyter shows an object by calling its ``_repr_html_``. The objects a notebook shows live on the
model, reading and proof floors; their HTML is written on the present floor, above them all. Each
``_repr_html_`` calls :func:`html`, which imports the renderer only when called: ``import
ecfmetric`` and ``read()`` never load it. This import is the only one that runs up a floor; the
import-linter contract in pyproject.toml names it in ``ignore_imports``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

#: The present floor's renderers (functions of ``ecfmetric.present._html``) a seam may call.
Renderer = Literal["metric_html", "report_html", "proof_html", "concluded_proof_html"]


def html(renderer: Renderer, value: object) -> str:
    """``value`` as HTML, written by the present floor's ``renderer`` in the current language."""
    from ..present import _html  # seam: the one seam up (docs/architecture.md): model → present

    render: Callable[[object], str] = getattr(_html, renderer)
    return render(value)
