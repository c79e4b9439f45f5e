"""The results registry: its folder and key, kiosk enrolment, and sequence-gap reporting.

A registry folder holds ``keys/`` (the registry identity bundles are encrypted to), ``registry.db`` (the
default SQLite database; PostgreSQL is given as a URL instead), ``receipts/`` (signed receipts to carry
back to kiosks) and ``quarantine/`` (copies of refused and conflicting files; nothing is ever deleted).
Importing bundles is :mod:`kiosk.registry.services.imports`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from kiosk.domain.errors import InputError, KioskError, Notice, SecurityError, StoreError
from kiosk.formats.enrolment import Enrolment, read_enrolment
from kiosk.formats.keys import KeyKind, PrivateIdentity, PublicIdentity, generate_identity, load_identity
from kiosk.formats.keys import write_identity as write_key_files
from kiosk.registry.storage.repo import (
    EnrolledKiosk,
    add_kiosk,
    enrolled_kiosks,
    find_kiosk,
    kiosk_sequences,
    replace_kiosk_key,
)
from kiosk.registry.storage.store import RegistryDatabase, open_registry_database, sqlite_url

DATABASE_NAME = "registry.db"


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class RegistryContext:
    """An open registry: its folder, database and private identity."""

    directory: Path
    database: RegistryDatabase
    identity: PrivateIdentity
    now: Callable[[], datetime] = field(default=_utc_now)
    bank_cache: dict[tuple[str, int], object] = field(default_factory=dict, repr=False)
    """Bank versions loaded from the registry's custody (see :mod:`kiosk.registry.services.banks`)."""

    @property
    def receipts_dir(self) -> Path:
        return self.directory / "receipts"

    @property
    def quarantine_dir(self) -> Path:
        return self.directory / "quarantine"

    def kiosk_keys(self) -> dict[str, PublicIdentity]:
        """Every enrolled kiosk's public identity, by kiosk id."""
        with self.database.session() as session:
            return {
                kiosk.kiosk_id: PublicIdentity.from_text(kiosk.public_text)
                for kiosk in enrolled_kiosks(session)
            }

    def close(self) -> None:
        self.database.close()


def default_database_url(directory: Path) -> str:
    """The SQLite file inside the registry folder."""
    return sqlite_url(directory / DATABASE_NAME)


def init_registry(directory: Path, name: str = "registry", passphrase: bytes | None = None) -> Path:
    """Create the registry folder and its identity; returns the public key file to give every kiosk.

    The private key is written readable by its owner only and the public key readable by all, each whole
    or not at all (a full disk raises FileWriteError and leaves no key behind to be mistaken for one).
    """
    _make_folder(directory)
    existing = sorted((directory / "keys").glob("*.key"))
    if existing:
        raise SecurityError("registry.key_exists", folder=directory, key=existing[0].name)
    _key_path, pub_path = write_key_files(
        generate_identity(KeyKind.REGISTRY, name), directory / "keys", passphrase
    )
    return pub_path


def open_registry(
    directory: Path,
    database_url: str | None = None,
    passphrase: bytes | None = None,
    now: Callable[[], datetime] = _utc_now,
) -> RegistryContext:
    """Open the registry in ``directory`` (made by :func:`init_registry`) on the given or default database."""
    keys = sorted((directory / "keys").glob("*.key")) if (directory / "keys").is_dir() else []
    if not keys:
        raise InputError("registry.not_set_up", folder=directory)
    if len(keys) > 1:
        raise InputError(
            "registry.several_keys", folder=directory, keys=", ".join(path.name for path in keys)
        )
    identity = load_identity(keys[0], passphrase)
    if identity.kind is not KeyKind.REGISTRY:
        raise SecurityError("registry.key_not_registry", path=keys[0], kind=identity.kind.value)
    database = open_registry_database(database_url or default_database_url(directory))
    try:
        for folder in ("receipts", "quarantine"):
            _make_folder(directory / folder)
    except KioskError:
        database.close()
        raise
    return RegistryContext(directory, database, identity, now)


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            "registry.folder_not_created", folder=folder, reason=error.strerror or str(error)
        ) from error


class EnrolmentOutcome(StrEnum):
    ENROLLED = "enrolled"
    ALREADY = "already enrolled"
    REPLACED = "key replaced"


@dataclass(frozen=True, slots=True)
class EnrolResult:
    outcome: EnrolmentOutcome
    enrolment: Enrolment


def enrol_kiosk(ctx: RegistryContext, path: Path, replace: bool = False) -> EnrolResult:
    """Accept bundles from the kiosk named in the enrolment file at ``path``.

    Enrolling the same key again changes nothing. A kiosk id already enrolled with another key is
    refused unless ``replace`` is given (a reinstalled kiosk); the old key is kept, not deleted.
    """
    enrolment = read_enrolment(path)
    record = EnrolledKiosk(
        kiosk_id=enrolment.kiosk_id,
        kiosk_name=enrolment.kiosk_name,
        centre=enrolment.centre,
        key_id=enrolment.key_id,
        public_text=enrolment.public.to_text(),
        enrolled_at=ctx.now(),
    )
    with ctx.database.transaction() as session:
        held = find_kiosk(session, enrolment.kiosk_id)
        if held is None and add_kiosk(session, record):
            return EnrolResult(EnrolmentOutcome.ENROLLED, enrolment)
        held = held or find_kiosk(session, enrolment.kiosk_id)
        if held is not None and held.key_id == enrolment.key_id:
            return EnrolResult(EnrolmentOutcome.ALREADY, enrolment)
        if not replace:
            raise SecurityError(
                "registry.kiosk_key_differs",
                kiosk=enrolment.kiosk_id,
                held_key=held.key_id if held else "?",
                path=path,
                key=enrolment.key_id,
            )
        replace_kiosk_key(session, record, ctx.now())
        return EnrolResult(EnrolmentOutcome.REPLACED, enrolment)


def list_kiosks(ctx: RegistryContext) -> list[EnrolledKiosk]:
    with ctx.database.session() as session:
        return enrolled_kiosks(session)


def sequence_gaps(ctx: RegistryContext, kiosk_ids: Iterable[str] | None = None) -> dict[str, list[int]]:
    """The sequence numbers missing before each kiosk's newest bundle (kiosks number bundles from 1)."""
    with ctx.database.session() as session:
        sequences = kiosk_sequences(session)
    wanted = set(sequences) if kiosk_ids is None else set(kiosk_ids) & set(sequences)
    gaps = {}
    for kiosk_id in sorted(wanted):
        held = set(sequences[kiosk_id])
        missing = sorted(set(range(1, max(held) + 1)) - held)
        if missing:
            gaps[kiosk_id] = missing
    return gaps


def gap_notice(kiosk_id: str, missing: list[int]) -> Notice:
    """What to say of a kiosk's missing bundles (the first ten numbers, and how many in all)."""
    shown = ", ".join(str(number) for number in missing[:10]) + (" ..." if len(missing) > 10 else "")
    return Notice("registry_import.bundles_missing", kiosk_id=kiosk_id, numbers=shown, count=len(missing))
