"""``python -m ecfmetric``: see :mod:`ecfmetric._cli`."""

import sys

from ._cli import main

sys.exit(main(prog="python -m ecfmetric"))
