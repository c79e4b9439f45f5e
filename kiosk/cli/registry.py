"""Result delivery verbs: ``kiosk enrol``, ``kiosk export``, ``kiosk receipt import`` on a kiosk, and
``kiosk registry init|enrol|import|kiosks`` at the registry."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from kiosk.cli import common
from kiosk.cli.common import CommandError, say
from kiosk.cli.hints import with_hint
from kiosk.formats.keys import KeyKind, PublicIdentity, load_public
from kiosk.registry.services.imports import FileOutcome, ImportReport, Outcome, import_bundles
from kiosk.registry.services.registry import (
    RegistryContext,
    enrol_kiosk,
    init_registry,
    list_kiosks,
    open_registry,
)
from kiosk.registry.services.reporting import verify_slip
from kiosk.station.services.enrolment import enrol
from kiosk.station.services.export import export_results
from kiosk.station.services.receipts import import_receipt

REGISTRY_DIR_ENV = "KIOSK_REGISTRY_DIR"
REGISTRY_DB_ENV = "KIOSK_REGISTRY_DB"


def default_registry_dir() -> Path:
    """Where the registry keeps its key, database, receipts and quarantine unless told otherwise."""
    override = os.environ.get(REGISTRY_DIR_ENV)
    return Path(override) if override else common.default_data_dir().with_name("onex-registry")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    enrol_parser = subparsers.add_parser("enrol", help="write this kiosk's enrolment file for the registry")
    enrol_parser.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="file or folder to write"
    )
    enrol_parser.add_argument("--centre", help="the centre's name (must match the one given to 'kiosk init')")
    enrol_parser.set_defaults(handler=_enrol)

    export = subparsers.add_parser("export", help="write a result bundle of every attempt not yet receipted")
    export.add_argument("--to", type=Path, required=True, metavar="DIR", help="folder to write the bundle in")
    export.add_argument("--registry-key", type=Path, metavar="FILE", help="default: trust/registry.pub")
    export.set_defaults(handler=_export)

    receipt = subparsers.add_parser("receipt", help="bring the registry's receipts back to the kiosk")
    receipt_verbs = receipt.add_subparsers(dest="receipt_verb", metavar="VERB", required=True)
    receipt_import = receipt_verbs.add_parser("import", help="mark the attempts a receipt names as delivered")
    receipt_import.add_argument("file", type=Path, metavar="FILE")
    receipt_import.add_argument(
        "--registry-key", type=Path, metavar="FILE", help="default: trust/registry.pub"
    )
    receipt_import.set_defaults(handler=_receipt_import)

    registry = subparsers.add_parser("registry", help="the results registry: enrol kiosks, import bundles")
    verbs = registry.add_subparsers(dest="registry_verb", metavar="VERB", required=True)
    add_verify_slip(verbs)
    init = verbs.add_parser("init", help="create the registry's folder and key")
    init.add_argument("--name", default="registry", help="the key's name (default: registry)")
    _registry_options(init, database=False)
    init.set_defaults(handler=_registry_init)

    registry_enrol = verbs.add_parser("enrol", help="accept bundles from the kiosk in an enrolment file")
    registry_enrol.add_argument("file", type=Path, metavar="FILE")
    registry_enrol.add_argument(
        "--replace", action="store_true", help="replace the key of a reinstalled kiosk"
    )
    _registry_options(registry_enrol)
    registry_enrol.set_defaults(handler=_registry_enrol)

    registry_import = verbs.add_parser("import", help="import result bundle files and folders of them")
    registry_import.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    _registry_options(registry_import)
    registry_import.set_defaults(handler=_registry_import)

    kiosks = verbs.add_parser("kiosks", help="list the enrolled kiosks")
    _registry_options(kiosks)
    kiosks.set_defaults(handler=_registry_kiosks)


def _registry_options(parser: argparse.ArgumentParser, database: bool = True) -> None:
    parser.add_argument(
        "--registry-dir",
        type=Path,
        default=None,
        help=f"the registry's folder (default: ${REGISTRY_DIR_ENV} or the platform's data folder)",
    )
    parser.add_argument("--passphrase-env", help="environment variable holding the registry key's passphrase")
    if database:
        parser.add_argument(
            "--db",
            default=None,
            metavar="URL",
            help=f"database URL, e.g. postgresql+psycopg://user@host/registry (default: ${REGISTRY_DB_ENV} "
            "or registry.db in the registry folder)",
        )


def _registry_dir(args: argparse.Namespace) -> Path:
    chosen: Path | None = args.registry_dir
    return chosen if chosen is not None else default_registry_dir()


@contextmanager
def registry_context(args: argparse.Namespace) -> Iterator[RegistryContext]:
    """The registry's context from --registry-dir, --db and --passphrase-env, closed when done."""
    url = args.db or os.environ.get(REGISTRY_DB_ENV) or None
    ctx = open_registry(_registry_dir(args), url, common.passphrase(args))
    try:
        yield ctx
    finally:
        ctx.close()


def _enrol(args: argparse.Namespace) -> int:
    with common.kiosk_context(args) as ctx:
        path, enrolment = enrol(ctx, args.out, args.centre)
    say(f"Wrote {path} for kiosk {enrolment.kiosk_id} ('{enrolment.kiosk_name}' at {enrolment.centre}).")
    say(f"Key id {enrolment.key_id}: the registry administrator should see the same id when enrolling it.")
    return 0


def _export(args: argparse.Namespace) -> int:
    with common.kiosk_context(args) as ctx:
        result = export_results(ctx, args.to, args.registry_key)
    say(
        f"Wrote bundle {result.bundle_id} with {result.attempt_count} attempt(s) to {result.path} and "
        "read it back intact."
    )
    return 0


def _receipt_import(args: argparse.Namespace) -> int:
    with common.kiosk_context(args) as ctx:
        result = import_receipt(ctx, args.file, args.registry_key)
    say(
        f"Receipt for bundle {result.bundle_id}: {len(result.marked)} attempt(s) marked delivered, "
        f"{len(result.already_delivered)} already marked."
    )
    if result.not_acknowledged:
        shown = ", ".join(result.not_acknowledged)
        say(f"Not acknowledged by the registry (they will be exported again): {shown}.")
    return 0


def _registry_init(args: argparse.Namespace) -> int:
    public = init_registry(_registry_dir(args), args.name, common.passphrase(args))
    say(f"Created the registry at {_registry_dir(args)}.")
    say(f"Give every kiosk the public key {public}: it goes in the kiosk's trust/registry.pub.")
    return 0


def _registry_enrol(args: argparse.Namespace) -> int:
    with registry_context(args) as ctx:
        result = enrol_kiosk(ctx, args.file, args.replace)
    enrolment = result.enrolment
    say(
        f"Kiosk {enrolment.kiosk_id} ('{enrolment.kiosk_name}' at {enrolment.centre}): "
        f"{result.outcome.value}; key id {enrolment.key_id}."
    )
    return 0


def _registry_kiosks(args: argparse.Namespace) -> int:
    with registry_context(args) as ctx:
        kiosks = list_kiosks(ctx)
    if not kiosks:
        say("No kiosk is enrolled yet.")
    rows = [(kiosk.kiosk_id, kiosk.key_id, kiosk.centre, kiosk.kiosk_name) for kiosk in kiosks]
    for line in table(("KIOSK", "KEY ID", "CENTRE", "NAME"), rows) if rows else []:
        say(line)
    return 0


def _registry_import(args: argparse.Namespace) -> int:
    with registry_context(args) as ctx:
        report = import_bundles(ctx, args.paths, ProgressBar(sys.stderr))
    for line in report_lines(report):
        say(line)
    return 1 if report.failed else 0


class ProgressBar:
    """A plain-text progress bar on a stream: redrawn in place on a terminal, a line per tenth otherwise."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.live = stream.isatty()
        self._last_tenth = -1

    def __call__(self, done: int, total: int, path: Path) -> None:
        filled = self.width * done // total
        bar = f"[{'#' * filled}{'-' * (self.width - filled)}] {done}/{total} {path.name}"
        if self.live:
            self.stream.write(f"\r{bar[:100]:<100}")
            if done == total:
                self.stream.write("\n")
        else:
            tenth = 10 * done // total
            if tenth == self._last_tenth:
                return
            self._last_tenth = tenth
            self.stream.write(bar + "\n")
        self.stream.flush()


def _detail(outcome: FileOutcome) -> str:
    if outcome.outcome is Outcome.IMPORTED:
        return (
            f"{outcome.attempts} new attempt(s); receipt {outcome.receipt.name if outcome.receipt else '-'}"
        )
    # Why a file was not simply imported is a code and params: its sentence, with the CLI's hint.
    return with_hint(outcome.problem) if outcome.problem is not None else ""


def report_lines(report: ImportReport) -> list[str]:
    """The final table of outcomes, then notes, gaps and a one-line summary."""
    rows = [
        (
            outcome.path.name,
            outcome.outcome.value,
            outcome.bundle_id or "-",
            str(outcome.attempts) if outcome.outcome in (Outcome.IMPORTED, Outcome.CONFLICT) else "-",
            _detail(outcome),
        )
        for outcome in report.outcomes
    ]
    lines = table(("FILE", "OUTCOME", "BUNDLE", "NEW", "DETAIL"), rows)
    lines.extend(f"Note: {with_hint(note)}" for outcome in report.outcomes for note in outcome.notes)
    lines.extend(f"Gap: {with_hint(gap)}" for gap in report.gap_notices)
    attempts = sum(outcome.attempts for outcome in report.outcomes)
    lines.append(
        f"{report.count(Outcome.IMPORTED)} imported ({attempts} new attempt(s)), "
        f"{report.count(Outcome.DUPLICATE)} duplicate, {report.count(Outcome.CONFLICT)} conflict, "
        f"{report.count(Outcome.REFUSED)} refused."
    )
    if report.failed:
        lines.append("Refused and conflicting files were copied to the registry's quarantine folder.")
    return lines


def table(headings: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Left-aligned columns; the last column is never padded (it holds sentences)."""
    widths = [max(len(str(row[index])) for row in [headings, *rows]) for index in range(len(headings) - 1)]

    def line(row: Sequence[str]) -> str:
        cells = [str(cell).ljust(width) for cell, width in zip(row, widths, strict=False)]
        return "  ".join([*cells, str(row[-1])]).rstrip()

    return [line(headings), *(line(row) for row in rows)]


def add_verify_slip(verbs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``verify-slip`` verb; both ``kiosk report`` and ``kiosk registry`` offer it."""
    verify = verbs.add_parser(
        "verify-slip", help="check a result slip's or certificate's verification code offline"
    )
    verify.add_argument("code", nargs="+", metavar="CODE", help="the code as printed (spaces do not matter)")
    verify.add_argument(
        "--trusted",
        type=Path,
        action="append",
        default=[],
        metavar="PUB",
        help="the registry's public key file (default: the registry folder's key, or this kiosk's trust)",
    )
    verify.add_argument("--registry-dir", type=Path, default=None, help="the registry's folder")
    verify.set_defaults(handler=_verify_slip)


def _trusted(args: argparse.Namespace) -> list[PublicIdentity]:
    """The keys a code may be signed with: those given, else the registry's own, else this kiosk's trust."""
    if args.trusted:
        return [load_public(path) for path in args.trusted]
    folders = [(args.registry_dir or default_registry_dir()) / "keys", common.data_dir(args) / "trust"]
    found = [
        load_public(path) for folder in folders if folder.is_dir() for path in sorted(folder.glob("*.pub"))
    ]
    registry_keys = [key for key in found if key.kind is KeyKind.REGISTRY]
    if not registry_keys:
        raise CommandError(
            "No registry public key was found to check the code against; give --trusted registry.pub."
        )
    return registry_keys


def _verify_slip(args: argparse.Namespace) -> int:
    record = verify_slip("".join(args.code), _trusted(args))
    say("Valid: this code was signed by the results registry and vouches for:")
    for label, value in record.describe():
        say(f"  {label + ':':18}{value}")
    return 0
