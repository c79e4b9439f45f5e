"""The banks the registry rescores with, kept in its own database.

Custody rule: the registry rescores every attempt with its own copy of the bank version the attempt was sat
on, never with anything the kiosk sends. A copy comes from the awarding body, either as the bank source
folders (checked as ``kiosk bank validate`` checks them) or as the signed package with its release code
after the sitting (the signature is checked against the awarding body's key before it is decrypted). Each
copy is kept whole, by bank id and version, with the SHA-256 of its payload; the first copy of a version
stays, the same copy again changes nothing, and another copy under a version already held is refused: a
bank version never changes once results were scored with it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from kiosk.domain.catalogue import BankCatalogue
from kiosk.domain.errors import SecurityError
from kiosk.domain.items import Bank
from kiosk.formats.bank_packages import open_bank_package, read_package_file
from kiosk.formats.bank_payload import bank_from_payload, bank_to_payload
from kiosk.formats.keys import PublicIdentity
from kiosk.registry.services.registry import RegistryContext
from kiosk.registry.storage.repo import HeldBank, add_held_bank, find_held_bank, held_banks
from kiosk.registry.storage.store import RegistryDatabase


class BankSource(Protocol):
    """Where held bank copies are read from: an open registry, or a bundle reader's own connection to its
    database (see :mod:`kiosk.registry.services.imports`)."""

    @property
    def database(self) -> RegistryDatabase: ...
    @property
    def bank_cache(self) -> dict[tuple[str, int], object]: ...


class BankOutcome(StrEnum):
    ADDED = "added"
    ALREADY = "already held"


@dataclass(frozen=True, slots=True)
class BankKept:
    """What taking one bank version into custody came to."""

    bank_id: str
    version: int
    digest: str
    outcome: BankOutcome


@dataclass(frozen=True, slots=True)
class HeldCopy:
    """A bank version the registry holds, loaded, with the digest of its payload."""

    bank: Bank
    digest: str


def _digest(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


def keep_bank(ctx: RegistryContext, bank: Bank, source: str) -> BankKept:
    """Take ``bank`` into the registry's custody; SecurityError when another copy of its version is held."""
    payload = bank_to_payload(bank)
    digest = _digest(payload)
    record = HeldBank(bank.bank_id, bank.version, digest, source, ctx.now(), payload.decode("utf-8"))
    with ctx.database.transaction() as session:
        held = find_held_bank(session, bank.bank_id, bank.version)
        if held is None and add_held_bank(session, record):
            return BankKept(bank.bank_id, bank.version, digest, BankOutcome.ADDED)
        held = held or find_held_bank(session, bank.bank_id, bank.version)
    if held is not None and held.digest == digest:
        return BankKept(bank.bank_id, bank.version, digest, BankOutcome.ALREADY)
    raise SecurityError(
        "registry_banks.version_differs",
        bank=bank.bank_id,
        version=bank.version,
        source=source,
        held_source=held.source if held is not None else "?",
    )


def keep_banks(ctx: RegistryContext, banks: Iterable[tuple[Bank, str]]) -> list[BankKept]:
    """Take each (bank, where it came from) into custody, in order; stops at the first refused."""
    return [keep_bank(ctx, bank, source) for bank, source in banks]


def keep_package(
    ctx: RegistryContext, path: Path, trusted: Sequence[PublicIdentity], release_code: str
) -> BankKept:
    """Take the bank in a signed package into custody: its signature checked, then opened with the code."""
    bank = open_bank_package(read_package_file(path), trusted, release_code)
    return keep_bank(ctx, bank, str(path))


def list_banks(ctx: RegistryContext) -> list[HeldBank]:
    """Every bank version held, by id and version (without the banks themselves)."""
    with ctx.database.session() as session:
        return held_banks(session)


def held_copy(ctx: BankSource, bank_id: str, version: int) -> HeldCopy | None:
    """The registry's copy of a bank version, or None when it holds none.

    Copies are loaded once per open registry (a version never changes once held); a version not held is
    looked up again each time, since another administrator may add it meanwhile. A copy whose payload no
    longer matches its digest raises SecurityError rather than rescoring with it.
    """
    key = (bank_id, version)
    cached = ctx.bank_cache.get(key)
    if isinstance(cached, HeldCopy):
        return cached
    with ctx.database.session() as session:
        held = find_held_bank(session, bank_id, version)
    if held is None:
        return None
    payload = held.payload.encode("utf-8")
    if _digest(payload) != held.digest:
        raise SecurityError("registry_banks.copy_damaged", bank=bank_id, version=version)
    copy = HeldCopy(bank_from_payload(payload), held.digest)
    ctx.bank_cache[key] = copy
    return copy


def held_catalogue(ctx: RegistryContext, wanted: Iterable[tuple[str, int]]) -> BankCatalogue:
    """The held copies of the ``wanted`` (bank id, version) pairs that the registry holds."""
    banks = {}
    for bank_id, version in set(wanted):
        copy = held_copy(ctx, bank_id, version)
        if copy is not None:
            banks[(bank_id, version)] = copy.bank
    return BankCatalogue(banks)
