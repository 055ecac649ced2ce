"""``python -m ecfmetric``: see :mod:`ecfmetric.cli._cli`."""

import sys

from .cli._cli import main

sys.exit(main(prog="python -m ecfmetric"))
