"""Result delivery verbs: ``kiosk enrol``, ``kiosk export``, ``kiosk receipt import`` on a kiosk, and
``kiosk registry init|enrol|import|kiosks|banks|rescore|flags|decide`` at the registry."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from kiosk.authoring.build import validate_source
from kiosk.authoring.source import load_bank_dir
from kiosk.cli import common
from kiosk.cli.common import CommandError, ProgressBar, say
from kiosk.cli.hints import with_hint
from kiosk.formats.bank_packages import PACKAGE_SUFFIX
from kiosk.formats.keys import KeyKind, PublicIdentity, load_public
from kiosk.formats.records import read_check_code
from kiosk.messages import sentence
from kiosk.registry.services.banks import BankKept, BankOutcome, keep_bank, keep_package, list_banks
from kiosk.registry.services.imports import FileOutcome, ImportReport, Outcome, import_bundles
from kiosk.registry.services.registry import (
    RegistryContext,
    enrol_kiosk,
    init_registry,
    list_kiosks,
    open_registry,
)
from kiosk.registry.services.reporting import verify_check_code, verify_slip
from kiosk.registry.services.rescoring import rescore_pending
from kiosk.registry.services.standing import decide, withheld
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

    banks = verbs.add_parser("banks", help="the bank versions the registry rescores results with")
    bank_verbs = banks.add_subparsers(dest="banks_verb", metavar="VERB", required=True)
    banks_add = bank_verbs.add_parser(
        "add", help="keep bank sources, or packages opened with their release code, to rescore with"
    )
    banks_add.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help=f"a bank source folder, a folder of them such as question_banks, or a {PACKAGE_SUFFIX} package",
    )
    banks_add.add_argument(
        "--trusted",
        type=Path,
        action="append",
        default=[],
        metavar="PUB",
        help="the awarding body's public key (needed for packages)",
    )
    banks_add.add_argument(
        "--release-code", help="the packages' release code (default: $KIOSK_RELEASE_CODE, or asked for)"
    )
    _registry_options(banks_add)
    banks_add.set_defaults(handler=_banks_add)
    banks_list = bank_verbs.add_parser("list", help="list the bank versions the registry holds")
    _registry_options(banks_list)
    banks_list.set_defaults(handler=_banks_list)

    rescore = verbs.add_parser("rescore", help="rescore the results that waited for their bank version")
    _registry_options(rescore)
    rescore.set_defaults(handler=_rescore)

    flags = verbs.add_parser("flags", help="list the results that cannot be printed now, and why")
    _registry_options(flags)
    flags.set_defaults(handler=_flags)

    decide_parser = verbs.add_parser(
        "decide", help="keep or void a result (a second result for a candidate waits for this)"
    )
    decide_parser.add_argument("attempt", metavar="ATTEMPT")
    choice = decide_parser.add_mutually_exclusive_group(required=True)
    choice.add_argument("--keep", action="store_true", help="the result stands and may print")
    choice.add_argument("--void", action="store_true", help="the result never prints")
    decide_parser.add_argument("--by", required=True, metavar="NAME", help="who decides")
    decide_parser.add_argument("--why", required=True, metavar="TEXT", help="why, for the record")
    _registry_options(decide_parser)
    decide_parser.set_defaults(handler=_decide)


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
    for path in result.rewritten:
        say(f"Wrote {path} again: an export that was interrupted had numbered it but not written it.")
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
    return 1 if report.failed or report.flagged else 0


BANK_FILE = "bank.yaml"


def _bank_folders(path: Path) -> list[Path]:
    """The bank source folders under ``path``: itself, or each folder in it with a bank.yaml."""
    if (path / BANK_FILE).is_file():
        return [path]
    children = sorted(path.iterdir()) if path.is_dir() else []
    found = [child for child in children if (child / BANK_FILE).is_file()]
    if not found:
        raise CommandError(f"{path} is neither a {PACKAGE_SUFFIX} package nor a folder of bank sources.")
    return found


def _release_code(args: argparse.Namespace) -> str:
    code: str = args.release_code or os.environ.get("KIOSK_RELEASE_CODE") or getpass.getpass("Release code: ")
    if not code.strip():
        raise CommandError("A package is opened with its release code; give --release-code.")
    return code


def _banks_add(args: argparse.Namespace) -> int:
    packages = [path for path in args.paths if path.is_file()]
    folders = [folder for path in args.paths if not path.is_file() for folder in _bank_folders(path)]
    for folder in folders:
        problems = validate_source(folder)
        for problem in problems:
            say(f"{problem.location}: {sentence(problem.error())}")
        if problems:
            raise CommandError(f"{folder} has {len(problems)} problem(s); no bank was added.")
    trusted = [load_public(path) for path in args.trusted]
    if packages and not trusted:
        raise CommandError("A package is checked against the awarding body's key; give --trusted PUB.")
    code = _release_code(args) if packages else ""
    kept: list[BankKept] = []
    with registry_context(args) as ctx:
        for folder in folders:
            kept.append(keep_bank(ctx, load_bank_dir(folder), str(folder)))
        for package in packages:
            kept.append(keep_package(ctx, package, trusted, code))
    for bank in kept:
        say(f"Bank {bank.bank_id} version {bank.version}: {bank.outcome.value} (digest {bank.digest[:16]}).")
    if any(bank.outcome is BankOutcome.ADDED for bank in kept):
        say("Run 'kiosk registry rescore' to rescore the results that waited for these banks.")
    return 0


def _banks_list(args: argparse.Namespace) -> int:
    with registry_context(args) as ctx:
        banks = list_banks(ctx)
    if not banks:
        say("The registry holds no bank yet; add them with 'kiosk registry banks add'.")
        return 0
    rows = [
        (bank.bank_id, str(bank.version), bank.digest[:16], f"{bank.added_at:%Y-%m-%d %H:%M}", bank.source)
        for bank in banks
    ]
    for line in table(("BANK", "VERSION", "DIGEST", "ADDED (UTC)", "FROM"), rows):
        say(line)
    return 0


def _rescore(args: argparse.Namespace) -> int:
    with registry_context(args) as ctx:
        report = rescore_pending(ctx)
    say(
        f"Rescored {report.rescored} result(s); {len(report.flagged)} kept aside; "
        f"{report.pending_count} still waiting for their bank."
    )
    for notice in report.flagged:
        say(f"Kept aside: {with_hint(notice)}")
    for (bank_id, version), count in sorted(report.pending.items()):
        say(
            f"Waiting: {count} result(s) on bank {bank_id} version {version}; add it with "
            "'kiosk registry banks add'."
        )
    return 1 if report.flagged else 0


def _flags(args: argparse.Namespace) -> int:
    with registry_context(args) as ctx:
        stands = withheld(ctx)
    if not stands:
        say("Every result held can be printed.")
        return 0
    rows = [
        (stand.attempt_id, stand.standing.value, with_hint(stand.reason) if stand.reason else "")
        for stand in stands
    ]
    for line in table(("ATTEMPT", "STANDING", "WHY"), rows):
        say(line)
    say(f"{len(stands)} result(s) cannot be printed now.")
    return 0


def _decide(args: argparse.Namespace) -> int:
    with registry_context(args) as ctx:
        decided = decide(ctx, args.attempt, bool(args.keep), args.by, args.why)
    decision = decided.decision
    verb = "kept" if decision.decision == "keep" else "voided"
    say(f"Attempt {decision.attempt_id} {verb} by {decision.decided_by} ({decision.why}).")
    for stand in decided.stands:
        why = f": {with_hint(stand.reason)}" if stand.reason else ""
        say(f"  {stand.attempt_id}: {stand.standing.value}{why}")
    return 0


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
    flagged = len(report.flagged)
    kept_aside = f" {flagged} attempt(s) kept aside, not filed as results." if flagged else ""
    lines.append(
        f"{report.count(Outcome.IMPORTED)} imported ({attempts} new attempt(s)), "
        f"{report.count(Outcome.DUPLICATE)} duplicate, {report.count(Outcome.CONFLICT)} conflict, "
        f"{report.count(Outcome.REFUSED)} refused.{kept_aside}"
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
    verify.add_argument(
        "--db", default=None, help="the registry database URL (for a typed check code; default: its folder's)"
    )
    verify.add_argument("--passphrase-env", help="environment variable holding the registry key's passphrase")
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
    typed = " ".join(args.code)
    if read_check_code(typed) is not None:
        # A short check code typed from the paper: only the registry that printed it can check it.
        with registry_context(args) as ctx:
            record = verify_check_code(ctx, typed)
        say("Valid: this registry printed this check code, and the result still stands as printed:")
    else:
        record = verify_slip(typed.replace(" ", ""), _trusted(args))
        say("Valid: this code was signed by the results registry and vouches for:")
    for label, value in record.describe():
        say(f"  {label + ':':18}{value}")
    return 0
