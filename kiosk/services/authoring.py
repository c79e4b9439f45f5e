"""Awarding-body use cases: check a bank source, build and inspect signed bank packages, make keys."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.banks.payload import bank_from_payload, bank_to_payload
from kiosk.banks.problems import Problem
from kiosk.banks.source import load_bank_dir, read_bank_dir
from kiosk.domain.errors import BankError
from kiosk.domain.items import GRADE_NAMES, Bank
from kiosk.security.keys import (
    KeyKind,
    PrivateIdentity,
    PublicIdentity,
    generate_identity,
    load_identity,
    load_public,
    write_identity,
)
from kiosk.security.packages import (
    STANDARD_RELEASE_KDF,
    PackageHeader,
    ReleaseKdf,
    build_package,
    open_package,
    read_header,
    verify_package,
)

PACKAGE_SUFFIX = ".1xbank"


@dataclass(frozen=True, slots=True)
class BuiltPackage:
    path: Path
    bank_id: str
    version: int
    item_count: int
    size: int


def validate_source(folder: Path) -> list[Problem]:
    """Every problem in a bank source folder; an empty list means it is ready to build."""
    _, problems = read_bank_dir(folder)
    return problems


def package_header_fields(bank: Bank) -> dict[str, object]:
    """What the signed header says about a bank, readable without the release code."""
    return {
        "bank_id": bank.bank_id,
        "certificate": bank.certificate.value,
        "grade": bank.grade,
        "version": bank.version,
        "item_count": len(bank.items),
        "form_items": bank.blueprint.item_count,
        "duration_minutes": bank.blueprint.duration_minutes,
        "title": bank.title.en,
        "languages": list(bank.languages),
    }


def build_bank_package(
    folder: Path,
    output: Path,
    signer: PrivateIdentity,
    release_code: str,
    recipients: Sequence[PublicIdentity] = (),
    kdf: ReleaseKdf = STANDARD_RELEASE_KDF,
) -> BuiltPackage:
    """Validate a source folder and write its signed, encrypted package atomically to ``output``."""
    bank = load_bank_dir(folder)
    data = build_package(
        package_header_fields(bank), bank_to_payload(bank), signer, release_code, recipients, kdf=kdf
    )
    write_atomically(output, data)
    return BuiltPackage(output, bank.bank_id, bank.version, len(bank.items), len(data))


def write_atomically(path: Path, data: bytes) -> None:
    """Write a file so that a crash leaves either the old file or the whole new one: temp, fsync, rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):
        directory = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def read_package_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as error:
        raise BankError(f"The bank package {path} does not exist.") from error
    except OSError as error:
        raise BankError(f"The bank package {path} cannot be read ({error.strerror}).") from error


def inspect_package(path: Path) -> PackageHeader:
    """The signed header of a package, read without checking or decrypting anything."""
    return read_header(read_package_file(path))


def verify_package_file(path: Path, trusted: Sequence[Path]) -> PackageHeader:
    """Check a package's structure and signature against trusted awarding-body public keys."""
    return verify_package(read_package_file(path), [load_public(key) for key in trusted])


def open_bank_package(data: bytes, trusted: Sequence[PublicIdentity], release_code: str) -> Bank:
    """Verify, decrypt and load a package into a Bank in memory; nothing is written to disk."""
    header, payload = open_package(data, trusted, release_code)
    bank = bank_from_payload(payload)
    if bank.bank_id != header.bank_id or bank.version != header.version:
        raise BankError(
            f"The package header names {header.bank_id} version {header.version}, but its content is "
            f"{bank.bank_id} version {bank.version}; "
            "refuse the package and ask the awarding body for a new one."
        )
    return bank


def describe_header(header: PackageHeader) -> list[tuple[str, str]]:
    """Label/value rows a person reads to recognise a package."""
    return [
        ("Bank", header.bank_id),
        ("Title", header.title),
        ("Certificate", str(header.certificate)),
        ("Grade", GRADE_NAMES.get(header.grade, str(header.grade))),
        ("Version", str(header.version)),
        ("Items", str(header.item_count)),
        ("Signed by key", header.signer_key_id),
        ("Built", header.created),
    ]


def new_keys(kind: KeyKind, name: str, directory: Path, passphrase: bytes | None = None) -> tuple[Path, Path]:
    """Generate an identity of the given kind and write its private (0600) and public key files."""
    return write_identity(generate_identity(kind, name), directory, passphrase)


def load_signing_identity(path: Path, passphrase: bytes | None = None) -> PrivateIdentity:
    return load_identity(path, passphrase)
