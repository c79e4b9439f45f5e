"""Enrolment files: written by a kiosk, signed by its key, checked by the registry."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.domain.errors import FileWriteError, InputError, RuleError, SecurityError
from kiosk.formats.enrolment import enrolment_text, read_enrolment
from kiosk.formats.keys import KeyKind, generate_identity, load_public
from kiosk.station.services.context import KioskContext
from kiosk.station.services.enrolment import enrol, write_enrolment
from kiosk.station.services.kiosk_setup import require_kiosk
from kiosk.support.files import PRIVATE, SHARED
from tests.fixtures.station import part_files

NOW = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)
KIOSK = generate_identity(KeyKind.KIOSK, "kiosk-1a2b3c4d")


def test_a_kiosk_enrols_under_its_own_id_name_centre_and_key(kiosk: KioskContext, tmp_path: Path) -> None:
    path, enrolment = enrol(kiosk, tmp_path)
    info = require_kiosk(kiosk)
    assert path == tmp_path / f"{info.kiosk_id}.1xenrol"
    assert (enrolment.kiosk_id, enrolment.kiosk_name, enrolment.centre) == (
        info.kiosk_id,
        "Lab 2 PC 14",
        "CZVTC Lusaka",
    )
    assert enrolment.key_id == info.key_id == load_public(next(kiosk.keys_dir.glob("*.pub"))).key_id
    assert read_enrolment(path) == enrolment


def test_the_centre_given_must_be_the_kiosks_own(kiosk: KioskContext, tmp_path: Path) -> None:
    assert enrol(kiosk, tmp_path / "a.1xenrol", "  czvtc   LUSAKA ")[1].centre == "CZVTC Lusaka"
    with pytest.raises(RuleError, match=r"^enrolment\.other_centre\b") as caught:
        enrol(kiosk, tmp_path / "b.1xenrol", "Kitwe")
    assert caught.value.params == {"centre": "CZVTC Lusaka", "given": "Kitwe"}
    assert not (tmp_path / "b.1xenrol").exists()


def test_a_pc_that_is_not_a_kiosk_cannot_enrol(ctx: KioskContext, tmp_path: Path) -> None:
    with pytest.raises(RuleError, match=r"^kiosk\.not_set_up$"):
        enrol(ctx, tmp_path)


def test_the_output_folder_must_exist(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^enrolment\.folder_missing\b") as caught:
        write_enrolment(KIOSK, "1A2B3C4D", "PC", "Kitwe", tmp_path / "no" / "file.1xenrol", NOW)
    assert caught.value.params == {"folder": tmp_path / "no"}


def test_an_enrolment_file_is_public(kiosk: KioskContext, tmp_path: Path) -> None:
    path, _ = enrol(kiosk, tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == SHARED


def test_an_enrolment_file_written_into_the_data_folder_is_owner_only(kiosk: KioskContext) -> None:
    path, _ = enrol(kiosk, kiosk.data_dir)
    assert path.parent == kiosk.data_dir and stat.S_IMODE(path.stat().st_mode) == PRIVATE
    (kiosk.data_dir / "usb").mkdir()
    path, _ = enrol(kiosk, kiosk.data_dir / "usb" / "lab.1xenrol")
    assert stat.S_IMODE(path.stat().st_mode) == PRIVATE


def test_a_full_disk_leaves_no_enrolment_file(
    kiosk: KioskContext, tmp_path: Path, fill_disk: Callable[[], None]
) -> None:
    out = tmp_path / "stick"
    out.mkdir()
    fill_disk()
    with pytest.raises(FileWriteError, match=r"^file\.disk_full\b") as caught:
        enrol(kiosk, out)
    assert caught.value.params == {"path": out / f"{require_kiosk(kiosk).kiosk_id}.1xenrol"}
    assert list(out.iterdir()) == [] and part_files(out) == []


def test_empty_names_are_refused() -> None:
    with pytest.raises(InputError, match=r"^enrolment\.centre_empty$"):
        enrolment_text(KIOSK, "1A2B3C4D", "PC", "  ", NOW)


def enrolment_file(tmp_path: Path, **changes: object) -> Path:
    fields = json.loads(enrolment_text(KIOSK, "1A2B3C4D", "Lab PC", "Kitwe", NOW))
    fields.update(changes)
    path = tmp_path / "changed.1xenrol"
    path.write_text(json.dumps(fields), encoding="utf-8")
    return path


def test_a_file_altered_after_signing_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SecurityError, match=r"^enrolment\.altered path=.*changed\.1xenrol$"):
        read_enrolment(enrolment_file(tmp_path, centre="Somewhere else"))


def test_a_file_from_another_key_kind_is_refused(tmp_path: Path) -> None:
    awarding = generate_identity(KeyKind.AWARDING, "body")
    with pytest.raises(InputError, match=r"^enrolment\.not_kiosk_key kind=awarding path="):
        read_enrolment(enrolment_file(tmp_path, public=awarding.public.to_text()))


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe not text", b"[1, 2]", b'{"format": "other/1"}', b"{", b""],
    ids=["binary", "list", "other format", "broken json", "empty"],
)
def test_files_that_are_not_enrolments_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.1xenrol"
    path.write_bytes(content)
    with pytest.raises(InputError, match=f"^enrolment\\.damaged path={path}$"):
        read_enrolment(path)


def test_a_damaged_field_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^enrolment\.damaged path="):
        read_enrolment(enrolment_file(tmp_path, signature="not base64!"))
    with pytest.raises(InputError, match=r"^enrolment\.damaged path="):
        read_enrolment(enrolment_file(tmp_path, kiosk_id=7))


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=f"^enrolment\\.file_missing path={tmp_path / 'absent'}$"):
        read_enrolment(tmp_path / "absent")
