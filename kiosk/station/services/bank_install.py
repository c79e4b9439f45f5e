"""Installing bank packages on a kiosk, and the awarding-body keys it trusts to sign them.

A package is verified against the trusted keys, checked against the version ratchet (a kiosk only ever
accepts a newer version of a bank), copied still encrypted into ``<data_dir>/packages`` atomically and
read back, then recorded. On any failure nothing is left half-installed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.domain.errors import BankError, KioskError, RuleError, SecurityError
from kiosk.formats.bank_packages import package_file_name, read_package_file
from kiosk.formats.keys import KeyKind, PublicIdentity, load_public
from kiosk.formats.packages import PackageHeader, verify_package
from kiosk.station.services.context import KioskContext
from kiosk.station.storage.records import BankRecord
from kiosk.station.storage.repositories import audit, banks
from kiosk.support.files import write_file

TRUSTED_KINDS = (KeyKind.AWARDING, KeyKind.REGISTRY)


@dataclass(frozen=True, slots=True)
class InstalledBank:
    """A bank package installed on this kiosk."""

    bank_id: str
    version: int
    certificate: str
    grade: int
    title: str
    item_count: int
    signer_key_id: str
    package_file: Path
    installed_at: datetime


def _installed(ctx: KioskContext, record: BankRecord) -> InstalledBank:
    return InstalledBank(
        bank_id=record.bank_id,
        version=record.version,
        certificate=record.certificate,
        grade=record.grade,
        title=record.title,
        item_count=record.item_count,
        signer_key_id=record.signer_key_id,
        package_file=ctx.packages_dir / record.package_file,
        installed_at=record.installed_at,
    )


def trusted_keys(ctx: KioskContext, kind: KeyKind = KeyKind.AWARDING) -> list[PublicIdentity]:
    """The trusted public keys of one kind in ``<data_dir>/trust``, in file-name order."""
    keys = [load_public(path) for path in sorted(ctx.trust_dir.glob("*.pub"))]
    return [key for key in keys if key.kind is kind]


def trust_key(ctx: KioskContext, public_key_path: Path) -> PublicIdentity:
    """Trust an awarding-body (or registry) public key file; trusting the same key again changes nothing."""
    key = load_public(public_key_path)
    if key.kind not in TRUSTED_KINDS:
        raise SecurityError("trust.wrong_kind", path=public_key_path, kind=key.kind.value)
    target = ctx.trust_dir / f"{key.kind.value}-{key.key_id}.pub"
    if target.exists():
        return key
    write_file(target, key.to_text().encode("ascii"))
    now = ctx.clock.wall()
    with ctx.store.transaction() as session:
        audit.add_event(
            session,
            "key_trusted",
            now,
            detail={"kind": key.kind.value, "name": key.name, "key_id": key.key_id},
        )
    return key


def install_package(ctx: KioskContext, package_path: Path) -> InstalledBank:
    """Verify a bank package and install it; refuses untrusted, damaged or not-newer packages.

    Installing exactly the same package file again is allowed: it restores a damaged copy on disk.
    """
    data = read_package_file(package_path)
    trusted = trusted_keys(ctx)
    if not trusted:
        raise SecurityError("install.no_trusted_key")
    # A refusal says itself what is wrong with the package (untrusted signer, damage, a bank id or number
    # out of range, ...); nothing in the header is used before this.
    header = verify_package(data, trusted)
    file_name = package_file_name(header)
    digest = hashlib.sha256(data).hexdigest()
    with ctx.store.session() as session:
        installed = banks.latest_version(session, header.bank_id)
        same = banks.get_bank(session, header.bank_id, header.version)
    if same is not None and same.package_sha256 == digest:
        return _repair(ctx, same, data)
    _check_newer(header, installed)

    target = ctx.packages_dir / file_name
    now = ctx.clock.wall()
    try:
        write_file(target, data)
        # Read it back: a failing disk or USB controller must not leave a package that only looks installed.
        if hashlib.sha256(target.read_bytes()).hexdigest() != digest:
            raise BankError("install.read_back_different", path=target)
        record = _record(header, target.name, digest, now)
        with ctx.store.transaction() as session:
            # Checked again inside the transaction, in case another install ran meanwhile.
            _check_newer(header, banks.latest_version(session, header.bank_id))
            banks.add_bank(session, record)
            audit.add_event(
                session, "bank_installed", now, detail={"bank_id": header.bank_id, "version": header.version}
            )
    except OSError as error:
        target.unlink(missing_ok=True)
        reason = error.strerror or str(error)
        raise BankError("install.read_back_failed", path=target, reason=reason) from error
    except KioskError:
        # Includes FileWriteError: a copy that failed part-way left nothing, and one that landed is removed.
        target.unlink(missing_ok=True)
        raise
    return _installed(ctx, record)


def _repair(ctx: KioskContext, record: BankRecord, data: bytes) -> InstalledBank:
    """Installing the very same package again rewrites its file, in case the copy on disk was damaged."""
    write_file(ctx.packages_dir / record.package_file, data)
    return _installed(ctx, record)


def _check_newer(header: PackageHeader, installed: int | None) -> None:
    if installed is None or header.version > installed:
        return
    if header.version == installed:
        raise RuleError("install.same_version", bank=header.bank_id, version=header.version)
    raise RuleError("install.older_version", bank=header.bank_id, version=header.version, installed=installed)


def _record(header: PackageHeader, file_name: str, digest: str, now: datetime) -> BankRecord:
    return BankRecord(
        bank_id=header.bank_id,
        version=header.version,
        certificate=str(header.certificate),
        grade=header.grade,
        title=header.title,
        item_count=header.item_count,
        header_json=json.dumps(header.fields, ensure_ascii=False, sort_keys=True),
        package_file=file_name,
        package_sha256=digest,
        signer_key_id=header.signer_key_id,
        installed_at=now,
    )


def list_installed(ctx: KioskContext) -> list[InstalledBank]:
    """Every installed package, by bank and version (older versions stay for attempts that used them)."""
    with ctx.store.session() as session:
        records = banks.list_banks(session)
    return [_installed(ctx, record) for record in records]


def latest_installed(ctx: KioskContext, bank_id: str) -> InstalledBank | None:
    """The newest installed version of ``bank_id``, if any."""
    with ctx.store.session() as session:
        version = banks.latest_version(session, bank_id)
        record = None if version is None else banks.get_bank(session, bank_id, version)
    return None if record is None else _installed(ctx, record)


def read_installed_package(ctx: KioskContext, bank_id: str, version: int) -> bytes:
    """The bytes of an installed package, checked against the digest recorded at install."""
    with ctx.store.session() as session:
        record = banks.get_bank(session, bank_id, version)
    if record is None:
        raise RuleError("installed_package.missing", bank=bank_id, version=version)
    path = ctx.packages_dir / record.package_file
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise BankError("installed_package.unreadable", path=path, reason=reason) from error
    if hashlib.sha256(data).hexdigest() != record.package_sha256:
        raise BankError("installed_package.changed", path=path)
    return data
