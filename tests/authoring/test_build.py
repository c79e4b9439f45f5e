"""Building, inspecting, verifying and opening bank packages from source folders."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.authoring import build as authoring
from kiosk.authoring.source import load_bank_dir
from kiosk.domain.errors import BankError, FileWriteError, KioskError, SecurityError
from kiosk.formats import bank_packages
from kiosk.formats.keys import KeyKind, PrivateIdentity, generate_identity, write_identity
from kiosk.formats.packages import TEST_RELEASE_KDF
from kiosk.messages import sentence

CODE = "K7QF-M2XD-9PHA"
Built = tuple[Path, PrivateIdentity]


@pytest.fixture
def built(bank_dir: Path, tmp_path: Path) -> Built:
    signer = generate_identity(KeyKind.AWARDING, "awarding")
    output = tmp_path / "out" / "maintenance-1.1xbank"
    authoring.build_bank_package(bank_dir, output, signer, CODE, kdf=TEST_RELEASE_KDF)
    return output, signer


def test_build_then_open_gives_the_same_bank(bank_dir: Path, built: Built) -> None:
    path, signer = built
    bank = bank_packages.open_bank_package(path.read_bytes(), [signer.public], "k7qf m2xd 9pha")
    assert bank == load_bank_dir(bank_dir)
    assert bank.images == load_bank_dir(bank_dir).images


def test_inspect_reads_the_header_without_the_code(built: Built) -> None:
    path, signer = built
    header = bank_packages.inspect_package(path)
    rows = dict(authoring.describe_header(header))
    assert rows["Bank"] == "maintenance-1"
    assert rows["Grade"] == "I"
    assert rows["Version"] == "3"
    assert rows["Items"] == "10"
    assert rows["Signed by key"] == signer.key_id


def test_verify_against_a_trusted_key_file(built: Built, tmp_path: Path) -> None:
    path, signer = built
    _, public = write_identity(signer, tmp_path / "keys")
    assert bank_packages.verify_package_file(path, [public]).bank_id == "maintenance-1"


def test_unknown_signer_is_refused(built: Built) -> None:
    path, _ = built
    stranger = generate_identity(KeyKind.AWARDING, "stranger")
    with pytest.raises(SecurityError, match="unknown"):
        bank_packages.open_bank_package(path.read_bytes(), [stranger.public], CODE)


def test_wrong_release_code_is_refused(built: Built) -> None:
    path, signer = built
    with pytest.raises(SecurityError, match=r"^package\.release_code_wrong$"):
        bank_packages.open_bank_package(path.read_bytes(), [signer.public], "AAAA-BBBB-CCCC")


@pytest.mark.parametrize("fraction", [0.0, 0.003, 0.01, 0.05, 0.2, 0.5, 0.8, 0.999])
def test_a_flipped_byte_anywhere_is_refused(built: Built, fraction: float) -> None:
    path, signer = built
    data = bytearray(path.read_bytes())
    data[int(len(data) * fraction)] ^= 0x01
    with pytest.raises(KioskError) as caught:
        bank_packages.open_bank_package(bytes(data), [signer.public], CODE)
    assert sentence(caught.value).endswith(".")


@pytest.mark.parametrize("keep", [0, 5, 40, 200, -1])
def test_a_truncated_package_is_refused(built: Built, keep: int) -> None:
    path, signer = built
    data = path.read_bytes()
    with pytest.raises(KioskError):
        bank_packages.open_bank_package(data[:keep], [signer.public], CODE)


def test_a_malformed_source_writes_no_package(bank_dir: Path, tmp_path: Path) -> None:
    (bank_dir / "items" / "all.yaml").write_text("- id: X\n  type: single\n", encoding="utf-8")
    output = tmp_path / "never.1xbank"
    with pytest.raises(BankError, match=r"^bank\.source_invalid\b"):
        authoring.build_bank_package(
            bank_dir, output, generate_identity(KeyKind.AWARDING, "a"), CODE, kdf=TEST_RELEASE_KDF
        )
    assert not output.exists()
    assert list(tmp_path.glob(".never*")) == []


def test_missing_package_file_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(BankError, match=r"^package\.file_missing path=.*nope\.1xbank$"):
        bank_packages.inspect_package(tmp_path / "nope.1xbank")


def test_a_package_is_shared_readable(built: Built) -> None:
    path, _ = built
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_full_disk_leaves_no_package_behind(
    bank_dir: Path, tmp_path: Path, fill_disk: Callable[[], None]
) -> None:
    output = tmp_path / "usb" / "maintenance-1.1xbank"
    signer = generate_identity(KeyKind.AWARDING, "awarding")
    fill_disk()
    with pytest.raises(FileWriteError) as full:
        authoring.build_bank_package(bank_dir, output, signer, CODE, kdf=TEST_RELEASE_KDF)
    assert full.value.code == "file.disk_full" and full.value.params["path"] == output
    assert list(output.parent.iterdir()) == []


@pytest.mark.parametrize("code", ["a", "ABCD-EFGH-JKMN", "1234"])
def test_a_weak_release_code_builds_nothing(bank_dir: Path, tmp_path: Path, code: str) -> None:
    output = tmp_path / "weak.1xbank"
    signer = generate_identity(KeyKind.AWARDING, "awarding")
    with pytest.raises(SecurityError) as caught:
        authoring.build_bank_package(bank_dir, output, signer, code, kdf=TEST_RELEASE_KDF)
    assert caught.value.code.startswith("release_code.")
    assert not output.exists()


@pytest.mark.parametrize("kind", [KeyKind.KIOSK, KeyKind.REGISTRY])
def test_only_an_awarding_body_key_signs_a_bank(bank_dir: Path, tmp_path: Path, kind: KeyKind) -> None:
    output = tmp_path / "bank.1xbank"
    with pytest.raises(SecurityError) as caught:
        authoring.build_bank_package(
            bank_dir, output, generate_identity(kind, "lab-pc"), CODE, kdf=TEST_RELEASE_KDF
        )
    assert (caught.value.code, caught.value.params) == (
        "bank.signer_not_awarding",
        {"name": "lab-pc", "kind": kind.value},
    )
    assert sentence(caught.value) == (
        f"The key 'lab-pc' is a {kind.value} key; only an awarding-body key may sign a bank package."
    )
    assert not output.exists()


def test_enemies_and_levels_travel_in_the_package(bank_dir: Path, tmp_path: Path) -> None:
    meta = bank_dir / "bank.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8")
        .replace("stimuli:", "enemies:\n  - [T-002, T-009]\nstimuli:")
        .replace("{competence: F1, count: 3}", "{competence: F1, count: 3, level: remember}"),
        encoding="utf-8",
    )
    items = bank_dir / "items" / "all.yaml"
    text = items.read_text(encoding="utf-8")
    items.write_text(
        text.replace("  difficulty: easy\n", "  difficulty: easy\n  level: remember\n"), encoding="utf-8"
    )
    signer = generate_identity(KeyKind.AWARDING, "awarding")
    output = tmp_path / "bank.1xbank"
    authoring.build_bank_package(bank_dir, output, signer, CODE, kdf=TEST_RELEASE_KDF)
    bank = bank_packages.open_bank_package(output.read_bytes(), [signer.public], CODE)
    assert bank == load_bank_dir(bank_dir)
    assert bank.blueprint.enemies == (("T-002", "T-009"),)
    assert bank.blueprint.draws[0].level is not None and bank.item("T-001").level is not None
