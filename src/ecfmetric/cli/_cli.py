"""The command line: ``python -m ecfmetric [--json | --csv | --excel] [--check] FILE...``.

Exit status: 0 every file read (with ``--check``: no error), 1 some file refused, 2 a usage
error, 3 an internal error (a bug in ecfmetric: a short note and the traceback on stderr),
130 interrupted (Ctrl-C), 141 the reader of the output went away (``| head``).

The output options and what each writes come from the table of output formats
(:data:`~ecfmetric.cli._formats.FORMATS`); ``_parser`` builds the arguments, ``_modes`` reads
the files and hands them to the formats chosen.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from typing import Any, BinaryIO

from ..base._errors import os_error_message
from ..base._i18n import Language, language, tr
from ..base._printable import printable
from ..model._labels import WORDS
from ..present._outputs import Mode, Output
from . import _formats
from ._console import forgiving_output
from ._inputs import STDIN, Inputs
from ._modes import EXIT_INTERNAL, EXIT_OK, EXIT_REFUSED, Chosen, run
from ._parser import EXIT_USAGE, Parser, parser
from ._parser import language as language_asked

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_REFUSED",
    "EXIT_USAGE",
    "STDIN",
    "main",
]

EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141


def main(argv: Sequence[str] | None = None, *, prog: str = "ecfmetric") -> int:
    """Run the CLI; returns the exit status. ``prog`` is the program's name in ``--help``,
    ``--version`` and usage errors: ``ecfmetric`` (the installed script) or
    ``python -m ecfmetric`` (``__main__``)."""
    # A console that cannot show "→" (cp1252, cp850…) gets "->": output never crashes.
    with forgiving_output():
        # The language is known before parsing: --help and usage errors exit while parsing.
        arguments = parser(prog, language_asked(sys.argv[1:] if argv is None else argv))
        args = arguments.parse_args(argv)
        if args.lang is None:
            # People at a terminal read Portuguese unless ECFMETRIC_LANG says otherwise,
            # whatever language the calling process set for its own messages.
            args.lang = "en" if os.environ.get("ECFMETRIC_LANG") == "en" else "pt"
        if args.files.count(STDIN) > 1:
            arguments.error(tr("'-' (standard input) can be given only once").render(args.lang))
        mode: Mode = "signature" if args.signature else "check" if args.check else "read"
        shown, to_files = _chosen(args, mode)
        for row in to_files:
            if mode not in row.modes:
                arguments.error(tr(row.not_with or "").render(args.lang))
        for row in to_files:
            missing = row.load().missing()
            if missing is not None:
                arguments.error(tr(missing).render(args.lang))
        if sys.stdout is None or getattr(sys.stdout, "closed", False):
            if sys.stderr is not None:
                print(WORDS[args.lang]["cli.no_stdout"], file=sys.stderr)
            return EXIT_REFUSED
        with contextlib.ExitStack() as stack:
            outputs: list[Chosen] = [(shown, Output(args.lang, shown.dialect))]
            others = [f for f in args.files if f != STDIN]
            for row in to_files:
                path = getattr(args, row.dest)
                same = next((f for f in others if _same(f, path)), None)
                if same is not None:
                    arguments.error(
                        tr(
                            row.clash, option=row.option, path=printable(path), same=printable(same)
                        ).render(args.lang)
                    )
                # Opened first: a path that cannot be written is a usage error, found before the
                # files are read. Written to a temporary file renamed over OUT at the end.
                opened = _output(stack, arguments, row.option or "", path, args.lang)
                outputs.append((row, Output(args.lang, shown.dialect, opened)))
                others.append(path)
            with language(args.lang):
                return _guarded(args, mode, outputs)


def _chosen(
    args: argparse.Namespace, mode: Mode
) -> tuple[_formats.OutputFormat, list[_formats.OutputFormat]]:
    """The format for standard output (the default when none or one without ``mode`` is
    given) and those written to a file, in the table's order."""
    default = _formats.FORMATS[0]
    shown = next(
        (r for r in _formats.FORMATS if r.option and not r.to_file and getattr(args, r.dest)),
        default,
    )
    if mode not in shown.modes:
        shown = default
    to_files = [r for r in _formats.FORMATS if r.to_file and getattr(args, r.dest) is not None]
    return shown, to_files


def _same(path: str, other: str) -> bool:
    """Whether two paths name the same file (the same inode when both exist)."""
    try:
        return os.path.samefile(path, other)
    except (OSError, ValueError):
        return os.path.realpath(path) == os.path.realpath(other)


def _output(
    stack: contextlib.ExitStack[Any],
    parser: Parser,
    option: str,
    path: str,
    lang: Language,
) -> BinaryIO:
    """``option``'s output file, opened through :func:`_replacing` on ``stack``; a path that
    cannot be written is a usage error, found before the files are read."""
    try:
        return stack.enter_context(_replacing(path))
    except OSError as error:
        parser.error(
            tr(
                "{option}: cannot write {path}: {reason}",
                option=option,
                path=printable(path),
                reason=os_error_message(error),
            ).render(lang)
        )


@contextlib.contextmanager
def _replacing(target: str) -> Iterator[BinaryIO]:
    """A file to write ``target``'s new content into: a temporary file beside it, renamed over
    it when the block ends without an exception (removed otherwise), so that ``target`` is never
    left half written. A target that is not a regular file (a terminal, ``/dev/null``, a pipe)
    is written directly."""
    import tempfile  # seam: only a file written (--lines, --xlsx) needs it: start-up time

    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        with open(target, "wb") as direct:
            yield direct
        return
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    directory = os.path.dirname(os.path.abspath(target))
    handle, temporary = tempfile.mkstemp(prefix=".ecfmetric-lines-", dir=directory)
    done = False
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
        os.chmod(temporary, stat.S_IMODE(mode))
        os.replace(temporary, target)
        done = True
    finally:
        if not done:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _guarded(args: argparse.Namespace, mode: Mode, outputs: list[Chosen]) -> int:
    """``_run``, with what can go wrong outside the files turned into exit statuses."""
    try:
        return _run(args, mode, outputs)
    except BrokenPipeError:
        # The reader of our output went away (| head): say nothing more.
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print("", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as error:
        # Reading a file is refused file by file; what reaches here is writing the output
        # (a full disk, /dev/full, a closed descriptor).
        _discard_stdout()
        print(
            WORDS[args.lang]["cli.output"].format(error=os_error_message(error).render(args.lang)),
            file=sys.stderr,
        )
        return EXIT_REFUSED
    except ValueError as error:
        if sys.stdout is None or not sys.stdout.closed:
            raise
        print(WORDS[args.lang]["cli.output"].format(error=error), file=sys.stderr)
        return EXIT_REFUSED
    except Exception:
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
        print(WORDS[args.lang]["cli.internal"], file=sys.stderr)
        import traceback  # seam: only an internal error needs it: start-up time

        traceback.print_exc(file=sys.stderr)
        return EXIT_INTERNAL


def _discard_stdout() -> None:
    """Point standard output at the null device: what is still buffered for it cannot be
    written, and Python would otherwise fail again flushing it on exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _run(args: argparse.Namespace, mode: Mode, outputs: list[Chosen]) -> int:
    progress = outputs[0][0].progress
    with Inputs(args.files, progress=progress, lang=args.lang) as inputs:
        return run(mode, inputs, outputs, strict=not args.lenient)
