"""Installing bank packages: trusted keys, verification, the version ratchet, nothing half-installed."""

from __future__ import annotations

import dataclasses
import json
import stat
import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.domain.errors import BankError, FileWriteError, KioskError, RuleError, SecurityError, StoreError
from kiosk.formats.encoding import canonical_json
from kiosk.formats.keys import KeyKind, PrivateIdentity, generate_identity, write_identity
from kiosk.formats.packages import PACKAGE_HEADER_LABEL, PACKAGE_MAGIC, read_header, verify_package
from kiosk.station.services import bank_install
from kiosk.station.services.bank_install import (
    install_package,
    latest_installed,
    list_installed,
    read_installed_package,
    trust_key,
    trusted_keys,
)
from kiosk.station.services.context import KioskContext
from kiosk.station.storage.repositories import audit, banks
from kiosk.support.files import PRIVATE
from tests.fixtures.kiosk import make_bank
from tests.fixtures.station import part_files

WritePackage = Callable[..., Path]


def _trusting(ctx: KioskContext, awarding_pub: Path) -> KioskContext:
    trust_key(ctx, awarding_pub)
    return ctx


def test_trusting_a_key_copies_it_into_the_trust_folder(ctx: KioskContext, awarding_pub: Path) -> None:
    key = trust_key(ctx, awarding_pub)
    assert [path.name for path in ctx.trust_dir.iterdir()] == [f"awarding-{key.key_id}.pub"]
    assert trusted_keys(ctx) == [key]
    assert trusted_keys(ctx, KeyKind.REGISTRY) == []
    assert trust_key(ctx, awarding_pub) == key  # trusting again changes nothing
    assert len(list(ctx.trust_dir.iterdir())) == 1


def test_a_registry_key_is_trusted_but_not_for_bank_packages(ctx: KioskContext, tmp_path: Path) -> None:
    _, public = write_identity(generate_identity(KeyKind.REGISTRY, "registry"), tmp_path / "reg")
    key = trust_key(ctx, public)
    assert trusted_keys(ctx, KeyKind.REGISTRY) == [key]
    assert trusted_keys(ctx) == []


def test_a_kiosk_key_is_not_trusted(ctx: KioskContext, tmp_path: Path) -> None:
    _, public = write_identity(generate_identity(KeyKind.KIOSK, "other-kiosk"), tmp_path / "k")
    with pytest.raises(SecurityError, match=r"^trust\.wrong_kind\b") as caught:
        trust_key(ctx, public)
    assert caught.value.params == {"path": public, "kind": "kiosk"}
    assert list(ctx.trust_dir.iterdir()) == []


def test_a_full_disk_trusts_no_key_and_leaves_nothing(
    ctx: KioskContext, awarding_pub: Path, fill_disk: Callable[[], None]
) -> None:
    fill_disk()
    with pytest.raises(FileWriteError, match=r"^file\.disk_full\b") as caught:
        trust_key(ctx, awarding_pub)
    refused = caught.value.params["path"]
    assert isinstance(refused, Path) and refused.parent == ctx.trust_dir
    assert list(ctx.trust_dir.iterdir()) == [] and part_files(ctx.trust_dir) == []
    assert trusted_keys(ctx) == []
    with ctx.store.session() as session:
        assert [event.kind for event in audit.events(session)] == []


def test_a_package_is_verified_copied_and_recorded(
    ctx: KioskContext, awarding_pub: Path, write_package: WritePackage
) -> None:
    _trusting(ctx, awarding_pub)
    package = write_package()
    installed = install_package(ctx, package)
    assert (installed.bank_id, installed.version, installed.item_count, installed.grade) == (
        "maintenance-2",
        1,
        9,
        2,
    )
    assert installed.package_file == ctx.packages_dir / "maintenance-2-v1.1xbank"
    assert installed.package_file.read_bytes() == package.read_bytes()
    assert stat.S_IMODE(installed.package_file.stat().st_mode) == PRIVATE
    assert list_installed(ctx) == [installed] and latest_installed(ctx, "maintenance-2") == installed
    assert read_installed_package(ctx, "maintenance-2", 1) == package.read_bytes()
    # Still encrypted on disk: no question text in the copy.
    assert b"Question F-01" not in installed.package_file.read_bytes()


def test_with_no_trusted_key_the_kiosk_says_how_to_add_one(
    ctx: KioskContext, write_package: WritePackage
) -> None:
    with pytest.raises(SecurityError, match=r"^install\.no_trusted_key$"):
        install_package(ctx, write_package())


def test_a_package_signed_by_an_unknown_key_is_refused(
    ctx: KioskContext, awarding_pub: Path, write_package: WritePackage
) -> None:
    _trusting(ctx, awarding_pub)
    stranger = generate_identity(KeyKind.AWARDING, "stranger")
    package = write_package(signer=stranger)
    with pytest.raises(SecurityError) as expected:
        verify_package(package.read_bytes(), trusted_keys(ctx))
    with pytest.raises(SecurityError) as caught:
        install_package(ctx, package)
    assert (caught.value.code, caught.value.params) == (expected.value.code, expected.value.params)
    assert list_installed(ctx) == [] and list(ctx.packages_dir.iterdir()) == []


@pytest.mark.parametrize("position", [3, 40, 300, -100, -1])
def test_a_damaged_package_is_refused_and_nothing_is_installed(
    ctx: KioskContext, awarding_pub: Path, write_package: WritePackage, position: int
) -> None:
    _trusting(ctx, awarding_pub)
    package = write_package()
    data = bytearray(package.read_bytes())
    data[position] ^= 0x40
    package.write_bytes(bytes(data))
    with pytest.raises((SecurityError, BankError)) as caught:
        install_package(ctx, package)
    assert isinstance(caught.value, KioskError)
    assert list_installed(ctx) == [] and list(ctx.packages_dir.iterdir()) == []


def test_a_missing_package_file_is_named(ctx: KioskContext, tmp_path: Path) -> None:
    with pytest.raises(BankError, match=r"^package\.file_missing path=.*nowhere\.1xbank$"):
        install_package(ctx, tmp_path / "nowhere.1xbank")


def test_newer_versions_install_beside_older_ones(
    ctx: KioskContext, awarding_pub: Path, write_package: WritePackage
) -> None:
    _trusting(ctx, awarding_pub)
    install_package(ctx, write_package(make_bank(version=1)))
    install_package(ctx, write_package(make_bank(version=4)))
    assert [(bank.version, bank.package_file.name) for bank in list_installed(ctx)] == [
        (1, "maintenance-2-v1.1xbank"),
        (4, "maintenance-2-v4.1xbank"),
    ]
    latest = latest_installed(ctx, "maintenance-2")
    assert latest is not None and latest.version == 4


def test_an_older_version_is_refused_naming_both_versions(
    ctx: KioskContext, awarding_pub: Path, write_package: WritePackage
) -> None:
    _trusting(ctx, awarding_pub)
    install_package(ctx, write_package(make_bank(version=3)))
    with pytest.raises(RuleError, match=r"^install\.older_version\b") as caught:
        install_package(ctx, write_package(make_bank(version=2)))
    assert caught.value.params == {"bank": "maintenance-2", "version": 2, "installed": 3}
    assert [bank.version for bank in list_installed(ctx)] == [3]
    assert [path.name for path in ctx.packages_dir.iterdir()] == ["maintenance-2-v3.1xbank"]


def test_a_different_package_with_the_installed_version_is_refused(
    ctx: KioskContext, awarding_pub: Path, write_package: WritePackage
) -> None:
    _trusting(ctx, awarding_pub)
    install_package(ctx, write_package(make_bank(version=3)))
    rebuilt = write_package(make_bank(version=3), name="rebuilt.1xbank")  # new salt and nonces: other bytes
    with pytest.raises(RuleError, match=r"^install\.same_version bank=maintenance-2 version=3$"):
        install_package(ctx, rebuilt)


def test_installing_the_same_file_again_repairs_a_damaged_copy(
    ctx: KioskContext, awarding_pub: Path, write_package: WritePackage
) -> None:
    _trusting(ctx, awarding_pub)
    package = write_package()
    installed = install_package(ctx, package)
    installed.package_file.write_bytes(b"eaten by a virus scanner")
    with pytest.raises(BankError, match=r"^installed_package\.changed\b") as caught:
        read_installed_package(ctx, "maintenance-2", 1)
    assert caught.value.params == {"path": installed.package_file}
    assert install_package(ctx, package) == installed
    assert read_installed_package(ctx, "maintenance-2", 1) == package.read_bytes()


def test_an_unreadable_installed_package_is_named(installed: KioskContext) -> None:
    (installed.packages_dir / "maintenance-2-v1.1xbank").unlink()
    with pytest.raises(BankError, match=r"^installed_package\.unreadable\b") as caught:
        read_installed_package(installed, "maintenance-2", 1)
    assert caught.value.params["path"] == installed.packages_dir / "maintenance-2-v1.1xbank"
    with pytest.raises(RuleError, match=r"^installed_package\.missing bank=maintenance-2 version=9$"):
        read_installed_package(installed, "maintenance-2", 9)


def test_if_recording_fails_the_copied_file_is_removed(
    ctx: KioskContext, awarding_pub: Path, write_package: WritePackage, monkeypatch: pytest.MonkeyPatch
) -> None:
    _trusting(ctx, awarding_pub)

    def full_disk(*_args: object) -> None:
        raise StoreError("kiosk_store.disk_full", path=ctx.store.path)

    monkeypatch.setattr(banks, "add_bank", full_disk)
    with pytest.raises(StoreError, match=r"^kiosk_store\.disk_full\b"):
        install_package(ctx, write_package())
    assert list(ctx.packages_dir.iterdir()) == []
    monkeypatch.undo()
    assert list_installed(ctx) == []


def test_a_full_disk_installs_nothing_and_leaves_nothing(
    ctx: KioskContext, awarding_pub: Path, write_package: WritePackage, fill_disk: Callable[[], None]
) -> None:
    _trusting(ctx, awarding_pub)
    package = write_package()
    fill_disk()
    with pytest.raises(FileWriteError, match=r"^file\.disk_full\b") as caught:
        install_package(ctx, package)
    assert caught.value.params == {"path": ctx.packages_dir / "maintenance-2-v1.1xbank"}
    assert list(ctx.packages_dir.iterdir()) == [] and part_files(ctx.packages_dir) == []
    assert list_installed(ctx) == []


def test_a_full_disk_during_a_repair_keeps_the_record_and_leaves_no_temporary_file(
    ctx: KioskContext,
    awarding_pub: Path,
    write_package: WritePackage,
    fill_disk: Callable[[], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _trusting(ctx, awarding_pub)
    package = write_package()
    installed = install_package(ctx, package)
    installed.package_file.write_bytes(b"eaten by a virus scanner")
    fill_disk()
    with pytest.raises(FileWriteError, match=r"^file\.disk_full\b"):
        install_package(ctx, package)
    assert installed.package_file.read_bytes() == b"eaten by a virus scanner"
    assert part_files(ctx.packages_dir) == [] and list_installed(ctx) == [installed]
    monkeypatch.undo()
    assert install_package(ctx, package) == installed


def _re_signed(package: Path, signer: PrivateIdentity, **changes: object) -> Path:
    """The package with its header changed and signed again by ``signer`` (as a stolen key could)."""
    data = package.read_bytes()
    header = read_header(data)
    ciphertext = data[len(PACKAGE_MAGIC) + 1 + 4 + len(header.raw) + 2 + 64 :]
    raw = canonical_json({**json.loads(header.raw), **changes})
    signature = signer.sign(PACKAGE_HEADER_LABEL, raw)
    forged = package.with_name("forged.1xbank")
    forged.write_bytes(
        PACKAGE_MAGIC
        + b"\x01"
        + struct.pack(">I", len(raw))
        + raw
        + struct.pack(">H", 64)
        + signature
        + ciphertext
    )
    return forged


def _every_file(root: Path) -> set[Path]:
    return {path for path in root.rglob("*") if path.is_file()}


@pytest.mark.parametrize(
    "changes",
    [{"bank_id": "../../x"}, {"bank_id": "../x"}, {"bank_id": "x/../../../y"}, {"version": -1}],
    ids=["out of the data folder", "out of the packages folder", "down and up", "negative version"],
)
def test_a_signed_header_naming_a_path_is_refused_and_nothing_is_written_anywhere(
    ctx: KioskContext,
    awarding: PrivateIdentity,
    awarding_pub: Path,
    write_package: WritePackage,
    tmp_path: Path,
    changes: dict[str, object],
) -> None:
    _trusting(ctx, awarding_pub)
    forged = _re_signed(write_package(), awarding, **changes)
    before = _every_file(tmp_path)
    with pytest.raises(SecurityError, match=r"^package\.header_value_refused\b") as caught:
        install_package(ctx, forged)
    assert caught.value.params["field"] in changes
    assert _every_file(tmp_path) == before
    assert list_installed(ctx) == [] and list(ctx.packages_dir.iterdir()) == []


def test_the_file_name_is_checked_again_where_it_is_built(
    ctx: KioskContext,
    awarding_pub: Path,
    write_package: WritePackage,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    _trusting(ctx, awarding_pub)
    package = write_package()
    header = verify_package(package.read_bytes(), trusted_keys(ctx))
    unchecked = dataclasses.replace(header, bank_id="../x")
    monkeypatch.setattr(bank_install, "verify_package", lambda *_args: unchecked)
    before = _every_file(tmp_path)
    with pytest.raises(SecurityError, match=r"^package\.file_name_refused\b") as caught:
        install_package(ctx, package)
    assert caught.value.params == {"bank": "../x", "version": "1"}
    assert _every_file(tmp_path) == before and list_installed(ctx) == []
