"""The centre's reports from its own kiosk: the invigilation pack (which issues fresh access codes) and
the sitting report (attendance, times, incidents and outages from the store)."""

from __future__ import annotations

import io
import re
import stat
from collections.abc import Callable
from datetime import UTC
from pathlib import Path

import pytest
from pypdf import PdfReader

from kiosk.domain.attempt import IncidentCategory
from kiosk.domain.clock import FakeClock
from kiosk.domain.errors import FileWriteError, InputError, SecurityError, StoreError
from kiosk.station.services.context import KioskContext
from kiosk.station.services.exam import authorise_resume, find_interrupted, login
from kiosk.station.services.reports import print_pack, sitting_report_data, write_sitting_report
from kiosk.station.services.sittings import OpenSitting
from kiosk.station.storage.repositories import audit, people
from kiosk.support.files import PRIVATE
from tests.fixtures.kiosk import PIN, RIGHT
from tests.fixtures.station import part_files


def _text(path: Path) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return len(reader.pages), " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _printed_code(text: str, number: str) -> str:
    match = re.search(rf"Candidate number: {number} .*? Access code ([2-9A-Z]{{4}}-[2-9A-Z]{{4}})", text)
    assert match, f"no access code printed for {number}"
    return match.group(1)


def test_pack_issues_fresh_codes_and_old_ones_stop_working(
    staffed: KioskContext, sitting: OpenSitting, codes: dict[str, str], tmp_path: Path
) -> None:
    printed = print_pack(staffed, sitting.sitting_id, tmp_path / "pack.pdf", zone=UTC)
    assert printed.candidates == 2
    pages, text = _text(printed.path)
    assert pages == 5  # cover, instructions, register, incident form, one page of slips
    assert "C-001" in text and "C-002" in text and "钱多多" in text
    assert "C-003" not in text  # entered for Design I, not this sitting's Maintenance II
    assert "Printing a new pack for this sitting issues new access codes" in text
    assert "Extra time: +25%" in text
    new = _printed_code(text, "C-001")
    assert new != codes["C-001"]
    with pytest.raises(SecurityError):
        login(staffed, sitting, "C-001", codes["C-001"])
    session = login(staffed, sitting, "C-001", new)
    assert session.candidate_number == "C-001"
    session.close()
    with staffed.store.session() as store:
        kinds = [event.kind for event in audit.events(store, sitting_id=sitting.sitting_id)]
    assert "invigilation_pack_printed" in kinds
    assert stat.S_IMODE(printed.path.stat().st_mode) == PRIVATE


def test_a_full_disk_leaves_no_pack_and_the_old_codes_working(
    staffed: KioskContext,
    sitting: OpenSitting,
    codes: dict[str, str],
    tmp_path: Path,
    fill_disk: Callable[[], None],
) -> None:
    out = tmp_path / "packs"
    out.mkdir()
    fill_disk()
    with pytest.raises(FileWriteError, match=r"^file\.disk_full\b") as caught:
        print_pack(staffed, sitting.sitting_id, out / "pack.pdf", zone=UTC)
    assert caught.value.params == {"path": out / "pack.pdf"}
    assert list(out.iterdir()) == [] and part_files(out) == []
    for number in ("C-001", "C-002"):
        login(staffed, sitting, number, codes[number]).close()
    with staffed.store.session() as store:
        kinds = [event.kind for event in audit.events(store)]
    assert "invigilation_pack_printed" not in kinds and "access_code_reset" not in kinds


def test_a_pack_whose_codes_could_not_be_stored_is_removed(
    staffed: KioskContext,
    sitting: OpenSitting,
    codes: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refused(*_args: object) -> None:
        raise StoreError("kiosk_store.disk_full", path=staffed.store.path)

    monkeypatch.setattr(people, "set_access_code_hash", refused)
    with pytest.raises(StoreError, match=r"^kiosk_store\.disk_full\b"):
        print_pack(staffed, sitting.sitting_id, tmp_path / "pack.pdf", zone=UTC)
    assert not (tmp_path / "pack.pdf").exists()
    monkeypatch.undo()
    login(staffed, sitting, "C-001", codes["C-001"]).close()


def test_printing_again_voids_the_first_pack(
    staffed: KioskContext, sitting: OpenSitting, codes: dict[str, str], tmp_path: Path
) -> None:
    first = _printed_code(_text(print_pack(staffed, sitting.sitting_id, tmp_path / "a.pdf").path)[1], "C-002")
    second = _printed_code(
        _text(print_pack(staffed, sitting.sitting_id, tmp_path / "b.pdf").path)[1], "C-002"
    )
    assert first != second
    with pytest.raises(SecurityError):
        login(staffed, sitting, "C-002", first)
    login(staffed, sitting, "C-002", second).close()


def test_pack_for_an_unknown_sitting_changes_no_code(
    staffed: KioskContext, sitting: OpenSitting, codes: dict[str, str], tmp_path: Path
) -> None:
    with pytest.raises(InputError, match=r"^sitting\.unknown sitting=99$"):
        print_pack(staffed, 99, tmp_path / "pack.pdf")
    login(staffed, sitting, "C-001", codes["C-001"]).close()
    assert not (tmp_path / "pack.pdf").exists()


def test_sitting_report_after_an_exam_with_an_incident_and_a_power_cut(
    staffed: KioskContext, sitting: OpenSitting, codes: dict[str, str], clock: FakeClock, tmp_path: Path
) -> None:
    session = login(staffed, sitting, "C-001", codes["C-001"])
    session.start()
    first, *rest = session.form.item_ids
    clock.advance(60)
    session.record_answer(first, RIGHT[first])
    session.record_incident(PIN, IncidentCategory.ILLNESS, "Candidate felt faint; water given")
    # The kiosk loses power: the session is gone, four minutes pass, the invigilator authorises the resume.
    session.close()
    clock.advance(240)
    assert [found.attempt_id for found in find_interrupted(staffed)] == [session.attempt_id]
    resumed = authorise_resume(staffed, sitting, session.attempt_id, PIN)
    for item_id in rest:
        clock.advance(30)
        resumed.record_answer(item_id, RIGHT[item_id])
    resumed.submit()

    data = sitting_report_data(staffed, sitting.sitting_id, zone=UTC)
    lines = {line.number: line for line in data.attendance}
    assert set(lines) == {"C-001", "C-002"}
    assert lines["C-002"].state == "absent"
    assert lines["C-001"].state == "submitted"
    assert lines["C-001"].consumed_seconds == pytest.approx(60 + 30 * len(rest), abs=1)
    categories = [(incident.candidate, incident.category) for incident in data.incidents]
    assert ("C-001", "illness") in categories and ("C-001", "power_outage") in categories
    outage = data.outages[0]
    assert outage.duration_seconds == pytest.approx(240, abs=1)

    path = write_sitting_report(staffed, sitting.sitting_id, tmp_path / "sitting.pdf", zone=UTC)
    pages, text = _text(path)
    assert pages == 1
    for expected in (
        "Sitting report",
        "Maintenance II theory",
        "C-001 Mwila Banda submitted",
        "Chanda Phiri 钱多多 absent",
        "Candidate felt faint; water given",
        "power outage",
        "Lab 2 PC 14",
        "CZVTC Lusaka",
    ):
        assert expected in text, expected


def test_sitting_report_of_an_unknown_sitting(staffed: KioskContext, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^sitting\.unknown sitting=7$"):
        write_sitting_report(staffed, 7, tmp_path / "x.pdf")


def test_a_full_disk_leaves_no_sitting_report(
    staffed: KioskContext, sitting: OpenSitting, tmp_path: Path, fill_disk: Callable[[], None]
) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    fill_disk()
    with pytest.raises(FileWriteError, match=r"^file\.disk_full\b") as caught:
        write_sitting_report(staffed, sitting.sitting_id, out / "sitting.pdf", zone=UTC)
    assert caught.value.params == {"path": out / "sitting.pdf"}
    assert list(out.iterdir()) == [] and part_files(out) == []
