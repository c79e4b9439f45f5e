"""The centre administrator's headless verbs: set the kiosk up, trust keys, install banks, import the
roster, manage invigilators, schedule sittings, check and back up the store.

``kiosk bank install`` and ``kiosk bank list`` belong to the ``bank`` group of :mod:`kiosk.cli.bank`;
this module supplies them through :func:`add_bank_verbs`.
"""

from __future__ import annotations

import argparse
import csv
import getpass
import io
import os
import sys
from datetime import date
from pathlib import Path

from kiosk.cli.common import CommandError, ProgressBar, kiosk_context, passphrase, say
from kiosk.domain.errors import FileWriteError
from kiosk.domain.items import GRADE_NAMES
from kiosk.domain.spreadsheet import inert_cell
from kiosk.messages import sentence
from kiosk.station.services import (
    bank_install,
    integrity,
    invigilators,
    kiosk_setup,
    recovery,
    roster,
    sittings,
)
from kiosk.support.files import PRIVATE, write_file

# argparse has no public name for the object add_subparsers returns.
Subparsers = argparse._SubParsersAction
PIN_ENV_HELP = "environment variable holding the PIN to set (default: generate one)"


def register(subparsers: Subparsers[argparse.ArgumentParser]) -> None:
    init = subparsers.add_parser("init", help="set this PC up as a kiosk of a centre")
    init.add_argument("--centre", required=True, help="the centre's name, e.g. 'CZVTC Lusaka'")
    init.add_argument("--kiosk", required=True, help="the name staff know this PC by, e.g. 'Lab 2 PC 14'")
    init.set_defaults(handler=_init)

    trust = subparsers.add_parser("trust", help="trust an awarding body's (or the registry's) public key")
    trust.add_argument("public_key", type=Path, metavar="PUBKEY")
    trust.set_defaults(handler=_trust)

    roster_parser = subparsers.add_parser(
        "roster", help="import the candidate roster and manage access codes"
    )
    roster_verbs = roster_parser.add_subparsers(dest="roster_verb", metavar="VERB", required=True)
    check = roster_verbs.add_parser("check", help="report every problem in a roster CSV without importing it")
    check.add_argument("csv_path", type=Path, metavar="CSV")
    check.set_defaults(handler=_roster_check)
    imported = roster_verbs.add_parser(
        "import", help="import a roster CSV (all or nothing) and issue access codes"
    )
    imported.add_argument("csv_path", type=Path, metavar="CSV")
    imported.add_argument(
        "--codes-out",
        type=Path,
        metavar="FILE",
        help="write the access codes to this new CSV file (mode 0600)",
    )
    imported.set_defaults(handler=_roster_import)
    reset = roster_verbs.add_parser("reset-code", help="issue a candidate a new access code")
    reset.add_argument("candidate_number", metavar="NUMBER")
    reset.set_defaults(handler=_roster_reset)
    extra = roster_verbs.add_parser("extra-time", help="set a candidate's extra-time factor, e.g. 1.25")
    extra.add_argument("candidate_number", metavar="NUMBER")
    extra.add_argument("factor", type=float)
    extra.set_defaults(handler=_roster_extra_time)
    listing = roster_verbs.add_parser("list", help="list the candidates on this kiosk")
    listing.set_defaults(handler=_roster_list)

    invigilator = subparsers.add_parser("invigilator", help="invigilator accounts and PINs")
    invigilator_verbs = invigilator.add_subparsers(dest="invigilator_verb", metavar="VERB", required=True)
    add = invigilator_verbs.add_parser("add", help="add an invigilator and show their PIN once")
    add.add_argument("name")
    add.add_argument("--pin-env", help=PIN_ENV_HELP)
    add.set_defaults(handler=_invigilator_add)
    reset_pin = invigilator_verbs.add_parser("reset-pin", help="give an invigilator a new PIN")
    reset_pin.add_argument("name")
    reset_pin.add_argument("--pin-env", help=PIN_ENV_HELP)
    reset_pin.set_defaults(handler=_invigilator_reset)
    deactivate = invigilator_verbs.add_parser("deactivate", help="stop an invigilator's PIN from working")
    deactivate.add_argument("name")
    deactivate.set_defaults(handler=_invigilator_deactivate)
    people = invigilator_verbs.add_parser("list", help="list invigilator accounts")
    people.set_defaults(handler=_invigilator_list)
    recovery = invigilator_verbs.add_parser(
        "recovery-code",
        help="issue the centre's recovery code, which clears a PIN lockout (the one before stops working)",
    )
    recovery.set_defaults(handler=_invigilator_recovery_code)

    sitting = subparsers.add_parser("sitting", help="schedule and list sittings")
    sitting_verbs = sitting.add_subparsers(dest="sitting_verb", metavar="VERB", required=True)
    schedule = sitting_verbs.add_parser("schedule", help="schedule a sitting of an installed bank")
    schedule.add_argument("name")
    schedule.add_argument("--bank", required=True, help="the bank id, e.g. maintenance-2")
    schedule.add_argument("--date", required=True, type=_date, help="the day, as YYYY-MM-DD")
    schedule.add_argument(
        "--show-score", action="store_true", help="show candidates their score on the receipt"
    )
    schedule.set_defaults(handler=_sitting_schedule)
    sitting_list = sitting_verbs.add_parser("list", help="list sittings")
    sitting_list.add_argument("--date", type=_date, help="only sittings on this day (YYYY-MM-DD)")
    sitting_list.set_defaults(handler=_sitting_list)

    store = subparsers.add_parser("store", help="check the kiosk store or back it up")
    store_verbs = store.add_subparsers(dest="store_verb", metavar="VERB", required=True)
    store_check = store_verbs.add_parser(
        "check", help="full integrity check of the store and every answer journal"
    )
    store_check.set_defaults(handler=_store_check)
    backup = store_verbs.add_parser(
        "backup",
        help="back the whole kiosk up into a new folder inside DEST: the store, its signing identity sealed "
        "with a passphrase, trusted keys and bank packages",
    )
    backup.add_argument("destination", type=Path, metavar="DEST")
    backup.add_argument(
        "--passphrase-env",
        help="environment variable holding the passphrase that seals the identity (default: asked for)",
    )
    backup.add_argument(
        "--store-only",
        action="store_true",
        help="copy only the store (a folder or a new file); such a copy cannot bring the kiosk back",
    )
    backup.set_defaults(handler=_store_backup)
    restore = store_verbs.add_parser(
        "restore",
        help="bring a kiosk backed up with 'kiosk store backup' back on this PC (one not set up yet)",
    )
    restore.add_argument("backup", type=Path, metavar="FOLDER")
    restore.add_argument(
        "--passphrase-env",
        help="environment variable holding the backup's passphrase (default: asked for)",
    )
    restore.set_defaults(handler=_store_restore)


def add_bank_verbs(verbs: Subparsers[argparse.ArgumentParser]) -> None:
    """Add ``install`` and ``list`` to the ``kiosk bank`` group."""
    install = verbs.add_parser("install", help="verify a bank package and install it on this kiosk")
    install.add_argument("package", type=Path, metavar="FILE")
    install.set_defaults(handler=bank_install_command)
    listing = verbs.add_parser("list", help="list the bank packages installed on this kiosk")
    listing.set_defaults(handler=bank_list_command)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write it as YYYY-MM-DD.") from None


def _pin(args: argparse.Namespace) -> str | None:
    name: str | None = args.pin_env
    if name is None:
        return None
    value = os.environ.get(name)
    if not value:
        raise CommandError(f"The environment variable {name} named by --pin-env is not set.")
    return value


def _init(args: argparse.Namespace) -> int:
    with kiosk_context(args) as ctx:
        info = kiosk_setup.init_kiosk(ctx, args.centre, args.kiosk)
        code = invigilators.issue_recovery_code(ctx)
    say(
        f"This PC is now kiosk {info.kiosk_id} ('{info.kiosk_name}' at {info.centre_name}), "
        f"key {info.key_id}."
    )
    _say_recovery_code(code)
    return 0


def _say_recovery_code(code: str) -> None:
    say(f"Recovery code (shown only now; keep it sealed with the centre's exam papers): {code}")
    say("It clears a lockout after too many wrong invigilator PINs on this kiosk.")


def _invigilator_recovery_code(args: argparse.Namespace) -> int:
    with kiosk_context(args) as ctx:
        code = invigilators.issue_recovery_code(ctx)
    _say_recovery_code(code)
    return 0


def _trust(args: argparse.Namespace) -> int:
    with kiosk_context(args) as ctx:
        key = bank_install.trust_key(ctx, args.public_key)
    say(f"Trusted {key.kind.value} key '{key.name}' ({key.key_id}).")
    return 0


def bank_install_command(args: argparse.Namespace) -> int:
    """``kiosk bank install FILE``."""
    with kiosk_context(args) as ctx:
        installed = bank_install.install_package(ctx, args.package)
    say(
        f"Installed {installed.bank_id} version {installed.version} ({installed.title}, "
        f"{installed.item_count} items)."
    )
    return 0


def bank_list_command(args: argparse.Namespace) -> int:
    """``kiosk bank list``."""
    with kiosk_context(args) as ctx:
        installed = bank_install.list_installed(ctx)
    if not installed:
        say("No bank packages are installed on this kiosk.")
    for bank in installed:
        say(
            f"{bank.bank_id:16} version {bank.version:<4} {bank.item_count:>4} items  "
            f"installed {bank.installed_at:%Y-%m-%d %H:%M} UTC  {bank.title}"
        )
    return 0


def _roster_check(args: argparse.Namespace) -> int:
    with kiosk_context(args) as ctx:
        preview = roster.preview_roster(ctx, args.csv_path)
    for warning in preview.warnings:
        say(f"note: {sentence(warning.error())}")
    for problem in preview.problems:
        say(sentence(problem.error()))
    if preview.problems:
        say(f"{args.csv_path}: {len(preview.problems)} problem(s); nothing would be imported.")
        return 1
    say(f"{args.csv_path}: {len(preview.rows)} candidates, ready to import ({preview.encoding}).")
    return 0


def _roster_import(args: argparse.Namespace) -> int:
    codes_out: Path | None = args.codes_out
    if codes_out is not None and codes_out.exists():
        raise CommandError(f"The file {codes_out} already exists; choose a new file for the access codes.")
    with kiosk_context(args) as ctx:
        result = roster.import_roster(
            ctx, args.csv_path, ProgressBar(sys.stderr, "access codes made", delay=1.0)
        )
    if codes_out is None:
        say("Access codes (shown only now; hand each candidate theirs):")
        for issued in result.codes:
            say(f"{issued.candidate_number:16} {issued.access_code}  {issued.full_name}")
    else:
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(["candidate number", "name", "access code"])
        for issued in result.codes:
            writer.writerow(
                [inert_cell(issued.candidate_number), inert_cell(issued.full_name), issued.access_code]
            )
        try:
            write_file(codes_out, text.getvalue().encode("utf-8-sig"), PRIVATE)
        except FileWriteError as error:
            raise CommandError(
                f"The candidates were imported but their access codes were not saved: {sentence(error)} "
                "Issue new ones with 'kiosk roster reset-code'."
            ) from error
        say(f"Wrote the access codes to {codes_out}; they are shown nowhere else.")
    say(f"Imported {result.count} candidates.")
    return 0


def _roster_reset(args: argparse.Namespace) -> int:
    with kiosk_context(args) as ctx:
        code = roster.reset_access_code(ctx, args.candidate_number)
    say(f"New access code for {args.candidate_number.strip().upper()}: {code} (the old one no longer works).")
    return 0


def _roster_extra_time(args: argparse.Namespace) -> int:
    with kiosk_context(args) as ctx:
        roster.set_accommodation(ctx, args.candidate_number, args.factor)
    say(f"Extra-time factor of {args.candidate_number.strip().upper()} set to {args.factor:g}.")
    return 0


def _roster_list(args: argparse.Namespace) -> int:
    with kiosk_context(args) as ctx:
        candidates = roster.list_candidates(ctx)
    if not candidates:
        say("No candidates are on this kiosk's roster.")
    for candidate in candidates:
        extra = f"  extra time x{candidate.extra_time_factor:g}" if candidate.extra_time_factor != 1.0 else ""
        grade = GRADE_NAMES.get(candidate.grade, str(candidate.grade))
        say(
            f"{candidate.candidate_number:16} {candidate.full_name}  ({candidate.certificate} {grade}){extra}"
        )
    return 0


def _invigilator_add(args: argparse.Namespace) -> int:
    with kiosk_context(args) as ctx:
        pin = invigilators.create_invigilator(ctx, args.name, _pin(args))
    say(f"Added invigilator '{' '.join(args.name.split())}'. PIN: {pin} (shown only now).")
    return 0


def _invigilator_reset(args: argparse.Namespace) -> int:
    with kiosk_context(args) as ctx:
        pin = invigilators.reset_pin(ctx, args.name, _pin(args))
    say(f"New PIN for '{' '.join(args.name.split())}': {pin} (shown only now).")
    return 0


def _invigilator_deactivate(args: argparse.Namespace) -> int:
    with kiosk_context(args) as ctx:
        invigilators.deactivate(ctx, args.name)
    say(f"The PIN of '{' '.join(args.name.split())}' no longer works.")
    return 0


def _invigilator_list(args: argparse.Namespace) -> int:
    with kiosk_context(args) as ctx:
        people = invigilators.list_invigilators(ctx)
    if not people:
        say("No invigilator accounts exist on this kiosk.")
    for person in people:
        say(f"{person.name}{'' if person.active else '  (deactivated)'}")
    return 0


def _sitting_schedule(args: argparse.Namespace) -> int:
    with kiosk_context(args) as ctx:
        info = sittings.schedule_sitting(ctx, args.name, args.bank, args.date, show_score=args.show_score)
    say(f"Scheduled sitting {info.id}: '{info.name}', {info.bank_id}, on {info.scheduled_on.isoformat()}.")
    return 0


def _sitting_list(args: argparse.Namespace) -> int:
    with kiosk_context(args) as ctx:
        found = sittings.list_sittings(ctx, args.date)
    if not found:
        say("No sittings are scheduled" + (f" on {args.date.isoformat()}." if args.date else "."))
    for info in found:
        version = f" v{info.bank_version}" if info.bank_version is not None else ""
        say(
            f"{info.id:>4}  {info.scheduled_on.isoformat()}  {info.state.value:9}  "
            f"{info.bank_id}{version}  {info.name}"
        )
    return 0


def _store_check(args: argparse.Namespace) -> int:
    with kiosk_context(args) as ctx:
        result = integrity.check_store(ctx)
    for problem in result.database_problems:
        say(f"database: {problem}")
    for problem in result.journal_problems:
        say(problem)
    if not result.ok:
        say(f"The store has {len(result.database_problems) + len(result.journal_problems)} problem(s).")
        return 1
    say("The store and every answer journal are intact.")
    return 0


def _backup_passphrase(args: argparse.Namespace, confirm: bool) -> bytes:
    given = passphrase(args)
    if given is not None:
        return given
    typed = getpass.getpass("Backup passphrase: ")
    if confirm and getpass.getpass("The same passphrase again: ") != typed:
        raise CommandError("The two passphrases differ; nothing was written.")
    return typed.encode()


def _store_backup(args: argparse.Namespace) -> int:
    if args.store_only:
        with kiosk_context(args) as ctx:
            written = integrity.backup_store(ctx, args.destination)
        say(f"Backed the store up to {written} (the store only: it cannot bring the kiosk back elsewhere).")
        return 0
    secret = _backup_passphrase(args, confirm=True)
    with kiosk_context(args) as ctx:
        made = recovery.backup_kiosk(ctx, args.destination, secret)
    say(
        f"Backed kiosk {made.kiosk_id} up to {made.folder}: the store, its identity sealed with the "
        f"passphrase, {made.trusted_keys} trusted key(s) and {made.packages} bank package(s). Keep the "
        "passphrase apart from the stick."
    )
    return 0


def _store_restore(args: argparse.Namespace) -> int:
    secret = _backup_passphrase(args, confirm=False)
    with kiosk_context(args) as ctx:
        restored = recovery.restore_kiosk(ctx, args.backup, secret)
    say(
        f"Restored kiosk {restored.old_kiosk_id} as {restored.kiosk_id}: {restored.waiting} finished "
        "attempt(s) the registry had not acknowledged when the backup was made will go in the next export."
    )
    return 0
