"""The command line: ``python -m ecfmetric [--json] FILE``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from ._errors import EcfError
from ._format import render_text
from ._reader import read


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ecfmetric",
        description="Read a SPED ECF file and print its revenue metric (receita bruta → receita líquida).",
    )
    parser.add_argument("file", help="path of the ECF .txt file")
    parser.add_argument("--json", action="store_true", help="print the metric as one JSON object")
    parser.add_argument(
        "--lenient",
        action="store_true",
        help="turn structural problems (counters, malformed lines) into warnings",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (0 ok, 1 refused file, 2 usage)."""
    args = _parser().parse_args(argv)
    try:
        metric = read(args.file, strict=not args.lenient)
    except EcfError as error:
        message = str(error)
        if not message.startswith(args.file):
            message = f"{args.file}: {message}"
        print(f"ecfmetric: {message}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"ecfmetric: {args.file}: {error.strerror or error}", file=sys.stderr)
        return 1
    if args.json:
        json.dump(metric.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(render_text(metric))
    return 0
