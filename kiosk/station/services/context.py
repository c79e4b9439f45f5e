"""The kiosk's working context: its data folder, store, clock and secret-hashing cost.

Every kiosk use case takes a :class:`KioskContext` first. :func:`open_context` lays out the data folder,
refuses a damaged store and brings its schema up to date, so nothing runs on a store that failed its check.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.domain.clock import Clock, SystemClock
from kiosk.domain.errors import StoreError
from kiosk.formats.secrets import HashCost
from kiosk.station.storage.engine import Store, open_store
from kiosk.station.storage.migrations import upgrade
from kiosk.support.files import PRIVATE, PRIVATE_FOLDER, make_private_folder

STORE_FILE = "kiosk.db"
PACKAGES_DIR = "packages"
TRUST_DIR = "trust"
KEYS_DIR = "keys"


@dataclass
class KioskContext:
    """What every kiosk service needs: where the data lives, the store, the time and the hashing cost."""

    data_dir: Path
    store: Store
    clock: Clock
    hash_cost: HashCost

    @property
    def packages_dir(self) -> Path:
        """Installed bank packages, still encrypted."""
        return self.data_dir / PACKAGES_DIR

    @property
    def trust_dir(self) -> Path:
        """Trusted awarding-body (and registry) public keys, ``*.pub``."""
        return self.data_dir / TRUST_DIR

    @property
    def keys_dir(self) -> Path:
        """This kiosk's own identity key."""
        return self.data_dir / KEYS_DIR

    def mode_for(self, path: Path, mode: int) -> int:
        """``mode`` for a file written to ``path``, but owner-only when ``path`` is inside the data folder."""
        if path.resolve().is_relative_to(self.data_dir.resolve()):
            return PRIVATE
        return mode

    def close(self) -> None:
        """Release the store's connections."""
        self.store.close()


def open_context(
    data_dir: Path, clock: Clock | None = None, hash_cost: HashCost = HashCost.STANDARD
) -> KioskContext:
    """Open the kiosk data folder, creating its layout, checking the store and upgrading its schema.

    The folder and everything in it are made readable by this account only (0700 folders, 0600 files on
    POSIX): the store holds PIN and access-code hashes, names and results, and the folder the kiosk's key.
    Raises StoreError when the folder cannot be created or made private, or the store is damaged.
    """
    try:
        data_dir.mkdir(PRIVATE_FOLDER, parents=True, exist_ok=True)
        for name in (PACKAGES_DIR, TRUST_DIR, KEYS_DIR):
            (data_dir / name).mkdir(PRIVATE_FOLDER, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        raise StoreError("kiosk_store.folder_not_created", folder=data_dir, reason=reason) from error
    try:
        # Narrowed rather than refused: folders set up by older versions were open to every local user.
        make_private_folder(data_dir)
    except OSError as error:
        refused = Path(error.filename) if error.filename else data_dir
        reason = error.strerror or str(error)
        raise StoreError(
            "kiosk_store.folder_not_private", folder=data_dir, path=refused, reason=reason
        ) from error
    store = open_store(data_dir / STORE_FILE)
    try:
        store.require_intact()
        upgrade(store)
    except BaseException:
        store.close()
        raise
    return KioskContext(data_dir=data_dir, store=store, clock=clock or SystemClock(), hash_cost=hash_cost)
