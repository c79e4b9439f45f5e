"""Backing a kiosk up whole, and bringing it back on another PC when its own is lost.

A backup is a folder holding everything a kiosk needs to carry on: a consistent copy of the store, the
kiosk's signing identity sealed with a passphrase the centre chooses (so the folder on a USB stick gives
nobody the key), the trusted public keys and the installed (still encrypted) bank packages.

A restore brings the store back under a *restored identity*: the kiosk id becomes ``<id>.R<tag>``, with a
fresh random tag for every restore. The PC that was lost may have gone on after the backup was taken,
numbering attempts and bundles the backup never saw; from the restored id on, attempt ids and bundle ids
can never repeat one of those. The registry checks a restored kiosk's bundles with the original kiosk's
enrolled key and files them under its centre (``kiosk.formats.bundles.enrolled_kiosk_id``), numbering
them in a chain of their own. The restored store forgets the bundles of the old id: every attempt the
registry had not acknowledged when the backup was taken is exported again, and the registry takes an
attempt it already holds with the same content once.
"""

from __future__ import annotations

import secrets
import shutil
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from kiosk.domain.errors import InputError, RuleError
from kiosk.formats.bundles import RESTORED_MARK
from kiosk.formats.keys import load_identity, write_identity
from kiosk.station.services.context import PACKAGES_DIR, STORE_FILE, TRUST_DIR, KioskContext
from kiosk.station.services.export import FINISHED
from kiosk.station.services.kiosk_setup import load_kiosk_identity, require_kiosk
from kiosk.station.storage.migrations import upgrade
from kiosk.station.storage.outbox import list_bundles, restart_outbox
from kiosk.station.storage.repositories import attempts, audit, identity
from kiosk.support.files import PRIVATE, PRIVATE_FOLDER, write_file

IDENTITY_DIR = "identity"
# A passphrase shorter than this is refused: the sealed key is only as safe as the passphrase.
MIN_PASSPHRASE = 12


@dataclass(frozen=True, slots=True)
class KioskBackup:
    """A backup folder written: where, for which kiosk, and what it holds."""

    folder: Path
    kiosk_id: str
    packages: int
    trusted_keys: int


@dataclass(frozen=True, slots=True)
class Restored:
    """A kiosk brought back: its id before and after, and how many attempts wait to be exported again."""

    old_kiosk_id: str
    kiosk_id: str
    waiting: int
    bundles_forgotten: int


def _check_passphrase(passphrase: bytes) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise InputError("recovery.passphrase_short", minimum=MIN_PASSPHRASE)


def backup_kiosk(ctx: KioskContext, destination: Path, passphrase: bytes) -> KioskBackup:
    """Write a whole-kiosk backup folder inside ``destination`` and return what it holds."""
    _check_passphrase(passphrase)
    if not destination.is_dir():
        raise InputError("recovery.folder_missing", folder=destination)
    kiosk = require_kiosk(ctx)
    key = load_kiosk_identity(ctx)
    folder = destination / f"kiosk-backup-{kiosk.kiosk_id}-{ctx.clock.wall().astimezone(UTC):%Y%m%d-%H%M%S}"
    if folder.exists():
        raise InputError("recovery.backup_exists", folder=folder)
    folder.mkdir(mode=PRIVATE_FOLDER)
    ctx.store.backup(folder / STORE_FILE)
    write_identity(key, folder / IDENTITY_DIR, passphrase, public_mode=PRIVATE)
    packages = _copy_files(ctx.packages_dir, folder / PACKAGES_DIR)
    trusted = _copy_files(ctx.trust_dir, folder / TRUST_DIR)
    with ctx.store.transaction() as session:
        audit.add_event(session, "kiosk_backed_up", ctx.clock.wall(), detail={"folder": str(folder)})
    return KioskBackup(folder, kiosk.kiosk_id, packages, trusted)


def _copy_files(source: Path, target: Path) -> int:
    """Copy the plain files of ``source`` into ``target`` through the one file writer; return how many."""
    target.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
    count = 0
    if source.is_dir():
        for path in sorted(source.iterdir()):
            if path.is_file() and not path.is_symlink():
                write_file(target / path.name, path.read_bytes(), PRIVATE)
                count += 1
    return count


def restore_kiosk(ctx: KioskContext, backup: Path, passphrase: bytes) -> Restored:
    """Bring the kiosk backed up in the folder ``backup`` back into this PC's empty data folder.

    Refused when this PC is a kiosk already, when the folder is no kiosk backup, or when the passphrase
    does not open the sealed identity (nothing is written then).
    """
    store_copy = backup / STORE_FILE
    keys = sorted((backup / IDENTITY_DIR).glob("*.key")) if (backup / IDENTITY_DIR).is_dir() else []
    if not store_copy.is_file() or len(keys) != 1:
        raise InputError("recovery.not_a_backup", folder=backup)
    with ctx.store.session() as session:
        existing = identity.get_kiosk(session)
    if existing is not None:
        raise RuleError("recovery.already_a_kiosk", kiosk_id=existing.kiosk_id)
    key = load_identity(keys[0], passphrase)  # a wrong passphrase stops here, before anything is written
    ctx.store.close()
    shutil.copyfile(store_copy, ctx.store.path)
    ctx.store.path.chmod(PRIVATE)
    for name in (f"{ctx.store.path.name}-wal", f"{ctx.store.path.name}-shm"):
        (ctx.store.path.parent / name).unlink(missing_ok=True)
    ctx.store.close()  # connections made before the copy must not be reused
    upgrade(ctx.store)  # a backup made by an older version is brought to this version's schema
    write_identity(key, ctx.keys_dir, public_mode=PRIVATE)
    _copy_files(backup / PACKAGES_DIR, ctx.packages_dir)
    _copy_files(backup / TRUST_DIR, ctx.trust_dir)
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        kiosk = identity.get_kiosk(session)
        if kiosk is None:
            raise InputError("recovery.not_a_backup", folder=backup)
        old_id = kiosk.kiosk_id
        base = old_id.split(RESTORED_MARK, 1)[0]
        new_id = f"{base}{RESTORED_MARK}{secrets.token_hex(2).upper()}"
        forgotten = len(list_bundles(session))
        restart_outbox(session)
        identity.rename_kiosk(session, new_id, f"{key.name}.key")
        waiting = sum(1 for record in attempts.attempts_in_states(session, FINISHED) if not record.delivered)
        audit.add_event(
            session,
            "kiosk_restored",
            now,
            detail={"from": old_id, "to": new_id, "backup": str(backup), "bundles_forgotten": forgotten},
        )
    return Restored(old_id, new_id, waiting, forgotten)
