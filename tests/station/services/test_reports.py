"""The centre's reports from its own kiosk: the invigilation pack (which issues fresh access codes) and
the sitting report (attendance, times, incidents and outages from the store)."""

from __future__ import annotations

import io
import json
import re
import stat
from collections.abc import Callable
from datetime import UTC, date
from pathlib import Path

import pytest
from pypdf import PdfReader

from kiosk.domain.attempt import IncidentCategory
from kiosk.domain.clock import FakeClock
from kiosk.domain.errors import FileWriteError, InputError, RuleError, SecurityError, StoreError
from kiosk.station.reports.sitting_report import NOT_STARTED, Evidence, evidence_text
from kiosk.station.services import guesses
from kiosk.station.services.context import KioskContext
from kiosk.station.services.exam import authorise_resume, find_interrupted, login
from kiosk.station.services.invigilators import clear_pin_lockout, create_invigilator
from kiosk.station.services.reports import print_pack, sitting_report_data, write_sitting_report
from kiosk.station.services.roster import reset_access_code
from kiosk.station.services.sittings import OpenSitting, open_sitting, schedule_sitting
from kiosk.station.storage.repositories import audit, people
from kiosk.support.files import PRIVATE
from tests.fixtures.kiosk import PIN, RELEASE_CODE, RIGHT
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

    monkeypatch.setattr(people, "set_sitting_code_hash", refused)
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


def test_a_pack_issues_codes_for_its_sitting_only(
    staffed: KioskContext, sitting: OpenSitting, codes: dict[str, str], tmp_path: Path
) -> None:
    """Two sittings of one bank (a morning and an afternoon group): each pack's codes open its own sitting,
    and printing the afternoon's pack leaves the morning's codes working."""
    later = schedule_sitting(staffed, "Maintenance II resit", "maintenance-2", date(2025, 6, 2))
    afternoon = open_sitting(staffed, later.id, PIN, RELEASE_CODE)
    morning_code = _printed_code(
        _text(print_pack(staffed, sitting.sitting_id, tmp_path / "a.pdf").path)[1], "C-001"
    )
    afternoon_code = _printed_code(_text(print_pack(staffed, later.id, tmp_path / "b.pdf").path)[1], "C-001")
    assert morning_code != afternoon_code
    # Each code opens its own sitting and not the other; the roster code opens neither any more.
    for wrong_sitting, code in (
        (afternoon, morning_code),
        (sitting, afternoon_code),
        (sitting, codes["C-001"]),
    ):
        with pytest.raises(SecurityError):
            login(staffed, wrong_sitting, "C-001", code)
    login(staffed, sitting, "C-001", morning_code).close()
    login(staffed, afternoon, "C-001", afternoon_code).close()
    # C-002 has no pack code for a sitting that printed none: the roster code still opens it.
    with staffed.store.session() as store:
        candidate = people.get_candidate(store, "C-002")
        assert candidate is not None
        assert people.sitting_code_hash(store, candidate.id, sitting.sitting_id) is not None


def test_a_reset_code_opens_every_sitting_and_ends_the_packs_codes(
    staffed: KioskContext, sitting: OpenSitting, codes: dict[str, str], tmp_path: Path
) -> None:
    packed = _printed_code(
        _text(print_pack(staffed, sitting.sitting_id, tmp_path / "a.pdf").path)[1], "C-002"
    )
    fresh = reset_access_code(staffed, "C-002")
    with pytest.raises(SecurityError):
        login(staffed, sitting, "C-002", packed)
    login(staffed, sitting, "C-002", fresh).close()


def test_a_candidate_entered_for_another_exam_is_refused_and_it_is_on_the_report(
    staffed: KioskContext, sitting: OpenSitting, codes: dict[str, str]
) -> None:
    with pytest.raises(RuleError, match=r"^login\.other_exam\b"):
        login(staffed, sitting, "C-003", codes["C-003"])  # entered for Design I, not Maintenance II
    data = sitting_report_data(staffed, sitting.sitting_id, zone=UTC)
    [line] = [line for line in data.evidence if line.candidate == "C-003"]
    assert line.kind is Evidence.LOGIN_OTHER_EXAM
    assert (
        evidence_text(line) == "Log-in refused: this candidate is entered for another certificate or grade."
    )


def test_wrong_release_codes_at_unlock_are_on_the_report_with_the_lockout(
    staffed: KioskContext, codes: dict[str, str]
) -> None:
    info = schedule_sitting(staffed, "Maintenance II theory", "maintenance-2", date(2025, 6, 2))
    limit = guesses.release_code_limit().max_failures
    for _ in range(limit):
        with pytest.raises(SecurityError, match=r"^sitting\.release_code_"):
            open_sitting(staffed, info.id, PIN, "WRNG-CODE-0000")
    data = sitting_report_data(staffed, info.id, zone=UTC)
    kinds = [(line.kind, line.by) for line in data.evidence]
    assert kinds == [(Evidence.UNLOCK_WRONG_RELEASE_CODE, "Ms Mulenga")] * (limit - 1) + [
        (Evidence.UNLOCK_LOCKED_OUT, "Ms Mulenga")
    ]
    assert evidence_text(data.evidence[-1]).endswith("release codes are now locked out on this kiosk.")


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


def test_sitting_report_gives_the_evidence_for_an_appeal(
    staffed: KioskContext, sitting: OpenSitting, codes: dict[str, str], clock: FakeClock, tmp_path: Path
) -> None:
    def at() -> str:
        return clock.wall().astimezone(UTC).strftime("%H:%M")

    # C-002 types a wrong code until the number is locked out, then is refused with the right one.
    for _ in range(4):
        with pytest.raises(SecurityError, match=r"^login\.wrong_code"):
            login(staffed, sitting, "C-002", "WRONG-CODE")
    clock.advance(60)
    locked_at = at()
    with pytest.raises(SecurityError, match=r"^login\.wrong_code_now_locked\b"):
        login(staffed, sitting, "C-002", "WRONG-CODE")
    clock.advance(120)
    with pytest.raises(SecurityError, match=r"^login\.access_code_locked\b"):
        login(staffed, sitting, "C-002", codes["C-002"])
    with pytest.raises(SecurityError, match=r"^login\.wrong_code\b"):
        login(staffed, sitting, "C-999", "WRONG-CODE")

    session = login(staffed, sitting, "C-001", codes["C-001"])
    session.start()
    clock.advance(600)
    paused_at = at()
    session.pause(PIN)
    clock.advance(300)
    session.resume(PIN)
    clock.advance(60)
    granted_at = at()
    session.grant_extra_time(PIN, 10, "Fire alarm: the room was evacuated")
    clock.advance(60)
    menu_at = at()
    session.hold_clock(PIN)
    clock.advance(30)
    session.release_clock()
    clock.advance(60)
    break_at = at()
    session.start_rest_break(PIN)
    clock.advance(180)
    session.end_rest_break()
    create_invigilator(staffed, "Mr Zulu", "593716")
    for _ in range(5):
        with pytest.raises(SecurityError, match=r"^invigilator\.pin_wrong"):
            session.pause("999999")
    clock.advance(60)
    cleared_at = at()
    clear_pin_lockout(staffed, "593716", sitting_id=sitting.sitting_id, attempt_id=session.attempt_id)
    session.submit()
    session.close()

    data = sitting_report_data(staffed, sitting.sitting_id, zone=UTC)
    lines = {line.number: line for line in data.attendance}
    refused = lines["C-002"]
    assert refused.state == NOT_STARTED and refused.state != "absent"
    assert refused.failed_logins == 6
    assert refused.locked_out_at is not None and refused.locked_out_at.strftime("%H:%M") == locked_at
    kinds = [(line.candidate, line.kind, line.by) for line in data.evidence]
    assert kinds.count(("C-002", Evidence.LOGIN_WRONG_CODE, "")) == 4
    assert ("C-002", Evidence.LOGIN_LOCKED_OUT, "") in kinds
    assert ("C-002", Evidence.LOGIN_REFUSED_LOCKED, "") in kinds
    assert ("C-999", Evidence.LOGIN_UNKNOWN_NUMBER, "") in kinds
    assert ("C-001", Evidence.PAUSED, "Ms Mulenga") in kinds
    assert ("C-001", Evidence.RESUMED, "Ms Mulenga") in kinds
    (grant,) = [line for line in data.evidence if line.kind == Evidence.EXTRA_TIME]
    assert (grant.minutes, grant.reason, grant.by) == (10, "Fire alarm: the room was evacuated", "Ms Mulenga")
    categories = [(incident.category, incident.recorded_by) for incident in data.incidents]
    assert ("invigilator_menu", "Ms Mulenga") in categories
    assert ("rest_break", "Ms Mulenga") in categories
    assert ("pin_lockout", "kiosk") in categories and ("pin_lockout", "Mr Zulu") in categories

    path = write_sitting_report(staffed, sitting.sitting_id, tmp_path / "sitting.pdf", zone=UTC)
    _, text = _text(path)
    assert "Chanda Phiri 钱多多 absent" not in text
    for expected in (
        f"Chanda Phiri 钱多多 did not start: locked out at log-in {locked_at}",
        "Did not start 1 Absent 0",
        f"{locked_at} C-002 Log-in refused: wrong access code; this number is now locked out of log-in. "
        "candidate",
        "C-002 Log-in refused: this number was locked out after too many wrong access codes. candidate",
        "C-999 Log-in refused: this candidate number is not on the roster. candidate",
        f"{paused_at} C-001 Exam paused by the invigilator; the clock stopped. Ms Mulenga",
        "C-001 Exam resumed by the invigilator; the clock runs again. Ms Mulenga",
        f"{granted_at} C-001 Extra time granted: 10 min. Reason: Fire alarm: the room was evacuated "
        "Ms Mulenga",
        f"{menu_at} C-001 invigilator menu Ms Mulenga opened the invigilator menu",
        f"{break_at} C-001 rest break Candidate C-001 took a rest break, confirmed by Ms Mulenga",
        "3:00 Ms Mulenga",  # the rest break's length and who confirmed it
        "C-001 pin lockout 5 wrong invigilator PINs were typed on this kiosk",
        f"{cleared_at} C-001 pin lockout The invigilator PIN lockout was cleared with the PIN of Mr Zulu.",
        "Refused log-ins 7",
        "Extra time granted 1, 10:00 in all",
    ):
        assert expected in text, expected


def test_a_candidate_refused_at_log_in_without_a_lockout_did_not_start(
    staffed: KioskContext, sitting: OpenSitting, codes: dict[str, str], clock: FakeClock
) -> None:
    with pytest.raises(SecurityError, match=r"^login\.wrong_code\b"):
        login(staffed, sitting, "c-002", "WRONG-CODE")
    data = sitting_report_data(staffed, sitting.sitting_id, zone=UTC)
    lines = {line.number: line for line in data.attendance}
    assert lines["C-002"].state == NOT_STARTED
    assert (lines["C-002"].failed_logins, lines["C-002"].locked_out_at) == (1, None)
    assert lines["C-002"].last_failed_login_at == clock.wall()
    assert lines["C-001"].state == "absent"
    with staffed.store.session() as store:
        (event,) = [e for e in audit.events(store, sitting_id=sitting.sitting_id) if e.kind == "login_failed"]
    assert json.loads(event.detail_json) == {"candidate": "C-002", "reason": "wrong_code", "locked": False}
