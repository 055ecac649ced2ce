"""The command line: ``python -m ecfmetric [--json | --csv] [--check] FILE...``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from ._console import forgiving_output, is_unicode
from ._errors import EcfError
from ._format import brl, render_text
from ._model import MONEY_FIELDS, RevenueMetric, format_money
from ._reader import read

# csv, json, validate() and the signature code are imported by the options that use them: a
# plain `ecfmetric FILE` starts about as fast as the interpreter, since start-up is most of what
# a call on a small file costs.

CSV_COLUMNS = (
    "file",
    "status",
    "cnpj",
    "company_name",
    "reference_year",
    "regime",
    *MONEY_FIELDS,
    "warnings",
    "error",
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ecfmetric",
        description=(
            "Read SPED ECF files and print their revenue metric (receita bruta → receita líquida). "
            "Exit status: 0 when every file was read (or, with --check, has no error), 1 when any "
            "was refused, 2 on a usage error."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="ECF .txt file(s)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument(
        "--json", action="store_true", help="JSON: one object for one file, an array for several"
    )
    output.add_argument("--csv", action="store_true", help="CSV: one row per file")
    parser.add_argument(
        "--check",
        action="store_true",
        help="validate: list every error and warning of each file, and check its signature "
        "(a signature that does not verify, or cannot be read, is an error)",
    )
    parser.add_argument(
        "--signature",
        action="store_true",
        help="only read and verify each file's PVA signature (who signed, hashcode; "
        "the certificate chain is not checked)",
    )
    parser.add_argument(
        "--lenient",
        action="store_true",
        help="turn structural problems (counters, malformed lines) into warnings",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    # A console that cannot show "→" (cp1252, cp850…) gets "->": output never crashes.
    with forgiving_output():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.check:
            return _check(args)
        if args.signature:
            from ._signature_cli import run_signature

            return run_signature(args.files, args.json)
        return _read(args)
    except BrokenPipeError:  # pragma: no cover - the reader of our output went away (| head)
        sys.stderr.close()
        return 1


def _read(args: argparse.Namespace) -> int:
    results: list[tuple[str, RevenueMetric | None, str | None]] = []
    for path in args.files:
        try:
            results.append((path, read(path, strict=not args.lenient), None))
        except EcfError as error:
            results.append((path, None, _one_line(path, str(error))))
        except OSError as error:
            results.append((path, None, f"{path}: {error.strerror or error}"))
    refused = any(metric is None for _, metric, _ in results)
    if args.csv:
        _write_csv(results)
    elif args.json:
        rows = [_json_row(path, metric, error) for path, metric, error in results]
        _json(rows[0] if len(rows) == 1 else rows)
        sys.stdout.write("\n")
    elif len(results) == 1 and results[0][1] is not None:
        print(render_text(results[0][1]))
    else:
        _write_table(results)
    if len(results) == 1 and results[0][2] is not None:
        print(f"ecfmetric: {results[0][2]}", file=sys.stderr)
    return 1 if refused else 0


def _check(args: argparse.Namespace) -> int:
    from ._format import render_report
    from ._signature_cli import check_signature
    from ._validate import validate

    reports = []
    signatures = []
    failed = False
    for path in args.files:
        try:
            report = validate(path)
        except OSError as error:
            print(f"ecfmetric: {path}: {error.strerror or error}", file=sys.stderr)
            failed = True
            continue
        signature = check_signature(path)
        failed = failed or not report.ok or not signature.ok
        reports.append(report)
        signatures.append(signature)
    if args.json:
        rows = [
            {**r.to_dict(), "signature": s.to_dict().get("signature"), "signature_error": s.error}
            for r, s in zip(reports, signatures, strict=True)
        ]
        _json(rows[0] if len(rows) == 1 else rows)
        sys.stdout.write("\n")
    elif args.csv:
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(["file", "severity", "code", "line_number", "record", "message"])
        for report in reports:
            for f in report.findings:
                writer.writerow(
                    [report.source, f.severity, f.code, f.line_number, f.record, f.message]
                )
    else:
        print(
            "\n\n".join(
                f"{render_report(r)}\n{s.text()}" for r, s in zip(reports, signatures, strict=True)
            )
        )
    return 1 if failed else 0


def _json(value: object) -> None:
    import json

    # On a console that is not UTF-8, non-ASCII text is escaped (\u2192): still the same JSON.
    json.dump(value, sys.stdout, ensure_ascii=not is_unicode(sys.stdout), indent=2)


def _one_line(path: str, message: str) -> str:
    message = " ".join(message.split())
    return message if message.startswith(path) else f"{path}: {message}"


def _json_row(path: str, metric: RevenueMetric | None, error: str | None) -> dict[str, Any]:
    if metric is not None:
        return {"file": path, **metric.to_dict()}
    return {"file": path, "error": error}


def _write_csv(results: list[tuple[str, RevenueMetric | None, str | None]]) -> None:
    import csv

    writer = csv.writer(sys.stdout)
    writer.writerow(CSV_COLUMNS)
    for path, metric, error in results:
        if metric is None:
            writer.writerow([path, "refused", *([""] * (len(CSV_COLUMNS) - 3)), error])
            continue
        writer.writerow(
            [
                path,
                "ok",
                metric.cnpj,
                metric.company_name,
                metric.reference_year,
                metric.regime.value if metric.regime else "",
                *(format_money(getattr(metric, name)) or "" for name in MONEY_FIELDS),
                " ".join(sorted({w.code for w in metric.warnings})),
                "",
            ]
        )


def _write_table(results: list[tuple[str, RevenueMetric | None, str | None]]) -> None:
    for path, metric, error in results:
        if metric is None:
            print(f"{path}\tREFUSED\t{error}")
        else:
            warnings = f"\t{len(metric.warnings)} warning(s)" if metric.warnings else ""
            print(
                f"{path}\t{metric.cnpj}\t{metric.reference_year}\t"
                f"gross {brl(metric.gross_revenue)}\tnet {brl(metric.net_revenue)}{warnings}"
            )
