"""A PIN lockout is logged, and another invigilator's PIN or the centre's recovery code clears it."""

from __future__ import annotations

import json
import sqlite3

import pytest

from kiosk.domain.clock import FakeClock
from kiosk.domain.errors import RuleError, SecurityError
from kiosk.messages import sentence
from kiosk.station.services import invigilators
from kiosk.station.services.context import KioskContext
from kiosk.station.services.exam import ExamSession
from kiosk.station.services.invigilators import (
    BY_RECOVERY_CODE,
    check_pin,
    clear_pin_lockout,
    create_invigilator,
    issue_recovery_code,
    pins_locked,
)
from kiosk.station.services.sittings import OpenSitting
from kiosk.station.storage.records import IncidentRecord
from kiosk.station.storage.repositories import audit
from tests.fixtures.kiosk import PIN

OTHER_PIN = "593716"


def _lock_out(ctx: KioskContext, **where: object) -> None:
    for _ in range(5):
        with pytest.raises(SecurityError, match=r"^invigilator\.pin_wrong"):
            check_pin(ctx, "999999", **where)  # type: ignore[arg-type]
    assert pins_locked(ctx)


def _incidents(ctx: KioskContext, sitting: OpenSitting) -> list[IncidentRecord]:
    with ctx.store.session() as session:
        return [
            i for i in audit.incidents(session, sitting_id=sitting.sitting_id) if i.category == "pin_lockout"
        ]


def _events(ctx: KioskContext, kind: str) -> list[dict[str, object]]:
    with ctx.store.session() as session:
        return [json.loads(e.detail_json) for e in audit.events(session) if e.kind == kind]


def test_a_lockout_during_an_exam_is_an_incident_of_the_sitting_and_attempt(
    exam: ExamSession, sitting: OpenSitting, staffed: KioskContext, clock: FakeClock
) -> None:
    for _ in range(4):
        with pytest.raises(SecurityError):
            exam.pause("999999")
    assert _incidents(staffed, sitting) == []
    with pytest.raises(SecurityError, match=r"^invigilator\.pin_wrong_now_locked\b"):
        exam.pause("999999")
    (incident,) = _incidents(staffed, sitting)
    assert (incident.attempt_id, incident.recorded_by) == (exam.attempt_id, "kiosk")
    assert incident.description.startswith("5 wrong invigilator PINs were typed on this kiosk")
    assert _events(staffed, "pin_locked") == [{"failures": 5, "minutes": 10}]
    # Refusals while locked are not new lockouts.
    with pytest.raises(SecurityError, match=r"^invigilator\.pin_locked\b"):
        exam.pause(PIN)
    assert len(_incidents(staffed, sitting)) == 1


def test_another_invigilators_pin_clears_the_lock_and_that_is_logged(
    exam: ExamSession, sitting: OpenSitting, staffed: KioskContext
) -> None:
    create_invigilator(staffed, "Mr Zulu", OTHER_PIN)
    _lock_out(staffed, sitting_id=sitting.sitting_id, attempt_id=exam.attempt_id)
    with pytest.raises(SecurityError, match=r"^invigilator\.pin_locked\b"):
        check_pin(staffed, PIN)
    who = clear_pin_lockout(staffed, OTHER_PIN, sitting_id=sitting.sitting_id, attempt_id=exam.attempt_id)
    assert who == "Mr Zulu"
    assert not pins_locked(staffed)
    assert check_pin(staffed, PIN) == "Ms Mulenga"
    locked, cleared = _incidents(staffed, sitting)
    assert locked.recorded_by == "kiosk"
    assert (cleared.recorded_by, cleared.attempt_id) == ("Mr Zulu", exam.attempt_id)
    assert cleared.description == "The invigilator PIN lockout was cleared with the PIN of Mr Zulu."
    assert _events(staffed, "pin_lock_cleared") == [{"by": "Mr Zulu"}]


def test_the_recovery_code_clears_the_lock_however_it_is_typed(
    staffed: KioskContext, sitting: OpenSitting
) -> None:
    code = issue_recovery_code(staffed)
    assert len(code.replace("-", "")) == 16 and not code.replace("-", "").isdigit()
    _lock_out(staffed, sitting_id=sitting.sitting_id)
    with pytest.raises(SecurityError, match=r"^invigilator\.recovery_code_wrong$"):
        clear_pin_lockout(staffed, "AAAA-BBBB-CCCC-DDDD", sitting_id=sitting.sitting_id)
    assert pins_locked(staffed)
    typed = " " + code.lower().replace("-", " ") + " "
    assert clear_pin_lockout(staffed, typed, sitting_id=sitting.sitting_id) == BY_RECOVERY_CODE
    assert not pins_locked(staffed)
    assert _incidents(staffed, sitting)[-1].description == (
        "The invigilator PIN lockout was cleared with the centre's recovery code."
    )


def test_wrong_pins_to_clear_the_lock_are_limited_but_the_recovery_code_still_works(
    staffed: KioskContext,
) -> None:
    code = issue_recovery_code(staffed)
    _lock_out(staffed)
    with pytest.raises(SecurityError) as caught:
        clear_pin_lockout(staffed, "111222")
    assert caught.value.code == "invigilator.override_wrong"
    assert caught.value.params == {"tries": 4, "minutes": 10}
    assert sentence(caught.value) == (
        "That is not the PIN of an active invigilator. 4 more wrong tries will stop PINs from clearing the "
        "lock for 10 minutes."
    )
    for _ in range(4):
        with pytest.raises(SecurityError, match=r"^invigilator\.override_wrong"):
            clear_pin_lockout(staffed, "111222")
    # Now not even a right PIN clears it, but the recovery code does.
    with pytest.raises(SecurityError, match=r"^invigilator\.override_locked minutes=10$"):
        clear_pin_lockout(staffed, PIN)
    assert clear_pin_lockout(staffed, code) == BY_RECOVERY_CODE
    assert check_pin(staffed, PIN) == "Ms Mulenga"


def test_clearing_needs_a_lock_and_a_recovery_code_to_have_been_issued(staffed: KioskContext) -> None:
    with pytest.raises(RuleError, match=r"^invigilator\.pin_not_locked$"):
        clear_pin_lockout(staffed, PIN)
    _lock_out(staffed)
    with pytest.raises(RuleError, match=r"^invigilator\.no_recovery_code$"):
        clear_pin_lockout(staffed, "K7QF-M2XD-9PHA-3RTW")


def test_a_new_recovery_code_replaces_the_old_and_only_its_hash_is_kept(staffed: KioskContext) -> None:
    first = issue_recovery_code(staffed)
    second = issue_recovery_code(staffed)
    assert first != second
    with sqlite3.connect(staffed.store.path) as connection:
        (stored,) = connection.execute("SELECT recovery_code_hash FROM kiosk").fetchone()
    assert stored.startswith("$argon2id$") and second.replace("-", "") not in stored
    _lock_out(staffed)
    with pytest.raises(SecurityError, match=r"^invigilator\.recovery_code_wrong$"):
        clear_pin_lockout(staffed, first)
    assert clear_pin_lockout(staffed, second) == BY_RECOVERY_CODE
    assert len(_events(staffed, "recovery_code_issued")) == 2


def test_a_kiosk_not_set_up_has_no_recovery_code(ctx: KioskContext) -> None:
    with pytest.raises(RuleError, match=r"^kiosk\.not_set_up$"):
        invigilators.issue_recovery_code(ctx)


def test_a_lockout_on_the_unlock_screen_names_the_sitting_it_was_opening(
    staffed: KioskContext, sitting: OpenSitting
) -> None:
    _lock_out(staffed, sitting_id=sitting.sitting_id)
    (incident,) = _incidents(staffed, sitting)
    assert incident.attempt_id is None


def test_a_lockout_naming_a_sitting_the_store_lacks_is_an_event_only(staffed: KioskContext) -> None:
    _lock_out(staffed, sitting_id=999)
    with staffed.store.session() as session:
        assert audit.incidents(session) == []
        (event,) = [e for e in audit.events(session) if e.kind == "pin_locked"]
    assert event.sitting_id is None
