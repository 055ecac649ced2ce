"""The command line: ``python -m ecfmetric [--json | --csv | --excel] [--check] FILE...``.

Exit status: 0 every file read (with ``--check``: no error), 1 some file refused, 2 a usage
error, 3 an internal error (a bug in ecfmetric: a short note and the traceback on stderr),
130 interrupted (Ctrl-C), 141 the reader of the output went away (``| head``).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, BinaryIO, NoReturn

import attrs

from ..base._errors import EcfError, SignatureSupportError, os_error_message
from ..base._i18n import Language, language, tr
from ..base._printable import printable, printable_text
from ..ecf._layout import SIGNATURE_MARKER
from ..model._model import Finding, RevenueMetric
from ..reading._reader import read
from ._console import Progress, forgiving_output, is_unicode, wants_progress

# Loaded by the modes that use them, not at start-up: the text renderer (_text) only for text
# output, the CSV writers and the refusal rows (_cli_export) only for CSV, --lines or a refused
# file, validate() and the signature code only for --check and --signature.
if TYPE_CHECKING:
    from ..model._labels import Lang
    from ..present._cli_export import Dialect
    from ..reading._validate import ValidationReport
    from ..types import RefusalDict
    from ._signature_cli import SignatureCheck

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

STDIN = "-"
_STDIN_NAME = "<stdin>"
# Standard input is copied once, to memory up to this size and to a temporary file past it,
# so that it can be read more than once (--check reads it for the report and the signature)
# and a ZIP, whose index is at its end, can be read from a pipe.
_STDIN_IN_MEMORY = 64 << 20

_OUTPUT = {
    "pt": "ecfmetric: não foi possível gravar a saída ({error}): confira o destino (disco "
    "cheio, arquivo ou terminal fechado)",
    "en": "ecfmetric: cannot write the output ({error}): check where it goes (a full disk, a "
    "closed file or terminal)",
}
_NO_STDOUT = {
    "pt": "ecfmetric: a saída padrão está fechada: não há onde escrever o resultado",
    "en": "ecfmetric: standard output is closed: there is nowhere to write the result",
}

_INTERNAL = {
    "pt": "ecfmetric: erro interno (um defeito do ecfmetric): por favor, informe-o aos "
    "desenvolvedores com o comando e, se puder, o arquivo. Detalhes:",
    "en": "ecfmetric: internal error (a bug in ecfmetric): please report it with the command "
    "and, if you can, the file. Details:",
}


def _version() -> str:
    from .. import __version__

    return __version__


# argparse's own sentences (gettext, English): what they say, in Portuguese.
_ARGPARSE_PT = (
    (re.compile(r"the following arguments are required: (.*)"), r"faltam os argumentos: \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"argumentos não reconhecidos: \1"),
    (
        re.compile(r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)"),
        r"argumento \1: escolha inválida: \2 (escolha entre \3)",
    ),
    (
        re.compile(r"argument (\S+): not allowed with argument (\S+)"),
        r"o argumento \1 não pode ser usado com o argumento \2",
    ),
    (re.compile(r"argument (\S+): expected one argument"), r"o argumento \1 precisa de um valor"),
    (re.compile(r"ambiguous option: (.*)"), r"opção ambígua: \1"),
)


class _Parser(argparse.ArgumentParser):
    """argparse speaking Portuguese unless asked for English (``--lang en``, ECFMETRIC_LANG)."""

    lang: Lang = "pt"

    def format_usage(self) -> str:
        formatter = self._get_formatter()
        prefix = "usage: " if self.lang == "en" else "uso: "
        formatter.add_usage(
            self.usage, self._actions, self._mutually_exclusive_groups, prefix=prefix
        )
        return formatter.format_help()

    def format_help(self) -> str:
        text = super().format_help()
        if self.lang == "pt":
            text = text.replace("usage: ", "uso: ", 1)
            text = text.replace("\npositional arguments:\n", "\nargumentos:\n", 1)
            text = text.replace("\noptions:\n", "\nopções:\n", 1)
        return text

    def error(self, message: str) -> NoReturn:
        if self.lang == "pt":
            for pattern, portuguese in _ARGPARSE_PT:
                if pattern.fullmatch(message):
                    message = pattern.sub(portuguese, message)
                    break
        self.print_usage(sys.stderr)
        word = "error" if self.lang == "en" else "erro"
        self.exit(EXIT_USAGE, f"{self.prog}: {word}: {message}\n")


def _parser(prog: str = "ecfmetric") -> _Parser:
    parser = _Parser(
        prog=prog,
        # add_argument() builds a help formatter for each argument (to check its metavar), and
        # argparse's default one imports shutil and asks the terminal its width: a fixed width
        # while the parser is built; help and usage errors get the terminal's (set below).
        formatter_class=functools.partial(argparse.HelpFormatter, width=80),
        description=(
            "Lê arquivos SPED ECF e mostra a métrica de receita (receita bruta → receita "
            "líquida). Código de saída: 0 quando todos os arquivos foram lidos (com --check: sem "
            "erro), 1 quando algum foi recusado, 2 em erro de uso, 3 em erro interno (um defeito)."
        ),
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="mostra esta ajuda e sai")
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="arquivo(s) ECF .txt (ou ZIP/gzip); '-' lê a entrada padrão",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {_version()}", help="mostra a versão"
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument(
        "--json",
        action="store_true",
        help="JSON: um objeto para um arquivo, uma lista para vários; um arquivo recusado é "
        '{"file", "error": {"code", "message", "line_number", "record", "field"}}',
    )
    output.add_argument(
        "--csv", action="store_true", help="CSV (UTF-8, ',', 1234.56): uma linha por arquivo"
    )
    output.add_argument(
        "--excel",
        action="store_true",
        help="CSV para o Excel em português (UTF-8 com BOM, ';', 1234,56, dd/mm/aaaa): "
        "as colunas de --csv",
    )
    parser.add_argument(
        "--lines",
        metavar="OUT",
        help="grava também cada linha lida (arquivo, CNPJ, ano, período, número da linha, "
        "registro, código, descrição, valor, componente) em CSV no arquivo OUT (com --excel, "
        "no formato do Excel)",
    )
    parser.add_argument(
        "--xlsx",
        metavar="OUT",
        help="grava também uma planilha do Excel no arquivo OUT: uma linha por arquivo e o "
        "total, e numa segunda aba cada linha lida; valores como números (1.234,56), datas "
        "como datas (dd/mm/aaaa); precisa do extra xlsx (pip install 'ecfmetric[xlsx]')",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="valida: lista cada erro e aviso de cada arquivo e confere a assinatura (uma "
        "assinatura que não confere, ou não pode ser lida, é um erro)",
    )
    parser.add_argument(
        "--signature",
        action="store_true",
        help="só lê e confere a assinatura do PVA de cada arquivo (quem assinou, hashcode; "
        "a cadeia de certificados não é verificada)",
    )
    parser.add_argument(
        "--lenient",
        action="store_true",
        help="leitura tolerante: problemas de estrutura (contadores, blocos que não alimentam "
        "a métrica) viram avisos (também com --check); o que alimenta um valor nunca",
    )
    parser.add_argument(
        "--lang",
        choices=("pt", "en"),
        default=None,
        help="idioma do texto para pessoas: pt (português, o padrão) ou en (inglês, para "
        "desenvolvedores); o padrão segue ECFMETRIC_LANG; códigos e campos não mudam",
    )
    parser.formatter_class = argparse.HelpFormatter
    return parser


def main(argv: Sequence[str] | None = None, *, prog: str = "ecfmetric") -> int:
    """Run the CLI; returns the exit status. ``prog`` is the program's name in ``--help``,
    ``--version`` and usage errors: ``ecfmetric`` (the installed script) or
    ``python -m ecfmetric`` (``__main__``)."""
    # A console that cannot show "→" (cp1252, cp850…) gets "->": output never crashes.
    with forgiving_output():
        parser = _parser(prog)
        given = list(sys.argv[1:] if argv is None else argv)
        asked = (
            given[given.index("--lang") + 1 : given.index("--lang") + 2]
            if "--lang" in given
            else []
        )
        wanted = asked[0] if asked else os.environ.get("ECFMETRIC_LANG", "")[:2].lower()
        parser.lang = "en" if wanted == "en" else "pt"
        args = parser.parse_args(argv)
        if args.lang is None:
            # People at a terminal read Portuguese unless ECFMETRIC_LANG says otherwise,
            # whatever language the calling process set for its own messages.
            args.lang = "en" if os.environ.get("ECFMETRIC_LANG") == "en" else "pt"
        if args.files.count(STDIN) > 1:
            parser.error(tr("'-' (standard input) can be given only once").render(args.lang))
        if args.lines is not None and args.signature:
            parser.error(
                tr(
                    "--lines writes the lines of the metric: it does not go with --signature"
                ).render(args.lang)
            )
        if args.xlsx is not None and (args.signature or args.check):
            parser.error(
                tr(
                    "--xlsx writes the metrics read: it does not go with --check or --signature"
                ).render(args.lang)
            )
        if args.xlsx is not None:
            from ..present._xlsx import MISSING, available

            if not available():
                parser.error(tr(MISSING).render(args.lang))
        if sys.stdout is None or getattr(sys.stdout, "closed", False):
            if sys.stderr is not None:
                print(_NO_STDOUT[args.lang], file=sys.stderr)
            return EXIT_REFUSED
        with contextlib.ExitStack() as stack:
            args.lines_out = None
            if args.lines is not None:
                same = next((f for f in args.files if f != STDIN and _same(f, args.lines)), None)
                if same is not None:
                    parser.error(
                        tr(
                            "{option}: {path} is one of the files read ({same}): it would be "
                            "overwritten; choose another file",
                            option="--lines",
                            path=printable(args.lines),
                            same=printable(same),
                        ).render(args.lang)
                    )
                # Opened first: a path that cannot be written is a usage error, found before the
                # files are read. The lines go to a temporary file renamed over OUT at the end.
                args.lines_out = _output(stack, parser, "--lines", args.lines, args.lang)
            args.xlsx_out = None
            if args.xlsx is not None:
                # As --lines: never one of the files read (nor --lines' file), written beside and
                # renamed over OUT at the end.
                others = [f for f in args.files if f != STDIN]
                if args.lines is not None:
                    others.append(args.lines)
                same = next((f for f in others if _same(f, args.xlsx)), None)
                if same is not None:
                    parser.error(
                        tr(
                            "--xlsx: {path} is also {same}: it would be overwritten; choose "
                            "another file",
                            path=printable(args.xlsx),
                            same=printable(same),
                        ).render(args.lang)
                    )
                args.xlsx_out = _output(stack, parser, "--xlsx", args.xlsx, args.lang)
            with language(args.lang):
                return _guarded(args)


def _same(path: str, other: str) -> bool:
    """Whether two paths name the same file (the same inode when both exist)."""
    try:
        return os.path.samefile(path, other)
    except (OSError, ValueError):
        return os.path.realpath(path) == os.path.realpath(other)


def _output(
    stack: contextlib.ExitStack[Any],
    parser: argparse.ArgumentParser,
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
    import stat
    import tempfile

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


def _guarded(args: argparse.Namespace) -> int:
    """``_run``, with what can go wrong outside the files turned into exit statuses."""
    try:
        return _run(args)
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
            _OUTPUT[args.lang].format(error=os_error_message(error).render(args.lang)),
            file=sys.stderr,
        )
        return EXIT_REFUSED
    except ValueError as error:
        if sys.stdout is None or not sys.stdout.closed:
            raise
        print(_OUTPUT[args.lang].format(error=error), file=sys.stderr)
        return EXIT_REFUSED
    except Exception:
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
        print(_INTERNAL[args.lang], file=sys.stderr)
        import traceback

        traceback.print_exc(file=sys.stderr)
        return EXIT_INTERNAL


def _discard_stdout() -> None:
    """Point standard output at the null device: what is still buffered for it cannot be
    written, and Python would otherwise fail again flushing it on exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _run(args: argparse.Namespace) -> int:
    with _Inputs(args) as inputs:
        if args.signature:
            return _signature(args, inputs)
        if args.check:
            return _check(args, inputs)
        return _read(args, inputs)


# -- inputs --------------------------------------------------------------------------------------


class _Inputs:
    """The files given, opened one at a time, with a progress line on long work."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.paths: list[str] = args.files
        self.stdin: IO[bytes] | None = None
        sizes = [_size(path) for path in self.paths]
        self.progress: Progress | None = None
        if not args.json and wants_progress(sys.stderr, len(sizes), sum(s or 0 for s in sizes)):
            self.progress = Progress(sys.stderr, sizes, lang=args.lang)

    def __enter__(self) -> _Inputs:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.close()
        if self.stdin is not None:
            self.stdin.close()

    def each(
        self,
    ) -> Iterator[tuple[str, Callable[[], contextlib.AbstractContextManager[BinaryIO]]]]:
        """``(path, open)`` for each file; ``open()`` gives it from its start, each time."""
        for path in self.paths:
            # Shown with its control characters escaped; opened by its real name.
            yield printable(path), functools.partial(self._opened, path)
            if self.progress is not None:
                self.progress.file_done()

    @contextlib.contextmanager
    def _opened(self, path: str) -> Iterator[BinaryIO]:
        if path == STDIN:
            stream = self._stdin()
            stream.seek(0)
            yield _watched(stream, self.progress)
            return
        with open(path, "rb", buffering=0) as stream:
            stream.name = printable(path)  # what messages name the file by
            yield _watched(stream, self.progress)

    def _stdin(self) -> IO[bytes]:
        if self.stdin is None:
            import shutil
            import tempfile

            copy = tempfile.SpooledTemporaryFile(max_size=_STDIN_IN_MEMORY)  # noqa: SIM115
            shutil.copyfileobj(sys.stdin.buffer, copy)
            self.stdin = copy
        return _Named(self.stdin)  # type: ignore[return-value]


class _Named:
    """Standard input's copy, named as Python names standard input."""

    name = _STDIN_NAME

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


def _watched(stream: Any, progress: Progress | None) -> BinaryIO:
    return stream if progress is None else progress.watch(stream)  # type: ignore[return-value]


def _size(path: str) -> int | None:
    if path == STDIN:
        return None
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return None


# -- reading -------------------------------------------------------------------------------------


@attrs.frozen
class _Result:
    path: str
    metric: RevenueMetric | None
    refusal: RefusalDict | None

    @property
    def bug(self) -> bool:
        return self.refusal is not None and self.refusal["error"]["code"] == "INTERNAL_ERROR"


def _read(args: argparse.Namespace, inputs: _Inputs) -> int:
    results = []
    for path, opened in inputs.each():
        try:
            results.append(_Result(path, _read_checked(opened, strict=not args.lenient), None))
        except (EcfError, OSError) as error:
            from ..present._cli_export import refusal

            results.append(_Result(path, None, refusal(path, error)))
    if inputs.progress is not None:
        inputs.progress.close()
    if args.json:
        rows = [
            {"file": r.path, **r.metric.to_dict(), "error": None} if r.metric else r.refusal
            for r in results
        ]
        _json(rows[0] if len(rows) == 1 else rows)
    elif args.csv or args.excel:
        from ..present._cli_export import CSV_COLUMNS, metric_row

        with _stdout_table(_dialect(args), CSV_COLUMNS) as out:
            for r in results:
                metric_row(out, r.path, r.metric, r.refusal)
    else:
        _human(args.lang, results)
    if args.lines is not None:
        _write_lines(args, [(r.path, r.metric) for r in results if r.metric is not None])
    if args.xlsx_out is not None:
        from ..present._xlsx import write_workbook

        write_workbook(args.xlsx_out, [(r.path, r.metric, r.refusal) for r in results], args.lang)
    if any(r.bug for r in results):
        return EXIT_INTERNAL
    return EXIT_REFUSED if any(r.metric is None for r in results) else EXIT_OK


def _read_checked(
    opened: Callable[[], contextlib.AbstractContextManager[BinaryIO]], *, strict: bool
) -> RevenueMetric:
    """The metric with its signature checked, so that a signature that does not verify is shown
    beside the figures (``SIGNATURE_MISMATCH``); without the ``signature`` extra, the figures
    alone."""
    with opened() as stream:
        signed = _may_be_signed(stream)
    if signed:
        with opened() as stream:
            try:
                return read(stream, strict=strict, signature=True)
            except SignatureSupportError:
                pass
    with opened() as stream:
        return read(stream, strict=strict)


#: A signature blob is at most 1 MiB (``_signature.MAX_BLOB``), after its 10-byte marker.
_SIGNATURE_TAIL = (1 << 20) + 16


def _may_be_signed(stream: BinaryIO) -> bool:
    """Whether the file may carry a signature: its marker in its last MiB, or a ZIP or gzip
    upload (whose text is not seen here). A plain unsigned file then loads no signature code."""
    try:
        head = stream.read(4)
        if head[:2] == b"\x1f\x8b" or head[:4] == b"PK\x03\x04":
            return True
        size = stream.seek(0, os.SEEK_END)
        stream.seek(max(0, size - _SIGNATURE_TAIL))
        return SIGNATURE_MARKER in stream.read(_SIGNATURE_TAIL)
    except (OSError, ValueError, AttributeError):
        return True


def _human(lang: Lang, results: list[_Result]) -> None:
    from ..present import _text

    read_ok = [r for r in results if r.metric is not None]
    if len(results) == 1 and read_ok:
        metric = read_ok[0].metric
        assert metric is not None
        print(printable_text(_text.render_metric(metric, lang)))
    else:
        for r in read_ok:
            assert r.metric is not None
            print(printable_text(_text.table_row(r.path, r.metric, lang)))
    sys.stdout.flush()
    for r in results:
        if r.refusal is not None:
            print(
                printable_text(f"ecfmetric: {_text.refusal_line(r.refusal, lang)}"), file=sys.stderr
            )


# -- checking ------------------------------------------------------------------------------------


def _check(args: argparse.Namespace, inputs: _Inputs) -> int:
    # Loaded only for --check: a plain `ecfmetric FILE` starts without them.
    from ..present._cli_export import refusal
    from ..reading._validate import ValidationReport, validate
    from ._signature_cli import check_signature

    checked: list[tuple[str, ValidationReport, SignatureCheck | None]] = []
    unopened = []
    for path, opened in inputs.each():
        try:
            with opened() as stream:
                report = validate(stream, strict=not args.lenient)
            with opened() as stream:
                signature: SignatureCheck | None = check_signature(path, stream)
        except OSError as error:
            unopened.append(refusal(path, error))
            detail = unopened[-1]["error"]
            finding = Finding(detail["code"], detail["message"], severity="error")
            report, signature = ValidationReport(path, (finding,), None, 0), None
        checked.append((path, report, signature))
    if inputs.progress is not None:
        inputs.progress.close()
    if args.json:
        rows = [
            {
                "file": path,
                **report.to_dict(),
                # ok is the verdict the exit status gives, the signature's included.
                "ok": _passed(report, signature),
                "signature": None if signature is None else signature.to_dict()["signature"],
                "signature_error": None if signature is None else signature.error,
            }
            for path, report, signature in checked
        ]
        _json(rows[0] if len(rows) == 1 else rows)
    elif args.csv or args.excel:
        from ..present._cli_export import FINDING_COLUMNS, finding_rows

        with _stdout_table(_dialect(args), FINDING_COLUMNS) as out:
            for path, report, _ in checked:
                finding_rows(out, path, report)
    else:
        from ..present import _text

        texts = [
            f"{_text.render_report(report, args.lang)}\n{signature.text(args.lang)}"
            for _, report, signature in checked
            if signature is not None
        ]
        if texts:
            print(printable_text("\n\n".join(texts)))
        sys.stdout.flush()
        for row in unopened:
            print(
                printable_text(f"ecfmetric: {_text.refusal_line(row, args.lang)}"), file=sys.stderr
            )
    if args.lines is not None:
        _write_lines(args, [(p, r.metric) for p, r, _ in checked if r.metric is not None])
    findings = [f for _, report, _ in checked for f in report.findings]
    if any(f.code == "INTERNAL_ERROR" for f in findings):
        return EXIT_INTERNAL
    failed = any(not _passed(r, s) for _, r, s in checked)
    return EXIT_REFUSED if failed else EXIT_OK


def _passed(report: ValidationReport, signature: SignatureCheck | None) -> bool:
    """One file's verdict in ``--check``: no error, and a signature that is absent or verifies."""
    return report.ok and (signature is None or signature.ok)


# -- signatures ----------------------------------------------------------------------------------


def _signature(args: argparse.Namespace, inputs: _Inputs) -> int:
    from ._signature_cli import SignatureCheck, check_signature

    checks = []
    for path, opened in inputs.each():
        try:
            with opened() as stream:
                checks.append(check_signature(path, stream))
        except OSError as error:
            checks.append(SignatureCheck(path, None, f"{path}: {os_error_message(error)}", False))
    if inputs.progress is not None:
        inputs.progress.close()
    if args.json:
        rows = [check.to_dict() for check in checks]
        _json(rows[0] if len(rows) == 1 else rows)
    else:
        print(
            printable_text(
                "\n\n".join(f"{check.path}\n{check.text(args.lang)}" for check in checks)
            )
        )
    return EXIT_OK if all(check.ok for check in checks) else EXIT_REFUSED


# -- writing -------------------------------------------------------------------------------------


def _json(value: object) -> None:
    import json

    # On a console that is not UTF-8, non-ASCII text is escaped (\u2192): still the same JSON.
    json.dump(value, sys.stdout, ensure_ascii=not is_unicode(sys.stdout), indent=2)
    sys.stdout.write("\n")


def _dialect(args: argparse.Namespace) -> Dialect:
    return "excel" if args.excel else "csv"


@contextlib.contextmanager
def _stdout_table(dialect: Dialect, header: Sequence[str]) -> Iterator[Any]:
    from ..present._cli_export import table

    # CSV is bytes in a fixed encoding, whatever the console's: written under the text layer.
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stdout (tests, IDEs): the text is the same
        binary = _TextSink(sys.stdout)
        with table(binary, dialect, header) as out:  # type: ignore[arg-type]
            yield out
        return
    with table(buffer, dialect, header) as out:
        yield out
    buffer.flush()


class _TextSink:
    """A binary writer onto a text stream that has no ``buffer`` (UTF-8 decoded back)."""

    def __init__(self, text: IO[str]) -> None:
        self.text = text

    def write(self, data: bytes) -> int:
        self.text.write(data.decode("utf-8"))
        return len(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.text, name)


def _write_lines(args: argparse.Namespace, metrics: list[tuple[str, RevenueMetric | None]]) -> None:
    from ..present._cli_export import LINE_COLUMNS, line_rows, table

    with table(args.lines_out, _dialect(args), LINE_COLUMNS) as out:
        for path, metric in metrics:
            assert metric is not None
            line_rows(out, path, metric)
