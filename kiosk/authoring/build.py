"""Awarding-body use cases: check a bank source, build and inspect signed bank packages, make keys."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.authoring.lint import LintReport, lint_sources
from kiosk.authoring.problems import Problem
from kiosk.authoring.release_codes import check_release_code
from kiosk.authoring.source import load_bank_dir, read_bank_dir, read_source
from kiosk.domain.errors import SecurityError
from kiosk.domain.items import GRADE_NAMES
from kiosk.formats.bank_packages import package_header_fields
from kiosk.formats.bank_payload import bank_to_payload
from kiosk.formats.keys import KeyKind, PrivateIdentity, generate_identity, load_identity, write_identity
from kiosk.formats.packages import (
    STANDARD_RELEASE_KDF,
    PackageHeader,
    ReleaseKdf,
    build_package,
)
from kiosk.support.files import SHARED, write_file


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


def lint(folders: Sequence[Path]) -> LintReport:
    """The item-writing warnings and figures of each readable bank source, near-duplicates across all."""
    return lint_sources([read_source(folder) for folder in folders])


def build_bank_package(
    folder: Path,
    output: Path,
    signer: PrivateIdentity,
    release_code: str,
    *,
    kdf: ReleaseKdf = STANDARD_RELEASE_KDF,
) -> BuiltPackage:
    """Validate a source folder and write its signed, encrypted package atomically to ``output``.

    Only an awarding-body key signs a bank, and the release code must pass the strength floor of
    :mod:`kiosk.authoring.release_codes`; both are refused before the source is read.
    """
    if signer.kind is not KeyKind.AWARDING:
        raise SecurityError("bank.signer_not_awarding", name=signer.name, kind=signer.kind.value)
    check_release_code(release_code)
    bank = load_bank_dir(folder)
    data = build_package(package_header_fields(bank), bank_to_payload(bank), signer, release_code, kdf=kdf)
    write_file(output, data, SHARED)
    return BuiltPackage(output, bank.bank_id, bank.version, len(bank.items), len(data))


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
